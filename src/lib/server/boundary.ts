/**
 * The studio's edge toward the browser: which requests a web page may make to a studio on this
 * machine. One set of checks, used by the HTTP server (server.js through runtime.ts, and the
 * `handle` hook) and by the collaboration WebSocket's upgrade (collab-server.ts):
 *
 * - `Host` must be one the studio answers to (loopback names, `ORIGIN`'s host, `MALLEABLE_HOSTS`).
 * - `Origin`, when present, must be the studio's own, on every upgrade and every change.
 * - `Sec-Fetch-Site` must not say another site sent a change.
 * - A change with a body must say `application/json`.
 * - Every answer forbids framing and sniffing, and sends no Referer.
 *
 * Pure functions over headers and the environment; the callers write the answers.
 */
import type { IncomingMessage } from 'node:http';
import { catalogError, editError, httpStatus, type EditError } from '../errors';

/** Reads one request header (a Fetch `Headers`, or `nodeHeaders` over Node's request). */
export interface HeaderReader {
  get(name: string): string | null;
}

/** A request the boundary refuses: the status to answer (the catalog's) and the coded error. */
export interface BoundaryRefusal {
  readonly status: number;
  readonly error: EditError;
}

/** The refusal for `error`, with its code's status from the catalog. */
function refusal(error: EditError): BoundaryRefusal {
  return { status: httpStatus(error.code), error };
}

/** The environment the boundary reads (`process.env` by default; tests pass their own). */
export interface BoundaryEnv {
  readonly ORIGIN?: string;
  readonly MALLEABLE_HOSTS?: string;
}

/**
 * Headers on every answer. `frame-ancestors 'none'` and `X-Frame-Options` stop a foreign page
 * from framing the studio under a decoy (clickjacking the owner into sharing or deleting);
 * `nosniff` stops a JSON answer from being read as a script by a `<script src>` on another
 * site; `no-referrer` keeps a `?token=` in the address bar from leaking to any page or image
 * the studio links to.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer'
});

/** Methods that change something: they need the Origin, Sec-Fetch-Site and content-type checks. */
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Methods whose body must be JSON (a DELETE carries none). */
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** The loopback names: the studio answers to them on any port. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a `Host` header (`name`, `name:port`, `[v6]:port`), lowercased; null if malformed. */
export function hostnameOf(host: string): string | null {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  return match ? match[1].toLowerCase() : null;
}

/** `ORIGIN` as a URL, or null when unset or not an http(s) URL. */
function configuredOrigin(env: BoundaryEnv): URL | null {
  if (!env.ORIGIN) return null;
  try {
    const url = new URL(env.ORIGIN);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The host names the studio answers to: loopback, `ORIGIN`'s host and `MALLEABLE_HOSTS`. */
export function allowedHostnames(env: BoundaryEnv = process.env): Set<string> {
  const names = new Set(LOOPBACK_HOSTS);
  const origin = configuredOrigin(env);
  if (origin) names.add(origin.hostname.toLowerCase());
  for (const entry of (env.MALLEABLE_HOSTS ?? '').split(',')) {
    const name = entry.trim() === '' ? null : hostnameOf(entry);
    if (name) names.add(name);
  }
  return names;
}

/**
 * Refuses a `Host` the studio does not answer to. Why: after a DNS rebinding, `evil.example`
 * resolves to 127.0.0.1 and the attacker's page is same-origin with the studio at that name; the
 * browser sends `Host: evil.example`, which is how the server tells it apart.
 */
export function checkHost(
  host: string | null,
  env: BoundaryEnv = process.env
): BoundaryRefusal | null {
  const name = host === null ? null : hostnameOf(host);
  if (name !== null && allowedHostnames(env).has(name)) return null;
  return refusal(catalogError('E_HOST_FORBIDDEN', { host: String(host) }));
}

/**
 * Whether `origin` (an `Origin` header) is the studio's own: `http://` or `https://` with the
 * request's (already allowed) Host, or `ORIGIN`. `null` (a sandboxed frame, a file) is not.
 */
export function isOwnOrigin(origin: string, host: string, env: BoundaryEnv = process.env): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.origin !== origin.toLowerCase().replace(/\/$/, '')) return false;
  const configured = configuredOrigin(env);
  if (configured && configured.origin === url.origin) return true;
  // Normalised through URL, so `Host: localhost:80` matches `Origin: http://localhost`.
  try {
    return new URL(`${url.protocol}//${host}`).host === url.host;
  } catch {
    return false;
  }
}

