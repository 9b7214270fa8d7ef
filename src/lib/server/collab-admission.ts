/**
 * Who may join a live document, decided before anything of it is sent: the refusal of an upgrade
 * as a plain HTTP answer, the request Hocuspocus sees (the owner's cookie read and replaced by a
 * header only the server sets), and `authenticate`, which turns the owner's proof or a share
 * link's token into a `CollabContext`. An address proves nothing; the role is the token's.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Actor } from '../ops/plan';
import { editError, type EditError } from '../ops/errors';
import { actorId, appIdOf, CLOSE, isPersonId, type Role } from '../collab/protocol';

/** A verified token's claims, or why it was refused. */
export type TokenCheck =
  { ok: true; claims: { role: Role; exp: number; jti: string } } | { ok: false; error: EditError };

/** Who a connection is, kept in its Hocuspocus context. */
export interface CollabContext {
  readonly actor: Actor;
  readonly appId: string;
  /** The share link it came with (null for the owner). */
  readonly jti: string | null;
  /** When its token expires (ms since the epoch), or null. */
  readonly exp: number | null;
}

/** What admission asks of the studio server (a part of `CollabHost`). */
export interface AdmissionHost {
  /** Whether the app exists (and is not deleted); awaited (the store may be PostgreSQL). */
  appExists(appId: string): boolean | Promise<boolean>;
  /** Verifies a share link's token for an app; awaited (the revocation list may be shared). */
  verifyToken(token: string, appId: string): TokenCheck | Promise<TokenCheck>;
  /** Whether a token is the studio's owner token (absent: nobody is the owner over a socket). */
  isOwnerToken?(token: string): boolean;
}

/** The owner's actor id base (see LOCAL_OWNER in src/lib/server/studio.ts). */
const LOCAL_BASE = 'owner';

/**
 * A connection refused with a WebSocket close code and the coded error; thrown from a
 * Hocuspocus hook, which closes the connection with it.
 */
export class Refusal extends Error {
  readonly code: number;
  readonly reason: string;
  constructor(code: number, error: EditError) {
    super(`${error.code}: ${error.message}`);
    this.code = code;
    this.reason = `${error.code}: ${error.message}`.slice(0, 120);
  }
}

/**
 * Set on a connection's request by the server itself when the upgrade carried the owner's
 * cookie; whatever a client sends under this name is dropped first, so it cannot claim it.
 */
const OWNER_HEADER = 'x-malleable-owner';

/**
 * The request Hocuspocus sees. The owner cookie is read here and replaced by `OWNER_HEADER`:
 * the cookie itself never reaches the hooks, the context or a log.
 */
export function toRequest(req: IncomingMessage, owner: boolean): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === OWNER_HEADER || name === 'cookie') continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  if (owner) headers.set(OWNER_HEADER, '1');
  return new Request(`http://localhost${req.url ?? '/'}`, { headers });
}

/** Refuses an upgrade before any WebSocket exists: a plain HTTP answer, then the socket closes. */
export function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ ok: false, errors: [{ code, message }] });
  // As `ws` aborts a handshake: destroyed once the answer is flushed.
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${status === 403 ? 'Forbidden' : 'Bad Request'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body
  );
}

/**
 * Who a connection is: the owner (the cookie seen on the upgrade, or the owner token as the
 * token) or a share link's holder with the link's role. Throws a `Refusal` for an app that does
 * not exist, no token, or a token that does not verify.
 */
export async function authenticate(
  host: AdmissionHost,
  token: string,
  documentName: string,
  parameters: URLSearchParams,
  headers: Headers
): Promise<CollabContext> {
  const appId = appIdOf(documentName);
  if (!appId || !(await host.appExists(appId)))
    throw new Refusal(
      CLOSE.forbidden,
      editError('E_APP_NOT_FOUND', `there is no app “${documentName}” (it may be deleted)`)
    );
  const person = parameters.get('person');
  const personId = isPersonId(person) ? person : null;
  const rawName = parameters.get('name');
  const name = rawName && rawName.trim() !== '' ? rawName.trim().slice(0, 60) : null;
  // The owner: the cookie (seen in `accept`) with no token, or the owner token as the token.
  // A token that is neither is checked as a share link below, never taken for the owner.
  const ownerCookie = token === '' && headers.get(OWNER_HEADER) === '1';
  if (ownerCookie || (token !== '' && (host.isOwnerToken?.(token) ?? false))) {
    return {
      actor: { id: actorId(LOCAL_BASE, personId), name: name ?? 'Owner', role: 'owner' },
      appId,
      jti: null,
      exp: null
    };
  }
  if (token === '')
    throw new Refusal(
      CLOSE.unauthorized,
      editError(
        'E_LOGIN_REQUIRED',
        'join with a share link’s token, or as the owner through the link the server printed'
      )
    );
  const verified = await host.verifyToken(token, appId);
  if (!verified.ok) throw new Refusal(CLOSE.unauthorized, verified.error);
  const { claims } = verified;
  return {
    actor: {
      id: actorId(`link:${claims.jti}`, personId),
      name: name ?? `Guest ${claims.role}`,
      role: claims.role
    },
    appId,
    jti: claims.jti,
    exp: claims.exp
  };
}
