/** The studio's home: the stored apps and the templates a new one can start from. */
import { TEMPLATE_NAMES } from '$lib/templates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ depends, locals }) => {
  depends('app:list');
  return { apps: await locals.studio.store.list(), templates: TEMPLATE_NAMES };
};
