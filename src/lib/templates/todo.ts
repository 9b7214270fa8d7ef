import type { Op } from '../model/types';

/** A todo list: add items, tick them off, delete them, clear the done ones. */
export const todo: Op[] = [
  { op: 'addComponent', name: 'App', id: 'root' },
  { op: 'setMeta', name: 'title', value: 'Todo' },
  {
    op: 'addState',
    component: 'App',
    name: 'items',
    type: { array: { object: { id: 'number', title: 'string', done: 'boolean' } } },
    initial: [
      { id: 1, title: 'Try Malleable', done: true },
      { id: 2, title: 'Reshape this app', done: false }
    ]
  },
  { op: 'addState', component: 'App', name: 'draft', type: 'string', initial: '', scope: 'local' },
  { op: 'addState', component: 'App', name: 'nextId', type: 'number', initial: 3 },
  {
    op: 'setHandler',
    component: 'App',
    name: 'addItem',
    body: "const title = state.draft.trim();\nif (!title) return;\nstate.items.push({ id: state.nextId, title, done: false });\nstate.nextId += 1;\nstate.draft = '';"
  },
  {
    op: 'setHandler',
    component: 'App',
    name: 'toggle',
    params: ['item'],
    body: 'const found = state.items.find((x) => x.id === item.id);\nif (found) found.done = !found.done;'
  },
  {
    op: 'setHandler',
    component: 'App',
    name: 'remove',
    params: ['item'],
    body: 'state.items = state.items.filter((x) => x.id !== item.id);'
  },
  {
    op: 'setHandler',
    component: 'App',
    name: 'clearDone',
    body: 'state.items = state.items.filter((x) => !x.done);'
  },
  { op: 'setProp', id: 'root', name: 'padding', value: 'lg' },
  { op: 'setProp', id: 'root', name: 'gap', value: 'md' },
  { op: 'addNode', parent: 'root', type: 'Heading', props: { text: 'Todo', level: 1 } },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Stack',
    props: { direction: 'horizontal', gap: 'sm' },
    children: [
      {
        type: 'TextInput',
        props: {
          value: { $bind: 'draft' },
          placeholder: 'What needs doing?',
          onSubmit: { $handler: 'addItem' }
        }
      },
      {
        type: 'Button',
        props: {
          label: 'Add',
          onClick: { $handler: 'addItem' },
          disabled: { $expr: "state.draft.trim() === ''" }
        }
      }
    ]
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Each',
    id: 'list',
    props: { items: { $expr: 'state.items' }, as: 'item', key: { $expr: 'item.id' } },
    children: [
      {
        type: 'Stack',
        props: { direction: 'horizontal', gap: 'sm', align: 'center', justify: 'between' },
        children: [
          {
            type: 'Checkbox',
            props: {
              checked: { $expr: 'item.done' },
              label: { $expr: 'item.title' },
              onChange: { $handler: 'toggle' }
            }
          },
          {
            type: 'Button',
            props: {
              label: 'Delete',
              variant: 'ghost',
              size: 'sm',
              onClick: { $handler: 'remove' }
            }
          }
        ]
      }
    ]
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'If',
    props: { when: { $expr: 'state.items.length === 0' } },
    children: [{ type: 'Text', props: { text: 'Nothing to do yet.', tone: 'muted' } }]
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Stack',
    props: { direction: 'horizontal', justify: 'between', align: 'center' },
    children: [
      {
        type: 'Text',
        props: {
          text: { $expr: "state.items.filter((x) => !x.done).length + ' left'" },
          tone: 'muted',
          size: 'sm'
        }
      },
      {
        type: 'Button',
        props: {
          label: 'Clear done',
          variant: 'secondary',
          size: 'sm',
          onClick: { $handler: 'clearDone' }
        }
      }
    ]
  }
];
