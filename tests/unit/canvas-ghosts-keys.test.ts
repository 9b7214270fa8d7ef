/**
 * The canvas in Edit mode without a mouse and without data: ghost rows under an empty Each and
 * a false If (built from the model, nothing run, the view given never changed), and the keys
 * that move and reorder the selection (each reorder one planned moveNode).
 */
import { describe, expect, it } from 'vitest';
import { withGhosts, type GhostViewNode } from '../../src/lib/editor/canvas/ghost-rows';
import { canvasKeyAction, type CanvasKey } from '../../src/lib/editor/canvas/canvas-keys';
import { planOps } from '../../src/lib/ops/plan';
import { childrenOf, subtreeIds } from '../../src/lib/model/types';
import type { ViewNode } from '../../src/lib/runtime/view';
import { nodesOfType, rootOf, template } from './helpers';

const todo = template('todo');
const root = rootOf(todo);
const each = nodesOfType(todo, 'Each')[0];

/** The todo app's view as the sandbox draws it with no items. */
function emptyView(): ViewNode {
  return {
    type: 'Stack',
    id: root,
    key: root,
    props: {},
    children: [{ type: 'Each', id: each.id, key: each.id, props: {}, children: [] }]
  };
}

function walk(node: ViewNode, visit: (n: GhostViewNode) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}

describe('ghost rows', () => {
  it('draw the children of an empty Each once, dimmed, from the model', () => {
    const view = emptyView();
    const before = JSON.stringify(view);
    const shown = withGhosts(view, todo);
    expect(JSON.stringify(view)).toBe(before);
    const ghost = shown.children[0].children[0] as GhostViewNode;
    expect(ghost).toMatchObject({ type: 'Item', id: each.id, ghost: 'list' });
    const ids = new Set<string>();
    walk(ghost, (n) => ids.add(n.id));
    for (const id of subtreeIds(todo, each.id)) expect(ids).toContain(id);
    const keys: string[] = [];
    walk(shown, (n) => keys.push(n.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('show an expression as its words, never as an address, and leave handlers and bindings out', () => {
    const shown = withGhosts(emptyView(), todo);
    const props: Record<string, unknown>[] = [];
    walk(shown, (n) => props.push(n.props as Record<string, unknown>));
    const all = JSON.stringify(props);
    expect(all).not.toContain('$handler');
    expect(all).not.toContain('$bind');
    expect(all).not.toContain('$ref');
    expect(all).toContain('{item.title}');
  });

  it('leave a view with nothing empty as the very same object', () => {
    const view: ViewNode = {
      type: 'Stack',
      id: root,
      key: root,
      props: {},
      children: [
        {
          type: 'Each',
          id: each.id,
          key: each.id,
          props: {},
          children: [{ type: 'Item', id: each.id, key: `${each.id}[1]`, props: {}, children: [] }]
        }
      ]
    };
    expect(withGhosts(view, todo)).toBe(view);
  });

  it('see a new ghost in a view drawn before, once the model’s shape changed', () => {
    // An If with no children draws nothing and is no ghost; the same view object, after a child
    // was added to it in the model, must show one (the memo of ghostless subtrees is per shape).
    const added = planOps(todo, [
      { op: 'addNode', parent: root, type: 'If', id: 'cond', props: { when: false } }
    ]);
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const cond = added.idMap.cond;
    const view: ViewNode = {
      type: 'Stack',
      id: root,
      key: root,
      props: {},
      children: [{ type: 'If', id: cond, key: cond, props: {}, children: [] }]
    };
    expect(withGhosts(view, added.model)).toBe(view);
    expect(withGhosts(view, added.model)).toBe(view);
    const filled = planOps(added.model, [
      { op: 'addNode', parent: cond, type: 'Text', props: { text: 'Now here' } }
    ]);
    expect(filled.ok).toBe(true);
    if (!filled.ok) return;
    const ghost = withGhosts(view, filled.model).children[0].children[0] as GhostViewNode;
    expect(ghost.ghost).toBe('condition');
    expect(ghost.children[0]).toMatchObject({ type: 'Text', props: { text: 'Now here' } });
  });

  it('mark a false If as a condition ghost', () => {
    const plan = planOps(todo, [
      {
        op: 'addNode',
        parent: root,
        type: 'If',
        id: 'cond',
        props: { when: { $expr: 'state.items.length > 99' } },
        children: [{ type: 'Text', props: { text: 'Lots' } }]
      }
    ]);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const cond = plan.idMap.cond;
    const view: ViewNode = {
      type: 'Stack',
      id: root,
      key: root,
      props: {},
      children: [{ type: 'If', id: cond, key: cond, props: {}, children: [] }]
    };
    const ghost = withGhosts(view, plan.model).children[0].children[0] as GhostViewNode;
    expect(ghost.ghost).toBe('condition');
    expect(ghost.children[0]).toMatchObject({ type: 'Text', props: { text: 'Lots' } });
  });
});

const key = (k: string, more: Partial<CanvasKey> = {}): CanvasKey => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...more
});

describe('canvas keys', () => {
  const top = childrenOf(todo, root);

  it('start at the root from nothing, walk with arrows, Enter to a child, Escape to the parent', () => {
    expect(canvasKeyAction(todo, null, key('ArrowDown'))).toEqual({ kind: 'select', id: root });
    expect(canvasKeyAction(todo, root, key('Enter'))).toEqual({ kind: 'select', id: top[0] });
    expect(canvasKeyAction(todo, top[0], key('ArrowDown'))).toEqual({ kind: 'select', id: top[1] });
    expect(canvasKeyAction(todo, top[1], key('Escape'))).toEqual({ kind: 'select', id: root });
    expect(canvasKeyAction(todo, root, key('Escape'))).toEqual({ kind: 'select', id: null });
    expect(canvasKeyAction(todo, top[0], key('Enter'))).toEqual({ kind: 'none' });
  });

  it('leave Ctrl and Cmd keys to the studio', () => {
    expect(canvasKeyAction(todo, top[0], key('ArrowDown', { ctrlKey: true }))).toEqual({
      kind: 'none'
    });
  });

  it('move the selection one place among its siblings with Alt+arrows, as one planned move', () => {
    const down = canvasKeyAction(todo, top[0], key('ArrowDown', { altKey: true }));
    expect(down.kind).toBe('move');
    if (down.kind !== 'move') return;
    const plan = planOps(todo, down.ops);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(childrenOf(plan.model, root).slice(0, 2)).toEqual([top[1], top[0]]);
    const up = canvasKeyAction(plan.model, top[0], key('ArrowUp', { altKey: true }));
    expect(up.kind).toBe('move');
    if (up.kind !== 'move') return;
    const back = planOps(plan.model, up.ops);
    expect(back.ok && childrenOf(back.model, root)).toEqual(top);
  });

  it('do not move past either end, nor the root', () => {
    expect(canvasKeyAction(todo, top[0], key('ArrowUp', { altKey: true }))).toEqual({
      kind: 'none'
    });
    expect(canvasKeyAction(todo, top.at(-1)!, key('ArrowDown', { altKey: true }))).toEqual({
      kind: 'none'
    });
    expect(canvasKeyAction(todo, root, key('ArrowDown', { altKey: true }))).toEqual({
      kind: 'none'
    });
  });
});
