/**
 * The untouched part of the held-out corpus (tests/fixtures/ai-offline/untouched.json) is well
 * formed: every case has a known template and outcome, every regex compiles and every check runs on
 * its template, no case's checks already hold on the unchanged template (a check that passes
 * without a change measures nothing), and hand-written correct batches for the harder cases pass
 * their checks (a check that fails a correct result would call a right change wrong). The planner
 * is not run here: tests/bench/held-out.ts --file scores it.
 */
import { describe, expect, it } from 'vitest';
import { loadCases } from '../bench/held-out';
import { TEMPLATE_NAMES } from '../../src/lib/templates';
import type { AppModel, Op } from '../../src/lib/model/types';
import { itJudgesBatches, itRunsEveryCheck } from './corpus-parts';

const cases = loadCases('tests/fixtures/ai-offline/untouched.json');

const id = (m: AppModel, type: string, text?: string) =>
  [...m.nodes.values()].find(
    (x) => x.type === type && (text === undefined || Object.values(x.props).includes(text))
  )!.id;
/** Hand-written correct batches, keyed by request. */
const H: Record<string, (m: AppModel) => Op[]> = {
  "make the thank you message say Thanks! We'll be in touch.": (m) => [
    { op: 'setProp', id: id(m, 'Text'), name: 'text', value: "Thanks! We'll be in touch" }
  ],
  'add a clear all button': (m) => [
    { op: 'setHandler', component: 'App', name: 'clearAll', body: 'state.items = [];' },
    {
      op: 'addNode',
      parent: m.nodes.get(id(m, 'Button', 'Clear done'))!.parent!,
      type: 'Button',
      props: { label: 'Clear all', onClick: { $handler: 'clearAll' } }
    }
  ],
  'show how many todos there are in total': (m) => [
    {
      op: 'addNode',
      parent: m.nodes.get(id(m, 'Button', 'Clear done'))!.parent!,
      type: 'Text',
      props: { text: { $expr: "state.items.length + ' in total'" } }
    }
  ],
  'can you add a search box to filter the todos': (m) => [
    {
      op: 'addState',
      component: 'App',
      name: 'query',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: m.nodes.get(id(m, 'Each'))!.parent!,
      index: 1,
      type: 'TextInput',
      props: { value: { $bind: 'query' }, placeholder: 'Search' }
    },
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: {
        $expr:
          'state.items.filter((x) => x.title.toLowerCase().includes(state.query.toLowerCase()))'
      }
    }
  ],
  'rename title to text in the todo data': (m) =>
    [
      {
        op: 'retypeState',
        component: 'App',
        name: 'items',
        type: { array: { object: { id: 'number', text: 'string', done: 'boolean' } } },
        migrate: 'value.map((x) => ({ id: x.id, text: x.title, done: x.done }))'
      },
      { op: 'setProp', id: id(m, 'Checkbox'), name: 'label', value: { $expr: 'item.text' } },
      {
        op: 'setHandler',
        component: 'App',
        name: 'addItem',
        body: "const text = state.draft.trim();\nif (!text) return;\nstate.items.push({ id: state.nextId, text, done: false });\nstate.nextId += 1;\nstate.draft = '';"
      }
    ] as Op[],
  'put the clear done button on the left of the count': (m) => [
    {
      op: 'moveNode',
      id: id(m, 'Button', 'Clear done'),
      parent: m.nodes.get(id(m, 'Button', 'Clear done'))!.parent!,
      index: 0
    }
  ],
  'add a filter dropdown with All, Active and Done': (m) => [
    {
      op: 'addState',
      component: 'App',
      name: 'show',
      type: 'string',
      initial: 'All',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: m.nodes.get(id(m, 'Each'))!.parent!,
      index: 1,
      type: 'Select',
      props: { value: { $bind: 'show' }, options: ['All', 'Active', 'Done'] }
    },
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: {
        $expr:
          "state.items.filter((x) => state.show === 'All' || (state.show === 'Done') === x.done)"
      }
    }
  ],
  'dont let the count go below zero': () => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'decrement',
      body: 'state.count = Math.max(0, state.count - state.step);'
    }
  ],
  'put the slider above the buttons': (m) => [
    { op: 'moveNode', id: id(m, 'Slider'), parent: id(m, 'Card'), index: 1 }
  ],
  'swap the minus and plus buttons': (m) => [
    {
      op: 'moveNode',
      id: id(m, 'Button', '+'),
      parent: m.nodes.get(id(m, 'Button', '+'))!.parent!,
      index: 0
    }
  ],
  'add a character counter under the message': (m) => [
    {
      op: 'addNode',
      parent: m.nodes.get(id(m, 'TextArea'))!.parent!,
      index: 3,
      type: 'Text',
      props: { text: { $expr: "state.message.length + ' characters'" }, size: 'sm', tone: 'muted' }
    }
  ],
  'add a Clear button that empties all the fields': (m) => [
    {
      op: 'addNode',
      parent: m.nodes.get(id(m, 'Button', 'Send'))!.parent!,
      type: 'Button',
      props: { label: 'Clear', variant: 'ghost', onClick: { $handler: 'startOver' } }
    }
  ],
  'put name and email side by side': (m) => {
    const parent = m.nodes.get(id(m, 'TextInput', 'Name'))!.parent!;
    return [
      {
        op: 'addNode',
        parent,
        index: 0,
        type: 'Stack',
        id: 'row',
        props: { direction: 'horizontal', gap: 'md' }
      },
      { op: 'moveNode', id: id(m, 'TextInput', 'Name'), parent: 'row', index: 0 },
      { op: 'moveNode', id: id(m, 'TextInput', 'Email'), parent: 'row', index: 1 }
    ];
  },
  'rename the subscribe field to newsletter': () => [
    { op: 'renameState', component: 'App', from: 'subscribe', to: 'newsletter' }
  ],
  'remove the email field': (m) => [
    { op: 'removeNode', id: id(m, 'TextInput', 'Email') },
    {
      op: 'setHandler',
      component: 'App',
      name: 'submit',
      body: 'if (!state.name.trim()) return;\nstate.submitted = true;'
    },
    {
      op: 'setHandler',
      component: 'App',
      name: 'startOver',
      body: "state.name = '';\nstate.message = '';\nstate.submitted = false;"
    },
    {
      op: 'setProp',
      id: id(m, 'Button', 'Send'),
      name: 'disabled',
      value: { $expr: '!state.name.trim()' }
    },
    {
      op: 'setProp',
      id: id(m, 'Text'),
      name: 'text',
      value: { $expr: "'Thanks, ' + state.name + '!'" }
    },
    { op: 'removeState', component: 'App', name: 'email' }
  ],
  'move the newsletter checkbox above the message': (m) => [
    {
      op: 'moveNode',
      id: id(m, 'Checkbox'),
      parent: m.nodes.get(id(m, 'Checkbox'))!.parent!,
      index: 2
    }
  ],
  'add a title Hello World in the middle': (m) => [
    { op: 'setProp', id: id(m, 'Stack'), name: 'align', value: 'center' },
    {
      op: 'addNode',
      parent: id(m, 'Stack'),
      type: 'Heading',
      props: { text: 'Hello World', level: 1 }
    }
  ],
  'add a small text under the number that says clicks': (m) => [
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      index: 1,
      type: 'Text',
      props: { text: 'clicks', size: 'sm', align: 'center' }
    }
  ]
};

describe('untouched corpus', () => {
  it('has at least 60 cases over every template, 8 of them unsafe refusals', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.template))).toEqual(new Set(TEMPLATE_NAMES));
    expect(cases.filter((c) => c.unsafe && c.expect === 'refusal').length).toBeGreaterThanOrEqual(
      8
    );
    expect(new Set(cases.map((c) => c.request)).size).toBe(cases.length);
  });

  itRunsEveryCheck(cases);

  itJudgesBatches(cases, { correct: H });
});
