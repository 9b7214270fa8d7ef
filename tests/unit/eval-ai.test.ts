/**
 * `npm run eval:ai` runs in CI against the local fake Messages API (issue 15): spawned as a
 * person would run it, with no API key in its environment, it must print the per-request table
 * and the figures (first-answer validity, validity after repairs, repairs per turn, tokens per
 * turn, time), with numbers that add up for the scripted corpus: some first answers refused and
 * repaired, every turn ending as the corpus expects.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import corpus from '../fixtures/ai-eval/corpus.json';

const run = promisify(execFile);

describe('npm run eval:ai', () => {
  it('prints the figures for the corpus against the fake API', { timeout: 90_000 }, async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.ANTHROPIC_API_KEY;
    delete env.ANTHROPIC_BASE_URL;
    const { stdout } = await run('npm', ['run', '--silent', 'eval:ai', '--', '--json'], {
      env,
      timeout: 80_000
    });
    const requests = corpus.requests.length;
    expect(stdout).toContain(`eval:ai: ${requests} requests against the local fake Messages API`);
    for (const figure of [
      'first-answer validity',
      'validity after repairs',
      'repairs per turn',
      'tokens per turn',
      'time per turn'
    ])
      expect(stdout).toMatch(new RegExp(`^\\| ${figure} \\| .+ \\|$`, 'm'));
    const rows = stdout.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    expect(rows).toHaveLength(requests);

    const json = stdout.split('\n').find((line) => line.startsWith('EVAL_AI_JSON '))!;
    const summary = JSON.parse(json.slice('EVAL_AI_JSON '.length)) as Record<string, number>;
    expect(summary.turns).toBe(requests);
    // The scripted corpus: every turn ends as expected, and the first answers the fake plays
    // wrong on purpose are refused by the checks and repaired.
    const scriptedRepairs = corpus.requests.filter((r) => r.fake.length > 1).length;
    expect(scriptedRepairs).toBeGreaterThanOrEqual(5);
    expect(summary.validAfterRepairs).toBe(requests);
    expect(summary.asExpected).toBe(requests);
    expect(summary.firstAnswerValid).toBe(requests - scriptedRepairs);
    expect(summary.repairsPerTurn).toBeCloseTo(scriptedRepairs / requests, 2);
    // Tokens as the fake estimates them from each request, with prompt caching: the system
    // prompt and the tool schema are served from the cache after the first call.
    expect(summary.inputTokensPerTurn).toBeGreaterThan(100);
    expect(summary.outputTokensPerTurn).toBeGreaterThan(10);
    expect(summary.cacheReadTokensPerTurn).toBeGreaterThan(summary.inputTokensPerTurn);
    expect(summary.cacheWriteTokensPerTurn).toBeGreaterThan(0);
    // A repaired turn sends more than a one-call turn (the refused attempt and its errors).
    const cells = rows.map((row) => row.split('|').map((cell) => cell.trim()));
    const inputOf = (calls: string) =>
      Math.min(...cells.filter((c) => c[2] === 'todo' && c[6] === calls).map((c) => Number(c[8])));
    expect(inputOf('2')).toBeGreaterThan(inputOf('1'));
    expect(summary.medianMs).toBeGreaterThan(0);
    expect(summary.medianMs).toBeLessThan(5_000);
    expect(summary.totalMs).toBeLessThan(30_000);
    // The handler stage of the dry run is among the refusals the repairs fixed.
    expect(stdout).toMatch(/\| proposal \| yes \| 2 \| E_HANDLER_CHECK_RUNAWAY \|/);
    expect(stdout).toMatch(/\| proposal \| yes \| 2 \| E_HANDLER_CHECK_STATE_TYPE \|/);
  });
});
