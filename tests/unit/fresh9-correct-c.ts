/**
 * Hand-written correct batches for the form and blank change cases of the ninth fresh corpus
 * (tests/fixtures/ai-offline/fresh9.json), keyed by the start of each request.
 */
import { id, parent, root, type Batch } from './corpus-batch';

const APP = 'App';

type Model = Parameters<Batch>[0];

/** The Stack that holds the form's fields and the Send button. */
const fields = (m: Model): string => parent(m, id(m, 'TextInput', 'Name'));

/** A local text field for a form input. */
const localText = (name: string) => ({
  op: 'addState',
  component: APP,
  name,
  type: 'string',
  initial: '',
  scope: 'local'
});

/** Wraps two nodes of the field stack in a new horizontal row at `at`. */
function rowOf(m: Model, at: number, first: string, second: string): unknown[] {
  return [
    {
      op: 'addNode',
      parent: fields(m),
      index: at,
      type: 'Stack',
      id: 'pair',
      props: { direction: 'horizontal', gap: 'sm', align: 'center' }
    },
    { op: 'moveNode', id: first, parent: 'pair' },
    { op: 'moveNode', id: second, parent: 'pair' }
  ];
}

/** Correct batches for the form template. */
export const CORRECT_FORM: Readonly<Record<string, Batch>> = {
  'add phone field': (m) => [
    localText('phone'),
    {
      op: 'addNode',
      parent: fields(m),
      index: 2,
      type: 'TextInput',
      props: { label: 'Phone', value: { $bind: 'phone' }, placeholder: '07700 900123' }
    }
  ],
  "Please add a field for the pupil's year group": (m) => [
    localText('yearGroup'),
    {
      op: 'addNode',
      parent: fields(m),
      index: 1,
      type: 'Select',
      props: {
        label: 'Year group',
        value: { $bind: 'yearGroup' },
        options: ['Year 7', 'Year 8', 'Year 9'],
        placeholder: 'Choose your year'
      }
    }
  ],
  'msg box char count': (m) => [
    {
      op: 'addNode',
      parent: fields(m),
      index: 3,
      type: 'Text',
      props: { text: { $expr: "state.message.length + ' chars'" }, tone: 'muted', size: 'sm' }
    }
  ],
  'Under the Message box, show pupils': (m) => [
    {
      op: 'addNode',
      parent: fields(m),
      index: 3,
      type: 'Text',
      props: { text: { $expr: "state.message.length + ' / 200'" }, tone: 'muted', size: 'sm' }
    },
    {
      op: 'setProp',
      id: id(m, 'Button', 'Send'),
      name: 'disabled',
      value: {
        $expr: "!state.name.trim() || !state.email.includes('@') || state.message.length > 200"
      }
    },
    {
      op: 'setHandler',
      component: APP,
      name: 'submit',
      body: "if (!state.name.trim() || !state.email.includes('@')) return;\nif (state.message.length > 200) return;\nstate.submitted = true;"
    }
  ],
  'send btn -> Book repair': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Send'), name: 'label', value: 'Book repair' }
  ],
  'The first box, Name': (m) => [
    { op: 'setProp', id: id(m, 'TextInput', 'Name'), name: 'placeholder', value: 'e.g. Sam Jones' },
    { op: 'setProp', id: id(m, 'TextInput', 'Name'), name: 'label', value: 'Full name' }
  ],
  'msg box label -> Whats wrong': (m) => [
    { op: 'setProp', id: id(m, 'TextArea'), name: 'label', value: "What's wrong with the bike?" }
  ],
  'In the data the app keeps': () => [
    { op: 'renameState', component: APP, from: 'message', to: 'question' },
    {
      op: 'setHandler',
      component: APP,
      name: 'startOver',
      body: "state.name = '';\nstate.email = '';\nstate.question = '';\nstate.submitted = false;"
    }
  ],
  'name + email side by side': (m) =>
    rowOf(m, 0, id(m, 'TextInput', 'Name'), id(m, 'TextInput', 'Email')),
  'Please make the Send button stretch': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Send'), name: 'style', value: { width: 'full' } }
  ],
  'default msg Hi my bike needs': () => [
    {
      op: 'retypeState',
      component: APP,
      name: 'message',
      type: 'string',
      migrate: 'value',
      initial: 'Hi my bike needs'
    }
  ],
  "Make the checkbox, 'Send me news'": () => [
    {
      op: 'retypeState',
      component: APP,
      name: 'subscribe',
      type: 'boolean',
      migrate: 'value',
      initial: true
    }
  ],
  'remove news checkbox': (m) => [
    { op: 'removeNode', id: id(m, 'Checkbox') },
    { op: 'removeState', component: APP, name: 'subscribe' }
  ],
  'After a pupil presses Send': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Text'),
      name: 'text',
      value: { $expr: "'Thank you, ' + state.name + ', your teacher will reply soon.'" }
    }
  ],
  'email box first': (m) => [
    { op: 'moveNode', id: id(m, 'TextInput', 'Email'), parent: fields(m), index: 0 }
  ],
  "Please add a 'Clear' button next to Send": (m) => [
    {
      op: 'setHandler',
      component: APP,
      name: 'clearFields',
      body: "state.name = '';\nstate.email = '';\nstate.message = '';"
    },
    {
      op: 'addNode',
      parent: fields(m),
      type: 'Stack',
      id: 'actions',
      props: { direction: 'horizontal', gap: 'sm' }
    },
    { op: 'moveNode', id: id(m, 'Button', 'Send'), parent: 'actions' },
    {
      op: 'addNode',
      parent: 'actions',
      type: 'Button',
      props: { label: 'Clear', variant: 'secondary', onClick: { $handler: 'clearFields' } }
    }
  ],
  'card title -> Book a repair': (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'title', value: 'Book a repair' }
  ],
  'The Message box is too tall': (m) => [
    { op: 'setProp', id: id(m, 'TextArea'), name: 'rows', value: 3 }
  ],
  'add bike model field': (m) => [
    localText('bikeModel'),
    {
      op: 'addNode',
      parent: fields(m),
      index: 2,
      type: 'TextInput',
      props: { label: 'Bike model', value: { $bind: 'bikeModel' } }
    }
  ],
  'Please add a dropdown below the Email box': (m) => [
    localText('heardFrom'),
    {
      op: 'addNode',
      parent: fields(m),
      index: 2,
      type: 'Select',
      props: {
        label: 'How did you hear about us?',
        value: { $bind: 'heardFrom' },
        options: ['Friend', 'Poster', 'Website']
      }
    }
  ],
  'send btn green': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Send'), name: 'style', value: { background: 'success' } }
  ],
  'In the Email box, the grey example text': (m) => [
    { op: 'setProp', id: id(m, 'TextInput', 'Email'), name: 'placeholder', value: 'you@mail.com' }
  ],
  'Please put the Send button and the': (m) =>
    rowOf(m, 5, id(m, 'Checkbox', 'Send me news'), id(m, 'Button', 'Send')),
  'The form is too wide': (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'style', value: { width: 'md' } }
  ],
  'Please show a small note in red': (m) => [
    {
      op: 'addNode',
      parent: fields(m),
      index: 2,
      type: 'If',
      props: { when: { $expr: "state.email !== '' && !state.email.includes('@')" } },
      children: [
        { type: 'Text', props: { text: 'Please include an @', tone: 'danger', size: 'sm' } }
      ]
    }
  ],
  'make it 2 columns': (m) => [
    {
      op: 'addNode',
      parent: fields(m),
      index: 0,
      type: 'Grid',
      id: 'grid',
      props: { columns: 2, gap: 'md' }
    },
    { op: 'moveNode', id: id(m, 'TextInput', 'Name'), parent: 'grid' },
    { op: 'moveNode', id: id(m, 'TextInput', 'Email'), parent: 'grid' }
  ],
  'Please remove the second box, Email': (m) => [
    { op: 'removeNode', id: id(m, 'TextInput', 'Email') },
    {
      op: 'setProp',
      id: id(m, 'Button', 'Send'),
      name: 'disabled',
      value: { $expr: '!state.name.trim()' }
    },
    {
      op: 'setHandler',
      component: APP,
      name: 'submit',
      body: 'if (!state.name.trim()) return;\nstate.submitted = true;'
    },
    {
      op: 'setProp',
      id: id(m, 'Text'),
      name: 'text',
      value: { $expr: "'Thanks, ' + state.name + '!'" }
    }
  ],
  'name box -> Your name': (m) => [
    { op: 'setProp', id: id(m, 'TextInput', 'Name'), name: 'label', value: 'Your name' }
  ]
};

