/**
 * More hand-written batches for tests/unit/final-corpus.test.ts, keyed by request of
 * tests/fixtures/ai-offline/final.json: SIMPLE (correct batches for the simpler cases) must pass
 * their case's checks, WRONG (wrong or partial results, such as a label that swallowed a second
 * instruction or a dropdown with placeholder options) must fail them, so the checks can fail.
 */
import type { AppModel, Op, PropValue } from '../../src/lib/model/types';
import { id, parentOf, root, todoButton } from './final-corpus-correct';

/** Hand-written correct batches for the simpler cases: they check the checks, not the planner. */
const set = (
  m: AppModel,
  type: string,
  text: string | undefined,
  name: string,
  value: PropValue
): Op => ({
  op: 'setProp',
  id: id(m, type, text),
  name,
  value
});
export const SIMPLE: Record<string, (m: AppModel) => Op[]> = {
  'i need a button to wipe the whole list': (m) =>
    todoButton(m, 'Clear all', 'clearAll', 'state.items = [];'),
  'call the list Weekend jobs and make the input say Type a job': (m): Op[] => [
    set(m, 'Heading', undefined, 'text', 'Weekend jobs'),
    set(m, 'TextInput', undefined, 'placeholder', 'Type a job')
  ],
  'make the Nothing to do yet message green': (m): Op[] => [
    set(m, 'Text', 'Nothing to do yet.', 'tone', 'success')
  ],
  'remove the delete buttons': (m) => [{ op: 'removeNode', id: id(m, 'Button', 'Delete') }],
  'make the clear done buton biger': (m) => [set(m, 'Button', 'Clear done', 'size', 'md')],
  'get rid of the title at the top, and the empty message too': (m): Op[] => [
    { op: 'removeNode', id: id(m, 'Heading') },
    { op: 'removeNode', id: parentOf(m, 'Text', 'Nothing to do yet.') }
  ],
  'call the box push-ups': (m) => [set(m, 'Card', undefined, 'title', 'Push-ups')],
  'the slider should go from 1 to 5 and be called Jump': (m): Op[] => [
    set(m, 'Slider', undefined, 'max', 5),
    set(m, 'Slider', undefined, 'label', 'Jump')
  ],
  'give the card a dark background': (m) => [set(m, 'Card', undefined, 'theme', 'dark')],
  'number on the left pls': (m) => [set(m, 'Heading', undefined, 'align', 'start')],
  'make the minus button say Down and the plus button say Up': (m): Op[] => [
    set(m, 'Button', '−', 'label', 'Down'),
    set(m, 'Button', '+', 'label', 'Up')
  ],
  'the name field should be called Your name and the email one Your email': (m): Op[] => [
    set(m, 'TextInput', 'Name', 'label', 'Your name'),
    set(m, 'TextInput', 'Email', 'label', 'Your email')
  ],
  'start the message box off with the text: Hello!': (m): Op[] => [
    { op: 'unsetProp', id: id(m, 'TextArea'), name: 'value' },
    { op: 'removeState', component: 'App', name: 'message' },
    {
      op: 'addState',
      component: 'App',
      name: 'message',
      type: 'string',
      initial: 'Hello!',
      scope: 'local'
    },
    set(m, 'TextArea', undefined, 'value', { $bind: 'message' })
  ],
  'send button should be red and a bit bigger': (m): Op[] => [
    set(m, 'Button', 'Send', 'variant', 'danger'),
    set(m, 'Button', 'Send', 'size', 'lg')
  ],
  'remove the Send another button': (m): Op[] => [
    { op: 'removeNode', id: id(m, 'Button', 'Send another') }
  ],
  'chnage send to Submit and put it above the checkbox': (m): Op[] => [
    set(m, 'Button', 'Send', 'label', 'Submit'),
    { op: 'moveNode', id: id(m, 'Button', 'Send'), parent: parentOf(m, 'Checkbox'), index: 3 }
  ],
  'add a heading that says My Shop and under it a line saying Open 9-5': (m): Op[] => [
    { op: 'addNode', parent: root(m), type: 'Heading', props: { text: 'My Shop', level: 1 } },
    { op: 'addNode', parent: root(m), type: 'Text', props: { text: 'Open 9-5' } }
  ],
  'add a dropdwn with mon tue wed thu fri': (m): Op[] => [
    {
      op: 'addState',
      component: 'App',
      name: 'day',
      type: 'string',
      initial: 'Mon',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Select',
      props: { value: { $bind: 'day' }, options: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] }
    }
  ],
  'add a text area for notes with a character count under it': (m): Op[] => [
    { op: 'addState', component: 'App', name: 'notes', type: 'string', initial: '' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextArea',
      props: { label: 'Notes', value: { $bind: 'notes' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: { $expr: "state.notes.length + ' characters'" }, size: 'sm' }
    }
  ],
  "add a number input for age and a line showing whether they're an adult (18+)": (m): Op[] => [
    { op: 'addState', component: 'App', name: 'age', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'Age', kind: 'number', value: { $bind: 'age' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: { $expr: "Number(state.age) >= 18 ? 'Adult' : 'Not an adult'" } }
    }
  ],
  "make a counter that goes up by 2 and can't go over 20": (m): Op[] => [
    { op: 'addState', component: 'App', name: 'count', type: 'number', initial: 0 },
    {
      op: 'setHandler',
      component: 'App',
      name: 'up',
      body: 'state.count = Math.min(20, state.count + 2);'
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Heading',
      props: { text: { $expr: 'String(state.count)' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: '+2', onClick: { $handler: 'up' } }
    }
  ],
  'i want a textbox and a button that shows hello + whatever i typed': (m): Op[] => [
    { op: 'addState', component: 'App', name: 'who', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addState',
      component: 'App',
      name: 'greeting',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'setHandler',
      component: 'App',
      name: 'greet',
      body: "state.greeting = 'Hello ' + state.who;"
    },
    { op: 'addNode', parent: root(m), type: 'TextInput', props: { value: { $bind: 'who' } } },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: 'Greet', onClick: { $handler: 'greet' } }
    },
    { op: 'addNode', parent: root(m), type: 'Text', props: { text: { $expr: 'state.greeting' } } }
  ]
};

