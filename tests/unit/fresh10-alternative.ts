/**
 * Second right answers for some cases of the tenth fresh corpus
 * (tests/fixtures/ai-offline/fresh10.json), keyed by the start of the request: another way a
 * careful person could do the same thing (two lists instead of a sort, buttons instead of a
 * dropdown, a row that is justified to the end instead of an aligned button). Each must pass its
 * case's checks too, so the anyOf groups of those checks are shown to accept what they name.
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

/** The todo's list row: the horizontal Stack of the checkbox and Delete. */
const row = (m: AppModel) => parent(m, id(m, 'Checkbox'));
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const ALTERNATIVE: Readonly<Record<string, CaseBatch>> = {
  // Two lists, the open tasks first, instead of one sorted list.
  'can you sort the list': (m) => [
    set(id(m, 'Each'), 'items', { $expr: 'state.items.filter((x) => !x.done)' }),
    {
      op: 'addNode',
      parent: root(m),
      index: 3,
      type: 'Each',
      props: { items: { $expr: 'state.items.filter((x) => x.done)' }, as: 'item' },
      children: [
        {
          type: 'Checkbox',
          props: {
            checked: { $expr: 'item.done' },
            label: { $expr: 'item.title' },
            onChange: { $handler: 'toggle' }
          }
        }
      ]
    }
  ],
  // Every row stays in the list but only an open task draws.
  'show only the tasks that are not done': (m) => [
    {
      op: 'addNode',
      parent: id(m, 'Each'),
      id: 'open',
      type: 'If',
      props: { when: { $expr: '!item.done' } }
    },
    { op: 'moveNode', id: row(m), parent: 'open' }
  ],
  // The list drawn newest first instead of new items put first.
  'Please the new task should go on the top': (m) => [
    set(id(m, 'Each'), 'items', { $expr: '[...state.items].reverse()' })
  ],
  // Three buttons instead of a dropdown.
  'User story: As a coordinator I want to filter tasks': (m) => [
    { op: 'addState', component: 'App', name: 'show', type: 'string', initial: 'all' },
    ...['all', 'open', 'done'].map((v) => ({
      op: 'setHandler',
      component: 'App',
      name: `show_${v}`,
      body: `state.show = '${v}';`
    })),
    {
      op: 'addNode',
      parent: root(m),
      index: 2,
      type: 'Stack',
      props: { direction: 'horizontal', gap: 'sm' },
      children: ['All', 'Open', 'Done'].map((label) => ({
        type: 'Button',
        props: {
          label,
          variant: 'secondary',
          size: 'sm',
          onClick: { $handler: `show_${label.toLowerCase()}` }
        }
      }))
    },
    set(id(m, 'Each'), 'items', {
      $expr: "state.items.filter((x) => state.show === 'all' || (state.show === 'done') === x.done)"
    })
  ],
  // A done task drawn by its own muted checkbox, an open one by the old one.
  'Story: done tasks should look greyed out': (m) => [
    {
      op: 'addNode',
      parent: row(m),
      index: 0,
      type: 'If',
      props: { when: { $expr: 'item.done' } },
      children: [
        {
          type: 'Checkbox',
          props: {
            checked: true,
            label: { $expr: 'item.title' },
            onChange: { $handler: 'toggle' },
            style: { color: 'muted' }
          }
        }
      ]
    },
    {
      op: 'addNode',
      parent: row(m),
      index: 1,
      id: 'open',
      type: 'If',
      props: { when: { $expr: '!item.done' } }
    },
    { op: 'moveNode', id: id(m, 'Checkbox'), parent: 'open' }
  ],
  // The message as an expression, no If.
  'As a coordinator I want to set a daily goal': (m) => [
    { op: 'addState', component: 'App', name: 'dailyGoal', type: 'number', initial: 10 },
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      type: 'NumberInput',
      props: { label: 'Goal', value: { $bind: 'dailyGoal' } }
    },
    {
      op: 'addNode',
      parent: id(m, 'Card'),
      type: 'Text',
      props: { text: { $expr: "state.count >= state.dailyGoal ? 'Goal reached!' : ''" } }
    }
  ],
  // Seven checkboxes instead of a dropdown.
  'people must choose which day': (m) => [
    ...DAYS.map((d) => ({
      op: 'addState',
      component: 'App',
      name: `water${d}`,
      type: 'boolean',
      initial: false,
      scope: 'local'
    })),
    {
      op: 'addNode',
      parent: parent(m, id(m, 'TextInput', 'Name')),
      index: 3,
      type: 'Stack',
      props: { direction: 'horizontal', wrap: true, gap: 'sm' },
      children: DAYS.map((d) => ({
        type: 'Checkbox',
        props: { label: d, checked: { $bind: `water${d}` } }
      }))
    }
  ],
  // The button in a row of its own, pushed to the end.
  'the send button, make it bigger': (m) => [
    set(id(m, 'Button', 'Send'), 'size', 'lg'),
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Button', 'Send')),
      id: 'end',
      type: 'Stack',
      props: { direction: 'horizontal', justify: 'end' }
    },
    { op: 'moveNode', id: id(m, 'Button', 'Send'), parent: 'end' }
  ],
  // A soft green background instead of the card's tone.
  'Story: after submitting, the volunteer sees a green': (m) => [
    {
      op: 'addNode',
      parent: parent(m, id(m, 'Text')),
      index: 0,
      id: 'thanks',
      type: 'Card',
      props: { style: { background: 'success-soft' } }
    },
    { op: 'moveNode', id: id(m, 'Text'), parent: 'thanks' }
  ],
  // A red text rather than a heading.
  'a sign with big text': (m) => [
    {
      op: 'addNode',
      parent: root(m),
      type: 'Text',
      props: { text: 'Please close the gate', size: 'xl', weight: 'bold', tone: 'danger' }
    }
  ],
  // A dropdown of tools.
  'make a simple form for borrow tools': (m) => [
    { op: 'addState', component: 'App', name: 'who', type: 'string', initial: '' },
    { op: 'addState', component: 'App', name: 'tool', type: 'string', initial: '' },
    {
      op: 'addNode',
      parent: root(m),
      type: 'TextInput',
      props: { label: 'Your name', value: { $bind: 'who' } }
    },
    {
      op: 'addNode',
      parent: root(m),
      type: 'Select',
      props: { label: 'Tool', value: { $bind: 'tool' }, options: ['Spade', 'Rake', 'Hose'] }
    }
  ],
  // The capitalised title.
  'This counter is for count the volunteers': (m) => [
    set(id(m, 'Card'), 'title', 'Volunteers Today')
  ]
};
