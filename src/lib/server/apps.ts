/**
 * The stored apps: their list and their documents, on the storage the server was started with
 * (storage.ts: SQLite by default, PostgreSQL with `DATABASE_URL`). A document is stored as one
 * Yjs update (the whole state), written after every change, so a restart loses nothing that was
 * acknowledged; a write merges into what is stored, so instances sharing a database never erase
 * each other's edits.
 */
import * as Y from 'yjs';
import type { AppRecord, SaveResult, Storage } from './storage';

export { documentName } from './storage';

/** One row of the app list. */
export interface AppSummary {
  readonly id: string;
  readonly title: string;
  readonly template: string | null;
  readonly created: number;
  readonly updated: number;
}

function summaryOf(app: AppRecord): AppSummary {
  return {
    id: app.id,
    title: app.title,
    template: app.template,
    created: app.created,
    updated: app.updated
  };
}

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A new app id: 10 characters without look-alikes, readable in a URL. */
export function newAppId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  let id = '';
  for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
  return id;
}

/** App ids as `newAppId` makes them; anything else in a URL is not an app. */
export function isAppId(value: string): boolean {
  return /^[a-z2-9]{10}$/.test(value);
}

/** An app to store on a first start, when the database has never held one. */
export interface FirstApp {
  readonly id: string;
  readonly title: string;
  readonly template: string | null;
  readonly doc: Y.Doc;
}

/** The app list and each app's document, over the storage the server was started with. */
export class AppStore {
  private readonly storage: Storage;
  /** The storage is ready and a first start's app stored: every call waits for it. */
  private readonly ready: Promise<void>;

  /**
   * `firstApp` makes the app a first start shows (the demo); it is stored before any call of
   * this store is answered, and only when the database has never held an app, so deleting
   * every app does not bring it back.
   */
  constructor(storage: Storage, firstApp?: () => FirstApp) {
    this.storage = storage;
    this.ready = storage.ready.then(async () => {
      if (!firstApp || !(await storage.apps.isEmpty())) return;
      const app = firstApp();
      const now = Date.now();
      await storage.apps.createFirst(
        { ...app, created: now, updated: now, deleted: null },
        Y.encodeStateAsUpdate(app.doc)
      );
      app.doc.destroy();
    });
    // Reported by the calls that wait for it; this only keeps the process up meanwhile.
    this.ready.catch(() => undefined);
  }

  /** The apps that are not deleted, most recently changed first. */
  async list(): Promise<AppSummary[]> {
    await this.ready;
    return (await this.storage.apps.list()).map(summaryOf);
  }

  /** Whether the database has ever held an app (deleted ones count). */
  async isEmpty(): Promise<boolean> {
    await this.ready;
    return this.storage.apps.isEmpty();
  }

  /** One app's row, or null when there is none (or it is deleted, unless `deleted`). */
  async get(id: string, options: { deleted?: boolean } = {}): Promise<AppSummary | null> {
    await this.ready;
    const app = await this.storage.apps.get(id);
    if (!app || (app.deleted !== null && !options.deleted)) return null;
    return summaryOf(app);
  }

  /** Stores a new app with its first document, in one transaction. */
  async create(
    id: string,
    title: string,
    doc: Y.Doc,
    template: string | null = null
  ): Promise<AppSummary> {
    await this.ready;
    const now = Date.now();
    const app: AppRecord = { id, title, template, created: now, updated: now, deleted: null };
    await this.storage.apps.create(app, Y.encodeStateAsUpdate(doc));
    return summaryOf(app);
  }

  /** The stored document of an app as a Y.Doc, or null. */
  async loadDoc(id: string): Promise<Y.Doc | null> {
    const state = await this.loadState(id);
    if (!state) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc;
  }

  /** The stored document of an app as one Yjs update, or null. */
  async loadState(id: string): Promise<Uint8Array | null> {
    await this.ready;
    return this.storage.documents.load(id);
  }

  /** Stores an app's whole document and its title (kept in the list for cheap listing). */
  async saveDoc(id: string, doc: Y.Doc, title: string): Promise<void> {
    await this.saveState(id, Y.encodeStateAsUpdate(doc), title);
  }

  /**
   * Stores an app's whole document (one Yjs update) and its title. Merged into what is stored:
   * edits another instance stored meanwhile are kept. `base` is a state the document is known
   * to contain, which spares the merge while nobody else writes (storage.ts `planSave`); the
   * answer is the `base` for the document's next save.
   */
  async saveState(
    id: string,
    state: Uint8Array,
    title: string,
    base: Uint8Array | null = null
  ): Promise<SaveResult> {
    await this.ready;
    return this.storage.documents.save(id, state, { title, at: Date.now(), base });
  }

  /** Marks an app deleted; it can be undeleted until it is purged. Returns whether it existed. */
  async delete(id: string): Promise<boolean> {
    await this.ready;
    return this.storage.apps.delete(id, Date.now());
  }

  /** Brings back a deleted app (undeletes it). Returns whether there was one. */
  async undelete(id: string): Promise<boolean> {
    await this.ready;
    return this.storage.apps.undelete(id);
  }

  /** Closes the database. */
  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.storage.close();
  }
}
