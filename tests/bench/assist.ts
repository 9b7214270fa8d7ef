/**
 * Assistant benchmark (`npx tsx tests/bench/assist.ts`, `--each` for a row per request): the AI
 * budget of DESIGN.md section 11 (issue 7) over the requests of ./assist-corpus.ts, on the four
 * templates and on a CRM app whose JSX form is over 750 lines. Every batch first passes planOps
 * and the compile gate (a `new CompileGate()`, migrations in the real sandbox), so both sides of
 * each comparison are the same valid change.
 *
 *   tokens      the change as the model emits it: the `propose_changes` tool input
 *               (`{summary, ops}`, compact JSON), against the same change as a whole-file rewrite:
 *               the JSX form (`componentJsx`) after the change of every component whose text it
 *               changes. Both counted with one BPE tokenizer, js-tiktoken's o200k_base: Claude's
 *               own tokenizer is not available offline, so the counts are a proxy.
 *   server      from the last streamed op to a verified batch: reading the tool input
 *               (`readProposal`) and `AppSession.check` (plan as the person, compile gate, sandbox
 *               dry run), against taking in a rewrite: `importComponent` of each rewritten file into
 *               ops against the app, then the same check of those ops. Warm, after a warm-up per
 *               request; the two alternate which goes first. Each run tags the batch's code
 *               (a comment in every expression and handler body it writes, another for each side)
 *               so the gate checks new code every time, as it would for a new proposal, instead of
 *               answering a repeated batch from its per-unit caches.
 *
 * Budgets: the rewrite takes 5× the tokens of the ops on the templates, 30× on the 750-line app
 * (the median request of each group). Always exits 0: budgets are reported, not asserted.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';
import * as Y from 'yjs';
import { offlinePlan } from '../../src/lib/ai/offline';
import { readProposal } from '../../src/lib/ai/proposal';
import { CompileGate } from '../../src/lib/code/gate';
import { importComponent } from '../../src/lib/code/import';
import { appJsx, componentJsx } from '../../src/lib/code/jsx';
import { seededIds } from '../../src/lib/model/ids';
import type { AppModel, Op } from '../../src/lib/model/types';
import { commitModel, originFor } from '../../src/lib/ops/commit';
import { prepareMigrations } from '../../src/lib/ops/migrations';
import { planOps, type Actor, type Migrator } from '../../src/lib/ops/plan';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeProcessPort } from '../../src/lib/runtime/port';
import { AppSession } from '../../src/lib/server/session';
import {
  APP_REQUESTS,
  TEMPLATE_REQUESTS,
  crmApp,
  templateApp,
  type BaseApp,
  type ChangeRequest
} from './assist-corpus';
import { ms, printTable, since, summarize, type Sample } from './measure';

const started = performance.now();

const OWNER: Actor = { id: 'bench', name: 'Benchmark', role: 'owner' };
const WARMUP = 1;
const RUNS: Record<ChangeRequest['group'], number> = { templates: 10, app: 20 };
const BUDGET: Record<ChangeRequest['group'], number> = { templates: 5, app: 30 };
const GROUPS = ['templates', 'app'] as const;
const LABEL: Record<ChangeRequest['group'], string> = {
  templates: 'templates (blank, counter, todo, form)',
  app: 'the CRM app'
};
const EACH = process.argv.includes('--each');

const encoder = new Tiktoken(o200kBase);
const tokens = (text: string) => encoder.encode(text).length;
const lines = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** One request, planned and checked, with both forms of its change. */
interface Change {
  readonly request: ChangeRequest;
  readonly how: string;
  readonly summary: string;
  readonly ops: Op[];
  readonly before: AppModel;
  readonly migrate: Migrator;
  /** Ids of the components whose JSX form the change alters, added ones first. */
  readonly rewritten: readonly string[];
  readonly opsTokens: number;
  readonly rewriteTokens: number;
  readonly rewriteLines: number;
  /** Whether the rewritten files, imported and planned, make the same app (ids aside). */
  readonly reimport: string;
}

/** Server times of one request, in ms. */
interface Times {
  readonly ops: number[];
  readonly rewrite: number[];
  readonly importOnly: number[];
  refused: string[];
}

