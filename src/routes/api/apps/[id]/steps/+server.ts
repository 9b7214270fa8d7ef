/**
 * The action builder's reader. `POST {component, params, body}`: `{ok: true, steps}`, the
 * handler body as action-builder steps, or `steps: null` when it is code outside the builder's
 * subset (the studio then opens it as code). Nothing is applied; reading needs Babel, which the
 * studio page does not load. The component's state gives each field's initial value, so
 * `state.draft = ''` reads as "reset draft" where `''` is its initial.
 */
import { json } from '@sveltejs/kit';
import { bodyToSteps } from '$lib/code/action-steps-read';
import { editError } from '$lib/ops/errors';
import { componentByName } from '$lib/model/types';
import { actorOf, errorAnswer, readBody, sessionFor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  // Only someone who may open the app reads its fields' initials through here.
  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const body = (read.body ?? {}) as { component?: unknown; params?: unknown; body?: unknown };
  const names = Array.isArray(body.params) ? body.params : [];
  if (
    typeof body.body !== 'string' ||
    typeof body.component !== 'string' ||
    !names.every((n): n is string => typeof n === 'string')
  )
    return errorAnswer([
      editError(
        'E_FIELD_TYPE',
        'the request needs a “component” name, the handler’s “params” and its “body” as text'
      )
    ]);
  const component = componentByName(session.model, body.component);
  const initials = Object.fromEntries(
    Object.entries(component?.state ?? {}).map(([name, field]) => [name, field.initial])
  );
  return json({ ok: true, steps: bodyToSteps(body.body, { params: names, initials }) });
};
