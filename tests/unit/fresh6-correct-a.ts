/**
 * Hand-written correct batches for the todo requests of tests/fixtures/ai-offline/fresh6.json:
 * the ops a careful person would write for each, keyed by the request. fresh6-corpus.test.ts
 * plans each on the todo template and asserts it passes every check of its case.
 */
import { childrenOf, id, index, parent, root, type Batch } from './corpus-batch';

const ITEM = { id: 'number', title: 'string', done: 'boolean' };

/** The todo template's nodes a batch names. */
function todoNodes(m: Parameters<Batch>[0]) {
  const input = id(m, 'TextInput');
  const each = id(m, 'Each');
  const clear = id(m, 'Button', 'Clear done');
  return {
    heading: id(m, 'Heading', 'Todo'),
    input,
    inputRow: parent(m, input),
    add: id(m, 'Button', 'Add'),
    each,
    row: childrenOf(m, each)[0],
    del: id(m, 'Button', 'Delete'),
    empty: id(m, 'If'),
    clear,
    footer: parent(m, clear)
  };
}

/** The todo template's addItem with one more field written into the new item. */
function addItemWith(field: string, from: string, reset: string): string {
  return [
    'const title = state.draft.trim();',
    'if (!title) return;',
    `state.items.push({ id: state.nextId, title, done: false, ${field}: ${from} });`,
    'state.nextId += 1;',
    "state.draft = '';",
    reset
  ].join('\n');
}

