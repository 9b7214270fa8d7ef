/**
 * An app's studio (see $lib/server/app-page.ts for what it loads). A user-role link opens the
 * app page instead (`/apps/ID/use`, issue 16): a user may change the app's data, never its
 * definition, so the studio's panels would only be buttons that do nothing for them. A link
 * that does not work is a 401 page saying why.
 */
import { error, redirect } from '@sveltejs/kit';
import { appPagePath, loadAppPage } from '$lib/server/app-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const token = url.searchParams.get('token');
  const loaded = await loadAppPage(locals.studio, params.id, token);
  if (!loaded.ok) {
    if (loaded.missing) error(404, `There is no app “${params.id}”. It may have been deleted.`);
    error(401, `${loaded.error.message} (${loaded.error.code})`);
  }
  if (loaded.data.role === 'user') redirect(303, appPagePath(params.id, token));
  return loaded.data;
};
