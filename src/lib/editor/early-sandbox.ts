/**
 * The studio's first sandbox worker, started before the studio hydrates: the worker fetches its
 * code and SES locks its realm down while the page builds its panels, so opening an app waits
 * only for the app's own load. `src/hooks.client.ts` starts it when the page's first scripts
 * run; a browser starts a worker only once the page's main thread lets it, and starting it from
 * the studio's own module came too late (measured: its first task waited for the whole
 * hydration, about half a second on a 2,000-node app on a loaded machine). The first canvas
 * takes it; every later one gets a new worker.
 */

/** A new sandbox worker (a module worker: `runtime/sandbox/web-worker.js`). */
export function newSandboxWorker(): Worker {
  return new Worker(new URL('../runtime/sandbox/web-worker.js', import.meta.url), {
    type: 'module'
  });
}

let early: Worker | null = null;
/** Resolves when the early worker's script runs (its `started` message), or is gone. */
let earlyStarted: Promise<void> = Promise.resolve();
/**
 * Whether the early worker failed to start (its script did not load) before anyone took it: its
 * error came before any sandbox client listened, so that client would wait out its whole startup
 * allowance for an answer that never comes. A new worker is made instead, whose error is heard.
 */
let earlyFailed = false;

/** Starts the first sandbox worker now, if none waits yet; nothing outside a browser. */
export function startEarlySandbox(): void {
  if (early || typeof window === 'undefined' || typeof Worker === 'undefined') return;
  try {
    const worker = newSandboxWorker();
    early = worker;
    // A worker of an earlier studio that failed says nothing of this one.
    earlyFailed = false;
    earlyStarted = new Promise((resolve) => {
      const done = (event: Event) => {
        if (event.type === 'error') earlyFailed = true;
        worker.removeEventListener('message', done);
        worker.removeEventListener('error', done);
        resolve();
      };
      worker.addEventListener('message', done);
      worker.addEventListener('error', done);
    });
  } catch {
    early = null;
  }
}

/**
 * Waits until the early worker's script runs (sandbox/started.js), at most `limitMs`: until
 * then the browser needs the page's main thread to get the worker going, and a hydration
 * started sooner holds it back to the end (measured on a 2,000-node app: the worker's first
 * line ran only after the half-second hydration, so the app's first load waited for it).
 */
export function earlySandboxStarted(limitMs: number): Promise<void> {
  return Promise.race([earlyStarted, new Promise<void>((r) => setTimeout(r, limitMs))]);
}

/** The worker started early, once (unless it failed to start); then a new one each call. */
export function sandboxWorker(): Worker {
  const taken = early;
  early = null;
  if (taken && earlyFailed) taken.terminate();
  return taken && !earlyFailed ? taken : newSandboxWorker();
}

/** Whether `path` is an app's studio (`/apps/ID`), the page whose canvas runs a sandbox. */
export function isStudioPath(path: string): boolean {
  return /^\/apps\/[^/]+\/?$/.test(path);
}
