/**
 * `POST` undeletes an app: brings back a deleted one (the home page's "Undo" after a delete).
 * Not to be confused with `restore-to`, which takes an app back to an earlier point of its history.
 */
import { json } from '@sveltejs/kit';
import { errorAnswer, ownerOf } from '$lib/server/http';
import { editError } from '$lib/ops/errors';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request, locals }) => {
  const owner = await ownerOf(locals.studio, request, params.id);
  if (owner instanceof Response) return owner;
  if (!(await locals.studio.store.undelete(params.id)))
    return errorAnswer([
      editError('E_APP_NOT_FOUND', `there is no deleted app “${params.id}” to undelete`)
    ]);
  return json({ ok: true, app: await locals.studio.store.get(params.id) });
};
