/**
 * `POST {component, from, to, sv?}`: renames a state field and rewrites every expression and
 * handler of the component that reads it (src/lib/code/rename.ts), as one batch through the one
 * edit path. Babel runs here, so the studio's page stays free of it.
 */
import { actorOf, changeAnswer, errorAnswer, readBody, sessionFor } from '$lib/server/http';
import { renameStateBatch } from '$lib/code/rename';
import { editError } from '$lib/ops/errors';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const { component, from, to, sv } = (read.body ?? {}) as Record<string, unknown>;
  if (typeof component !== 'string' || typeof from !== 'string' || typeof to !== 'string')
    return errorAnswer([
      editError('E_FIELD_TYPE', 'send {"component": NAME, "from": FIELD, "to": NEW_NAME}')
    ]);
  const batch = renameStateBatch(session.model, component, from, to);
  if (!batch.ok) return errorAnswer(batch.errors);
  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  const result = await session.apply(actor, batch.ops, { source: 'visual' });
  return await changeAnswer(session, result, sv, actor);
};
