/**
 * Literal edit benchmark (`npx tsx tests/bench/literal-edit.ts`, part of `npm run bench`): what a
 * literal edit (a Text's text changed in the inspector) costs on its way to the sandbox, on the
 * todo template and on a 2,000-node app, by the old path (forced: `literalPatches: false`, the
 * whole component's module posted, evaluated and swapped) and the new one (issue 13: the changed
 * slot posted in a `literals` request, no module evaluated). The old path is the baseline, measured
 * in the same run, alternating with the new one so both see the same machine.
 *
 * Columns:
 *   bytes posted   the message SandboxHost posts to the worker (JSON length)
 *   worker answer  from that post to the worker's reply (worker_threads, SES)
 *   host swap      the whole `SandboxHost.swap` (its gate's compile, the request, the view read)
 *   gate compile   the browser gate worker's compile of the edited app (`compileReplica`); the
 *                  old path regenerated the component's module, whose cache key held the
 *                  literal, so its row adds a `moduleForm` of the component
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { moduleForm } from '../../src/lib/code/module';
import { currentModel } from '../../src/lib/model/store';
import { rootComponent, type AppModel } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { commitBatch, originFor } from '../../src/lib/ops/commit';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeWorkerPort, type WorkerPort } from '../../src/lib/runtime/port';
import {
  compileReplica,
  createGateReplica,
  handleGateMessage
} from '../../src/lib/editor/gate-replica';
import { buildApp } from './apps';
import { templateDoc } from '../fuzz/peers';
import { ms, printTable, summarize, type Sample } from './measure';

const started = performance.now();
const ORIGIN = originFor({ id: 'bench', name: 'Bench', role: 'owner' });

/** A host whose port records the size of each post and the time to its reply. */
function timedHost(literalPatches: boolean) {
  const last = { bytes: 0, answerMs: 0, sentAt: 0 };
  const host = new SandboxHost({
    port: (): WorkerPort => {
      const real = nodeWorkerPort();
      return {
        ...real,
        post: (message) => {
          last.bytes = JSON.stringify(message).length;
          last.sentAt = performance.now();
          real.post(message);
        },
        onMessage: (listener) =>
          real.onMessage((message) => {
            const m = message as { t?: string };
            if (m.t === 'view' || m.t === 'error') last.answerMs = performance.now() - last.sentAt;
            listener(message);
          })
      };
    },
    timeoutMs: 10_000,
    startupMs: 30_000,
    spare: false,
    literalPatches
  });
  return { host, last };
}

/** A Text or Heading of the root component with a literal text that the first render shows. */
function target(model: AppModel): string {
  const root = rootComponent(model)!;
  return [...model.nodes.values()].find(
    (n) =>
      n.component === root.id &&
      (n.type === 'Heading' || n.type === 'Text') &&
      typeof n.props.text === 'string' &&
      n.parent === root.root
  )!.id;
}

function relabel(model: AppModel, id: string, i: number): AppModel {
  const plan = planOps(
    model,
    [{ op: 'setProp', id, name: 'text', value: `Edit ${i}` }],
    undefined,
    {
      verify: () => []
    }
  );
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

interface PathRow {
  bytes: number;
  answer: Sample;
  swap: Sample;
  gate: Sample;
}

async function run(name: string, doc: Y.Doc, runs: number): Promise<[string, PathRow, PathRow]> {
  let model = currentModel(doc).model;
  const id = target(model);
  const root = rootComponent(model)!.id;
  const paths = { old: timedHost(false), now: timedHost(true) };
  for (const p of Object.values(paths)) {
    const loaded = await p.host.load(model);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
  }
  const times = {
    old: { answer: [] as number[], swap: [] as number[], gate: [] as number[], bytes: 0 },
    now: { answer: [] as number[], swap: [] as number[], gate: [] as number[], bytes: 0 }
  };
  // The browser gate's replica, fed the same edits as updates.
  const replica = createGateReplica();
  handleGateMessage(replica, { t: 'update', seq: 0, update: Y.encodeStateAsUpdate(doc) });
  compileReplica(replica);
  const warmup = 3;
  for (let i = 0; i < warmup + runs; i++) {
    model = relabel(model, id, i);
    const vector = Y.encodeStateVector(doc);
    commitBatch(doc, [{ op: 'setProp', id, name: 'text', value: `Edit ${i}` }], ORIGIN, {
      verify: () => []
    });
    handleGateMessage(replica, {
      t: 'update',
      seq: i + 1,
      update: Y.encodeStateAsUpdate(doc, vector)
    });
    const order = i % 2 === 0 ? (['old', 'now'] as const) : (['now', 'old'] as const);
    for (const which of order) {
      const { host, last } = paths[which];
      const t0 = performance.now();
      const result = await host.swap(model);
      const swapMs = performance.now() - t0;
      if (!result.ok) throw new Error(JSON.stringify(result));
      // The gate: the new path as the worker runs it; the old one had to rebuild the module.
      const g0 = performance.now();
      if (which === 'old') {
        const good = new Map(replica.good);
        good.delete(root);
        replica.good = good;
        compileReplica(replica);
        moduleForm(model, root);
      } else compileReplica(replica);
      const gateMs = performance.now() - g0;
      if (i < warmup) continue;
      const row = times[which];
      row.answer.push(last.answerMs);
      row.swap.push(swapMs);
      row.gate.push(gateMs);
      row.bytes = last.bytes;
    }
  }
  await Promise.all(Object.values(paths).map((p) => p.host.dispose()));
  const rowOf = (t: typeof times.old): PathRow => ({
    bytes: t.bytes,
    answer: summarize(t.answer),
    swap: summarize(t.swap),
    gate: summarize(t.gate)
  });
  return [name, rowOf(times.old), rowOf(times.now)];
}

const kb = (bytes: number) => (bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`);
const ratio = (now: number, old: number) => `${(now / old).toFixed(3)}×`;

const results = [
  await run('todo template', templateDoc('todo', 1), Number(process.env.BENCH_RUNS ?? 40)),
  await run('2,000 nodes', buildApp(2_000, 11), Number(process.env.BENCH_RUNS ?? 20))
];

console.log(
  '\nLiteral edit → sandbox: old path (whole module swapped, baseline) against slots only\n'
);
const rows: string[][] = [];
for (const [name, old, now] of results) {
  for (const [label, r] of [
    ['old path (baseline)', old],
    ['literals request', now]
  ] as const) {
    rows.push([
      name,
      label,
      String(r.swap.runs),
      kb(r.bytes),
      `${ms(r.answer.median)} / ${ms(r.answer.p95)}`,
      `${ms(r.swap.median)} / ${ms(r.swap.p95)}`,
      `${ms(r.gate.median)} / ${ms(r.gate.p95)}`
    ]);
  }
  rows.push([
    name,
    'ratio new / old',
    '',
    ratio(now.bytes, old.bytes),
    ratio(now.answer.median, old.answer.median),
    ratio(now.swap.median, old.swap.median),
    ratio(now.gate.median, old.gate.median)
  ]);
}
printTable(
  [
    'app',
    'path',
    'runs',
    'bytes posted',
    'worker answer med / p95 ms',
    'host swap med / p95 ms',
    'gate compile med / p95 ms'
  ],
  rows
);
console.log(
  `\nTotal literal-edit bench time ${((performance.now() - started) / 1000).toFixed(1)} s`
);
process.exit(0);
