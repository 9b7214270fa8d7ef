/**
 * The cached model of a document (src/lib/model/store.ts): kept across transactions that change
 * nothing (an empty update from a peer or the server), read afresh after any that does.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { currentModel } from '../../src/lib/model/store';
import { readModel } from '../../src/lib/model/ydoc';
import { commitBatch, originFor } from '../../src/lib/ops/commit';
import { templateDoc } from './helpers';

describe('currentModel', () => {
  it('keeps its snapshot across an empty update, and reads a real one', () => {
    const { doc } = templateDoc('todo');
    const first = currentModel(doc).model;
    // What a peer that has nothing new sends: an update with no structs and no deletions.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)));
    doc.transact(() => {});
    expect(currentModel(doc).model).toBe(first);

    const heading = [...first.nodes.values()].find((n) => n.type === 'Heading')!;
    const bob = originFor({ id: 'bob', name: 'Bob', role: 'owner' });
    const committed = commitBatch(
      peer,
      [{ op: 'setProp', id: heading.id, name: 'text', value: 'From Bob' }],
      bob,
      { verify: () => [] }
    );
    expect(committed.ok).toBe(true);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)));
    const next = currentModel(doc).model;
    expect(next).not.toBe(first);
    expect(next.nodes.get(heading.id)!.props.text).toBe('From Bob');
    expect(next).toEqual(readModel(doc));
  });
});
