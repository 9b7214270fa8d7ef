/**
 * The one interface the host talks to a sandbox worker through, whatever runs it: a Node
 * worker_threads Worker (the server, the CLI, the tests) or a browser Web Worker (the studio).
 * Plain data goes both ways; the host never shares memory with the worker.
 */
// Namespace imports, not `{ Worker }`: in a browser bundle these modules resolve to empty
// stand-ins, and only the Node ports (never called there) touch them.
import * as processes from 'node:child_process';
import * as files from 'node:fs';
import * as paths from 'node:path';
import * as urls from 'node:url';
import * as threads from 'node:worker_threads';

/** A running sandbox worker. */
export interface WorkerPort {
  /** Sends one message (structured-cloned) to the worker. */
  post(message: unknown): void;
  /** Sets the listener for the worker's messages. */
  onMessage(listener: (message: unknown) => void): void;
  /**
   * Sets the listener for the worker's failure: an uncaught error, running out of memory
   * (`code: 'ERR_WORKER_OUT_OF_MEMORY'`), a message that cannot be read, or exiting on its own.
   * Called at most once; never after `terminate()`.
   */
  onError(listener: (error: Error & { code?: string }) => void): void;
  /** Stops the worker at once, even in the middle of `while (true) {}`. */
  terminate(): Promise<void>;
}

/** Starts a fresh worker; the host calls it at start and after every watchdog restart. */
export type PortFactory = () => WorkerPort;

/**
 * Memory and stack for one app's worker. Old space bounds what an app can allocate (a memory
 * bomb ends the worker, not the host); young space and the stack are V8's usual sizes.
 */
export const DEFAULT_RESOURCE_LIMITS: threads.ResourceLimits = Object.freeze({
  maxOldGenerationSizeMb: 64,
  maxYoungGenerationSizeMb: 16,
  stackSizeMb: 4
});

/**
 * Where a Node entry of the sandbox is: plain JavaScript, so no loader is needed to run it.
 * Next to this file under vitest, tsx and plain Node. A built server (Vite SSR, then adapter-node's
 * own bundling) moves this module away from `sandbox/`, so `npm run build` copies the folder to
 * `build/sandbox` (scripts/copy-sandbox.js), beside adapter-node's entry and below server.js; `MALLEABLE_SANDBOX_DIR`
 * overrides both.
 */
function sandboxEntry(file: string): string {
  const candidates = [
    process.env.MALLEABLE_SANDBOX_DIR ? paths.join(process.env.MALLEABLE_SANDBOX_DIR, file) : '',
    urls.fileURLToPath(new URL(`./sandbox/${file}`, import.meta.url)),
    process.argv[1] ? paths.join(paths.dirname(process.argv[1]), 'sandbox', file) : '',
    // server.js, the production entry, sits beside the build folder.
    process.argv[1] ? paths.join(paths.dirname(process.argv[1]), 'build', 'sandbox', file) : ''
  ].filter(Boolean);
  return candidates.find((path) => files.existsSync(path)) ?? candidates[1];
}

export interface NodeWorkerOptions {
  readonly resourceLimits?: threads.ResourceLimits;
  /**
   * Where `sandbox/node-worker.js` is, when this module was bundled away from it. The default
   * resolves next to this file, which holds under vitest, tsx and plain Node; a Vite SSR build
   * leaves `new URL(..., import.meta.url)` as it is (Vite rewrites it for client builds only), so
   * a built server must ship the `sandbox/` files beside its chunk or pass their place here.
   */
  readonly entry?: URL | string;
}

/** A sandbox worker in a Node worker_threads Worker, with resource limits. */
export function nodeWorkerPort(options: NodeWorkerOptions = {}): WorkerPort {
  const worker = new threads.Worker(options.entry ?? sandboxEntry('node-worker.js'), {
    resourceLimits: options.resourceLimits ?? DEFAULT_RESOURCE_LIMITS,
    // The entry is plain JavaScript: the parent's loader flags (tsx, vitest) would only slow its
    // start (about 100 ms under tsx) and hand the sandbox's realm hooks it has no use for.
    execArgv: [],
    // Nothing in the worker needs the environment; should guest code ever escape SES, the
    // host's secrets (API keys) are not there to read.
    env: {}
  });
  // An idle sandbox must not keep a CLI run alive; a pending request keeps its watchdog timer.
  worker.unref();
  let terminated = false;
  let failed = false;
  let onError: (error: Error & { code?: string }) => void = () => {};
  const fail = (error: Error & { code?: string }) => {
    if (terminated || failed) return;
    failed = true;
    onError(error);
  };
  worker.on('error', (error: Error) => fail(error));
  worker.on('messageerror', (error: Error) => fail(error));
  worker.on('exit', (code: number) =>
    fail(Object.assign(new Error(`the sandbox worker exited (code ${code})`), { code: 'EXIT' }))
  );
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => {
      worker.removeAllListeners('message');
      worker.on('message', listener);
    },
    onError: (listener) => {
      onError = listener;
    },
    terminate: async () => {
      terminated = true;
      // Held while it stops, so awaiting this cannot end the process early.
      worker.ref();
      await worker.terminate();
    }
  };
}

