import type { Op } from '../model/types';

/** A counter: one number in state, three buttons that change it. */
export const counter: Op[] = [
  { op: 'addComponent', name: 'App', id: 'root' },
  { op: 'setMeta', name: 'title', value: 'Counter' },
  { op: 'addState', component: 'App', name: 'count', type: 'number', initial: 0 },
  { op: 'addState', component: 'App', name: 'step', type: 'number', initial: 1 },
  { op: 'setHandler', component: 'App', name: 'increment', body: 'state.count += state.step;' },
  { op: 'setHandler', component: 'App', name: 'decrement', body: 'state.count -= state.step;' },
  { op: 'setHandler', component: 'App', name: 'reset', body: 'state.count = 0;' },
  { op: 'setProp', id: 'root', name: 'padding', value: 'lg' },
  { op: 'setProp', id: 'root', name: 'align', value: 'center' },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Card',
    id: 'card',
    props: { title: 'Counter', padding: 'lg' },
    children: [
      {
        type: 'Heading',
        id: 'value',
        props: { text: { $expr: 'String(state.count)' }, level: 1, align: 'center' }
      },
      {
        type: 'Stack',
        props: { direction: 'horizontal', gap: 'sm', justify: 'center' },
        children: [
          {
            type: 'Button',
            props: { label: '−', variant: 'secondary', onClick: { $handler: 'decrement' } }
          },
          {
            type: 'Button',
            props: { label: 'Reset', variant: 'ghost', onClick: { $handler: 'reset' } }
          },
          { type: 'Button', props: { label: '+', onClick: { $handler: 'increment' } } }
        ]
      },
      {
        type: 'Slider',
        props: { label: 'Step', value: { $bind: 'step' }, min: 1, max: 10, step: 1 }
      }
    ]
  }
];
