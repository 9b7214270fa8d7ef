/** `POST {sv?}`: redoes the person’s last undone step, verified like a commit (409 when it cannot be). */
import { actorOf, changeAnswer, readBody, sessionFor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  const result = await session.undo(actor, 'redo');
  return await changeAnswer(session, result, (read.body as { sv?: unknown }).sv, actor);
};
