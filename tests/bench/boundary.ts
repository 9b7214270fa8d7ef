/**
 * Trust-boundary benchmark (`npx tsx tests/bench/boundary.ts`, part of `npm run bench`): the
 * longest stall of the server's event loop while it judges hostile input, against the stall of
 * an honest edit in the same run (DESIGN.md section 11: under 100 ms for the worst input the
 * limits allow). A stall is what every other person connected to the server waits.
 *
 * The cases are a list: each says what it runs and returns the stall and wall time of each run;
 * one case is the baseline every ratio is taken against. Add a case to measure another door.
 *
 *   live   what a connected peer sends, through the whole door (`AppSession.receive`: the cheap
 *          refusals, the mirror, the records, the one judge with the gate and the dry run) on a
 *          2,000-node app: an honest editor's expression change (the baseline), and the worst
 *          updates the limits allow from a hostile editor: 2 MB nested as deep as it goes, 2 MB
 *          of well-formed new nodes, as many as the record limit lets through, the slow handler
 *          below; and a viewer's 2 MB update.
 *   gate   one changed expression of a 2,000-node app (the honest edit, baseline); a handler of
 *          type-level code that keeps TypeScript busy for many seconds (ServerGate: checked in
 *          its child process, stopped at the time limit); the same on the synchronous
 *          CompileGate, as the server ran it before; and the first open of an app storing that
 *          handler (ServerGate.compileStatic: no TypeScript).
 *
 * Stalls are the maximum of `monitorEventLoopDelay` (1 ms resolution) over the run. Always exits
 * 0: budgets are reported, not asserted.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { CompileGate } from '../../src/lib/code/gate';
import { currentModel } from '../../src/lib/model/store';
import { componentByName, type AppModel, type Op } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { ServerGate } from '../../src/lib/server/gate';
import { AppSession } from '../../src/lib/server/session';
import { MAX_UPDATE_BYTES } from '../../src/lib/collab/check';
import { MAX_UPDATE_RECORDS } from '../../src/lib/collab/layout';
import { commitPlanned, originFor } from '../../src/lib/ops/write';
import type { Actor } from '../../src/lib/ops/plan';
import * as Y from 'yjs';
import { generateNKeysBetween } from 'fractional-indexing';
import { buildApp } from './apps';
import { ms, printTable, summarize } from './measure';

/** What one run of a case cost: the longest event-loop stall during it, and its wall time. */
interface Run {
  readonly stallMs: number;
  readonly wallMs: number;
}

/** One measured situation. */
interface Case {
  readonly name: string;
  /** The honest case the others are compared with (exactly one). */
  readonly baseline?: boolean;
  /** What the input ended in (a code, "ok"), filled by the case. */
  outcome?: string;
  readonly runs: () => Promise<Run[]>;
}

/** Runs `body` and measures the longest event-loop stall while it (and its callbacks) ran. */
async function stalled(body: () => unknown): Promise<Run> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  // Settle first, so the stall of the previous run does not count here; and let the sampler take
  // its first sample (it measures from one sample to the next: a stall before it is not seen).
  await sleep(5);
  histogram.enable();
  await sleep(5);
  const t0 = performance.now();
  await body();
  const wallMs = performance.now() - t0;
  // A synchronous body blocks the sampler too: let it take the sample that sees the stall.
  await sleep(5);
  histogram.disable();
  return { stallMs: histogram.max / 1e6, wallMs };
}

async function repeat(times: number, body: (i: number) => unknown): Promise<Run[]> {
  const out: Run[] = [];
  for (let i = 0; i < times; i++) out.push(await stalled(() => body(i)));
  return out;
}

/**
 * A handler of about 1.2 KB that TypeScript reads as a union of 2^14 intersections (each
 * `Object.assign` of two unions distributes): about 15 s and 290 MB to check, and it passes.
 */
function slowHandler(field: string, levels = 14): string {
  const lines = [`const v = state.${field};`];
  for (let i = 0; i <= levels; i++)
    lines.push(`const u${i} = v > ${i} ? { a${i}: 1 } : { b${i}: "" };`);
  lines.push('const x0 = u0;');
  for (let i = 1; i <= levels; i++) lines.push(`const x${i} = Object.assign(x${i - 1}, u${i});`);
  lines.push(`state.${field} = Object.keys(x${levels}).length;`);
  return lines.join('\n');
}

