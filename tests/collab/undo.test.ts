/**
 * Per-person undo on a shared app, through the server's edit path (what the studio's Undo
 * button calls), with real providers watching: the Yjs undo pitfalls of DESIGN section 7.
 * Undo never reverts another person's change, every step leaves a valid app that every peer
 * reads the same, and undo n times then redo n times returns the document to where it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toBase64 } from 'lib0/buffer';
import { currentModel } from '../../src/lib/model/store';
import { childrenOf, rootComponent, type AppModel } from '../../src/lib/model/types';
import { validateModel } from '../../src/lib/model/validate';
import { writeModel } from '../../src/lib/model/ydoc';
import type { HistoryEntry } from '../../src/lib/ops/write';
import type { AppSession } from '../../src/lib/server/session';
import {
  connect,
  linkFor,
  newApp,
  removeDir,
  snapshot,
  startServer,
  synced,
  until,
  type Peer,
  type Running
} from './harness';

let server: Running;
const peers: Peer[] = [];
const ann = { id: 'link:x~ann-0001', name: 'Ann', role: 'editor' as const };
const bob = { id: 'link:x~bob-0001', name: 'Bob', role: 'editor' as const };

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const p of peers) p.destroy();
  await server.stop();
  removeDir(server.dir);
});

/** A fresh todo app, its session, and a provider watching it. */
async function fresh(): Promise<{ session: AppSession; watcher: Peer; model: () => AppModel }> {
  const appId = await newApp(server);
  const session = (await server.studio.session(appId))!;
  const watcher = connect(server, appId, {
    token: (await linkFor(server, appId, 'viewer')).token,
    person: 'watch-01'
  });
  peers.push(watcher);
  await synced(watcher);
  return { session, watcher, model: () => session.model };
}

/** The app is valid, and the watching peer reads exactly what the server holds. */
async function agreed(session: AppSession, watcher: Peer): Promise<void> {
  expect(validateModel(session.model)).toEqual([]);
  const expected = snapshot(session.doc);
  await until(() => snapshot(watcher.doc) === expected, 'the watcher to agree with the server');
  expect(validateModel(currentModel(watcher.doc).model)).toEqual([]);
}

function ids(model: AppModel) {
  const root = rootComponent(model)!;
  const stack = root.root;
  const [heading, row] = childrenOf(model, stack);
  const [input, button] = childrenOf(model, row);
  return { stack, heading, row, input, button };
}

async function ok(result: Promise<{ ok: boolean }>): Promise<void> {
  const r = await result;
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
}