/** Correct batches for the todo change cases, by request. */
export const CORRECT_TODO: Readonly<Record<string, Batch>> = {
  'add a clear all button': (m) => [
    { op: 'setHandler', component: 'App', name: 'clearAll', body: 'state.items = [];' },
    {
      op: 'addNode',
      parent: todoNodes(m).footer,
      type: 'Button',
      props: {
        label: 'Clear all',
        variant: 'secondary',
        size: 'sm',
        onClick: { $handler: 'clearAll' }
      }
    }
  ],
  'sort the list a-z please': (m) => [
    {
      op: 'setProp',
      id: todoNodes(m).each,
      name: 'items',
      value: { $expr: '[...state.items].sort((a, b) => a.title.localeCompare(b.title))' }
    }
  ],
  'can u put a search box above the list': (m) => {
    const n = todoNodes(m);
    return [
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
        index: index(m, n.each),
        type: 'TextInput',
        props: { value: { $bind: 'query' }, placeholder: 'Search', kind: 'search' }
      },
      {
        op: 'setProp',
        id: n.each,
        name: 'items',
        value: {
          $expr:
            'state.items.filter((x) => x.title.toLowerCase().includes(state.query.toLowerCase()))'
        }
      }
    ];
  },
  'show how many are done': (m) => [
    {
      op: 'addNode',
      parent: todoNodes(m).footer,
      index: 1,
      type: 'Text',
      props: {
        text: { $expr: "state.items.filter((x) => x.done).length + ' done'" },
        tone: 'muted',
        size: 'sm'
      }
    }
  ],
  'make the Add button green': (m) => [
    { op: 'setProp', id: todoNodes(m).add, name: 'style', value: { background: 'success' } }
  ],
  'change the title to Shop jobs': (m) => [
    { op: 'setProp', id: todoNodes(m).heading, name: 'text', value: 'Shop jobs' }
  ],
  'delete buttons should be red': (m) => [
    { op: 'setProp', id: todoNodes(m).del, name: 'variant', value: 'danger' }
  ],
  'get rid of the Nothing to do yet message': (m) => [{ op: 'removeNode', id: todoNodes(m).empty }],
  'change the placeholder to "New job"': (m) => [
    { op: 'setProp', id: todoNodes(m).input, name: 'placeholder', value: 'New job' }
  ],
  'rename Add to Save': (m) => [
    { op: 'setProp', id: todoNodes(m).add, name: 'label', value: 'Save' }
  ],
  'move the clear done button up to the top': (m) => {
    const n = todoNodes(m);
    return [{ op: 'moveNode', id: n.footer, parent: root(m), index: index(m, n.each) }];
  },
  'heading is too big, make it smaller': (m) => [
    { op: 'setProp', id: todoNodes(m).heading, name: 'level', value: 2 }
  ],
  'center the heading': (m) => [
    { op: 'setProp', id: todoNodes(m).heading, name: 'align', value: 'center' }
  ],
  'each job needs a due date': (m) => {
    const n = todoNodes(m);
    return [
      {
        op: 'retypeState',
        component: 'App',
        name: 'items',
        type: { array: { object: { ...ITEM, due: 'string' } } },
        migrate: "value.map((x) => ({ ...x, due: '' }))"
      },
      {
        op: 'addState',
        component: 'App',
        name: 'dueDraft',
        type: 'string',
        initial: '',
        scope: 'local'
      },
      {
        op: 'addNode',
        parent: n.inputRow,
        index: 1,
        type: 'TextInput',
        props: { value: { $bind: 'dueDraft' }, placeholder: 'Due date' }
      },
      {
        op: 'setHandler',
        component: 'App',
        name: 'addItem',
        body: addItemWith('due', 'state.dueDraft', "state.dueDraft = '';")
      },
      {
        op: 'addNode',
        parent: n.row,
        index: 1,
        type: 'Text',
        props: { text: { $expr: 'item.due' }, tone: 'muted', size: 'sm' }
      }
    ];
  },
  'put the add button on the left of the box': (m) => {
    const n = todoNodes(m);
    return [{ op: 'moveNode', id: n.add, parent: n.inputRow, index: 0 }];
  },
  'Add button a bit bigger': (m) => [
    { op: 'setProp', id: todoNodes(m).add, name: 'size', value: 'lg' }
  ],
  'i want a priority on each item, high med low': (m) => {
    const n = todoNodes(m);
    return [
      {
        op: 'retypeState',
        component: 'App',
        name: 'items',
        type: { array: { object: { ...ITEM, priority: 'string' } } },
        migrate: "value.map((x) => ({ ...x, priority: 'med' }))"
      },
      {
        op: 'addState',
        component: 'App',
        name: 'draftPriority',
        type: 'string',
        initial: 'med',
        scope: 'local'
      },
      {
        op: 'addNode',
        parent: n.inputRow,
        index: 1,
        type: 'Select',
        props: { value: { $bind: 'draftPriority' }, options: ['high', 'med', 'low'] }
      },
      {
        op: 'setHandler',
        component: 'App',
        name: 'addItem',
        body: addItemWith('priority', 'state.draftPriority', '')
      },
      {
        op: 'addNode',
        parent: n.row,
        index: 1,
        type: 'Badge',
        props: { text: { $expr: 'item.priority' } }
      }
    ];
  },
  'hide the ones that are done': (m) => [
    {
      op: 'setProp',
      id: todoNodes(m).each,
      name: 'items',
      value: { $expr: 'state.items.filter((x) => !x.done)' }
    }
  ],
  'add a button to tick everything off at once': (m) => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'doneAll',
      body: 'for (const x of state.items) x.done = true;'
    },
    {
      op: 'addNode',
      parent: todoNodes(m).footer,
      type: 'Button',
      props: {
        label: 'All done',
        variant: 'secondary',
        size: 'sm',
        onClick: { $handler: 'doneAll' }
      }
    }
  ],
  'the delete button should say Remove': (m) => [
    { op: 'setProp', id: todoNodes(m).del, name: 'label', value: 'Remove' }
  ],
  'put a line between the list and the bottom bit': (m) => [
    { op: 'addNode', parent: root(m), index: index(m, todoNodes(m).footer), type: 'Divider' }
  ],
  'take away clear done, never use it': (m) => [{ op: 'removeNode', id: todoNodes(m).clear }],
  'under the heading add text saying Jobs for this week': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      index: 1,
      type: 'Text',
      props: { text: 'Jobs for this week', tone: 'muted' }
    }
  ],
  'start the list empty, i dont need the 2 examples': () => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'items',
      type: { array: { object: ITEM } },
      migrate: '[]',
      initial: []
    }
  ],
  'show the total number of jobs next to the heading': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      index: 0,
      type: 'Stack',
      id: 'top',
      props: { direction: 'horizontal', gap: 'sm', align: 'center' },
      children: [{ type: 'Badge', props: { text: { $expr: "state.items.length + ' jobs'" } } }]
    },
    { op: 'moveNode', id: todoNodes(m).heading, parent: 'top', index: 0 }
  ],
  'make add just a + sign': (m) => [
    { op: 'setProp', id: todoNodes(m).add, name: 'label', value: '+' }
  ],
  'move the typing box and add button to under the list': (m) => {
    const n = todoNodes(m);
    // The index counts the root's children without the moved row: heading, list, empty note, footer.
    return [{ op: 'moveNode', id: n.inputRow, parent: root(m), index: 2 }];
  },
  'jobs cant be longer than 50 letters': () => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'addItem',
      body: [
        'const title = state.draft.trim();',
        'if (!title || title.length > 50) return;',
        'state.items.push({ id: state.nextId, title, done: false });',
        'state.nextId += 1;',
        "state.draft = '';"
      ].join('\n')
    }
  ]
};