function planned(model: AppModel, ops: Op[]): { model: AppModel; touched: ReadonlySet<string> } {
  const plan = planOps(model, ops, undefined, { verify: () => [] });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return { model: plan.model, touched: plan.touched };
}

const started = performance.now();
const appDoc = buildApp(2_000, 11);
const app = currentModel(appDoc).model;
const texts = [...app.nodes.values()].filter((n) => n.type === 'Text');
const appName = componentByName(app, 'App') ? 'App' : [...app.components.values()][0].name;

/** The honest edit: one Text's expression changed, as a person does in the inspector. */
function honestEdit(i: number) {
  const node = texts[i % texts.length];
  return planned(app, [
    { op: 'setProp', id: node.id, name: 'text', value: { $expr: `'Total: ' + String(${i})` } }
  ]);
}

const slow = planned(app, [
  { op: 'setHandler', component: appName, name: 'slow', body: slowHandler('nextId') }
]);

const server = new ServerGate();
const before = new CompileGate();
// Both gates warm over the app as stored, as a running server's are.
const warmResult = await server.compile(app);
if (!warmResult.ok) throw new Error(JSON.stringify(warmResult.errors.slice(0, 3)));
before.compile(app);

const outcome = (errors: readonly { code: string }[]) =>
  errors.length === 0 ? 'ok' : [...new Set(errors.map((e) => e.code))].join(', ');

// The live door: a session over a copy of the app, judged with its own ServerGate.
const EDITOR: Actor = { id: 'link:bench~ed', name: 'Ed', role: 'editor' };
const VIEWER: Actor = { id: 'link:bench~vi', name: 'Vi', role: 'viewer' };
const liveDoc = new Y.Doc({ gc: false });
Y.applyUpdate(liveDoc, Y.encodeStateAsUpdate(appDoc));
const liveGate = new ServerGate();
const session = new AppSession('bench', liveDoc, liveGate, async () => {});
await liveGate.compile(app);

/** The update an editor's studio sends for `ops`, planned on a replica of the session's doc. */
function peerUpdate(ops: unknown[], actor: Actor = EDITOR): Uint8Array {
  const replica = new Y.Doc({ gc: false });
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(liveDoc));
  const vector = Y.encodeStateVector(replica);
  const written = commitPlanned(replica, ops, originFor({ ...actor, role: 'owner' }));
  if (!written.ok) throw new Error(JSON.stringify(written.errors));
  return Y.encodeStateAsUpdate(replica, vector);
}

/** A raw update from a replica of the session's doc, written by `write`. */
function rawUpdate(write: (doc: Y.Doc) => void): Uint8Array {
  const replica = new Y.Doc({ gc: false });
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(liveDoc));
  const vector = Y.encodeStateVector(replica);
  replica.transact(() => write(replica));
  return Y.encodeStateAsUpdate(replica, vector);
}

/** Nested Y.Maps under a component's state, as deep as fits in the size limit. */
function deepest(): Uint8Array {
  const rootId = app.meta.root;
  let depth = 20_000;
  for (;;) {
    const update = rawUpdate((doc) => {
      let map = (doc.getMap('components').get(rootId) as Y.Map<unknown>).get(
        'state'
      ) as Y.Map<unknown>;
      for (let i = 0; i < depth; i++) {
        const next = new Y.Map<unknown>();
        map.set('k', next);
        map = next;
      }
    });
    if (update.byteLength <= MAX_UPDATE_BYTES) return update;
    depth = Math.floor(depth * 0.9);
  }
}

/** `count` new, well-formed Text nodes (a record and a prop each), written as raw records. */
function flood(count: number): Uint8Array {
  const root = app.components.get(app.meta.root)!;
  const keys = generateNKeysBetween(null, null, count);
  return rawUpdate((doc) => {
    const nodes = doc.getMap('nodes');
    const props = doc.getMap('props');
    for (let i = 0; i < count; i++) {
      const id = `w${i.toString(36)}`;
      nodes.set(id, { type: 'Text', component: root.id, parent: root.root, order: keys[i] });
      props.set(`${id}/text`, `flood ${i}`);
    }
  });
}

/** As many new nodes as fit in 2 MB: refused by the record limit before any mirror. */
function widest(): Uint8Array {
  for (let count = 20_000; ; count = Math.floor(count * 0.85)) {
    const update = flood(count);
    if (update.byteLength <= MAX_UPDATE_BYTES) return update;
  }
}

