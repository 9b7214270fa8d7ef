/**
 * commitChecked with the real sandbox: a retype's migration runs in SES and is written with the
 * change (one undo restores the old data and type), and the dry run refuses a change whose view
 * passes the gate but throws when it renders, before anything is written.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commitChecked, originFor } from '../../src/lib/ops/commit';
import { currentModel } from '../../src/lib/model/store';
import { undoScope } from '../../src/lib/model/ydoc';
import { componentByName, rootComponent } from '../../src/lib/model/types';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeProcessPort } from '../../src/lib/runtime/port';
import { templateDoc } from './helpers';
import { gateVerifier } from '../../src/lib/code/gate';

const host = new SandboxHost({ port: () => nodeProcessPort(), spare: false });
afterAll(() => host.dispose());

describe('commitChecked with the sandbox', () => {
  /** The todo with a `notes` list in its data, ready to be retyped. */
  async function withNotes() {
    const { doc, origin } = templateDoc('todo');
    const added = await commitChecked(
      doc,
      [{ op: 'addState', component: 'App', name: 'notes', type: { array: 'string' }, initial: [] }],
      originFor({ id: 'setup' }),
      host.sandboxChecks(),
      { verify: gateVerifier() }
    );
    expect(added.ok).toBe(true);
    doc.transact(() => doc.getMap('state').set('notes', ['a', 'bb', 'ccc']), 'app');
    return { doc, origin };
  }

  it('runs a retype’s migration in the sandbox, in the same undo step as the change', async () => {
    const { doc, origin } = await withNotes();
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
          type: 'string',
          migrate: "value.join(', ')"
        }
      ],
      origin,
      host.sandboxChecks(),
      { verify: gateVerifier() }
    );
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(currentModel(doc).model.data.notes).toBe('a, bb, ccc');
    expect(componentByName(currentModel(doc).model, 'App')!.state.notes).toEqual({
      type: 'string',
      initial: ''
    });
    undo.undo();
    expect(currentModel(doc).model.data.notes).toEqual(['a', 'bb', 'ccc']);
    expect(componentByName(currentModel(doc).model, 'App')!.state.notes.type).toEqual({
      array: 'string'
    });
  });

  it('refuses a migration that throws in the sandbox, writing nothing', async () => {
    const { doc, origin } = await withNotes();
    const state = Y.encodeStateAsUpdate(doc);
    const result = await commitChecked(
      doc,
      [
        {
          op: 'retypeState',
          component: 'App',
          name: 'notes',
          type: 'number',
          migrate: 'value.nope.deeper'
        }
      ],
      origin,
      host.sandboxChecks(),
      { verify: gateVerifier() }
    );
    expect(result.ok ? '' : result.errors[0].code).toBe('E_MIGRATE_FAILED');
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(state))).toBe(true);
  });

  it('refuses a change whose view passes the gate but throws when rendered', async () => {
    const { doc } = templateDoc('todo');
    const origin = originFor({ id: 'bob', role: 'editor' });
    const state = Y.encodeStateAsUpdate(doc);
    const root = rootComponent(currentModel(doc).model)!.root;
    const result = await commitChecked(
      doc,
      [
        {
          op: 'addNode',
          parent: root,
          type: 'Text',
          props: { text: { $expr: 'state.items[99].title' } }
        }
      ],
      origin,
      host.sandboxChecks(),
      { verify: gateVerifier() }
    );
    expect(result.ok ? '' : result.errors[0].code).toBe('E_RENDER');
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(state))).toBe(true);
  });
});
