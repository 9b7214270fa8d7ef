/**
 * The stored apps: their list and their documents. Only this file reads and writes the `apps`
 * and `documents` tables. A document is stored as one Yjs update (the whole state), written
 * after every change, so a restart loses nothing that was acknowledged.
 */
import * as Y from 'yjs';
import type { Db } from './db';

/** One row of the app list. */
export interface AppSummary {
  readonly id: string;
  readonly title: string;
  readonly template: string | null;
  readonly created: number;
  readonly updated: number;
}

interface AppRow {
  id: string;
  title: string;
  template: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

function summaryOf(row: AppRow): AppSummary {
  return {
    id: row.id,
    title: row.title,
    template: row.template,
    created: row.created_at,
    updated: row.updated_at
  };
}

/** The document name an app is stored under (Hocuspocus names documents the same way). */
export function documentName(id: string): string {
  return `app/${id}`;
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

export class AppStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /** The apps that are not deleted, most recently changed first. */
  list(): AppSummary[] {
    const rows = this.db
      .prepare('SELECT * FROM apps WHERE deleted_at IS NULL ORDER BY updated_at DESC, id')
      .all() as AppRow[];
    return rows.map(summaryOf);
  }

  /** Whether the database has ever held an app (deleted ones count). */
  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM apps LIMIT 1').get() === undefined;
  }

  /** One app's row, or null when there is none (or it is deleted, unless `deleted`). */
  get(id: string, options: { deleted?: boolean } = {}): AppSummary | null {
    const row = this.db.prepare('SELECT * FROM apps WHERE id = ?').get(id) as AppRow | undefined;
    if (!row || (row.deleted_at !== null && !options.deleted)) return null;
    return summaryOf(row);
  }

  /** Stores a new app with its first document, in one transaction. */
  create(id: string, title: string, doc: Y.Doc, template: string | null = null): AppSummary {
    const now = Date.now();
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO apps (id, title, template, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'
        )
        .run(id, title, template, now, now);
      this.db
        .prepare('INSERT INTO documents (name, data) VALUES (?, ?)')
        .run(documentName(id), Buffer.from(Y.encodeStateAsUpdate(doc)));
    })();
    return this.get(id)!;
  }

  /** The stored document of an app as a Y.Doc, or null. */
  loadDoc(id: string): Y.Doc | null {
    const row = this.db
      .prepare('SELECT data FROM documents WHERE name = ?')
      .get(documentName(id)) as { data: Buffer } | undefined;
    if (!row) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(row.data));
    return doc;
  }

  /** The stored document of an app as one Yjs update, or null. */
  loadState(id: string): Uint8Array | null {
    const row = this.db
      .prepare('SELECT data FROM documents WHERE name = ?')
      .get(documentName(id)) as { data: Buffer } | undefined;
    return row ? new Uint8Array(row.data) : null;
  }

  /** Writes an app's whole document and its title (kept in the list for cheap listing). */
  saveDoc(id: string, doc: Y.Doc, title: string): void {
    this.saveState(id, Y.encodeStateAsUpdate(doc), title);
  }

  /** Writes an app's whole document (one Yjs update) and its title. */
  saveState(id: string, state: Uint8Array, title: string): void {
    const data = Buffer.from(state);
    this.db.transaction(() => {
      this.db.prepare('UPDATE documents SET data = ? WHERE name = ?').run(data, documentName(id));
      this.db
        .prepare('UPDATE apps SET title = ?, updated_at = ? WHERE id = ?')
        .run(title, Date.now(), id);
    })();
  }

  /** Marks an app deleted; it can be restored until it is purged. Returns whether it existed. */
  delete(id: string): boolean {
    return (
      this.db
        .prepare('UPDATE apps SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL')
        .run(Date.now(), id).changes > 0
    );
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }

  /** Brings back a deleted app. Returns whether there was one to restore. */
  restore(id: string): boolean {
    return (
      this.db
        .prepare('UPDATE apps SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL')
        .run(id).changes > 0
    );
  }
}
