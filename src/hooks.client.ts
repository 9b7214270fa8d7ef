/**
 * Runs when the page's first scripts do, before any page hydrates: on an app's studio, the
 * sandbox worker starts here (see `$lib/editor/early-sandbox.ts`), and the page then lets the
 * main thread go until the worker's script runs, which is what the browser needs to start the
 * worker; hydration (half a second and more on a large app) would otherwise hold the worker back
 * until it ends.
 */
import type { ClientInit } from '@sveltejs/kit';
import { earlySandboxStarted, isStudioPath, startEarlySandbox } from '$lib/editor/early-sandbox';

export const init: ClientInit = async () => {
  if (!isStudioPath(location.pathname)) return;
  startEarlySandbox();
  await earlySandboxStarted(WAIT_MS);
};

/**
 * The longest the page waits for its sandbox worker to run before it hydrates: the worker
 * starts in tens of milliseconds on an idle machine; a browser that cannot start it at all
 * (an error) ends the wait at once.
 */
const WAIT_MS = 400;
