/**
 * `POST {index, sv?}`: restores the app to what it was just before history entry `index` (an
 * owner's or editor's): a new change at the end of the history, one undo step for them. (To
 * bring back a deleted app, see `undelete`.)
 */
import { actorOf, changeAnswer, readBody, sessionFor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  const body = read.body as { index?: unknown; sv?: unknown };
  const result = await session.restoreTo(actor, body.index);
  return await changeAnswer(session, result, body.sv, actor);
};