describe('Yjs undo pitfalls, two people on one app', () => {
  it('attribute change + delete + undo on two peers: each undo restores only its own step', async () => {
    const { session, watcher, model } = await fresh();
    const { heading } = ids(model());
    const original = model().nodes.get(heading)!.props.text;
    await ok(session.apply(ann, [{ op: 'setProp', id: heading, name: 'text', value: 'Ann’s' }]));
    await ok(session.apply(bob, [{ op: 'removeNode', id: heading }]));
    expect(model().nodes.has(heading)).toBe(false);
    // Ann undoes her text change on a node Bob deleted: allowed, nothing visible, app valid.
    await ok(session.undo(ann));
    expect(model().nodes.has(heading)).toBe(false);
    await agreed(session, watcher);
    // Bob undoes his delete: the heading is back, with the text Ann's undo left (the original).
    await ok(session.undo(bob));
    expect(model().nodes.get(heading)?.props.text).toBe(original);
    await agreed(session, watcher);
    // Ann redoes: her text again, the heading stays.
    await ok(session.undo(ann, 'redo'));
    expect(model().nodes.get(heading)?.props.text).toBe('Ann’s');
    await agreed(session, watcher);
  });

  it('undo of a move during another person’s move does not move it back over them', async () => {
    const { session, watcher, model } = await fresh();
    const { stack, row, button } = ids(model());
    // Ann moves the button to the top level; Bob then moves it back into the row, first.
    await ok(session.apply(ann, [{ op: 'moveNode', id: button, parent: stack, index: 0 }]));
    await ok(session.apply(bob, [{ op: 'moveNode', id: button, parent: row, index: 0 }]));
    await ok(session.undo(ann));
    // Bob's move stands: Ann's undo does not overwrite a later change by someone else.
    expect(model().nodes.get(button)!.parent).toBe(row);
    expect(childrenOf(model(), row)[0]).toBe(button);
    await agreed(session, watcher);
    await ok(session.undo(bob));
    await agreed(session, watcher);
  });

  it('interleaved deletes and undos: a delete undone while the other keeps editing', async () => {
    const { session, watcher, model } = await fresh();
    const { heading, input } = ids(model());
    await ok(session.apply(ann, [{ op: 'removeNode', id: heading }]));
    await ok(session.apply(bob, [{ op: 'setProp', id: input, name: 'placeholder', value: 'Bob' }]));
    await ok(session.apply(ann, [{ op: 'removeNode', id: input }]));
    await ok(session.undo(ann));
    // The input is back with Bob's placeholder (his change is not undone by hers).
    expect(model().nodes.get(input)?.props.placeholder).toBe('Bob');
    await ok(
      session.apply(bob, [{ op: 'setProp', id: input, name: 'placeholder', value: 'Bob 2' }])
    );
    await ok(session.undo(ann));
    expect(model().nodes.has(heading)).toBe(true);
    expect(model().nodes.get(input)?.props.placeholder).toBe('Bob 2');
    await agreed(session, watcher);
    // Bob undoes both of his: the placeholder goes back to the template's.
    await ok(session.undo(bob));
    await ok(session.undo(bob));
    expect(model().nodes.get(input)?.props.placeholder).toBe('What needs doing?');
    await agreed(session, watcher);
  });

  it('undo n times then redo n times returns the document to where it was', async () => {
    const { session, watcher, model } = await fresh();
    const { heading, button, input } = ids(model());
    const steps = [
      [{ op: 'setProp', id: heading, name: 'text', value: 'One' }],
      [{ op: 'setProp', id: button, name: 'label', value: 'Two' }],
      [{ op: 'removeNode', id: input }],
      [{ op: 'setMeta', name: 'title', value: 'Four' }]
    ];
    for (const step of steps) await ok(session.apply(ann, step));
    // Bob edits in between, so the document Ann returns to includes his change.
    await ok(session.apply(bob, [{ op: 'setProp', id: heading, name: 'level', value: 2 }]));
    const before = snapshotModel(model());
    for (let i = 0; i < steps.length; i++) await ok(session.undo(ann));
    expect(session.history(ann)).toEqual({ undo: 0, redo: steps.length });
    expect(model().nodes.get(heading)?.props.level).toBe(2);
    for (let i = 0; i < steps.length; i++) await ok(session.undo(ann, 'redo'));
    expect(snapshotModel(model())).toBe(before);
    await agreed(session, watcher);
  });
});

describe('restoring an earlier point', () => {
  it('is a new change (nothing erased) that its maker can undo, and peers follow', async () => {
    const { session, watcher, model } = await fresh();
    const { heading, input } = ids(model());
    await ok(session.apply(ann, [{ op: 'setProp', id: heading, name: 'text', value: 'One' }]));
    const beforeTwo = snapshotModel(model());
    await ok(session.apply(bob, [{ op: 'removeNode', id: input }]));
    await ok(session.apply(ann, [{ op: 'setProp', id: heading, name: 'text', value: 'Three' }]));
    const history = () => session.doc.getArray<{ summary: string; source: string }>('history');
    const length = history().length;
    const removal = history()
      .toArray()
      .findIndex((e) => e.summary.startsWith('Remove'));
    expect(removal).toBeGreaterThan(0);
    // Ann restores to before Bob's removal: the input is back and her later text is gone.
    const restored = await session.restoreTo(ann, removal);
    expect(restored).toMatchObject({ ok: true });
    expect(snapshotModel(model())).toBe(beforeTwo);
    expect(history().length).toBe(length + 1);
    expect(history().get(length).source).toBe('restore');
    await agreed(session, watcher);
    // One undo step takes the restore back.
    await ok(session.undo(ann));
    expect(model().nodes.has(input)).toBe(false);
    expect(model().nodes.get(heading)?.props.text).toBe('Three');
    await agreed(session, watcher);
    // A viewer may not restore; a point that does not exist is a coded error.
    expect(await session.restoreTo({ id: 'v', role: 'viewer' }, removal)).toMatchObject({
      ok: false,
      errors: [{ code: 'E_FORBIDDEN' }]
    });
    expect(await session.restoreTo(ann, 9999)).toMatchObject({
      ok: false,
      errors: [{ code: 'E_RESTORE_UNAVAILABLE' }]
    });
  });
});