/** Ids of the components whose JSX form a change alters, added ones first. */
function changedComponents(before: AppModel, after: AppModel): string[] {
  const added = [...after.components.keys()].filter((id) => !before.components.has(id));
  const kept = [...after.components.keys()].filter(
    (id) => before.components.has(id) && componentJsx(before, id) !== componentJsx(after, id)
  );
  return [...added, ...kept];
}

/** The batch with a comment added to every expression and handler body it writes. */
function tagged(ops: readonly Op[], tag: string): Op[] {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (!value || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (typeof record.$expr === 'string' && Object.keys(record).length === 1)
      return { $expr: `${record.$expr} /* ${tag} */` };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record))
      out[k] =
        k === 'body' && record.op === 'setHandler' && typeof v === 'string'
          ? `${v}\n// ${tag}`
          : walk(v);
    return out;
  };
  return ops.map((op) => walk(op) as Op);
}

/** Plans a batch with the migrations of the change (setup, not measured). */
function planned(change: Change, ops: readonly Op[]): AppModel {
  const plan = planOps(change.before, ops, OWNER, {
    ids: seededIds(5),
    migrate: change.migrate
  });
  if (!plan.ok) throw new Error(`${change.request.message}: ${JSON.stringify(plan.errors)}`);
  return plan.model;
}

const failures: string[] = [];

/** Every component's JSX form without its ids, for comparing two apps made the two ways. */
function withoutIds(model: AppModel): string {
  return [...model.components.keys()]
    .map((id) => componentJsx(model, id).replace(/\s*\bid="[A-Za-z0-9_-]*"/g, ''))
    .sort()
    .join('\n');
}

/** What the rewritten files make when imported and planned: the same app, or why not. */
async function reimport(
  before: AppModel,
  after: AppModel,
  rewritten: readonly string[],
  host: SandboxHost
): Promise<string> {
  const ops: Op[] = [];
  for (const id of rewritten) {
    const read = importComponent(componentJsx(after, id), before);
    if (!read.ok) return `import refused: ${read.errors[0]?.message}`;
    ops.push(...read.ops);
  }
  const migrate = await prepareMigrations(before, ops, (source, value) =>
    host.migrate(source, value)
  );
  const plan = planOps(before, ops, OWNER, { ids: seededIds(6), migrate });
  if (!plan.ok) return `refused: ${plan.errors[0]?.message}`;
  return withoutIds(plan.model) === withoutIds(after) ? 'same' : 'a different app';
}

/** Plans every request and checks its batch with planOps and a fresh compile gate. */
async function prepare(
  requests: readonly ChangeRequest[],
  apps: ReadonlyMap<string, BaseApp>,
  host: SandboxHost
): Promise<Change[]> {
  const gate = new CompileGate();
  const changes: Change[] = [];
  try {
    for (const request of requests) {
      const app = apps.get(request.base)!;
      const before = app.model;
      let batch: { summary: string; ops: Op[] };
      let how = 'by hand';
      if (request.byHand) batch = request.byHand(app);
      else {
        const turn = offlinePlan(before, request.message);
        if (turn.kind !== 'batch') {
          failures.push(`"${request.message}": the planner answered with a ${turn.kind}`);
          continue;
        }
        batch = turn;
        how = `planner: ${turn.rule}`;
      }
      const migrate = await prepareMigrations(before, batch.ops, (source, value) =>
        host.migrate(source, value)
      );
      const plan = planOps(before, batch.ops, OWNER, {
        ids: seededIds(5),
        verify: gate.verifier(),
        migrate
      });
      if (!plan.ok) {
        failures.push(`"${request.message}": ${plan.errors.map((e) => e.message).join('; ')}`);
        continue;
      }
      const rewritten = changedComponents(before, plan.model);
      const rewrite = rewritten.map((id) => componentJsx(plan.model, id)).join('\n');
      changes.push({
        request,
        how,
        summary: batch.summary,
        ops: batch.ops,
        before,
        migrate,
        rewritten,
        opsTokens: tokens(JSON.stringify({ summary: batch.summary, ops: batch.ops })),
        rewriteTokens: tokens(rewrite),
        rewriteLines: lines(rewrite),
        reimport: await reimport(before, plan.model, rewritten, host)
      });
    }
  } finally {
    gate.dispose();
  }
  return changes;
}

