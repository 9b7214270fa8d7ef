/**
 * Hand-written correct batches for the form and blank change cases of the tenth fresh corpus
 * (tests/fixtures/ai-offline/fresh10.json), keyed by the start of each request: what a careful
 * person would do to the contact form and to the blank app, used by fresh10-corpus.test.ts to
 * show that each case's checks accept a right answer.
 */
import type { AppModel } from '../../src/lib/model/types';
import type { CaseBatch } from './corpus-parts';
import { id, parent, root } from './corpus-batch';

const set = (nodeId: string, name: string, value: unknown) => ({
  op: 'setProp',
  id: nodeId,
  name,
  value
});

/** A field of the form's state, local to the tab as the template's own fields are. */
const local = (name: string, type: string, initial: unknown) => ({
  op: 'addState',
  component: 'App',
  name,
  type,
  initial,
  scope: 'local'
});

/** The vertical Stack of the form's fields, checkbox and Send. */
const fields = (m: AppModel) => parent(m, id(m, 'TextInput', 'Name'));
/** Adds an element among the form's fields at this position. */
const field = (m: AppModel, index: number, type: string, props: Record<string, unknown>) => ({
  op: 'addNode',
  parent: fields(m),
  index,
  type,
  props
});

const SUBMIT =
  "if (!state.name.trim() || !state.email.includes('@')) return;\nstate.submitted = true;";
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const right = (m: AppModel) => set(id(m, 'Button', 'Send'), 'style', { align: 'end' });