const FOREIGN_SITE = new Set(['cross-site', 'same-site']);

function originRefusal(message: string): BoundaryRefusal {
  return refusal(editError('E_ORIGIN_FORBIDDEN', message));
}

/**
 * Refuses a request from a page on another origin. Why: a page the owner visits can send the
 * owner's cookie along with a form post, a `fetch(..., {mode: 'no-cors'})`, a beacon or a
 * WebSocket; only the `Origin` header (and `Sec-Fetch-Site`) says which page sent it. `same-site`
 * is refused too: another port on the same host (127.0.0.1:8080) is same-site with the studio
 * and gets its SameSite=Strict cookie.
 */
export function checkOrigin(
  headers: HeaderReader,
  env: BoundaryEnv = process.env
): BoundaryRefusal | null {
  const origin = headers.get('origin');
  const host = headers.get('host') ?? '';
  if (origin !== null && !isOwnOrigin(origin, host, env))
    return refusal(catalogError('E_ORIGIN_FORBIDDEN', { origin }));
  const site = headers.get('sec-fetch-site');
  if (site !== null && FOREIGN_SITE.has(site.toLowerCase()))
    return originRefusal(`the browser says another site sent this request (${site})`);
  return null;
}

/** The media type of a `Content-Type` header, lowercased, without parameters. */
function mediaType(header: string | null): string | null {
  return header === null ? null : header.split(';')[0].trim().toLowerCase();
}

/**
 * Refuses a change whose body is not declared JSON. Why: `fetch(url, {mode: 'no-cors', body:
 * new Blob([...])})` and `navigator.sendBeacon` send a body with no (or a text) content type
 * without a CORS preflight, and SvelteKit's CSRF check looks only at form content types. A page
 * can only send `application/json` cross-origin after a preflight, which this server never
 * grants.
 */
export function checkContentType(method: string, headers: HeaderReader): BoundaryRefusal | null {
  const type = mediaType(headers.get('content-type'));
  if (type === 'application/json') return null;
  if (!WITH_BODY.has(method) && type === null) return null;
  return refusal(catalogError('E_CONTENT_TYPE', { got: type }));
}

/** Every check of an HTTP request, cheapest first; null when it may go on. */
export function judgeRequest(
  method: string,
  headers: HeaderReader,
  env: BoundaryEnv = process.env
): BoundaryRefusal | null {
  const host = checkHost(headers.get('host'), env);
  if (host) return host;
  const verb = method.toUpperCase();
  if (!MUTATING.has(verb)) return null;
  return checkOrigin(headers, env) ?? checkContentType(verb, headers);
}

/**
 * Every check of a WebSocket upgrade. Browsers let any page open a WebSocket to any server,
 * with the server's cookies: the Origin check is the only thing that tells the studio's own
 * page from another one.
 */
export function judgeUpgrade(
  headers: HeaderReader,
  env: BoundaryEnv = process.env
): BoundaryRefusal | null {
  return checkHost(headers.get('host'), env) ?? checkOrigin(headers, env);
}

/** A `HeaderReader` over Node's request headers (several values are joined with commas). */
export function nodeHeaders(req: IncomingMessage): HeaderReader {
  return {
    get(name) {
      const value = req.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(',') : value;
    }
  };
}
