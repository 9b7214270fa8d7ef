/**
 * LiveApp: a Y.Doc running in a real sandbox worker. Events write data in one transaction with
 * the person's origin (and their undo takes it back), committed changes are hot-swapped in with
 * the data kept, a change that breaks the running app is contained and undone for its author,
 * and the watchdog brings a stuck app back.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { currentModel } from '../../src/lib/model/store';
import { componentByName, type Op } from '../../src/lib/model/types';
import { docRoots, undoScope } from '../../src/lib/model/ydoc';
import { commitBatch, originFor, type EditOrigin } from '../../src/lib/ops/commit';
import { SandboxHost, type Incident, type ViewNode } from '../../src/lib/runtime/host';
import { commitData, LiveApp, type BrokenChange } from '../../src/lib/runtime/live';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { templateDoc } from './helpers';
import { gateVerifier } from '../../src/lib/code/gate';

const hosts: SandboxHost[] = [];
const apps: LiveApp[] = [];

afterAll(async () => {
  for (const app of apps) app.stop();
  await Promise.all(hosts.map((h) => h.dispose()));
});

/**
 * A host whose deadline is generous, and with no spare worker, unless the test is about the
 * watchdog (`timeoutMs` given).
 */
function newHost(onIncident?: (incident: Incident) => void, timeoutMs?: number): SandboxHost {
  const host = new SandboxHost({
    port: () => nodeWorkerPort(),
    onIncident,
    timeoutMs: timeoutMs ?? 3_000,
    spare: timeoutMs !== undefined
  });
  hosts.push(host);
  return host;
}

async function start(
  doc: Y.Doc,
  options: Omit<Parameters<typeof LiveApp.start>[1], 'host'> & { host?: SandboxHost } = {}
) {
  const app = await LiveApp.start(doc, { host: options.host ?? newHost(), ...options });
  apps.push(app);
  return app;
}

function nodes(view: ViewNode | null): ViewNode[] {
  return view ? [view, ...view.children.flatMap(nodes)] : [];
}

function find(view: ViewNode | null, match: (n: ViewNode) => boolean): ViewNode {
  const found = nodes(view).find(match);
  if (!found) throw new Error('no such node in the view');
  return found;
}

const labelled = (label: string) => (n: ViewNode) => n.props.label === label;

function ref(node: ViewNode, prop: string): number {
  return (node.props[prop] as { $ref: number }).$ref;
}

function undoManager(doc: Y.Doc, origin: EditOrigin): Y.UndoManager {
  return new Y.UndoManager(undoScope(doc), {
    trackedOrigins: new Set([origin]),
    captureTimeout: 0
  });
}

function commit(doc: Y.Doc, ops: Op[], origin: EditOrigin): void {
  const result = commitBatch(doc, ops, origin, { verify: gateVerifier() });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
}

const appRoot = (doc: Y.Doc) => componentByName(currentModel(doc).model, 'App')!.root;

