/**
 * Hand-written correct batches for the counter requests of tests/fixtures/ai-offline/fresh6.json,
 * keyed by the request. fresh6-corpus.test.ts plans each on the counter template and asserts it
 * passes every check of its case.
 */
import { id, parent, root, type Batch } from './corpus-batch';

/** The counter template's nodes a batch names. */
function counterNodes(m: Parameters<Batch>[0]) {
  const plus = id(m, 'Button', '+');
  return {
    card: id(m, 'Card', 'Counter'),
    value: id(m, 'Heading'),
    minus: id(m, 'Button', '−'),
    reset: id(m, 'Button', 'Reset'),
    plus,
    buttons: parent(m, plus),
    slider: id(m, 'Slider')
  };
}

/** A new button in the row of buttons, running a new handler. */
function newButton(
  m: Parameters<Batch>[0],
  label: string,
  handler: string,
  body: string,
  at?: number
) {
  return [
    { op: 'setHandler', component: 'App', name: handler, body },
    {
      op: 'addNode',
      parent: counterNodes(m).buttons,
      ...(at === undefined ? {} : { index: at }),
      type: 'Button',
      props: { label, variant: 'secondary', onClick: { $handler: handler } }
    }
  ];
}

/** Correct batches for the counter change cases, by request. */
export const CORRECT_COUNTER: Readonly<Record<string, Batch>> = {
  'add a +5 button': (m) => newButton(m, '+5', 'addFive', 'state.count += 5;'),
  'number should go red when its below 0': (m) => [
    {
      op: 'setProp',
      id: counterNodes(m).value,
      name: 'style',
      value: { $expr: "state.count < 0 ? { color: 'danger' } : {}" }
    }
  ],
  'dont let it go under zero': () => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'decrement',
      body: 'state.count = Math.max(0, state.count - state.step);'
    }
  ],
  'rename Reset to Start over': (m) => [
    { op: 'setProp', id: counterNodes(m).reset, name: 'label', value: 'Start over' }
  ],
  'make the buttons bigger, hard to hit on my phone': (m) => {
    const n = counterNodes(m);
    return [n.minus, n.reset, n.plus].map((b) => ({
      op: 'setProp',
      id: b,
      name: 'size',
      value: 'lg'
    }));
  },
  'take the slider out': (m) => [{ op: 'removeNode', id: counterNodes(m).slider }],
  'card title should be Visitors today': (m) => [
    { op: 'setProp', id: counterNodes(m).card, name: 'title', value: 'Visitors today' }
  ],
  'start it at 10 instead': () => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'count',
      type: 'number',
      migrate: 'value',
      initial: 10
    }
  ],
  'let the step go up to 20': (m) => [
    { op: 'setProp', id: counterNodes(m).slider, name: 'max', value: 20 }
  ],
  'can i have a button that doubles it': (m) => newButton(m, '×2', 'double', 'state.count *= 2;'),
  'swap plus and minus around': (m) => {
    const n = counterNodes(m);
    return [{ op: 'moveNode', id: n.plus, parent: n.buttons, index: 0 }];
  },
  'remove reset': (m) => [{ op: 'removeNode', id: counterNodes(m).reset }],
  "under the number put 'Customers in the shop'": (m) => [
    {
      op: 'addNode',
      parent: counterNodes(m).card,
      index: 1,
      type: 'Text',
      props: { text: 'Customers in the shop', align: 'center', tone: 'muted' }
    }
  ],
  'make the card blue': (m) => [
    { op: 'setProp', id: counterNodes(m).card, name: 'tone', value: 'accent' }
  ],
  'need a second count for returns': (m) => [
    { op: 'addState', component: 'App', name: 'returns', type: 'number', initial: 0 },
    { op: 'setHandler', component: 'App', name: 'addReturn', body: 'state.returns += 1;' },
    {
      op: 'addNode',
      parent: counterNodes(m).card,
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'sm', justify: 'center', align: 'center' },
      children: [
        { type: 'Text', props: { text: { $expr: "'Returns: ' + state.returns" } } },
        {
          type: 'Button',
          props: { label: '+ return', variant: 'secondary', onClick: { $handler: 'addReturn' } }
        }
      ]
    }
  ],
  'step slider should be called Jump': (m) => [
    { op: 'setProp', id: counterNodes(m).slider, name: 'label', value: 'Jump' }
  ],
  'put the reset button on its own line under the others': (m) => {
    const n = counterNodes(m);
    return [{ op: 'moveNode', id: n.reset, parent: n.card, index: 2 }];
  },
  'can the reset button be red so nobody hits it by accident': (m) => [
    { op: 'setProp', id: counterNodes(m).reset, name: 'variant', value: 'danger' }
  ],
  'make it count by 2 by default': () => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'step',
      type: 'number',
      migrate: 'value',
      initial: 2
    }
  ],
  'show a message when it hits 100': (m) => [
    {
      op: 'addNode',
      parent: counterNodes(m).card,
      index: 1,
      type: 'If',
      props: { when: { $expr: 'state.count >= 100' } },
      children: [
        { type: 'Text', props: { text: 'You hit 100!', tone: 'success', align: 'center' } }
      ]
    }
  ],
  'put Today above the number': (m) => [
    {
      op: 'addNode',
      parent: counterNodes(m).card,
      index: 0,
      type: 'Text',
      props: { text: 'Today', align: 'center' }
    }
  ],
  'minus should say -1 and plus +1': (m) => {
    const n = counterNodes(m);
    return [
      { op: 'setProp', id: n.minus, name: 'label', value: '-1' },
      { op: 'setProp', id: n.plus, name: 'label', value: '+1' }
    ];
  },
  'lose the card box around it, just keep the stuff': (m) => {
    const n = counterNodes(m);
    return [
      ...[n.value, n.buttons, n.slider].map((child) => ({
        op: 'moveNode',
        id: child,
        parent: root(m)
      })),
      { op: 'removeNode', id: n.card }
    ];
  },
  'reset button should look like the other two': (m) => [
    { op: 'setProp', id: counterNodes(m).reset, name: 'variant', value: 'secondary' }
  ],
  'slider above the buttons pls': (m) => {
    const n = counterNodes(m);
    return [{ op: 'moveNode', id: n.slider, parent: n.card, index: 1 }];
  },
  'call the app Door count': () => [{ op: 'setMeta', name: 'title', value: 'Door count' }],
  'add a -10 button next to minus': (m) => newButton(m, '-10', 'minusTen', 'state.count -= 10;', 0),
  'the number is too big can you make it smaller': (m) => [
    { op: 'setProp', id: counterNodes(m).value, name: 'level', value: 2 }
  ]
};