export interface NodeProcessOptions {
  /** Old-space limit of the child's heap in MB (default 64). */
  readonly maxOldSpaceMb?: number;
  /** Where `sandbox/node-process.js` is, when this module was bundled away from it. */
  readonly entry?: URL | string;
}

/**
 * A sandbox in a Node child process, speaking the same protocol over IPC (structured clone).
 * The stronger wall: a worker thread shares the host's process, and V8 aborts the whole process
 * (not just the worker, whatever its `resourceLimits`) on a single allocation past the heap
 * limit or an array past V8's size limit, both a line of app code away
 * (`'x'.repeat(2 ** 27).toUpperCase()`). Use this one where a crash of the host would hurt (the
 * server); it costs a little more per message and at start.
 */
export function nodeProcessPort(options: NodeProcessOptions = {}): WorkerPort {
  const entry = options.entry ?? sandboxEntry('node-process.js');
  const child = processes.fork(entry instanceof URL ? urls.fileURLToPath(entry) : entry, [], {
    execArgv: [`--max-old-space-size=${options.maxOldSpaceMb ?? 64}`],
    serialization: 'advanced',
    // Same reasons as the worker: no environment (no secrets to read), no inherited loaders;
    // stderr is read only to tell an out-of-memory abort from other deaths.
    env: {},
    stdio: ['ignore', 'ignore', 'pipe', 'ipc']
  });
  let terminated = false;
  let failed = false;
  let stderr = '';
  let onError: (error: Error & { code?: string }) => void = () => {};
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4096);
  });
  // An idle sandbox must not keep a CLI run alive; a pending request keeps its watchdog timer.
  child.unref();
  child.channel?.unref();
  (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
  const fail = (error: Error & { code?: string }) => {
    if (terminated || failed) return;
    failed = true;
    onError(error);
  };
  child.on('error', (error: Error) => fail(error));
  child.on('exit', (code, signal) => {
    const outOfMemory = /out of memory|invalid (?:array|table|size)/i.test(stderr);
    fail(
      Object.assign(
        new Error(
          outOfMemory
            ? 'the sandbox ran out of memory'
            : `the sandbox process exited (${signal ?? `code ${code}`})`
        ),
        { code: outOfMemory ? 'ERR_WORKER_OUT_OF_MEMORY' : 'EXIT' }
      )
    );
  });
  return {
    post: (message) => {
      child.send(message as processes.Serializable);
    },
    onMessage: (listener) => {
      child.removeAllListeners('message');
      child.on('message', listener);
    },
    onError: (listener) => {
      onError = listener;
    },
    terminate: async () => {
      terminated = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // Held while it stops, so awaiting this cannot end the process early.
      child.ref();
      child.kill('SIGKILL');
      await exited;
    }
  };
}

/** What `webWorkerPort` needs of a browser Worker (structural, so this file needs no DOM types). */
export interface WebWorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: unknown) => void): void;
  terminate(): void;
}

/**
 * A sandbox worker in a browser Web Worker the caller started (a bundler must see the
 * `new Worker(new URL('./sandbox/web-worker.js', import.meta.url), { type: 'module' })` call in
 * the studio's own code). Browsers give a worker no memory limit; the watchdog still applies.
 */
export function webWorkerPort(worker: WebWorkerLike): WorkerPort {
  let terminated = false;
  let failed = false;
  let onMessage: (message: unknown) => void = () => {};
  let onError: (error: Error & { code?: string }) => void = () => {};
  const fail = (event: unknown) => {
    if (terminated || failed) return;
    failed = true;
    const message = (event as { message?: unknown })?.message;
    // A script that did not load gives an error event with no message.
    onError(
      new Error(
        typeof message === 'string'
          ? message
          : 'the sandbox worker could not start or stopped (its script may not have loaded); reload the page to try again'
      )
    );
  };
  worker.addEventListener('message', (event) => onMessage(event.data));
  worker.addEventListener('error', fail);
  worker.addEventListener('messageerror', fail);
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => {
      onMessage = listener;
    },
    onError: (listener) => {
      onError = listener;
    },
    terminate: async () => {
      terminated = true;
      worker.terminate();
    }
  };
}
