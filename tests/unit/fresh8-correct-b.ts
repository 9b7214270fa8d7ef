/**
 * Hand-written correct batches for the counter requests of the eighth fresh corpus
 * (tests/fixtures/ai-offline/fresh8.json), keyed by the start of each request.
 */
import { id, parent, type Batch } from './corpus-batch';
import type { AppModel } from '../../src/lib/model/types';

const App = 'App';
const MINUS = '−';

/** The row of the three buttons. */
const buttonRow = (m: AppModel) => parent(m, id(m, 'Button', '+'));
/** The Counter card. */
const card = (m: AppModel) => id(m, 'Card');

/** Correct batches for the counter change cases. */
export const CORRECT_COUNTER: Readonly<Record<string, Batch>> = {
  'The big number is hard to read': (m) => [
    { op: 'setProp', id: id(m, 'Heading'), name: 'style', value: { fontSize: '2xl' } }
  ],
  'Could the plus button be green and the minus button red': (m) => [
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'style', value: { background: 'success' } },
    { op: 'setProp', id: id(m, 'Button', MINUS), name: 'variant', value: 'danger' }
  ],
  'Please change the writing that says Counter': (m) => [
    { op: 'setProp', id: card(m), name: 'title', value: 'Wheelbarrows out' }
  ],
  'Can you add a button that adds ten at a time': (m) => [
    { op: 'setHandler', component: App, name: 'addTen', body: 'state.count += 10;' },
    {
      op: 'addNode',
      parent: buttonRow(m),
      type: 'Button',
      props: { label: '+10', onClick: { $handler: 'addTen' } }
    }
  ],
  'Please stop the number going below nothing': () => [
    {
      op: 'setHandler',
      component: App,
      name: 'decrement',
      body: 'state.count = Math.max(0, state.count - state.step);'
    }
  ],
  'Could the step slider go up to 50': (m) => [
    { op: 'setProp', id: id(m, 'Slider'), name: 'max', value: 50 }
  ],
  "I'd like the three buttons a bit bigger": (m) =>
    ['+', MINUS, 'Reset'].map((label) => ({
      op: 'setProp',
      id: id(m, 'Button', label),
      name: 'size',
      value: 'lg'
    })),
  'Please take away the Reset button': (m) => [{ op: 'removeNode', id: id(m, 'Button', 'Reset') }],
  'Could you put the Reset button underneath': (m) => [
    {
      op: 'moveNode',
      id: id(m, 'Button', 'Reset'),
      parent: card(m),
      index: 2
    }
  ],
  'Would you add a little line of writing under the number': (m) => [
    {
      op: 'addNode',
      parent: card(m),
      index: 1,
      type: 'Text',
      props: { text: 'packets counted', align: 'center', tone: 'muted' }
    }
  ],
  'Could the app remember a goal': (m) => [
    { op: 'addState', component: App, name: 'goal', type: 'number', initial: 100 },
    {
      op: 'addNode',
      parent: card(m),
      index: 1,
      type: 'Text',
      props: {
        text: { $expr: "Math.max(0, state.goal - state.count) + ' to go to ' + state.goal" },
        align: 'center'
      }
    }
  ],
  'Please change the Step label': (m) => [
    { op: 'setProp', id: id(m, 'Slider'), name: 'label', value: 'How many at a time' }
  ],
  'Coud you make the background of the card': (m) => [
    { op: 'setProp', id: card(m), name: 'style', value: { background: 'success-soft' } }
  ],
  'Take the slider away please': (m) => [{ op: 'removeNode', id: id(m, 'Slider') }],
  'Please swap the plus and minus round': (m) => [
    { op: 'moveNode', id: id(m, 'Button', '+'), parent: buttonRow(m), index: 0 },
    { op: 'moveNode', id: id(m, 'Button', MINUS), parent: buttonRow(m), index: 2 }
  ],
  "I'd like a second counter underneath for the watering cans": (m) => [
    { op: 'addState', component: App, name: 'cans', type: 'number', initial: 0 },
    { op: 'setHandler', component: App, name: 'addCan', body: 'state.cans += 1;' },
    { op: 'setHandler', component: App, name: 'removeCan', body: 'state.cans -= 1;' },
    {
      op: 'addNode',
      parent: parent(m, card(m)),
      type: 'Card',
      props: { title: 'Watering cans', padding: 'lg' },
      children: [
        {
          type: 'Heading',
          props: { text: { $expr: 'String(state.cans)' }, level: 1, align: 'center' }
        },
        {
          type: 'Stack',
          props: { direction: 'horizontal', gap: 'sm', justify: 'center' },
          children: [
            {
              type: 'Button',
              props: { label: MINUS, variant: 'secondary', onClick: { $handler: 'removeCan' } }
            },
            { type: 'Button', props: { label: '+', onClick: { $handler: 'addCan' } } }
          ]
        }
      ]
    }
  ],
  'Please put the word Total: in front of the number': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Heading'),
      name: 'text',
      value: { $expr: "'Total: ' + state.count" }
    }
  ],
  'Could the number be in the colour of the garden logo': (m) => [
    { op: 'setProp', id: id(m, 'Heading'), name: 'style', value: { color: 'success' } }
  ],
  'When we press Reset could it go back to 10': () => [
    { op: 'setHandler', component: App, name: 'reset', body: 'state.count = 10;' }
  ],
  'Could the app start at 5': () => [
    {
      op: 'retypeState',
      component: App,
      name: 'count',
      type: 'number',
      migrate: 'value',
      initial: 5
    }
  ],
  'Please put the Step slider above the buttons': (m) => [
    { op: 'moveNode', id: id(m, 'Slider'), parent: card(m), index: 1 }
  ],
  'Could the card be a bit narrower': (m) => [
    { op: 'setProp', id: card(m), name: 'style', value: { width: 'sm' } }
  ],
  'Please make the heading of the card say Tray count': (m) => [
    { op: 'setProp', id: card(m), name: 'title', value: 'Tray count' },
    { op: 'setMeta', name: 'title', value: 'Tray count' }
  ],
  'Can you add a button that doubles the number': (m) => [
    { op: 'setHandler', component: App, name: 'double', body: 'state.count *= 2;' },
    {
      op: 'addNode',
      parent: buttonRow(m),
      type: 'Button',
      props: { label: '×2', variant: 'secondary', onClick: { $handler: 'double' } }
    }
  ],
  "I'd like the buttons to be all the same plain grey style": (m) => [
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'variant', value: 'secondary' },
    { op: 'setProp', id: id(m, 'Button', 'Reset'), name: 'variant', value: 'secondary' }
  ],
  "Please remove the card's box": (m) => [
    { op: 'setProp', id: card(m), name: 'elevation', value: 'flat' },
    { op: 'setProp', id: card(m), name: 'style', value: { border: 'none' } }
  ],
  "Could you show a little message saying 'Well done!'": (m) => [
    {
      op: 'addNode',
      parent: card(m),
      type: 'If',
      props: { when: { $expr: 'state.count >= 20' } },
      children: [{ type: 'Text', props: { text: 'Well done!', tone: 'success', align: 'center' } }]
    }
  ]
};
