/**
 * Hand-written correct batches for the todo and counter change requests of the fifth fresh corpus
 * (tests/fixtures/ai-offline/fresh5.json), keyed by the start of the request: each is one
 * reasonable right answer, and fresh5-corpus.test.ts asserts every check of its case holds on it,
 * so a check that would fail a right answer is caught. Written by the corpus's writer, without
 * the planner.
 */
import type { Op } from '../../src/lib/model/types';
import { childrenOf, id, index, parent, root, type Batch } from './corpus-batch';

/** Request start → a correct batch. */
export const CORRECT_TODO_COUNTER: Record<string, Batch> = {
  "I'd like the heading to say 'Shop jobs'": (m) => [
    { op: 'setProp', id: id(m, 'Heading', 'Todo'), name: 'text', value: 'Shop jobs' },
    { op: 'setProp', id: id(m, 'Button', 'Add'), name: 'style', value: { background: 'success' } }
  ],
  'Please add a due date to each task': () => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'items',
      type: {
        array: { object: { id: 'number', title: 'string', done: 'boolean', due: 'string' } }
      },
      migrate: "value.map((x) => ({ ...x, due: '' }))"
    }
  ],
  'Put a horizontal line between': (m) => [
    { op: 'addNode', parent: root(m), index: index(m, id(m, 'Each')), type: 'Divider' },
    { op: 'addNode', parent: root(m), index: index(m, id(m, 'Each')) + 3, type: 'Divider' }
  ],
  'Please sort the list': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: { $expr: '[...state.items].sort((a, b) => Number(a.done) - Number(b.done))' }
    }
  ],
  'Delete buttons should just say': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Delete'), name: 'label', value: 'Remove' },
    {
      op: 'moveNode',
      id: id(m, 'Button', 'Add'),
      parent: parent(m, id(m, 'Button', 'Add')),
      index: 0
    }
  ],
  'Put the buttons underneath each other': (m) => [
    { op: 'setProp', id: parent(m, id(m, 'Button', '+')), name: 'direction', value: 'vertical' }
  ],
  "I'd like a button that adds ten": (m) => [
    { op: 'setHandler', component: 'App', name: 'addTen', body: 'state.count += 10;' },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', '+')),
      type: 'Button',
      props: { label: '+10', onClick: { $handler: 'addTen' } }
    }
  ],
  'Can you show underneath the number whether': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Heading')),
      index: 1,
      type: 'Text',
      props: { text: { $expr: "state.count % 2 === 0 ? 'Even' : 'Odd'" }, size: 'sm' }
    }
  ],
  'Take away the card box': (m) => {
    const card = id(m, 'Card');
    const kids = childrenOf(m, card);
    return [
      ...kids.map((k, i): Op => ({ op: 'moveNode', id: k, parent: root(m), index: i })),
      { op: 'removeNode', id: card }
    ];
  },
  'Start the counter at 10': () => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'count',
      type: 'number',
      migrate: 'value',
      initial: 10
    },
    { op: 'setHandler', component: 'App', name: 'reset', body: 'state.count = 10;' }
  ],
  "Don't let the number go below zero": () => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'decrement',
      body: 'state.count = Math.max(0, state.count - state.step);'
    }
  ],
  'Change the word': (m) => [
    {
      op: 'setProp',
      id: [...m.nodes.values()].find((n) => JSON.stringify(n.props).includes(' left'))!.id,
      name: 'text',
      value: { $expr: "state.items.filter((x) => !x.done).length + ' still to do'" }
    }
  ],
  'Make the Reset button red and move': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Reset'), name: 'variant', value: 'danger' },
    {
      op: 'moveNode',
      id: id(m, 'Button', 'Reset'),
      parent: parent(m, id(m, 'Button', 'Reset')),
      index: 2
    }
  ],
  'Add a priority to each job': (m) => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'items',
      type: {
        array: { object: { id: 'number', title: 'string', done: 'boolean', priority: 'string' } }
      },
      migrate: "value.map((x) => ({ ...x, priority: 'medium' }))"
    },
    { op: 'addState', component: 'App', name: 'newPriority', type: 'string', initial: 'medium' },
    {
      op: 'setHandler',
      component: 'App',
      name: 'addItem',
      body: "const title = state.draft.trim();\nif (!title) return;\nstate.items.push({ id: state.nextId, title, done: false, priority: state.newPriority });\nstate.nextId += 1;\nstate.draft = '';"
    },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Add')),
      index: 1,
      type: 'Select',
      props: { options: ['High', 'Medium', 'Low'], value: { $bind: 'newPriority' } }
    }
  ],
  "I'd like a search box above the list": (m) => [
    { op: 'addState', component: 'App', name: 'query', type: 'string', initial: '' },
    {
      op: 'addNode',
      parent: root(m),
      index: index(m, id(m, 'Each')),
      type: 'TextInput',
      props: { kind: 'search', placeholder: 'Search', value: { $bind: 'query' } }
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
  'Could you add a notes field': (m) => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'items',
      type: {
        array: { object: { id: 'number', title: 'string', done: 'boolean', notes: 'string' } }
      },
      migrate: "value.map((x) => ({ ...x, notes: '' }))"
    },
    {
      op: 'addNode',
      parent: id(m, 'Each'),
      type: 'Text',
      props: { text: { $expr: 'item.notes' }, size: 'sm', tone: 'muted' }
    }
  ],
  "I'd like a second counter underneath": (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'title', value: 'Children' },
    { op: 'addState', component: 'App', name: 'adults', type: 'number', initial: 0 },
    { op: 'setHandler', component: 'App', name: 'addAdult', body: 'state.adults += 1;' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Card',
      props: { title: 'Adults' },
      children: [
        { type: 'Heading', props: { text: { $expr: 'String(state.adults)' } } },
        { type: 'Button', props: { label: 'Add adult', onClick: { $handler: 'addAdult' } } }
      ]
    }
  ],
  'Keep track of the highest': (m) => [
    { op: 'addState', component: 'App', name: 'best', type: 'number', initial: 0 },
    {
      op: 'setHandler',
      component: 'App',
      name: 'increment',
      body: 'state.count += state.step;\nif (state.count > state.best) state.best = state.count;'
    },
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      index: 1,
      type: 'Text',
      props: { text: { $expr: "'Best: ' + state.best" } }
    }
  ],
  'Rename the title field on the tasks': (m) => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'items',
      type: { array: { object: { id: 'number', name: 'string', done: 'boolean' } } },
      migrate: 'value.map((x) => ({ id: x.id, name: x.title, done: x.done }))'
    },
    { op: 'setProp', id: id(m, 'Checkbox'), name: 'label', value: { $expr: 'item.name' } },
    {
      op: 'setHandler',
      component: 'App',
      name: 'addItem',
      body: "const name = state.draft.trim();\nif (!name) return;\nstate.items.push({ id: state.nextId, name, done: false });\nstate.nextId += 1;\nstate.draft = '';"
    }
  ],
  'Could you put a count of how many jobs are finished': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Clear done')),
      index: 1,
      type: 'Text',
      props: {
        text: { $expr: "state.items.filter((i) => i.done).length + ' finished'" },
        size: 'sm'
      }
    }
  ],
  'The delete buttons are a bit hidden': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Delete'), name: 'variant', value: 'danger' },
    { op: 'setProp', id: id(m, 'Button', 'Delete'), name: 'size', value: 'md' }
  ],
  'Change the placeholder in the box': (m) => [
    {
      op: 'setProp',
      id: id(m, 'TextInput'),
      name: 'placeholder',
      value: 'What do the kids need to do?'
    },
    { op: 'setProp', id: id(m, 'Button', 'Add'), name: 'label', value: 'Add chore' }
  ],
  'Can you add a button that ticks everything off': (m) => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'tickAll',
      body: 'for (const x of state.items) x.done = true;'
    },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Clear done')),
      type: 'Button',
      props: { label: 'Tick all', onClick: { $handler: 'tickAll' } }
    }
  ],
  'Please remove the Clear done button': (m) => [
    { op: 'removeNode', id: id(m, 'Button', 'Clear done') }
  ],
  'Could you make the heading smaller': (m) => [
    { op: 'setProp', id: id(m, 'Heading', 'Todo'), name: 'level', value: 2 },
    { op: 'setProp', id: id(m, 'Heading', 'Todo'), name: 'align', value: 'center' }
  ],
  'Add a line of text under the heading': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      index: 1,
      type: 'Text',
      props: { text: 'Jobs for the shop this week', size: 'sm', tone: 'muted' }
    }
  ],
  'Could you rename the Clear done button': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Clear done'), name: 'label', value: 'Tidy up' }
  ],
  'Can you stop people from adding the same task twice': () => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'addItem',
      body: "const title = state.draft.trim();\nif (!title || state.items.some((x) => x.title === title)) return;\nstate.items.push({ id: state.nextId, title, done: false });\nstate.nextId += 1;\nstate.draft = '';"
    }
  ],
  'Start the list empty please': (m) => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'items',
      type: { array: { object: { id: 'number', title: 'string', done: 'boolean' } } },
      migrate: 'value',
      initial: []
    },
    {
      op: 'setProp',
      id: id(m, 'Text', 'Nothing to do yet.'),
      name: 'text',
      value: 'All done, well done!'
    }
  ],
  "I'd like a little badge next to each task": (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Delete')),
      index: 1,
      type: 'If',
      props: { when: { $expr: 'item.done' } },
      children: [{ type: 'Badge', props: { text: 'done', tone: 'success' } }]
    }
  ],
  'Make the Add button the same grey': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Add'), name: 'variant', value: 'secondary' },
    { op: 'setProp', id: id(m, 'Button', 'Clear done'), name: 'variant', value: 'danger' }
  ],
  'The list is getting long': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      index: 1,
      type: 'Text',
      props: { text: { $expr: "'Total: ' + state.items.length" } }
    }
  ],
  "Please change the app's name to 'Kitchen jobs'": (m) => [
    { op: 'setMeta', name: 'title', value: 'Kitchen jobs' },
    { op: 'setProp', id: id(m, 'Heading', 'Todo'), name: 'text', value: 'Kitchen jobs' }
  ],
  'Give each task a number for how many minutes': (m) => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'items',
      type: {
        array: { object: { id: 'number', title: 'string', done: 'boolean', minutes: 'number' } }
      },
      migrate: 'value.map((x) => ({ ...x, minutes: 0 }))'
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: {
        text: { $expr: "'Total minutes: ' + state.items.reduce((s, x) => s + x.minutes, 0)" }
      }
    }
  ],
  'Could you make the plus button go up by 5': () => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'step',
      type: 'number',
      migrate: 'value',
      initial: 5
    }
  ],
  'I run a little cafe': (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'title', value: 'Customers today' },
    { op: 'setProp', id: id(m, 'Heading'), name: 'style', value: { color: 'success' } }
  ],
  'Please stop it at 100': (m) => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'increment',
      body: 'state.count = Math.min(100, state.count + state.step);'
    },
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      type: 'If',
      props: { when: { $expr: 'state.count >= 100' } },
      children: [{ type: 'Text', props: { text: 'Full!' } }]
    }
  ],
  'Change the plus and minus to say': (m) => [
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'label', value: 'Add one' },
    { op: 'setProp', id: id(m, 'Button', '\u2212'), name: 'label', value: 'Take one' }
  ],
  'Can the number be much bigger': (m) => [
    { op: 'setProp', id: id(m, 'Heading'), name: 'style', value: { fontSize: '2xl' } }
  ],
  'Please remove the slider': (m) => [{ op: 'removeNode', id: id(m, 'Slider') }],
  'Could you change the slider so it goes up to 50': (m) => [
    { op: 'setProp', id: id(m, 'Slider'), name: 'max', value: 50 },
    { op: 'setProp', id: id(m, 'Slider'), name: 'label', value: 'Jump size' }
  ],
  "Add a heading at the top that says 'Visitors'": (m) => [
    { op: 'addNode', parent: root(m), index: 0, type: 'Heading', props: { text: 'Visitors' } },
    { op: 'setProp', id: id(m, 'Card'), name: 'title', value: 'Front door' }
  ],
  "Change the app's name to 'Lap counter'": () => [
    { op: 'setMeta', name: 'title', value: 'Lap counter' }
  ],
  'Make the minus button red': (m) => [
    { op: 'setProp', id: id(m, 'Button', '\u2212'), name: 'variant', value: 'danger' },
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'style', value: { background: 'success' } }
  ],
  'Could the card be dark': (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'theme', value: 'dark' }
  ],
  'Show a line under the buttons': (m) => [
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      index: 2,
      type: 'Text',
      props: { text: { $expr: "'Each press: ' + state.step" } }
    }
  ],
  'Please make the Reset button smaller': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Reset'), name: 'size', value: 'sm' },
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'size', value: 'lg' }
  ],
  "Could you put the word 'people'": (m) => [
    {
      op: 'setProp',
      id: id(m, 'Heading'),
      name: 'text',
      value: { $expr: "state.count + ' people'" }
    }
  ]
};
