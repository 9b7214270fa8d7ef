/**
 * CLI start-up benchmark (`npx tsx tests/bench/cli.ts`, part of `npm run bench`): the cold wall
 * time of one `malleable` command, each run a new Node process as a script calling it in a loop
 * starts, against bare Node (`node -e 0`) in the same run. Budget (issue 14): `validate` and a
 * rejected `apply` within 0.3 s of bare Node.
 *
 *   node -e 0          the baseline: what any Node command costs on this machine
 *   --version          bin/malleable.js and main.ts, no command loaded
 *   validate           the todo template's app file (1 component, 14 nodes): schemas and rules
 *   apply, refused     a batch naming a node that is not there (E_NODE_NOT_FOUND): the planner
 *                      refuses it before the gate or the sandbox load
 *   apply, type error  a batch the gate refuses (E_TYPE): the planner, then TypeScript
 *   check              the whole compile gate over the app (Babel and TypeScript)
 *   validate, source   the same validate through tsx from the TypeScript sources, as bin ran it
 *                      before it shipped compiled JavaScript (and still does without the bundle)
 *
 * The bundle is built first (scripts/build-cli.js, well under a second), so the commands run what
 * `npm install` leaves. Runs are interleaved, one of each command in turn, so a busy moment of
 * the machine falls on all of them alike. Every run's exit code and output are checked: a command
 * that failed for another reason would measure nothing. Always exits 0 when the commands behave:
 * budgets are reported, not asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toAppFile } from '../../src/lib/model/appfile';
import { rootComponent } from '../../src/lib/model/types';
import { templateModel } from '../../src/lib/templates';
import { ms, printTable, summarize } from './measure';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The bin measured; CLI_BENCH_BIN names another (e.g. an older checkout's) to compare with. */
const BIN = process.env.CLI_BENCH_BIN ?? path.join(ROOT, 'bin/malleable.js');
/** Measured runs of each command (after one unmeasured run that warms the disk cache). */
const RUNS = Number(process.env.CLI_BENCH_RUNS ?? 10);
/** The from-source row takes seconds a run: fewer of them. */
const SOURCE_RUNS = Math.min(RUNS, 3);
const BUDGET_MS = 300;

/** One measured command line. */
interface Case {
  readonly name: string;
  readonly argv: readonly string[];
  /** The exit code and a piece of output every run must show. */
  readonly expect: { readonly code: number; readonly output: string };
  readonly runs?: number;
  readonly baseline?: boolean;
  /** Held to the budget: within BUDGET_MS of the baseline's median. */
  readonly budget?: boolean;
}

const started = performance.now();
execFileSync(process.execPath, ['scripts/build-cli.js'], { cwd: ROOT, stdio: 'inherit' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malleable-cli-bench-'));
const model = templateModel('todo');
fs.writeFileSync(path.join(dir, 'todo.json'), JSON.stringify(toAppFile(model), null, 2));
fs.writeFileSync(
  path.join(dir, 'missing-node.json'),
  JSON.stringify([{ op: 'setProp', id: 'nothere', name: 'text', value: 'x' }])
);
fs.writeFileSync(
  path.join(dir, 'type-error.json'),
  JSON.stringify([
    {
      op: 'setHandler',
      component: rootComponent(model)!.name,
      name: 'broken',
      body: 'state.draft = state.draft.length;'
    }
  ])
);
// bin/malleable.js as it was before the bundle (and as it is without one): tsx, then the sources.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const main = pathToFileURL(path.join(ROOT, 'src/lib/cli/main.ts')).href;
fs.writeFileSync(
  path.join(dir, 'from-source.mjs'),
  `const { main } = await import(${JSON.stringify(main)});\n` +
    `process.exitCode = await main(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), ` +
    `stderr: (t) => process.stderr.write(t), cwd: process.cwd() });\n`
);

const CASES: Case[] = [
  { name: 'node -e 0', argv: ['-e', '0'], expect: { code: 0, output: '' }, baseline: true },
  { name: '--version', argv: [BIN, '--version'], expect: { code: 0, output: '.' } },
  {
    name: 'validate',
    argv: [BIN, 'validate', 'todo.json'],
    expect: { code: 0, output: 'is valid' },
    budget: true
  },
  {
    name: 'apply, refused',
    argv: [BIN, 'apply', 'todo.json', 'missing-node.json'],
    expect: { code: 1, output: 'E_NODE_NOT_FOUND' },
    budget: true
  },
  {
    name: 'apply, type error',
    argv: [BIN, 'apply', 'todo.json', 'type-error.json'],
    expect: { code: 1, output: 'E_TYPE' }
  },
  {
    name: 'check',
    argv: [BIN, 'check', 'todo.json'],
    expect: { code: 0, output: 'passes the compile gate' }
  },
  {
    name: 'validate, source (tsx)',
    argv: ['--import', tsx, 'from-source.mjs', 'validate', 'todo.json'],
    expect: { code: 0, output: 'is valid' },
    runs: SOURCE_RUNS
  }
];

/** Runs one command line to its end; its wall time in milliseconds. */
function timed(c: Case): number {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, c.argv, { cwd: dir, encoding: 'utf8' });
  const wall = performance.now() - t0;
  const output = result.stdout + result.stderr;
  if (result.status !== c.expect.code || !output.includes(c.expect.output))
    throw new Error(`${c.name}: exit ${result.status}, expected ${c.expect.code}:\n${output}`);
  return wall;
}

const times = new Map<Case, number[]>(CASES.map((c) => [c, []]));
for (const c of CASES) timed(c);
for (let i = 0; i < RUNS; i++)
  for (const c of CASES) if (i < (c.runs ?? RUNS)) times.get(c)!.push(timed(c));
fs.rmSync(dir, { recursive: true, force: true });

const base = summarize(times.get(CASES.find((c) => c.baseline)!)!);
console.log(
  `\nCLI start-up: cold wall time of one command, a new process each run ` +
    `(${os.cpus().length} cores, Node ${process.version})\n`
);
printTable(
  ['command', 'runs', 'median', 'p95', 'median − node', 'ratio', 'budget'],
  CASES.map((c) => {
    const s = summarize(times.get(c)!);
    const over = s.median - base.median;
    return [
      c.name + (c.baseline ? ' (baseline)' : ''),
      String(s.runs),
      ms(s.median),
      ms(s.p95),
      c.baseline ? '' : `+${ms(over)}`,
      `${(s.median / base.median).toFixed(1)}×`,
      c.budget ? `${over <= BUDGET_MS ? 'ok' : 'OVER'} (< +${BUDGET_MS} ms)` : ''
    ];
  })
);
console.log(`\nTotal CLI bench time ${((performance.now() - started) / 1000).toFixed(1)} s`);
