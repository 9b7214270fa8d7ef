/**
 * Restore points: what a history entry records so that "restore to before this change" can
 * rebuild the document as it was just before it (DESIGN section 7, issue 13 "History that stays
 * small"). Browser-safe: the offline studio writes them too.
 *
 * A Yjs snapshot is a state vector (which changes existed) and a delete set (which of them were
 * deleted). Entries used to carry the whole snapshot (`before`), and with gc off the delete set
 * holds every deletion ever made, so each entry was larger than the last and the log grew with
 * the square of the edits (1,000 small edits: 1.8 MB; and once the delete set passed the entry's
 * bound, 96 KB, no entry was restorable at all any more). Now an entry carries a `restorePoint`:
 *
 * - the full state vector (one clock per client that ever wrote, not growing with the edits), and
 * - only the deletions its writer knew of that no entry it knew of covered yet: the delta. Each
 *   writer keeps, per document, what the points in that document already cover (starting from
 *   the union of the points it finds there), so deletions made between two entries by writes
 *   that record none (app data, undo) go to the next entry written.
 *
 * The delete set before entry i is then the union of i's delta and the deltas of every entry
 * its writer knew of, which are exactly the entries whose own Yjs item is inside i's state
 * vector: it is causal, not the order of the log, so two people's offline entries that merge
 * interleaved still each restore what their writer saw. A writer stores each deletion once (two
 * writers of one document may both store one), so the log grows with the number of edits (times
 * the number of clients, for the state vectors): 1,000 small edits, 0.26 MB, about 22 bytes of
 * restore point per entry (`npx tsx scripts/measure-history.ts`).
 *
 * Considered and not taken: a full snapshot every N entries with deltas between still grows
 * with the square (N times more slowly), and snapshots kept by the server outside the document
 * would leave the offline studio, app files and every other replica without restore points.
 *
 * Old entries keep their whole `before` snapshot and restore as they always did; as a delta of
 * a later entry's union their delete set is a superset of a delta, which is just as correct.
 *
 * A restore point is something a peer writes, so it is checked where the peer's update lands
 * (`restorePointProblem`, before anyone else sees the update): only changes the document holds,
 * only deletions that happened. A hostile point can then only pick a state out of the document's
 * own changes for its own entry's restore, and every restore is a change the one judge checks
 * for the person restoring (server/session.ts).
 *
 * Why deleted content is not compacted: any restore point may need any deleted item (restoring
 * to before the first entry needs the content of then), and each person's undo manager brings
 * deleted items back from their content. Only items created and deleted between two points with
 * no undo step holding them could go, and finding those costs more than they weigh.
 */
import * as Y from 'yjs';
import { fromBase64 } from 'lib0/buffer';
import { editError, type EditError } from '../errors';
import { docRoots } from './ydoc';

type DeleteSet = Y.Snapshot['ds'];
type DeleteItem = { clock: number; len: number };

/** Per document: the deletions its restore points already cover (see the file comment). */
const covered = new WeakMap<Y.Doc, DeleteSet>();

function emptyDeleteSet(): DeleteSet {
  return Y.createDeleteSet();
}

/**
 * A restore point (either field) decoded strictly, as a peer's is: null when it is not base64,
 * not a snapshot, not the bytes Yjs writes for it (nothing hidden behind it), or a delete set
 * whose ranges are not sorted and apart (which keeps `restorePointProblem` linear: no struct is
 * walked twice for one point).
 */
export function decodeRestorePoint(text: string): Y.Snapshot | null {
  let snapshot: Y.Snapshot;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(text);
    snapshot = Y.decodeSnapshot(bytes);
    const again = Y.encodeSnapshot(snapshot);
    if (again.length !== bytes.length || !again.every((b, i) => b === bytes[i])) return null;
  } catch {
    return null;
  }
  for (const ranges of snapshot.ds.clients.values()) {
    let end = 0;
    for (const { clock, len } of ranges) {
      if (!Number.isSafeInteger(clock + len) || len <= 0 || clock < end) return null;
      end = clock + len;
    }
  }
  return snapshot;
}

