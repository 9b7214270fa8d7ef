/**
 * `npm run eval:ai`: the Claude path on a corpus of requests (tests/fixtures/ai-eval/corpus.json),
 * through the real turn code (runTurn: the context, the streamed call with the real SDK, the
 * strict reading, the repair loop) and the real checker (planner, TypeScript compile gate,
 * sandbox dry run with the handler stage, in a child process), on the templates (seed 7 ids, the
 * ids the corpus names). Prints a row per request and the figures: first-answer validity,
 * validity after repairs, repairs per turn, tokens per turn, time per turn.
 *
 * Which API: the one the server would use (`ANTHROPIC_API_KEY`, `ANTHROPIC_BASE_URL`,
 * `MALLEABLE_MODEL`, claude.ts `assistantFromEnv`). With `--fake`, or with no key, it starts the
 * local fake Messages API of the tests (tests/fake-anthropic/server.ts) and plays each request's
 * scripted `fake` answers: a check of the machinery, not of a model, and the header says so.
 *
 * Options: `--fake`, `--json` (the summary as one JSON line after the tables), `--only N` (the
 * first N requests).
 */
import { performance } from 'node:perf_hooks';
import { assistantFromEnv, claudeClient } from '../../src/lib/ai/claude';
import { planChecker } from '../../src/lib/ai/check';
import { runTurn, type AssistEvent } from '../../src/lib/ai/turn';
import { CompileGate } from '../../src/lib/code/gate';
import { seededIds } from '../../src/lib/model/ids';
import type { AppModel } from '../../src/lib/model/types';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeProcessPort } from '../../src/lib/runtime/port';
import { templateModel } from '../../src/lib/templates';
import { startFakeAnthropic, type FakeResponse } from '../fake-anthropic/server';
import corpus from '../fixtures/ai-eval/corpus.json' with { type: 'json' };

/** One request of the corpus. */
interface EvalCase {
  readonly template: string;
  readonly message: string;
  readonly selection?: string;
  /** The outcome a good answer has. */
  readonly expect: 'proposal' | 'question' | 'refusal';
  /** What the fake plays for it (ignored against a real API). */
  readonly fake: readonly FakeResponse[];
}

/** How one turn went. */
export interface TurnRow {
  readonly n: number;
  readonly template: string;
  readonly message: string;
  readonly outcome: AssistEvent['type'];
  readonly expected: boolean;
  /** Calls made (answers received); repairs are calls - 1. */
  readonly calls: number;
  readonly firstValid: boolean;
  readonly input: number;
  readonly cacheRead: number;
  readonly cacheWrite: number;
  readonly output: number;
  readonly ms: number;
  /** The codes sent back for repair, in order. */
  readonly repairedFor: string[];
}

/** The figures of a run. */
export interface EvalSummary {
  readonly api: string;
  readonly model: string;
  readonly turns: number;
  readonly firstAnswerValid: number;
  readonly validAfterRepairs: number;
  readonly asExpected: number;
  readonly repairsPerTurn: number;
  readonly maxRepairs: number;
  readonly inputTokensPerTurn: number;
  readonly cacheReadTokensPerTurn: number;
  readonly cacheWriteTokensPerTurn: number;
  readonly outputTokensPerTurn: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly totalMs: number;
}

const args = process.argv.slice(2);
const only = args.includes('--only') ? Number(args[args.indexOf('--only') + 1]) : undefined;
const cases = (corpus.requests as EvalCase[]).slice(0, only);

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / (values.length || 1);
const pct = (a: number, b: number) => `${a}/${b} (${Math.round((100 * a) / (b || 1))}%)`;
const round = (n: number, digits = 0) => Number(n.toFixed(digits));

