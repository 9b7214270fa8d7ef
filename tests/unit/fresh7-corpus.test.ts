/**
 * The seventh fresh corpus (tests/fixtures/ai-offline/fresh7.json), written before its writer read
 * the planner's rules, is well-formed: at least 110 cases, at least 24 change cases on each of the
 * todo, counter and form templates and some on blank, at least 7 questions and 9 unsafe refusals,
 * with checks naming only element types, props, style keys and enum values that exist. Its checks
 * are fair: no change case's checks all hold on the untouched template, all hold on a hand-written
 * correct batch (and, where the checks accept alternatives, on a second one), and near-miss batches (the wrong element, half a request, words run together) fail
 * them. The planner is not run here: the corpus is scored by
 * `npx tsx tests/bench/held-out.ts --file tests/fixtures/ai-offline/fresh7.json`, once, at the end.
 */
import { describe, expect, it } from 'vitest';
import corpus from '../fixtures/ai-offline/fresh7.json' with { type: 'json' };
import { loadCases } from '../bench/held-out';
import { describeCorpusShape, type Corpus } from './corpus-shape';
import { itJudgesBatches, itRunsEveryCheck } from './corpus-parts';
import { CORRECT_TODO_COUNTER } from './fresh7-correct-a';
import { CORRECT_FORM } from './fresh7-correct-b';
import { CORRECT_BLANK } from './fresh7-correct-c';
import { NEAR_MISS } from './fresh7-near-miss';
import { ALSO_CORRECT } from './fresh7-also-correct';

const FILE = 'tests/fixtures/ai-offline/fresh7.json';
const CORRECT = { ...CORRECT_TODO_COUNTER, ...CORRECT_FORM, ...CORRECT_BLANK };

// describeCorpusShape asks the same least number of change cases of all four templates; blank has
// fewer by design, so the 24 asked of the other three is asserted below.
describeCorpusShape('the seventh fresh corpus', corpus as unknown as Corpus, {
  cases: 110,
  changesPerTemplate: 8,
  refusals: 9,
  questions: 7,
  unsafe: 9
});

describe('the seventh fresh corpus checks', () => {
  const cases = loadCases(FILE);
  const changes = cases.filter((c) => c.expect === 'change');
  const caseOf = (start: string) => cases.filter((c) => c.request.startsWith(start));

  it('has at least 24 change cases on each of todo, counter and form', () => {
    for (const t of ['todo', 'counter', 'form'])
      expect(changes.filter((c) => c.template === t).length, t).toBeGreaterThanOrEqual(24);
  });

  it('has no request twice', () => {
    const requests = cases.map((c) => c.request.toLowerCase());
    expect(new Set(requests).size).toBe(requests.length);
  });

  itRunsEveryCheck(cases);

  it('has one correct batch for every change case', () => {
    for (const start of Object.keys(CORRECT)) expect(caseOf(start), start).toHaveLength(1);
    const covered = new Set(Object.keys(CORRECT).map((s) => caseOf(s)[0]?.request));
    expect(changes.filter((c) => !covered.has(c.request)).map((c) => c.request)).toEqual([]);
  });

  it('has at least 6 near misses, each on a change case', () => {
    expect(Object.keys(NEAR_MISS).length).toBeGreaterThanOrEqual(6);
    for (const start of Object.keys(NEAR_MISS))
      expect(
        caseOf(start).map((c) => c.expect),
        start
      ).toEqual(['change']);
  });

  itJudgesBatches(cases, { correct: CORRECT, wrong: NEAR_MISS, byStart: true });
});

// A second right answer for the cases whose checks accept alternatives (another style key, another
// place, another way to write the logic): each must pass too.
describe('the seventh fresh corpus checks, on second right answers', () => {
  itJudgesBatches(loadCases(FILE), { correct: ALSO_CORRECT, byStart: true });
});
