/**
 * Plausible wrong answers to cases of the seventh fresh corpus (tests/fixtures/ai-offline/fresh7.json),
 * keyed by the start of the request: the wrong element, half of a two-part request, words run
 * together into a label, a button with no action. The corpus test asserts that the checks reject
 * each one, so a check that would pass anything is caught.
 */
import { id, parent, root, type Batch } from './corpus-batch';

const App = 'App';

/** Near-miss batches, each wrong in one way a planner could plausibly be. */
export const NEAR_MISS: Readonly<Record<string, Batch>> = {
  // Words run together: the whole request became the heading.
  'Change the title to Scout Camp Kit List': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Heading'),
      name: 'text',
      value: 'Change the title to Scout Camp Kit List'
    }
  ],
  // The wrong element: the Clear done button turned red, the delete buttons untouched.
  'the delete buttons are a bit hidden': (m) => [
    { op: 'setProp', id: id(m, 'Button', 'Clear done'), name: 'variant', value: 'danger' }
  ],
  // Half the request: a search box that filters nothing.
  'the list is getting really long, I need a search box': (m) => [
    { op: 'addState', component: App, name: 'query', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: root(m),
      index: 1,
      type: 'TextInput',
      props: { value: { $bind: 'query' }, placeholder: 'Search' }
    }
  ],
  // Half of a two-part request: only the minus button renamed.
  "change the minus to say 'One left'": (m) => [
    { op: 'setProp', id: id(m, 'Button', '−'), name: 'label', value: 'One left' }
  ],
  // A button labelled with the words of the request and wired to the old +1 handler.
  'Add a button that adds 10 at once': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', '+')),
      type: 'Button',
      props: { label: 'adds 10 at once', onClick: { $handler: 'increment' } }
    }
  ],
  // The wrong handler: the floor put on going up, not on going down.
  "it shouldn't be able to go below zero": () => [
    {
      op: 'setHandler',
      component: App,
      name: 'increment',
      body: 'state.count = Math.max(0, state.count + state.step);'
    }
  ],
  // The options run together into one.
  'could there be a drop down to pick which night': (m) => [
    { op: 'addState', component: App, name: 'night', type: 'string', initial: '', scope: 'local' },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'TextInput', 'Name')),
      type: 'Select',
      props: { options: ['Tuesday or Thursday'], value: { $bind: 'night' } }
    }
  ],
  // The wrong pair side by side: name with the message.
  'put the name and email side by side': (m) => {
    const fields = parent(m, id(m, 'TextInput', 'Name'));
    return [
      {
        op: 'addNode',
        parent: fields,
        index: 0,
        id: 'pair',
        type: 'Stack',
        props: { direction: 'horizontal', gap: 'md' }
      },
      { op: 'moveNode', id: id(m, 'TextInput', 'Name'), parent: 'pair' },
      { op: 'moveNode', id: id(m, 'TextArea'), parent: 'pair' }
    ];
  },
  // Ticked for good: the box loses its binding instead of starting ticked.
  'make the tick box ticked already': (m) => [
    { op: 'setProp', id: id(m, 'Checkbox'), name: 'checked', value: true }
  ],
  // A dropdown that kept its placeholder options.
  'add a dropdown for picking your team': (m) => [
    { op: 'addState', component: App, name: 'team', type: 'string', initial: '', scope: 'local' },
    { op: 'addNode', parent: root(m), type: 'Select', props: { value: { $bind: 'team' } } }
  ],
  // Half the request: the counter shows nothing.
  'I need a button that counts how many people turned up': (m) => [
    { op: 'addState', component: App, name: 'turnedUp', type: 'number', initial: 0 },
    { op: 'setHandler', component: App, name: 'arrived', body: 'state.turnedUp += 1;' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Button',
      props: { label: 'Someone arrived', onClick: { $handler: 'arrived' } }
    }
  ],
  // The message limit without the counter the person asked to see.
  'put a character counter under the message box': (m) => [
    {
      op: 'setHandler',
      component: App,
      name: 'limitMessage',
      body: 'state.message = state.message.slice(0, 500);'
    },
    { op: 'setProp', id: id(m, 'TextArea'), name: 'onInput', value: { $handler: 'limitMessage' } }
  ]
};
