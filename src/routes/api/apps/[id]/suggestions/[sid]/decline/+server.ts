/**
 * `POST {note?}`: declines a pending suggestion with a note its asker sees on the app page. Only
 * an owner or an editor (a user's token is a 403); nothing in the app changes.
 */
import { json } from '@sveltejs/kit';
import { actorOf, errorAnswer, readBody, sessionFor } from '$lib/server/http';
import { declineSuggestion, viewOf } from '$lib/server/suggestions';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  const body = (read.body ?? {}) as Record<string, unknown>;
  const declined = await declineSuggestion(
    locals.studio.suggestions,
    session,
    actor,
    params.sid,
    body
  );
  if (!declined.ok) return errorAnswer(declined.errors);
  return json({ ok: true, suggestion: viewOf(declined.value, actor, session) });
};
