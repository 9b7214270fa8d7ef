/**
 * SandboxHost against real sandbox workers (worker_threads, and a child process where a worker
 * cannot contain the attack) running real SES: templates load and render, events change data,
 * bad results are refused, runaway and hostile code is stopped and the app answers again, and
 * each capability reaches only what was granted. One test per known attack.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFE_GLOBALS } from '../../src/lib/code/policy';
import { componentByName, type AppModel, type Op } from '../../src/lib/model/types';
import { seededIds } from '../../src/lib/model/ids';
import { planOps } from '../../src/lib/ops/plan';
import {
  SandboxHost,
  type HostOptions,
  type Incident,
  type LogEntry,
  type ViewNode
} from '../../src/lib/runtime/host';
import { nodeProcessPort, nodeWorkerPort, type WorkerPort } from '../../src/lib/runtime/port';
import { SAFE_GLOBAL_NAMES } from '../../src/lib/runtime/sandbox/core.js';
import { template } from './helpers';

// ---------------------------------------------------------------------------------------------
// Helpers

const hosts: SandboxHost[] = [];

/**
 * A host on a worker thread. Unless a test is about the watchdog, the deadline is generous (a
 * busy machine running the suite in parallel must not restart a worker that was merely slow) and
 * no spare worker is started (it would only compete for the CPU).
 */
function newHost(options: Partial<HostOptions> = {}): SandboxHost {
  const host = new SandboxHost({
    port: () => nodeWorkerPort(),
    timeoutMs: 3_000,
    spare: false,
    ...options
  });
  hosts.push(host);
  return host;
}

afterAll(async () => {
  await Promise.all(hosts.map((h) => h.dispose()));
});

