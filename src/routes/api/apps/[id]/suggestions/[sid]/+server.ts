/**
 * `GET`: a suggestion's preview for a reviewer (an owner or an editor): its ops planned against
 * the app as it is now, as the reviewer, answered as the assistant's proposals are (the changes
 * in words, the code diff, the proposed app compiled for the canvas), or the coded errors that
 * say why it no longer fits (then applying it would change nothing). A user's token is a 403.
 */
import { json } from '@sveltejs/kit';
import { actorOf, errorAnswer, sessionFor } from '$lib/server/http';
import { previewSuggestion } from '$lib/server/suggestions';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  const preview = await previewSuggestion(locals.studio.suggestions, session, actor, params.sid);
  if ('refused' in preview) return errorAnswer(preview.refused);
  return json(preview);
};
