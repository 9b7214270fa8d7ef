/**
 * Runtime benchmark (`npx tsx tests/bench/runtime.ts`): the sandbox's two budgets of DESIGN.md
 * section 11, each against a baseline from the same run.
 *
 *   event       host.dispatch of the counter's "+" (host → worker: handler; host: type check;
 *               host → worker: render; the view back), warm
 *   render      the todo app with 1,000 items rendered by host.render, each render toggling one
 *               item as a click would (state to the worker, the module in its SES compartment,
 *               the view back as a diff), against the very same module and view functions
 *               evaluated unsandboxed in this thread (`new Function` over the same globals:
 *               createRuntime of sandbox/core.js), run in alternation so both see the same
 *               machine: the ratio is what the sandbox costs (budget: at most 1.5×). Also the
 *               whole view every time (a first render, a restart), the transport's worst case.
 *   runaway     a `while (true) {}` handler: from the click to the app answering the next click
 *               (the loop guard stops it), and a hang the guard cannot see (the watchdog's
 *               deadline, then a restart from the last good version), with and without the
 *               warm spare worker (budget: under 1 s)
 *
 * Always exits 0: budgets are reported, not asserted.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { seededIds } from '../../src/lib/model/ids';
import { componentByName, type AppModel, type JsonValue, type Op } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { CompileGate } from '../../src/lib/code/gate';
import { SandboxHost, type Incident, type ViewNode } from '../../src/lib/runtime/host';
import { nodeProcessPort, nodeWorkerPort, type PortFactory } from '../../src/lib/runtime/port';
import { componentLiterals } from '../../src/lib/code/literals';
import { createRuntime } from '../../src/lib/runtime/sandbox/core.js';
import { templateModel } from '../../src/lib/templates';
import { ms, printTable, summarize, type Sample } from './measure';

const started = performance.now();
// Sandbox workers do not hold the process open (a CLI run must end when it is done); the raw
// ports below wait on them with no timer of their own.
const keepAlive = setInterval(() => {}, 1_000);

function nodes(view: ViewNode): ViewNode[] {
  return [view, ...view.children.flatMap(nodes)];
}

function refOf(view: ViewNode | null, label: string): number {
  const node = view && nodes(view).find((n) => n.props.label === label);
  const value = node?.props.onClick as { $ref?: number } | undefined;
  if (typeof value?.$ref !== 'number') throw new Error(`no button ${label}`);
  return value.$ref;
}

async function timed(warmup: number, runs: number, body: () => Promise<unknown>): Promise<Sample> {
  for (let i = 0; i < warmup; i++) await body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await body();
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

function counterWith(handlers: Record<string, string>): AppModel {
  const base = templateModel('counter', seededIds(1));
  const root = componentByName(base, 'App')!.root;
  const ops: Op[] = Object.entries(handlers).flatMap(([name, body]): Op[] => [
    { op: 'setHandler', component: 'App', name, body },
    {
      op: 'addNode',
      parent: root,
      type: 'Button',
      props: { label: name, onClick: { $handler: name } }
    }
  ]);
  const plan = planOps(base, ops, undefined, { ids: seededIds(2), verify: () => [] });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

async function start(model: AppModel, port: PortFactory, spare = true): Promise<SandboxHost> {
  const host = new SandboxHost({ port, spare, timeoutMs: 500 });
  const result = await host.load(model);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  // Let the spare worker (started after the load) finish booting before anything is timed.
  await new Promise((resolve) => setTimeout(resolve, 400));
  return host;
}

interface Row {
  readonly what: string;
  readonly sample: Sample;
  readonly baseline?: Sample;
  readonly budget?: string;
}
const rows: Row[] = [];

// 1. Event round trip.
for (const [name, port] of [
  ['worker thread', () => nodeWorkerPort()],
  ['child process', () => nodeProcessPort()]
] as const) {
  const host = await start(templateModel('counter', seededIds(1)), port);
  const event = await timed(50, 500, async () => {
    const result = await host.dispatch(refOf(host.view, '+'), {});
    if (!result.ok) throw new Error(result.error.message);
  });
  rows.push({ what: `event round trip (counter, ${name})`, sample: event });
  await host.dispose();
}

// 2. Rendering 1,000 items, sandboxed and not. Each render toggles one item, as a click would,
// so the view sent back is a diff of one row (and the texts that count).
const todo = templateModel('todo', seededIds(1));
const dataset = (toggled: boolean) => ({
  ...todo.data,
  items: Array.from({ length: 1000 }, (_, i): JsonValue => ({
    id: i + 1,
    title: `Item number ${i + 1}`,
    done: i === 500 ? toggled : i % 3 === 0
  })),
  nextId: 1001
});
const datasets = [dataset(false), dataset(true)];

const gate = new CompileGate({ typecheck: false });
const compiled = gate.compile(todo, undefined, { modules: true });
const rootId = todo.meta.root;
const component = {
  id: rootId,
  name: 'App',
  source: compiled.modules.get(rootId)!,
  capabilities: {},
  state: {},
  types: {},
  props: {},
  literals: componentLiterals(todo, rootId)
};
// The baseline: the same view functions (createRuntime), the module evaluated with
// `new Function` over the same globals in this thread: no lockdown, no compartment, no worker.
let reply: Record<string, unknown> = {};
const direct = createRuntime((m) => (reply = m), {
  harden: (x) => x,
  evaluate: (_harden, guardGlobal) => (source, globals) => {
    const names = [...Object.keys(globals), '$guard'];
    const make = new Function(...names, `return ${source}`);
    return make(...Object.values(globals), guardGlobal);
  }
});
direct({ t: 'load', seq: 1, components: [component], root: rootId });
let seq = 2;
/** One unsandboxed render, on a fresh copy of the state as the worker receives one. */
const directRender = async (full: boolean) => {
  direct({ t: 'render', seq, state: structuredClone(datasets[seq++ % 2]), full });
  if (reply.t !== 'view') throw new Error(JSON.stringify(reply));
};

