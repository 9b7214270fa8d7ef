/**
 * Hand-written batches for tests/unit/final-corpus.test.ts, keyed by the request of
 * tests/fixtures/ai-offline/final.json they answer: CORRECT, for the harder cases, must pass their
 * case's checks (SIMPLE and WRONG are in final-corpus-simple.ts). The helpers find template nodes
 * by type and literal prop. Written by hand, not by the planner, before it was first run.
 */
import type { AppModel, Op } from '../../src/lib/model/types';

/** The id of the first node of a type (with a prop equal to `text`, when given). */
export const id = (m: AppModel, type: string, text?: string) =>
  [...m.nodes.values()].find(
    (x) => x.type === type && (text === undefined || Object.values(x.props).includes(text))
  )!.id;
/** The root node of the App component. */
export const root = (m: AppModel) => [...m.nodes.values()].find((x) => x.parent === null)!.id;
export const parentOf = (m: AppModel, type: string, text?: string) =>
  m.nodes.get(id(m, type, text))!.parent!;

/** Todo: a handler and a button for it in the footer row, next to Clear done. */
export const todoButton = (m: AppModel, label: string, name: string, body: string): Op[] => [
  { op: 'setHandler', component: 'App', name, body },
  {
    op: 'addNode',
    parent: parentOf(m, 'Button', 'Clear done'),
    type: 'Button',
    props: { label, variant: 'secondary', size: 'sm', onClick: { $handler: name } }
  }
];
const history = (body: string) =>
  `${body}\nstate.history = [...state.history, state.count].slice(-5);`;

