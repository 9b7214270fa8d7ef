/**
 * Hand-written correct batches for the form and blank requests of the eighth fresh corpus
 * (tests/fixtures/ai-offline/fresh8.json), keyed by the start of each request.
 */
import { id, index, parent, root, type Batch } from './corpus-batch';
import type { AppModel } from '../../src/lib/model/types';

const App = 'App';

/** The Stack that holds the form's fields. */
const fields = (m: AppModel) => parent(m, id(m, 'TextInput', 'Ada Lovelace'));
const send = (m: AppModel) => id(m, 'Button', 'Send');
const VALID = "!state.name.trim() || !state.email.includes('@')";

/** Correct batches for the form change cases. */
export const CORRECT_FORM: Readonly<Record<string, Batch>> = {
  'Could you add a box for a phone number': (m) => [
    { op: 'addState', component: App, name: 'phone', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: fields(m),
      index: 2,
      type: 'TextInput',
      props: { label: 'Phone', value: { $bind: 'phone' } }
    }
  ],
  'Please make the email one optional': (m) => [
    {
      op: 'setHandler',
      component: App,
      name: 'submit',
      body: "if (!state.name.trim() || (state.email && !state.email.includes('@'))) return;\nstate.submitted = true;"
    },
    {
      op: 'setProp',
      id: send(m),
      name: 'disabled',
      value: { $expr: "!state.name.trim() || (state.email !== '' && !state.email.includes('@'))" }
    },
    { op: 'setProp', id: id(m, 'TextInput', 'Email'), name: 'label', value: 'Email (optional)' }
  ],
  'Please change Get in touch': (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'title', value: 'Join the garden' }
  ],
  'Could the message box show how many letters': (m) => [
    {
      op: 'addNode',
      parent: fields(m),
      index: index(m, id(m, 'TextArea')) + 1,
      type: 'Text',
      props: { text: { $expr: "state.message.length + ' / 200'" }, size: 'sm', tone: 'muted' }
    }
  ],
  'Please add a dropdown for which plot': (m) => [
    { op: 'addState', component: App, name: 'plot', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: fields(m),
      index: index(m, send(m)),
      type: 'Select',
      props: {
        label: 'Plot',
        options: ['North beds', 'South beds', 'Greenhouse'],
        value: { $bind: 'plot' }
      }
    }
  ],
  'The Send button should be wider': (m) => [
    { op: 'setProp', id: send(m), name: 'style', value: { width: 'full' } }
  ],
  'Could you put Name and Email side by side': (m) => [
    {
      op: 'addNode',
      parent: fields(m),
      index: 0,
      id: 'pair',
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'md' }
    },
    { op: 'moveNode', id: id(m, 'TextInput', 'Ada Lovelace'), parent: 'pair' },
    { op: 'moveNode', id: id(m, 'TextInput', 'Email'), parent: 'pair' }
  ],
  'Please take the Send me news tick box away': (m) => [
    { op: 'removeNode', id: id(m, 'Checkbox') }
  ],
  'Could the grey hint in the name box': (m) => [
    { op: 'setProp', id: id(m, 'TextInput', 'Name'), name: 'placeholder', value: 'Your full name' }
  ],
  "I'd like the Message box to be taller": (m) => [
    { op: 'setProp', id: id(m, 'TextArea'), name: 'rows', value: 10 }
  ],
  'Please rename the Name field to Full name': (m) => [
    { op: 'renameState', component: App, from: 'name', to: 'fullName' },
    { op: 'setProp', id: id(m, 'TextInput', 'Name'), name: 'label', value: 'Full name' }
  ],
  'Please make the Send button say Send to the committee': (m) => [
    { op: 'setProp', id: send(m), name: 'label', value: 'Send to the committee' },
    { op: 'setProp', id: send(m), name: 'style', value: { background: 'success' } }
  ],
  'Could the tick box for news be ticked already': () => [
    {
      op: 'retypeState',
      component: App,
      name: 'subscribe',
      type: 'boolean',
      migrate: 'value',
      initial: true
    }
  ],
  'Can you put the email box above the name box': (m) => [
    { op: 'moveNode', id: id(m, 'TextInput', 'Email'), parent: fields(m), index: 0 }
  ],
  'Please add a Clear button next to Send': (m) => [
    {
      op: 'setHandler',
      component: App,
      name: 'clearForm',
      body: "state.name = '';\nstate.email = '';\nstate.message = '';\nstate.subscribe = false;"
    },
    {
      op: 'addNode',
      parent: fields(m),
      index: index(m, send(m)),
      id: 'buttons',
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'sm' }
    },
    { op: 'moveNode', id: send(m), parent: 'buttons' },
    {
      op: 'addNode',
      parent: 'buttons',
      type: 'Button',
      props: { label: 'Clear', variant: 'secondary', onClick: { $handler: 'clearForm' } }
    }
  ],
  'Could the thank-you message mention the garden': (m) => [
    {
      op: 'setProp',
      id: thanks(m),
      name: 'text',
      value: 'Thank you, we will be in touch about the garden soon.'
    }
  ],
  'Please add a number box for how many hours': (m) => [
    { op: 'addState', component: App, name: 'hours', type: 'number', initial: 0, scope: 'local' },
    {
      op: 'addNode',
      parent: fields(m),
      index: index(m, send(m)),
      type: 'NumberInput',
      props: { label: 'Hours a week', value: { $bind: 'hours' } }
    }
  ],
  'The boxes are a bit close together': (m) => [
    { op: 'setProp', id: fields(m), name: 'gap', value: 'lg' }
  ],
  'Could the whole form be in the middle': (m) => [
    { op: 'setProp', id: root(m), name: 'align', value: 'center' }
  ],
  'Please put a heading at the very top': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      index: 0,
      type: 'Heading',
      props: { text: 'Riverside Community Garden', level: 1 }
    }
  ],
  'Could the email hint say name@example.com': (m) => [
    {
      op: 'setProp',
      id: id(m, 'TextInput', 'Email'),
      name: 'placeholder',
      value: 'name@example.com'
    }
  ],
  'Please make the Send another button go back': () => [
    {
      op: 'setHandler',
      component: App,
      name: 'startOver',
      body: "state.email = '';\nstate.message = '';\nstate.submitted = false;"
    }
  ],
  'Would you make the card a different colour': (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'style', value: { background: 'warning-soft' } }
  ],
  'Please add a hint in the Message box': (m) => [
    {
      op: 'setProp',
      id: id(m, 'TextArea'),
      name: 'placeholder',
      value: 'Tell us what you would like to grow.'
    }
  ],
  'Could you make the tick box for news into one of those sliding': (m) => [
    { op: 'removeNode', id: id(m, 'Checkbox') },
    {
      op: 'addNode',
      parent: fields(m),
      index: index(m, id(m, 'Checkbox')),
      type: 'Toggle',
      props: { label: 'Send me news', checked: { $bind: 'subscribe' } }
    }
  ],
  "Please don't let them send it unless": (m) => [
    {
      op: 'setHandler',
      component: App,
      name: 'submit',
      body: `if (${VALID} || !state.message.trim()) return;\nstate.submitted = true;`
    },
    {
      op: 'setProp',
      id: send(m),
      name: 'disabled',
      value: { $expr: `${VALID} || !state.message.trim()` }
    }
  ],
  'Could you add a box for their postcode': (m) => [
    {
      op: 'addState',
      component: App,
      name: 'postcode',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: fields(m),
      index: 2,
      type: 'TextInput',
      props: { label: 'Postcode', value: { $bind: 'postcode' } }
    },
    { op: 'setProp', id: id(m, 'TextInput', 'Name'), name: 'label', value: 'Full name' }
  ],
  'The Email label: could it say Email address': (m) => [
    { op: 'setProp', id: id(m, 'TextInput', 'Email'), name: 'label', value: 'Email address' },
    { op: 'setProp', id: id(m, 'TextArea'), name: 'label', value: 'Anything else?' }
  ],
  'Could the Send button sit over on the right': (m) => [
    { op: 'setProp', id: send(m), name: 'style', value: { align: 'end' } }
  ]
};

