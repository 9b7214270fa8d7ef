/**
 * The final, untouched part of the held-out corpus (tests/fixtures/ai-offline/final.json) is well
 * formed, the same way tests/unit/untouched-corpus.test.ts checks the second part: every case has a
 * known template and outcome, every regex compiles and every check runs on its template, no change
 * case already holds on the unchanged template, hand-written correct batches for the harder cases
 * pass their checks (a check that fails a correct result would call a right change wrong), and
 * hand-written wrong or partial batches fail them (a check that passes a wrong result measures
 * nothing). The planner is not run here: tests/bench/held-out.ts --file scores it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { holds, loadCases } from '../bench/held-out';
import { TEMPLATE_NAMES, templateModel } from '../../src/lib/templates';
import { seededIds } from '../../src/lib/model/ids';
import { planOps } from '../../src/lib/ops/plan';
import { prepareMigrations } from '../../src/lib/ops/migrations';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import type { AppModel, JsonValue, Op, PropValue } from '../../src/lib/model/types';

const cases = loadCases('tests/fixtures/ai-offline/final.json');

const walk = (c: unknown, f: (o: Record<string, unknown>) => void): void => {
  if (Array.isArray(c)) c.forEach((x) => walk(x, f));
  else if (c && typeof c === 'object') {
    f(c as Record<string, unknown>);
    Object.values(c).forEach((x) => walk(x, f));
  }
};

/** The id of the first node of a type (with a prop equal to `text`, when given). */
const id = (m: AppModel, type: string, text?: string) =>
  [...m.nodes.values()].find(
    (x) => x.type === type && (text === undefined || Object.values(x.props).includes(text))
  )!.id;
/** The root node of the App component. */
const root = (m: AppModel) => [...m.nodes.values()].find((x) => x.parent === null)!.id;
const parentOf = (m: AppModel, type: string, text?: string) =>
  m.nodes.get(id(m, type, text))!.parent!;

