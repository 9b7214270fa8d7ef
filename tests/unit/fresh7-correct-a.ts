/**
 * Correct batches for the todo and counter change cases of the seventh fresh corpus
 * (tests/fixtures/ai-offline/fresh7.json), keyed by the start of the request: the ops a careful
 * person would write for each one, found from the template's nodes the way the checks find them.
 */
import { id, parent, root, type Batch } from './corpus-batch';

const App = 'App';

/** The todo template's correct batches. */
const TODO: Record<string, Batch> = {
  'when I tick something off it should go grey': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Checkbox'),
      name: 'style',
      value: { $expr: "item.done ? { color: 'muted' } : {}" }
    }
  ],
  'Can you add a button that clears everything': (m) => [
    { op: 'setHandler', component: App, name: 'clearAll', body: 'state.items = [];' },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Clear done')),
      type: 'Button',
      props: {
        label: 'Clear all',
        variant: 'danger',
        size: 'sm',
        onClick: { $handler: 'clearAll' }
      }
    }
  ],
  'is it possible to sort the list A to Z': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: { $expr: '[...state.items].sort((a, b) => a.title.localeCompare(b.title))' }
    }
  ],
  'the list is getting really long, I need a search box': (m) => [
    { op: 'addState', component: App, name: 'query', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: root(m),
      index: 1,
      type: 'TextInput',
      props: { value: { $bind: 'query' }, kind: 'search', placeholder: 'Search the list' }
    },
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: {
        $expr:
          'state.items.filter((x) => x.title.toLowerCase().includes(state.query.trim().toLowerCase()))'
      }
    }
  ],
  "can it show how many I've done": (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Clear done')),
      index: 1,
      type: 'Text',
      props: {
        text: { $expr: "state.items.filter((x) => x.done).length + ' done'" },
        tone: 'muted',
        size: 'sm'
      }
    }
  ],
  'Change the title to Scout Camp Kit List': (m) => [
    { op: 'setProp', id: id(m, 'Heading'), name: 'text', value: 'Scout Camp Kit List' },
    { op: 'setMeta', name: 'title', value: 'Scout Camp Kit List' }
  ],
  'the delete buttons are a bit hidden': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Delete'), name: 'variant', value: 'danger' }
  ],
  'could the add button say Add to list': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Add'), name: 'label', value: 'Add to list' }
  ],
  "'Nothing to do yet' sounds a bit odd": (m) => [
    {
      op: 'setProp',
      id: id(m, 'Text', 'Nothing to do yet.'),
      name: 'text',
      value: 'All done, well done everyone!'
    }
  ],
  'please get rid of the clear done button': (m) => [
    { op: 'removeNode', id: id(m, 'Button', 'Clear done') },
    { op: 'removeHandler', component: App, name: 'clearDone' }
  ],
  "I'd like the heading in the middle": (m) => [
    { op: 'setProp', id: id(m, 'Heading'), name: 'align', value: 'center' }
  ],
  'can you put the typing box underneath the list': (m) => [
    // Index 3 of the root without the row: after the list and its empty message.
    { op: 'moveNode', id: parent(m, id(m, 'TextInput')), parent: root(m), index: 3 }
  ],
  "there's not enough room between the bits": (m) => [
    { op: 'setProp', id: root(m), name: 'gap', value: 'lg' }
  ],
  'the box where you type is too small': (m) => [
    { op: 'setProp', id: id(m, 'TextInput'), name: 'style', value: { width: 'full' } }
  ],
  'Add a second box next to the first one where you put who': (m) => [
    {
      op: 'retypeState',
      component: App,
      name: 'items',
      type: {
        array: { object: { id: 'number', title: 'string', done: 'boolean', who: 'string' } }
      },
      migrate: "value.map((x) => ({ ...x, who: '' }))"
    },
    {
      op: 'addState',
      component: App,
      name: 'whoDraft',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'TextInput')),
      index: 1,
      type: 'TextInput',
      props: { value: { $bind: 'whoDraft' }, placeholder: 'Who is bringing it?' }
    },
    {
      op: 'setHandler',
      component: App,
      name: 'addItem',
      body: "const title = state.draft.trim();\nif (!title) return;\nstate.items.push({ id: state.nextId, title, done: false, who: state.whoDraft.trim() });\nstate.nextId += 1;\nstate.draft = '';\nstate.whoDraft = '';"
    },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Checkbox')),
      index: 1,
      type: 'Text',
      props: { text: { $expr: 'item.who' }, tone: 'muted', size: 'sm' }
    }
  ],
  'make the heading smaller': (m) => [
    { op: 'setProp', id: id(m, 'Heading'), name: 'level', value: 2 }
  ],
  'can the Add button and the Clear done button both be green': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Add'), name: 'style', value: { background: 'success' } },
    {
      op: 'setProp',
      id: id(m, 'Button', 'Clear done'),
      name: 'style',
      value: { background: 'success-soft' }
    }
  ],
  'the bit at the bottom with how many are left': (m) => [
    { op: 'moveNode', id: parent(m, id(m, 'Button', 'Clear done')), parent: root(m), index: 1 }
  ],
  'can ticked things drop to the bottom': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: { $expr: '[...state.items].sort((a, b) => Number(a.done) - Number(b.done))' }
    }
  ],
  'put a line between the list and the bottom bit': (m) => [
    { op: 'addNode', parent: root(m), index: 4, type: 'Divider', props: {} }
  ],
  'can the delete be a little bin picture': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Delete'), name: 'label', value: '' },
    { op: 'setProp', id: id(m, 'Button', 'Delete'), name: 'icon', value: 'trash' }
  ],
  "The list should say 'Kit list' at the top": (m) => [
    { op: 'setProp', id: id(m, 'Heading'), name: 'text', value: 'Kit list' },
    {
      op: 'setProp',
      id: id(m, 'TextInput'),
      name: 'placeholder',
      value: 'Add something we need...'
    }
  ],
  'when the list is empty, hide the clear done button': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Clear done')),
      id: 'onlyIf',
      type: 'If',
      props: { when: { $expr: 'state.items.length > 0' } }
    },
    { op: 'moveNode', id: id(m, 'Button', 'Clear done'), parent: 'onlyIf' }
  ],
  'Can you number them?': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Checkbox'),
      name: 'label',
      value: { $expr: "state.items.indexOf(item) + 1 + '. ' + item.title" }
    }
  ],
  'the Add button is bigger than the other buttons': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Add'), name: 'size', value: 'sm' }
  ],
  'could there be a number in brackets after the heading': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Heading'),
      name: 'text',
      value: { $expr: "'Todo (' + state.items.length + ')'" }
    }
  ],
  'put the tick box on the right of each line': (m) => [
    {
      op: 'moveNode',
      id: id(m, 'Button', 'Delete'),
      parent: parent(m, id(m, 'Checkbox')),
      index: 0
    }
  ],
  'can the newest thing go at the top': () => [
    {
      op: 'setHandler',
      component: App,
      name: 'addItem',
      body: "const title = state.draft.trim();\nif (!title) return;\nstate.items.unshift({ id: state.nextId, title, done: false });\nstate.nextId += 1;\nstate.draft = '';"
    }
  ]
};

