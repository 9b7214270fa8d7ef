/**
 * The studio's server side, one per process: the database, the store, the compile gate and the
 * open apps. A request reaches it as `event.locals.studio`, set by the `handle` hook
 * (src/hooks.server.ts); `studioServer()` is only for where there is no request: the server's
 * start and the collaboration WebSocket's upgrade (runtime.ts). Configuration: `DATA_DIR` (default
 * `./data`) holds the SQLite file; `DATABASE_URL` (postgres://) stores everything in PostgreSQL
 * instead and `REDIS_URL` (redis://) links the instances' live documents, so several instances
 * can run behind a load balancer (storage-postgres.ts, cluster.ts).
 */
import * as Y from 'yjs';
import { ServerGate } from './gate';
import { fromAppFile } from '../model/appfile';
import { commitModel, originFor } from '../ops/commit';
import type { EditError } from '../ops/errors';
import { editError } from '../ops/errors';
import type { Actor } from '../ops/plan';
import { TEMPLATES, TEMPLATE_NAMES, templateModel } from '../templates';
import { AppStore, newAppId, type AppSummary, type FirstApp } from './apps';
import { loadSecret, ShareLinks } from './tokens';
import { randomBytes } from 'node:crypto';
import { AppSession } from './session';
import type { AppModel } from '../model/types';
import { CollabServer, type CollabOptions } from './collab-server';
import type { Storage } from './storage';
import type { SuggestionRows } from './storage-suggestions';
import { sqliteStorage } from './storage-sqlite';
import { postgresStorage } from './storage-postgres';
import { Cluster, type ClusterEvent } from './cluster';
import { isOwnerToken, loadOwnerToken } from './owner';

/**
 * The studio's owner: whoever proves the owner token (owner.ts: the start-up link's cookie, or
 * the token as a bearer token). Everyone else comes with a share link and its role.
 */
export const LOCAL_OWNER: Actor = Object.freeze({ id: 'owner', name: 'You', role: 'owner' });

/** How a studio server stores and whom it shares live documents with. */
export interface StudioOptions {
  /** Whether a first start stores the demo app (default true). */
  demo?: boolean;
  collab?: CollabOptions;
  /** Store in PostgreSQL instead of SQLite under the data directory (`DATABASE_URL`). */
  databaseUrl?: string;
  /** Share live documents with the other instances over Redis (`REDIS_URL`). */
  redisUrl?: string;
  /** Namespaces the Redis keys and channels (default `malleable`; tests use their own). */
  redisPrefix?: string;
  /** Wraps the document store (tests make it fail). */
  wrapStore?: (
    save: (id: string, state: Uint8Array, title: string) => Promise<void>
  ) => (id: string, state: Uint8Array, title: string) => Promise<void> | void;
}

/**
 * The signing secret: `MALLEABLE_SECRET` when set; with PostgreSQL, the one kept in the
 * database, so a link made on one instance verifies on all of them; in memory (tests), a fresh
 * one; otherwise the file beside the SQLite database.
 */
function signingSecret(dataDir: string, storage: Storage): Buffer | Promise<Buffer> {
  if (storage.kind === 'postgres' && !process.env.MALLEABLE_SECRET)
    return storage
      .sharedSecret(() => randomBytes(32))
      .then((secret) => {
        if (!secret) throw new Error('the database keeps no signing secret');
        return secret;
      });
  if (storage.kind === 'postgres') return loadSecret(dataDir);
  return dataDir === ':memory:' ? randomBytes(32) : loadSecret(dataDir);
}

export class StudioServer {
  readonly store: AppStore;
  /** Share links of every app. */
  readonly links: ShareLinks;
  /** The owner's secret (owner.ts): the start-up link, the owner cookie, the owner's bearer token. */
  readonly ownerToken: string;
  /** The compile gate of every app: TypeScript in a child process with time and memory limits. */
  readonly gate = new ServerGate();
  /** Live editing over WebSockets (Hocuspocus), on the same documents. */
  readonly collab: CollabServer;
  private readonly storage: Storage;
  /** Suggestions users made in the app page, waiting for an owner or editor (suggestions.ts). */
  get suggestions(): SuggestionRows {
    return this.storage.suggestions;
  }
  /** The other instances (with `redisUrl`), or null for a single one. */
  private readonly cluster: Cluster | null;
  private readonly sessions = new Map<string, Promise<AppSession | null>>();
  private closing = false;