export const CORRECT_FORM: Readonly<Record<string, CaseBatch>> = {
  'This form is for new volunteers': (m) => [set(id(m, 'Card'), 'title', 'Join the garden')],
  'add a field for the phone number': (m) => [
    local('phone', 'string', ''),
    field(m, 2, 'TextInput', { label: 'Phone', value: { $bind: 'phone' } })
  ],
  'people must choose which day': (m) => [
    local('waterDay', 'string', ''),
    field(m, 3, 'Select', {
      label: 'Watering day',
      value: { $bind: 'waterDay' },
      options: DAYS,
      placeholder: 'Pick a day'
    })
  ],
  'the Message box is too big': (m) => [set(id(m, 'TextArea'), 'rows', 3)],
  "Change 'Send me news'": (m) => [
    set(id(m, 'Checkbox'), 'label', 'Send me the watering calendar')
  ],
  'Name and Email in the same line': (m) => [
    {
      op: 'addNode',
      parent: fields(m),
      index: 0,
      id: 'pair',
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'md' }
    },
    { op: 'moveNode', id: id(m, 'TextInput', 'Name'), parent: 'pair' },
    { op: 'moveNode', id: id(m, 'TextInput', 'Email'), parent: 'pair' }
  ],
  'after send, the thank you text': (m) => [
    set(id(m, 'Text'), 'text', 'Thank you, see you in the garden!')
  ],
  'the send button, make it bigger': (m) => [set(id(m, 'Button', 'Send'), 'size', 'lg'), right(m)],
  'remove the news checkbox': (m) => [{ op: 'removeNode', id: id(m, 'Checkbox') }],
  "add a question 'How many hours": (m) => [
    local('hours', 'number', 0),
    field(m, 4, 'NumberInput', {
      label: 'How many hours per week can you help?',
      value: { $bind: 'hours' }
    })
  ],
  'the email is not necessary for everybody': (m) => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'submit',
      body: 'if (!state.name.trim()) return;\nstate.submitted = true;'
    },
    set(id(m, 'Button', 'Send'), 'disabled', { $expr: '!state.name.trim()' })
  ],
  'As a volunteer I want to choose my plot size': (m) => [
    local('plotSize', 'string', 'Medium'),
    field(m, 3, 'Select', {
      label: 'Plot size',
      value: { $bind: 'plotSize' },
      options: ['Small', 'Medium', 'Large']
    }),
    set(id(m, 'Text'), 'text', {
      $expr:
        "'Thanks, ' + state.name + '! We will write to ' + state.email + ' about your ' + state.plotSize.toLowerCase() + ' plot.'"
    })
  ],
  '- Email field: mark it as required': (m) => [
    set(id(m, 'TextInput', 'Email'), 'label', 'Email *'),
    set(id(m, 'TextInput', 'Name'), 'label', 'Full name *')
  ],
  'As the coordinator I want to know how people heard': (m) => [
    local('heardFrom', 'string', ''),
    field(m, 2, 'TextInput', {
      label: 'How did you hear about us?',
      value: { $bind: 'heardFrom' }
    })
  ],
  'Move the newsletter checkbox below': (m) => [
    { op: 'moveNode', id: id(m, 'Button', 'Send'), parent: fields(m), index: 3 }
  ],
  'Story: after submitting, the volunteer sees a green': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Text')),
      index: 0,
      id: 'thanks',
      type: 'Card',
      props: { tone: 'success', elevation: 'flat' }
    },
    { op: 'moveNode', id: id(m, 'Text'), parent: 'thanks' }
  ],
  '- Placeholder of Name': (m) => [
    set(id(m, 'TextInput', 'Name'), 'placeholder', 'Your name'),
    set(id(m, 'TextInput', 'Email'), 'placeholder', 'you@example.org')
  ],
  "the title 'Get in touch' is not for us": (m) => [
    { op: 'unsetProp', id: id(m, 'Card'), name: 'title' },
    {
      op: 'addNode',
      parent: root(m),
      index: 0,
      type: 'Heading',
      props: { text: 'Volunteer sign up', level: 1 }
    }
  ],
  'the checkbox for news should be already ticked': () => [
    {
      op: 'retypeState',
      component: 'App',
      name: 'subscribe',
      type: 'boolean',
      migrate: 'value',
      initial: true
    }
  ],
  'Can you make the whole form more narrow': (m) => [set(id(m, 'Card'), 'style', { width: 'md' })],
  'As a coordinator I want to see how many people signed up': (m) => [
    { op: 'addState', component: 'App', name: 'signups', type: 'number', initial: 0 },
    {
      op: 'setHandler',
      component: 'App',
      name: 'submit',
      body: `${SUBMIT}\nstate.signups += 1;`
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: { $expr: "state.signups + ' volunteers signed up'" }, tone: 'muted' }
    }
  ],
  "Send button: label 'Sign up'": (m) => [
    set(id(m, 'Button', 'Send'), 'label', 'Sign up'),
    set(id(m, 'Button', 'Send another'), 'label', 'Sign up another person')
  ],
  'the Email field put it first': (m) => [
    { op: 'moveNode', id: id(m, 'TextInput', 'Email'), parent: fields(m), index: 0 }
  ],
  'add a field for the age': (m) => [
    local('age', 'number', 0),
    field(m, 2, 'NumberInput', { label: 'Age', value: { $bind: 'age' } })
  ],
  "Tech debt: the 'Send another' button": () => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'startOver',
      body: "state.name = '';\nstate.email = '';\nstate.message = '';\nstate.subscribe = false;\nstate.submitted = false;"
    }
  ],
  'As a user I want the form on a dark card': (m) => [set(id(m, 'Card'), 'theme', 'dark')],
  'I need a place where they write which seeds': (m) => [
    local('seeds', 'string', ''),
    field(m, 3, 'TextArea', { label: 'Seeds you bring', value: { $bind: 'seeds' }, rows: 4 })
  ],
  'Divider between the fields and the Send button': (m) => [field(m, 4, 'Divider', {}), right(m)]
};

