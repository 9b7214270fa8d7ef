/**
 * The tenth fresh corpus (tests/fixtures/ai-offline/fresh10.json) is well-formed: at least 110
 * cases, at least 24 change cases on each of todo, counter and form and some on blank, at least 10
 * unsafe refusals and 8 questions, and every check naming element types, props, style keys and
 * enum values that exist (the validator of corpus-shape.ts). Its checks are fair: no change case's
 * checks all hold on the untouched template, all hold on a hand-written correct batch, and each
 * near-miss batch of fresh10-wrong.ts fails one; a second right answer to some cases
 * (fresh10-alternative.ts) passes too, so the anyOf groups accept what they name. The planner is not run: the corpus is scored by
 * `npx tsx tests/bench/held-out.ts --file tests/fixtures/ai-offline/fresh10.json`.
 */
import { describe, expect, it } from 'vitest';
import corpus from '../fixtures/ai-offline/fresh10.json' with { type: 'json' };
import { loadCases } from '../bench/held-out';
import { describeCorpusShape, type Corpus } from './corpus-shape';
import { itJudgesBatches, itRunsEveryCheck } from './corpus-parts';
import { CORRECT_TODO } from './fresh10-correct-a';
import { CORRECT_COUNTER } from './fresh10-correct-b';
import { CORRECT_FORM, CORRECT_BLANK } from './fresh10-correct-c';
import { WRONG } from './fresh10-wrong';
import { ALTERNATIVE } from './fresh10-alternative';

// describeCorpusShape asks the same least number of changes of all four templates; blank has
// fewer by design, so the 24 of the other three are asserted below.
describeCorpusShape('the tenth fresh corpus', corpus as unknown as Corpus, {
  cases: 110,
  changesPerTemplate: 10,
  refusals: 10,
  questions: 8,
  unsafe: 10
});

const FILE = 'tests/fixtures/ai-offline/fresh10.json';
const CORRECT = { ...CORRECT_TODO, ...CORRECT_COUNTER, ...CORRECT_FORM, ...CORRECT_BLANK };

describe('the tenth fresh corpus checks', () => {
  const cases = loadCases(FILE);
  const changes = cases.filter((c) => c.expect === 'change');
  const caseOf = (start: string) => cases.filter((c) => c.request.startsWith(start));

  it('has at least 24 change cases on each of todo, counter and form', () => {
    for (const t of ['todo', 'counter', 'form'])
      expect(changes.filter((c) => c.template === t).length, t).toBeGreaterThanOrEqual(24);
  });

  itRunsEveryCheck(cases);

  it('has one correct batch for every change case', () => {
    for (const start of Object.keys(CORRECT)) expect(caseOf(start), start).toHaveLength(1);
    const covered = new Set(Object.keys(CORRECT).map((s) => caseOf(s)[0]?.request));
    expect(changes.filter((c) => !covered.has(c.request)).map((c) => c.request)).toEqual([]);
  });

  it('has at least ten near-miss batches, each for a change case', () => {
    expect(Object.keys(WRONG).length).toBeGreaterThanOrEqual(10);
    for (const start of Object.keys(WRONG)) {
      expect(caseOf(start), start).toHaveLength(1);
      expect(caseOf(start)[0].expect, start).toBe('change');
    }
  });

  itJudgesBatches(cases, { correct: CORRECT, wrong: WRONG, byStart: true });
});

describe('the tenth fresh corpus, second right answers', () => {
  itJudgesBatches(loadCases(FILE), { correct: ALTERNATIVE, byStart: true });
});
