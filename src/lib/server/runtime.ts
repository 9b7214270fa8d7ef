/**
 * What the process's HTTP server needs from the studio beyond SvelteKit's request handler: the
 * collaboration WebSocket (an HTTP upgrade to `/collab`) and an orderly shutdown. SvelteKit's
 * `init` hook (src/hooks.server.ts) puts these on `globalThis` under a registered symbol, where
 * `server.js` (production) and the Vite plugin (development) find them; both are outside the
 * SvelteKit bundle and cannot import it.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { closeStudioServer, studioServer } from './studio';

export interface StudioRuntime {
  /** Takes over an upgrade to the collaboration path; false for any other path. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Stores every open app and closes the studio (SIGTERM). */
  shutdown(): Promise<void>;
}

export const RUNTIME_KEY = Symbol.for('malleable.runtime');

/** Registers the runtime (once per process) and starts the studio server. */
export function registerRuntime(): StudioRuntime {
  const holder = globalThis as { [RUNTIME_KEY]?: StudioRuntime };
  studioServer();
  return (holder[RUNTIME_KEY] ??= {
    upgrade: (req, socket, head) => studioServer().collab.handleUpgrade(req, socket, head),
    shutdown: () => closeStudioServer()
  });
}
