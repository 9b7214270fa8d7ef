/**
 * Restore points (issue 13, "History that stays small"; src/lib/model/restore-point.ts), used the
 * way people and attackers use them:
 *
 * - a person edits an app a thousand times (a heading retyped, nodes added and removed, app data
 *   typed in between): the log grows by about the same number of bytes per edit, first to last;
 * - "restore to before entry k" gives exactly the app of then, for the first, the middle and the
 *   last entry and many in between, including the app data that changed without an entry;
 * - two people editing offline at once: once merged, each entry restores what its writer saw;
 * - an app whose log was written before restore points (whole snapshots) still restores, before
 *   and after the first new entry;
 * - a hostile editor's restore point that names changes the app lacks or marks live content
 *   deleted is refused where its update lands, and a user's or a garbled one before that.
 *
 * The same through the real server and the one judge: tests/collab/undo.test.ts, judge.test.ts
 * and peer-bounds.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { applyToMirror, checkRecords } from '../../src/lib/collab/check';
import { historyEntryProblem } from '../../src/lib/collab/history-entry';
import { currentModel } from '../../src/lib/model/store';
import { docRoots, readModel, writeModel } from '../../src/lib/model/ydoc';
import { snapshotBefore, takeRestorePoint } from '../../src/lib/model/restore-point';
import { commitModel } from '../../src/lib/ops/commit';
import { planOps, type Actor } from '../../src/lib/ops/plan';
import { commitPlanned, ENTRY_BOUNDS, originFor, type HistoryEntry } from '../../src/lib/ops/write';
import { commitData } from '../../src/lib/runtime/live';
import { templateModel } from '../../src/lib/templates';
import { canonical } from './helpers';

const ann: Actor = { id: 'ann', name: 'Ann', role: 'owner' };
const bob: Actor = { id: 'bob', name: 'Bob', role: 'editor' };

/** A server's document (gc off, as the collaboration server keeps it) holding the todo app. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  commitModel(doc, templateModel('todo'), originFor(ann), { now: 0 });
  return doc;
}

/**
 * A replica of `doc`: a browser's (gc on, as the studio's is), or with gc off, as the server, the
 * CLI and any peer that keeps deleted content.
 */
