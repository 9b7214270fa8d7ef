/**
 * The sixth fresh corpus (tests/fixtures/ai-offline/fresh6.json) is well-formed: at least 110
 * cases, at least 24 change cases on each of todo, counter and form and some on blank, at least 7
 * questions and 9 unsafe refusals, and every check naming element types, props, style keys and
 * enum values that exist, with regexes that compile (the validator of corpus-shape.ts). Its checks
 * are fair: none of a change case's checks all hold on the untouched template, all hold on a
 * hand-written correct batch (fresh6-correct-*.ts), and near-miss batches (the wrong element, half
 * the request, new text run into the old) fail them, so the checks can fail. The planner is not
 * run: the corpus is scored by `npx tsx tests/bench/held-out.ts --file
 * tests/fixtures/ai-offline/fresh6.json`.
 */
import { describe, expect, it } from 'vitest';
import corpus from '../fixtures/ai-offline/fresh6.json' with { type: 'json' };
import { loadCases } from '../bench/held-out';
import { describeCorpusShape, type Corpus } from './corpus-shape';
import { itJudgesBatches, itRunsEveryCheck } from './corpus-parts';
import { id, index, parent, root, type Batch } from './corpus-batch';
import { CORRECT_TODO } from './fresh6-correct-a';
import { CORRECT_COUNTER } from './fresh6-correct-b';
import { CORRECT_BLANK, CORRECT_FORM } from './fresh6-correct-c';
import { ALSO_CORRECT } from './fresh6-also-correct';

// Blank has fewer change cases than the others by design; the per-template floor of the shared
// shape test is the blank one, and the brief's floor of 24 for the other three is asserted below.
describeCorpusShape('the sixth fresh corpus', corpus as unknown as Corpus, {
  cases: 110,
  changesPerTemplate: 10,
  refusals: 9,
  questions: 7,
  unsafe: 9
});

const FILE = 'tests/fixtures/ai-offline/fresh6.json';
const CORRECT = { ...CORRECT_TODO, ...CORRECT_COUNTER, ...CORRECT_FORM, ...CORRECT_BLANK };

/**
 * Plausible wrong answers, each a near miss of a right one: a check that let one of these pass
 * would measure nothing.
 */
const WRONG: Readonly<Record<string, Batch>> = {
  // The right button, wired to the handler that was already there.
  'add a clear all button': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Clear done')),
      type: 'Button',
      props: { label: 'Clear all', onClick: { $handler: 'clearDone' } }
    }
  ],
  // The wrong element: the footer's button renamed instead of the row's.
  'the delete button should say Remove': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Clear done'), name: 'label', value: 'Remove' }
  ],
  // Half the request: only Name goes into a row, Email stays below it.
  'put name and email side by side': (m) => {
    const name = id(m, 'TextInput', 'Name');
    return [
      {
        op: 'addNode',
        parent: parent(m, name),
        index: 0,
        type: 'Stack',
        id: 'pair',
        props: { direction: 'horizontal' }
      },
      { op: 'moveNode', id: name, parent: 'pair' }
    ];
  },
  // Text run together: the new words appended to the old thank-you text.
  'after they send it should say Thanks': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Text'),
      name: 'text',
      value: {
        $expr:
          "'Thanks, ' + state.name + '! We will write to ' + state.email + '. Thanks, we\\'ll call you back'"
      }
    }
  ],
  // Labels swapped, handlers left: the button that now reads + still counts down.
  'swap plus and minus around': (m) => [
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'label', value: '−' },
    { op: 'setProp', id: id(m, 'Button', '−'), name: 'label', value: '+' }
  ],
  // The guard on the wrong handler: counting up stops at zero, counting down does not.
  'dont let it go under zero': () => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'increment',
      body: 'if (state.count < 0) return;\nstate.count += state.step;'
    }
  ],
  // Hiding by deleting: the done items are gone from the data instead of from the view.
  'hide the ones that are done': () => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'items',
      type: { array: { object: { id: 'number', title: 'string', done: 'boolean' } } },
      migrate: 'value.filter((x) => !x.done)',
      initial: [{ id: 2, title: 'Reshape this app', done: false }]
    }
  ],
  // Both Send buttons renamed, the one after sending included.
  'change Send to Send request': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Send'), name: 'label', value: 'Send request' },
    { op: 'setProp', id: id(m, 'Button', 'Send another'), name: 'label', value: 'Send request' }
  ],
  // Made required when the owner said optional.
  'add a company field, its optional': (m) => [
    {
      op: 'addState',
      component: 'App',
      name: 'company',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'TextInput', 'Name')),
      index: 2,
      type: 'TextInput',
      props: { label: 'Company', value: { $bind: 'company' } }
    },
    {
      op: 'setProp',
      id: id(m, 'Button', 'Send'),
      name: 'disabled',
      value: { $expr: "!state.name.trim() || !state.email.includes('@') || !state.company.trim()" }
    }
  ],
  // The three services run together into one option.
  'add a dropdown for what service they want': (m) => [
    {
      op: 'addState',
      component: 'App',
      name: 'service',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'TextInput', 'Name')),
      index: 2,
      type: 'Select',
      props: { options: ['repair, install, quote'], value: { $bind: 'service' } }
    }
  ],
  // Stacked, not side by side.
  'two buttons side by side, Yes and No': (m) => [
    { op: 'addNode', parent: root(m), type: 'Button', props: { label: 'Yes' } },
    { op: 'addNode', parent: root(m), type: 'Button', props: { label: 'No' } }
  ],
  // Only the label says so: the Send button still lets an empty message through.
  'make message required': (m) => [
    { op: 'setProp', id: id(m, 'TextArea'), name: 'label', value: 'Message (required)' }
  ],
  // The counter goes above the message box, not under it.
  'character counter under the message box': (m) => {
    const message = id(m, 'TextArea');
    return [
      {
        op: 'addNode',
        parent: parent(m, message),
        index: index(m, message),
        type: 'Text',
        props: { text: { $expr: "state.message.length + ' characters'" } }
      }
    ];
  }
};

describe('the sixth fresh corpus checks', () => {
  const cases = loadCases(FILE);
  const changes = cases.filter((c) => c.expect === 'change');
  const caseOf = (start: string) => cases.filter((c) => c.request.startsWith(start));

  it('has at least 24 change cases on each list and form template and some on blank', () => {
    for (const t of ['todo', 'counter', 'form'])
      expect(changes.filter((c) => c.template === t).length, t).toBeGreaterThanOrEqual(24);
    expect(changes.filter((c) => c.template === 'blank').length).toBeGreaterThanOrEqual(10);
  });

  itRunsEveryCheck(cases);

  it('has one correct batch for every change case', () => {
    for (const start of Object.keys(CORRECT)) expect(caseOf(start), start).toHaveLength(1);
    const covered = new Set(Object.keys(CORRECT).map((s) => caseOf(s)[0]?.request));
    expect(changes.filter((c) => !covered.has(c.request)).map((c) => c.request)).toEqual([]);
  });

  it('has a near-miss batch only for change cases', () => {
    expect(Object.keys(WRONG).length).toBeGreaterThanOrEqual(6);
    for (const start of Object.keys(WRONG)) expect(caseOf(start)[0]?.expect, start).toBe('change');
  });

  itJudgesBatches(cases, { correct: CORRECT, wrong: WRONG, byStart: true });
});

describe('the sixth fresh corpus checks let the other right answers through', () => {
  itJudgesBatches(loadCases(FILE), { correct: ALSO_CORRECT, byStart: true });
});
