/**
 * Correct batches for the form change cases of the seventh fresh corpus
 * (tests/fixtures/ai-offline/fresh7.json), keyed by the start of the request.
 */
import { id, parent, root, type Batch } from './corpus-batch';

const App = 'App';

/** The stack that holds the form's fields (the parent of the Name field). */
const fields = (m: Parameters<Batch>[0]): string => parent(m, id(m, 'TextInput', 'Name'));

/** The form template's correct batches. */
export const CORRECT_FORM: Readonly<Record<string, Batch>> = {
  'can you add a phone number box under the email': (m) => [
    { op: 'addState', component: App, name: 'phone', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: fields(m),
      index: 2,
      type: 'TextInput',
      props: { label: 'Phone number', value: { $bind: 'phone' }, placeholder: '07700 900123' }
    }
  ],
  'make the message box bigger': (m) => [
    { op: 'setProp', id: id(m, 'TextArea'), name: 'rows', value: 10 }
  ],
  'make the message required too': (m) => [
    {
      op: 'setHandler',
      component: App,
      name: 'submit',
      body: "if (!state.name.trim() || !state.email.includes('@') || !state.message.trim()) return;\nstate.submitted = true;"
    },
    {
      op: 'setProp',
      id: id(m, 'Button', 'Send'),
      name: 'disabled',
      value: {
        $expr: "!state.name.trim() || !state.email.includes('@') || !state.message.trim()"
      }
    }
  ],
  'could there be a drop down to pick which night': (m) => [
    { op: 'addState', component: App, name: 'night', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: fields(m),
      index: 2,
      type: 'Select',
      props: {
        label: 'Which night can you come?',
        options: ['Tuesday', 'Thursday'],
        value: { $bind: 'night' },
        placeholder: 'Pick a night'
      }
    }
  ],
  "change 'Get in touch' to 'Join the choir'": (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'title', value: 'Join the choir' }
  ],
  'take away the news tick box': (m) => [
    { op: 'removeNode', id: id(m, 'Checkbox') },
    { op: 'removeState', component: App, name: 'subscribe' }
  ],
  'the Send button should be over on the right': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Send'), name: 'style', value: { align: 'end' } }
  ],
  'put the name and email side by side': (m) => [
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
  'put a character counter under the message box': (m) => [
    {
      op: 'setHandler',
      component: App,
      name: 'limitMessage',
      body: 'if (state.message.length > 500) state.message = state.message.slice(0, 500);'
    },
    {
      op: 'setProp',
      id: id(m, 'TextArea'),
      name: 'onInput',
      value: { $handler: 'limitMessage' }
    },
    {
      op: 'addNode',
      parent: fields(m),
      index: 3,
      type: 'Text',
      props: { text: { $expr: "state.message.length + ' / 500'" }, tone: 'muted', size: 'sm' }
    }
  ],
  "can the name box have 'Your full name'": (m) => [
    { op: 'setProp', id: id(m, 'TextInput', 'Name'), name: 'placeholder', value: 'Your full name' }
  ],
  "rename Message to 'Anything else we should know?'": (m) => [
    {
      op: 'setProp',
      id: id(m, 'TextArea'),
      name: 'label',
      value: 'Anything else we should know?'
    }
  ],
  'I need to know how old the kids are': (m) => [
    { op: 'addState', component: App, name: 'age', type: 'number', initial: 0, scope: 'local' },
    {
      op: 'addNode',
      parent: fields(m),
      index: 2,
      type: 'NumberInput',
      props: { label: 'Age', value: { $bind: 'age' } }
    }
  ],
  'make the tick box ticked already': () => [
    {
      op: 'retypeState',
      component: App,
      name: 'subscribe',
      type: 'boolean',
      migrate: 'true',
      initial: true
    }
  ],
  'the email box should say you@example.com': (m) => [
    {
      op: 'setProp',
      id: id(m, 'TextInput', 'Email'),
      name: 'placeholder',
      value: 'you@example.com'
    }
  ],
  'The thank you message should say': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Text'),
      name: 'text',
      value: 'Thanks! See you on Tuesday.'
    }
  ],
  'put the Send button and the news tick box on the same line': (m) => [
    {
      op: 'addNode',
      parent: fields(m),
      id: 'last',
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'md', align: 'center', justify: 'between' }
    },
    { op: 'moveNode', id: id(m, 'Checkbox'), parent: 'last' },
    { op: 'moveNode', id: id(m, 'Button', 'Send'), parent: 'last' }
  ],
  'swap the name and the': (m) => [
    { op: 'moveNode', id: id(m, 'TextInput', 'Email'), parent: fields(m), index: 0 }
  ],
  "can the send button be bigger and say 'Sign me up'": (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Send'), name: 'label', value: 'Sign me up' },
    { op: 'setProp', id: id(m, 'Button', 'Send'), name: 'size', value: 'lg' }
  ],
  'we need a second email box': (m) => [
    {
      op: 'addState',
      component: App,
      name: 'emailAgain',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: fields(m),
      index: 2,
      type: 'TextInput',
      props: { label: 'Email again', kind: 'email', value: { $bind: 'emailAgain' } }
    },
    {
      op: 'setHandler',
      component: App,
      name: 'submit',
      body: "if (!state.name.trim() || !state.email.includes('@')) return;\nif (state.email !== state.emailAgain) return;\nstate.submitted = true;"
    },
    {
      op: 'setProp',
      id: id(m, 'Button', 'Send'),
      name: 'disabled',
      value: {
        $expr:
          "!state.name.trim() || !state.email.includes('@') || state.email !== state.emailAgain"
      }
    }
  ],
  'when someone presses send another': () => [
    {
      op: 'setHandler',
      component: App,
      name: 'startOver',
      body: "state.name = '';\nstate.email = '';\nstate.message = '';\nstate.subscribe = false;\nstate.submitted = false;"
    }
  ],
  'add a heading at the top saying Summer Fair Helpers': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      index: 0,
      type: 'Heading',
      props: { text: 'Summer Fair Helpers', level: 1 }
    }
  ],
  'the form looks a bit plain': (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'tone', value: 'accent' }
  ],
  "I'd like a 'how did you hear about us' question": (m) => [
    {
      op: 'addState',
      component: App,
      name: 'heardFrom',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: fields(m),
      index: 3,
      type: 'Select',
      props: {
        label: 'How did you hear about us?',
        options: ['Friend', 'Poster', 'Facebook'],
        value: { $bind: 'heardFrom' }
      }
    }
  ],
  'put the news tick box before the message': (m) => [
    { op: 'moveNode', id: id(m, 'Checkbox'), parent: fields(m), index: 2 }
  ],
  "when it's sent, show them their message back": (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Send another')),
      index: 1,
      type: 'Text',
      props: { text: { $expr: "'Your message: ' + state.message" }, tone: 'muted' }
    }
  ],
  "the name box should be called 'Your name'": (m) => [
    { op: 'setProp', id: id(m, 'TextInput', 'Name'), name: 'label', value: 'Your name' },
    { op: 'setProp', id: id(m, 'TextInput', 'Email'), name: 'label', value: 'Email address' }
  ],
  'Can you take the Ada Lovelace bit out': (m) => [
    { op: 'unsetProp', id: id(m, 'TextInput', 'Name'), name: 'placeholder' }
  ],
  'make the Send another button go back to an empty form': () => [
    {
      op: 'setHandler',
      component: App,
      name: 'startOver',
      body: "state.email = '';\nstate.message = '';\nstate.submitted = false;"
    }
  ]
};