/**
 * The snapshot a stored entry carries, and whether it is whole (an old `before`) or a delta; null
 * when it carries none that reads. Read leniently (what an older Yjs wrote still restores), with
 * the delete set sorted and merged, as the set operations below need it.
 */
function pointOf(entry: unknown): { snapshot: Y.Snapshot; whole: boolean } | null {
  if (!entry || typeof entry !== 'object') return null;
  const fields = entry as Record<string, unknown>;
  const point = Object.hasOwn(fields, 'restorePoint') ? fields.restorePoint : undefined;
  const before = Object.hasOwn(fields, 'before') ? fields.before : undefined;
  const text = typeof point === 'string' ? point : typeof before === 'string' ? before : null;
  if (text === null) return null;
  try {
    const { ds, sv } = Y.decodeSnapshot(fromBase64(text));
    return {
      snapshot: Y.createSnapshot(Y.mergeDeleteSets([ds]), sv),
      whole: typeof point !== 'string'
    };
  } catch {
    return null;
  }
}

/** The log's entries with the Yjs id of each (what tells whether a writer knew of it). */
function entriesWithIds(doc: Y.Doc): { entry: unknown; id: Y.ID }[] {
  const out: { entry: unknown; id: Y.ID }[] = [];
  for (let item = docRoots(doc).history._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    item.content
      .getContent()
      .forEach((entry, k) =>
        out.push({ entry, id: Y.createID(item!.id.client, item!.id.clock + k) })
      );
  }
  return out;
}

/** `a` without `b`; both sorted and merged per client, as Yjs makes them. */
function subtract(a: DeleteSet, b: DeleteSet): DeleteSet {
  const out = emptyDeleteSet();
  for (const [client, ranges] of a.clients) {
    const holes = b.clients.get(client) ?? [];
    const kept: DeleteItem[] = [];
    let h = 0;
    for (const { clock, len } of ranges) {
      let from = clock;
      const end = clock + len;
      while (h < holes.length && holes[h].clock + holes[h].len <= from) h++;
      for (let j = h; j < holes.length && holes[j].clock < end; j++) {
        if (holes[j].clock > from) kept.push({ clock: from, len: holes[j].clock - from });
        from = Math.max(from, holes[j].clock + holes[j].len);
      }
      if (from < end) kept.push({ clock: from, len: end - from });
    }
    if (kept.length > 0) out.clients.set(client, kept as never);
  }
  return out;
}

/** `a` within `b`; both sorted and merged per client. */
function intersect(a: DeleteSet, b: DeleteSet): DeleteSet {
  const out = emptyDeleteSet();
  for (const [client, ranges] of a.clients) {
    const other = b.clients.get(client) ?? [];
    const kept: DeleteItem[] = [];
    let j = 0;
    for (const { clock, len } of ranges) {
      const end = clock + len;
      while (j < other.length && other[j].clock + other[j].len <= clock) j++;
      for (let k = j; k < other.length && other[k].clock < end; k++) {
        const from = Math.max(clock, other[k].clock);
        const to = Math.min(end, other[k].clock + other[k].len);
        if (from < to) kept.push({ clock: from, len: to - from });
      }
    }
    if (kept.length > 0) out.clients.set(client, kept as never);
  }
  return out;
}

/**
 * Base64 of `bytes`, in chunks of characters rather than one at a time (lib0's browser version
 * adds a character per byte, a millisecond of each edit at 2,000 nodes). Same output.
 */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x2000)
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x2000));
  return btoa(binary);
}

/** A restore point about to be written with an entry. */
export interface PendingRestorePoint {
  /** The point (base64), for the entry's `restorePoint`. */
  readonly point: string;
  /**
   * Call once the entry holding `point` is in the document: its deletions are covered from then
   * on. Not called (the entry dropped the point, or was not written): the next point takes them.
   */
  keep(): void;
}

