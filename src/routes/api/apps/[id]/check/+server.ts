/**
 * `POST {ops}`: judges a batch as the person asking exactly as `POST ops` would (plan, compile
 * gate with the type checker, sandbox dry run) and writes nothing: `{ok: true, summary}` or the
 * coded errors (422; 403 for a role that may not edit). The action builder asks it about each
 * step before the handler is saved, so a step that cannot type-check is refused at the step.
 */
import { json } from '@sveltejs/kit';
import { actorOf, errorAnswer, readBody, sessionFor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const body = (read.body ?? {}) as { ops?: unknown };
  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  const result = await session.check(actor, body.ops);
  return result.ok ? json({ ok: true, summary: result.summary }) : errorAnswer(result.errors);
};
