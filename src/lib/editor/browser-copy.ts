/**
 * The browser's own copy of an app's document, in IndexedDB (local first, issue 13): an edit
 * made offline survives a closed tab, and when the app is opened again the copy is merged into
 * the replica, which syncs it to the server (`tests/e2e/browser-copy.spec.ts`).
 *
 * The store is a list of Yjs updates under increasing keys (the layout y-indexeddb uses, so a
 * copy it wrote still opens). It starts from the bytes the page was sent, not from the document
 * encoded again: encoding a whole document is a long task (about 40 ms at 2,000 nodes, 200 ms at
 * 10,000) that used to land soon after an app opened, while the person starts working. Updates
 * made before the database is open wait in memory; later ones are written as they happen. Past
 * `COMPACT_AFTER` updates, the copy is replaced by the document encoded once, in idle time.
 */
import * as Y from 'yjs';

const STORE = 'updates';
/** y-indexeddb's second store, created too so either can open the other's database. */
const CUSTOM = 'custom';
/** Updates kept before the copy is compacted into one (y-indexeddb's figure). */
export const COMPACT_AFTER = 500;

/** Deletes the copy of database `name` (the replica was refused and starts again). */
export function clearBrowserCopy(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** A replica's copy in this browser. Construct it as the page starts; `open` it when there is time. */
export class BrowserCopy {
  private db: IDBDatabase | null = null;
  private opening = false;
  /** Updates not written yet: the page's first bytes, then whatever came before `open`. */
  private waiting: Uint8Array[];
  private count = 0;
  private compacting = false;
  private destroyed = false;

  /**
   * @param name the database's name
   * @param doc the replica
   * @param first the update the page started the replica from (the whole document then)
   */
  constructor(
    private readonly name: string,
    private readonly doc: Y.Doc,
    first: Uint8Array
  ) {
    this.waiting = [first];
    doc.on('update', this.onUpdate);
  }

  /** Opens the database, merges what it held into the replica, and writes what waited. */
  async open(): Promise<void> {
    if (this.opening || this.destroyed) return;
    this.opening = true;
    const db = await openDatabase(this.name);
    if (this.destroyed) return db.close();
    const stored = await request<Uint8Array[]>(
      db.transaction(STORE).objectStore(STORE).getAll() as IDBRequest<Uint8Array[]>
    );
    this.db = db;
    // What the copy held first (it may hold changes made offline in a tab since closed), as one
    // transaction of this copy's own: the provider sends what the server lacks.
    if (stored.length > 0)
      Y.transact(this.doc, () => stored.forEach((u) => Y.applyUpdate(this.doc, u)), this, false);
    const waiting = this.waiting;
    this.waiting = [];
    this.count = stored.length;
    this.write(waiting);
  }

  /** Stops writing (the page is going away); what was written stays. */
  destroy(): void {
    this.destroyed = true;
    this.doc.off('update', this.onUpdate);
    this.db?.close();
    this.db = null;
  }

  /** Deletes the copy (and stops writing). */
  async clear(): Promise<void> {
    this.destroy();
    await clearBrowserCopy(this.name);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this || this.destroyed) return;
    this.waiting.push(update);
    // Written once the edit's task is over, all of its updates in one transaction: the frame
    // that shows an edit does not wait for IndexedDB.
    if (this.db && this.waiting.length === 1) setTimeout(this.writeWaiting, 0);
  };

  private readonly writeWaiting = () => {
    if (!this.db || this.destroyed) return;
    const waiting = this.waiting;
    this.waiting = [];
    this.write(waiting);
  };

  private write(updates: readonly Uint8Array[]): void {
    const db = this.db;
    if (!db || updates.length === 0) return;
    const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
    for (const update of updates) store.add(update);
    this.count += updates.length;
    if (this.count > COMPACT_AFTER && !this.compacting) this.compactSoon();
  }

  /** Replaces the updates with the document encoded once, when the page is idle. */
  private compactSoon(): void {
    this.compacting = true;
    const run = () => {
      const db = this.db;
      if (!db || this.destroyed) return;
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      // Cleared and written in one transaction: a tab closed meanwhile keeps the old updates.
      store.clear();
      store.add(Y.encodeStateAsUpdate(this.doc));
      this.count = 1;
      tx.oncomplete = tx.onerror = () => (this.compacting = false);
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 5_000 });
    else setTimeout(run, 500);
  }
}

function openDatabase(name: string): Promise<IDBDatabase> {
  const opening = indexedDB.open(name);
  opening.onupgradeneeded = () => {
    const db = opening.result;
    if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { autoIncrement: true });
    if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM);
  };
  return request(opening);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