/** The thank-you text of the form template (its words are an expression). */
function thanks(m: AppModel): string {
  for (const n of m.nodes.values())
    if (n.type === 'Text' && typeof n.props.text === 'object') return n.id;
  throw new Error('no thank-you text in the form template');
}

/** Correct batches for the blank change cases. */
export const CORRECT_BLANK: Readonly<Record<string, Batch>> = {
  'Please give me a simple list where I can write down which seeds': (m) => [
    { op: 'addState', component: App, name: 'seeds', type: { array: 'string' }, initial: [] },
    { op: 'addState', component: App, name: 'draft', type: 'string', initial: '', scope: 'local' },
    {
      op: 'setHandler',
      component: App,
      name: 'addSeed',
      body: "const name = state.draft.trim();\nif (!name) return;\nstate.seeds.push(name);\nstate.draft = '';"
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
            placeholder: 'Seed',
            value: { $bind: 'draft' },
            onSubmit: { $handler: 'addSeed' }
          }
        },
        { type: 'Button', props: { label: 'Add', onClick: { $handler: 'addSeed' } } }
      ]
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Each',
      props: { items: { $expr: 'state.seeds' }, as: 'seed' },
      children: [{ type: 'Text', props: { text: { $expr: 'seed' } } }]
    }
  ],
  'Could you put a title at the top saying Seed Swap': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      index: 0,
      type: 'Heading',
      props: { text: 'Seed Swap', level: 1 }
    }
  ],
  'Please call the app Garden Rota': () => [{ op: 'setMeta', name: 'title', value: 'Garden Rota' }],
  'Could you add a counter for the number of volunteers': (m) => [
    { op: 'addState', component: App, name: 'volunteers', type: 'number', initial: 0 },
    { op: 'setHandler', component: App, name: 'addVolunteer', body: 'state.volunteers += 1;' },
    {
      op: 'setHandler',
      component: App,
      name: 'removeVolunteer',
      body: 'if (state.volunteers > 0) state.volunteers -= 1;'
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Heading',
      props: { text: { $expr: "state.volunteers + ' volunteers today'" } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'sm' },
      children: [
        {
          type: 'Button',
          props: { label: '−', variant: 'secondary', onClick: { $handler: 'removeVolunteer' } }
        },
        { type: 'Button', props: { label: '+', onClick: { $handler: 'addVolunteer' } } }
      ]
    }
  ],
  'Please put a box for notes': (m) => [
    { op: 'addState', component: App, name: 'notes', type: 'string', initial: '' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextArea',
      props: { label: 'Notes', value: { $bind: 'notes' } }
    }
  ],
  'Could you add a link to the council allotment page': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Link',
      props: {
        text: 'Council allotments',
        href: 'https://www.example.org/allotments',
        newTab: true
      }
    }
  ],
  "Please add a switch for 'Watering done today'": (m) => [
    { op: 'addState', component: App, name: 'wateringDone', type: 'boolean', initial: false },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Toggle',
      props: { label: 'Watering done today', checked: { $bind: 'wateringDone' } }
    }
  ],
  'Put a dropdown with the days of the week': (m) => [
    { op: 'addState', component: App, name: 'day', type: 'string', initial: 'Monday' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Select',
      props: {
        label: 'Day',
        options: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
        value: { $bind: 'day' }
      }
    }
  ],
  'Could you add a grey bit of writing at the bottom': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: 'Made by the garden committee', tone: 'muted', size: 'sm' }
    }
  ]
};
