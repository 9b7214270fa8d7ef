/**
 * The last, untouched part of the held-out corpus (tests/fixtures/ai-offline/last.json) is well
 * formed, as tests/unit/final-corpus.test.ts checks final.json: every case has a known template and
 * outcome, every regex compiles and every check runs on its template, no change case already holds
 * on the unchanged template, no request repeats one of the three earlier parts, hand-written correct
 * batches for the harder cases pass their checks and hand-written wrong or partial batches fail
 * them. The planner is not run here: tests/bench/held-out.ts --file scores it.
 */
import { describe, expect, it } from 'vitest';
import { loadCases } from '../bench/held-out';
import { itJudgesBatches, itRunsEveryCheck } from './corpus-parts';
import { TEMPLATE_NAMES } from '../../src/lib/templates';
import { CORRECT } from './last-corpus-correct';
import { SIMPLE, WRONG } from './last-corpus-wrong';

const cases = loadCases('tests/fixtures/ai-offline/last.json');

describe('last corpus', () => {
  it('has at least 50 cases over every template, 8 of them unsafe refusals', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.template))).toEqual(new Set(TEMPLATE_NAMES));
    expect(cases.filter((c) => c.unsafe && c.expect === 'refusal').length).toBeGreaterThanOrEqual(
      8
    );
    expect(new Set(cases.map((c) => c.request)).size).toBe(cases.length);
  });

  it('shares no request with the earlier parts', async () => {
    const { readFileSync } = await import('node:fs');
    const earlier = ['held-out', 'untouched', 'final'].flatMap((f) =>
      (
        JSON.parse(readFileSync(`tests/fixtures/ai-offline/${f}.json`, 'utf8')) as {
          cases: { request: string }[];
        }
      ).cases.map((c) => c.request.toLowerCase())
    );
    expect(cases.filter((c) => earlier.includes(c.request.toLowerCase()))).toEqual([]);
  });

  itRunsEveryCheck(cases);

  it('has correct batches for at least 12 cases, wrong ones for at least 8', () => {
    expect(Object.keys(CORRECT).length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(WRONG).length).toBeGreaterThanOrEqual(8);
  });

  itJudgesBatches(cases, { correct: { ...CORRECT, ...SIMPLE }, wrong: WRONG });
});
