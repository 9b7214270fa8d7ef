/**
 * Correct batches for the blank-template change cases of the seventh fresh corpus
 * (tests/fixtures/ai-offline/fresh7.json), keyed by the start of the request: a blank app is an
 * App component with an empty root stack, so each batch builds what was asked from nothing.
 */
import { root, type Batch } from './corpus-batch';

const App = 'App';

/** The blank template's correct batches. */
export const CORRECT_BLANK: Readonly<Record<string, Batch>> = {
  'put a big title at the top saying Chess Club': (m) => [
    { op: 'addNode', parent: root(m), type: 'Heading', props: { text: 'Chess Club', level: 1 } }
  ],
  'I need a button that counts how many people turned up': (m) => [
    { op: 'addState', component: App, name: 'turnedUp', type: 'number', initial: 0 },
    { op: 'setHandler', component: App, name: 'arrived', body: 'state.turnedUp += 1;' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Heading',
      props: { text: { $expr: 'String(state.turnedUp)' }, level: 1 }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: 'Someone arrived', onClick: { $handler: 'arrived' } }
    }
  ],
  "a box to type someone's name in and a Sign in button": (m) => [
    { op: 'addState', component: App, name: 'people', type: { array: 'string' }, initial: [] },
    { op: 'addState', component: App, name: 'draft', type: 'string', initial: '', scope: 'local' },
    {
      op: 'setHandler',
      component: App,
      name: 'signIn',
      body: "const name = state.draft.trim();\nif (!name) return;\nstate.people.push(name);\nstate.draft = '';"
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'sm' },
      children: [
        {
          type: 'TextInput',
          props: {
            value: { $bind: 'draft' },
            placeholder: 'Your name',
            onSubmit: { $handler: 'signIn' }
          }
        },
        { type: 'Button', props: { label: 'Sign in', onClick: { $handler: 'signIn' } } }
      ]
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Each',
      props: { items: { $expr: 'state.people' }, as: 'person' },
      children: [{ type: 'Text', props: { text: { $expr: 'person' } } }]
    }
  ],
  'can I have a list of our members with a tick box': (m) => [
    {
      op: 'addState',
      component: App,
      name: 'members',
      type: { array: { object: { id: 'number', name: 'string', paid: 'boolean' } } },
      initial: [
        { id: 1, name: 'Sam', paid: false },
        { id: 2, name: 'Priya', paid: true }
      ]
    },
    {
      op: 'setHandler',
      component: App,
      name: 'togglePaid',
      params: ['member'],
      body: 'const found = state.members.find((x) => x.id === member.id);\nif (found) found.paid = !found.paid;'
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Each',
      props: { items: { $expr: 'state.members' }, as: 'member', key: { $expr: 'member.id' } },
      children: [
        {
          type: 'Checkbox',
          props: {
            checked: { $expr: 'member.paid' },
            label: { $expr: 'member.name' },
            onChange: { $handler: 'togglePaid' }
          }
        }
      ]
    }
  ],
  "Can you write 'Meetings are every Tuesday": (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: 'Meetings are every Tuesday at 7 in the church hall' }
    }
  ],
  "add a tick box saying 'I have read the rules'": (m) => [
    {
      op: 'addState',
      component: App,
      name: 'readRules',
      type: 'boolean',
      initial: false,
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Checkbox',
      props: { label: 'I have read the rules', checked: { $bind: 'readRules' } }
    }
  ],
  'I want a slider from 1 to 10': (m) => [
    {
      op: 'addState',
      component: App,
      name: 'enjoyment',
      type: 'number',
      initial: 5,
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Slider',
      props: {
        label: 'How much did you enjoy tonight?',
        min: 1,
        max: 10,
        step: 1,
        value: { $bind: 'enjoyment' }
      }
    }
  ],
  'add a dropdown for picking your team': (m) => [
    { op: 'addState', component: App, name: 'team', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Select',
      props: {
        label: 'Your team',
        options: ['Red', 'Blue', 'Green'],
        value: { $bind: 'team' },
        placeholder: 'Pick a team'
      }
    }
  ],
  'add a notes box where I can jot things down': (m) => [
    { op: 'addState', component: App, name: 'notes', type: 'string', initial: '' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextArea',
      props: { label: 'Notes', value: { $bind: 'notes' }, rows: 6 }
    }
  ],
  "title the app 'Quiz Night Scores'": () => [
    { op: 'setMeta', name: 'title', value: 'Quiz Night Scores' }
  ]
};
