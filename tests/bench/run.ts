/**
 * `npm run bench`: the edit path's budgets (DESIGN.md section 11) measured on apps of 100, 2,000
 * and 10,000 nodes. Machines differ, so every timing is also given as a ratio to the baseline of
 * the same run: re-building the whole model from the Y.Doc (`readModel`), at the same size.
 *
 *   plan      planOps of a fresh random 20-op batch against the app's current model, no gate
 *   commit    commitBatch of the same batch: plan again, the compile gate (the process-wide
 *             gateVerifier, warm: it re-checks the units the batch changed), and the write
 *   load      Y.applyUpdate of the encoded document into a fresh Y.Doc, then readModel
 *
 * Each batch is made (outside the clock) against the app as the previous commits left it; the app
 * is re-loaded from its base copy when it drifts more than 5% from its size. Always exits 0: budgets are reported, not
 * asserted (DESIGN.md: benchmarks, never timed tests).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { commitBatch } from '../../src/lib/ops/commit';
import { gateVerifier } from '../../src/lib/code/gate';
import { planOps } from '../../src/lib/ops/plan';
import { currentModel } from '../../src/lib/model/store';
import { docRoots, readModel } from '../../src/lib/model/ydoc';
import { Rng } from '../fuzz/peers';
import { BENCH_ORIGIN, benchIds, buildApp, mixedBatch } from './apps';
import { measure, ms, printTable, since, type Sample } from './measure';

const SIZES = [100, 2_000, 10_000];
/** Measured runs per size (after WARMUP unmeasured ones); fewer on the big app to stay quick. */
const RUNS: Record<number, number> = { 100: 60, 2_000: 40, 10_000: 30 };
const WARMUP = 5;
const LOAD_RUNS = 20;

/** DESIGN.md section 11, the two budgets this benchmark covers. */
const BUDGET = {
  planGate10k: { p95: 50, text: 'p95 < 50 ms (plan + gate, 10k)' },
  load10k: { p95: 200, text: '< 200 ms (10k load)' }
};

interface Row {
  readonly what: string;
  readonly nodes: number;
  readonly sample: Sample;
  readonly baseline?: Sample;
  readonly budget?: { readonly p95: number; readonly text: string };
}

const started = performance.now();
const rows: Row[] = [];
const sizeRows: string[][] = [];
let v2Bytes = 0;