/** Todo: a handler and a button for it in the footer row, next to Clear done. */
const todoButton = (m: AppModel, label: string, name: string, body: string): Op[] => [
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
const H: Record<string, (m: AppModel) => Op[]> = {
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

/** Hand-written correct batches for the simpler cases: they check the checks, not the planner. */
const set = (
  m: AppModel,
  type: string,
  text: string | undefined,
  name: string,
  value: PropValue
): Op => ({
  op: 'setProp',
  id: id(m, type, text),
  name,
  value
});
const SIMPLE: Record<string, (m: AppModel) => Op[]> = {
  'i need a button to wipe the whole list': (m) =>
    todoButton(m, 'Clear all', 'clearAll', 'state.items = [];'),
  'call the list Weekend jobs and make the input say Type a job': (m): Op[] => [
    set(m, 'Heading', undefined, 'text', 'Weekend jobs'),
    set(m, 'TextInput', undefined, 'placeholder', 'Type a job')
  ],
  'make the Nothing to do yet message green': (m): Op[] => [
    set(m, 'Text', 'Nothing to do yet.', 'tone', 'success')
  ],
  'remove the delete buttons': (m) => [{ op: 'removeNode', id: id(m, 'Button', 'Delete') }],
  'make the clear done buton biger': (m) => [set(m, 'Button', 'Clear done', 'size', 'md')],
  'get rid of the title at the top, and the empty message too': (m): Op[] => [
    { op: 'removeNode', id: id(m, 'Heading') },
    { op: 'removeNode', id: parentOf(m, 'Text', 'Nothing to do yet.') }
  ],
  'call the box push-ups': (m) => [set(m, 'Card', undefined, 'title', 'Push-ups')],
  'the slider should go from 1 to 5 and be called Jump': (m): Op[] => [
    set(m, 'Slider', undefined, 'max', 5),
    set(m, 'Slider', undefined, 'label', 'Jump')
  ],
  'give the card a dark background': (m) => [set(m, 'Card', undefined, 'theme', 'dark')],
  'number on the left pls': (m) => [set(m, 'Heading', undefined, 'align', 'start')],
  'make the minus button say Down and the plus button say Up': (m): Op[] => [
    set(m, 'Button', '−', 'label', 'Down'),
    set(m, 'Button', '+', 'label', 'Up')
  ],
  'the name field should be called Your name and the email one Your email': (m): Op[] => [
    set(m, 'TextInput', 'Name', 'label', 'Your name'),
    set(m, 'TextInput', 'Email', 'label', 'Your email')
  ],
  'start the message box off with the text: Hello!': (m): Op[] => [
    { op: 'unsetProp', id: id(m, 'TextArea'), name: 'value' },
    { op: 'removeState', component: 'App', name: 'message' },
    {
      op: 'addState',
      component: 'App',
      name: 'message',
      type: 'string',
      initial: 'Hello!',
      scope: 'local'
    },
    set(m, 'TextArea', undefined, 'value', { $bind: 'message' })
  ],
  'send button should be red and a bit bigger': (m): Op[] => [
    set(m, 'Button', 'Send', 'variant', 'danger'),
    set(m, 'Button', 'Send', 'size', 'lg')
  ],
  'remove the Send another button': (m): Op[] => [
    { op: 'removeNode', id: id(m, 'Button', 'Send another') }
  ],
  'chnage send to Submit and put it above the checkbox': (m): Op[] => [
    set(m, 'Button', 'Send', 'label', 'Submit'),
    { op: 'moveNode', id: id(m, 'Button', 'Send'), parent: parentOf(m, 'Checkbox'), index: 3 }
  ],
  'add a heading that says My Shop and under it a line saying Open 9-5': (m): Op[] => [
    { op: 'addNode', parent: root(m), type: 'Heading', props: { text: 'My Shop', level: 1 } },
    { op: 'addNode', parent: root(m), type: 'Text', props: { text: 'Open 9-5' } }
  ],
  'add a dropdwn with mon tue wed thu fri': (m): Op[] => [
    {
      op: 'addState',
      component: 'App',
      name: 'day',
      type: 'string',
      initial: 'Mon',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Select',
      props: { value: { $bind: 'day' }, options: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] }
    }
  ],
  'add a text area for notes with a character count under it': (m): Op[] => [
    { op: 'addState', component: 'App', name: 'notes', type: 'string', initial: '' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextArea',
      props: { label: 'Notes', value: { $bind: 'notes' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: { $expr: "state.notes.length + ' characters'" }, size: 'sm' }
    }
  ],
  "add a number input for age and a line showing whether they're an adult (18+)": (m): Op[] => [
    { op: 'addState', component: 'App', name: 'age', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'Age', kind: 'number', value: { $bind: 'age' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: { $expr: "Number(state.age) >= 18 ? 'Adult' : 'Not an adult'" } }
    }
  ],
  "make a counter that goes up by 2 and can't go over 20": (m): Op[] => [
    { op: 'addState', component: 'App', name: 'count', type: 'number', initial: 0 },
    {
      op: 'setHandler',
      component: 'App',
      name: 'up',
      body: 'state.count = Math.min(20, state.count + 2);'
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Heading',
      props: { text: { $expr: 'String(state.count)' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: '+2', onClick: { $handler: 'up' } }
    }
  ],
  'i want a textbox and a button that shows hello + whatever i typed': (m): Op[] => [
    { op: 'addState', component: 'App', name: 'who', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addState',
      component: 'App',
      name: 'greeting',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'setHandler',
      component: 'App',
      name: 'greet',
      body: "state.greeting = 'Hello ' + state.who;"
    },
    { op: 'addNode', parent: root(m), type: 'TextInput', props: { value: { $bind: 'who' } } },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: 'Greet', onClick: { $handler: 'greet' } }
    },
    { op: 'addNode', parent: root(m), type: 'Text', props: { text: { $expr: 'state.greeting' } } }
  ]
};

/** The "N left" text of the todo footer (the Text next to Clear done). */
function textLeft(m: AppModel): string {
  const row = parentOf(m, 'Button', 'Clear done');
  return [...m.nodes.values()].find((x) => x.type === 'Text' && x.parent === row)!.id;
}

/** Hand-written wrong or partial batches, keyed by request: each must fail some check. */
const W: Record<string, (m: AppModel) => Op[]> = {
  'show the number of tasks in the heading, like Todo (3)': (m): Op[] => [
    { op: 'setProp', id: id(m, 'Heading'), name: 'text', value: 'Todo (3)' }
  ],
  'add a Country dropdown: UK, France, Germany, Spain': (m): Op[] => [
    {
      op: 'addState',
      component: 'App',
      name: 'country',
      type: 'string',
      initial: '',
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
        options: ['Option 1', 'Option 2', 'Option 3']
      }
    }
  ],
  'add a button to sort the tasks by name': (m): Op[] => [
    {
      op: 'addNode',
      parent: parentOf(m, 'Button', 'Clear done'),
      type: 'Button',
      props: { label: 'sort the tasks by name' }
    }
  ],
  'rename the message field to comments (the data, not just the label)': (m): Op[] => [
    { op: 'setProp', id: id(m, 'TextArea'), name: 'label', value: 'Comments' }
  ],
  'call the list Weekend jobs and make the input say Type a job': (m): Op[] => [
    {
      op: 'setProp',
      id: id(m, 'Heading'),
      name: 'text',
      value: 'Weekend jobs and make the input say Type a job'
    }
  ],
  'make the buttons bigger': (m): Op[] => [
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'size', value: 'lg' }
  ],
  'i want a -5 button next to the minus': (m): Op[] => [
    {
      op: 'addNode',
      parent: parentOf(m, 'Button', '−'),
      index: 0,
      type: 'Button',
      props: { label: '-5', onClick: { $handler: 'decrement' } }
    }
  ],
  'remove the delete buttons': (m) => [{ op: 'removeNode', id: parentOf(m, 'Checkbox') }],
  'the name field should be called Your name and the email one Your email': (): Op[] => [
    { op: 'renameState', component: 'App', from: 'name', to: 'yourName' }
  ],
  'i want a textbox and a button that shows hello + whatever i typed': (m): Op[] => [
    { op: 'addState', component: 'App', name: 'who', type: 'string', initial: '', scope: 'local' },
    { op: 'addNode', parent: root(m), type: 'TextInput', props: { value: { $bind: 'who' } } },
    { op: 'addNode', parent: root(m), type: 'Button', props: { label: 'hello' } }
  ]
};