describe('data written by events', () => {
  it('is one transaction with the person’s origin, and their undo takes it back', async () => {
    const { doc, origin } = templateDoc('counter');
    const undo = undoManager(doc, origin);
    const app = await start(doc, { actorOrigin: origin });
    const seen: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(tr.origin));

    const result = await app.dispatch(ref(find(app.view, labelled('+')), 'onClick'), {});
    expect(result.ok).toBe(true);
    expect(seen).toEqual([origin]);
    expect(docRoots(doc).state.get('count')).toBe(1);
    expect(find(app.view, (n) => n.type === 'Heading').props.text).toBe('1');

    undo.undo();
    await app.settled();
    expect(docRoots(doc).state.get('count')).toBe(0);
    expect(find(app.view, (n) => n.type === 'Heading').props.text).toBe('0');
  });

  it('writes only the fields that changed', () => {
    const { doc } = templateDoc('todo');
    const keys: string[][] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const changed = tr.changed.get(docRoots(doc).state as Y.AbstractType<any>);
      keys.push([...(changed ?? [])].map(String));
    });
    const prev = currentModel(doc).model.data;
    const written = commitData(doc, prev, { ...prev, nextId: 9 }, { actor: { id: 'x' } });
    expect(written).toEqual(['nextId']);
    expect(keys).toEqual([['nextId']]);
    expect(commitData(doc, currentModel(doc).model.data, currentModel(doc).model.data, {})).toEqual(
      []
    );
    expect(keys).toHaveLength(1);
    expect(currentModel(doc).model.data.nextId).toBe(9);
  });

  it('follows data a peer changes', async () => {
    const { doc } = templateDoc('counter');
    const app = await start(doc);
    doc.transact(() => docRoots(doc).state.set('count', 41), { peer: true });
    await app.settled();
    expect(find(app.view, (n) => n.type === 'Heading').props.text).toBe('41');
    const plus = await app.dispatch(ref(find(app.view, labelled('+')), 'onClick'), {});
    expect(plus.ok && plus.data.count).toBe(42);
  });
  it('commits what a network response’s handler changed, with the person’s origin', async () => {
    const server = http.createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ count: 7 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { doc, origin: alice } = templateDoc('counter');
      commit(
        doc,
        [
          {
            op: 'setCapabilities',
            component: 'App',
            capabilities: { network: { origins: [origin] } }
          },
          {
            op: 'setHandler',
            component: 'App',
            name: 'load',
            body: `caps.network.getJson('${origin}/n', 'loaded');`
          },
          {
            op: 'setHandler',
            component: 'App',
            name: 'loaded',
            body: 'if (event.ok) state.count = event.data.count;'
          },
          {
            op: 'addNode',
            parent: appRoot(doc),
            type: 'Button',
            props: { label: 'load', onClick: { $handler: 'load' } }
          }
        ],
        alice
      );
      const app = await start(doc, { actorOrigin: alice });
      const writes: unknown[] = [];
      const written = new Promise<void>((resolve) =>
        docRoots(doc).state.observe((event) => {
          writes.push(event.transaction.origin);
          resolve();
        })
      );
      expect((await app.dispatch(ref(find(app.view, labelled('load')), 'onClick'), {})).ok).toBe(
        true
      );
      await written;
      await app.settled();
      expect(docRoots(doc).state.get('count')).toBe(7);
      expect(writes).toEqual([alice]);
      expect(find(app.view, (n) => n.type === 'Heading').props.text).toBe('7');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('hot swap', () => {
  it('keeps the data across a dozen successive commits', async () => {
    const { doc, origin } = templateDoc('todo');
    const app = await start(doc, { actorOrigin: origin });
    const click = (label: string) =>
      app.dispatch(ref(find(app.view, labelled(label)), 'onClick'), {});
    const type = (value: string) =>
      app.dispatch(
        ref(
          find(app.view, (n) => n.type === 'TextInput'),
          'value'
        ),
        { value }
      );
    await type('Swap things');
    await click('Add');
    const items = () =>
      (currentModel(doc).model.data.items as { title: string }[]).map((i) => i.title);
    expect(items()).toEqual(['Try Malleable', 'Reshape this app', 'Swap things']);

    const model = () => currentModel(doc).model;
    const byLabel = (label: string) =>
      [...model().nodes.values()].find((n) => n.props.label === label)!.id;
    const heading = [...model().nodes.values()].find((n) => n.type === 'Heading')!.id;
    const noteText = () =>
      [...model().nodes.values()].find((n) =>
        JSON.stringify(n.props.text ?? '').includes('Note: ')
      )!.id;
    const steps: { ops: () => Op[]; check: () => void }[] = [
      {
        ops: () => [{ op: 'setProp', id: heading, name: 'text', value: 'Tasks' }],
        check: () => expect(find(app.view, (n) => n.type === 'Heading').props.text).toBe('Tasks')
      },
      {
        ops: () => [{ op: 'setProp', id: byLabel('Add'), name: 'label', value: 'Add it' }],
        check: () => expect(find(app.view, labelled('Add it'))).toBeTruthy()
      },
      {
        ops: () => [{ op: 'setProp', id: byLabel('Clear done'), name: 'label', value: 'Tidy' }],
        check: () => expect(find(app.view, labelled('Tidy'))).toBeTruthy()
      },
      {
        ops: () => [
          {
            op: 'addNode',
            parent: appRoot(doc),
            type: 'Text',
            id: 'cnt',
            props: { text: { $expr: "'Total: ' + state.items.length" } }
          }
        ],
        check: () => expect(find(app.view, (n) => n.props.text === 'Total: 3')).toBeTruthy()
      },
      {
        ops: () => [
          { op: 'addState', component: 'App', name: 'note', type: 'string', initial: 'none' },
          {
            op: 'addNode',
            parent: appRoot(doc),
            type: 'TextInput',
            props: { label: 'Note', value: { $bind: 'note' } }
          }
        ],
        check: () =>
          expect(find(app.view, labelled('Note')).props.value).toMatchObject({ value: 'none' })
      },
      {
        ops: () => [
          {
            op: 'addNode',
            parent: appRoot(doc),
            type: 'Text',
            props: { text: { $expr: "'Note: ' + state.note" } }
          }
        ],
        check: () => expect(find(app.view, (n) => n.props.text === 'Note: none')).toBeTruthy()
      },
      {
        ops: () => [
          {
            op: 'setHandler',
            component: 'App',
            name: 'clearDone',
            body: 'state.items = state.items.filter((x) => !x.done);\nstate.note = "tidied";'
          }
        ],
        check: () => expect(find(app.view, labelled('Tidy'))).toBeTruthy()
      },
      {
        // A rename with the code that names the field, in one batch (the gate checks the result).
        ops: () => [
          { op: 'renameState', component: 'App', from: 'note', to: 'memo' },
          {
            op: 'setHandler',
            component: 'App',
            name: 'clearDone',
            body: 'state.items = state.items.filter((x) => !x.done);\nstate.memo = "tidied";'
          },
          { op: 'setProp', id: noteText(), name: 'text', value: { $expr: "'Note: ' + state.memo" } }
        ],
        check: () =>
          expect(find(app.view, labelled('Note')).props.value).toMatchObject({
            $bind: 'memo',
            value: 'none'
          })
      },
      {
        ops: () => [
          {
            op: 'setProp',
            id: [...model().nodes.values()].find((n) => n.props.label === 'Note')!.id,
            name: 'placeholder',
            value: 'Write a memo'
          }
        ],
        check: () => expect(find(app.view, labelled('Note')).props.placeholder).toBe('Write a memo')
      },
      {
        ops: () => [{ op: 'moveNode', id: heading, parent: appRoot(doc), index: 2 }],
        check: () => expect(app.view!.children[2].type).toBe('Heading')
      },
      {
        ops: () => [{ op: 'removeNode', id: noteText() }],
        check: () =>
          expect(nodes(app.view).some((n) => String(n.props.text).startsWith('Note:'))).toBe(false)
      },
      {
        ops: () => [
          {
            op: 'addState',
            component: 'App',
            name: 'filter',
            type: { enum: ['all', 'open'] },
            initial: 'all'
          }
        ],
        check: () => expect(currentModel(doc).model.data.filter).toBe('all')
      }
    ];
    for (const [i, step] of steps.entries()) {
      commit(doc, step.ops(), origin);
      await app.settled();
      expect(app.error, `step ${i}`).toBeNull();
      step.check();
      expect(items()).toEqual(['Try Malleable', 'Reshape this app', 'Swap things']);
      expect(find(app.view, (n) => n.type === 'Each').children).toHaveLength(3);
    }
    // The swapped handler runs, with the renamed field.
    await click('Tidy');
    expect(currentModel(doc).model.data.memo).toBe('tidied');
    expect(items()).toEqual(['Reshape this app', 'Swap things']);
  });

  it('keeps the last good version running and undoes a change that breaks it for its author', async () => {
    const { doc, origin } = templateDoc('todo');
    const bob = originFor({ id: 'bob', name: 'Bob', role: 'editor' });
    const broken: BrokenChange[] = [];
    const app = await start(doc, {
      actorOrigin: origin,
      undoManagers: new Map([[bob, undoManager(doc, bob)]]),
      onBrokenChange: (b) => broken.push(b)
    });
    // Passes the gate (the types allow it), throws at run time: there is no 99th item.
    commit(
      doc,
      [
        {
          op: 'addNode',
          parent: appRoot(doc),
          type: 'Text',
          props: { text: { $expr: 'state.items[99].title' } }
        }
      ],
      bob
    );
    await app.settled();
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ kind: 'definition', origin: bob, undone: true });
    expect(broken[0].error.code).toBe('E_RENDER');
    // Undone in the document, and the app never stopped.
    const texts = [...currentModel(doc).model.nodes.values()].filter((n) => n.type === 'Text');
    expect(texts.some((n) => JSON.stringify(n.props).includes('[99]'))).toBe(false);
    expect(app.error).toBeNull();
    const toggled = await app.dispatch(
      ref(
        find(app.view, (n) => n.type === 'Checkbox'),
        'onChange'
      ),
      {}
    );
    expect(toggled.ok).toBe(true);
  });

  it('reports a broken change it cannot undo and keeps running the last good version', async () => {
    const { doc, origin } = templateDoc('counter');
    const broken: BrokenChange[] = [];
    const app = await start(doc, { onBrokenChange: (b) => broken.push(b) });
    const heading = [...currentModel(doc).model.nodes.values()].find((n) => n.type === 'Heading')!;
    commit(
      doc,
      [
        { op: 'setProp', id: heading.id, name: 'text', value: { $expr: 'String(JSON.parse("{"))' } }
      ],
      origin
    );
    await app.settled();
    expect(broken).toMatchObject([{ kind: 'definition', origin, undone: false }]);
    expect(app.error?.code).toBe('E_RENDER');
    expect(find(app.view, (n) => n.type === 'Heading').props.text).toBe('0');
    const plus = await app.dispatch(ref(find(app.view, labelled('+')), 'onClick'), {});
    expect(plus.ok && plus.data.count).toBe(1);
    expect(docRoots(doc).state.get('count')).toBe(1);
  });
});