/** Correct batches for the blank template. */
export const CORRECT_BLANK: Readonly<Record<string, Batch>> = {
  'list of bikes waiting': (m) => [
    { op: 'addState', component: APP, name: 'bikes', type: { array: 'string' }, initial: [] },
    localText('newBike'),
    {
      op: 'setHandler',
      component: APP,
      name: 'addBike',
      body: "const bike = state.newBike.trim();\nif (!bike) return;\nstate.bikes.push(bike);\nstate.newBike = '';"
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
            value: { $bind: 'newBike' },
            placeholder: 'Bike',
            onSubmit: { $handler: 'addBike' }
          }
        },
        { type: 'Button', props: { label: 'Add', onClick: { $handler: 'addBike' } } }
      ]
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Each',
      props: { items: { $expr: 'state.bikes' }, as: 'bike', key: { $expr: 'bike' } },
      children: [{ type: 'Text', props: { text: { $expr: 'bike' } } }]
    }
  ],
  'Add a large heading at the top': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      index: 0,
      type: 'Heading',
      props: { text: 'Science Club', level: 1 }
    }
  ],
  'add text Open 9-5 mon-sat': (m) => [
    { op: 'addNode', parent: root(m), type: 'Text', props: { text: 'Open 9-5 Mon-Sat' } }
  ],
  'price calc qty x price = total': (m) => [
    { op: 'addState', component: APP, name: 'qty', type: 'number', initial: 1 },
    { op: 'addState', component: APP, name: 'price', type: 'number', initial: 0 },
    {
      op: 'addNode',
      parent: root(m),
      type: 'NumberInput',
      props: { label: 'Qty', value: { $bind: 'qty' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'NumberInput',
      props: { label: 'Price', value: { $bind: 'price' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: { $expr: "'Total: ' + state.qty * state.price" }, weight: 'bold' }
    }
  ],
  'Please add a counter for pupils': (m) => [
    { op: 'addState', component: APP, name: 'count', type: 'number', initial: 0 },
    { op: 'setHandler', component: APP, name: 'addOne', body: 'state.count += 1;' },
    { op: 'setHandler', component: APP, name: 'reset', body: 'state.count = 0;' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Heading',
      props: { text: { $expr: 'String(state.count)' }, level: 1 }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'sm' },
      children: [
        { type: 'Button', props: { label: 'Add one', onClick: { $handler: 'addOne' } } },
        {
          type: 'Button',
          props: { label: 'Reset', variant: 'ghost', onClick: { $handler: 'reset' } }
        }
      ]
    }
  ],
  'contact bit: name + phone': (m) => [
    localText('name'),
    localText('phone'),
    {
      op: 'addState',
      component: APP,
      name: 'sent',
      type: 'boolean',
      initial: false,
      scope: 'local'
    },
    { op: 'setHandler', component: APP, name: 'send', body: 'state.sent = true;' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'Name', value: { $bind: 'name' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'Phone', value: { $bind: 'phone' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: 'Send', onClick: { $handler: 'send' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'If',
      props: { when: { $expr: 'state.sent' } },
      children: [{ type: 'Text', props: { text: 'Thanks, we will call you back.' } }]
    }
  ],
  'Please add a box where a pupil types their name': (m) => [
    localText('name'),
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'Your name', value: { $bind: 'name' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: { $expr: "'Hello, ' + state.name + '!'" } }
    }
  ],
  '2 cols Parts | Labour': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Grid',
      props: { columns: 2 },
      children: [
        { type: 'Heading', props: { text: 'Parts', level: 3 } },
        { type: 'Heading', props: { text: 'Labour', level: 3 } }
      ]
    }
  ],
  "Please add a checkbox labelled 'I have read": (m) => [
    {
      op: 'addState',
      component: APP,
      name: 'readRules',
      type: 'boolean',
      initial: false,
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Checkbox',
      props: { label: 'I have read the safety rules', checked: { $bind: 'readRules' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: 'Start', disabled: { $expr: '!state.readRules' } }
    }
  ],
  'dark mode toggle': (m) => [
    {
      op: 'addState',
      component: APP,
      name: 'dark',
      type: 'boolean',
      initial: false,
      scope: 'person'
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Toggle',
      props: { label: 'Dark mode', checked: { $bind: 'dark' } }
    },
    {
      op: 'setProp',
      id: root(m),
      name: 'theme',
      value: { $expr: "state.dark ? 'dark' : 'light'" }
    }
  ],
  'Please add a text area where pupils write': (m) => [
    localText('paragraph'),
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextArea',
      props: { label: 'Your paragraph', value: { $bind: 'paragraph' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: {
        text: { $expr: "state.paragraph.split(' ').filter((w) => w !== '').length + ' words'" },
        tone: 'muted'
      }
    }
  ],
  'Please add the school logo': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      index: 0,
      type: 'Image',
      props: { src: '/logo.png', alt: 'School logo', width: 120 }
    }
  ],
  'Please add a slider from 1 to 10': (m) => [
    { op: 'addState', component: APP, name: 'confidence', type: 'number', initial: 5 },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'sm', align: 'center' },
      children: [
        {
          type: 'Slider',
          props: {
            label: 'How confident do you feel?',
            value: { $bind: 'confidence' },
            min: 1,
            max: 10
          }
        },
        { type: 'Text', props: { text: { $expr: 'String(state.confidence)' }, weight: 'bold' } }
      ]
    }
  ]
};