describe('final corpus', () => {
  it('has at least 45 cases over every template, 8 of them unsafe refusals', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    expect(new Set(cases.map((c) => c.template))).toEqual(new Set(TEMPLATE_NAMES));
    expect(cases.filter((c) => c.unsafe && c.expect === 'refusal').length).toBeGreaterThanOrEqual(
      8
    );
    expect(new Set(cases.map((c) => c.request)).size).toBe(cases.length);
  });

  it('shares no request with the earlier parts', async () => {
    const { readFileSync } = await import('node:fs');
    const earlier = ['held-out', 'untouched'].flatMap((f) =>
      (
        JSON.parse(readFileSync(`tests/fixtures/ai-offline/${f}.json`, 'utf8')) as {
          cases: { request: string }[];
        }
      ).cases.map((c) => c.request.toLowerCase())
    );
    expect(cases.filter((c) => earlier.includes(c.request.toLowerCase()))).toEqual([]);
  });

  it('runs every check without error, and no change case already holds on its template', () => {
    for (const c of cases) {
      expect(['change', 'question', 'refusal']).toContain(c.expect);
      const base = templateModel(c.template, seededIds(7));
      for (const check of c.checks ?? []) {
        walk(check, (o) => {
          for (const k of [
            'handlerMatches',
            'anyHandlerOrExprMatches',
            'bind',
            'state',
            'itemField'
          ])
            if (typeof o[k] === 'string') new RegExp(o[k] as string);
        });
        holds(check, base, base);
      }
      if (c.expect === 'change') {
        expect(c.checks?.length, c.request).toBeGreaterThan(0);
        const all = (c.checks ?? []).every((k) => holds(k, base, base));
        expect(all, c.request).toBe(false);
      }
    }
  });

  const host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 5_000, spare: false });
  afterAll(() => host.dispose());

  /** Plans a hand-written batch on the case's template; returns the case, base and result model. */
  async function run(request: string, batch: (m: AppModel) => Op[]) {
    const c = cases.find((x) => x.request === request)!;
    expect(c, request).toBeDefined();
    const base = templateModel(c.template, seededIds(7));
    const ops = batch(base);
    const migrate = await prepareMigrations(base, ops, (s, v: JsonValue) => host.migrate(s, v));
    const plan = planOps(
      base,
      ops,
      { id: 'corpus', role: 'owner' },
      { migrate, ids: seededIds(99) }
    );
    expect(plan.ok, JSON.stringify(plan.ok ? null : plan.errors)).toBe(true);
    if (!plan.ok) throw new Error('batch does not plan');
    return { c, base, model: plan.model };
  }

  it('has correct batches for at least 10 cases', () => {
    expect(Object.keys(H).length).toBeGreaterThanOrEqual(10);
  });

  it.each(Object.keys(H))('a correct batch passes the checks of "%s"', async (request) => {
    const { c, base, model } = await run(request, H[request]);
    expect((c.checks ?? []).filter((k) => !holds(k, base, model))).toEqual([]);
  });

  it.each(Object.keys(SIMPLE))('a correct batch passes the checks of "%s"', async (request) => {
    const { c, base, model } = await run(request, SIMPLE[request]);
    expect((c.checks ?? []).filter((k) => !holds(k, base, model))).toEqual([]);
  });

  it.each(Object.keys(W))('a wrong or partial batch fails the checks of "%s"', async (request) => {
    const { c, base, model } = await run(request, W[request]);
    expect((c.checks ?? []).every((k) => holds(k, base, model))).toBe(false);
  });
});
