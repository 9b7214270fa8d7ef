/**
 * Second right answers for the requests of tests/fixtures/ai-offline/fresh6.json whose checks
 * accept more than one way (a style token or a variant, a Badge or a Text, a button or a view
 * expression): each takes the way fresh6-correct-*.ts did not, so every branch of those checks is
 * shown to let a right answer through.
 */
import { id, index, parent, root, type Batch } from './corpus-batch';

/** Correct batches that take the other road, by request start. */
export const ALSO_CORRECT: Readonly<Record<string, Batch>> = {
  'delete buttons should be red': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Button', 'Delete'),
      name: 'style',
      value: { background: 'danger-soft' }
    }
  ],
  'sort the list a-z please': (m) => [
    {
      op: 'setHandler',
      component: 'App',
      name: 'sortItems',
      body: 'state.items.sort((a, b) => a.title.localeCompare(b.title));'
    },
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Clear done')),
      type: 'Button',
      props: { label: 'Sort A-Z', size: 'sm', variant: 'ghost', onClick: { $handler: 'sortItems' } }
    }
  ],
  'hide the ones that are done': (m) => [
    { op: 'addState', component: 'App', name: 'hideDone', type: 'boolean', initial: true },
    {
      op: 'addNode',
      parent: root(m),
      index: 2,
      type: 'Toggle',
      props: { label: 'Hide done', checked: { $bind: 'hideDone' } }
    },
    {
      op: 'setProp',
      id: id(m, 'Each'),
      name: 'items',
      value: { $expr: 'state.hideDone ? state.items.filter((x) => x.done === false) : state.items' }
    }
  ],
  'show the total number of jobs next to the heading': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Heading', 'Todo'),
      name: 'text',
      value: { $expr: "'Todo (' + state.items.length + ')'" }
    }
  ],
  'show how many are done': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Badge',
      props: {
        text: {
          $expr: "state.items.length - state.items.filter((x) => !x.done).length + ' done'"
        },
        tone: 'success'
      }
    }
  ],
  'heading is too big, make it smaller': (m) => [
    { op: 'setProp', id: id(m, 'Heading', 'Todo'), name: 'style', value: { fontSize: 'xl' } }
  ],
  'reset button should look like the other two': (m) => [
    { op: 'unsetProp', id: id(m, 'Button', 'Reset'), name: 'variant' }
  ],
  'put Today above the number': (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'title', value: 'Today' }
  ],
  'dont let it go under zero': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Button', '−'),
      name: 'disabled',
      value: { $expr: 'state.count - state.step < 0' }
    }
  ],
  'make the card blue': (m) => [
    { op: 'setProp', id: id(m, 'Card'), name: 'style', value: { background: 'accent-soft' } }
  ],
  'send button over on the right': (m) => {
    const send = id(m, 'Button', 'Send');
    return [
      {
        op: 'addNode',
        parent: parent(m, send),
        index: index(m, send),
        type: 'Stack',
        id: 'sendRow',
        props: { direction: 'horizontal', justify: 'end' }
      },
      { op: 'moveNode', id: send, parent: 'sendRow' }
    ];
  },
  'after they send it should say Thanks': (m) => [
    {
      op: 'setProp',
      id: id(m, 'Text'),
      name: 'text',
      value: { $expr: "'Thanks ' + state.name + ', we\\'ll call you back.'" }
    }
  ],
  'character counter under the message box': (m) => {
    const message = id(m, 'TextArea');
    return [
      {
        op: 'addNode',
        parent: parent(m, message),
        index: index(m, message) + 1,
        type: 'Badge',
        props: { text: { $expr: "state.message.length + ' / 500'" } }
      }
    ];
  },
  'i want a clear button to empty the form': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Send')),
      type: 'Button',
      props: { label: 'Start again', variant: 'ghost', onClick: { $handler: 'startOver' } }
    }
  ],
  'number box for quantity': (m) => [
    { op: 'addState', component: 'App', name: 'qty', type: 'string', initial: '' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'Quantity', kind: 'number', value: { $bind: 'qty' } }
    }
  ],
  'on/off switch for Open today': (m) => [
    { op: 'addNode', parent: root(m), type: 'Checkbox', props: { label: 'Open today' } }
  ]
};
