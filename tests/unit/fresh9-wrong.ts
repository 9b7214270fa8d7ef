/**
 * Near-miss answers to cases of the ninth fresh corpus (tests/fixtures/ai-offline/fresh9.json):
 * plausible batches that are wrong or only half right (the wrong element, half the request, the
 * request's words run together into a label, a button with no handler, a text change where a
 * field rename was asked). fresh9-corpus.test.ts asserts the checks reject each one, so the
 * checks can fail.
 */
import { id, parent, type Batch } from './corpus-batch';

const APP = 'App';

/** Wrong or partial batches, keyed by the start of the request they answer. */
export const WRONG: Readonly<Record<string, Batch>> = {
  // The words run together: the arrow and "title" end up in the heading.
  'todo title -> Repairs': (m) => [
    { op: 'setProp', id: id(m, 'Heading', 'Todo'), name: 'text', value: 'title -> Repairs' }
  ],
  // A button labelled with the request and no handler.
  'clear all btn': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Clear done')),
      type: 'Button',
      props: { label: 'Clear all' }
    }
  ],
  // A sort button that sorts nothing: it reuses the clear-done handler.
  'sort jobs a-z': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Clear done')),
      type: 'Button',
      props: { label: 'Sort A-Z', onClick: { $handler: 'clearDone' } }
    }
  ],
  // The wrong element: the + button turns red, not Reset.
  'The button in the middle of the row': (m) => [
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'variant', value: 'danger' }
  ],
  // Half the request: the start value changes, Reset still goes to 0.
  'When the app opens the number should start at 10': () => [
    {
      op: 'retypeState',
      component: APP,
      name: 'count',
      type: 'number',
      migrate: 'value',
      initial: 10
    }
  ],
  // A button labelled with the request's words and no handler.
  "Please add a button labelled 'Double'": (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', '+')),
      type: 'Button',
      props: { label: 'that doubles the number' }
    }
  ],
  // The wrong pair: Name beside Message.
  'name + email side by side': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'TextInput', 'Name')),
      index: 0,
      type: 'Stack',
      id: 'pair',
      props: { direction: 'horizontal' }
    },
    { op: 'moveNode', id: id(m, 'TextInput', 'Name'), parent: 'pair' },
    { op: 'moveNode', id: id(m, 'TextArea'), parent: 'pair' }
  ],
  // A text change where a field rename was asked.
  'In the data the app keeps': (m) => [
    { op: 'setProp', id: id(m, 'TextArea'), name: 'label', value: 'Question' }
  ],
  // The options left as the defaults.
  "Please add a field for the pupil's year group": (m) => [
    { op: 'addState', component: APP, name: 'year', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'TextInput', 'Name')),
      index: 1,
      type: 'Select',
      props: { label: 'Year group', value: { $bind: 'year' } }
    }
  ],
  // The wrong element moves first.
  'email box first': (m) => [
    { op: 'moveNode', id: id(m, 'TextArea'), parent: parent(m, id(m, 'TextArea')), index: 0 }
  ],
  // A Clear button that sends the form.
  "Please add a 'Clear' button next to Send": (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Send')),
      type: 'Button',
      props: { label: 'Clear', onClick: { $handler: 'submit' } }
    }
  ],
  // Half the request: the Email box goes, Send still waits for an @.
  'Please remove the second box, Email': (m) => [
    { op: 'removeNode', id: id(m, 'TextInput', 'Email') }
  ],
  // The count of tasks left, shown again: not the done ones.
  'show how many jobs done': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Clear done')),
      type: 'Text',
      props: { text: { $expr: "state.items.filter((x) => !x.done).length + ' done'" } }
    }
  ]
};
