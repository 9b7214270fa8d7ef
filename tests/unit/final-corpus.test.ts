/**
 * The final, untouched part of the held-out corpus (tests/fixtures/ai-offline/final.json) is well
 * formed, the same way tests/unit/untouched-corpus.test.ts checks the second part: every case has a
 * known template and outcome, every regex compiles and every check runs on its template, no change
 * case already holds on the unchanged template, hand-written correct batches for the harder cases
 * pass their checks (a check that fails a correct result would call a right change wrong), and
 * hand-written wrong or partial batches fail them (a check that passes a wrong result measures
 * nothing). The planner is not run here: tests/bench/held-out.ts --file scores it.
 */
import { describe, expect, it } from 'vitest';
import { loadCases } from '../bench/held-out';
import { itJudgesBatches, itRunsEveryCheck } from './corpus-parts';
import { TEMPLATE_NAMES } from '../../src/lib/templates';
import { CORRECT } from './final-corpus-correct';
import { SIMPLE, WRONG } from './final-corpus-simple';

const cases = loadCases('tests/fixtures/ai-offline/final.json');

describe('final corpus', () => {
  it('has at least 45 cases over every template, 8 of them unsafe refusals', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    expect(new Set(cases.map((c) => c.template))).toEqual(new Set(TEMPLATE_NAMES));
    expect(cases.filter((c) => c.unsafe && c.expect === 'refusal').length).toBeGreaterThanOrEqual(
      8
    );
    expect(new Set(cases.map((c) => c.request)).size).toBe(cases.length);
  });

  it('shares no request with the earlier parts', async () => {
    const { readFileSync } = await import('node:fs');
    const earlier = ['held-out', 'untouched'].flatMap((f) =>
      (
        JSON.parse(readFileSync(`tests/fixtures/ai-offline/${f}.json`, 'utf8')) as {
          cases: { request: string }[];
        }
      ).cases.map((c) => c.request.toLowerCase())
    );
    expect(cases.filter((c) => earlier.includes(c.request.toLowerCase()))).toEqual([]);
  });

  itRunsEveryCheck(cases);

  it('has correct batches for at least 10 cases', () => {
    expect(Object.keys(CORRECT).length).toBeGreaterThanOrEqual(10);
  });

  itJudgesBatches(cases, { correct: { ...CORRECT, ...SIMPLE }, wrong: WRONG });
});
