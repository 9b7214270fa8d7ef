/**
 * Hand-written correct batches for the counter change cases of the ninth fresh corpus
 * (tests/fixtures/ai-offline/fresh9.json), keyed by the start of each request.
 */
import { id, parent, type Batch } from './corpus-batch';

const APP = 'App';
const MINUS = '\u2212';

/** The row of −, Reset and +. */
const row: (m: Parameters<Batch>[0]) => string = (m) => parent(m, id(m, 'Button', '+'));

/** A new initial value for count; the stored value keeps what it was. */
const countStartsAt = (n: number) => ({
  op: 'retypeState',
  component: APP,
  name: 'count',
  type: 'number',
  migrate: 'value',
  initial: n
});

/** Correct batches for the counter template. */
export const CORRECT_COUNTER: Readonly<Record<string, Batch>> = {
  'start at 10': () => [countStartsAt(10)],
  'When the app opens the number should start at 10': () => [
    countStartsAt(10),
    { op: 'setHandler', component: APP, name: 'reset', body: 'state.count = 10;' }
  ],
  '+ btn green': (m) => [
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'style', value: { background: 'success' } }
  ],
  'The button in the middle of the row': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Reset'), name: 'variant', value: 'danger' }
  ],
  'add +5 btn': (m) => [
    { op: 'setHandler', component: APP, name: 'addFive', body: 'state.count += 5;' },
    {
      op: 'addNode',
      parent: row(m),
      type: 'Button',
      props: { label: '+5', variant: 'secondary', onClick: { $handler: 'addFive' } }
    }
  ],
  "Please add a button labelled 'Double'": (m) => [
    { op: 'setHandler', component: APP, name: 'double', body: 'state.count *= 2;' },
    {
      op: 'addNode',
      parent: row(m),
      type: 'Button',
      props: { label: 'Double', variant: 'secondary', onClick: { $handler: 'double' } }
    }
  ],
  'count cant go below 0': () => [
    {
      op: 'setHandler',
      component: APP,
      name: 'decrement',
      body: 'state.count = Math.max(0, state.count - state.step);'
    }
  ],
  'The number shown in the middle': (m) => [
    { op: 'setProp', id: id(m, 'Heading'), name: 'style', value: { fontSize: '2xl' } }
  ],
  'title -> Bikes serviced today': (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'title', value: 'Bikes serviced today' },
    { op: 'setMeta', name: 'title', value: 'Bikes serviced today' }
  ],
  'Please put the Step slider above': (m) => [
    // Without the slider the card holds the number and the row: index 1 is just before the row.
    { op: 'moveNode', id: id(m, 'Slider'), parent: id(m, 'Card'), index: 1 }
  ],
  'remove slider': (m) => [{ op: 'removeNode', id: id(m, 'Slider') }],
  'Pupils should see the message': (m) => [
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      index: 1,
      type: 'If',
      props: { when: { $expr: 'state.count > 20' } },
      children: [{ type: 'Text', props: { text: 'That is a lot!', tone: 'warning' } }]
    }
  ],
  'btns bigger': (m) =>
    [MINUS, 'Reset', '+'].map((label) => ({
      op: 'setProp',
      id: id(m, 'Button', label),
      name: 'size',
      value: 'lg'
    })),
  "Please change the card's title": (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'title', value: 'Points for Team Blue' }
  ],
  'step slider max 50': (m) => [{ op: 'setProp', id: id(m, 'Slider'), name: 'max', value: 50 }],
  'Add a second row of buttons': (m) => [
    { op: 'setHandler', component: APP, name: 'addTen', body: 'state.count += 10;' },
    { op: 'setHandler', component: APP, name: 'takeTen', body: 'state.count -= 10;' },
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      index: 2,
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'sm', justify: 'center' },
      children: [
        {
          type: 'Button',
          props: { label: `${MINUS}10`, variant: 'secondary', onClick: { $handler: 'takeTen' } }
        },
        { type: 'Button', props: { label: '+10', onClick: { $handler: 'addTen' } } }
      ]
    }
  ],
  "show 'bikes' after the number": (m) => [
    {
      op: 'setProp',
      id: id(m, 'Heading'),
      name: 'text',
      value: { $expr: "state.count + ' bikes'" }
    }
  ],
  'Rename the number the app keeps': (m) => [
    { op: 'renameState', component: APP, from: 'count', to: 'score' },
    { op: 'setHandler', component: APP, name: 'increment', body: 'state.score += state.step;' },
    { op: 'setHandler', component: APP, name: 'decrement', body: 'state.score -= state.step;' },
    { op: 'setHandler', component: APP, name: 'reset', body: 'state.score = 0;' },
    {
      op: 'setProp',
      id: id(m, 'Heading'),
      name: 'text',
      value: { $expr: 'String(state.score)' }
    }
  ],
  'reset btn -> Clear': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Reset'), name: 'label', value: 'Clear' }
  ],
  'Pupils should not be able to press the minus': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Button', MINUS),
      name: 'disabled',
      value: { $expr: 'state.count <= 0' }
    }
  ],
  'There is too much empty space': (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'padding', value: 'sm' }
  ],
  'Please put a thin line between': (m) => [
    { op: 'addNode', parent: id(m, 'Card'), index: 1, type: 'Divider', props: { spacing: 'sm' } }
  ],
  'swap + and - btns': (m) => [
    { op: 'moveNode', id: id(m, 'Button', '+'), parent: row(m), index: 0 },
    { op: 'moveNode', id: id(m, 'Button', MINUS), parent: row(m), index: 2 }
  ],
  'Could you add a short line of text': (m) => [
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      index: 0,
      type: 'Text',
      props: { text: 'Press + when your team scores a point', tone: 'muted', align: 'center' }
    }
  ],
  'step label -> bikes per click': (m) => [
    { op: 'setProp', id: id(m, 'Slider'), name: 'label', value: 'Bikes per click' }
  ]
};
