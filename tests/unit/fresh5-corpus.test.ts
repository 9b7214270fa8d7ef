/**
 * The fifth fresh corpus (tests/fixtures/ai-offline/fresh5.json) is well-formed: at least 100
 * cases, at least 20 change cases on each template, at least 6 unsafe refusals and 6 questions,
 * and every check naming element types, props, style keys and enum values that exist, with regexes
 * that compile (the validator of corpus-shape.ts). Shape only: the corpus is scored by
 * `npx tsx tests/bench/held-out.ts --file tests/fixtures/ai-offline/fresh5.json`, not here.
 */
import corpus from '../fixtures/ai-offline/fresh5.json' with { type: 'json' };
import { describeCorpusShape, type Corpus } from './corpus-shape';

describeCorpusShape('the fifth fresh corpus', corpus as unknown as Corpus, {
  cases: 100,
  changesPerTemplate: 20,
  refusals: 8,
  questions: 6,
  unsafe: 6
});