  constructor(dataDir: string, options: StudioOptions = {}) {
    this.storage = options.databaseUrl
      ? postgresStorage(options.databaseUrl)
      : sqliteStorage(dataDir);
    if (options.redisUrl && !options.databaseUrl)
      console.warn(
        'malleable: REDIS_URL without DATABASE_URL: instances only see each other’s apps if they open the same SQLite file'
      );
    // A first start shows something to play with: the todo app. Only when the database has never
    // held an app, so deleting every app does not bring it back.
    this.store = new AppStore(
      this.storage,
      options.demo !== false ? () => this.demoApp() : undefined
    );
    this.links = new ShareLinks(this.storage.links, signingSecret(dataDir, this.storage));
    this.ownerToken = loadOwnerToken(dataDir);
    this.cluster = options.redisUrl
      ? new Cluster(options.redisUrl, (event) => void this.heard(event), {
          prefix: options.redisPrefix
        })
      : null;
    // What each live document is known to contain (storage.ts `planSave`): the state it was
    // loaded from, then what its last store wrote. While nobody else writes, a store replaces the
    // row without merging. Only the collaboration server's documents load and store through
    // here, one live document per app, so the state is always that document's.
    const bases = new Map<string, Uint8Array | null>();
    const save = async (id: string, state: Uint8Array, title: string) => {
      const saved = await this.store.saveState(id, state, title, bases.get(id) ?? null);
      bases.set(id, saved.base);
    };
    const storeState = options.wrapStore ? options.wrapStore(save) : save;
    this.collab = new CollabServer(
      {
        appExists: async (id) => (await this.store.get(id)) !== null,
        loadState: async (id) => {
          const state = await this.store.loadState(id);
          bases.set(id, state);
          return state;
        },
        storeState: async (id, state, title) => storeState(id, state, title),
        verifyToken: (token, appId) => this.links.verify(token, appId),
        isOwnerToken: (token) => isOwnerToken(this.ownerToken, token),
        session: (id) => this.session(id)
      },
      {
        ...options.collab,
        extensions: [
          ...(options.collab?.extensions ?? []),
          ...(this.cluster ? [this.cluster.extension] : [])
        ]
      }
    );
  }

  /** The demo app of a first start. */
  private demoApp(): FirstApp {
    const built = this.build({ template: 'todo', title: 'Todo (demo)' }, LOCAL_OWNER);
    if (!built.ok) throw new Error(built.errors[0].message);
    return { id: newAppId(), title: built.title, template: built.template, doc: built.doc };
  }

  /**
   * The open session of an app, loading it on first use; null when there is no such app. Its
   * document is the collaboration server's, so a change made here reaches every open studio.
   */
  async session(id: string): Promise<AppSession | null> {
    if (!(await this.store.get(id))) return null;
    let open = this.sessions.get(id);
    if (!open) {
      open = this.collab.document(id).then(
        (doc) => new AppSession(id, doc, this.gate, () => this.collab.storeNow(id)),
        () => null
      );
      this.sessions.set(id, open);
      // A failed load is tried again on the next request.
      void open.then((session) => {
        if (!session && this.sessions.get(id) === open) this.sessions.delete(id);
      });
    }
    return open;
  }

  /**
   * Creates an app from a template name or an app file (parsed JSON). Returns its row, or the
   * coded errors of a bad request (nothing is stored then).
   */
  async create(
    request: { template?: unknown; file?: unknown; title?: unknown },
    actor: Actor = LOCAL_OWNER
  ): Promise<{ ok: true; app: AppSummary } | { ok: false; errors: EditError[] }> {
    const built = this.build(request, actor);
    if (!built.ok) return built;
    try {
      return {
        ok: true,
        app: await this.store.create(newAppId(), built.title, built.doc, built.template)
      };
    } finally {
      built.doc.destroy();
    }
  }

