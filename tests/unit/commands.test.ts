/**
 * The studio's element commands (Delete, Duplicate, Copy/Paste, arrow keys) as op batches,
 * planned against real templates: they must plan cleanly where they make sense and be refused
 * with a code where they do not.
 */
import { describe, expect, it } from 'vitest';
import {
  deleteOps,
  duplicateOps,
  neighbour,
  NEW_NODE,
  pasteOps,
  subtreeSpec
} from '../../src/lib/editor/commands';
import { planOps } from '../../src/lib/ops/plan';
import { templateModel } from '../../src/lib/templates';
import { childrenOf, rootComponent, subtreeIds, type AppModel } from '../../src/lib/model/types';

const todo = templateModel('todo');
const root = rootComponent(todo)!;
const top = childrenOf(todo, root.root);
const byType = (model: AppModel, type: string) =>
  [...model.nodes.values()].find((n) => n.type === type)!.id;

describe('duplicate', () => {
  it('copies a whole subtree right after the node, with fresh ids', () => {
    const each = byType(todo, 'Each');
    const plan = planOps(todo, duplicateOps(todo, each)!);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const copy = plan.idMap[NEW_NODE];
    const kids = childrenOf(plan.model, root.root);
    expect(kids.indexOf(copy)).toBe(kids.indexOf(each) + 1);
    expect(subtreeIds(plan.model, copy)).toHaveLength(subtreeIds(todo, each).length);
    expect(subtreeSpec(plan.model, copy)).toEqual(subtreeSpec(todo, each));
  });

  it('has no place beside a component root', () => {
    expect(duplicateOps(todo, root.root)).toBeNull();
  });
});

describe('paste', () => {
  it('pastes after the selection, or at the end of the app with nothing selected', () => {
    const spec = subtreeSpec(todo, top[0]);
    const after = planOps(todo, pasteOps(todo, spec, top[1]));
    expect(after.ok).toBe(true);
    if (after.ok) expect(childrenOf(after.model, root.root)[2]).toBe(after.idMap[NEW_NODE]);
    const end = planOps(todo, pasteOps(todo, spec, null));
    expect(end.ok).toBe(true);
    if (end.ok) expect(childrenOf(end.model, root.root).at(-1)).toBe(end.idMap[NEW_NODE]);
  });

  it('into the root when the root is selected', () => {
    const blank = templateModel('blank');
    const spec = subtreeSpec(todo, top[0]);
    const plan = planOps(blank, pasteOps(blank, spec, rootComponent(blank)!.root));
    expect(plan.ok).toBe(true);
  });
});

describe('delete', () => {
  it('removes a subtree, and the planner refuses a component root', () => {
    const plan = planOps(todo, deleteOps(top[1]));
    expect(plan.ok).toBe(true);
    if (plan.ok) expect(plan.model.nodes.has(top[1])).toBe(false);
    const refused = planOps(todo, deleteOps(root.root));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0].code).toMatch(/^E_/);
  });
});

describe('arrow keys', () => {
  it('walk the tree in reading order, to the parent and to the first child', () => {
    expect(neighbour(todo, root.root, 'ArrowUp')).toBeNull();
    expect(neighbour(todo, root.root, 'ArrowDown')).toBe(top[0]);
    expect(neighbour(todo, top[0], 'ArrowUp')).toBe(root.root);
    expect(neighbour(todo, top[1], 'ArrowRight')).toBe(childrenOf(todo, top[1])[0]);
    expect(neighbour(todo, childrenOf(todo, top[1])[0], 'ArrowLeft')).toBe(top[1]);
    // Down from the last child of a row goes on to the next row.
    const lastOfRow = childrenOf(todo, top[1]).at(-1)!;
    expect(neighbour(todo, lastOfRow, 'ArrowDown')).toBe(top[2]);
    expect(neighbour(todo, top[0], 'ArrowRight')).toBeNull();
  });
});
