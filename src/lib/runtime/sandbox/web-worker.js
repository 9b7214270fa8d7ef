/**
 * The sandbox's browser entry: a module Web Worker running `createSandbox`, its messages on
 * `self`. The studio starts it with
 * `new Worker(new URL('./sandbox/web-worker.js', import.meta.url), { type: 'module' })` and wraps
 * it with `webWorkerPort` (../port.ts).
 */
// First: it tells the page the worker runs before SES and lockdown take their time.
import './started.js';
import { createSandbox } from './core.js';

/** The worker's global scope, typed structurally (this file is checked without the DOM lib's worker types). */
const scope =
  /** @type {{ postMessage(message: unknown): void, addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void }} */ (
    /** @type {unknown} */ (globalThis)
  );
const receive = createSandbox((message) => scope.postMessage(message));
scope.addEventListener('message', (event) => receive(event.data));