function replica(doc: Y.Doc, gc = true): Y.Doc {
  const copy = new Y.Doc({ gc });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function entries(doc: Y.Doc): HistoryEntry[] {
  return docRoots(doc).history.toArray() as HistoryEntry[];
}

/** The app as it was just before entry `index`, read back from the document's restore point. */
function restored(doc: Y.Doc, index: number): string {
  const point = snapshotBefore(doc, index);
  expect(point, `entry ${index} is restorable`).not.toBeNull();
  const then = Y.createDocFromSnapshot(doc, point!);
  const text = canonical(readModel(then));
  then.destroy();
  return text;
}

/** Entry times, unique across the file (the offline test finds entries by who and when). */
let clock = 1_000_000;

function ids(doc: Y.Doc): { heading: string; stack: string } {
  const model = readModel(doc);
  const heading = [...model.nodes.values()].find((n) => n.type === 'Heading')!.id;
  return { heading, stack: model.components.get(model.meta.root)!.root };
}

/**
 * One person's editing session, one edit at a time: the heading retyped, every fifth edit a Text
 * node added and removed again by the next, and every seventh some app data typed (no entry).
 * Returns the app as it was before each entry written, by the entry's time (unique in a file).
 */
function edit(doc: Y.Doc, actor: Actor, count: number, tag: string): Map<number, string> {
  const origin = originFor(actor);
  const { heading, stack } = ids(doc);
  const seen = new Map<number, string>();
  let added: string | null = null;
  for (let i = 0; i < count; i++) {
    if (i % 7 === 3) {
      const data = readModel(doc).data;
      commitData(doc, data, { ...data, draft: `${tag} draft ${i}` }, { data: actor.id });
    }
    const ops =
      added !== null
        ? [{ op: 'removeNode', id: added }]
        : i % 5 === 4
          ? [
              {
                op: 'addNode',
                parent: stack,
                type: 'Text',
                props: { text: `${tag} ${i}` },
                id: 't'
              }
            ]
          : [{ op: 'setProp', id: heading, name: 'text', value: `${tag} heading ${i}` }];
    const now = clock++;
    seen.set(now, canonical(readModel(doc)));
    const result = commitPlanned(doc, ops, origin, { now });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    added = added === null && 't' in result.idMap ? result.idMap.t : null;
  }
  return seen;
}

/** Every entry of `seen` (by time) restores, in `doc`, to the app its writer saw before it. */
function expectRestores(doc: Y.Doc, seen: Map<number, string>, only?: number[]): void {
  const log = entries(doc);
  for (const when of only ?? seen.keys()) {
    const at = log.findIndex((e) => e.when === when);
    expect(at, `entry ${when} is in the log`).toBeGreaterThan(0);
    expect(restored(doc, at), `before ${log[at].who}’s ${log[at].summary}`).toBe(seen.get(when));
  }
}

/** The average size of entries `from` to `to` of the log, as JSON. */
function bytesPerEntry(doc: Y.Doc, from: number, to: number): number {
  const slice = entries(doc).slice(from, to);
  return slice.reduce((sum, e) => sum + JSON.stringify(e).length, 0) / slice.length;
}

describe('a thousand small edits', () => {
  const doc = serverDoc();
  const first = docRoots(doc).history.length;
  let seen = new Map<number, string>();
  beforeAll(() => {
    seen = edit(doc, ann, 1000, 'ann');
  });

  it('grow the log linearly: the last hundred entries weigh about what the first hundred did', () => {
    const early = bytesPerEntry(doc, first, first + 100);
    const late = bytesPerEntry(doc, first + 900, first + 1000);
    const log = entries(doc).slice(first);
    const total = log.reduce((sum, e) => sum + JSON.stringify(e).length, 0);
    const points = log.reduce((sum, e) => sum + (e.restorePoint?.length ?? 0), 0);
    console.log(
      `history after 1,000 edits: ${total} bytes (restore points ${points}); ` +
        `per entry ${early.toFixed(0)} (first 100), ${late.toFixed(0)} (last 100); ` +
        `document ${Y.encodeStateAsUpdate(doc).byteLength} bytes`
    );
    expect(log.every((e) => typeof e.restorePoint === 'string' && e.before === undefined)).toBe(
      true
    );
    expect(late).toBeLessThan(2 * early);
    // A whole snapshot per entry was 3,267 bytes each by the last hundred (1.8 MB in all).
    expect(total).toBeLessThan(400_000);
  });

  it('restore to before the first, the middle, the last and every 37th entry exactly', () => {
    const times = [...seen.keys()];
    const pick = [times[0], times[1], times[500], times.at(-2)!, times.at(-1)!];
    for (let i = 0; i < times.length; i += 37) pick.push(times[i]);
    expectRestores(doc, seen, pick);
  });

  it('the entry that made the app (no point) and one past the end are not restorable', () => {
    expect(snapshotBefore(doc, 0)).toBeNull();
    expect(snapshotBefore(doc, docRoots(doc).history.length)).toBeNull();
    expect(snapshotBefore(doc, -1)).toBeNull();
  });
});

describe('several writers', () => {
  it('two people offline at once: each entry restores what its writer saw', () => {
    const server = serverDoc();
    edit(server, ann, 6, 'server');
    // Replicas that keep deleted content: one with gc on (the studio's) drops the content of
    // what it made and deleted while offline before the server ever sees it, so no restore
    // point can bring that back (the same with whole snapshots).
    const a = replica(server, false);
    const b = replica(server, false);
    // Both retype the same heading and add and remove nodes, neither seeing the other.
    const seenA = edit(a, ann, 12, 'ann');
    const seenB = edit(b, bob, 12, 'bob');
    // Each brings its work back; the log interleaves them in whatever order Yjs merges.
    sync(a, server);
    sync(b, server);
    sync(a, server);
    expect(entries(server).length).toBe(1 + 6 + 24);
    expectRestores(server, seenA);
    expectRestores(server, seenB);
    // The server writes on top of the merged log (its first point reads what the log covers).
    expectRestores(server, edit(server, ann, 8, 'after'));
    // And a replica that catches up keeps writing points that restore on the server.
    sync(b, server);
    const late = edit(b, bob, 8, 'late');
    sync(b, server);
    expectRestores(server, late);
    expectRestores(server, seenA);
  });

  it('a point too large for its entry leaves its deletions to the next entry', () => {
    const doc = serverDoc();
    const seen = edit(doc, ann, 4, 'x');
    // Entries whose point is past the bound keep everything else and drop the point.
    const bounds = ENTRY_BOUNDS as { restorePointBytes: number };
    const bound = bounds.restorePointBytes;
    bounds.restorePointBytes = 0;
    try {
      edit(doc, ann, 6, 'dropped');
    } finally {
      bounds.restorePointBytes = bound;
    }
    const log = entries(doc);
    expect(log.slice(-6).every((e) => e.restorePoint === undefined)).toBe(true);
    expect(snapshotBefore(doc, log.length - 1)).toBeNull();
    // The next points take the deletions the dropped ones did not record.
    expectRestores(doc, new Map([...seen, ...edit(doc, ann, 6, 'z')]));
  });
});

/** The write path before restore points: each entry with the whole snapshot (`before`). */
function oldCommit(doc: Y.Doc, ops: unknown[], now: number): void {
  const { model, repairs } = currentModel(doc);
  const plan = planOps(model, ops, ann);
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  const entry = {
    who: ann.id,
    when: now,
    source: 'visual',
    summary: plan.summary,
    ops: plan.ops,
    idMap: plan.idMap,
    before: toBase64(Y.encodeSnapshot(Y.snapshot(doc)))
  };
  doc.transact(() => {
    writeModel(doc, model, plan.model, repairs);
    docRoots(doc).history.push([entry]);
  });
}

describe('a log written before restore points', () => {
  it('old entries (whole snapshots) still restore, and so do new ones written after them', () => {
    const doc = serverDoc();
    const { heading, stack } = ids(doc);
    const seen = new Map<number, string>();
    const step = (ops: unknown[]) => {
      const now = clock++;
      seen.set(now, canonical(readModel(doc)));
      oldCommit(doc, ops, now);
    };
    for (let i = 0; i < 6; i++)
      step([{ op: 'setProp', id: heading, name: 'text', value: `old ${i}` }]);
    step([{ op: 'addNode', parent: stack, type: 'Text', props: { text: 'old note' }, id: 't' }]);
    const note = entries(doc).at(-1)!.idMap.t;
    step([{ op: 'removeNode', id: note }]);
    expect(
      entries(doc)
        .slice(1)
        .every((e) => e.before && !e.restorePoint)
    ).toBe(true);
    // The same document, opened by today's code: new entries carry restore points.
    for (const [when, model] of edit(doc, ann, 10, 'new')) seen.set(when, model);
    // An old studio still open during the upgrade writes one more whole snapshot; then new again.
    step([{ op: 'setProp', id: heading, name: 'text', value: 'old again' }]);
    for (const [when, model] of edit(doc, ann, 10, 'newer')) seen.set(when, model);
    expectRestores(doc, seen);
  });
});

describe('a hostile editor’s restore point', () => {
  const NOW = Date.UTC(2025, 0, 1);
  const editor: Actor = { id: 'link:e~ed-0001', role: 'editor' };
  const user: Actor = { id: 'link:u~us-0001', role: 'user' };
  const entry = (fields: Record<string, unknown>) => ({
    who: editor.id,
    when: NOW,
    source: 'visual',
    summary: 'Changed the heading',
    ops: [],
    idMap: {},
    ...fields
  });

  /**
   * A server document and how its check judges an entry a peer appends: `make` gets a fresh
   * replica (it may write to it first, in updates of its own) and returns the entry's fields;
   * the peer's whole update goes through the checks an update meets on the server.
   */
  function setting() {
    const server = serverDoc();
    edit(server, ann, 5, 'ann');
    const judged = (make: (peer: Y.Doc) => Record<string, unknown>) => {
      const peer = replica(server);
      const sv = Y.encodeStateVector(peer);
      const fields = make(peer);
      docRoots(peer).history.push([entry(fields)]);
      const update = Y.encodeStateAsUpdate(peer, sv);
      const early = historyEntryProblem(entry(fields), editor, NOW);
      if (early) return early.code;
      const mirror = new Y.Doc({ gc: false });
      Y.applyUpdate(mirror, Y.encodeStateAsUpdate(server));
      const tried = applyToMirror(mirror, update);
      if (!tried.ok) return tried.error.code;
      const { model, repairs } = currentModel(mirror);
      return checkRecords(mirror, tried.facts, model, repairs)[0]?.code ?? null;
    };
    return { server, judged };
  }

  /** The Yjs item holding a prop's value now. */
  function propItem(doc: Y.Doc, key: string): Y.Item {
    return (docRoots(doc).props as unknown as { _map: Map<string, Y.Item> })._map.get(key)!;
  }

  const svOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

  /** A point with state vector `sv` and delete set `ds`, as a peer would encode it. */
  function point(sv: Map<number, number>, ds: [number, number, number][]): string {
    const set = Y.createDeleteSet();
    for (const [client, clock, len] of ds) {
      const list = set.clients.get(client) ?? [];
      list.push({ clock, len } as never);
      set.clients.set(client, list);
    }
    return toBase64(Y.encodeSnapshot(Y.createSnapshot(set, sv)));
  }

  it('an honest point passes', () => {
    const { judged } = setting();
    expect(judged((peer) => ({ restorePoint: takeRestorePoint(peer).point }))).toBeNull();
  });

  it('garbage, trailing bytes, or both fields at once: E_HISTORY_INVALID', () => {
    const { judged } = setting();
    const garbage = toBase64(new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 1]));
    const trailing = (peer: Y.Doc) =>
      toBase64(new Uint8Array([...fromBase64(takeRestorePoint(peer).point), 0]));
    for (const bad of [
      () => ({ restorePoint: 'AAEC' }),
      () => ({ restorePoint: garbage }),
      (peer: Y.Doc) => ({ restorePoint: trailing(peer) }),
      () => ({ restorePoint: 'not base64!' }),
      () => ({ restorePoint: 42 }),
      (peer: Y.Doc) => {
        const honest = takeRestorePoint(peer).point;
        return { restorePoint: honest, before: honest };
      },
      () => ({ before: 'AAEC' })
    ])
      expect(judged(bad), bad.toString()).toBe('E_HISTORY_INVALID');
  });

  it('marks live content deleted (hiding it in every later restore): E_HISTORY_INVALID', () => {
    const { server, judged } = setting();
    const { heading } = ids(server);
    const item = propItem(server, `${heading}/text`);
    const { client, clock } = item.id;
    const state = Y.getState(server.store, client);
    for (const ds of [
      // The heading's text as it is now.
      [[client, clock, 1]],
      // A range sprawling over all a client wrote, and one past it.
      [[client, 0, state]],
      [[client, state, 5]]
    ] as [number, number, number][][]) {
      expect(judged((peer) => ({ restorePoint: point(svOf(peer), ds) }))).toBe('E_HISTORY_INVALID');
      // An old-style whole snapshot that does the same is refused the same way.
      expect(judged((peer) => ({ before: point(svOf(peer), ds) }))).toBe('E_HISTORY_INVALID');
    }
  });

  it('names changes the app does not hold (the future): E_HISTORY_INVALID', () => {
    const { judged } = setting();
    const future = (peer: Y.Doc) => {
      const sv = svOf(peer);
      const [client, clock] = [...sv][0];
      return new Map([...sv, [client, clock + 1000]]);
    };
    expect(judged((peer) => ({ restorePoint: point(future(peer), []) }))).toBe('E_HISTORY_INVALID');
    expect(
      judged((peer) => ({ restorePoint: point(new Map([...svOf(peer), [424242, 3]]), []) }))
    ).toBe('E_HISTORY_INVALID');
  });

  it('marks deleted what the same update deleted first: passes (it is what happened)', () => {
    const { server, judged } = setting();
    const { heading } = ids(server);
    expect(
      judged((peer) => {
        docRoots(peer).props.set(`${heading}/text`, 'typed');
        const taken = takeRestorePoint(peer).point;
        const { ds } = Y.decodeSnapshot(fromBase64(taken));
        const { client, clock } = propItem(server, `${heading}/text`).id;
        expect(Y.isDeleted(ds, Y.createID(client, clock))).toBe(true);
        return { restorePoint: taken };
      })
    ).toBeNull();
  });

  it('a user’s point, or one that is not base64, is refused before any document is read', () => {
    const honest = takeRestorePoint(serverDoc()).point;
    const asUser = { ...entry({ restorePoint: honest }), who: user.id };
    expect(historyEntryProblem(asUser, user, NOW)?.code).toBe('E_HISTORY_INVALID');
    expect(historyEntryProblem(entry({ restorePoint: '%%%' }), editor, NOW)?.code).toBe(
      'E_HISTORY_INVALID'
    );
    expect(historyEntryProblem(entry({ restorePoint: honest }), editor, NOW)).toBeNull();
  });

  it('a point stored before these checks cannot hide content that is live now', () => {
    const doc = serverDoc();
    const seen = edit(doc, ann, 4, 'ann');
    const model = readModel(doc);
    const button = [...model.nodes.values()].find((n) => n.type === 'Button')!.id;
    const label = propItem(doc, `${button}/label`).id;
    // Written straight into the document (as a stored log could hold it): it claims the
    // button's label, which nobody ever changes, was deleted.
    doc.transact(() =>
      docRoots(doc).history.push([
        entry({ before: point(svOf(doc), [[label.client, label.clock, 1]]) })
      ])
    );
    const later = edit(doc, ann, 3, 'later');
    expectRestores(doc, new Map([...seen, ...later]));
  });
});
