/**
 * Hand-written correct batches for the todo change cases of the ninth fresh corpus
 * (tests/fixtures/ai-offline/fresh9.json), keyed by the start of each request: the ops a careful
 * person would write, so fresh9-corpus.test.ts can show that every check passes a right answer.
 */
import { childrenOf, id, parent, index, type Batch } from './corpus-batch';

const APP = 'App';

/** The item type of the todo template with one more field. */
function itemsWith(field: string, type: string) {
  return { array: { object: { id: 'number', title: 'string', done: 'boolean', [field]: type } } };
}

/** The footer row (the "left" count and Clear done). */
const footer: (m: Parameters<Batch>[0]) => string = (m) => parent(m, id(m, 'Button', 'Clear done'));

/** The "N left" text of the footer: its first child. */
const leftText: (m: Parameters<Batch>[0]) => string = (m) => childrenOf(m, footer(m))[0];

/** A Clear all button beside Clear done and the handler that empties the list. */
const clearAll: Batch = (m) => [
  { op: 'setHandler', component: APP, name: 'clearAll', body: 'state.items = [];' },
  {
    op: 'addNode',
    parent: footer(m),
    type: 'Button',
    props: {
      label: 'Clear all',
      variant: 'secondary',
      size: 'sm',
      onClick: { $handler: 'clearAll' }
    }
  }
];

/** Correct batches for the todo template. */
export const CORRECT_TODO: Readonly<Record<string, Batch>> = {
  'todo title -> Repairs': (m) => [
    { op: 'setProp', id: id(m, 'Heading', 'Todo'), name: 'text', value: 'Repairs' },
    { op: 'setMeta', name: 'title', value: 'Repairs' }
  ],
  'add price field to each job': () => [
    {
      op: 'retypeState',
      component: APP,
      name: 'items',
      type: itemsWith('price', 'number'),
      migrate: 'value.map((x) => ({ ...x, price: 0 }))'
    }
  ],
  'clear all btn': clearAll,
  'Beside the Clear done button': clearAll,
  'sort jobs a-z': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: { $expr: 'state.items.slice().sort((a, b) => a.title.localeCompare(b.title))' }
    }
  ],
  'Could you add a search box': (m) => [
    { op: 'addState', component: APP, name: 'query', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Each')),
      index: index(m, id(m, 'Each')),
      type: 'TextInput',
      props: { value: { $bind: 'query' }, placeholder: 'Search tasks', kind: 'search' }
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
  'show how many jobs done': (m) => [
    {
      op: 'addNode',
      parent: footer(m),
      index: 1,
      type: 'Text',
      props: {
        text: { $expr: "state.items.filter((x) => x.done).length + ' done'" },
        tone: 'muted',
        size: 'sm'
      }
    }
  ],
  'The count at the bottom': (m) => [
    {
      op: 'setProp',
      id: leftText(m),
      name: 'text',
      value: {
        $expr: "state.items.filter((x) => !x.done).length + ' left of ' + state.items.length"
      }
    }
  ],
  'Please change the words in the box': (m) => [
    { op: 'setProp', id: id(m, 'TextInput'), name: 'placeholder', value: 'Type your homework here' }
  ],
  'delete btns red': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Delete'), name: 'variant', value: 'danger' }
  ],
  'Make the heading at the top bigger': (m) => [
    { op: 'setProp', id: id(m, 'Heading'), name: 'style', value: { fontSize: '2xl' } },
    { op: 'setProp', id: id(m, 'Heading'), name: 'align', value: 'center' }
  ],
  'Please take away the sentence': (m) => [
    { op: 'removeNode', id: parent(m, id(m, 'Text', 'Nothing to do yet.')) }
  ],
  'Put the Add button to the left': (m) => [
    { op: 'moveNode', id: id(m, 'Button', 'Add'), parent: parent(m, id(m, 'TextInput')), index: 0 }
  ],
  'each job needs customer name too': () => [
    {
      op: 'retypeState',
      component: APP,
      name: 'items',
      type: itemsWith('customer', 'string'),
      migrate: "value.map((x) => ({ ...x, customer: '' }))"
    }
  ],
  'When a pupil adds a new task': () => [
    {
      op: 'setHandler',
      component: APP,
      name: 'addItem',
      body: "const title = state.draft.trim();\nif (!title) return;\nstate.items.unshift({ id: state.nextId, title, done: false });\nstate.nextId += 1;\nstate.draft = '';"
    }
  ],
  'add btn bigger': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Add'), name: 'size', value: 'lg' }
  ],
  "Rename the 'Clear done' button": (m) => [
    {
      op: 'setProp',
      id: id(m, 'Button', 'Clear done'),
      name: 'label',
      value: 'Remove finished tasks'
    }
  ],
  'move clear done btn to top': (m) => [
    {
      op: 'moveNode',
      id: id(m, 'Button', 'Clear done'),
      parent: parent(m, id(m, 'Each')),
      index: index(m, id(m, 'Each'))
    }
  ],
  'The small grey text under the list': (m) => [
    {
      op: 'setProp',
      id: leftText(m),
      name: 'text',
      value: { $expr: "state.items.filter((x) => !x.done).length + ' tasks still to do'" }
    }
  ],
  'hide done jobs': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: { $expr: 'state.items.filter((x) => !x.done)' }
    }
  ],
  "Add a checkbox labelled 'Hide finished tasks'": (m) => [
    {
      op: 'addState',
      component: APP,
      name: 'hideDone',
      type: 'boolean',
      initial: false,
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Each')),
      index: index(m, id(m, 'Each')),
      type: 'Checkbox',
      props: { label: 'Hide finished tasks', checked: { $bind: 'hideDone' } }
    },
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: { $expr: 'state.hideDone ? state.items.filter((x) => !x.done) : state.items' }
    }
  ],
  'list first then the add box': (m) => [
    // Without the moved row the root holds Heading, Each, If, footer: index 2 is just after Each.
    {
      op: 'moveNode',
      id: parent(m, id(m, 'TextInput')),
      parent: parent(m, id(m, 'Each')),
      index: 2
    }
  ],
  'Please remove the Delete button': (m) => [
    { op: 'removeNode', id: id(m, 'Button', 'Delete') },
    { op: 'removeHandler', component: APP, name: 'remove' }
  ],
  'add btn text -> Add job': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Add'), name: 'label', value: 'Add job' }
  ],
  "Please make the 'Nothing to do yet.' message": (m) => [
    {
      op: 'setProp',
      id: id(m, 'Text', 'Nothing to do yet.'),
      name: 'text',
      value: 'Well done, everything is finished!'
    },
    { op: 'setProp', id: id(m, 'Text', 'Nothing to do yet.'), name: 'tone', value: 'success' }
  ],
  'job box max 40 letters': (m) => [
    {
      op: 'setHandler',
      component: APP,
      name: 'addItem',
      body: "const title = state.draft.trim();\nif (!title || title.length > 40) return;\nstate.items.push({ id: state.nextId, title, done: false });\nstate.nextId += 1;\nstate.draft = '';"
    },
    {
      op: 'setProp',
      id: id(m, 'Button', 'Add'),
      name: 'disabled',
      value: { $expr: "state.draft.trim() === '' || state.draft.trim().length > 40" }
    }
  ],
  'small heading Bikes in above the list': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Each')),
      index: index(m, id(m, 'Each')),
      type: 'Heading',
      props: { text: 'Bikes in', level: 3 }
    }
  ],
  'done jobs go to bottom': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: { $expr: 'state.items.slice().sort((a, b) => Number(a.done) - Number(b.done))' }
    }
  ]
};
