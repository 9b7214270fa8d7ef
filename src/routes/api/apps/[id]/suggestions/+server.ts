/**
 * An app's suggestions (suggestions.ts): `GET` lists what the asker may see (everyone's for an
 * owner or editor, their own link's for a user; a viewer is refused), `POST {request, ops}` keeps
 * a suggestion after checking `ops` against the app as an editor would apply them (201 with it;
 * the coded errors of the check, and nothing stored, when it does not pass). JSON only; the
 * boundary in hooks.server.ts refuses another site's POST before it arrives here.
 */
import { json } from '@sveltejs/kit';
import { actorOf, errorAnswer, readBody, sessionFor } from '$lib/server/http';
import { suggest, suggestionsFor, viewOf } from '$lib/server/suggestions';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  const listed = await suggestionsFor(locals.studio.suggestions, session, actor);
  if (!listed.ok) return errorAnswer(listed.errors);
  return json({ ok: true, suggestions: listed.value });
};

export const POST: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  const body = (read.body ?? {}) as Record<string, unknown>;
  const made = await suggest(locals.studio.suggestions, session, actor, body);
  if (!made.ok) return errorAnswer(made.errors);
  return json({ ok: true, suggestion: viewOf(made.value, actor, session) }, { status: 201 });
};
