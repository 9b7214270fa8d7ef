/**
 * The studio's server side, one per process: the database, the store, the compile gate and the
 * open apps. Routes reach it through `studioServer()`. Configuration: `DATA_DIR` (default
 * `./data`) holds the SQLite file.
 */
import * as Y from 'yjs';
import { CompileGate } from '../code/gate';
import { fromAppFile } from '../model/appfile';
import { commitModel, originFor } from '../ops/commit';
import type { EditError } from '../ops/errors';
import { editError } from '../ops/errors';
import type { Actor } from '../ops/plan';
import { TEMPLATES, TEMPLATE_NAMES, templateModel } from '../templates';
import { AppStore, newAppId, type AppSummary } from './apps';
import { openDatabase } from './db';
import { loadSecret, ShareLinks } from './tokens';
import { randomBytes } from 'node:crypto';
import { AppSession } from './session';
import type { AppModel } from '../model/types';
import { CollabServer, type CollabOptions } from '../collab/server';

/**
 * The person at the machine. A local start has no login: whoever opens the studio owns its apps.
 * (Share links with roles come with the collaboration server.)
 */
export const LOCAL_OWNER: Actor = Object.freeze({ id: 'owner', name: 'You', role: 'owner' });

export class StudioServer {
  readonly store: AppStore;
  /** Share links of every app. */
  readonly links: ShareLinks;
  readonly gate = new CompileGate();
  /** Live editing over WebSockets (Hocuspocus), on the same documents. */
  readonly collab: CollabServer;
  private readonly sessions = new Map<string, Promise<AppSession | null>>();

  constructor(
    dataDir: string,
    options: {
      demo?: boolean;
      collab?: CollabOptions;
      /** Wraps the document store (tests make it fail). */
      wrapStore?: (
        save: (id: string, state: Uint8Array, title: string) => void
      ) => (id: string, state: Uint8Array, title: string) => void;
    } = {}
  ) {
    const db = openDatabase(dataDir);
    this.store = new AppStore(db);
    // In memory (tests), a fresh secret per process; on disk, one kept beside the database.
    this.links = new ShareLinks(db, dataDir === ':memory:' ? randomBytes(32) : loadSecret(dataDir));
    const save = (id: string, state: Uint8Array, title: string) =>
      this.store.saveState(id, state, title);
    const storeState = options.wrapStore ? options.wrapStore(save) : save;
    this.collab = new CollabServer(
      {
        appExists: (id) => this.store.get(id) !== null,
        loadState: async (id) => this.store.loadState(id),
        storeState: async (id, state, title) => storeState(id, state, title),
        verifyToken: (token, appId) => this.links.verify(token, appId),
        session: (id) => this.session(id)
      },
      options.collab
    );
    // A first start shows something to play with: the todo app. Only when the database has never
    // held an app, so deleting every app does not bring it back.
    if (options.demo !== false && this.store.isEmpty())
      this.create({ template: 'todo', title: 'Todo (demo)' });
  }

  /**
   * The open session of an app, loading it on first use; null when there is no such app. Its
   * document is the collaboration server's, so a change made here reaches every open studio.
   */
  async session(id: string): Promise<AppSession | null> {
    if (!this.store.get(id)) return null;
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
  create(
    request: { template?: unknown; file?: unknown; title?: unknown },
    actor: Actor = LOCAL_OWNER
  ): { ok: true; app: AppSummary } | { ok: false; errors: EditError[] } {
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
    const app = this.store.create(newAppId(), model.meta.title, doc, template);
    doc.destroy();
    return { ok: true, app };
  }

  /** Stores every open document, closes every connection and app (their sandboxes) and the database. */
  async close(): Promise<void> {
    await this.collab.destroy();
    const open = await Promise.all(this.sessions.values());
    this.sessions.clear();
    await Promise.all(open.map((session) => session?.close()));
    this.gate.dispose();
    this.store.close();
  }

  /** Revokes a share link and closes the live connections that came with it. */
  revokeLink(appId: string, jti: string): boolean {
    if (!this.links.revoke(appId, jti)) return false;
    this.collab.revoke(jti, editError('E_TOKEN_REVOKED', 'the owner revoked this share link'));
    return true;
  }

  /** Deletes an app (restorable); closes its session. */
  async delete(id: string): Promise<boolean> {
    const deleted = this.store.delete(id);
    if (deleted)
      this.collab.closeApp(id, editError('E_APP_NOT_FOUND', 'the owner deleted this app'));
    return deleted;
  }
}

let server: StudioServer | undefined;

/** The process's studio server, created on first use. */
export function studioServer(): StudioServer {
  return (server ??= new StudioServer(process.env.DATA_DIR || './data', {
    demo: process.env.MALLEABLE_DEMO !== '0'
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
