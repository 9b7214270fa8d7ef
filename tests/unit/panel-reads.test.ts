/**
 * Issue 13, "the canvas shows it in the next frame": a batch the studio writes here first is
 * told to the canvas in the task of the edit (before and after as the planner read and wrote
 * them), while the panels read it only after the frame (editor/panel-reads.ts). Real Y.Doc,
 * ReplicaModel and LocalEdits; the frame is a scheduler the test runs by hand.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { currentModel } from '../../src/lib/model/store';
import { commitPlanned, originFor, type HistoryEntry } from '../../src/lib/ops/write';
import { AfterFrame } from '../../src/lib/editor/after-frame';
import { LocalEdits } from '../../src/lib/editor/local-edits';
import { PanelReads } from '../../src/lib/editor/panel-reads';
import { ReplicaModel, type ModelChange } from '../../src/lib/editor/replica-model.svelte';
import { rootOf, templateDoc } from './helpers';

/** A studio's reads over a template, with the frame in the test's hand. */
function setup() {
  const { doc, origin } = templateDoc('todo');
  const replica = new ReplicaModel(doc, () => 1);
  replica.read();
  const frames: (() => void)[] = [];
  const changes: ModelChange[] = [];
  replica.onChange((change) => changes.push(change));
  const noted: (HistoryEntry | undefined)[] = [];
  let selected: string | null = null;
  const reads = new PanelReads(
    {
      replica,
      localEdits: new LocalEdits(doc, origin, () => {}),
      refresh: () => replica.read(),
      history: () => replica.history,
      noted: (entry) => noted.push(entry),
      selectNow: (id) => (selected = id)
    },
    (run) => frames.push(run)
  );
  const frame = () => frames.splice(0).forEach((run) => run());
  return { doc, replica, reads, frames, frame, changes, noted, selected: () => selected };
}

function heading(doc: Y.Doc): string {
  return [...currentModel(doc).model.nodes.values()].find((n) => n.type === 'Heading')!.id;
}

describe('the panels read a batch written here after the frame that draws it', () => {
  it('tells the canvas at once and the panels after the frame', () => {
    const { doc, replica, reads, frame, changes, noted } = setup();
    const id = heading(doc);
    const panels = replica.model;
    const outcome = reads.write(
      [{ op: 'setProp', id, name: 'text', value: 'Groceries' }],
      'visual'
    );
    expect(outcome?.ok).toBe(true);
    // The canvas heard of it now, with the planner's own before and after.
    expect(changes).toHaveLength(1);
    expect(changes[0].after.nodes.get(id)!.props.text).toBe('Groceries');
    expect(changes[0].before.nodes.get(id)!.props.text).not.toBe('Groceries');
    // Unchanged records are the same objects, so the canvas's patch skips them.
    const other = [...changes[0].after.nodes.keys()].find(
      (n) => n !== id && n !== rootOf(changes[0].after)
    )!;
    expect(changes[0].after.nodes.get(other)).toBe(changes[0].before.nodes.get(other));
    // The panels have not read it: their model is the one before.
    expect(replica.model).toBe(panels);
    expect(reads.pending).toBe(true);
    frame();
    expect(replica.model.nodes.get(id)!.props.text).toBe('Groceries');
    expect(reads.pending).toBe(false);
    expect(noted).toHaveLength(1);
    expect(noted[0]?.summary).toBeTruthy();
    // The canvas is not told twice.
    expect(changes).toHaveLength(1);
  });

  it('reads at once when someone changes the app before the frame (settle)', async () => {
    const { doc, replica, reads, frames, frame } = setup();
    const id = heading(doc);
    reads.write([{ op: 'setProp', id, name: 'text', value: 'One' }], 'visual');
    const settled = reads.settled();
    reads.settle();
    expect(replica.model.nodes.get(id)!.props.text).toBe('One');
    await settled;
    // The frame that comes later finds nothing to do.
    expect(frames).toHaveLength(1);
    const model = replica.model;
    frame();
    expect(replica.model).toBe(model);
  });

  it('selects a new element once the panels have read the batch that made it', () => {
    const { doc, reads, frame, selected } = setup();
    const root = rootOf(currentModel(doc).model);
    const outcome = reads.write(
      [{ op: 'addNode', parent: root, type: 'Badge', id: 'b', props: { text: 'New' } }],
      'visual'
    );
    const id = outcome?.ok ? outcome.idMap.b : '';
    expect(id).toBeTruthy();
    expect(reads.holdSelection(id)).toBe(true);
    expect(selected()).toBeNull();
    frame();
    expect(selected()).toBe(id);
    // A node the panels know, or one nowhere, is not held.
    expect(reads.holdSelection(id)).toBe(false);
    expect(reads.holdSelection('nope')).toBe(false);
  });

  it('writes nothing and tells no one for a batch that is not render-safe', () => {
    const { doc, reads, changes } = setup();
    const id = heading(doc);
    const code = [{ op: 'setProp', id, name: 'text', value: { $expr: 'state.items.length' } }];
    expect(reads.write(code, 'visual')).toBeNull();
    expect(changes).toHaveLength(0);
    expect(reads.pending).toBe(false);
  });

  it('tells the canvas of an update from elsewhere in a microtask, the panels after the frame', async () => {
    const { doc, replica, reads, frame, changes } = setup();
    const id = heading(doc);
    const before = replica.model;
    const untouched = [...before.nodes.keys()].find((n) => n !== id && n !== rootOf(before))!;
    // A peer's text change, written straight into the document, and its update heard twice.
    commitPlanned(
      doc,
      [{ op: 'setProp', id, name: 'text', value: 'Peer' }],
      originFor({ id: 'bob', name: 'Bob', role: 'editor' })
    );
    reads.queue();
    reads.queue();
    await Promise.resolve();
    expect(changes).toHaveLength(1);
    expect(changes[0].after.nodes.get(id)!.props.text).toBe('Peer');
    // The document was read afresh, yet an unchanged record is the panels' own object.
    expect(changes[0].after.nodes.get(untouched)).toBe(before.nodes.get(untouched));
    expect(changes[0].before).toBe(before);
    expect(replica.model).toBe(before);
    frame();
    expect(replica.model.nodes.get(id)!.props.text).toBe('Peer');
    expect(replica.model.nodes.get(untouched)).toBe(before.nodes.get(untouched));
    expect(changes).toHaveLength(1);
  });
});

describe('work after the frame (editor/after-frame.ts)', () => {
  it('runs once however often it is asked, and not after a flush', () => {
    let runs = 0;
    const frames: (() => void)[] = [];
    const later = new AfterFrame(
      () => runs++,
      (run) => frames.push(run)
    );
    later.request();
    later.request();
    expect(frames).toHaveLength(1);
    expect(runs).toBe(0);
    later.flush();
    expect(runs).toBe(1);
    frames[0]();
    expect(runs).toBe(1);
    later.request();
    frames[1]();
    expect(runs).toBe(2);
  });
});
