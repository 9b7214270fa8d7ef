/** The studio's home: the stored apps and the templates a new one can start from. */
import { studioServer } from '$lib/server/studio';
import { TEMPLATE_NAMES } from '$lib/templates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ depends }) => {
  depends('app:list');
  return { apps: await studioServer().store.list(), templates: TEMPLATE_NAMES };
};
