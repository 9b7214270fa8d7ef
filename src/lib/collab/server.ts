/**
 * The collaboration server (DESIGN section 7): Hocuspocus on the studio's own HTTP server, at
 * `/collab`, so `npm start` is one process on one port.
 *
 * - The upgrade is judged first (server/boundary.ts): a foreign `Host` (DNS rebinding) or a
 *   foreign `Origin` (another site's page in the owner's browser) gets a 403 and no WebSocket.
 * - Authentication: a share link's token (checked like `Authorization: Bearer`), or proof of the
 *   owner (server/owner.ts: the owner cookie on the upgrade, or the owner token as the provider's
 *   token). An address proves nothing. The person id and name a browser sends in the URL only
 *   tell that person's tabs apart (their undo, their presence); the role is the token's.
 * - Every live update goes through the app's session (session.ts `receive`): role, records, the
 *   compile gate and a dry run, before it is applied. A refused update is neither stored nor
 *   broadcast; the connection gets a `refused` notice with the coded errors and is closed.
 * - Tokens are checked again when a provider sends a new one (`onTokenSync`), at their expiry,
 *   and when the owner revokes the link: the connection is told and closed.
 * - Awareness: a viewer's is dropped; everyone else's `user` is overwritten with who the
 *   connection is, and a connection may only speak for the awareness clients it introduced.
 * - Limits: frames above a few MB are refused by the WebSocket itself, messages are rate-limited
 *   per connection, and Hocuspocus bounds what an unauthenticated connection may queue.
 * - Storage: shortly after every change (a short debounce), retried with a backoff while the
 *   store fails (the document stays in memory meanwhile); never for a document whose load
 *   failed; everything pending is stored by `flush()` on shutdown.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Connection, type Document, type Extension } from '@hocuspocus/server';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import type { Actor } from '../ops/plan';
import { editError, type EditError } from '../ops/errors';
import { MAX_UPDATE_BYTES, precheckUpdate } from './check';
import { colorFor, presenceProblem, presentName } from './presence';
import {
  actorId,
  appIdOf,
  CLOSE,
  COLLAB_PATH,
  documentName,
  isPersonId,
  type Role,
  type ServerNotice
} from './protocol';
import type { AppSession } from '../server/session';
import { judgeUpgrade, nodeHeaders } from '../server/boundary';
import { OWNER_COOKIE, cookieOf } from '../server/owner';

export { actorId } from './protocol';

/** A verified token's claims, or why it was refused. */
type TokenCheck =
  { ok: true; claims: { role: Role; exp: number; jti: string } } | { ok: false; error: EditError };

/** What the collaboration server needs from the studio server. */
export interface CollabHost {
  /** Whether the app exists (and is not deleted); awaited (the store may be PostgreSQL). */
  appExists(appId: string): boolean | Promise<boolean>;
  /** The stored document of an app (one Yjs update), or null when there is none. */
  loadState(appId: string): Promise<Uint8Array | null>;
  /** Stores an app's whole document and its title. */
  storeState(appId: string, state: Uint8Array, title: string): Promise<void>;
  /** Verifies a share link's token for an app; awaited (the revocation list may be shared). */
  verifyToken(token: string, appId: string): TokenCheck | Promise<TokenCheck>;
  /** Whether a token is the studio's owner token (absent: nobody is the owner over a socket). */
  isOwnerToken?(token: string): boolean;
  /** The session that checks and applies live updates of an app. */
  session(appId: string): Promise<AppSession | null>;
}

export interface CollabOptions {
  /** Quiet time before a change is stored (ms). */
  readonly debounce?: number;
  /** Longest a change waits to be stored while changes keep coming (ms). */
  readonly maxDebounce?: number;
  /** Delays between attempts while a store fails (ms); after the last, the next change retries. */
  readonly retryDelays?: readonly number[];
  /** Messages a connection may send in a burst, and per second after it. */
  readonly rateBurst?: number;
  readonly ratePerSecond?: number;
  /** More Hocuspocus extensions (the Redis one, for several instances). */
  readonly extensions?: readonly Extension[];
}