const deepUpdate = deepest();
const wideUpdate = widest();
// The heaviest well-formed update the limits let through: records up to the limit.
const floodUpdate = flood(Math.floor(MAX_UPDATE_RECORDS / 2) - 2);
const slowUpdate = peerUpdate([
  { op: 'setHandler', component: appName, name: 'slowLive', body: slowHandler('nextId') }
]);
const viewerUpdate = rawUpdate((doc) => {
  const state = doc.getMap('state');
  for (let i = 0; i < 20_000; i++) state.set(`v${i}`, 'x'.repeat(80));
});

const receiveCase = (
  name: string,
  runs: number,
  update: () => Uint8Array,
  actor: Actor = EDITOR,
  baseline = false
): Case => ({
  name,
  baseline,
  async runs() {
    return repeat(runs, async () => {
      const bytes = update();
      const result = await session.receive(actor, bytes);
      this.outcome = `${result.ok ? 'ok' : outcome(result.errors)} (${Math.round(bytes.byteLength / 1024)} KB)`;
    });
  }
});

let serial = 0;
const cases: Case[] = [
  receiveCase(
    'live: honest expression update (editor)',
    20,
    () => {
      const node = texts[serial++ % texts.length];
      return peerUpdate([
        { op: 'setProp', id: node.id, name: 'text', value: { $expr: `'n' + String(${serial})` } }
      ]);
    },
    EDITOR,
    true
  ),
  receiveCase('live: 2 MB nested as deep as it goes (editor)', 3, () => deepUpdate),
  receiveCase('live: 2 MB of new nodes (editor)', 2, () => wideUpdate),
  receiveCase('live: new nodes up to the record limit (editor)', 1, () => floodUpdate),
  receiveCase('live: slow type-level handler (editor)', 2, () => slowUpdate),
  receiveCase('live: 2 MB of data (viewer)', 3, () => viewerUpdate, VIEWER),
  {
    name: 'gate: honest edit, one expression (ServerGate)',
    async runs() {
      return repeat(20, async (i) => {
        const edit = honestEdit(i);
        this.outcome = outcome((await server.compile(edit.model, edit.touched)).errors);
      });
    }
  },
  {
    name: 'gate: honest edit, on the main thread (CompileGate, before)',
    async runs() {
      return repeat(20, (i) => {
        const edit = honestEdit(i + 1000);
        this.outcome = outcome(before.compile(edit.model, edit.touched).errors);
      });
    }
  },
  {
    name: 'gate: slow type-level handler (ServerGate)',
    async runs() {
      return repeat(2, async () => {
        this.outcome = outcome((await server.compile(slow.model, slow.touched)).errors);
      });
    }
  },
  {
    name: 'gate: slow type-level handler, main thread (CompileGate, before)',
    async runs() {
      return repeat(1, () => {
        this.outcome = outcome(before.compile(slow.model, slow.touched).errors);
      });
    }
  },
  {
    name: 'gate: first open of the app storing it (compileStatic)',
    async runs() {
      return repeat(5, () => {
        const result = new ServerGate().compileStatic(slow.model, undefined, { modules: true });
        this.outcome = outcome(result.errors);
      });
    }
  }
];

const results: { c: Case; runs: Run[] }[] = [];
for (const c of cases) results.push({ c, runs: await c.runs() });
await server.dispose();
before.dispose();
await session.close();
await liveGate.dispose();

const baseline = results.find((r) => r.c.baseline)!;
const worst = (runs: Run[]) => Math.max(...runs.map((r) => r.stallMs));
const base = worst(baseline.runs);

console.log(
  `\nTrust boundary: the longest event-loop stall while the server judges input (2,000-node app; ` +
    `gate time limit ${process.env.MALLEABLE_GATE_TIMEOUT_MS ?? 4000} ms)\n`
);
printTable(
  ['case', 'runs', 'outcome', 'longest stall', 'median stall', 'median wall', 'stall vs honest'],
  results.map(({ c, runs }) => {
    const stall = summarize(runs.map((r) => r.stallMs));
    const wall = summarize(runs.map((r) => r.wallMs));
    return [
      c.name + (c.baseline ? ' (baseline)' : ''),
      String(runs.length),
      c.outcome ?? '',
      ms(worst(runs)),
      ms(stall.median),
      ms(wall.median),
      `${(worst(runs) / base).toFixed(2)}×`
    ];
  })
);
console.log(`\nTotal boundary bench time ${((performance.now() - started) / 1000).toFixed(1)} s`);
