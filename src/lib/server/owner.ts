/**
 * Who is the owner of a studio: whoever proves they hold its owner token, never an address.
 *
 * Why not "a loopback connection is the owner": every web page the owner visits runs in the
 * owner's browser on this machine, so its requests come from loopback too. The anchor is
 * Jupyter: the server prints a start-up link carrying a secret (`/?owner=TOKEN`); opening it
 * exchanges the secret for an HttpOnly, SameSite=Strict cookie and redirects to the same page
 * without it. Scripts send `Authorization: Bearer OWNER_TOKEN`; the collaboration socket takes
 * the cookie or the token as its provider token.
 *
 * The token is `MALLEABLE_OWNER_TOKEN` when set (32+ characters), else generated once into
 * `DATA_DIR/owner-token` (mode 0600), so the link and the cookie survive a restart.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HeaderReader } from './boundary';

/** The cookie that proves the owner, set by the start-up link. */
export const OWNER_COOKIE = 'malleable_owner';
/** The query parameter of the start-up link. */
export const OWNER_PARAM = 'owner';
/** How long the owner's cookie lasts (30 days); the start-up link sets it again at any time. */
const COOKIE_MAX_AGE_S = 30 * 24 * 3600;
/** The shortest owner token taken from the environment (a guessable one would be the owner). */
const MIN_TOKEN_LENGTH = 32;

/** The owner token: `MALLEABLE_OWNER_TOKEN`, else `DATA_DIR/owner-token`, created if absent. */
export function loadOwnerToken(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.MALLEABLE_OWNER_TOKEN;
  if (fromEnv !== undefined && fromEnv !== '') {
    // Letters, digits and `._~-` only: the token goes into a cookie and a URL as it is.
    if (fromEnv.length < MIN_TOKEN_LENGTH || !/^[\w.~-]+$/.test(fromEnv))
      throw new Error(
        `MALLEABLE_OWNER_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters of letters, digits and ._~-`
      );
    return fromEnv;
  }
  // An in-memory studio (tests) keeps its token in memory too.
  if (dataDir === ':memory:') return newToken();
  const file = join(dataDir, 'owner-token');
  const read = readToken(file);
  if (read) return read;
  mkdirSync(dataDir, { recursive: true });
  const token = newToken();
  try {
    // `wx`: never overwrite a token another process wrote meanwhile (its link would stop working).
    writeFileSync(file, token + '\n', { mode: 0o600, flag: 'wx' });
    return token;
  } catch (e) {
    const other = readToken(file);
    if (other) return other;
    throw e;
  }
}

function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function readToken(file: string): string | null {
  try {
    const token = readFileSync(file, 'utf8').trim();
    return token.length >= MIN_TOKEN_LENGTH ? token : null;
  } catch {
    return null;
  }
}

/**
 * Whether `given` is the owner token, in constant time: both are hashed first, so neither the
 * length nor the first differing byte shows in the time taken (a guesser learns nothing).
 */
export function isOwnerToken(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** The value of cookie `name` in a `Cookie` header, or null. */
export function cookieOf(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The bearer token of an `Authorization` header, or null. */
export function bearerOf(header: string | null): string | null {
  return /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? null;
}

/** Whether a request proves the owner: the owner cookie, or the owner token as a bearer token. */
export function provesOwner(headers: HeaderReader, token: string): boolean {
  return (
    isOwnerToken(token, cookieOf(headers.get('cookie'), OWNER_COOKIE)) ||
    isOwnerToken(token, bearerOf(headers.get('authorization')))
  );
}

/**
 * The `Set-Cookie` value that logs the owner in. HttpOnly: no script (an app's, an extension's)
 * reads it. SameSite=Strict: a page on another site never sends it, not even on a top-level
 * navigation. Secure only when the studio is served over https (`ORIGIN`), or a plain-http
 * studio would never get it back.
 */
export function ownerCookie(token: string, secure: boolean): string {
  return [
    `${OWNER_COOKIE}=${token}`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/',
    `Max-Age=${COOKIE_MAX_AGE_S}`,
    ...(secure ? ['Secure'] : [])
  ].join('; ');
}

/** The start-up link the server prints: the studio's home with the owner token. */
export function ownerLink(base: string, token: string): string {
  const url = new URL('/', base);
  url.searchParams.set(OWNER_PARAM, token);
  return url.href;
}

const OWNER_REQUESTS = new WeakSet<Request>();

/** Marks an HTTP request as the owner's (the `handle` hook does this once it was proven). */
export function markOwner(request: Request): void {
  OWNER_REQUESTS.add(request);
}

/** Whether `markOwner` marked the request. */
export function isMarkedOwner(request: Request): boolean {
  return OWNER_REQUESTS.has(request);
}