  /** The first document of a new app, committed as `actor`; or the request's coded errors. */
  private build(
    request: { template?: unknown; file?: unknown; title?: unknown },
    actor: Actor
  ):
    | { ok: true; title: string; template: string | null; doc: Y.Doc }
    | { ok: false; errors: EditError[] } {
    let model: AppModel;
    let template: string | null = null;
    if (request.file !== undefined) {
      const parsed = fromAppFile(request.file);
      if (!parsed.ok) return { ok: false, errors: [...parsed.errors] };
      model = parsed.model;
    } else {
      const name = request.template ?? 'blank';
      if (typeof name !== 'string' || !Object.hasOwn(TEMPLATES, name))
        return {
          ok: false,
          errors: [
            editError(
              'E_FIELD_VALUE',
              `there is no template “${String(name)}”; choose one of ${TEMPLATE_NAMES.join(', ')}`,
              { path: '/template' }
            )
          ]
        };
      template = name;
      model = templateModel(name);
    }
    if (request.title !== undefined) {
      if (typeof request.title !== 'string' || request.title.trim() === '')
        return {
          ok: false,
          errors: [
            editError('E_FIELD_VALUE', 'a title must be a non-empty string', { path: '/title' })
          ]
        };
      model = { ...model, meta: { ...model.meta, title: request.title.trim().slice(0, 200) } };
    }
    const doc = new Y.Doc();
    commitModel(doc, model, originFor(actor), {
      source: template ? 'template' : 'import',
      summary: template ? `Created from the ${template} template` : `Imported “${model.meta.title}”`
    });
    return { ok: true, title: model.meta.title, template, doc };
  }

  /** Stores every open document, closes every connection and app (their sandboxes) and the database. */
  async close(): Promise<void> {
    this.closing = true;
    await this.collab.destroy();
    const open = await Promise.all(this.sessions.values());
    this.sessions.clear();
    await Promise.all(open.map((session) => session?.close()));
    await this.gate.dispose();
    await this.cluster?.close();
    await this.store.close();
  }

  /**
   * Revokes a share link and closes the live connections that came with it, here and (with
   * Redis) on the other instances.
   */
  async revokeLink(appId: string, jti: string): Promise<boolean> {
    if (!(await this.links.revoke(appId, jti))) return false;
    this.collab.revoke(jti, REVOKED);
    // Not awaited: an answer never waits on Redis (the link is already refused everywhere).
    void this.cluster?.announce({ type: 'revoked', app: appId, jti });
    return true;
  }

  /** Deletes an app (it can be undeleted); closes its connections, here and on the other instances. */
  async delete(id: string): Promise<boolean> {
    const deleted = await this.store.delete(id);
    if (deleted) {
      this.collab.closeApp(id, DELETED);
      void this.cluster?.announce({ type: 'deleted', app: id });
    }
    return deleted;
  }

  /**
   * Another instance revoked a link or deleted an app. The announcement is only a hint: the
   * shared database is read first, so a forged one on Redis closes nothing (cluster.ts).
   */
  private async heard(event: ClusterEvent): Promise<void> {
    if (this.closing) return;
    try {
      if (event.type === 'revoked') {
        const link = await this.storage.links.find(event.jti);
        if (link && link.app === event.app && link.revoked !== null)
          this.collab.revoke(event.jti, REVOKED);
      } else if ((await this.store.get(event.app)) === null) {
        this.collab.closeApp(event.app, DELETED);
      }
    } catch (e) {
      console.error(`malleable: acting on another instance's ${event.type} failed: ${String(e)}`);
    }
  }
}

const REVOKED = editError('E_TOKEN_REVOKED', 'the owner revoked this share link');
const DELETED = editError('E_APP_NOT_FOUND', 'the owner deleted this app');

let server: StudioServer | undefined;

/**
 * The process's studio server, created on first use. Only the `handle` hook (which puts it on
 * `event.locals.studio` for the routes) and the runtime (server start, WebSocket upgrade, where no
 * request exists) call this.
 */
export function studioServer(): StudioServer {
  return (server ??= new StudioServer(process.env.DATA_DIR || './data', {
    demo: process.env.MALLEABLE_DEMO !== '0',
    databaseUrl: process.env.DATABASE_URL || undefined,
    redisUrl: process.env.REDIS_URL || undefined
  }));
}

/** Stores everything and closes the process's studio server (shutdown). */
export async function closeStudioServer(): Promise<void> {
  const open = server;
  server = undefined;
  await open?.close();
}

/** Encodes bytes for JSON answers. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** Decodes a base64 state vector from a request; undefined when absent or malformed. */
export function fromBase64(value: unknown): Uint8Array | undefined {
  if (typeof value !== 'string' || value.length > 100_000) return undefined;
  try {
    return new Uint8Array(Buffer.from(value, 'base64'));
  } catch {
    return undefined;
  }
}
