/**
 * Share links: signed tokens that carry an app, a role and an expiry, and can be revoked.
 * Groundwork for collaboration (issue 6), where they authorize WebSocket connections and
 * `Authorization: Bearer` calls.
 *
 * A token is `base64url(claims JSON) "." base64url(HMAC-SHA256(secret, that first part))`. The
 * signature is checked in constant time before the claims are even parsed (a forged token learns
 * nothing from timing or from parse errors); the expiry and the revocation list are checked after.
 * The secret comes from `MALLEABLE_SECRET`, or is generated once into `DATA_DIR/secret` (mode 0600)
 * so that links survive a restart; with PostgreSQL (several instances), into the database, so
 * that a link made on one instance works on all of them (studio.ts).
 *
 * The revocation list is read from the storage on every check: with PostgreSQL that is the
 * database every instance shares, so a link revoked on one instance is refused by all of them.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogError, editError, type EditError } from '../errors';
import type { Actor } from '../ops/plan';
import type { LinkRows } from './storage';

/** What a share link lets its holder do (DESIGN section 7). */
export type Role = NonNullable<Actor['role']>;
export const ROLES: readonly Role[] = ['owner', 'editor', 'user', 'viewer'];

/** What a token says, once verified. */
export interface Claims {
  readonly app: string;
  readonly role: Role;
  /** Expiry, milliseconds since the epoch. */
  readonly exp: number;
  /** The link's id, for revocation. */
  readonly jti: string;
}

/** Longest a link may live: a year. */
const MAX_LIFETIME_MS = 365 * 24 * 3600 * 1000;

/** The server's signing secret: from the environment, else `DATA_DIR/secret`, created if absent. */
export function loadSecret(dataDir: string, env = process.env): Buffer {
  if (env.MALLEABLE_SECRET) {
    if (env.MALLEABLE_SECRET.length < 32)
      throw new Error('MALLEABLE_SECRET must be at least 32 characters');
    return Buffer.from(env.MALLEABLE_SECRET, 'utf8');
  }
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  // `wx`: never overwrite a secret another process wrote meanwhile (every link would break).
  writeFileSync(file, secret.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}

function sign(secret: Buffer, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/** Share links of every app: made, verified, listed and revoked against the storage's list. */
export class ShareLinks {
  private readonly rows: LinkRows;
  private readonly secret: Promise<Buffer>;
  private readonly now: () => number;

  /** `secret` may still be coming (read from the database); every call waits for it. */
  constructor(rows: LinkRows, secret: Buffer | Promise<Buffer>, now: () => number = Date.now) {
    const checked = (value: Buffer) => {
      if (value.length < 16) throw new Error('the signing secret is too short');
      return value;
    };
    if (Buffer.isBuffer(secret)) checked(secret);
    this.rows = rows;
    this.secret = Promise.resolve(secret).then(checked);
    // Reported by the calls that wait for it; this only keeps the process up meanwhile.
    this.secret.catch(() => undefined);
    this.now = now;
  }

  /** Makes a link for `app` with `role`, valid for `expiresInMs`; or a coded error. */
  async create(
    app: string,
    role: unknown,
    expiresInMs: unknown
  ): Promise<{ ok: true; token: string; claims: Claims } | { ok: false; error: EditError }> {
    if (!ROLES.includes(role as Role))
      return {
        ok: false,
        error: editError('E_FIELD_VALUE', `a role is one of ${ROLES.join(', ')}`, { path: '/role' })
      };
    if (
      typeof expiresInMs !== 'number' ||
      !Number.isFinite(expiresInMs) ||
      expiresInMs <= 0 ||
      expiresInMs > MAX_LIFETIME_MS
    )
      return {
        ok: false,
        error: editError('E_FIELD_VALUE', 'a link lives between 1 ms and one year', {
          path: '/expiresIn'
        })
      };
    const created = this.now();
    const claims: Claims = {
      app,
      role: role as Role,
      exp: created + expiresInMs,
      jti: randomBytes(12).toString('base64url')
    };
    const secret = await this.secret;
    await this.rows.insert({
      jti: claims.jti,
      app,
      role: claims.role,
      created,
      expires: claims.exp,
      revoked: null
    });
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { ok: true, token: `${body}.${sign(secret, body)}`, claims };
  }

  /** The claims of a valid, unexpired, unrevoked token (for `app`, when given); or why not. */
  async verify(
    token: unknown,
    app?: string
  ): Promise<{ ok: true; claims: Claims } | { ok: false; error: EditError }> {
    const invalid = (why: string) => ({
      ok: false as const,
      error: catalogError('E_TOKEN_INVALID', { why })
    });
    if (typeof token !== 'string' || token.length > 2048) return invalid('it is not a token');
    const dot = token.indexOf('.');
    if (dot <= 0 || dot !== token.lastIndexOf('.')) return invalid('it is not a token');
    const body = token.slice(0, dot);
    const secret = await this.secret;
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(sign(secret, body), 'base64url');
    // Constant time, and the lengths first (timingSafeEqual throws on a length mismatch).
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return invalid('its signature does not match');
    let claims: Claims;
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Claims;
    } catch {
      return invalid('its contents are unreadable');
    }
    if (
      typeof claims?.app !== 'string' ||
      !ROLES.includes(claims.role) ||
      typeof claims.exp !== 'number' ||
      typeof claims.jti !== 'string'
    )
      return invalid('its contents are incomplete');
    if (app !== undefined && claims.app !== app) return invalid('it is for another app');
    if (claims.exp <= this.now())
      return {
        ok: false,
        error: catalogError('E_TOKEN_EXPIRED', {})
      };
    // Read from the shared database on every check, never cached: a link revoked on another
    // instance must be refused here at once.
    const row = await this.rows.find(claims.jti);
    // A signed link the database does not know (a restored backup, another deployment) is
    // refused: the list is the authority on which links exist.
    if (!row) return invalid('it is not known here');
    if (row.revoked !== null) return { ok: false, error: catalogError('E_TOKEN_REVOKED', {}) };
    return { ok: true, claims };
  }

  /** Revokes a link of `app`; returns whether there was one to revoke. */
  revoke(app: string, jti: string): Promise<boolean> {
    return this.rows.revoke(app, jti, this.now());
  }

  /** The links of an app that are neither revoked nor expired, newest first. */
  async list(
    app: string
  ): Promise<{ jti: string; role: Role; created: number; expires: number }[]> {
    const rows = await this.rows.list(app, this.now());
    return rows.map((r) => ({ jti: r.jti, role: r.role, created: r.created, expires: r.expires }));
  }
}