export const CORRECT_BLANK: Readonly<Record<string, CaseBatch>> = {
  'make a list of the garden plots': (m) => [
    {
      op: 'addState',
      component: 'App',
      name: 'plots',
      type: { array: { object: { name: 'string', volunteer: 'string' } } },
      initial: [
        { name: 'Plot A', volunteer: 'Maria' },
        { name: 'Plot B', volunteer: 'Kofi' }
      ]
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Each',
      props: { items: { $expr: 'state.plots' }, as: 'plot', key: { $expr: 'plot.name' } },
      children: [
        {
          type: 'Stack',
          props: { direction: 'horizontal', justify: 'between' },
          children: [
            { type: 'Text', props: { text: { $expr: 'plot.name' }, weight: 'bold' } },
            { type: 'Text', props: { text: { $expr: 'plot.volunteer' } } }
          ]
        }
      ]
    }
  ],
  'I want a counter for the watering cans': (m) => [
    { op: 'addState', component: 'App', name: 'cans', type: 'number', initial: 0 },
    { op: 'setHandler', component: 'App', name: 'addCan', body: 'state.cans += 1;' },
    { op: 'setHandler', component: 'App', name: 'removeCan', body: 'state.cans -= 1;' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Heading',
      props: { text: { $expr: "'Watering cans: ' + state.cans" } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'sm' },
      children: [
        { type: 'Button', props: { label: '−', onClick: { $handler: 'removeCan' } } },
        { type: 'Button', props: { label: '+', onClick: { $handler: 'addCan' } } }
      ]
    }
  ],
  'As a coordinator I want a simple page': (m) => [
    { op: 'addNode', parent: root(m), type: 'Heading', props: { text: 'Garden notice board' } },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: 'Next work day: Saturday 10:00' }
    }
  ],
  'Build a seed inventory': (m) => [
    {
      op: 'addState',
      component: 'App',
      name: 'seeds',
      type: { array: { object: { name: 'string', packets: 'number' } } },
      initial: []
    },
    local('seedDraft', 'string', ''),
    {
      op: 'setHandler',
      component: 'App',
      name: 'addSeed',
      body: "const name = state.seedDraft.trim();\nif (!name) return;\nstate.seeds.push({ name, packets: 1 });\nstate.seedDraft = '';"
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: {
        label: 'Seed',
        value: { $bind: 'seedDraft' },
        onSubmit: { $handler: 'addSeed' }
      }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Each',
      props: { items: { $expr: 'state.seeds' }, as: 'seed' },
      children: [
        {
          type: 'Stack',
          props: { direction: 'horizontal', justify: 'between' },
          children: [
            { type: 'Text', props: { text: { $expr: 'seed.name' } } },
            { type: 'Text', props: { text: { $expr: "seed.packets + ' packets'" } } }
          ]
        }
      ]
    }
  ],
  'a sign with big text': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Heading',
      props: { text: 'Please close the gate', level: 1, style: { color: 'danger' } }
    }
  ],
  'Add two buttons side by side': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'sm' },
      children: [
        { type: 'Button', props: { label: 'Open gate log' } },
        { type: 'Button', props: { label: 'Close gate log', variant: 'secondary' } }
      ]
    }
  ],
  'make a simple form for borrow tools': (m) => [
    local('borrower', 'string', ''),
    local('tool', 'string', ''),
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'Name', value: { $bind: 'borrower' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'Tool', value: { $bind: 'tool' } }
    }
  ],
  'Grid of 3 cards': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Grid',
      props: { columns: 3 },
      children: ['Plots', 'Volunteers', 'Harvest'].map((title) => ({
        type: 'Card',
        props: { title }
      }))
    }
  ],
  'Title of the app: Garden helper': (m) => [
    { op: 'setMeta', name: 'title', value: 'Garden helper' },
    { op: 'addNode', parent: root(m), type: 'Heading', props: { text: 'Garden helper', level: 1 } }
  ],
  "As a volunteer I want a toggle 'I am on site today'": (m) => [
    {
      op: 'addState',
      component: 'App',
      name: 'onSite',
      type: 'boolean',
      initial: false,
      scope: 'person'
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Toggle',
      props: { label: 'I am on site today', checked: { $bind: 'onSite' } }
    }
  ]
};