async function main(): Promise<void> {
  const env = assistantFromEnv();
  const useFake = args.includes('--fake') || env.kind === 'offline';
  const fake = useFake ? await startFakeAnthropic([], { tokens: 'estimate' }) : undefined;
  const client =
    env.kind === 'claude' && !fake
      ? env.client
      : claudeClient({ apiKey: 'sk-fake-eval', baseURL: fake!.url, maxRetries: 0 });
  const modelName = env.kind === 'claude' && !fake ? env.modelName : 'claude-fake';
  const api = fake
    ? `the local fake Messages API (tests/fake-anthropic/server.ts, scripted answers, not a model${env.kind === 'offline' ? '; ANTHROPIC_API_KEY is not set' : ''})`
    : (process.env.ANTHROPIC_BASE_URL?.trim() ?? 'https://api.anthropic.com');

  const gate = new CompileGate();
  const host = new SandboxHost({ port: () => nodeProcessPort(), spare: false });
  const models = new Map<string, AppModel>();
  const rows: TurnRow[] = [];
  const started = performance.now();
  try {
    for (const [i, c] of cases.entries()) {
      let model = models.get(c.template);
      if (!model) models.set(c.template, (model = templateModel(c.template, seededIds(7))));
      const checker = planChecker(model, {
        verify: gate.verifier(),
        sandbox: host.sandboxChecks()
      });
      if (fake) fake.play(c.fake);
      const usage = { calls: 0, input: 0, cacheRead: 0, cacheWrite: 0, output: 0 };
      const repairedFor: string[] = [];
      let last: AssistEvent | undefined;
      const t0 = performance.now();
      for await (const event of runTurn(
        { model, message: c.message, selection: c.selection ?? null },
        {
          client,
          modelName,
          check: async (ops) => {
            const verdict = await checker.check(ops);
            if (!verdict.ok) repairedFor.push(...new Set(verdict.errors.map((e) => e.code)));
            return verdict;
          },
          onUsage: (u) => {
            usage.calls++;
            usage.input += u.input;
            usage.cacheRead += u.cacheRead;
            usage.cacheWrite += u.cacheWrite;
            usage.output += u.output;
          }
        }
      ))
        last = event;
      const outcome = last?.type ?? 'failed';
      // The first answer was valid when the turn ended on it: a batch that passed every check,
      // or a question or refusal (a well-formed answer that proposes nothing).
      const firstValid = outcome !== 'failed' && usage.calls === 1;
      rows.push({
        n: i + 1,
        template: c.template,
        message: c.message,
        outcome,
        expected: outcome === c.expect,
        calls: usage.calls,
        firstValid,
        input: usage.input,
        cacheRead: usage.cacheRead,
        cacheWrite: usage.cacheWrite,
        output: usage.output,
        ms: performance.now() - t0,
        repairedFor
      });
    }
  } finally {
    await host.dispose();
    gate.dispose();
    await fake?.close();
  }
  const totalMs = performance.now() - started;

  const ms = rows.map((r) => r.ms);
  const summary: EvalSummary = {
    api,
    model: modelName,
    turns: rows.length,
    firstAnswerValid: rows.filter((r) => r.firstValid).length,
    validAfterRepairs: rows.filter((r) => r.outcome !== 'failed').length,
    asExpected: rows.filter((r) => r.expected).length,
    repairsPerTurn: round(mean(rows.map((r) => Math.max(0, r.calls - 1))), 2),
    maxRepairs: Math.max(0, ...rows.map((r) => r.calls - 1)),
    inputTokensPerTurn: Math.round(mean(rows.map((r) => r.input))),
    cacheReadTokensPerTurn: Math.round(mean(rows.map((r) => r.cacheRead))),
    cacheWriteTokensPerTurn: Math.round(mean(rows.map((r) => r.cacheWrite))),
    outputTokensPerTurn: Math.round(mean(rows.map((r) => r.output))),
    medianMs: Math.round(quantile(ms, 0.5)),
    p90Ms: Math.round(quantile(ms, 0.9)),
    totalMs: Math.round(totalMs)
  };

  const lines = [
    `eval:ai: ${rows.length} requests against ${api}, model ${modelName}`,
    '',
    '| # | template | request | outcome | as expected | calls | repaired for | input tok | cache read | output tok | ms |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.n} | ${r.template} | ${r.message.slice(0, 60)} | ${r.outcome} | ${r.expected ? 'yes' : 'no'} | ${r.calls} | ${r.repairedFor.join(' ') || '-'} | ${r.input} | ${r.cacheRead} | ${r.output} | ${Math.round(r.ms)} |`
    ),
    '',
    '| figure | value |',
    '|---|---|',
    `| first-answer validity | ${pct(summary.firstAnswerValid, summary.turns)} |`,
    `| validity after repairs | ${pct(summary.validAfterRepairs, summary.turns)} |`,
    `| outcome as expected | ${pct(summary.asExpected, summary.turns)} |`,
    `| repairs per turn | ${summary.repairsPerTurn} (max ${summary.maxRepairs}) |`,
    `| tokens per turn | ${summary.inputTokensPerTurn} input and ${summary.cacheReadTokensPerTurn} read from the cache (${summary.cacheWriteTokensPerTurn} written to it), ${summary.outputTokensPerTurn} output |`,
    `| time per turn | median ${summary.medianMs} ms, p90 ${summary.p90Ms} ms |`,
    `| total time | ${summary.totalMs} ms |`
  ];
  console.log(lines.join('\n'));
  if (args.includes('--json')) console.log(`EVAL_AI_JSON ${JSON.stringify(summary)}`);
}

main().catch((e: unknown) => {
  console.error(`eval:ai failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