for (const size of SIZES) {
  const seed = size;
  const t0 = performance.now();
  const base = buildApp(size, seed);
  const built = since(t0);
  const encoded = Y.encodeStateAsUpdate(base);
  const nodes = readModel(base).nodes.size;

  // Baseline: the whole snapshot rebuilt from the document.
  const rebuild = measure(WARMUP, RUNS[size], () => {
    readModel(base);
  }).total;
  rows.push({ what: 'full rebuild: readModel(doc)', nodes, sample: rebuild });

  // Plan and commit of a fresh valid 20-op batch against the current model. The batches add a
  // few nodes more than they remove, so the app is re-loaded from its base copy (outside the
  // clock) whenever it has drifted more than 5% from its size.
  const rng = new Rng(seed);
  const ids = benchIds(seed);
  let serial = 0;
  let doc = base;
  let grown = 0;
  const edit = measure(WARMUP, RUNS[size], () => {
    if (currentModel(doc).model.nodes.size > nodes * 1.05) {
      doc = new Y.Doc();
      Y.applyUpdate(doc, encoded);
    }
    const model = currentModel(doc).model;
    const ops = mixedBatch(rng, model, serial++);
    const t1 = performance.now();
    const plan = planOps(model, ops, BENCH_ORIGIN.actor, { ids, verify: () => [] });
    const planned = since(t1);
    if (!plan.ok) throw new Error(`the batch did not plan: ${JSON.stringify(plan.errors)}`);
    const t2 = performance.now();
    const result = commitBatch(doc, ops, BENCH_ORIGIN, { verify: gateVerifier(), ids, now: 0 });
    const committed = since(t2);
    if (!result.ok) throw new Error(`the batch did not commit: ${JSON.stringify(result.errors)}`);
    grown = result.model.nodes.size - model.nodes.size;
    return { plan: planned, commit: committed };
  });
  const at10k = size === 10_000;
  rows.push({
    what: 'planOps, 20-op batch (no gate)',
    nodes,
    sample: edit.plan,
    baseline: rebuild
  });
  rows.push({
    what: 'commitBatch, 20-op batch (plan + gate + write)',
    nodes,
    sample: edit.commit,
    baseline: rebuild,
    budget: at10k ? BUDGET.planGate10k : undefined
  });

  // Load: a fresh document from the encoded state, then the model read from it.
  if (at10k) {
    const load = measure(3, LOAD_RUNS, () => {
      const t1 = performance.now();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, encoded);
      const applied = since(t1);
      const t2 = performance.now();
      readModel(doc);
      const read = since(t2);
      return { total: since(t1), applyUpdate: applied, readModel: read };
    });
    rows.push({
      what: 'load: Y.applyUpdate + readModel',
      nodes,
      sample: load.total,
      baseline: rebuild,
      budget: BUDGET.load10k
    });
    rows.push({ what: '  of which Y.applyUpdate', nodes, sample: load.applyUpdate });
    rows.push({ what: '  of which readModel', nodes, sample: load.readModel });
    // The same load from the v2 update encoding, for comparison (providers may send either).
    const encodedV2 = Y.encodeStateAsUpdateV2(base);
    const loadV2 = measure(3, LOAD_RUNS, () => {
      const doc = new Y.Doc();
      Y.applyUpdateV2(doc, encodedV2);
      readModel(doc);
    }).total;
    rows.push({
      what: 'load from a v2 update: applyUpdateV2 + readModel',
      nodes,
      sample: loadV2,
      baseline: rebuild
    });
    v2Bytes = encodedV2.byteLength;
  }

  // Size: the whole document, and a copy with the history log cleared (tombstones remain).
  const copy = new Y.Doc();
  Y.applyUpdate(copy, encoded);
  const history = docRoots(copy).history;
  copy.transact(() => history.delete(0, history.length));
  const withoutHistory = Y.encodeStateAsUpdate(copy).byteLength;
  sizeRows.push([
    String(nodes),
    String(encoded.byteLength),
    (encoded.byteLength / nodes).toFixed(0),
    (withoutHistory / nodes).toFixed(0),
    `${(built / 1000).toFixed(1)} s`,
    `${grown >= 0 ? '+' : ''}${grown}`
  ]);
}

console.log(
  `Malleable edit path benchmark: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`
);
console.log(
  'Times in ms over fresh random valid batches; ratio = median / median of the full rebuild at the same size.\n'
);
printTable(
  ['measurement', 'nodes', 'runs', 'median', 'p95', 'ratio vs rebuild', 'budget', 'status'],
  rows.map((r) => [
    r.what,
    String(r.nodes),
    String(r.sample.runs),
    ms(r.sample.median),
    ms(r.sample.p95),
    r.baseline
      ? `${(r.sample.median / r.baseline.median).toFixed(2)}×`
      : r.what.startsWith('full rebuild')
        ? '1.00× (baseline)'
        : '',
    r.budget?.text ?? '',
    r.budget ? (r.sample.p95 < r.budget.p95 ? 'ok' : 'OVER') : ''
  ])
);
console.log(
  '\nThe plan + gate budget is checked against the commitBatch rows, which also include the write.\n'
);
printTable(
  [
    'nodes',
    'encoded bytes',
    'bytes/node',
    'bytes/node without history',
    'build time',
    'net nodes added by the last batch'
  ],
  sizeRows
);
console.log(`10,000-node document in the v2 update encoding: ${v2Bytes} bytes`);
console.log(`\nTotal bench time ${((performance.now() - started) / 1000).toFixed(1)} s`);
