/**
 * State scopes (issue 13): a `local` or `person` field's value never reaches the document. The
 * planner's `setStateScope` moves a field between the document and each tab (undoable, the value
 * migrated), a running app keeps a local draft across a peer's change, and each door that writes
 * data (a handler's data, the HTTP data route, a raw Yjs write, an app file) refuses or ignores
 * a local value. Assertions are on the document and its encoded updates.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededIds } from '../../src/lib/model/ids';
import { currentModel } from '../../src/lib/model/store';
import { componentByName, storedData, type AppModel, type Op } from '../../src/lib/model/types';
import { docRoots, undoScope } from '../../src/lib/model/ydoc';
import { fromAppFile, toAppFile } from '../../src/lib/model/appfile';
import { commitBatch } from '../../src/lib/ops/commit';
import { planOps } from '../../src/lib/ops/plan';
import { changesBetween, judgeRules } from '../../src/lib/ops/judge';
import { SandboxHost, type ViewNode } from '../../src/lib/runtime/host';
import { commitData, LiveApp } from '../../src/lib/runtime/live';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { composeData, scopePart } from '../../src/lib/runtime/scopes';
import { componentJsx } from '../../src/lib/code/jsx';
import { importComponent } from '../../src/lib/code/import';
import { template, templateDoc } from './helpers';
import { gateVerifier } from '../../src/lib/code/gate';

const SECRET = 'half-typed-draft-7Q';
const bytes = (update: Uint8Array) => Buffer.from(update).toString('latin1');

function planned(model: AppModel, ops: Op[]): AppModel {
  const result = planOps(model, ops, undefined, { ids: seededIds(3) });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.model;
}

function refusal(model: AppModel, ops: unknown): string {
  const result = planOps(model, ops, undefined, { ids: seededIds(3) });
  if (result.ok) throw new Error('expected a refusal');
  return result.errors[0].code;
}

describe('the todo template', () => {
  it('declares its draft local: the document has no draft, the model has it at its initial value', () => {
    const { doc } = templateDoc('todo');
    const model = currentModel(doc).model;
    expect(componentByName(model, 'App')!.state.draft.scope).toBe('local');
    expect(docRoots(doc).state.has('draft')).toBe(false);
    expect(docRoots(doc).state.has('items')).toBe(true);
    expect(model.data.draft).toBe('');
    expect(Object.keys(storedData(model))).not.toContain('draft');
    expect(toAppFile(model).data).not.toHaveProperty('draft');
  });
});

describe('a handler’s data', () => {
  it('commitData writes the shared fields and never a local one: not in the encoded update', () => {
    const { doc } = templateDoc('todo');
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const prev = currentModel(doc).model.data;
    const written = commitData(doc, prev, { ...prev, draft: SECRET, nextId: 7 }, {});
    expect(written).toEqual(['nextId']);
    expect(updates).toHaveLength(1);
    expect(bytes(updates[0])).not.toContain(SECRET);
    expect(bytes(Y.encodeStateAsUpdate(doc))).not.toContain(SECRET);
    expect(commitData(doc, prev, { ...prev, draft: SECRET }, {})).toEqual([]);
    expect(updates).toHaveLength(1);
  });

  it('a running app keeps its typed draft in the sandbox, sends none of it, and keeps it across a peer’s change', async () => {
    const { doc } = templateDoc('todo');
    const host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 3_000, spare: false });
    const app = await LiveApp.start(doc, { host });
    try {
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      const input = find(app.view, (n) => n.type === 'TextInput');
      const typed = await app.dispatch(bindRef(input), { value: SECRET });
      expect(typed.ok && typed.data.draft).toBe(SECRET);
      expect(updates).toHaveLength(0);

      // A peer adds an item meanwhile: the app re-renders with the new item and the same draft.
      const items = [...(docRoots(doc).state.get('items') as unknown[])];
      doc.transact(
        () =>
          docRoots(doc).state.set('items', [
            ...items,
            { id: 9, title: 'From a peer', done: false }
          ]),
        { peer: true }
      );
      await app.settled();
      expect(
        (find(app.view, (n) => n.type === 'TextInput').props.value as { value: string }).value
      ).toBe(SECRET);
      expect(app.view && JSON.stringify(app.view)).toContain('From a peer');

      // Adding the item stores it (shared) and clears the draft (local): only the item is sent.
      const add = find(app.view, (n) => n.type === 'Button' && n.props.label === 'Add');
      const added = await app.dispatch(clickRef(add), {});
      expect(added.ok && added.data.draft).toBe('');
      expect(updates.length).toBeGreaterThan(1);
      const stored = docRoots(doc).state.get('items') as { title: string }[];
      expect(stored.map((i) => i.title)).toContain(SECRET);
      expect(docRoots(doc).state.has('draft')).toBe(false);
    } finally {
      app.stop();
      await host.dispose();
    }
  });
});

function nodes(view: ViewNode | null): ViewNode[] {
  return view ? [view, ...view.children.flatMap(nodes)] : [];
}
function find(view: ViewNode | null, match: (n: ViewNode) => boolean): ViewNode {
  const found = nodes(view).find(match);
  if (!found) throw new Error('no such node in the view');
  return found;
}
const bindRef = (n: ViewNode) => (n.props.value as { $ref: number }).$ref;
const clickRef = (n: ViewNode) => (n.props.onClick as { $ref: number }).$ref;

describe('setStateScope', () => {
  it('leaving shared removes the value from the document; undo brings field and value back', () => {
    const { doc, origin } = templateDoc('counter');
    docRoots(doc).state.set('count', 5);
    const undo = new Y.UndoManager(undoScope(doc), {
      trackedOrigins: new Set([origin]),
      captureTimeout: 0
    });
    const result = commitBatch(
      doc,
      [{ op: 'setStateScope', component: 'App', name: 'count', scope: 'person' }],
      origin,
      { verify: gateVerifier() }
    );
    expect(result.ok).toBe(true);
    expect(docRoots(doc).state.has('count')).toBe(false);
    const model = currentModel(doc).model;
    expect(componentByName(model, 'App')!.state.count.scope).toBe('person');
    expect(model.data.count).toBe(0);

    undo.undo();
    const back = currentModel(doc).model;
    expect(componentByName(back, 'App')!.state.count.scope).toBeUndefined();
    expect(docRoots(doc).state.get('count')).toBe(5);
    expect(back.data.count).toBe(5);
  });

  it('becoming shared stores the given value (the tab’s own), checked against the type', () => {
    const todo = template('todo');
    const shared = planned(todo, [
      { op: 'setStateScope', component: 'App', name: 'draft', scope: 'shared', value: 'Buy milk' }
    ]);
    expect(componentByName(shared, 'App')!.state.draft.scope).toBeUndefined();
    expect(storedData(shared).draft).toBe('Buy milk');
    expect(
      refusal(todo, [
        { op: 'setStateScope', component: 'App', name: 'draft', scope: 'shared', value: 3 }
      ])
    ).toBe('E_STATE_TYPE_MISMATCH');
    expect(
      refusal(todo, [
        { op: 'setStateScope', component: 'App', name: 'items', scope: 'local', value: [] }
      ])
    ).toBe('E_STATE_SCOPE');
    expect(
      refusal(todo, [{ op: 'setStateScope', component: 'App', name: 'nope', scope: 'local' }])
    ).toBe('E_STATE_NOT_FOUND');
    expect(
      refusal(todo, [{ op: 'setStateScope', component: 'App', name: 'draft', scope: 'everyone' }])
    ).toBe('E_FIELD_VALUE');
  });

  it('only the app’s own state has a scope: a component’s state lives in its instances', () => {
    const model = planned(template('counter'), [{ op: 'addComponent', name: 'Panel' } as Op]);
    const ops = [
      {
        op: 'addState',
        component: 'Panel',
        name: 'open',
        type: 'boolean',
        initial: false,
        scope: 'local'
      }
    ];
    expect(refusal(model, ops)).toBe('E_STATE_SCOPE');
  });

  it('a retype keeps the scope', () => {
    const model = planned(template('todo'), [
      {
        op: 'retypeState',
        component: 'App',
        name: 'draft',
        type: 'string',
        migrate: 'value',
        initial: 'x'
      }
    ]);
    expect(componentByName(model, 'App')!.state.draft).toEqual({
      type: 'string',
      initial: 'x',
      scope: 'local'
    });
    expect(storedData(model)).not.toHaveProperty('draft');
  });
});

describe('the judge', () => {
  it('refuses a local value written as data, by any role that may write data', () => {
    const before = template('todo');
    const after = { ...before, data: { ...before.data, draft: SECRET } };
    for (const role of ['owner', 'editor', 'user'] as const) {
      const errors = judgeRules(before, after, changesBetween(before, after), { id: 'p', role });
      expect(errors.map((e) => e.code)).toEqual(['E_STATE_SCOPE']);
    }
  });
});

describe('an app file', () => {
  it('a local field’s value in the file is ignored: the app starts from the initial value', () => {
    const file = toAppFile(template('todo'));
    const withDraft = { ...file, data: { ...file.data, draft: SECRET } };
    const read = fromAppFile(withDraft);
    expect(read.ok && read.model.data.draft).toBe('');
  });
});

describe('the code form', () => {
  it('prints `const scopes` and reads a change of it as setStateScope', () => {
    const model = template('todo');
    const app = componentByName(model, 'App')!;
    const code = componentJsx(model, app.id);
    expect(code).toMatch(/const scopes = \{\s*draft: "local",?\s*\}/);
    const edited = code.replace(/draft: "local"/, 'draft: "person"');
    const read = importComponent(edited, model);
    expect(read.ok).toBe(true);
    const ops = read.ok ? read.ops : [];
    expect(ops).toEqual([
      { op: 'setStateScope', component: 'App', name: 'draft', scope: 'person' }
    ]);
    const bad = importComponent(code.replace(/draft: "local"/, 'draft: "cloud"'), model);
    expect(bad.ok).toBe(false);
  });
});

describe('composeData', () => {
  it('takes shared fields from the document, local ones as held, person ones from the store', () => {
    const model = planned(template('todo'), [
      {
        op: 'addState',
        component: 'App',
        name: 'dark',
        type: 'boolean',
        initial: false,
        scope: 'person'
      }
    ]);
    const root = componentByName(model, 'App')!;
    const held = { ...model.data, draft: 'typing', dark: false, items: [] };
    const composed = composeData(root, model.data, held, { dark: true });
    expect(composed.draft).toBe('typing');
    expect(composed.dark).toBe(true);
    expect(composed.items).toEqual(model.data.items);
    // A held value of the wrong type (after a retype) starts again from the initial value.
    expect(composeData(root, model.data, { draft: 4 }, null).draft).toBe('');
    expect(Object.keys(scopePart(root, composed, 'shared')).sort()).toEqual(['items', 'nextId']);
    expect(scopePart(root, composed, 'person')).toEqual({ dark: true });
  });
});

afterAll(() => undefined);
