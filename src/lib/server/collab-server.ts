/**
 * The collaboration server (DESIGN section 7): Hocuspocus on the studio's own HTTP server, at
 * `/collab`, so `npm start` is one process on one port.
 *
 * - The upgrade is judged first (server/boundary.ts): a foreign `Host` (DNS rebinding) or a
 *   foreign `Origin` (another site's page in the owner's browser) gets a 403 and no WebSocket.
 * - Authentication (admission.ts): a share link's token (checked like `Authorization: Bearer`), or proof of the
 *   owner (server/owner.ts: the owner cookie on the upgrade, or the owner token as the provider's
 *   token). An address proves nothing. The person id and name a browser sends in the URL only
 *   tell that person's tabs apart (their undo, their presence); the role is the token's.
 * - Every live update goes through the app's session (session.ts `receive`): role, records, the
 *   compile gate and a dry run, before it is applied. A refused update is neither stored nor
 *   broadcast; the connection gets a `refused` notice with the coded errors and is closed.
 * - Tokens are checked again when a provider sends a new one (`onTokenSync`), at their expiry,
 *   and when the owner revokes the link: the connection is told and closed.
 * - Awareness (presence-guard.ts): a viewer's is dropped; everyone else's `user` is overwritten with who the
 *   connection is, and a connection may only speak for the few awareness clients it introduced;
 *   a presence frame that cannot be read is refused (awareness-frame.ts) before Hocuspocus reads it.
 * - Limits: frames above a few MB are refused by the WebSocket itself, messages are rate-limited
 *   per connection, and Hocuspocus bounds what an unauthenticated connection may queue.
 * - Storage (persistence.ts): shortly after every change (a short debounce), retried with a backoff while the
 *   store fails (the document stays in memory meanwhile); never for a document whose load
 *   failed; everything pending is stored by `flush()` on shutdown.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Connection, type Document, type Extension } from '@hocuspocus/server';
import { WebSocketServer, type WebSocket } from 'ws';
import { editError, type EditError } from '../ops/errors';
import { MAX_UPDATE_BYTES, precheckUpdate } from '../collab/check';
import { appIdOf, CLOSE, COLLAB_PATH, documentName, type ServerNotice } from '../collab/protocol';
import {
  authenticate,
  Refusal,
  refuseUpgrade,
  toRequest,
  type AdmissionHost,
  type CollabContext
} from './collab-admission';
import { DocumentPersistence, type PersistenceHost } from './collab-persistence';
import { PresenceGuard } from './collab-presence-guard';
import { readAwarenessFrame } from '../collab/awareness-frame';
import type { AppSession } from './session';
import { judgeUpgrade, nodeHeaders } from './boundary';
import { OWNER_COOKIE, cookieOf } from './owner';

export { actorId } from '../collab/protocol';
export type { CollabContext, TokenCheck } from './collab-admission';

/** What the collaboration server needs from the studio server. */
export interface CollabHost extends AdmissionHost, PersistenceHost {
  /** The session that checks and applies live updates of an app. */
  session(appId: string): Promise<AppSession | null>;
}

/** How the collaboration server stores, limits and extends (tests shorten the delays). */
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

/** A frame larger than this closes the WebSocket (code 1009) before anything reads it. */
const MAX_FRAME_BYTES = MAX_UPDATE_BYTES + 64 * 1024;

function send(connection: Connection, notice: ServerNotice): void {
  connection.sendStateless(JSON.stringify(notice));
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
  private readonly presence = new PresenceGuard();
  private readonly buckets = new WeakMap<
    Connection<CollabContext>,
    { tokens: number; at: number }
  >();
  private readonly direct = new Map<
    string,
    Promise<{ document: Document | null; disconnect(): Promise<void> }>
  >();
  private readonly persistence: DocumentPersistence;
  private readonly rateBurst: number;
  private readonly ratePerSecond: number;

  constructor(host: CollabHost, options: CollabOptions = {}) {
    this.host = host;
    this.persistence = new DocumentPersistence(host, options.retryDelays ?? [100, 400, 1600, 5000]);
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
    if (document) await this.persistence.store(document);
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
      [...this.hocuspocus.documents.values()].map((document) => this.persistence.store(document))
    );
  }

  /** Stores everything, closes every connection and stops. */
  async destroy(): Promise<void> {
    this.persistence.cancelRetries();
    await this.flush();
    this.persistence.close();
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
        const context = await authenticate(
          this.host,
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
        this.presence.forget(context, document);
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
        // A presence frame Hocuspocus could not read would close it uncoded ("Reset Connection");
        // a readable one tells the guard which clients it names (awareness-frame.ts).
        const frame = readAwarenessFrame(update);
        if (frame && !frame.ok)
          throw new Refusal(CLOSE.invalid, editError('E_AWARENESS_INVALID', frame.problem));
        if (frame) this.presence.framed(connection, frame.clients);
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
        this.presence.judge(states, context, connection);
      },
      onLoadDocument: async ({ document, documentName }) => {
        await this.persistence.load(document, documentName);
      },
      onStoreDocument: async ({ document, documentName }) => {
        // Hocuspocus holds the document's save mutex around this hook.
        const appId = appIdOf(documentName);
        if (!appId || !this.persistence.loaded(document)) return;
        await this.persistence.write(document, appId);
      }
    };
  }
}