/** Who a connection is, kept in its Hocuspocus context. */
export interface CollabContext {
  readonly actor: Actor;
  readonly appId: string;
  /** The share link it came with (null for the owner). */
  readonly jti: string | null;
  /** When its token expires (ms since the epoch), or null. */
  readonly exp: number | null;
}

/** The owner's actor id base (see LOCAL_OWNER in src/lib/server/studio.ts). */
const LOCAL_BASE = 'owner';

/** A frame larger than this closes the WebSocket (code 1009) before anything reads it. */
const MAX_FRAME_BYTES = MAX_UPDATE_BYTES + 64 * 1024;

/** Dropped presence states a connection may send before it is closed. */
const MAX_PRESENCE_STRIKES = 3;

class Refusal extends Error {
  readonly code: number;
  readonly reason: string;
  constructor(code: number, error: EditError) {
    super(`${error.code}: ${error.message}`);
    this.code = code;
    this.reason = `${error.code}: ${error.message}`.slice(0, 120);
  }
}

function send(connection: Connection, notice: ServerNotice): void {
  connection.sendStateless(JSON.stringify(notice));
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
function toRequest(req: IncomingMessage, owner: boolean): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === OWNER_HEADER || name === 'cookie') continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  if (owner) headers.set(OWNER_HEADER, '1');
  return new Request(`http://localhost${req.url ?? '/'}`, { headers });
}

/** Refuses an upgrade before any WebSocket exists: a plain HTTP answer, then the socket closes. */
function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
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

export class CollabServer {
  /** The build this server runs (SvelteKit's version; '' unnamed): a tab of another is refused. */
  private build = '';

  /** Names the build this server runs (hooks.server.ts, at start). */
  setBuild(build: string): void {
    this.build = build;
  }

  readonly hocuspocus: Hocuspocus<CollabContext>;
  private readonly host: CollabHost;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  /** Established connections, with when their token runs out. */
  private readonly connections = new Map<
    Connection<CollabContext>,
    ReturnType<typeof setTimeout> | null
  >();
  /** Awareness client ids and the connection that introduced each. */
  private readonly awarenessOwners = new Map<number, Connection<CollabContext>>();
  private readonly buckets = new WeakMap<
    Connection<CollabContext>,
    { tokens: number; at: number }
  >();
  private readonly failedLoads = new WeakSet<Document>();
  /** How many presence states each connection sent that had to be dropped. */
  private readonly presenceStrikes = new WeakMap<Connection<CollabContext>, number>();
  private readonly direct = new Map<
    string,
    Promise<{ document: Document | null; disconnect(): Promise<void> }>
  >();
  private readonly retries = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly retryDelays: readonly number[];
  private readonly rateBurst: number;
  /** Set once everything was stored on the way down: nothing is written after it. */
  private closed = false;
  private readonly ratePerSecond: number;

  constructor(host: CollabHost, options: CollabOptions = {}) {
    this.host = host;
    this.retryDelays = options.retryDelays ?? [100, 400, 1600, 5000];
    this.rateBurst = options.rateBurst ?? 400;
    this.ratePerSecond = options.ratePerSecond ?? 200;
    this.hocuspocus = new Hocuspocus<CollabContext>({
      name: 'malleable',
      quiet: true,
      debounce: options.debounce ?? 150,
      maxDebounce: options.maxDebounce ?? 1000,
      // An unauthenticated connection may queue little: a flood before the token is refused.
      maxUnauthenticatedQueueMessages: 50,
      maxUnauthenticatedQueueSize: 256 * 1024,
      timeout: 30_000,
      // Deleted content is kept, so the history can restore the app to any earlier point.
      yDocOptions: { gc: false, gcFilter: () => false },
      extensions: [this.extension(), ...(options.extensions ?? [])]
    });
  }