/** Hand-written wrong or partial batches, keyed by request: each must fail some check. */
export const WRONG: Record<string, (m: AppModel) => Op[]> = {
  'show the number of tasks in the heading, like Todo (3)': (m): Op[] => [
    { op: 'setProp', id: id(m, 'Heading'), name: 'text', value: 'Todo (3)' }
  ],
  'add a Country dropdown: UK, France, Germany, Spain': (m): Op[] => [
    {
      op: 'addState',
      component: 'App',
      name: 'country',
      type: 'string',
      initial: '',
      scope: 'local'
    },
    {
      op: 'addNode',
      parent: parentOf(m, 'TextArea'),
      index: 3,
      type: 'Select',
      props: {
        label: 'Country',
        value: { $bind: 'country' },
        options: ['Option 1', 'Option 2', 'Option 3']
      }
    }
  ],
  'add a button to sort the tasks by name': (m): Op[] => [
    {
      op: 'addNode',
      parent: parentOf(m, 'Button', 'Clear done'),
      type: 'Button',
      props: { label: 'sort the tasks by name' }
    }
  ],
  'rename the message field to comments (the data, not just the label)': (m): Op[] => [
    { op: 'setProp', id: id(m, 'TextArea'), name: 'label', value: 'Comments' }
  ],
  'call the list Weekend jobs and make the input say Type a job': (m): Op[] => [
    {
      op: 'setProp',
      id: id(m, 'Heading'),
      name: 'text',
      value: 'Weekend jobs and make the input say Type a job'
    }
  ],
  'make the buttons bigger': (m): Op[] => [
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'size', value: 'lg' }
  ],
  'i want a -5 button next to the minus': (m): Op[] => [
    {
      op: 'addNode',
      parent: parentOf(m, 'Button', '−'),
      index: 0,
      type: 'Button',
      props: { label: '-5', onClick: { $handler: 'decrement' } }
    }
  ],
  'remove the delete buttons': (m) => [{ op: 'removeNode', id: parentOf(m, 'Checkbox') }],
  'the name field should be called Your name and the email one Your email': (): Op[] => [
    { op: 'renameState', component: 'App', from: 'name', to: 'yourName' }
  ],
  'i want a textbox and a button that shows hello + whatever i typed': (m): Op[] => [
    { op: 'addState', component: 'App', name: 'who', type: 'string', initial: '', scope: 'local' },
    { op: 'addNode', parent: root(m), type: 'TextInput', props: { value: { $bind: 'who' } } },
    { op: 'addNode', parent: root(m), type: 'Button', props: { label: 'hello' } }
  ]
};