/** Runs so far: names each run's tags and decides which side goes first. */
let serial = 0;

/** Both ways in, alternating, for one request on its app's session. */
async function time(session: AppSession, change: Change, runs: number): Promise<Times> {
  const times: Times = { ops: [], rewrite: [], importOnly: [], refused: [] };
  for (let i = -WARMUP; i < runs; i++) {
    const n = serial++;
    // What each side receives, made before the clock starts: the tool input's text as it
    // streamed in, and the rewritten files.
    const json = JSON.stringify({ summary: change.summary, ops: tagged(change.ops, `o${n}`) });
    const after = planned(change, tagged(change.ops, `r${n}`));
    const files = change.rewritten.map((id) => componentJsx(after, id));

    const viaOps = async () => {
      const t0 = performance.now();
      const reading = readProposal(json);
      if (reading.kind !== 'batch') throw new Error(`the tool input reads as ${reading.kind}`);
      const checked = await session.check(OWNER, reading.ops);
      const took = since(t0);
      if (!checked.ok) times.refused.push(`ops: ${checked.errors[0]?.message}`);
      else if (i >= 0) times.ops.push(took);
    };
    const viaRewrite = async () => {
      const t0 = performance.now();
      const ops: Op[] = [];
      for (const file of files) {
        const read = importComponent(file, change.before);
        if (!read.ok) {
          times.refused.push(`import: ${read.errors[0]?.message}`);
          return;
        }
        ops.push(...read.ops);
      }
      const imported = since(t0);
      const checked = await session.check(OWNER, ops);
      const took = since(t0);
      if (!checked.ok) times.refused.push(`rewrite: ${checked.errors[0]?.message}`);
      else if (i >= 0) {
        times.rewrite.push(took);
        times.importOnly.push(imported);
      }
    };
    if (n % 2 === 0) {
      await viaOps();
      await viaRewrite();
    } else {
      await viaRewrite();
      await viaOps();
    }
  }
  return times;
}

const median = (values: readonly number[]) => summarize(values).median;
const ratio = (value: number) => (value >= 10 ? value.toFixed(0) : value.toFixed(1)) + '×';

