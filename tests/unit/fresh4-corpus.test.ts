/**
 * The fourth fresh corpus (tests/fixtures/ai-offline/fresh4.json) is well-formed: enough cases,
 * each on a real template with a request and an expected outcome, every change case with at least
 * one check, every unsafe case expecting a refusal, and every check naming element types, props,
 * style keys and enum values that exist in the schemas, with regexes that compile. Shape only: the
 * corpus is scored by `npx tsx tests/bench/held-out.ts --file tests/fixtures/ai-offline/fresh4.json`,
 * not here. The validator itself lives in corpus-shape.ts, shared with the other corpora.
 */
import { describe, expect, it } from 'vitest';
import corpus from '../fixtures/ai-offline/fresh4.json' with { type: 'json' };
import { checkProblems, describeCorpusShape, type Corpus } from './corpus-shape';

describeCorpusShape('the fourth fresh corpus', corpus as unknown as Corpus, {
  cases: 60,
  changesPerTemplate: 8,
  refusals: 5,
  questions: 4,
  unsafe: 5
});

describe('the corpus validator', () => {
  it('catches a misspelt check: the validator is not a rubber stamp', () => {
    expect(checkProblems({ node: { type: 'Buton' }, prop: 'label', is: 'x' }, 'a')).not.toEqual([]);
    expect(checkProblems({ node: { type: 'Button' }, prop: 'colour', is: 'x' }, 'b')).not.toEqual(
      []
    );
    expect(
      checkProblems({ node: { type: 'Button' }, prop: 'variant', is: 'green' }, 'c')
    ).not.toEqual([]);
    expect(
      checkProblems({ node: { type: 'Text' }, prop: 'style.shade', is: 'x' }, 'd')
    ).not.toEqual([]);
    expect(checkProblems({ anyHandlerOrExprMatches: '(' }, 'e')).not.toEqual([]);
    expect(checkProblems({ nod: { type: 'Text' } }, 'f')).not.toEqual([]);
  });
});
