/**
 * Hand-written correct batches for the form change requests of the fifth fresh corpus
 * (tests/fixtures/ai-offline/fresh5.json), keyed by the start of the request: each is one
 * reasonable right answer, and fresh5-corpus.test.ts asserts every check of its case holds on it,
 * so a check that would fail a right answer is caught. Written by the corpus's writer, without
 * the planner.
 */
import { id, index, parent, type Batch } from './corpus-batch';

/** Request start → a correct batch. */
export const CORRECT_FORM: Record<string, Batch> = {
  "I'd like to add a phone number box": (m) => [
    {
      op: 'addState',
      component: 'App',
      name: 'phone',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'TextInput', 'Email')),
      index: 2,
      type: 'TextInput',
      props: { label: 'Phone number', value: { $bind: 'phone' } }
    }
  ],
  'Put the name and email boxes next to each other': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'TextInput', 'Name')),
      index: 0,
      id: 'row',
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'md' }
    },
    { op: 'moveNode', id: id(m, 'TextInput', 'Name'), parent: 'row', index: 0 },
    { op: 'moveNode', id: id(m, 'TextInput', 'Email'), parent: 'row', index: 1 }
  ],
  'Could you show how many characters are left': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'TextArea', 'Message')),
      index: 3,
      type: 'Text',
      props: {
        text: { $expr: "(500 - state.message.length) + ' characters left'" },
        tone: 'muted',
        size: 'sm'
      }
    }
  ],
  "Show a red message 'Please enter a valid email'": (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'TextInput', 'Email')),
      index: 2,
      type: 'If',
      props: { when: { $expr: "state.email !== '' && !state.email.includes('@')" } },
      children: [{ type: 'Text', props: { text: 'Please enter a valid email', tone: 'danger' } }]
    }
  ],
  "Please add a 'Clear' button next to Send": (m) => {
    const send = id(m, 'Button', 'Send');
    return [
      {
        op: 'addNode',
        parent: parent(m, send),
        index: index(m, send),
        id: 'row',
        type: 'Stack',
        props: { direction: 'horizontal', gap: 'sm' }
      },
      { op: 'moveNode', id: send, parent: 'row', index: 0 },
      {
        op: 'addNode',
        parent: 'row',
        type: 'Button',
        props: { label: 'Clear', variant: 'secondary', onClick: { $handler: 'startOver' } }
      }
    ];
  },
  "Rename the 'Send me news' checkbox": (m) => [
    {
      op: 'setProp',
      id: id(m, 'Checkbox', 'Send me news'),
      name: 'label',
      value: 'Email me about events'
    },
    {
      op: 'retypeState',
      component: 'App',
      name: 'subscribe',
      type: 'boolean',
      migrate: 'value',
      initial: true
    }
  ],
  'Could you add a dropdown asking': (m) => [
    { op: 'addState', component: 'App', name: 'heardFrom', type: 'string', initial: '' },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Send')),
      index: 3,
      type: 'Select',
      props: {
        label: 'How did you hear about us?',
        options: ['Friend', 'Newspaper', 'Facebook'],
        value: { $bind: 'heardFrom' }
      }
    }
  ],
  "Add a tick box saying 'I agree": (m) => [
    { op: 'addState', component: 'App', name: 'agreed', type: 'boolean', initial: false },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Send')),
      index: 4,
      type: 'Checkbox',
      props: { label: 'I agree to the club rules', checked: { $bind: 'agreed' } }
    },
    {
      op: 'setProp',
      id: id(m, 'Button', 'Send'),
      name: 'disabled',
      value: { $expr: "!state.name.trim() || !state.email.includes('@') || !state.agreed" }
    }
  ],
  'Make the Send button full width': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Button', 'Send'),
      name: 'style',
      value: { width: 'full', background: 'success' }
    }
  ],
  'Make the Send button bigger': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Send'), name: 'size', value: 'lg' },
    { op: 'setProp', id: id(m, 'Button', 'Send'), name: 'style', value: { align: 'end' } }
  ],
  'Make the whole form dark': (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'theme', value: 'dark' }
  ],
  "Change the title of the form to 'Book a table'": (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'title', value: 'Book a table' },
    { op: 'setProp', id: id(m, 'Button', 'Send'), name: 'label', value: 'Book now' }
  ],
  'The message box is too big': (m) => [
    { op: 'setProp', id: id(m, 'TextArea'), name: 'rows', value: 3 },
    { op: 'setProp', id: id(m, 'TextArea'), name: 'label', value: 'Anything else?' }
  ],
  "Please remove the 'Send me news' tick box": (m) => [{ op: 'removeNode', id: id(m, 'Checkbox') }],
  'Can the thank-you message say': (m) => [
    {
      op: 'setProp',
      id: [...m.nodes.values()].find((n) => JSON.stringify(n.props).includes('Thanks'))!.id,
      name: 'text',
      value: "Thanks, we'll call you back soon!"
    }
  ],
  "Add a 'Date of visit' field": (m) => [
    { op: 'addState', component: 'App', name: 'visitDate', type: 'string', initial: '' },
    { op: 'addState', component: 'App', name: 'guests', type: 'number', initial: 1 },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Send')),
      index: 3,
      type: 'TextInput',
      props: { label: 'Date of visit', value: { $bind: 'visitDate' } }
    },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Send')),
      index: 4,
      type: 'NumberInput',
      props: { label: 'Number of guests', value: { $bind: 'guests' } }
    }
  ],
  "Change 'Name' to 'Your full name'": (m) => [
    { op: 'setProp', id: id(m, 'TextInput', 'Name'), name: 'placeholder', value: 'Jane Smith' },
    { op: 'setProp', id: id(m, 'TextInput', 'Name'), name: 'label', value: 'Your full name' }
  ],
  'Add a little line under the title': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Send')),
      index: 0,
      type: 'Text',
      props: { text: 'We usually reply within two days.', tone: 'muted' }
    }
  ],
  'Could the Send another button just say': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Send another'), name: 'label', value: 'Back' },
    { op: 'setProp', id: id(m, 'Button', 'Send another'), name: 'variant', value: 'ghost' }
  ],
  'Add a dropdown for the subject': (m) => [
    { op: 'addState', component: 'App', name: 'subject', type: 'string', initial: 'Question' },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Send')),
      index: 2,
      type: 'Select',
      props: {
        label: 'Subject',
        options: ['Question', 'Complaint', 'Order'],
        value: { $bind: 'subject' }
      }
    }
  ],
  "Please ask for the person's company": (m) => [
    { op: 'addState', component: 'App', name: 'company', type: 'string', initial: '' },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Send')),
      index: 1,
      type: 'TextInput',
      props: { label: 'Company (optional)', value: { $bind: 'company' } }
    }
  ],
  'I want people to rate us': (m) => [
    { op: 'addState', component: 'App', name: 'rating', type: 'number', initial: 3 },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Send')),
      index: 3,
      type: 'Slider',
      props: { label: 'How happy were you?', min: 1, max: 5, value: { $bind: 'rating' } }
    }
  ],
  'Change the Email label': (m) => [
    { op: 'setProp', id: id(m, 'TextInput', 'Email'), name: 'label', value: 'Email address' },
    { op: 'setProp', id: id(m, 'TextArea'), name: 'label', value: 'Your question' }
  ],
  "The form's heading should say": (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'title', value: 'Join the choir' },
    { op: 'setMeta', name: 'title', value: 'Choir sign-up' }
  ]
};