describe('restore points that stay small (issue 13)', () => {
  it('any entry of a session restores exactly: the first, the middle, the last', async () => {
    const { session, watcher, model } = await fresh();
    const { heading, stack } = ids(model());
    const history = () => session.doc.getArray<HistoryEntry>('history');
    const seen = new Map<number, string>();
    let added: string | null = null;
    for (let i = 0; i < 15; i++) {
      const ops =
        added !== null
          ? [{ op: 'removeNode', id: added }]
          : i % 4 === 2
            ? [{ op: 'addNode', parent: stack, type: 'Text', props: { text: `n${i}` }, id: 't' }]
            : [{ op: 'setProp', id: heading, name: 'text', value: `Heading ${i}` }];
      seen.set(history().length, snapshotModel(model()));
      const result = await session.apply(i % 2 ? bob : ann, ops);
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      added = added === null && result.ok && result.idMap?.t ? result.idMap.t : null;
    }
    expect([...seen.keys()].every((i) => typeof history().get(i).restorePoint === 'string')).toBe(
      true
    );
    const indexes = [...seen.keys()];
    for (const index of [indexes[0], indexes[7], indexes.at(-1)!, indexes[3]]) {
      await ok(session.restoreTo(ann, index));
      expect(snapshotModel(model()), `restored to before entry ${index}`).toBe(seen.get(index));
      await agreed(session, watcher);
    }
  });

  it('an entry written before restore points (a whole snapshot) still restores', async () => {
    const { session, watcher, model } = await fresh();
    const { heading } = ids(model());
    await ok(session.apply(ann, [{ op: 'setProp', id: heading, name: 'text', value: 'One' }]));
    // A stored document from before: its entries carried the whole snapshot as `before`.
    const then = snapshotModel(model());
    const history = session.doc.getArray<HistoryEntry>('history');
    const index = history.length;
    const { model: current, repairs } = currentModel(session.doc);
    const next: AppModel = {
      ...current,
      nodes: new Map(current.nodes).set(heading, {
        ...current.nodes.get(heading)!,
        props: { ...current.nodes.get(heading)!.props, text: 'Two' }
      })
    };
    session.doc.transact(() => {
      const before = toBase64(Y.encodeSnapshot(Y.snapshot(session.doc)));
      writeModel(session.doc, current, next, repairs);
      history.push([
        {
          who: ann.id,
          when: Date.now(),
          source: 'visual',
          summary: 'Two',
          ops: [],
          idMap: {},
          before
        }
      ]);
    });
    expect(model().nodes.get(heading)?.props.text).toBe('Two');
    // A new entry after it, then back to before the old one.
    await ok(session.apply(bob, [{ op: 'setProp', id: heading, name: 'text', value: 'Three' }]));
    await ok(session.restoreTo(ann, index));
    expect(snapshotModel(model())).toBe(then);
    await agreed(session, watcher);
    // And to before the new one, whose point builds on the old whole snapshot.
    await ok(session.restoreTo(ann, index + 1));
    expect(model().nodes.get(heading)?.props.text).toBe('Two');
  });
});

/** The model without the history log, comparable across undo and redo. */
function snapshotModel(model: AppModel): string {
  return JSON.stringify({
    meta: model.meta,
    data: model.data,
    components: [...model.components.values()].sort((a, b) => a.id.localeCompare(b.id)),
    nodes: [...model.nodes.values()].sort((a, b) => a.id.localeCompare(b.id))
  });
}
