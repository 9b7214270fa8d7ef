/**
 * Second right answers for the cases of the seventh fresh corpus (tests/fixtures/ai-offline/fresh7.json)
 * whose checks accept alternatives, keyed by the start of the request: another style key, another
 * place to put a thing, another way to write the logic. The corpus test asserts each passes, so a
 * check that only knows one right answer is caught.
 */
import { childrenOf, id, parent, root, type Batch } from './corpus-batch';

const App = 'App';

/** Alternative correct batches, one per case, each taking another branch of its checks. */
export const ALSO_CORRECT: Readonly<Record<string, Batch>> = {
  'when I tick something off it should go grey': (m) => [
    {
      op: 'setProp',
      id: parent(m, id(m, 'Checkbox')),
      name: 'style',
      value: { $expr: "item.done ? { background: 'sunken', color: 'subtle' } : {}" }
    }
  ],
  'the list is getting really long, I need a search box': (m) => [
    { op: 'addState', component: App, name: 'find', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'Find', value: { $bind: 'find' } }
    },
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: { $expr: 'state.items.filter((x) => x.title.indexOf(state.find) >= 0)' }
    }
  ],
  'Change the title to Scout Camp Kit List': () => [
    { op: 'setMeta', name: 'title', value: 'Scout Camp Kit List' }
  ],
  'the delete buttons are a bit hidden': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Delete'), name: 'style', value: { color: 'danger' } }
  ],
  "I'd like the heading in the middle": (m) => [
    { op: 'setProp', id: id(m, 'Heading'), name: 'style', value: { align: 'center' } }
  ],
  "there's not enough room between the bits": (m) => [
    { op: 'setProp', id: root(m), name: 'style', value: { gap: 'xl' } }
  ],
  'the box where you type is too small': (m) => [
    { op: 'moveNode', id: id(m, 'TextInput'), parent: root(m), index: 1 }
  ],
  'the bit at the bottom with how many are left': (m) => {
    const bottom = parent(m, id(m, 'Button', 'Clear done'));
    return [{ op: 'moveNode', id: childrenOf(m, bottom)[0], parent: root(m), index: 1 }];
  },
  'can ticked things drop to the bottom': () => [
    {
      op: 'setHandler',
      component: App,
      name: 'toggle',
      params: ['item'],
      body: 'const at = state.items.findIndex((x) => x.id === item.id);\nif (at < 0) return;\nconst [found] = state.items.splice(at, 1);\nfound.done = !found.done;\nif (found.done) state.items.push(found);\nelse state.items.unshift(found);'
    }
  ],
  'when the list is empty, hide the clear done button': (m) => {
    const bottom = parent(m, id(m, 'Button', 'Clear done'));
    return [
      {
        op: 'addNode',
        parent: root(m),
        id: 'onlyIf',
        type: 'If',
        props: { when: { $expr: 'state.items.some((x) => x.done)' } }
      },
      { op: 'moveNode', id: bottom, parent: 'onlyIf' }
    ];
  },
  'put a line between the list and the bottom bit': (m) => [
    { op: 'addNode', parent: root(m), index: 3, type: 'Divider', props: { spacing: 'sm' } }
  ],
  "it shouldn't be able to go below zero": (m) => [
    {
      op: 'setProp',
      id: id(m, 'Button', '−'),
      name: 'disabled',
      value: { $expr: 'state.count - state.step < 0' }
    }
  ],
  'the plus and minus buttons are tiny': (m) => [
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'style', value: { fontSize: 'xl' } },
    { op: 'setProp', id: id(m, 'Button', '−'), name: 'style', value: { width: 'sm' } }
  ],
  'can the number go red when it gets over 50': (m) => [
    { op: 'setProp', id: id(m, 'Heading'), name: 'text', value: { $expr: 'String(state.count)' } },
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      index: 0,
      type: 'If',
      props: { when: { $expr: 'state.count >= 51' } },
      children: [
        {
          type: 'Heading',
          props: {
            text: { $expr: "state.count + ' (too many!)'" },
            level: 2,
            style: { color: 'danger' }
          }
        }
      ]
    }
  ],
  'is it possible to have it remember a target': (m) => [
    { op: 'addState', component: App, name: 'peopleWanted', type: 'number', initial: 30 },
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      type: 'Text',
      props: { text: { $expr: "'Still need ' + (state.peopleWanted - state.count)" } }
    }
  ],
  'Can the card be a bit wider?': (m) => [
    { op: 'setProp', id: root(m), name: 'align', value: 'stretch' }
  ],
  "can it say 'people' after the number": (m) => [
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      index: 1,
      type: 'Text',
      props: { text: 'people', align: 'center' }
    }
  ],
  "Can it show a little message saying 'Full!'": (m) => [
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      type: 'Text',
      props: { text: { $expr: "state.count >= 40 ? 'Full!' : ''" }, tone: 'danger' }
    }
  ],
  'the title of the app should be Lap Counter': (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'title', value: 'Lap Counter' }
  ],
  'the Send button should be over on the right': (m) => {
    const fields = parent(m, id(m, 'TextInput', 'Name'));
    return [
      {
        op: 'addNode',
        parent: fields,
        id: 'sendRow',
        type: 'Stack',
        props: { direction: 'horizontal', justify: 'end' }
      },
      { op: 'moveNode', id: id(m, 'Button', 'Send'), parent: 'sendRow' }
    ];
  },
  'make the message box bigger': (m) => [
    { op: 'setProp', id: id(m, 'TextArea'), name: 'style', value: { height: 'lg' } }
  ],
  'make the message required too': () => [
    {
      op: 'setHandler',
      component: App,
      name: 'submit',
      body: "if (!state.name.trim() || !state.email.includes('@')) return;\nif (state.message.trim() === '') return;\nstate.submitted = true;"
    }
  ],
  'I need to know how old the kids are': (m) => [
    {
      op: 'addState',
      component: App,
      name: 'childAge',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'TextInput', 'Name')),
      type: 'TextInput',
      props: { label: "Child's age", kind: 'number', value: { $bind: 'childAge' } }
    }
  ],
  'we need a second email box': (m) => [
    {
      op: 'addState',
      component: App,
      name: 'confirm',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'TextInput', 'Name')),
      index: 2,
      type: 'TextInput',
      props: { label: 'Confirm email', kind: 'email', value: { $bind: 'confirm' } }
    },
    {
      op: 'setHandler',
      component: App,
      name: 'submit',
      body: "if (!state.name.trim() || !state.email.includes('@')) return;\nif (state.email.trim() !== state.confirm.trim()) return;\nstate.submitted = true;"
    }
  ],
  'The thank you message should say': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Text'),
      name: 'text',
      value: { $expr: "'Thanks, ' + state.name + '! See you on Tuesday.'" }
    }
  ],
  'Can you take the Ada Lovelace bit out': (m) => [
    { op: 'setProp', id: id(m, 'TextInput', 'Name'), name: 'placeholder', value: '' }
  ],
  'put a big title at the top saying Chess Club': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: 'Chess Club', style: { fontSize: '2xl', fontWeight: 'bold' } }
    }
  ],
  'I need a button that counts how many people turned up': (m) => [
    { op: 'addState', component: App, name: 'people', type: 'number', initial: 0 },
    { op: 'setHandler', component: App, name: 'countOne', body: 'state.people++;' },
    { op: 'addNode', parent: root(m), type: 'Text', props: { text: 'People here tonight:' } },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: { $expr: "state.people + ' so far'" }, size: 'xl' }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: 'Count one', onClick: { $handler: 'countOne' } }
    }
  ],
  'I want a slider from 1 to 10': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Slider',
      props: { label: 'How much did you enjoy tonight?', min: 1, max: 10 }
    }
  ],
  "title the app 'Quiz Night Scores'": (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Heading',
      props: { text: 'Quiz Night Scores', level: 1 }
    }
  ]
};