async function main(): Promise<void> {
  const apps = new Map<string, BaseApp>([
    ...['blank', 'counter', 'todo', 'form'].map((name): [string, BaseApp] => [
      name,
      templateApp(name)
    ]),
    ['crm', crmApp()]
  ]);
  const host = new SandboxHost({ port: () => nodeProcessPort(), spare: false });
  let changes: Change[];
  try {
    changes = await prepare([...TEMPLATE_REQUESTS, ...APP_REQUESTS], apps, host);
  } finally {
    await host.dispose();
  }

  // Server times, one session per app, made as `malleable assist` makes one.
  const timed = new Map<Change, Times>();
  for (const [base, app] of apps) {
    const doc = new Y.Doc();
    commitModel(doc, app.model, originFor(OWNER));
    const gate = new CompileGate();
    const session = new AppSession('bench', doc, gate, async () => {});
    try {
      for (const change of changes.filter((c) => c.request.base === base))
        timed.set(change, await time(session, change, RUNS[change.request.group]));
    } finally {
      await session.close();
      gate.dispose();
      doc.destroy();
    }
  }

  const crmLines = lines(appJsx(apps.get('crm')!.model));
  const cpus = os.cpus();
  console.log(
    `\nAssistant benchmark: ${cpus.length} cores (${cpus[0]?.model.trim() ?? '?'}), Node ${process.version}, ` +
      `load ${os.loadavg()[0].toFixed(2)}. Tokens: js-tiktoken o200k_base (a proxy for Claude's).\n` +
      `${changes.length} requests: ${changes.filter((c) => c.request.group === 'templates').length} on the templates, ` +
      `${changes.filter((c) => c.request.group === 'app').length} on the CRM app (JSX form ${crmLines} lines, ` +
      `${apps.get('crm')!.model.components.size} components).\n`
  );
  const same = changes.filter((c) => c.reimport === 'same').length;
  // Those the check refused are listed under the server times; the others here.
  const other = changes
    .filter((c) => c.reimport !== 'same' && timed.get(c)!.refused.length === 0)
    .map((c) => `; "${c.request.message}" makes ${c.reimport}`)
    .join('');
  console.log(
    `Rewrites that import back (importComponent, planOps) to the same app, ids aside: ${same} of ${changes.length}${other}.\n`
  );
  if (failures.length > 0) {
    console.log(`Requests left out (${failures.length}):`);
    for (const f of failures) console.log(`  ${f}`);
    console.log('');
  }

  printTable(
    [
      'output tokens',
      'requests',
      'by planner',
      'rewritten lines: median',
      'ops: median',
      'total',
      'rewrite: median',
      'total',
      'rewrite/ops: per request median',
      'min',
      'of totals',
      'budget',
      'status'
    ],
    GROUPS.map((group) => {
      const of = changes.filter((c) => c.request.group === group);
      const each = of.map((c) => c.rewriteTokens / c.opsTokens);
      const sum = (pick: (c: Change) => number) => of.reduce((n, c) => n + pick(c), 0);
      return [
        LABEL[group],
        String(of.length),
        String(of.filter((c) => !c.request.byHand).length),
        String(median(of.map((c) => c.rewriteLines))),
        String(median(of.map((c) => c.opsTokens))),
        String(sum((c) => c.opsTokens)),
        String(median(of.map((c) => c.rewriteTokens))),
        String(sum((c) => c.rewriteTokens)),
        ratio(median(each)),
        ratio(Math.min(...each)),
        ratio(sum((c) => c.rewriteTokens) / sum((c) => c.opsTokens)),
        `≥ ${BUDGET[group]}×`,
        median(each) >= BUDGET[group] ? 'ok' : 'UNDER'
      ];
    })
  );

  console.log('\nServer, last streamed op to a verified batch (ms, warm):\n');
  const pair = (s: Sample) => [ms(s.median), ms(s.p95)];
  // Only requests both sides verified: a refused side has no time to compare.
  const compared = (c: Change) => timed.get(c)!.refused.length === 0;
  printTable(
    [
      'server time',
      'requests',
      'runs',
      'ops: read + check median',
      'p95',
      'rewrite: import + check median',
      'p95',
      'import alone median',
      'p95',
      'ratio rewrite/ops (medians)',
      'left out: refused'
    ],
    GROUPS.map((group) => {
      const all = changes.filter((c) => c.request.group === group);
      const of = all.filter(compared).map((c) => timed.get(c)!);
      const ops = summarize(of.flatMap((t) => t.ops));
      const rewrite = summarize(of.flatMap((t) => t.rewrite));
      const importOnly = summarize(of.flatMap((t) => t.importOnly));
      return [
        LABEL[group],
        String(of.length),
        String(ops.runs),
        ...pair(ops),
        ...pair(rewrite),
        ...pair(importOnly),
        `${(rewrite.median / ops.median).toFixed(2)}×`,
        String(all.length - of.length)
      ];
    })
  );
  const refusals = changes.filter((c) => !compared(c));
  if (refusals.length > 0) {
    console.log('\nRefused (left out of the times above):');
    for (const c of refusals) {
      const reason = timed.get(c)!.refused[0];
      console.log(
        `  ${c.request.base}: "${c.request.message}": ${reason.length > 110 ? `${reason.slice(0, 109)}…` : reason}`
      );
    }
  }

  if (EACH) {
    console.log('\nEach request:\n');
    printTable(
      [
        'app',
        'request',
        'how',
        'ops',
        'tokens',
        'rewritten lines',
        'tokens',
        'ratio',
        'check ms',
        'rewrite ms',
        're-import'
      ],
      changes.map((c) => {
        const t = timed.get(c)!;
        return [
          c.request.base,
          c.request.message.length > 48 ? `${c.request.message.slice(0, 47)}…` : c.request.message,
          c.how,
          String(c.ops.length),
          String(c.opsTokens),
          String(c.rewriteLines),
          String(c.rewriteTokens),
          ratio(c.rewriteTokens / c.opsTokens),
          ms(median(t.ops)),
          t.refused.length ? 'refused' : ms(median(t.rewrite)),
          c.reimport.length > 60 ? `${c.reimport.slice(0, 59)}…` : c.reimport
        ];
      })
    );
  }
}

try {
  await main();
} catch (e) {
  console.log(`The benchmark stopped early: ${e instanceof Error ? e.stack : String(e)}\n`);
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
