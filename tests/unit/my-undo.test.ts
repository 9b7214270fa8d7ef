/**
 * The studio's own undo (src/lib/editor/my-undo.ts, undo-trial.ts), on real Yjs documents: my
 * steps only, one per batch, a step taken together with its "Undid: …" history entry as ONE
 * update, a step the gate refuses writing nothing, and a commit the server made for me (its
 * `mine` update) becoming one step of mine while a peer's change in the same answer does not.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commitPlanned, originFor, type HistoryEntry } from '../../src/lib/ops/write';
import { currentModel } from '../../src/lib/model/store';
import { docRoots } from '../../src/lib/model/ydoc';
import { editError } from '../../src/lib/ops/errors';
import { MyUndo } from '../../src/lib/editor/my-undo';
import { checkStep } from '../../src/lib/editor/undo-trial';
import { nodesOfType, templateDoc } from './helpers';

const me = originFor({ id: 'owner~ann-0001', name: 'Ann', role: 'owner' });
const peer = originFor({ id: 'owner~bob-0001', name: 'Bob', role: 'owner' });

/** A todo app, my undo over it, and the heading's id. */
function setup(gate = async () => [] as never[]) {
  const { doc } = templateDoc('todo');
  const counts: [number, number][] = [];
  const undo = new MyUndo(doc, me, (u, r) => counts.push([u, r]), gate);
  const heading = nodesOfType(currentModel(doc).model, 'Heading')[0].id;
  const text = () => currentModel(doc).model.nodes.get(heading)!.props.text;
  const write = (origin: typeof me, ops: unknown[]) => {
    const result = commitPlanned(doc, ops, origin, { source: 'visual' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    if (origin === me) undo.label(result.summary);
    return result;
  };
  return { doc, undo, heading, text, write, counts };
}

function history(doc: Y.Doc): HistoryEntry[] {
  return docRoots(doc).history.toArray() as HistoryEntry[];
}

describe('MyUndo', () => {
  it('undoes my steps one batch at a time, never a peer’s, each with its history entry in one update', async () => {
    const { doc, undo, heading, text, write } = setup();
    const button = nodesOfType(currentModel(doc).model, 'Button')[0].id;
    write(me, [{ op: 'setProp', id: heading, name: 'text', value: 'One' }]);
    write(me, [{ op: 'setProp', id: heading, name: 'text', value: 'Two' }]);
    write(peer, [{ op: 'setProp', id: button, name: 'label', value: 'Peer' }]);
    expect(undo.undoCount).toBe(2);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    expect(await undo.step('undo')).toMatchObject({ ok: true });
    expect(updates).toHaveLength(1);
    expect(text()).toBe('One');
    const last = history(doc).at(-1)!;
    expect(last).toMatchObject({ who: me.actor.id, source: 'undo' });
    expect(last.summary).toMatch(/^Undid: /);
    await undo.step('undo');
    expect(text()).toBe('Todo');
    expect(currentModel(doc).model.nodes.get(button)!.props.label).toBe('Peer');
    // Nothing of mine left: the peer's change is not mine to undo.
    expect(await undo.step('undo')).toEqual({ ok: true, summary: null });
    expect(currentModel(doc).model.nodes.get(button)!.props.label).toBe('Peer');
    expect([undo.undoCount, undo.redoCount]).toEqual([0, 2]);
    expect(await undo.step('redo')).toMatchObject({ ok: true });
    expect(text()).toBe('One');
    expect(history(doc).at(-1)!.summary).toMatch(/^Redid: /);
    expect([undo.undoCount, undo.redoCount]).toEqual([1, 1]);
  });

  it('takes five undos asked at once as five steps, each judged after the one before', async () => {
    // A gate that takes its time, as the worker does: every check is still waiting when the
    // next click comes.
    const slow = () => new Promise<never[]>((resolve) => setTimeout(() => resolve([]), 5));
    const { undo, heading, text, write } = setup(slow);
    for (const value of ['1', '2', '3', '4', '5'])
      write(me, [{ op: 'setProp', id: heading, name: 'text', value }]);
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => undo.step('undo')));
    expect(results.every((r) => r.ok && r.summary !== null)).toBe(true);
    expect(text()).toBe('Todo');
    expect([undo.undoCount, undo.redoCount]).toEqual([0, 5]);
  });

  it('undoes a step whose value a later step of mine overwrote, after undoing that one', async () => {
    // Judged on a copy: the copy must follow what the first undo brought back (Yjs' redone links).
    const { undo, heading, text, write, doc } = setup();
    write(me, [{ op: 'setProp', id: heading, name: 'text', value: 'One' }]);
    write(me, [{ op: 'setProp', id: heading, name: 'text', value: 'Two' }]);
    await undo.step('undo');
    const entries = history(doc).length;
    expect(await undo.step('undo')).toMatchObject({ ok: true, summary: expect.any(String) });
    expect(text()).toBe('Todo');
    expect(history(doc)).toHaveLength(entries + 1);
    await undo.step('redo');
    expect(text()).toBe('One');
    await undo.step('redo');
    expect(text()).toBe('Two');
  });

  it('refuses a step the gate refuses with E_UNDO_BLOCKED and writes nothing', async () => {
    const refusing = async () => [editError('E_SYNTAX', 'does not parse')];
    const { doc, undo, heading, write } = setup(refusing as never);
    // Undoing the literal brings the expression back: code the gate must pass (here: refuses).
    write(me, [{ op: 'setProp', id: heading, name: 'text', value: { $expr: "'A' + 'B'" } }]);
    write(me, [{ op: 'setProp', id: heading, name: 'text', value: 'Literal' }]);
    const before = Y.encodeStateAsUpdate(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    const result = await undo.step('undo');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].code).toBe('E_UNDO_BLOCKED');
    expect(updates).toBe(0);
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(before))).toBe(true);
    expect([undo.undoCount, undo.redoCount]).toEqual([2, 0]);
  });

  it('takes a commit the server made for me as one step, and a peer’s change in the same answer as none', async () => {
    // The server's copy, where the commit happens, and my replica behind it.
    const { doc: server } = templateDoc('todo');
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
    const undo = new MyUndo(
      replica,
      me,
      () => {},
      async () => []
    );
    const model = currentModel(server).model;
    const heading = nodesOfType(model, 'Heading')[0].id;
    const button = nodesOfType(model, 'Button')[0].id;
    const sv = Y.encodeStateVector(replica);
    // A peer's change is committed there first (same Yjs client as mine); then mine.
    commitPlanned(server, [{ op: 'setProp', id: button, name: 'label', value: 'Peer' }], peer);
    const mine: Uint8Array[] = [];
    const serverMe = originFor(me.actor);
    const take = (u: Uint8Array, origin: unknown) => origin === serverMe && mine.push(u);
    server.on('update', take);
    commitPlanned(server, [{ op: 'setProp', id: heading, name: 'text', value: 'Mine' }], serverMe);
    server.off('update', take);
    const provider = {};
    // The socket delivers the commit first; the answer then brings nothing new.
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server, sv), provider);
    undo.adopt(Y.mergeUpdates(mine), 'Set the text', () =>
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(server, sv), provider)
    );
    expect(undo.undoCount).toBe(1);
    expect(await undo.step('undo')).toMatchObject({ ok: true });
    const after = currentModel(replica).model;
    expect(after.nodes.get(heading)!.props.text).toBe('Todo');
    expect(after.nodes.get(button)!.props.label).toBe('Peer');
    expect(history(replica).at(-1)!.summary).toBe('Undid: Set the text');
  });

  it('checkStep: a capability change by an editor is refused before any compile', async () => {
    const { doc } = templateDoc('todo');
    const before = currentModel(doc).model;
    const root = [...before.components.values()][0];
    const after = {
      ...before,
      components: new Map([
        [root.id, { ...root, capabilities: { ...root.capabilities, network: ['https://x.test'] } }]
      ])
    } as unknown as typeof before;
    let compiled = 0;
    const problems = await checkStep(
      before,
      after,
      { id: 'link:e', role: 'editor' },
      async () => (compiled++, [])
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(compiled).toBe(0);
  });
});
