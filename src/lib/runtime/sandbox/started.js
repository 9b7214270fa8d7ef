/**
 * The first thing the browser's sandbox worker runs, before SES is evaluated and the realm is
 * locked down (web-worker.js imports it first): it tells the page the worker's script is
 * running. A page that starts its worker and then hydrates holds the worker back until the
 * hydration ends (the browser needs the page's main thread to get a worker going), so the
 * studio waits for this message, briefly, before it hydrates (src/hooks.client.ts).
 *
 * The message has no `seq`: the sandbox client ignores it.
 */
/** The worker's global scope, typed structurally (no DOM worker types here). */
const scope = /** @type {{ postMessage(message: unknown): void }} */ (
  /** @type {unknown} */ (globalThis)
);
scope.postMessage({ t: 'started' });
