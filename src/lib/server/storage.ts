/**
 * What the studio stores, behind one asynchronous interface with two implementations: SQLite
 * (storage-sqlite.ts, the default: one file under `DATA_DIR`) and PostgreSQL
 * (storage-postgres.ts, when `DATABASE_URL` is set, so several instances share one database).
 * `AppStore` (apps.ts) and `ShareLinks` (tokens.ts) sit on top of it; nothing else touches the
 * tables.
 *
 * Both implementations pass the same contract (tests/scale/storage.test.ts). The one rule that
 * matters for several instances: `documents.save` merges, it never overwrites. Two instances may
 * each hold a copy of a document with edits the other has not seen yet; whichever stores last
 * must not erase the first one's edits.
 */
import * as Y from 'yjs';
import type { Role } from './tokens';
import type { SuggestionRows } from './storage-suggestions';

/** One app's row: its place in the list and its metadata. Times are ms since the epoch. */
export interface AppRecord {
  readonly id: string;
  readonly title: string;
  readonly template: string | null;
  readonly created: number;
  readonly updated: number;
  /** When it was deleted (restorable), or null. */
  readonly deleted: number | null;
}

/** One share link's row; the token itself is never stored (it is signed, see tokens.ts). */
export interface LinkRecord {
  readonly jti: string;
  readonly app: string;
  readonly role: Role;
  readonly created: number;
  readonly expires: number;
  readonly revoked: number | null;
}

/** The app list. */
export interface AppRows {
  /** The apps that are not deleted, most recently changed first (then by id). */
  list(): Promise<AppRecord[]>;
  /** One app's row, deleted or not; null when there is none. */
  get(id: string): Promise<AppRecord | null>;
  /** Whether the database has never held an app (deleted ones count). */
  isEmpty(): Promise<boolean>;
  /** Stores a new app and its first document in one transaction. */
  create(app: AppRecord, state: Uint8Array): Promise<void>;
  /**
   * Stores the app only when the database has never held one (a first start's demo); returns
   * whether it did. Atomic: instances starting together on one empty database make one demo.
   */
  createFirst(app: AppRecord, state: Uint8Array): Promise<boolean>;
  /** Marks an app deleted at `at`; returns whether there was a live one. */
  delete(id: string, at: number): Promise<boolean>;
  /** Brings back a deleted app; returns whether there was one. */
  undelete(id: string): Promise<boolean>;
}

/** Each app's Y.Doc, stored as one Yjs update (the whole state). */
export interface DocumentRows {
  /** The stored document of an app, or null. */
  load(appId: string): Promise<Uint8Array | null>;
  /**
   * Merges `state` into the stored document of an existing app and sets the app's title and
   * change time, in one transaction (see `planSave`); does nothing for an app with no document.
   * `base`, when given, is a state the caller's document is known to contain: what it loaded, or
   * the `base` the previous save returned.
   */
  save(appId: string, state: Uint8Array, change: SaveChange): Promise<SaveResult>;
}

/** What a document save writes besides the state. */
export interface SaveChange {
  readonly title: string;
  /** The change time, ms since the epoch. */
  readonly at: number;
  /** A state the saved document is known to contain, or null (see `planSave`). */
  readonly base?: Uint8Array | null;
}

export interface SaveResult {
  /**
   * The stored state when the saved document contains all of it (pass it as `base` to the next
   * save of that document); null when the merge brought in edits it has not seen, or nothing
   * was stored.
   */
  readonly base: Uint8Array | null;
}

/** The share links' revocation list. */
export interface LinkRows {
  insert(link: LinkRecord): Promise<void>;
  /** A link's row, or null when this database never made it. */
  find(jti: string): Promise<LinkRecord | null>;
  /** Revokes a live link of `app` at `at`; returns whether there was one. */
  revoke(app: string, jti: string, at: number): Promise<boolean>;
  /** The links of `app` neither revoked nor expired at `now`, newest first. */
  list(app: string, now: number): Promise<LinkRecord[]>;
}

export interface Storage {
  /** Which database: for messages and tests. */
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Settles once the schema exists. When it rejects (the database cannot be reached, or was
   * written by a newer Malleable), every call rejects with the same error.
   */
  readonly ready: Promise<void>;
  readonly apps: AppRows;
  readonly documents: DocumentRows;
  readonly links: LinkRows;
  /** Suggestions users made through the assistant (storage-suggestions.ts). */
  readonly suggestions: SuggestionRows;
  /**
   * The signing secret every instance on this database shares, made on first use; null when the
   * database keeps none (SQLite: the secret is a file beside it, see tokens.ts `loadSecret`).
   */
  sharedSecret(make: () => Buffer): Promise<Buffer | null>;
  close(): Promise<void>;
}

/** The document name an app is stored under (Hocuspocus names documents the same way). */
export function documentName(id: string): string {
  return `app/${id}`;
}

/**
 * What a save writes over the stored state (a plan: both storages commit it in their
 * transaction). Stored edits are never lost, whoever wrote them:
 *
 * - When the row is still byte for byte the caller's `base`, nobody wrote since the caller's
 *   document loaded or last stored it, and that document contains it: `incoming` replaces it
 *   as is. This is every save of a single instance, and it costs one comparison of bytes.
 * - Otherwise (another instance stored meanwhile, or there is no `base`) the two are merged
 *   (`mergeStates`). When the stored state added nothing to `incoming`, `incoming` is written
 *   and is the next `base`; else the merged state is written, with the merged document's title
 *   (a rename made on another instance is not undone by this one's older title), and the next
 *   save merges again.
 */
export function planSave(
  stored: Uint8Array,
  incoming: Uint8Array,
  title: string,
  base: Uint8Array | null | undefined
): { data: Uint8Array; title: string; base: Uint8Array | null } {
  if (base && sameBytes(stored, base)) return { data: incoming, title, base: incoming };
  const merged = mergeStates(stored, incoming);
  if (!merged.grew) return { data: incoming, title, base: incoming };
  return { data: merged.state, title: merged.title ?? title, base: null };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/**
 * One state holding everything of both `stored` and `incoming`: the Yjs CRDT merge, so edits
 * made on two instances both survive whichever stores last. Applied to a scratch Y.Doc rather
 * than `Y.mergeUpdates`: the doc garbage-collects what both sides deleted, so the stored state
 * does not keep deleted content forever. Returns the state, the merged document's title, and
 * whether `stored` added anything to `incoming`.
 */
export function mergeStates(
  stored: Uint8Array,
  incoming: Uint8Array
): { state: Uint8Array; title: string | null; grew: boolean } {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, incoming);
    const before = Y.snapshot(doc);
    Y.applyUpdate(doc, stored);
    const title = doc.getMap<unknown>('meta').get('title');
    return {
      state: Y.encodeStateAsUpdate(doc),
      title: typeof title === 'string' ? title : null,
      grew: !Y.equalSnapshots(before, Y.snapshot(doc))
    };
  } finally {
    doc.destroy();
  }
}