/** A template with a batch on top, planned without the gate (so hostile code gets in). */
function edited(name: string, ops: (m: AppModel) => Op[]): AppModel {
  const base = template(name);
  const plan = planOps(base, ops(base), undefined, { ids: seededIds(3), verify: () => [] });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

const appRoot = (m: AppModel) => componentByName(m, 'App')!.root;

/** The counter with extra handlers, each behind a button labelled with its name. */
function counterWith(handlers: Record<string, string>, extra: Op[] = []): AppModel {
  return edited('counter', (m) => [
    ...extra,
    ...Object.entries(handlers).flatMap(([name, body]): Op[] => [
      { op: 'setHandler', component: 'App', name, body },
      {
        op: 'addNode',
        parent: appRoot(m),
        type: 'Button',
        props: { label: name, onClick: { $handler: name } }
      }
    ])
  ]);
}

function nodes(view: ViewNode): ViewNode[] {
  return [view, ...view.children.flatMap(nodes)];
}

function find(view: ViewNode | null, match: (n: ViewNode) => boolean): ViewNode {
  const found = view && nodes(view).find(match);
  if (!found) throw new Error('no such node in the view');
  return found;
}

const labelled = (label: string) => (n: ViewNode) => n.props.label === label;

/** The ref of a handler or binding prop. */
function ref(node: ViewNode, prop: string): number {
  const value = node.props[prop] as { $ref?: unknown };
  if (typeof value?.$ref !== 'number') throw new Error(`${node.type}.${prop} is not a handler`);
  return value.$ref;
}

/** Clicks the button labelled `label` in the host's current view. */
function click(host: SandboxHost, label: string) {
  return host.dispatch(ref(find(host.view, labelled(label)), 'onClick'), {});
}

async function loaded(host: SandboxHost, model: AppModel): Promise<SandboxHost> {
  const result = await host.load(model);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return host;
}

// ---------------------------------------------------------------------------------------------

describe('templates', () => {
  it('the counter renders its view tree and counts', async () => {
    const host = await loaded(newHost(), template('counter'));
    const view = host.view!;
    expect(view.type).toBe('Stack');
    expect(view.props).toMatchObject({ padding: 'lg', align: 'center' });
    const card = view.children[0];
    expect(card).toMatchObject({ type: 'Card', props: { title: 'Counter' } });
    expect(card.children.map((c) => c.type)).toEqual(['Heading', 'Stack', 'Slider']);
    expect(card.children[0].props.text).toBe('0');
    expect(card.children[1].children.map((b) => b.props.label)).toEqual(['−', 'Reset', '+']);
    const slider = card.children[2];
    expect(slider.props.value).toMatchObject({ $bind: 'step', value: 1 });
    const keys = nodes(view).map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);

    const plus = await click(host, '+');
    expect(plus.ok && plus.data.count).toBe(1);
    expect(find(host.view, (n) => n.type === 'Heading').props.text).toBe('1');
    // The slider's binding sets `step`; the next click adds the new step.
    const step = await host.dispatch(
      ref(
        find(host.view, (n) => n.type === 'Slider'),
        'value'
      ),
      {
        value: 5
      }
    );
    expect(step.ok && step.data).toEqual({ count: 1, step: 5 });
    const again = await click(host, '+');
    expect(again.ok && again.data.count).toBe(6);
    expect((await click(host, 'Reset')).ok).toBe(true);
    expect(host.data).toEqual({ count: 0, step: 5 });
  });

  it('the todo list adds, toggles and removes items through events and bindings', async () => {
    const host = await loaded(newHost(), template('todo'));
    const each = find(host.view, (n) => n.type === 'Each');
    expect(each.children.map((i) => [i.type, i.key])).toEqual([
      ['Item', `${each.id}[1]`],
      ['Item', `${each.id}[2]`]
    ]);
    const labels = () =>
      nodes(host.view!)
        .filter((n) => n.type === 'Checkbox')
        .map((n) => `${n.props.label}${n.props.checked ? ' ✓' : ''}`);
    expect(labels()).toEqual(['Try Malleable ✓', 'Reshape this app']);
    expect(find(host.view, (n) => n.type === 'If').children).toEqual([]);
    expect(find(host.view, labelled('Add')).props.disabled).toBe(true);

    const input = find(host.view, (n) => n.type === 'TextInput');
    const typed = await host.dispatch(ref(input, 'value'), { value: 'Write tests' });
    expect(typed.ok && typed.data.draft).toBe('Write tests');
    expect(find(host.view, labelled('Add')).props.disabled).toBe(false);
    const added = await click(host, 'Add');
    expect(added.ok && added.data.draft).toBe('');
    expect(labels()).toEqual(['Try Malleable ✓', 'Reshape this app', 'Write tests']);

    // The checkbox in the row keyed 3 toggles item 3: the handler gets the row's item.
    const row = find(host.view, (n) => n.type === 'Item' && n.key.endsWith('[3]'));
    const toggled = await host.dispatch(
      ref(
        find(row, (n) => n.type === 'Checkbox'),
        'onChange'
      ),
      {
        checked: true
      }
    );
    expect(toggled.ok).toBe(true);
    expect(labels()).toEqual(['Try Malleable ✓', 'Reshape this app', 'Write tests ✓']);
    expect(find(host.view, (n) => n.props.text === '1 left')).toBeTruthy();

    const first = find(host.view, (n) => n.type === 'Item' && n.key.endsWith('[1]'));
    await host.dispatch(ref(find(first, labelled('Delete')), 'onClick'), {});
    await click(host, 'Clear done');
    expect(labels()).toEqual(['Reshape this app']);
    const last = find(host.view, (n) => n.type === 'Item');
    const removed = await host.dispatch(ref(find(last, labelled('Delete')), 'onClick'), {});
    expect(removed.ok && removed.data.items).toEqual([]);
    expect(find(host.view, (n) => n.type === 'If').children[0].props.text).toBe(
      'Nothing to do yet.'
    );
  });

  it('keeps an element’s ref across renders, and refuses the ref of an element that is gone', async () => {
    const host = await loaded(newHost(), template('todo'));
    const plus = ref(find(host.view, labelled('Add')), 'onClick');
    const row = find(host.view, (n) => n.type === 'Item' && n.key.endsWith('[1]'));
    const remove = ref(find(row, labelled('Delete')), 'onClick');
    expect((await host.dispatch(remove, {})).ok).toBe(true);
    expect(ref(find(host.view, labelled('Add')), 'onClick')).toBe(plus);
    // A second click on the deleted row's button must not run anything.
    const again = await host.dispatch(remove, {});
    expect(!again.ok && again.error.code).toBe('E_HANDLER');
    expect((host.data!.items as unknown[]).length).toBe(1);
  });

  it('sends a view as a diff: unchanged subtrees keep their identity on the host', async () => {
    const host = await loaded(newHost(), template('todo'));
    const before = host.view!;
    const rows = find(before, (n) => n.type === 'Each').children;
    const toggled = await host.dispatch(
      ref(
        find(rows[1], (n) => n.type === 'Checkbox'),
        'onChange'
      ),
      {}
    );
    expect(toggled.ok).toBe(true);
    const after = find(host.view, (n) => n.type === 'Each').children;
    expect(after[0]).toBe(rows[0]);
    expect(after[1]).not.toBe(rows[1]);
    expect(find(after[1], (n) => n.type === 'Checkbox').props.checked).toBe(true);
    expect(host.view!.children[0]).toBe(before.children[0]);
    // A render of the same data changes nothing at all.
    const same = await host.render();
    expect(same.ok && same.view).toBe(host.view);
  });
});

