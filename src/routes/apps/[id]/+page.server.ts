/**
 * An app's studio: the page gets the whole document as one Yjs update (the browser keeps a
 * replica of it, live over the collaboration WebSocket), the app compiled for the browser's
 * sandbox, and who the person is here: the role of the share link in `?token=`, or the owner
 * for the person at the machine. A link that does not work is a 401 page saying why.
 */
import { error } from '@sveltejs/kit';
import { isAppId } from '$lib/server/apps';
import { toBase64 } from '$lib/server/studio';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const session = isAppId(params.id) ? await locals.studio.session(params.id) : null;
  if (!session) error(404, `There is no app “${params.id}”. It may have been deleted.`);
  const token = url.searchParams.get('token');
  let role: 'owner' | 'editor' | 'user' | 'viewer' = 'owner';
  let base = 'owner';
  if (token !== null) {
    const verified = await locals.studio.links.verify(token, params.id);
    if (!verified.ok) error(401, `${verified.error.message} (${verified.error.code})`);
    role = verified.claims.role;
    base = `link:${verified.claims.jti}`;
  }
  return {
    id: params.id,
    title: session.model.meta.title,
    update: toBase64(session.updateSince()),
    live: session.live(),
    role,
    base,
    token
  };
};
