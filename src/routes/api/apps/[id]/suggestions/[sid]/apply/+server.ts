/**
 * `POST {approved?, sv?}`: applies a pending suggestion as one change of the asker, who must be
 * an owner or an editor (a user's token is a 403, whoever made the suggestion). Planned again
 * against the app as it is now; when it no longer fits, a 409 `E_SUGGESTION_CONFLICT` with the
 * plan's errors, and nothing is applied. Answers like every change (the replica's update, the
 * compiled app, undo counts), with the suggestion as it now stands.
 */
import { json } from '@sveltejs/kit';
import { actorOf, changeAnswer, readBody, sessionFor } from '$lib/server/http';
import { applySuggestion, viewOf } from '$lib/server/suggestions';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  const body = (read.body ?? {}) as Record<string, unknown>;
  const { result, record, changedSince } = await applySuggestion(
    locals.studio.suggestions,
    session,
    actor,
    params.sid,
    body
  );
  const answer = await changeAnswer(session, result, body.sv, actor);
  const payload = (await answer.json()) as Record<string, unknown>;
  return json(
    { ...payload, replanned: changedSince, suggestion: record && viewOf(record, actor, session) },
    { status: answer.status }
  );
};
