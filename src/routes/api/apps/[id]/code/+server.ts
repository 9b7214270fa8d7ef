/**
 * The code tab's API.
 *
 * `GET ?component=NAME`: `{ok, component, source}`, the component's JSX form (the root component
 * without a name); 404 with E_COMPONENT_NOT_FOUND for a name the app does not have.
 *
 * `POST {component?, source, sv?}`: reads the edited text into ops and applies them as the person
 * asking, with source `code`, through the one edit path (plan, compile gate, sandbox dry run,
 * commit); answered like `POST ops` (the replica's update either way). Text that is the
 * component's JSX form already answers ok with no change. Errors (the text's own, the planner's,
 * the gate's) come back with 422 and, where they can be found, the `line` and `column` (1-based)
 * they are about in the text.
 *
 * `POST ?dryRun=1 {component?, source}`: only reads the text: `{ok: true, component, ops}` or
 * the placed errors. The studio proposes those ops itself, so its replica follows the commit.
 */
import { json } from '@sveltejs/kit';
import { editError } from '$lib/ops/errors';
import { componentSource, locateErrors, translateCode } from '$lib/server/code';
import { actorOf, changeAnswer, errorAnswer, readBody, sessionFor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const answer = componentSource(session.model, url.searchParams.get('component'));
  // The component is named in the URL: not there is a 404 (in a batch the same code is a 422).
  return answer.ok ? json(answer) : errorAnswer(answer.errors, 404);
};

export const POST: RequestHandler = async ({ params, request, url, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const body = (read.body ?? {}) as { component?: unknown; source?: unknown; sv?: unknown };
  if (typeof body.source !== 'string')
    return errorAnswer([
      editError('E_FIELD_TYPE', 'the request needs the component’s text as a string “source”', {
        path: '/source'
      })
    ]);
  if (body.component !== undefined && typeof body.component !== 'string')
    return errorAnswer([
      editError('E_FIELD_TYPE', '“component” must be a component’s name', { path: '/component' })
    ]);
  const source = body.source;
  const translated = translateCode(session.model, source, body.component);
  if (!translated.ok) return errorAnswer(translated.errors);
  if (url.searchParams.get('dryRun') === '1') return json(translated);

  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  if (translated.ops.length === 0)
    return await changeAnswer(session, { ok: true, summary: null }, body.sv, actor);
  // The text was read against the model of this moment; a change committed in between is
  // caught by the planner, which checks the ops against the model they meet.
  const result = await session.apply(actor, translated.ops, { source: 'code' });
  const placed = result.ok
    ? result
    : { ok: false as const, errors: locateErrors(result.errors, source, translated.ops) };
  return await changeAnswer(session, placed, body.sv, actor);
};
