/** `POST {sv?}`: undoes the person’s last step, verified like a commit (409 when it cannot be). */
import { json } from '@sveltejs/kit';
import { actorOf, changeAnswer, readBody, sessionFor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  const result = await session.undo(actor, 'undo');
  return await changeAnswer(session, result, (read.body as { sv?: unknown }).sv, actor);
};

/** `GET`: how many steps the asking person can undo and redo now. */
export const GET: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  return json({ history: session.history(actor) });
};
