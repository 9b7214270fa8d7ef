/**
 * Runs when the page's first scripts do, before any page hydrates: on an app's studio, the
 * sandbox worker starts here (see `$lib/editor/early-sandbox.ts`), and the page then lets the
 * main thread go for one task, which is what the browser needs to start the worker; hydration
 * (half a second and more on a large app) would otherwise hold the worker back until it ends.
 */
import type { ClientInit } from '@sveltejs/kit';
import { isStudioPath, startEarlySandbox } from '$lib/editor/early-sandbox';

export const init: ClientInit = async () => {
  if (!isStudioPath(location.pathname)) return;
  startEarlySandbox();
  await new Promise((resolve) => setTimeout(resolve, 0));
};