  /**
   * Takes over an HTTP upgrade to `/collab`; returns false for any other path. A foreign `Host`
   * or `Origin` is refused here, before the WebSocket exists, so such a page is sent nothing:
   * no awareness, no document (boundary.ts says which attacks this stops).
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const [path, query] = (req.url ?? '').split('?');
    if (path !== COLLAB_PATH) return false;
    const refusal = judgeUpgrade(nodeHeaders(req));
    if (refusal) {
      refuseUpgrade(socket, refusal.status, refusal.error.code, refusal.error.message);
      return true;
    }
    // A tab of another build (an old tab after an upgrade) writes nothing: it may plan with
    // rules this server no longer has. The tab sees the socket refused, finds out why (SvelteKit's
    // version.json) and asks to be reloaded.
    const build = new URLSearchParams(query ?? '').get('v');
    if (this.build !== '' && build !== null && build !== this.build) {
      refuseUpgrade(
        socket,
        409,
        'E_VERSION_SKEW',
        'this tab runs another version of Malleable than the server; reload it'
      );
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => this.accept(ws, req));
    return true;
  }

  /** Serves one WebSocket (also used by tests with their own `ws` server). */
  accept(ws: WebSocket, req: IncomingMessage): void {
    ws.binaryType = 'nodebuffer';
    const cookie = cookieOf(nodeHeaders(req).get('cookie'), OWNER_COOKIE);
    const owner = cookie !== null && (this.host.isOwnerToken?.(cookie) ?? false);
    const client = this.hocuspocus.handleConnection(ws, toRequest(req, owner));
    ws.on('message', (data: Buffer) => client.handleMessage(new Uint8Array(data)));
    ws.on('close', (code: number, reason: Buffer) =>
      client.handleClose({ code, reason: reason.toString() } as CloseEvent)
    );
    ws.on('error', () => ws.terminate());
  }

  /** The live document of an app, loaded once and kept open while the process runs. */
  async document(appId: string): Promise<Document> {
    const name = documentName(appId);
    let open = this.direct.get(name);
    if (!open) {
      open = this.hocuspocus.openDirectConnection(name, {
        actor: { id: 'server', role: 'owner' },
        appId,
        jti: null,
        exp: null
      });
      this.direct.set(name, open);
      open.catch(() => this.direct.delete(name));
    }
    const connection = await open;
    return connection.document!;
  }

  /** Stores an app's document now (waits for a store already running). */
  async storeNow(appId: string): Promise<void> {
    const document = this.hocuspocus.documents.get(documentName(appId));
    if (document) await this.store(document);
  }

  /** Closes every connection that came with the share link `jti` (it was revoked). */
  revoke(jti: string, error: EditError): void {
    for (const connection of [...this.connections.keys()])
      if (connection.context.jti === jti) this.expel(connection, CLOSE.unauthorized, error);
  }

  /** Closes every connection to an app (it was deleted). */
  closeApp(appId: string, error: EditError): void {
    for (const connection of [...this.connections.keys()])
      if (connection.context.appId === appId) this.expel(connection, CLOSE.forbidden, error);
  }

  /** Stores everything pending (shutdown: SIGTERM). */
  async flush(): Promise<void> {
    await Promise.all(
      [...this.hocuspocus.documents.values()].map((document) => this.store(document))
    );
  }

  /** Stores everything, closes every connection and stops. */
  async destroy(): Promise<void> {
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.retries.clear();
    await this.flush();
    this.closed = true;
    for (const [connection, timer] of this.connections) {
      if (timer) clearTimeout(timer);
      connection.close({ code: 1001, reason: 'the server is shutting down' } as CloseEvent);
    }
    this.connections.clear();
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    for (const open of this.direct.values()) {
      const connection = await open.catch(() => null);
      // Stored just above (and `closed` makes the store this triggers a no-op): the document
      // unloads with its last connection, and its timers with it.
      await connection?.disconnect();
    }
    this.direct.clear();
  }

  /** How many WebSocket connections are open (for tests and the benchmark). */
  get connectionCount(): number {
    return this.connections.size;
  }

  private expel(connection: Connection<CollabContext>, code: number, error: EditError): void {
    const timer = this.connections.get(connection);
    if (timer) clearTimeout(timer);
    this.connections.delete(connection);
    send(connection, { type: 'revoked', errors: [error] });
    connection.close({
      code,
      reason: `${error.code}: ${error.message}`.slice(0, 120)
    } as CloseEvent);
  }

