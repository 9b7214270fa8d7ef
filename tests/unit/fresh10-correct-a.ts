/**
 * Hand-written correct batches for the todo change cases of the tenth fresh corpus
 * (tests/fixtures/ai-offline/fresh10.json), keyed by the start of each request: what a careful
 * person would do to the todo template, used by fresh10-corpus.test.ts to show that each case's
 * checks accept a right answer.
 */
import type { AppModel } from '../../src/lib/model/types';
import type { CaseBatch } from './corpus-parts';
import { childrenOf, id, parent, root } from './corpus-batch';

const ITEM = { id: 'number', title: 'string', done: 'boolean' };

/** The row inside the list: the horizontal Stack holding the checkbox and Delete. */
const row = (m: AppModel) => parent(m, id(m, 'Checkbox'));
/** The input row: the Stack holding the text field and Add. */
const inputRow = (m: AppModel) => parent(m, id(m, 'TextInput'));
/** The footer: the Stack holding the "left" count and Clear done. */
const footer = (m: AppModel) => parent(m, id(m, 'Button', 'Clear done'));

/** Gives every item one more field (with a value for the existing ones). */
function addItemField(name: string, type: string, value: string): unknown {
  return {
    op: 'retypeState',
    component: 'App',
    name: 'items',
    type: { array: { object: { ...ITEM, [name]: type } } },
    migrate: `value.map((x) => ({ ...x, ${name}: ${value} }))`
  };
}

/** The addItem handler with extra fields on the new item and extra lines after it. */
function addItem(fields: string, after = ''): unknown {
  return {
    op: 'setHandler',
    component: 'App',
    name: 'addItem',
    body: `const title = state.draft.trim();\nif (!title) return;\nstate.items.push({ id: state.nextId, title, done: false${fields} });\nstate.nextId += 1;\nstate.draft = '';${after}`
  };
}

const set = (nodeId: string, name: string, value: unknown) => ({
  op: 'setProp',
  id: nodeId,
  name,
  value
});