/** Hand-written correct batches, keyed by request. */
export const CORRECT: Record<string, (m: AppModel) => Op[]> = {
  'add a button to sort the tasks by name': (m) =>
    todoButton(
      m,
      'Sort A-Z',
      'sortByName',
      'state.items.sort((a, b) => a.title.localeCompare(b.title));'
    ),
  'show unfinished ones first': (m): Op[] => [
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: {
        $expr: 'state.items.filter((x) => !x.done).concat(state.items.filter((x) => x.done))'
      }
    }
  ],
  'searchbar at the top for finding a task': (m): Op[] => [
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
      parent: root(m),
      index: 1,
      type: 'TextInput',
      props: { value: { $bind: 'query' }, placeholder: 'Search', kind: 'search' }
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
  'let me switch between showing all tasks and only the ones not done yet': (m): Op[] => [
    {
      op: 'addState',
      component: 'App',
      name: 'hideDone',
      type: 'boolean',
      initial: false,
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: root(m),
      index: 2,
      type: 'Toggle',
      props: { label: 'Only not done', checked: { $bind: 'hideDone' } }
    },
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: { $expr: 'state.hideDone ? state.items.filter((x) => !x.done) : state.items' }
    }
  ],
  'show what percent of the list is done': (m): Op[] => [
    {
      op: 'addNode',
      parent: parentOf(m, 'Button', 'Clear done'),
      index: 1,
      type: 'Text',
      props: {
        text: {
          $expr:
            "Math.round((state.items.filter((x) => x.done).length / Math.max(1, state.items.length)) * 100) + '% done'"
        },
        size: 'sm'
      }
    }
  ],
  "in the data, call done 'completed' instead": (m): Op[] => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'items',
      type: { array: { object: { id: 'number', title: 'string', completed: 'boolean' } } },
      migrate: 'value.map((x) => ({ id: x.id, title: x.title, completed: x.done }))'
    },
    { op: 'setProp', id: id(m, 'Checkbox'), name: 'checked', value: { $expr: 'item.completed' } },
    {
      op: 'setHandler',
      component: 'App',
      name: 'toggle',
      params: ['item'],
      body: 'const found = state.items.find((x) => x.id === item.id);\nif (found) found.completed = !found.completed;'
    },
    {
      op: 'setHandler',
      component: 'App',
      name: 'clearDone',
      body: 'state.items = state.items.filter((x) => !x.completed);'
    },
    {
      op: 'setHandler',
      component: 'App',
      name: 'addItem',
      body: "const title = state.draft.trim();\nif (!title) return;\nstate.items.push({ id: state.nextId, title, completed: false });\nstate.nextId += 1;\nstate.draft = '';"
    },
    {
      op: 'setProp',
      id: textLeft(m),
      name: 'text',
      value: { $expr: "state.items.filter((x) => !x.completed).length + ' left'" }
    }
  ],
  'show the number of tasks in the heading, like Todo (3)': (m): Op[] => [
    {
      op: 'setProp',
      id: id(m, 'Heading'),
      name: 'text',
      value: { $expr: "'Todo (' + state.items.length + ')'" }
    }
  ],
  'move the text box and add button below the list': (m): Op[] => [
    { op: 'moveNode', id: parentOf(m, 'Button', 'Add'), parent: root(m), index: 2 }
  ],
  'a button that ticks everything off': (m) =>
    todoButton(m, 'Tick all', 'tickAll', 'for (const x of state.items) x.done = true;'),
  'i want a -5 button next to the minus': (m): Op[] => [
    { op: 'setHandler', component: 'App', name: 'minusFive', body: 'state.count -= 5;' },
    {
      op: 'addNode',
      parent: parentOf(m, 'Button', '−'),
      index: 0,
      type: 'Button',
      props: { label: '−5', variant: 'secondary', onClick: { $handler: 'minusFive' } }
    }
  ],
  'set a max of 50 so it cant go higher': (): Op[] => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'increment',
      body: 'state.count = Math.min(50, state.count + state.step);'
    }
  ],
  'rename step to amount everywhere': (m): Op[] => [
    { op: 'renameState', component: 'App', from: 'step', to: 'amount' },
    { op: 'setHandler', component: 'App', name: 'increment', body: 'state.count += state.amount;' },
    { op: 'setHandler', component: 'App', name: 'decrement', body: 'state.count -= state.amount;' },
    { op: 'setProp', id: id(m, 'Slider'), name: 'label', value: 'Amount' }
  ],
  'put the slider and the buttons side by side': (m): Op[] => [
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      index: 1,
      type: 'Stack',
      id: 'row',
      props: { direction: 'horizontal', gap: 'md', align: 'center' }
    },
    { op: 'moveNode', id: parentOf(m, 'Button', '+'), parent: 'row', index: 0 },
    { op: 'moveNode', id: id(m, 'Slider'), parent: 'row', index: 1 }
  ],
  'make the buttons bigger': (m) =>
    ['−', 'Reset', '+'].map((label): Op => ({
      op: 'setProp',
      id: id(m, 'Button', label),
      name: 'size',
      value: 'lg'
    })),
  'Can we show a history of the last 5 numbers?': (m): Op[] => [
    { op: 'addState', component: 'App', name: 'history', type: { array: 'number' }, initial: [] },
    {
      op: 'setHandler',
      component: 'App',
      name: 'increment',
      body: history('state.count += state.step;')
    },
    {
      op: 'setHandler',
      component: 'App',
      name: 'decrement',
      body: history('state.count -= state.step;')
    },
    { op: 'setHandler', component: 'App', name: 'reset', body: history('state.count = 0;') },
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      type: 'Text',
      props: { text: { $expr: "'Last: ' + state.history.join(', ')" }, size: 'sm', tone: 'muted' }
    }
  ],
  "show 'high score!' when the count passes 20": (m): Op[] => [
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      index: 1,
      type: 'If',
      props: { when: { $expr: 'state.count > 20' } },
      children: [{ type: 'Text', props: { text: 'High score!', align: 'center' } }]
    }
  ],
  'add a Country dropdown: UK, France, Germany, Spain': (m): Op[] => [
    {
      op: 'addState',
      component: 'App',
      name: 'country',
      type: 'string',
      initial: 'UK',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: parentOf(m, 'TextArea'),
      index: 3,
      type: 'Select',
      props: {
        label: 'Country',
        value: { $bind: 'country' },
        options: ['UK', 'France', 'Germany', 'Spain']
      }
    }
  ],
  'put a dropdown for reason - question, complaint, praise - between email and message': (
    m
  ): Op[] => [
    {
      op: 'addState',
      component: 'App',
      name: 'reason',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: parentOf(m, 'TextArea'),
      index: 2,
      type: 'Select',
      props: {
        label: 'Reason',
        value: { $bind: 'reason' },
        options: ['Question', 'Complaint', 'Praise']
      }
    }
  ],
  'show how many characters are left out of 280 under the message': (m): Op[] => [
    {
      op: 'addNode',
      parent: parentOf(m, 'TextArea'),
      index: 3,
      type: 'Text',
      props: { text: { $expr: "(280 - state.message.length) + ' characters left'" }, size: 'sm' }
    }
  ],
  'align the send button to the right': (m): Op[] => [
    {
      op: 'addNode',
      parent: parentOf(m, 'Button', 'Send'),
      type: 'Stack',
      id: 'sendRow',
      props: { direction: 'horizontal', justify: 'end' }
    },
    { op: 'moveNode', id: id(m, 'Button', 'Send'), parent: 'sendRow', index: 0 }
  ],
  'put the checkbox and the send button on the same line': (m): Op[] => [
    {
      op: 'addNode',
      parent: parentOf(m, 'Button', 'Send'),
      type: 'Stack',
      id: 'row',
      props: { direction: 'horizontal', justify: 'between', align: 'center' }
    },
    { op: 'moveNode', id: id(m, 'Checkbox'), parent: 'row', index: 0 },
    { op: 'moveNode', id: id(m, 'Button', 'Send'), parent: 'row', index: 1 }
  ],
  'rename the message field to comments (the data, not just the label)': (): Op[] => [
    { op: 'renameState', component: 'App', from: 'message', to: 'comments' },
    {
      op: 'setHandler',
      component: 'App',
      name: 'startOver',
      body: "state.name = '';\nstate.email = '';\nstate.comments = '';\nstate.submitted = false;"
    }
  ],
  'add a field for their website': (m): Op[] => [
    {
      op: 'addState',
      component: 'App',
      name: 'website',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: parentOf(m, 'TextArea'),
      index: 2,
      type: 'TextInput',
      props: { label: 'Website', kind: 'url', value: { $bind: 'website' }, placeholder: 'https://' }
    }
  ],
  "add a checkbox 'I am not a robot' that must be ticked to send": (m): Op[] => [
    {
      op: 'addState',
      component: 'App',
      name: 'human',
      type: 'boolean',
      initial: false,
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: parentOf(m, 'Checkbox'),
      index: 4,
      type: 'Checkbox',
      props: { label: 'I am not a robot', checked: { $bind: 'human' } }
    },
    {
      op: 'setHandler',
      component: 'App',
      name: 'submit',
      body: "if (!state.name.trim() || !state.email.includes('@') || !state.human) return;\nstate.submitted = true;"
    },
    {
      op: 'setProp',
      id: id(m, 'Button', 'Send'),
      name: 'disabled',
      value: { $expr: "!state.name.trim() || !state.email.includes('@') || !state.human" }
    }
  ],
  'make me a guest list where I can add names and see how many are coming': (m): Op[] => [
    { op: 'addState', component: 'App', name: 'guests', type: { array: 'string' }, initial: [] },
    {
      op: 'addState',
      component: 'App',
      name: 'guest',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'setHandler',
      component: 'App',
      name: 'addGuest',
      body: "const name = state.guest.trim();\nif (!name) return;\nstate.guests.push(name);\nstate.guest = '';"
    },
    { op: 'addNode', parent: root(m), type: 'Heading', props: { text: 'Guest list', level: 1 } },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { value: { $bind: 'guest' }, placeholder: 'Name', onSubmit: { $handler: 'addGuest' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: 'Add', onClick: { $handler: 'addGuest' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Each',
      props: { items: { $expr: 'state.guests' }, as: 'g' },
      children: [{ type: 'Text', props: { text: { $expr: 'g' } } }]
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: { $expr: "state.guests.length + ' coming'" } }
    }
  ],
  'add a tip calculator: bill amount, tip % dropdown (10, 15, 20) and show the total': (
    m
  ): Op[] => [
    { op: 'addState', component: 'App', name: 'bill', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addState',
      component: 'App',
      name: 'tip',
      type: 'string',
      initial: '15',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'Bill', kind: 'number', value: { $bind: 'bill' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Select',
      props: { label: 'Tip %', value: { $bind: 'tip' }, options: ['10', '15', '20'] }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: {
        text: {
          $expr:
            "'Total: ' + ((Number(state.bill) || 0) * (1 + Number(state.tip) / 100)).toFixed(2)"
        }
      }
    }
  ],
  'add a dropdown to pick a colour: red, green, blue and show the chosen one underneath': (
    m
  ): Op[] => [
    {
      op: 'addState',
      component: 'App',
      name: 'colour',
      type: 'string',
      initial: 'red',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Select',
      props: { label: 'Colour', value: { $bind: 'colour' }, options: ['red', 'green', 'blue'] }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: { $expr: "'You picked ' + state.colour" } }
    }
  ]
};

/** The "N left" text of the todo footer (the Text next to Clear done). */
export function textLeft(m: AppModel): string {
  const row = parentOf(m, 'Button', 'Clear done');
  return [...m.nodes.values()].find((x) => x.type === 'Text' && x.parent === row)!.id;
}
