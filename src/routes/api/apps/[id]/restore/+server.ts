/** `POST` brings back a deleted app (the home page's "Undo" after a delete). */
import { json } from '@sveltejs/kit';
import { errorAnswer, ownerOf } from '$lib/server/http';
import { studioServer } from '$lib/server/studio';
import { editError } from '$lib/ops/errors';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request }) => {
  const owner = await ownerOf(request, params.id);
  if (owner instanceof Response) return owner;
  if (!(await studioServer().store.restore(params.id)))
    return errorAnswer([
      editError('E_APP_NOT_FOUND', `there is no deleted app “${params.id}” to restore`)
    ]);
  return json({ ok: true, app: await studioServer().store.get(params.id) });
};
