/**
 * commitChecked: migrations evaluated before the plan and written in the same transaction as the
 * retype (so one undo restores both), a failing migration or dry run refuses the whole batch, and
 * a document that changes while the sandbox works is planned again.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commitChecked, originFor } from '../../src/lib/ops/commit';
import { currentModel } from '../../src/lib/model/store';
import { undoScope } from '../../src/lib/model/ydoc';
import { componentByName, type JsonValue } from '../../src/lib/model/types';
import type { MigrationEvaluator } from '../../src/lib/ops/migrations';
import { nodeWith, templateDoc } from './helpers';
import { gateVerifier } from '../../src/lib/code/gate';

/** Stands in for the sandbox: evaluates the few migration expressions these tests use. */
const evaluate: MigrationEvaluator = async (source, value) => {
  if (source === 'String(value)') return { ok: true, value: String(value) };
  if (source === 'value * 10') return { ok: true, value: (value as number) * 10 };
  if (source === 'value.length') return { ok: true, value: (value as unknown[]).length };
  return { ok: false, message: `cannot evaluate ${source}` };
};

const retype = (type: JsonValue, migrate: string) => [
  { op: 'retypeState', component: 'App', name: 'count', type, migrate }
];

describe('commitChecked', () => {
  it('will not run without the gate: no verify stage and no judge is a misuse, and writes nothing', async () => {
    const { doc, origin } = templateDoc('counter');
    const before = Y.encodeStateAsUpdate(doc);
    await expect(
      commitChecked(doc, [{ op: 'setMeta', name: 'title', value: 'Ungated' }], origin, {})
    ).rejects.toThrow(/gate/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('migrates the data in the same transaction as the retype; one undo restores both', async () => {
    const { doc, origin } = templateDoc('counter');
    const setup = originFor({ id: 'setup' });
    const added = await commitChecked(
      doc,
      [{ op: 'addState', component: 'App', name: 'notes', type: { array: 'string' }, initial: [] }],
      setup,
      {},
      { verify: gateVerifier() }
    );
    expect(added.ok).toBe(true);
    // Some data, as the app's own handlers would have written it.
    doc.transact(() => doc.getMap('state').set('notes', ['a', 'b', 'c']), 'app');
    const undo = new Y.UndoManager(undoScope(doc), {
      trackedOrigins: new Set([origin]),
      captureTimeout: 0
    });
    const result = await commitChecked(
      doc,
      [
        {
          op: 'retypeState',
          component: 'App',
          name: 'notes',
          type: 'number',
          migrate: 'value.length'
        }
      ],
      origin,
      { migrate: evaluate },
      { verify: gateVerifier() }
    );
    expect(result.ok ? [] : result.errors).toEqual([]);
    const after = currentModel(doc).model;
    expect(after.data.notes).toBe(3);
    expect(componentByName(after, 'App')!.state.notes).toEqual({ type: 'number', initial: 0 });
    undo.undo();
    const back = currentModel(doc).model;
    expect(back.data.notes).toEqual(['a', 'b', 'c']);
    expect(componentByName(back, 'App')!.state.notes.type).toEqual({ array: 'string' });
  });

  it('refuses the whole batch when a migration fails, and writes nothing', async () => {
    const { doc, origin } = templateDoc('counter');
    const before = Y.encodeStateAsUpdate(doc);
    const result = await commitChecked(
      doc,
      [{ op: 'setMeta', name: 'title', value: 'x' }, ...retype('string', 'value.oops()')],
      origin,
      { migrate: evaluate },
      { verify: gateVerifier() }
    );
    expect(result.ok ? '' : result.errors[0].code).toBe('E_MIGRATE_FAILED');
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(before))).toBe(true);
  });

  it('refuses a migration that gives a value of the wrong type', async () => {
    const { doc, origin } = templateDoc('counter');
    const result = await commitChecked(
      doc,
      retype('boolean', 'value * 10'),
      origin,
      {
        migrate: evaluate
      },
      { verify: gateVerifier() }
    );
    expect(result.ok ? '' : result.errors[0].code).toBe('E_MIGRATE_FAILED');
  });

  it('refuses a batch whose dry run fails', async () => {
    const { doc, origin } = templateDoc('counter');
    const card = nodeWith(currentModel(doc).model, 'Card', 'Counter');
    const result = await commitChecked(
      doc,
      [
        { op: 'setMeta', name: 'title', value: 'x' },
        // An expression: only a render tells whether it throws, so the dry run runs.
        { op: 'setProp', id: card.id, name: 'title', value: { $expr: "'Clicks'" } }
      ],
      origin,
      {
        dryRun: async () => [{ code: 'E_RENDER', message: 'App: the view threw' }]
      },
      { verify: gateVerifier() }
    );
    expect(result.ok ? '' : result.errors[0].code).toBe('E_RENDER');
    expect(currentModel(doc).model.meta.title).toBe('Counter');
  });

  it('plans again when the document changed while the sandbox worked', async () => {
    const { doc, origin } = templateDoc('counter');
    const card = nodeWith(currentModel(doc).model, 'Card', 'Counter');
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    let calls = 0;
    const result = await commitChecked(
      doc,
      [
        { op: 'setProp', id: card.id, name: 'tone', value: 'accent' },
        { op: 'setProp', id: card.id, name: 'title', value: { $expr: "'Clicks'" } }
      ],
      origin,
      {
        dryRun: async () => {
          // A peer's edit lands while the first dry run is running.
          if (calls++ === 0) {
            peer.transact(() => peer.getMap('meta').set('title', 'Renamed by a peer'));
            Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
          }
          return [];
        }
      },
      { verify: gateVerifier() }
    );
    expect(result.ok).toBe(true);
    expect(calls).toBe(2);
    const model = currentModel(doc).model;
    expect(model.meta.title).toBe('Renamed by a peer');
    expect(model.nodes.get(card.id)!.props.tone).toBe('accent');
  });

  it('skips the dry run for a batch of literal props only, as every other door does', async () => {
    const { doc, origin } = templateDoc('counter');
    let renders = 0;
    const result = await commitChecked(
      doc,
      [{ op: 'setMeta', name: 'title', value: 'Clicker' }],
      origin,
      { dryRun: async () => (renders++, []) },
      { verify: gateVerifier() }
    );
    expect(result.ok).toBe(true);
    expect(renders).toBe(0);
  });
});
