/**
 * What the process's HTTP server needs from the studio beyond SvelteKit's request handler: the
 * collaboration WebSocket (an HTTP upgrade to `/collab`), a guard in front of every request
 * (static files too, which SvelteKit's hooks never see), the owner's start-up link and an
 * orderly shutdown. SvelteKit's `init` hook (src/hooks.server.ts) puts these on `globalThis`
 * under a registered symbol, where `server.js` (production) and the Vite plugin (development)
 * find them; both are outside the SvelteKit bundle and cannot import it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { judgeRequest, nodeHeaders, SECURITY_HEADERS } from './boundary';
import { ownerLink } from './owner';
import { closeStudioServer, studioServer } from './studio';

export interface StudioRuntime {
  /** Takes over an upgrade to the collaboration path; false for any other path. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /**
   * Before any request is handled: sets the security headers, and answers a request the
   * boundary refuses (foreign Host or Origin, a change that is not JSON). True when it answered.
   */
  guard(req: IncomingMessage, res: ServerResponse): boolean;
  /** The owner's start-up link for a base address (`http://localhost:3000`). */
  ownerLink(base: string): string;
  /** Stores every open app and closes the studio (SIGTERM). */
  shutdown(): Promise<void>;
}

export const RUNTIME_KEY = Symbol.for('malleable.runtime');

/** Sets the security headers and answers a refused request; true when it answered. */
function guard(req: IncomingMessage, res: ServerResponse): boolean {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  const refusal = judgeRequest(req.method ?? 'GET', nodeHeaders(req));
  if (!refusal) return false;
  res.writeHead(refusal.status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ ok: false, errors: [refusal.error] }));
  return true;
}

/** Registers the runtime (once per process) and starts the studio server. */
export function registerRuntime(build?: string): StudioRuntime {
  const holder = globalThis as { [RUNTIME_KEY]?: StudioRuntime };
  if (build) studioServer().collab.setBuild(build);
  // The type checker's process starts with the server: the first edit does not wait for it.
  studioServer().gate.warm();
  return (holder[RUNTIME_KEY] ??= {
    upgrade: (req, socket, head) => studioServer().collab.handleUpgrade(req, socket, head),
    guard,
    ownerLink: (base) => ownerLink(base, studioServer().ownerToken),
    shutdown: () => closeStudioServer()
  });
}
