/**
 * The tenth fresh corpus (tests/fixtures/ai-offline/fresh10.json) is well-formed: at least 110
 * cases, at least 24 change cases on each of todo, counter and form and some on blank, at least 10
 * unsafe refusals and 8 questions, and every check naming element types, props, style keys and
 * enum values that exist (the validator of corpus-shape.ts). No change case's checks all hold on
 * the untouched template. The planner is not run: the corpus is scored by
 * `npx tsx tests/bench/held-out.ts --file tests/fixtures/ai-offline/fresh10.json`.
 */
import { describe, expect, it } from 'vitest';
import corpus from '../fixtures/ai-offline/fresh10.json' with { type: 'json' };
import { loadCases } from '../bench/held-out';
import { describeCorpusShape, type Corpus } from './corpus-shape';
import { itRunsEveryCheck } from './corpus-parts';

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

describe('the tenth fresh corpus checks', () => {
  const cases = loadCases(FILE);
  const changes = cases.filter((c) => c.expect === 'change');

  it('has at least 24 change cases on each of todo, counter and form', () => {
    for (const t of ['todo', 'counter', 'form'])
      expect(changes.filter((c) => c.template === t).length, t).toBeGreaterThanOrEqual(24);
  });

  itRunsEveryCheck(cases);
});
