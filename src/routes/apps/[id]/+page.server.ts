/**
 * An app's studio: the page gets the whole document as one Yjs update (the browser keeps a
 * replica of it), the app compiled for the browser's sandbox, and this person's undo counts.
 */
import { error } from '@sveltejs/kit';
import { isAppId } from '$lib/server/apps';
import { LOCAL_OWNER, studioServer, toBase64 } from '$lib/server/studio';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const session = isAppId(params.id) ? await studioServer().session(params.id) : null;
  if (!session) error(404, `There is no app “${params.id}”. It may have been deleted.`);
  return {
    id: params.id,
    title: session.model.meta.title,
    update: toBase64(session.updateSince()),
    live: session.live(),
    history: session.history(LOCAL_OWNER)
  };
};
