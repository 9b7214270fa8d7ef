/**
 * Near misses for the tenth fresh corpus (tests/fixtures/ai-offline/fresh10.json): answers a
 * careless planner might give, keyed by the start of the request. Each plans, and each must fail
 * one of its case's checks, so the checks measure something.
 */
import type { CaseBatch } from './corpus-parts';
import { id, parent, root } from './corpus-batch';

export const WRONG: Readonly<Record<string, CaseBatch>> = {
  // The app's title, not the heading the person sees.
  'please change the title to Watering days': () => [
    { op: 'setMeta', name: 'title', value: 'Watering days' }
  ],
  // The wrong button turned red.
  'the Delete button is to red': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Add'), name: 'variant', value: 'danger' }
  ],
  // Shows the finished tasks only: the opposite of the request.
  'show only the tasks that are not done': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: { $expr: 'state.items.filter((x) => x.done)' }
    }
  ],
  // A dropdown that filters nothing.
  'User story: As a coordinator I want to filter tasks': (m) => [
    { op: 'addState', component: 'App', name: 'filter', type: 'string', initial: 'All' },
    {
      op: 'addNode',
      parent: root(m),
      index: 2,
      type: 'Select',
      props: { value: { $bind: 'filter' }, options: ['All', 'Open', 'Done'] }
    }
  ],
  // Clamps the + button, not the − one.
  'it can not go under zero': () => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'increment',
      body: 'state.count = Math.max(0, state.count + state.step);'
    }
  ],
  // A new field beside the old one instead of a rename.
  'Tech task: rename the data field': () => [
    { op: 'addState', component: 'App', name: 'volunteers', type: 'number', initial: 0 }
  ],
  // One divider where two were asked for.
  'Add a divider between the number and the buttons': (m) => [
    { op: 'addNode', parent: id(m, 'Card'), index: 1, type: 'Divider', props: {} }
  ],
  // Bigger but not green.
  'the + button should be big and green': (m) => [
    { op: 'setProp', id: id(m, 'Button', '+'), name: 'size', value: 'lg' }
  ],
  // Every field in one row, not just Name and Email.
  'Name and Email in the same line': (m) => [
    {
      op: 'setProp',
      id: parent(m, id(m, 'TextInput', 'Name')),
      name: 'direction',
      value: 'horizontal'
    }
  ],
  // The new field lands after the Send button.
  'add a field for the phone number': (m) => [
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
      parent: parent(m, id(m, 'TextInput', 'Name')),
      type: 'TextInput',
      props: { label: 'Phone', value: { $bind: 'phone' } }
    }
  ],
  // The button lets them through, the handler still demands an address.
  'the email is not necessary for everybody': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Button', 'Send'),
      name: 'disabled',
      value: { $expr: '!state.name.trim()' }
    }
  ],
  // The card's title changed instead of the thank-you text.
  'after send, the thank you text': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Card'),
      name: 'title',
      value: 'Thank you, see you in the garden!'
    }
  ],
  // Greys out nothing: hides the done tasks, which were to stay in the list.
  'Story: done tasks should look greyed out': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: { $expr: 'state.items.filter((x) => !x.done)' }
    }
  ],
  // A text field in each row that shows the title but changes nothing.
  'As a volunteer I want to edit the title of a task inline': (m) => [
    { op: 'unsetProp', id: id(m, 'Checkbox'), name: 'label' },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Checkbox')),
      index: 1,
      type: 'TextInput',
      props: { value: { $expr: 'item.title' } }
    }
  ],
  // Three cards in a row, not a grid of three columns.
  'Grid of 3 cards': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Stack',
      props: { direction: 'horizontal' },
      children: ['Plots', 'Volunteers', 'Harvest'].map((title) => ({
        type: 'Card',
        props: { title }
      }))
    }
  ]
};