describe('bad results and failing code', () => {
  const model = counterWith({
    wrongType: "state.count = 'many';",
    extraField: 'state.colour = 1;',
    throws: "JSON.parse('not json');",
    whileTrue: 'while (true) {}',
    finallySwallows: 'while (true) {\n  try { while (true) {} } finally { break; }\n}',
    deepRecursion: 'const f = (n) => f(n + 1) + 1;\nf(0);',
    cyclic: 'const a = { n: 1 };\na.self = a;\nstate.count = 1;\nstate.step = a.n;\nstate.loop = a;'
  });
  let host: SandboxHost;
  beforeAll(async () => {
    host = await loaded(newHost(), model);
  });

  it('refuses a state of the wrong type and keeps the data', async () => {
    await click(host, '+');
    for (const name of ['wrongType', 'extraField']) {
      const result = await click(host, name);
      expect(!result.ok && result.error.code).toBe('E_STATE_TYPE_MISMATCH');
      expect(host.data).toEqual({ count: 1, step: 1 });
    }
  });

  it('reports a throwing handler as E_HANDLER and keeps running', async () => {
    const result = await click(host, 'throws');
    expect(!result.ok && result.error).toMatchObject({ code: 'E_HANDLER', component: 'App' });
    expect(!result.ok && result.error.message).toMatch(/handler throws of App threw: .*JSON/);
    expect((await click(host, '+')).ok).toBe(true);
  });

  it.each([
    ['while (true) {}', 'whileTrue'],
    ['a loop whose guard error a finally swallows', 'finallySwallows'],
    ['recursion that overflows the stack', 'deepRecursion']
  ])('stops %s with E_RUNAWAY and answers again at once', async (_label, name) => {
    const before = host.data!.count as number;
    const result = await click(host, name);
    expect(!result.ok && result.error.code).toBe('E_RUNAWAY');
    const next = await click(host, '+');
    expect(next.ok && next.data.count).toBe(before + 1);
  });

  it('refuses an event payload that is not data, and a view too large to show', async () => {
    const plus = ref(find(host.view, labelled('+')), 'onClick');
    const notData = await host.dispatch(plus, { callback: () => 1 });
    expect(!notData.ok && notData.error.code).toBe('E_HANDLER');
    // A generous deadline: this test is about the size limit, not the watchdog, and building
    // 50,000 elements can take longer than the default 500 ms on a busy machine.
    const todo = await loaded(newHost({ timeoutMs: 20_000 }), template('todo'));
    const items = Array.from({ length: 15_000 }, (_, i) => ({
      id: i,
      title: `t${i}`,
      done: false
    }));
    const huge = await todo.render({ ...todo.data!, items });
    expect(!huge.ok && huge.error.message).toMatch(/more than 50,000 elements/);
    expect((await todo.render()).ok).toBe(true);
  });

  it('refuses a state that is not data', async () => {
    const result = await click(host, 'cyclic');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('E_HANDLER');
  });
});

