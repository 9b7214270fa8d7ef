/**
 * `AppSession.apply` collects what it writes for the asker (`written`, the studio's own undo
 * step) and merges it into one update. It used to stop the collector in a `finally` and again for
 * the answer, so every commit's updates were merged twice (the answer was right; the work was
 * doubled on every HTTP change). Here `Y.mergeUpdates` is counted: one apply, one merge; a
 * refused apply merges nothing and leaves no listener on the document; and the answer's update,
 * applied once to the document as it was before, gives exactly the document after.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const merges = vi.hoisted(() => ({ count: 0 }));

vi.mock('yjs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('yjs')>();
  return {
    ...actual,
    mergeUpdates: (updates: Uint8Array[]) => {
      merges.count++;
      return actual.mergeUpdates(updates);
    }
  };
});

import * as Y from 'yjs';
import { StudioServer } from '../../src/lib/server/studio';
import type { Actor } from '../../src/lib/ops/plan';

const servers: StudioServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined);
});

const ann: Actor = { id: 'ann', name: 'Ann', role: 'owner' };

/** How many `update` listeners the document has (lib0's observable keeps them in a map). */
function updateListeners(doc: Y.Doc): number {
  const observers = (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers;
  return observers.get('update')?.size ?? 0;
}

async function openSession() {
  const s = new StudioServer(':memory:');
  servers.push(s);
  const created = await s.create({ template: 'counter' });
  if (!created.ok) throw new Error('create failed');
  return (await s.session(created.app.id))!;
}

beforeEach(() => {
  merges.count = 0;
});

describe('the written update of a change', () => {
  it('is merged once, and applied once to the document before it gives the document after', async () => {
    const session = await openSession();
    const before = Y.encodeStateAsUpdate(session.doc);
    const listeners = updateListeners(session.doc);
    merges.count = 0;

    const answer = await session.apply(ann, [
      { op: 'setMeta', name: 'title', value: 'Written once' }
    ]);
    expect(answer.ok).toBe(true);
    if (!answer.ok || !answer.written) throw new Error('no written update');
    expect(merges.count).toBe(1);
    expect(updateListeners(session.doc)).toBe(listeners);

    const replica = new Y.Doc();
    Y.applyUpdate(replica, before);
    Y.applyUpdate(replica, answer.written);
    expect(Y.encodeStateVector(replica)).toEqual(Y.encodeStateVector(session.doc));
    expect(replica.getMap('meta').get('title')).toBe('Written once');
    // Nothing of the asker's commit is missing from it, insertions or deletions: the same
    // snapshot (state vector and delete set) as the server's document.
    expect(Y.equalSnapshots(Y.snapshot(replica), Y.snapshot(session.doc))).toBe(true);
  });

  it('a refused change merges nothing and leaves no listener behind', async () => {
    const session = await openSession();
    const listeners = updateListeners(session.doc);
    merges.count = 0;
    const answer = await session.apply(ann, [{ op: 'setMeta', name: 'nonsense', value: 1 }]);
    expect(answer.ok).toBe(false);
    expect(merges.count).toBe(0);
    expect(updateListeners(session.doc)).toBe(listeners);
  });
});