  private async authenticate(
    token: string,
    documentName: string,
    parameters: URLSearchParams,
    headers: Headers
  ): Promise<CollabContext> {
    const appId = appIdOf(documentName);
    if (!appId || !(await this.host.appExists(appId)))
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
    if (ownerCookie || (token !== '' && (this.host.isOwnerToken?.(token) ?? false))) {
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
    const verified = await this.host.verifyToken(token, appId);
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

  /**
   * Tells a connection its presence state was dropped (a stateless `presence` notice, which the
   * studio does not mistake for a refused update), and closes it at the third time.
   */
  private presenceStrike(connection: Connection<CollabContext>, problem: string): void {
    const error = editError('E_AWARENESS_INVALID', problem);
    const strikes = (this.presenceStrikes.get(connection) ?? 0) + 1;
    this.presenceStrikes.set(connection, strikes);
    connection.sendStateless(JSON.stringify({ type: 'presence', errors: [error] }));
    if (strikes >= MAX_PRESENCE_STRIKES)
      connection.close({
        code: CLOSE.invalid,
        reason: `${error.code}: ${error.message}`.slice(0, 120)
      } as CloseEvent);
  }

  private allow(connection: Connection<CollabContext>): boolean {
    const now = Date.now();
    const bucket = this.buckets.get(connection) ?? { tokens: this.rateBurst, at: now };
    bucket.tokens = Math.min(
      this.rateBurst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerSecond
    );
    bucket.at = now;
    this.buckets.set(connection, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Stores one document, retrying with a backoff while the store fails. */
  private async store(document: Document): Promise<void> {
    if (this.failedLoads.has(document) || document.isLoading) return;
    const appId = appIdOf(document.name);
    if (!appId) return;
    const pending = this.retries.get(document.name);
    if (pending) {
      clearTimeout(pending);
      this.retries.delete(document.name);
    }
    await document.saveMutex.runExclusive(() => this.write(document, appId));
  }

  /** Writes a document, retrying while the store fails (the caller holds its save mutex). */
  private async write(document: Document, appId: string): Promise<void> {
    if (this.closed) return;
    const state = Y.encodeStateAsUpdate(document);
    const title = document.getMap<unknown>('meta').get('title');
    for (let attempt = 0; ; attempt++) {
      try {
        await this.host.storeState(appId, state, typeof title === 'string' ? title : '');
        return;
      } catch (e) {
        const delay = this.retryDelays[attempt];
        console.error(
          `malleable: storing ${document.name} failed (attempt ${attempt + 1}); the document stays in memory: ${String(e)}`
        );
        if (delay === undefined) {
          // Still failing: try again later even if nothing changes meanwhile.
          const timer = setTimeout(() => void this.store(document), 30_000);
          timer.unref?.();
          this.retries.set(document.name, timer);
          throw e;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private extension(): Extension<CollabContext> {
    return {
      extensionName: 'malleable',
      onAuthenticate: async ({
        token,
        documentName,
        requestParameters,
        requestHeaders,
        connectionConfig
      }) => {
        const context = await this.authenticate(
          token ?? '',
          documentName,
          requestParameters,
          requestHeaders
        );
        if (context.actor.role === 'viewer') connectionConfig.readOnly = true;
        return context;
      },
      connected: async ({ connection, context }) => {
        const timer =
          context.exp === null
            ? null
            : setTimeout(
                () =>
                  this.expel(
                    connection,
                    CLOSE.unauthorized,
                    editError(
                      'E_TOKEN_EXPIRED',
                      'the share link has expired; ask the owner for a new one'
                    )
                  ),
                Math.max(0, Math.min(context.exp - Date.now(), 2 ** 31 - 1))
              );
        timer?.unref?.();
        this.connections.set(connection, timer);
      },
      onTokenSync: async ({ token, connection }) => {
        const context = connection.context;
        if (context.jti === null) return;
        const verified = await this.host.verifyToken(token, context.appId);
        if (!verified.ok || verified.claims.jti !== context.jti) {
          const error = verified.ok
            ? editError('E_TOKEN_INVALID', 'a connection cannot change to another link')
            : verified.error;
          this.expel(connection, CLOSE.unauthorized, error);
        }
      },
      onDisconnect: async ({ context, document }) => {
        for (const [connection, timer] of this.connections)
          if (connection.context === context) {
            if (timer) clearTimeout(timer);
            this.connections.delete(connection);
          }
        for (const [client, connection] of this.awarenessOwners)
          if (connection.context === context || !document.connections.has(connection))
            this.awarenessOwners.delete(client);
      },
      beforeHandleMessage: async ({ connection, update }) => {
        if (!this.allow(connection)) {
          throw new Refusal(
            CLOSE.rate,
            editError('E_RATE_LIMITED', 'too many messages too fast; reconnecting')
          );
        }
        if (update.byteLength > MAX_FRAME_BYTES)
          throw new Refusal(
            CLOSE.invalid,
            editError('E_PEER_MALFORMED', 'the message is too large')
          );
      },
      beforeSync: async ({ type, payload, connection, context }) => {
        // 0 is a state vector (a read); 1 and 2 carry an update.
        if (type !== 1 && type !== 2) return;
        const session = await this.host.session(context.appId);
        if (!session)
          throw new Refusal(
            CLOSE.forbidden,
            editError('E_APP_NOT_FOUND', 'the app is gone (it may be deleted)')
          );
        // Cheap refusals first (precheck.ts), read off the update's bytes before anything of it
        // reaches the session's mirror: a viewer's or read-only connection's write (its first
        // new struct ends the read), nesting deeper than the layout, foreign or forbidden roots,
        // non-plain values, bad meta and history. A 300 KB update nested deep from a viewer
        // link used to hold the event loop for over a minute in the mirror's walk.
        const readOnly = context.actor.role === 'viewer' || connection.readOnly;
        const early = precheckUpdate(
          session.doc,
          payload,
          readOnly ? { ...context.actor, role: 'viewer' } : context.actor
        );
        if (early) {
          send(connection, { type: 'refused', errors: [early] });
          throw new Refusal(early.code === 'E_FORBIDDEN' ? CLOSE.forbidden : CLOSE.invalid, early);
        }
        // A read-only connection's update holds nothing new: Hocuspocus applies none of it.
        if (readOnly) return;
        const result = await session.receive(context.actor, payload);
        if (result.ok) return;
        send(connection, { type: 'refused', errors: result.errors });
        const forbidden = result.errors.some((e) => e.code === 'E_FORBIDDEN');
        throw new Refusal(forbidden ? CLOSE.forbidden : CLOSE.invalid, result.errors[0]);
      },
      beforeHandleAwareness: async ({ states, context, connection }) => {
        if (!context || !connection) return;
        if (context.actor.role === 'viewer') {
          states.clear();
          return;
        }
        for (const [client, state] of [...states]) {
          const owner = this.awarenessOwners.get(client);
          if (owner && owner !== connection) {
            states.delete(client);
            continue;
          }
          this.awarenessOwners.set(client, connection);
          // An awareness update with a null state is a client leaving: nothing to rewrite.
          if (!state || typeof state !== 'object') continue;
          // Known fields of their shapes, 8 KB at most (presence.ts): anything else is dropped,
          // not broadcast (a 1.5 MB field reached every studio), and the sender is told; a
          // connection that keeps sending such states is closed.
          const problem = presenceProblem(state);
          if (problem) {
            states.delete(client);
            this.presenceStrike(connection, problem);
            continue;
          }
          const user = (state.user ?? {}) as Record<string, unknown>;
          state.user = {
            id: context.actor.id,
            // A link holder named "Owner" is shown with the link's role beside the name.
            name: presentName(
              context.actor.name ?? context.actor.id,
              context.actor.id,
              context.actor.role
            ),
            role: context.actor.role ?? 'owner',
            color:
              typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color)
                ? user.color
                : colorFor(context.actor.id)
          };
        }
      },
      onLoadDocument: async ({ document, documentName }) => {
        const appId = appIdOf(documentName);
        try {
          const state = appId ? await this.host.loadState(appId) : null;
          if (!state) throw new Error(`there is no stored document “${documentName}”`);
          Y.applyUpdate(document, state);
        } catch (e) {
          // Never store what a failed load left (an empty document over the real one).
          this.failedLoads.add(document);
          throw e;
        }
      },
      onStoreDocument: async ({ document, documentName }) => {
        // Hocuspocus holds the document's save mutex around this hook.
        const appId = appIdOf(documentName);
        if (!appId || this.failedLoads.has(document)) return;
        await this.write(document, appId);
      }
    };
  }
}