describe('the watchdog', () => {
  it('restarts a worker stuck where the guard cannot see, and the app answers again', async () => {
    const incidents: Incident[] = [];
    const model = counterWith({
      // Catastrophic backtracking: one builtin call, no loop for the guard to count.
      backtrack: "state.count = /^(a+)+$/.test('a'.repeat(40) + '!') ? 1 : 2;"
    });
    const host = await loaded(
      newHost({ timeoutMs: 500, spare: true, onIncident: (i) => incidents.push(i) }),
      model
    );
    await click(host, '+');
    const result = await click(host, 'backtrack');
    const answered = await click(host, '+');
    expect(!result.ok && result.error.code).toBe('E_WATCHDOG');
    expect(!result.ok && result.error.message).toMatch(/handler backtrack of App did not finish/);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ running: 'handler backtrack of App', restarted: true });
    // The last good data came back with the fresh worker.
    expect(answered.ok && answered.data.count).toBe(2);
  });

  it('stops a memory bomb the guard can see, or restarts the worker', async () => {
    const model = counterWith({
      seen: 'const a = [];\nwhile (true) a.push(Array.from({ length: 1000000 }, () => 1));',
      unseen: "const a = [];\nwhile (true) a.push('x'.repeat(2 ** 20).split(''));"
    });
    const host = await loaded(newHost({ timeoutMs: 500, spare: true }), model);
    for (const name of ['seen', 'unseen']) {
      const result = await click(host, name);
      expect(['E_RUNAWAY', 'E_WATCHDOG']).toContain(!result.ok && result.error.code);
      expect((await click(host, '+')).ok).toBe(true);
    }
  });

  it('survives in a child process one huge allocation that would abort a worker thread', async () => {
    // V8 aborts the whole process on one allocation past the heap limit, whatever a worker's
    // resourceLimits say; only a process boundary contains it (port.ts, nodeProcessPort).
    const incidents: Incident[] = [];
    const model = counterWith({
      huge: "state.count = 'x'.repeat(2 ** 27).toUpperCase().length;",
      tooLong: "state.count = 'x'.repeat(2 ** 27).split('').length;"
    });
    const host = await loaded(
      newHost({
        port: () => nodeProcessPort(),
        timeoutMs: 500,
        onIncident: (i) => incidents.push(i)
      }),
      model
    );
    for (const name of ['huge', 'tooLong']) {
      const result = await click(host, name);
      expect(!result.ok && result.error.code).toBe('E_WATCHDOG');
      const next = await click(host, '+');
      expect(next.ok).toBe(true);
    }
    expect(incidents.map((i) => i.running)).toEqual([
      'handler huge of App',
      'handler tooLong of App'
    ]);
  });
});