describe('the watchdog under a live app', () => {
  it('stops while (true) {} and recovers a stuck worker, reporting the incident', async () => {
    const { doc, origin } = templateDoc('counter');
    const incidents: Incident[] = [];
    const app = await start(doc, {
      actorOrigin: origin,
      host: newHost((i) => incidents.push(i), 500)
    });
    const root = appRoot(doc);
    commit(
      doc,
      [
        { op: 'setHandler', component: 'App', name: 'spin', body: 'while (true) {}' },
        {
          op: 'setHandler',
          component: 'App',
          name: 'stuck',
          body: "state.count = /^(a+)+$/.test('a'.repeat(40) + '!') ? 1 : 2;"
        },
        {
          op: 'addNode',
          parent: root,
          type: 'Button',
          props: { label: 'spin', onClick: { $handler: 'spin' } }
        },
        {
          op: 'addNode',
          parent: root,
          type: 'Button',
          props: { label: 'stuck', onClick: { $handler: 'stuck' } }
        }
      ],
      origin
    );
    await app.settled();
    const click = (label: string) =>
      app.dispatch(ref(find(app.view, labelled(label)), 'onClick'), {});
    await click('+');

    const spin = await click('spin');
    expect(!spin.ok && spin.error.code).toBe('E_RUNAWAY');
    const stuck = await click('stuck');
    expect(!stuck.ok && stuck.error.code).toBe('E_WATCHDOG');
    expect(incidents).toMatchObject([{ running: 'handler stuck of App', restarted: true }]);
    expect(typeof incidents[0].restartMs).toBe('number');

    const plus = await click('+');
    expect(plus.ok && plus.data.count).toBe(2);
    expect(docRoots(doc).state.get('count')).toBe(2);
  });
});
