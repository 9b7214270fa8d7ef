/**
 * The eighth fresh corpus (tests/fixtures/ai-offline/fresh8.json) is well-formed: at least 110
 * cases, at least 24 change cases on each of todo, counter and form and some on blank, at least 9
 * unsafe refusals and 7 questions, every check naming element types, props, style keys and enum
 * values that exist. Its checks are fair: no change case's checks all hold on the untouched
 * template, all hold on a hand-written correct batch, and plausible wrong answers (the wrong
 * element, half the request, words run together) fail them. The planner is not run here: the
 * corpus is kept untouched for the final figure.
 */
import { describe, expect, it } from 'vitest';
import corpus from '../fixtures/ai-offline/fresh8.json' with { type: 'json' };
import { loadCases } from '../bench/held-out';
import { describeCorpusShape, type Corpus } from './corpus-shape';
import { itJudgesBatches, itRunsEveryCheck } from './corpus-parts';
import { id, parent, type Batch } from './corpus-batch';
import { CORRECT_TODO, leftCount } from './fresh8-correct-a';
import { CORRECT_COUNTER } from './fresh8-correct-b';
import { CORRECT_BLANK, CORRECT_FORM } from './fresh8-correct-c';

describeCorpusShape('the eighth fresh corpus', corpus as unknown as Corpus, {
  cases: 110,
  changesPerTemplate: 5,
  refusals: 9,
  questions: 7,
  unsafe: 9
});

const FILE = 'tests/fixtures/ai-offline/fresh8.json';
const CORRECT = { ...CORRECT_TODO, ...CORRECT_COUNTER, ...CORRECT_FORM, ...CORRECT_BLANK };

/** Plausible wrong answers: each must fail at least one check of its case. */
const NEAR_MISSES: Readonly<Record<string, Batch>> = {
  // The words run together: the heading takes the whole sentence.
  'The writing that says Todo': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Heading', 'Todo'),
      name: 'text',
      value: 'Garden jobs please'
    }
  ],
  // Half the request: the plus button is green, the minus button left alone.
  'Could the plus button be green and the minus button red': (m) => [
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'style', value: { background: 'success' } }
  ],
  // The wrong element: the Clear done button is made green instead of Add.
  'Please make the Add button green': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Button', 'Clear done'),
      name: 'style',
      value: { background: 'success' }
    }
  ],
  // A button with the right label and no real action (it only clears the done ones).
  'Could you please put a button next to the Clear done': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Clear done')),
      type: 'Button',
      props: { label: 'Clear all', onClick: { $handler: 'clearDone' } }
    }
  ],
  // A text change where a field rename was asked: the data keeps its old name.
  'Please rename the Name field to Full name': (m) => [
    { op: 'setProp', id: id(m, 'TextInput', 'Name'), name: 'label', value: 'Full name' }
  ],
  // The option list taken from the raw words.
  'Please add a dropdown for which plot': (m) => [
    { op: 'addState', component: 'App', name: 'plot', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Send')),
      index: 4,
      type: 'Select',
      props: {
        label: 'Plot',
        options: ['North beds, South beds or the Greenhouse'],
        value: { $bind: 'plot' }
      }
    }
  ],
  // Everything right-aligned, not just the Send button.
  'Could the Send button sit over on the right': (m) => [
    { op: 'setProp', id: parent(m, id(m, 'Button', 'Send')), name: 'align', value: 'end' }
  ],
  // The wrong count removed: the Nothing-to-do text goes, the count stays.
  'Could you take out the count at the bottom': (m) => [
    { op: 'removeNode', id: id(m, 'Text', 'Nothing to do yet.') }
  ],
  // The count text rewritten to say the same thing in other words.
  'Could the count at the bottom say how many are done': (m) => [
    {
      op: 'setProp',
      id: leftCount(m),
      name: 'text',
      value: { $expr: "'Still ' + state.items.filter((x) => !x.done).length + ' left'" }
    }
  ],
  // Only the label changes; the button stays after the box.
  'Please change the Add button so it says Add job': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Add'), name: 'label', value: 'Add job' }
  ]
};

describe('the eighth fresh corpus checks', () => {
  const cases = loadCases(FILE);
  const changes = cases.filter((c) => c.expect === 'change');
  const caseOf = (start: string) => cases.filter((c) => c.request.startsWith(start));

  itRunsEveryCheck(cases);

  it('has at least 24 change cases on each of todo, counter and form', () => {
    for (const t of ['todo', 'counter', 'form'])
      expect(changes.filter((c) => c.template === t).length, t).toBeGreaterThanOrEqual(24);
  });

  it('has one correct batch for every change case', () => {
    for (const start of Object.keys(CORRECT)) expect(caseOf(start), start).toHaveLength(1);
    const covered = new Set(Object.keys(CORRECT).map((s) => caseOf(s)[0]?.request));
    expect(changes.filter((c) => !covered.has(c.request)).map((c) => c.request)).toEqual([]);
  });

  itJudgesBatches(cases, { correct: CORRECT, wrong: NEAR_MISSES, byStart: true });
});