describe('hot swap, migrations and dry runs', () => {
  it('swaps a changed component in and keeps the last good version when the new one fails', async () => {
    const base = template('counter');
    const host = await loaded(newHost(), base);
    await click(host, '+');
    const heading = [...base.nodes.values()].find((n) => n.type === 'Heading')!;
    const change = (expr: string) => {
      const plan = planOps(
        base,
        [{ op: 'setProp', id: heading.id, name: 'text', value: { $expr: expr } }],
        undefined,
        { verify: () => [] }
      );
      if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
      return plan.model;
    };
    const good = await host.swap(change("'Count: ' + state.count"), host.data!);
    expect(good.ok).toBe(true);
    expect(find(host.view, (n) => n.type === 'Heading').props.text).toBe('Count: 1');

    const broken = await host.swap(change('state.items[99].title'), host.data!);
    expect(!broken.ok && broken.error).toMatchObject({ code: 'E_RENDER', component: 'App' });
    expect(find(host.view, (n) => n.type === 'Heading').props.text).toBe('Count: 1');
    const plus = await click(host, '+');
    expect(plus.ok && find(plus.view, (n) => n.type === 'Heading').props.text).toBe('Count: 2');
    // A policy violation never reaches the worker.
    const refused = await host.swap(change('globalThis.process'), host.data!);
    expect(!refused.ok && refused.error.code).toBe('E_POLICY_GLOBAL');
  });

  it('evaluates migrations in a scratch compartment', async () => {
    const host = newHost();
    expect(await host.migrate('value * 2', 21)).toEqual({ ok: true, value: 42 });
    expect(await host.migrate("value.split(',').map(Number)", '1,2')).toEqual({
      ok: true,
      value: [1, 2]
    });
    const refused = await host.migrate('Date.now()', 1);
    expect(refused.ok).toBe(false);
    const runaway = await host.migrate('Array.from({ length: 10000000 }, (x) => x).length', 1);
    expect(!runaway.ok && runaway.message).toMatch(/the migration was stopped/);
    const thrown = await host.migrate('value.nope.deeper', 1);
    expect(!thrown.ok && thrown.message).toMatch(/the migration threw/);
  });

  it('dry-runs a proposed model without touching the running app', async () => {
    const host = await loaded(newHost(), template('todo'));
    const broken = edited('todo', (m) => [
      {
        op: 'addNode',
        parent: appRoot(m),
        type: 'Text',
        props: { text: { $expr: 'state.items[99].title' } }
      }
    ]);
    const result = await host.dryRun(broken);
    expect(!result.ok && result.error.code).toBe('E_RENDER');
    const fine = await host.dryRun(template('counter'));
    expect(fine.ok).toBe(true);
    expect(find(host.view, (n) => n.type === 'Each').children).toHaveLength(2);
    expect((await host.sandboxChecks().dryRun!(broken))[0].code).toBe('E_RENDER');
  });

  it('keeps local state per component instance, across a swap of that component', async () => {
    const withRows = (label: string) =>
      edited('counter', (m): Op[] => [
        {
          op: 'addComponent',
          name: 'Row',
          id: 'rowRoot',
          props: { label: { type: 'string', default: 'row' } }
        },
        { op: 'addState', component: 'Row', name: 'open', type: 'boolean', initial: false },
        { op: 'setHandler', component: 'Row', name: 'flip', body: 'state.open = !state.open;' },
        { op: 'setHandler', component: 'Row', name: 'spoil', body: "state.open = 'yes';" },
        {
          op: 'addNode',
          parent: 'rowRoot',
          type: 'Button',
          props: {
            label: { $expr: `props.label + (state.open ? ' ${label}' : ' closed')` },
            onClick: { $handler: 'flip' }
          }
        },
        {
          op: 'addNode',
          parent: 'rowRoot',
          type: 'Button',
          props: { label: { $expr: "props.label + ' spoil'" }, onClick: { $handler: 'spoil' } }
        },
        { op: 'addNode', parent: appRoot(m), type: 'Row', props: { label: 'first' } },
        { op: 'addNode', parent: appRoot(m), type: 'Row', props: { label: 'second' } }
      ]);
    const host = await loaded(newHost(), withRows('open'));
    const instances = nodes(host.view!).filter((n) => n.component);
    expect(instances.map((n) => n.type)).toEqual(['Row', 'Row']);
    const flipped = await click(host, 'first closed');
    expect(flipped.ok && flipped.local).toBe(true);
    expect(flipped.ok && flipped.data).toEqual({ count: 0, step: 1 });
    expect(find(host.view, labelled('first open'))).toBeTruthy();
    expect(find(host.view, labelled('second closed'))).toBeTruthy();

    const spoiled = await click(host, 'first spoil');
    expect(!spoiled.ok && spoiled.error.code).toBe('E_STATE_TYPE_MISMATCH');
    expect(find(host.view, labelled('first open'))).toBeTruthy();

    // A new version of Row keeps each instance's `open` (same field, same type).
    const swapped = await host.swap(withRows('OPEN'), host.data!);
    expect(swapped.ok).toBe(true);
    expect(find(host.view, labelled('first OPEN'))).toBeTruthy();
    expect(find(host.view, labelled('second closed'))).toBeTruthy();
  });
});