/**
 * Runs `sandboxed` and its unsandboxed twin in alternation, so both see the same machine (other
 * work on it shifts both, not the ratio).
 */
async function paired(
  sandboxed: () => Promise<unknown>,
  unsandboxed: () => Promise<unknown>
): Promise<{ sandboxed: Sample; unsandboxed: Sample }> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 120; i++) {
    const t0 = performance.now();
    await sandboxed();
    const t1 = performance.now();
    await unsandboxed();
    const t2 = performance.now();
    // The first 20 of each are warmup.
    if (i >= 20) {
      a.push(t1 - t0);
      b.push(t2 - t1);
    }
  }
  return { sandboxed: summarize(a), unsandboxed: summarize(b) };
}

let viewNodes = 0;
for (const [name, port] of [
  ['worker thread', () => nodeWorkerPort()],
  ['child process', () => nodeProcessPort()]
] as const) {
  const host = await start(todo, port);
  let i = 0;
  const diffs = await paired(
    async () => {
      const result = await host.render(datasets[i++ % 2]);
      if (!result.ok) throw new Error(result.error.message);
      viewNodes = nodes(result.view).length;
    },
    () => directRender(false)
  );
  rows.push({
    what: `render todo, 1,000 items (${viewNodes} elements), ${name}`,
    sample: diffs.sandboxed,
    baseline: diffs.unsandboxed,
    budget: '≤ 1.5× unsandboxed'
  });
  rows.push({ what: '  the same, unsandboxed (baseline)', sample: diffs.unsandboxed });
  await host.dispose();
  // The whole view every time (a first render, a restart): the worst case for the transport.
  const raw = port();
  const answers: ((m: unknown) => void)[] = [];
  raw.onMessage((m) => answers.shift()?.(m));
  const ask = (message: Record<string, unknown>) =>
    new Promise<unknown>((resolve) => {
      answers.push(resolve);
      raw.post(message);
    });
  await ask({ t: 'load', seq: 1, components: [component], root: rootId });
  let n = 2;
  const whole = await paired(
    async () => {
      const answer = (await ask({ t: 'render', seq: n, state: datasets[n++ % 2], full: true })) as {
        t: string;
      };
      if (answer.t !== 'view') throw new Error(JSON.stringify(answer));
    },
    () => directRender(true)
  );
  rows.push({
    what: `  the whole view every time, ${name}`,
    sample: whole.sandboxed,
    baseline: whole.unsandboxed,
    budget: '(first render, restart)'
  });
  rows.push({ what: '  the same, unsandboxed (baseline)', sample: whole.unsandboxed });
  await raw.terminate();
}

// 3. Runaway code: from the click to the app answering again.
const runaway = counterWith({
  spin: 'while (true) {}',
  backtrack: "state.count = /^(a+)+$/.test('a'.repeat(40) + '!') ? 1 : 2;"
});
const guardHost = await start(runaway, () => nodeWorkerPort());
const guarded = await timed(2, 20, async () => {
  const result = await guardHost.dispatch(refOf(guardHost.view, 'spin'), {});
  if (result.ok || result.error.code !== 'E_RUNAWAY') throw new Error('not stopped');
  const next = await guardHost.dispatch(refOf(guardHost.view, '+'), {});
  if (!next.ok) throw new Error(next.error.message);
});
rows.push({
  what: 'while (true) {}: stopped by the guard, answering',
  sample: guarded,
  budget: '< 1 s'
});
await guardHost.dispose();

for (const spare of [true, false]) {
  for (const [name, port] of [
    ['worker thread', () => nodeWorkerPort()],
    ['child process', () => nodeProcessPort()]
  ] as const) {
    const restarts: number[] = [];
    const host = new SandboxHost({
      port,
      spare,
      timeoutMs: 500,
      onIncident: (i: Incident) => restarts.push(i.restartMs ?? NaN)
    });
    await host.load(runaway);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      const result = await host.dispatch(refOf(host.view, 'backtrack'), {});
      if (result.ok || result.error.code !== 'E_WATCHDOG') throw new Error('not restarted');
      const next = await host.dispatch(refOf(host.view, '+'), {});
      if (!next.ok) throw new Error(next.error.message);
      times.push(performance.now() - t0);
      // The next restart finds a booted spare, as it would in use.
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    const stuck = summarize(times);
    const label = `${name}, ${spare ? 'warm spare' : 'no spare'}`;
    rows.push({
      what: `hang past the guard: 500 ms deadline + restart (${label})`,
      sample: stuck,
      budget: '< 1 s'
    });
    rows.push({ what: `  of which the restart (${label})`, sample: summarize(restarts) });
    await host.dispose();
  }
}

console.log(
  `Runtime benchmark: ${os.cpus().length} cores, Node ${process.version}; ms (median / p95).\n`
);
printTable(
  ['what', 'median', 'p95', 'runs', 'ratio (median)', 'budget'],
  rows.map((r) => [
    r.what,
    ms(r.sample.median),
    ms(r.sample.p95),
    String(r.sample.runs),
    r.baseline ? `${(r.sample.median / r.baseline.median).toFixed(2)}×` : '',
    r.budget ?? ''
  ])
);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
clearInterval(keepAlive);
