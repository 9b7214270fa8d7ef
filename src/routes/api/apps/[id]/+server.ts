/**
 * One app: `GET` its row, `PATCH {title}` renames it (a `setMeta` op through the edit path),
 * `DELETE` deletes it (undeletable with `POST .../undelete`).
 */
import { json } from '@sveltejs/kit';
import {
  actorOf,
  changeAnswer,
  errorAnswer,
  ownerOf,
  readBody,
  sessionFor
} from '$lib/server/http';
import { catalogError } from '$lib/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  return json({ app: await locals.studio.store.get(params.id) });
};

export const PATCH: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const read = await readBody(request);
  if (read instanceof Response) return read;
  const { title, sv } = read.body as { title?: unknown; sv?: unknown };
  if (typeof title !== 'string' || title.trim() === '')
    return errorAnswer([
      catalogError(
        'E_FIELD_VALUE',
        { field: 'a title', allowed: 'a non-empty string' },
        { path: '/title' }
      )
    ]);
  const actor = await actorOf(locals.studio, request, params.id);
  if (actor instanceof Response) return actor;
  const result = await session.apply(actor, [
    { op: 'setMeta', name: 'title', value: title.trim().slice(0, 200) }
  ]);
  return await changeAnswer(session, result, sv, actor);
};

export const DELETE: RequestHandler = async ({ params, request, locals }) => {
  const session = await sessionFor(locals.studio, params.id);
  if (session instanceof Response) return session;
  const owner = await ownerOf(locals.studio, request, params.id);
  if (owner instanceof Response) return owner;
  await locals.studio.delete(params.id);
  return json({ ok: true });
};