describe('capabilities', () => {
  it('gives a component only the capabilities it declared', async () => {
    const probe =
      'state.count = [caps.clock, caps.random, caps.network, caps.log].filter(Boolean).length;';
    const without = await loaded(newHost(), counterWith({ probe }));
    const none = await click(without, 'probe');
    expect(none.ok && none.data.count).toBe(0);

    const granted = await loaded(
      newHost(),
      counterWith(
        {
          probe,
          time: 'state.count = caps.clock.now();',
          dice: 'state.step = caps.random.next();'
        },
        [{ op: 'setCapabilities', component: 'App', capabilities: { clock: true, random: true } }]
      )
    );
    expect((await click(granted, 'probe')).ok && granted.data!.count).toBe(2);
    const before = Date.now();
    const time = await click(granted, 'time');
    expect(time.ok && time.data.count).toBeGreaterThanOrEqual(before);
    expect(time.ok && time.data.count).toBeLessThanOrEqual(Date.now());
    const dice = await click(granted, 'dice');
    expect(dice.ok && dice.data.step).toBeGreaterThanOrEqual(0);
    expect(dice.ok && dice.data.step).toBeLessThan(1);
  });

  it('lets no data pose as a handler, and no capability travel as data', async () => {
    const heading = (expr: string, extra: Op[] = []) =>
      edited('counter', (m) => [
        ...extra,
        {
          op: 'setProp',
          id: [...m.nodes.values()].find((n) => n.type === 'Heading')!.id,
          name: 'text',
          value: { $expr: expr }
        }
      ]);
    const host = await loaded(newHost(), template('counter'));
    const forged = await host.swap(heading('({ $ref: 1 })'), host.data!);
    expect(!forged.ok && forged.error.code).toMatch(/^E_RENDER|^E_POLICY/);
    const clock = { op: 'setCapabilities', component: 'App', capabilities: { clock: true } } as Op;
    const passed = await host.swap(heading('caps.clock', [clock]), host.data!);
    expect(!passed.ok && passed.error.code).toBe('E_RENDER');
    expect(!passed.ok && passed.error.message).toMatch(/function/);
  });

  it('hands log messages to onLog', async () => {
    const logs: LogEntry[] = [];
    const host = await loaded(
      newHost({ onLog: (entry) => logs.push(entry) }),
      counterWith({ say: "caps.log.warn('count is', state.count, { nested: [1] });" }, [
        { op: 'setCapabilities', component: 'App', capabilities: { log: true } }
      ])
    );
    expect((await click(host, 'say')).ok).toBe(true);
    expect(logs).toEqual([
      { component: 'App', level: 'warn', args: ['count is', 0, { nested: [1] }] }
    ]);
  });

  describe('network', () => {
    let server: http.Server;
    let hits = 0;
    let port = 0;
    beforeAll(async () => {
      server = http.createServer((_request, response) => {
        hits++;
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ title: 'from the server' }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const networked = () =>
      counterWith(
        {
          fetch: `caps.network.getJson('http://127.0.0.1:${port}/data', 'loaded');`,
          loaded: "state.title = event.ok ? event.data.title : 'failed: ' + event.error;",
          sneaky: `caps.network.getJson('http://localhost:${port}/data', 'loaded');`
        },
        [
          { op: 'addState', component: 'App', name: 'title', type: 'string', initial: '' },
          {
            op: 'setCapabilities',
            component: 'App',
            capabilities: { network: { origins: [`http://127.0.0.1:${port}`] } }
          }
        ]
      );

    it('delivers a response from an allowed origin to the then handler, and commits it', async () => {
      const updates: unknown[] = [];
      const delivered = new Promise<void>((resolve) => {
        void loaded(
          newHost({
            onData: (update) => {
              updates.push(update.data);
              resolve();
            }
          }),
          networked()
        ).then((host) => click(host, 'fetch'));
      });
      const before = hits;
      await delivered;
      expect(hits).toBe(before + 1);
      expect(updates).toEqual([{ count: 0, step: 1, title: 'from the server' }]);
    });

    it('refuses any other origin with E_CAPABILITY, and makes no request', async () => {
      const host = await loaded(newHost(), networked());
      const before = hits;
      const result = await click(host, 'sneaky');
      expect(!result.ok && result.error.code).toBe('E_CAPABILITY');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(hits).toBe(before);
    });

    it('refuses, on the host too, an origin a subverted worker asks for', async () => {
      // The worker is the first wall; a worker that asks anyway meets the host's own check.
      let inject: (message: unknown) => void = () => {};
      const incidents: Incident[] = [];
      const model = networked();
      const host = await loaded(
        newHost({
          spare: false,
          onIncident: (i) => incidents.push(i),
          port: (): WorkerPort => {
            const real = nodeWorkerPort();
            return {
              ...real,
              onMessage: (listener) => {
                inject = listener;
                real.onMessage(listener);
              }
            };
          }
        }),
        model
      );
      const before = hits;
      inject({
        t: 'fetch',
        id: 1,
        component: componentByName(model, 'App')!.id,
        instance: '',
        url: `http://localhost:${port}/steal`,
        as: 'json',
        then: 'loaded'
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(hits).toBe(before);
      expect(incidents.map((i) => i.error.code)).toEqual(['E_CAPABILITY']);
      expect(host.data!.title).toBe('');
    });
  });
});

describe('what a compartment holds', () => {
  /** Loads hand-written module text straight into a worker: what if the policy were bypassed? */
  async function evaluateRaw(expression: string): Promise<unknown> {
    const port = nodeWorkerPort();
    try {
      const source = `({ name: "X", render(state, props, caps) { return h("Text", { id: "t", text: ${expression} }, []); }, handlers: {} })`;
      const reply = await new Promise<Record<string, unknown>>((resolve) => {
        port.onMessage((m) => resolve(m as Record<string, unknown>));
        port.post({
          t: 'load',
          seq: 1,
          components: [{ id: 'x', name: 'X', source, capabilities: {}, state: {}, props: {} }],
          root: 'x',
          state: {}
        });
      });
      if (reply.t !== 'view') return reply.error;
      return (reply.view as ViewNode).props.text;
    } finally {
      await port.terminate();
    }
  }

  it('has no way to time, code, the platform or the realm', async () => {
    const names = [
      'Date',
      'globalThis',
      'Function',
      'eval',
      'Compartment',
      'harden',
      'lockdown',
      'Proxy',
      'Reflect',
      'Symbol',
      'process',
      'require',
      'fetch',
      'setTimeout',
      'WebAssembly',
      'SharedArrayBuffer',
      'Atomics',
      'Promise',
      'Error',
      'URL',
      'console'
    ];
    const text = await evaluateRaw(`[${names.map((n) => `typeof ${n}`).join(', ')}].join(',')`);
    expect(text).toBe(names.map(() => 'undefined').join(','));
  });

  it('keeps $guard read-only and its controls out of reach, and Math.random tamed', async () => {
    const text = await evaluateRaw(
      "[typeof $guard.reset, typeof $guard.tripped, (() => { try { $guard = null; return 'replaced'; } catch (e) { return 'kept'; } })(), (() => { try { Math.random(); return 'random'; } catch (e) { return 'tamed'; } })()].join(',')"
    );
    expect(text).toBe('undefined,undefined,kept,tamed');
  });

  it('keeps exactly the policy’s safe globals', () => {
    expect([...SAFE_GLOBAL_NAMES].sort()).toEqual(Object.keys(SAFE_GLOBALS).sort());
  });
});
