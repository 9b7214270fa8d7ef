/**
 * The app page (issue 16): the running app alone, for the people who use it. It loads what the
 * studio loads ($lib/server/app-page.ts) for anyone with a working link, or the owner.
 */
import { error } from '@sveltejs/kit';
import { loadAppPage } from '$lib/server/app-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const loaded = await loadAppPage(locals.studio, params.id, url.searchParams.get('token'));
  if (!loaded.ok) {
    if (loaded.missing) error(404, `There is no app “${params.id}”. It may have been deleted.`);
    error(401, `${loaded.error.message} (${loaded.error.code})`);
  }
  return loaded.data;
};
