/**
 * Which batches may skip the dry run: only those that cannot make any view throw. Everything
 * that carries code, touches state or a user component instance keeps it.
 */
import { describe, expect, it } from 'vitest';
import { renderSafe } from '../../src/lib/ops/render-safe';
import { planOps } from '../../src/lib/ops/plan';
import { templateModel } from '../../src/lib/templates';
import { childrenOf, rootComponent } from '../../src/lib/model/types';

const todo = templateModel('todo');
const root = rootComponent(todo)!.root;
const [heading, row] = childrenOf(todo, root);
const withInstance = (() => {
  const plan = planOps(todo, [
    { op: 'addComponent', name: 'Row', id: 'rowRoot', props: { n: { type: 'number' } } },
    { op: 'addNode', parent: root, type: 'Row', id: 'inst', props: { n: 1 } }
  ]);
  if (!plan.ok) throw new Error('setup');
  return { model: plan.model, instance: plan.idMap.inst };
})();

describe('renderSafe', () => {
  it('lets literal edits, moves, removals and plain new elements skip the dry run', () => {
    expect(renderSafe(todo, [{ op: 'setProp', id: heading, name: 'text', value: 'Hi' }])).toBe(
      true
    );
    expect(renderSafe(todo, [{ op: 'unsetProp', id: heading, name: 'level' }])).toBe(true);
    expect(renderSafe(todo, [{ op: 'moveNode', id: heading, parent: row }])).toBe(true);
    expect(renderSafe(todo, [{ op: 'removeNode', id: row }])).toBe(true);
    expect(renderSafe(todo, [{ op: 'setMeta', name: 'title', value: 'x' }])).toBe(true);
    expect(
      renderSafe(todo, [
        {
          op: 'addNode',
          parent: root,
          type: 'Card',
          props: { padding: 'md' },
          children: [{ type: 'Text', props: { text: 'a' } }]
        }
      ])
    ).toBe(true);
  });

  it('keeps the dry run for code, state, bindings, handlers and component instances', () => {
    const risky: unknown[][] = [
      [{ op: 'setProp', id: heading, name: 'text', value: { $expr: 'state.draft' } }],
      [{ op: 'setProp', id: row, name: 'onClick', value: { $handler: 'addItem' } }],
      [{ op: 'addNode', parent: root, type: 'Text', props: { text: { $expr: '1' } } }],
      [
        {
          op: 'addNode',
          parent: root,
          type: 'Card',
          children: [{ type: 'Text', props: { text: { $expr: 'x' } } }]
        }
      ],
      [{ op: 'addState', component: 'App', name: 'n', type: 'number', initial: 0 }],
      [{ op: 'setHandler', component: 'App', name: 'h', body: '' }],
      [{ op: 'setProp', id: withInstance.instance, name: 'n', value: 9 }],
      [{ op: 'addNode', parent: root, type: 'Row', props: { n: 2 } }],
      [{ op: 'setProp', id: 'nothere', name: 'text', value: 'x' }],
      [{ op: 'setProp', id: heading, name: 'text', value: 'ok' }, { op: 'removeState' }]
    ];
    for (const ops of risky)
      expect(renderSafe(withInstance.model, ops), JSON.stringify(ops)).toBe(false);
  });
});