/** The counter template's correct batches. */
const COUNTER: Record<string, Batch> = {
  "we're counting people coming into the hall": (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'title', value: 'People in the hall' }
  ],
  "it shouldn't be able to go below zero": () => [
    {
      op: 'setHandler',
      component: App,
      name: 'decrement',
      body: 'state.count = Math.max(0, state.count - state.step);'
    }
  ],
  'the plus and minus buttons are tiny': (m) => [
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'size', value: 'lg' },
    { op: 'setProp', id: id(m, 'Button', '−'), name: 'size', value: 'lg' }
  ],
  'make the number green': (m) => [
    { op: 'setProp', id: id(m, 'Heading'), name: 'style', value: { color: 'success' } }
  ],
  'can the number go red when it gets over 50': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Heading'),
      name: 'style',
      value: { $expr: "state.count > 50 ? { color: 'danger' } : {}" }
    }
  ],
  'Add a button that adds 10 at once': (m) => [
    { op: 'setHandler', component: App, name: 'addTen', body: 'state.count += 10;' },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', '+')),
      type: 'Button',
      props: { label: '+10', onClick: { $handler: 'addTen' } }
    }
  ],
  'is it possible to have it remember a target': (m) => [
    { op: 'addState', component: App, name: 'target', type: 'number', initial: 30 },
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      index: 1,
      type: 'Text',
      props: {
        text: { $expr: "Math.max(0, state.target - state.count) + ' more still needed'" },
        align: 'center'
      }
    },
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      type: 'NumberInput',
      props: { label: 'Target', value: { $bind: 'target' } }
    }
  ],
  'take the step slider away': (m) => [{ op: 'removeNode', id: id(m, 'Slider') }],
  'Can you put the reset button underneath on its own': (m) => [
    // Index 2 of the card without the button: after the row of buttons, before the slider.
    { op: 'moveNode', id: id(m, 'Button', 'Reset'), parent: id(m, 'Card'), index: 2 }
  ],
  "change the minus to say 'One left'": (m) => [
    { op: 'setProp', id: id(m, 'Button', '−'), name: 'label', value: 'One left' },
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'label', value: 'One came in' }
  ],
  'we need two counts, one for adults and one for children': (m) => [
    { op: 'addState', component: App, name: 'children', type: 'number', initial: 0 },
    { op: 'setProp', id: id(m, 'Card'), name: 'title', value: 'Adults' },
    { op: 'setHandler', component: App, name: 'addChild', body: 'state.children += 1;' },
    {
      op: 'setHandler',
      component: App,
      name: 'removeChild',
      body: 'state.children = Math.max(0, state.children - 1);'
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Card',
      props: { title: 'Children', padding: 'lg' },
      children: [
        {
          type: 'Heading',
          props: { text: { $expr: 'String(state.children)' }, level: 1, align: 'center' }
        },
        {
          type: 'Stack',
          props: { direction: 'horizontal', gap: 'sm', justify: 'center' },
          children: [
            {
              type: 'Button',
              props: { label: '−', variant: 'secondary', onClick: { $handler: 'removeChild' } }
            },
            { type: 'Button', props: { label: '+', onClick: { $handler: 'addChild' } } }
          ]
        }
      ]
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Heading',
      props: { text: { $expr: "'Total: ' + (state.count + state.children)" }, level: 2 }
    }
  ],
  'Can the card be a bit wider?': (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'style', value: { width: 'lg' } }
  ],
  "please change the heading 'Counter'": (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'title', value: 'Raffle tickets sold' }
  ],
  'make the number much bigger': (m) => [
    { op: 'setProp', id: id(m, 'Heading'), name: 'style', value: { fontSize: '2xl' } }
  ],
  "can it say 'people' after the number": (m) => [
    {
      op: 'setProp',
      id: id(m, 'Heading'),
      name: 'text',
      value: { $expr: "state.count + ' people'" }
    }
  ],
  'Could the step go up to 20': (m) => [
    { op: 'setProp', id: id(m, 'Slider'), name: 'max', value: 20 }
  ],
  'the buttons should go in the order plus, reset, minus': (m) => {
    const row = parent(m, id(m, 'Button', '+'));
    return [
      { op: 'moveNode', id: id(m, 'Button', '+'), parent: row, index: 0 },
      { op: 'moveNode', id: id(m, 'Button', '−'), parent: row, index: 2 }
    ];
  },
  'I want to be able to type the number in myself': (m) => [
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      index: 1,
      type: 'NumberInput',
      props: { label: 'Count', value: { $bind: 'count' } }
    }
  ],
  'Put a line under the number': (m) => [
    { op: 'addNode', parent: id(m, 'Card'), index: 1, type: 'Divider', props: {} }
  ],
  'can you make the minus button red and the plus one green': (m) => [
    { op: 'setProp', id: id(m, 'Button', '−'), name: 'variant', value: 'danger' },
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'style', value: { background: 'success' } }
  ],
  'the title of the app should be Lap Counter': () => [
    { op: 'setMeta', name: 'title', value: 'Lap Counter' }
  ],
  'please start it at 1 not 0': () => [
    {
      op: 'retypeState',
      component: App,
      name: 'count',
      type: 'number',
      migrate: 'value === 0 ? 1 : value',
      initial: 1
    },
    { op: 'setHandler', component: App, name: 'reset', body: 'state.count = 1;' }
  ],
  "Can it show a little message saying 'Full!'": (m) => [
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      index: 1,
      type: 'If',
      props: { when: { $expr: 'state.count >= 40' } },
      children: [{ type: 'Badge', props: { text: 'Full!', tone: 'danger' } }]
    }
  ],
  'the reset button is confusing people': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Reset'), name: 'label', value: 'Start again' }
  ],
  'could you put the buttons above the number': (m) => [
    { op: 'moveNode', id: parent(m, id(m, 'Button', '+')), parent: id(m, 'Card'), index: 0 }
  ],
  "change the step label to 'Count by'": (m) => [
    { op: 'setProp', id: id(m, 'Slider'), name: 'label', value: 'Count by' },
    { op: 'setProp', id: id(m, 'Slider'), name: 'max', value: 5 }
  ],
  'make the whole card a light blue colour': (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'style', value: { background: 'accent-soft' } }
  ],
  'is it possible to make the minus button take off 5': () => [
    { op: 'setHandler', component: App, name: 'decrement', body: 'state.count -= 5;' }
  ]
};

/** Every correct batch of the todo and counter cases. */
export const CORRECT_TODO_COUNTER: Readonly<Record<string, Batch>> = { ...TODO, ...COUNTER };
