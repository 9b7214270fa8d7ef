/**
 * Hand-written correct batches for the counter change cases of the tenth fresh corpus
 * (tests/fixtures/ai-offline/fresh10.json), keyed by the start of each request: what a careful
 * person would do to the counter template, used by fresh10-corpus.test.ts to show that each
 * case's checks accept a right answer.
 */
import type { AppModel } from '../../src/lib/model/types';
import type { CaseBatch } from './corpus-parts';
import { id, parent } from './corpus-batch';

const set = (nodeId: string, name: string, value: unknown) => ({
  op: 'setProp',
  id: nodeId,
  name,
  value
});

const handler = (name: string, body: string) => ({
  op: 'setHandler',
  component: 'App',
  name,
  body
});

const card = (m: AppModel) => id(m, 'Card');
/** The row of −, Reset and +. */
const buttons = (m: AppModel) => parent(m, id(m, 'Button', '+'));

export const CORRECT_COUNTER: Readonly<Record<string, CaseBatch>> = {
  'This counter is for count the volunteers': (m) => [set(card(m), 'title', 'Volunteers today')],
  'the + button should be big and green': (m) => [
    set(id(m, 'Button', '+'), 'size', 'lg'),
    set(id(m, 'Button', '+'), 'style', { background: 'success' })
  ],
  'it can not go under zero': () => [
    handler('decrement', 'state.count = Math.max(0, state.count - state.step);')
  ],
  'make the Reset button red': (m) => [set(id(m, 'Button', 'Reset'), 'variant', 'danger')],
  'I want the number more big': (m) => [set(id(m, 'Heading'), 'style', { fontSize: '2xl' })],
  'take the step slider away': (m) => [{ op: 'removeNode', id: id(m, 'Slider') }],
  'add a second counter for the seed packets': (m) => [
    { op: 'addState', component: 'App', name: 'seeds', type: 'number', initial: 0 },
    handler('addSeed', 'state.seeds += 1;'),
    handler('removeSeed', 'state.seeds = Math.max(0, state.seeds - 1);'),
    {
      op: 'addNode',
      parent: card(m),
      type: 'Heading',
      props: { text: { $expr: "'Seed packets: ' + state.seeds" }, level: 2, align: 'center' }
    },
    {
      op: 'addNode',
      parent: card(m),
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'sm', justify: 'center' },
      children: [
        {
          type: 'Button',
          props: { label: '−', variant: 'secondary', onClick: { $handler: 'removeSeed' } }
        },
        { type: 'Button', props: { label: '+', onClick: { $handler: 'addSeed' } } }
      ]
    }
  ],
  'the buttons are to close together': (m) => [set(buttons(m), 'gap', 'lg')],
  'Can the − and + be at the two sides': (m) => [
    { op: 'moveNode', id: id(m, 'Heading'), parent: buttons(m), index: 1 },
    { op: 'moveNode', id: id(m, 'Button', 'Reset'), parent: card(m), index: 1 },
    set(buttons(m), 'align', 'center')
  ],
  "write under the number 'volunteers'": (m) => [
    {
      op: 'addNode',
      parent: card(m),
      index: 1,
      type: 'Text',
      props: { text: 'volunteers', tone: 'muted', size: 'sm', align: 'center' }
    }
  ],
  'the maximum of the step': (m) => [set(id(m, 'Slider'), 'max', 5)],
  "Add a button '+5'": (m) => [
    handler('addFive', 'state.count += 5;'),
    {
      op: 'addNode',
      parent: buttons(m),
      type: 'Button',
      props: { label: '+5', onClick: { $handler: 'addFive' } }
    }
  ],
  'As a coordinator I want to set a daily goal': (m) => [
    { op: 'addState', component: 'App', name: 'goal', type: 'number', initial: 10 },
    {
      op: 'addNode',
      parent: card(m),
      type: 'NumberInput',
      props: { label: 'Daily goal', value: { $bind: 'goal' } }
    },
    {
      op: 'addNode',
      parent: card(m),
      type: 'If',
      props: { when: { $expr: 'state.count >= state.goal' } },
      children: [{ type: 'Text', props: { text: 'Goal reached!', tone: 'success' } }]
    }
  ],
  // renameState renames the field only: the handlers and the heading are rewritten by hand.
  'Tech task: rename the data field': (m) => [
    { op: 'renameState', component: 'App', from: 'count', to: 'volunteers' },
    handler('increment', 'state.volunteers += state.step;'),
    handler('decrement', 'state.volunteers -= state.step;'),
    handler('reset', 'state.volunteers = 0;'),
    set(id(m, 'Heading'), 'text', { $expr: 'String(state.volunteers)' })
  ],
  '- Reset button: remove': (m) => [
    { op: 'removeNode', id: id(m, 'Button', 'Reset') },
    set(id(m, 'Slider'), 'label', 'Count by'),
    set(card(m), 'title', 'Plot visits')
  ],
  'Story: As a volunteer I want big tap targets': (m) =>
    ['−', 'Reset', '+'].map((label) => set(id(m, 'Button', label), 'size', 'lg')),
  'Show the step value with the slider label': (m) => [
    set(id(m, 'Slider'), 'label', { $expr: "'Step: ' + state.step" })
  ],
  'As the owner I want to reset to a custom starting value': (m) => [
    { op: 'addState', component: 'App', name: 'startAt', type: 'number', initial: 0 },
    handler('reset', 'state.count = state.startAt;'),
    {
      op: 'addNode',
      parent: card(m),
      type: 'NumberInput',
      props: { label: 'Start at', value: { $bind: 'startAt' } }
    }
  ],
  'Layout: put the slider above the buttons': (m) => [
    { op: 'moveNode', id: id(m, 'Slider'), parent: card(m), index: 1 }
  ],
  'Card: make it flat': (m) => [set(card(m), 'elevation', 'flat'), set(card(m), 'tone', 'accent')],
  'when the number is more than 20': (m) => [
    set(id(m, 'Heading'), 'style', { $expr: "state.count > 20 ? { color: 'danger' } : {}" })
  ],
  'Can you center the step slider': (m) => [
    set(id(m, 'Slider'), 'style', { width: 'sm', align: 'center' })
  ],
  'As a volunteer I want to know what was pressed last': (m) => [
    { op: 'addState', component: 'App', name: 'lastAction', type: 'string', initial: '' },
    handler('increment', "state.count += state.step;\nstate.lastAction = '+';"),
    handler('decrement', "state.count -= state.step;\nstate.lastAction = '−';"),
    handler('reset', "state.count = 0;\nstate.lastAction = 'Reset';"),
    {
      op: 'addNode',
      parent: card(m),
      index: 2,
      type: 'Text',
      props: { text: { $expr: "'Last action: ' + state.lastAction" }, tone: 'muted' }
    }
  ],
  'I like the counter count by 2': () => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'step',
      type: 'number',
      migrate: 'value',
      initial: 2
    }
  ],
  'Replace the slider with a number input': (m) => [
    { op: 'removeNode', id: id(m, 'Slider') },
    {
      op: 'addNode',
      parent: card(m),
      type: 'NumberInput',
      props: { label: 'Step', value: { $bind: 'step' } }
    }
  ],
  'please the app name should be Garden counter': (m) => [
    { op: 'setMeta', name: 'title', value: 'Garden counter' },
    set(card(m), 'title', 'Garden counter')
  ],
  'Add a divider between the number and the buttons': (m) => [
    { op: 'addNode', parent: card(m), index: 1, type: 'Divider', props: {} },
    { op: 'addNode', parent: card(m), index: 3, type: 'Divider', props: {} }
  ]
};