export const CORRECT_TODO: Readonly<Record<string, CaseBatch>> = {
  'please change the title to Watering days': (m) => [
    set(id(m, 'Heading', 'Todo'), 'text', 'Watering days')
  ],
  'the Delete button is to red': (m) => [set(id(m, 'Button', 'Delete'), 'variant', 'danger')],
  'can you sort the list': (m) => [
    set(id(m, 'Each'), 'items', {
      $expr: '[...state.items].sort((a, b) => Number(a.done) - Number(b.done))'
    })
  ],
  'Put the Add button before the text box': (m) => [
    { op: 'moveNode', id: id(m, 'Button', 'Add'), parent: inputRow(m), index: 0 }
  ],
  'i want to see how many seed packets': (m) => [
    addItemField('packets', 'number', '0'),
    addItem(', packets: 0'),
    {
      op: 'addNode',
      parent: row(m),
      index: 1,
      type: 'Text',
      props: { text: { $expr: "item.packets + ' packets'" }, tone: 'muted' }
    }
  ],
  'the checkbox text is small': (m) => [set(id(m, 'Checkbox'), 'style', { fontSize: 'lg' })],
  'remove the Clear done button': (m) => [{ op: 'removeNode', id: id(m, 'Button', 'Clear done') }],
  'when I add a task I want also to choose the plot': (m) => [
    {
      op: 'addState',
      component: 'App',
      name: 'plotDraft',
      type: 'string',
      initial: 'Plot A',
      scope: 'local'
    },
    addItemField('plot', 'string', "''"),
    addItem(', plot: state.plotDraft'),
    {
      op: 'addNode',
      parent: inputRow(m),
      index: 1,
      type: 'Select',
      props: { value: { $bind: 'plotDraft' }, options: ['Plot A', 'Plot B', 'Plot C'] }
    },
    {
      op: 'addNode',
      parent: row(m),
      index: 1,
      type: 'Badge',
      props: { text: { $expr: 'item.plot' } }
    }
  ],
  "the 'Nothing to do yet.' message": (m) => [
    set(id(m, 'Text', 'Nothing to do yet.'), 'text', 'All plots are watered!')
  ],
  'show only the tasks that are not done': (m) => [
    set(id(m, 'Each'), 'items', { $expr: 'state.items.filter((x) => !x.done)' })
  ],
  'make the heading in the center and green': (m) => [
    set(id(m, 'Heading'), 'align', 'center'),
    set(id(m, 'Heading'), 'style', { color: 'success' })
  ],
  'add a count on top how many tasks are done': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      index: 1,
      type: 'Text',
      props: { text: { $expr: "state.items.filter((x) => x.done).length + ' done'" } }
    }
  ],
  'Please the new task should go on the top': () => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'addItem',
      body: "const title = state.draft.trim();\nif (!title) return;\nstate.items.unshift({ id: state.nextId, title, done: false });\nstate.nextId += 1;\nstate.draft = '';"
    }
  ],
  "Add a green badge 'Watered'": (m) => [
    {
      op: 'addNode',
      parent: row(m),
      index: 1,
      type: 'If',
      props: { when: { $expr: 'item.done' } },
      children: [{ type: 'Badge', props: { text: 'Watered', tone: 'success' } }]
    }
  ],
  'As a volunteer I want to mark a task as urgent': (m) => [
    addItemField('urgent', 'boolean', 'false'),
    addItem(', urgent: false'),
    {
      op: 'setHandler',
      component: 'App',
      name: 'toggleUrgent',
      params: ['item'],
      body: 'const found = state.items.find((x) => x.id === item.id);\nif (found) found.urgent = !found.urgent;'
    },
    {
      op: 'addNode',
      parent: row(m),
      index: 1,
      type: 'If',
      props: { when: { $expr: 'item.urgent' } },
      children: [{ type: 'Badge', props: { text: 'Urgent', tone: 'danger' } }]
    },
    {
      op: 'addNode',
      parent: row(m),
      index: 2,
      type: 'Button',
      props: {
        label: 'Urgent',
        variant: 'ghost',
        size: 'sm',
        onClick: { $handler: 'toggleUrgent' }
      }
    }
  ],
  "Ticket: rename the app to 'Garden Tasks'": (m) => [
    { op: 'setMeta', name: 'title', value: 'Garden Tasks' },
    set(id(m, 'Heading'), 'text', 'Garden Tasks'),
    set(id(m, 'TextInput'), 'placeholder', 'Add a garden task…')
  ],
  'User story: As a coordinator I want to filter tasks': (m) => [
    { op: 'addState', component: 'App', name: 'filter', type: 'string', initial: 'All' },
    {
      op: 'addNode',
      parent: root(m),
      index: 2,
      type: 'Select',
      props: { label: 'Show', value: { $bind: 'filter' }, options: ['All', 'Open', 'Done'] }
    },
    set(id(m, 'Each'), 'items', {
      $expr:
        "state.items.filter((x) => state.filter === 'All' || (state.filter === 'Done') === x.done)"
    })
  ],
  "- Move the 'x left' counter": (m) => [
    { op: 'moveNode', id: footer(m), parent: root(m), index: 1 }
  ],
  'As a volunteer I want to edit the title of a task inline': (m) => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'rename',
      params: ['item'],
      body: 'const found = state.items.find((x) => x.id === item.id);\nif (found) found.title = event.value;'
    },
    { op: 'unsetProp', id: id(m, 'Checkbox'), name: 'label' },
    {
      op: 'addNode',
      parent: row(m),
      index: 1,
      type: 'TextInput',
      props: { value: { $expr: 'item.title' }, onInput: { $handler: 'rename' } }
    }
  ],
  'Tickets:\n1. Heading': (m) => [
    set(id(m, 'Heading'), 'text', 'Seed orders'),
    set(id(m, 'Button', 'Add'), 'label', 'Order'),
    set(id(m, 'Button', 'Delete'), 'label', 'Cancel')
  ],
  'As a coordinator I want each task to have a due date': (m) => [
    {
      op: 'addState',
      component: 'App',
      name: 'dueDraft',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    addItemField('due', 'string', "''"),
    addItem(', due: state.dueDraft.trim()', "\nstate.dueDraft = '';"),
    {
      op: 'addNode',
      parent: inputRow(m),
      index: 1,
      type: 'TextInput',
      props: { value: { $bind: 'dueDraft' }, placeholder: 'Due date' }
    },
    {
      op: 'addNode',
      parent: row(m),
      index: 1,
      type: 'Text',
      props: { text: { $expr: 'item.due' }, tone: 'muted', size: 'sm' }
    }
  ],
  'Make the list three columns': (m) => [
    { op: 'addNode', parent: root(m), index: 3, type: 'Grid', id: 'grid', props: { columns: 3 } },
    { op: 'moveNode', id: id(m, 'Each'), parent: 'grid' },
    { op: 'addNode', parent: id(m, 'Each'), type: 'Card', id: 'card', props: { padding: 'sm' } },
    { op: 'moveNode', id: row(m), parent: 'card' }
  ],
  'the Clear done button is to small': (m) => [
    { op: 'unsetProp', id: id(m, 'Button', 'Clear done'), name: 'size' }
  ],
  "change the word 'left'": (m) => [
    set(childrenOf(m, footer(m))[0], 'text', {
      $expr: "state.items.filter((x) => !x.done).length + ' still to water'"
    })
  ],
  'Remove the empty-state message': (m) => [
    { op: 'removeNode', id: id(m, 'If') },
    { op: 'removeNode', id: id(m, 'Button', 'Clear done') }
  ],
  "add a second title 'Harvest'": (m) => [
    {
      op: 'addNode',
      parent: root(m),
      index: 3,
      type: 'Heading',
      props: { text: 'Harvest', level: 3 }
    }
  ],
  'Story: done tasks should look greyed out': (m) => [
    set(id(m, 'Checkbox'), 'style', { $expr: "item.done ? { color: 'muted' } : {}" })
  ]
};
