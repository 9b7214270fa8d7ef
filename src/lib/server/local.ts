/**
 * Who counts as "the person at the machine", who owns a local start without a token. By default
 * a request from the loopback interface that did not come through a proxy (no Forwarded or
 * X-Forwarded-For header): on a laptop that is the person using the studio, and a share link's
 * holder elsewhere cannot drop their token to become the owner. `MALLEABLE_LOCAL_OWNER=off`
 * turns it off (every request needs a token), `any` trusts every address (a closed network).
 */
import type { IncomingMessage } from 'node:http';

const LOCAL_REQUESTS = new WeakSet<Request>();

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function proxied(headers: { get(name: string): string | null }): boolean {
  return headers.get('forwarded') !== null || headers.get('x-forwarded-for') !== null;
}

function policy(): 'loopback' | 'off' | 'any' {
  const value = process.env.MALLEABLE_LOCAL_OWNER;
  return value === 'off' || value === 'any' ? value : 'loopback';
}

/** Whether a request from `address` with `headers` is the person at the machine. */
export function isLocalOwner(
  address: string | undefined,
  headers: { get(name: string): string | null }
): boolean {
  const mode = policy();
  if (mode === 'off') return false;
  if (mode === 'any') return true;
  return isLoopback(address) && !proxied(headers);
}

/** Marks an HTTP request as the local owner's (the `handle` hook does this per request). */
export function markLocal(request: Request): void {
  LOCAL_REQUESTS.add(request);
}

/** Whether `markLocal` marked the request. */
export function isMarkedLocal(request: Request): boolean {
  return LOCAL_REQUESTS.has(request);
}

/** The same for a WebSocket upgrade, from the socket's address. */
export function isLocalUpgrade(req: IncomingMessage): boolean {
  return isLocalOwner(req.socket.remoteAddress, {
    get: (name) => {
      const value = req.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(',') : value;
    }
  });
}
