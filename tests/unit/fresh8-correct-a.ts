/**
 * Hand-written correct batches for the todo requests of the eighth fresh corpus
 * (tests/fixtures/ai-offline/fresh8.json), keyed by the start of each request: what a careful
 * person would do for a community-garden bookkeeper's request on the todo template.
 */
import { id, index, parent, type Batch } from './corpus-batch';
import type { AppModel } from '../../src/lib/model/types';

const App = 'App';

/** The todo template's "N left" text, the one Text whose words are an expression. */
export function leftCount(model: AppModel): string {
  for (const n of model.nodes.values())
    if (n.type === 'Text' && typeof n.props.text === 'object') return n.id;
  throw new Error('no count text in the template');
}

/** The row of the Clear done button and the count. */
const bottomRow = (m: AppModel) => parent(m, id(m, 'Button', 'Clear done'));
/** The row of the typing box and the Add button. */
const inputRow = (m: AppModel) => parent(m, id(m, 'TextInput'));

/** Correct batches for the todo change cases. */
export const CORRECT_TODO: Readonly<Record<string, Batch>> = {
  'Could you please put a button next to the Clear done': (m) => [
    { op: 'setHandler', component: App, name: 'clearAll', body: 'state.items = [];' },
    {
      op: 'addNode',
      parent: bottomRow(m),
      type: 'Button',
      props: {
        label: 'Clear all',
        variant: 'secondary',
        size: 'sm',
        onClick: { $handler: 'clearAll' }
      }
    }
  ],
  'The writing that says Todo': (m) => [
    { op: 'setProp', id: id(m, 'Heading', 'Todo'), name: 'text', value: 'Garden jobs' }
  ],
  'I would like the jobs in alphabetical order': (m) => [
    {
      op: 'setHandler',
      component: App,
      name: 'sortByTitle',
      body: 'state.items.sort((a, b) => a.title.localeCompare(b.title));'
    },
    {
      op: 'addNode',
      parent: bottomRow(m),
      type: 'Button',
      props: {
        label: 'Sort A-Z',
        variant: 'secondary',
        size: 'sm',
        onClick: { $handler: 'sortByTitle' }
      }
    }
  ],
  'Please add a little box at the top to search': (m) => [
    { op: 'addState', component: App, name: 'query', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Each')),
      index: index(m, inputRow(m)),
      type: 'TextInput',
      props: { kind: 'search', placeholder: 'Search jobs', value: { $bind: 'query' } }
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
  'Could the count at the bottom say how many are done': (m) => [
    {
      op: 'setProp',
      id: leftCount(m),
      name: 'text',
      value: {
        $expr:
          "state.items.filter((x) => x.done).length + ' done, ' + state.items.filter((x) => !x.done).length + ' left'"
      }
    }
  ],
  'The grey hint inside the box says': (m) => [
    { op: 'setProp', id: id(m, 'TextInput'), name: 'placeholder', value: 'Add a garden job' }
  ],
  'Please make the Add button green': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Add'), name: 'style', value: { background: 'success' } }
  ],
  'Can you make the tick things a bit bigger': (m) => [
    { op: 'setProp', id: id(m, 'Checkbox'), name: 'style', value: { fontSize: 'lg' } }
  ],
  'Please take away the Delete buttons': (m) => [
    { op: 'removeNode', id: id(m, 'Button', 'Delete') }
  ],
  'Could you put the Clear done button on the left': (m) => [
    { op: 'moveNode', id: id(m, 'Button', 'Clear done'), parent: bottomRow(m), index: 0 }
  ],
  "I'd like the heading in the middle": (m) => [
    { op: 'setProp', id: id(m, 'Heading', 'Todo'), name: 'align', value: 'center' },
    { op: 'setProp', id: id(m, 'Heading', 'Todo'), name: 'level', value: 2 }
  ],
  'Please add a box for the date each job is due': (m) => [
    {
      op: 'retypeState',
      component: App,
      name: 'items',
      type: {
        array: { object: { id: 'number', title: 'string', done: 'boolean', due: 'string' } }
      },
      migrate: "value.map((x) => ({ ...x, due: '' }))"
    },
    {
      op: 'addState',
      component: App,
      name: 'draftDue',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'setHandler',
      component: App,
      name: 'addItem',
      body: "const title = state.draft.trim();\nif (!title) return;\nstate.items.push({ id: state.nextId, title, done: false, due: state.draftDue });\nstate.nextId += 1;\nstate.draft = '';\nstate.draftDue = '';"
    },
    {
      op: 'addNode',
      parent: inputRow(m),
      index: 1,
      type: 'TextInput',
      props: { placeholder: 'Due date', value: { $bind: 'draftDue' } }
    }
  ],
  'Could the list show the jobs that are not done first': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: {
        $expr: 'state.items.filter((x) => !x.done).concat(state.items.filter((x) => x.done))'
      }
    }
  ],
  'Please change the Add button so it says Add job': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Add'), name: 'label', value: 'Add job' },
    { op: 'moveNode', id: id(m, 'Button', 'Add'), parent: inputRow(m), index: 0 }
  ],
  'Could you put a line under the heading': (m) => [
    { op: 'addNode', parent: parent(m, id(m, 'Each')), index: 1, type: 'Divider', props: {} }
  ],
  "I'd like to be able to mark every job as done": (m) => [
    {
      op: 'setHandler',
      component: App,
      name: 'markAllDone',
      body: 'for (const x of state.items) x.done = true;'
    },
    {
      op: 'addNode',
      parent: bottomRow(m),
      type: 'Button',
      props: {
        label: 'All done',
        variant: 'secondary',
        size: 'sm',
        onClick: { $handler: 'markAllDone' }
      }
    }
  ],
  'Could you show how many jobs there are altogether': (m) => [
    {
      op: 'addNode',
      parent: bottomRow(m),
      index: 1,
      type: 'Text',
      props: { text: { $expr: "state.items.length + ' in all'" }, tone: 'muted', size: 'sm' }
    }
  ],
  'Please make the writing that says Nothing to do yet': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Text', 'Nothing to do yet.'),
      name: 'text',
      value: 'All done, time for a cup of tea!'
    }
  ],
  'Can the title of the app be Community Garden Jobs': () => [
    { op: 'setMeta', name: 'title', value: 'Community Garden Jobs' }
  ],
  'The Delete buttons look a bit faint': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Delete'), name: 'variant', value: 'danger' }
  ],
  'Could you move the Clear done button and the count up': (m) => [
    {
      op: 'moveNode',
      id: bottomRow(m),
      parent: parent(m, id(m, 'Each')),
      index: index(m, id(m, 'Each'))
    }
  ],
  'Please put a little box where I can say who is doing each job': (m) => [
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
      op: 'setHandler',
      component: App,
      name: 'setWho',
      params: ['item', 'value'],
      body: 'const found = state.items.find((x) => x.id === item.id);\nif (found) found.who = value;'
    },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Checkbox')),
      index: 1,
      type: 'TextInput',
      props: { placeholder: 'Who', value: { $expr: 'item.who' }, onInput: { $handler: 'setWho' } }
    }
  ],
  'Could you take out the count at the bottom': (m) => [{ op: 'removeNode', id: leftCount(m) }],
  'Could the box where I type be wider': (m) => [
    { op: 'setProp', id: id(m, 'TextInput'), name: 'style', value: { width: 'full' } }
  ],
  'Please add a button that unticks every job': (m) => [
    {
      op: 'setHandler',
      component: App,
      name: 'untickAll',
      body: 'for (const x of state.items) x.done = false;'
    },
    {
      op: 'addNode',
      parent: bottomRow(m),
      type: 'Button',
      props: {
        label: 'Untick all',
        variant: 'secondary',
        size: 'sm',
        onClick: { $handler: 'untickAll' }
      }
    }
  ],
  'Would you make the Clear done button say Tidy up': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Clear done'), name: 'label', value: 'Tidy up' },
    { op: 'setProp', id: id(m, 'Button', 'Clear done'), name: 'size', value: 'md' }
  ],
  'Could you put the heading and the box on the same line': (m) => [
    { op: 'moveNode', id: id(m, 'Heading', 'Todo'), parent: inputRow(m), index: 0 }
  ],
  'Please add a Sort Z to A button': (m) => [
    {
      op: 'setHandler',
      component: App,
      name: 'sortAZ',
      body: 'state.items.sort((a, b) => a.title.localeCompare(b.title));'
    },
    {
      op: 'setHandler',
      component: App,
      name: 'sortZA',
      body: 'state.items.sort((a, b) => b.title.localeCompare(a.title));'
    },
    {
      op: 'addNode',
      parent: bottomRow(m),
      type: 'Button',
      props: { label: 'A to Z', size: 'sm', variant: 'secondary', onClick: { $handler: 'sortAZ' } }
    },
    {
      op: 'addNode',
      parent: bottomRow(m),
      type: 'Button',
      props: { label: 'Z to A', size: 'sm', variant: 'secondary', onClick: { $handler: 'sortZA' } }
    }
  ],
  'Please could the writing that says Todo sit over on the right': (m) => [
    { op: 'setProp', id: id(m, 'Heading', 'Todo'), name: 'align', value: 'end' }
  ]
};