/**
 * The restore point of `doc` as it is now, for the history entry of a change about to be
 * written: its state vector and the deletions no point in it covers yet.
 */
export function takeRestorePoint(doc: Y.Doc): PendingRestorePoint {
  const now = Y.snapshot(doc);
  // First point this document gets here: what the points already in its log cover (read once).
  const known =
    covered.get(doc) ??
    Y.mergeDeleteSets(
      entriesWithIds(doc).flatMap(({ entry }) => pointOf(entry)?.snapshot.ds ?? [])
    );
  const delta = subtract(now.ds, known);
  return {
    point: toBase64(Y.encodeSnapshot(Y.createSnapshot(delta, now.sv))),
    // What is deleted now is covered once this entry is in: by it, or by the points before.
    keep: () => void covered.set(doc, now.ds)
  };
}

/**
 * The snapshot of `doc` just before history entry `index`, for `Y.createDocFromSnapshot`, or
 * null when that entry carries no readable restore point. An old entry's whole snapshot is used
 * as it is; a new one's deletions are its own and those of every entry its writer knew of.
 */
export function snapshotBefore(doc: Y.Doc, index: number): Y.Snapshot | null {
  const entries = entriesWithIds(doc);
  const target = index >= 0 && index < entries.length ? entries[index] : undefined;
  const own = target && pointOf(target.entry);
  if (!own) return null;
  const { sv } = own.snapshot;
  const parts: DeleteSet[] = [own.snapshot.ds];
  if (!own.whole)
    for (const { entry, id } of entries) {
      // Known to the writer: inside its state vector (its own entry, written after, is not).
      if (id.clock >= (sv.get(id.client) ?? 0)) continue;
      // An entry whose point does not read covers nothing, here as in takeRestorePoint, so the
      // writer attributed those deletions to a later point.
      const point = pointOf(entry);
      if (point) parts.push(point.snapshot.ds);
    }
  // Deletions are for good: what is not deleted now was not deleted then, whatever an entry
  // stored before points were checked says (the check below now refuses such a point).
  const ds = intersect(Y.mergeDeleteSets(parts), Y.createDeleteSetFromStructStore(doc.store));
  return Y.createSnapshot(ds, sv);
}

function pointProblem(message: string, field: string): EditError {
  return editError('E_HISTORY_INVALID', `a history entry ${message}`, {
    path: `/history/${field}`
  });
}

/**
 * The problem with the restore point of an entry a peer just appended, read against `doc`, the
 * document the peer's update landed in (the server's mirror), or null. It may name only changes
 * the document holds, and mark deleted only what is deleted in it: otherwise one forged entry
 * could hide live content in the restore of every later entry that knows of it, or name changes
 * that do not exist yet. Linear in the point and the structs it covers.
 */
export function restorePointProblem(doc: Y.Doc, entry: unknown): EditError | null {
  if (!entry || typeof entry !== 'object') return null;
  for (const field of ['restorePoint', 'before']) {
    const text = Object.hasOwn(entry, field)
      ? (entry as Record<string, unknown>)[field]
      : undefined;
    if (text === undefined) continue;
    const snapshot = typeof text === 'string' ? decodeRestorePoint(text) : null;
    if (!snapshot) return pointProblem('has a restore point that is not a Yjs snapshot', field);
    for (const [client, clock] of snapshot.sv)
      if (clock > Y.getState(doc.store, client))
        return pointProblem('has a restore point with changes the app does not hold', field);
    for (const [client, ranges] of snapshot.ds.clients) {
      const structs = doc.store.clients.get(client) ?? [];
      const state = Y.getState(doc.store, client);
      for (const { clock, len } of ranges) {
        if (clock + len > state)
          return pointProblem('has a restore point that deletes changes the app lacks', field);
        for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
          if (structs[i].id.clock >= clock + len) break;
          if (!structs[i].deleted)
            return pointProblem('has a restore point that deletes live content', field);
        }
      }
    }
  }
  return null;
}
