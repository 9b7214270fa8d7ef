/**
 * What a change answer carries for the studio's own undo (issue 13): `written`, the update of
 * exactly what the server wrote for the asker. Another person's commit made just before it, by
 * the same server document, is not in it; undoing the asker's step built from it in a replica
 * (editor/my-undo.ts) takes back only theirs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StudioServer } from '../../src/lib/server/studio';
import { childrenOf, rootComponent } from '../../src/lib/model/types';
import type { Actor } from '../../src/lib/ops/plan';
import { currentModel } from '../../src/lib/model/store';
import { originFor } from '../../src/lib/ops/write';
import { MyUndo } from '../../src/lib/editor/my-undo';

const servers: StudioServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined);
});

const ann: Actor = { id: 'ann', name: 'Ann', role: 'owner' };
const bob: Actor = { id: 'bob', name: 'Bob', role: 'editor' };

describe('written', () => {
  it('is the asker’s commit only, and a replica undoes just that', async () => {
    const s = new StudioServer(':memory:');
    servers.push(s);
    const created = await s.create({ template: 'todo' });
    if (!created.ok) throw new Error('create failed');
    const session = (await s.session(created.app.id))!;
    const model = session.model;
    const root = rootComponent(model)!;
    const kids = childrenOf(model, root.root).map((id) => model.nodes.get(id)!);
    const heading = kids.find((n) => n.type === 'Heading')!.id;
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(session.doc));
    const undo = new MyUndo(
      replica,
      originFor(ann),
      () => {},
      async () => []
    );
    const sv = Y.encodeStateVector(replica);

    const theirs = await session.apply(bob, [
      { op: 'setMeta', name: 'title', value: 'Bob’s title' }
    ]);
    expect(theirs.ok).toBe(true);
    const mine = await session.apply(ann, [
      { op: 'setProp', id: heading, name: 'text', value: { $expr: "'Hi ' + 1" } }
    ]);
    if (!mine.ok || !mine.written) throw new Error('no written update');
    // Bob's commit is not in Ann's written update: applied alone, it does not bring his title.
    const alone = new Y.Doc();
    Y.applyUpdate(alone, Y.encodeStateAsUpdate(replica));
    Y.applyUpdate(alone, mine.written);
    expect(currentModel(alone).model.meta.title).not.toBe('Bob’s title');

    undo.adopt(mine.written, mine.summary, () =>
      Y.applyUpdate(replica, session.updateSince(sv), {})
    );
    expect(undo.undoCount).toBe(1);
    expect(await undo.step('undo')).toMatchObject({ ok: true });
    const after = currentModel(replica).model;
    expect(after.nodes.get(heading)!.props.text).toBe('Todo');
    expect(after.meta.title).toBe('Bob’s title');
    // The undo is a live update the server judges like any peer's: accepted, one step of Ann's.
    const received = await session.receive(
      ann,
      Y.encodeStateAsUpdate(replica, Y.encodeStateVector(session.doc))
    );
    expect(received).toMatchObject({ ok: true });
    expect(session.model.nodes.get(heading)!.props.text).toBe('Todo');
    const last = session.doc.getArray('history').toArray().at(-1) as {
      who: string;
      summary: string;
    };
    expect(last.who).toBe('ann');
    expect(last.summary).toMatch(/^Undid: /);
  });
});
