/**
 * Drag and drop as op batches (src/lib/editor/dnd.ts), planned against real templates: every
 * palette element lands cleanly, before / after / inside give the parent and index a person
 * expects, moves reorder and reparent, and the drops that make no sense are refused with the
 * planner's codes, with nothing to send.
 */
import { describe, expect, it } from 'vitest';
import {
  dropOps,
  elementsByCategory,
  humanName,
  insertTarget,
  mainTextProp,
  starterSpec,
  type DropPlan,
  type DropRefusal
} from '../../src/lib/editor/dnd';
import { NEW_NODE } from '../../src/lib/editor/commands';
import { planOps } from '../../src/lib/ops/plan';
import { ELEMENTS } from '../../src/lib/schema/elements';
import { childrenOf, subtreeIds, type AppModel } from '../../src/lib/model/types';
import { nodeWith, nodesOfType, rootOf, template } from './helpers';

const todo = template('todo');
const blank = template('blank');
const todoRoot = rootOf(todo);
const top = childrenOf(todo, todoRoot);
const [heading, inputRow, list, empty, footer] = top;

function planned(result: DropPlan | DropRefusal): DropPlan {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result;
}

function refused(result: DropPlan | DropRefusal): string {
  if (result.ok) throw new Error(`planned: ${JSON.stringify(result.ops)}`);
  return result.error.code;
}

/** Applies a drop and returns the model after it. */
function apply(model: AppModel, result: DropPlan | DropRefusal): AppModel {
  const plan = planOps(model, planned(result).ops);
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

describe('palette inserts', () => {
  for (const [name, model] of [
    ['blank', blank],
    ['todo', todo]
  ] as const) {
    for (const type of ELEMENTS.keys()) {
      it(`puts a new ${type} into the root of ${name}`, () => {
        const root = rootOf(model);
        const result = planned(
          dropOps(model, { kind: 'new', type }, { id: root, position: 'inside' })
        );
        expect(result.parent).toBe(root);
        expect(result.index).toBe(childrenOf(model, root).length);
        expect(result.newId).toBe(NEW_NODE);
        const plan = planOps(model, result.ops);
        expect(plan.ok).toBe(true);
        if (!plan.ok) return;
        const added = plan.idMap[NEW_NODE];
        expect(plan.model.nodes.get(added)?.type).toBe(type);
        expect(childrenOf(plan.model, root).at(-1)).toBe(added);
      });
    }
  }

  it('gives the logic elements a visible child, as many as x-children.min asks', () => {
    for (const type of ['Each', 'If']) {
      const min = ELEMENTS.get(type)!['x-children'].min ?? 1;
      expect(starterSpec(type).children?.length).toBeGreaterThanOrEqual(min);
    }
  });

  it('labels new elements from their schema', () => {
    expect(starterSpec('Button').props).toEqual({ label: 'Button' });
    expect(starterSpec('Heading').props).toEqual({ text: 'Heading' });
    expect(starterSpec('Text').props).toEqual({ text: 'Text' });
    expect(starterSpec('TextInput').props).toEqual({ label: 'Text input' });
    expect(starterSpec('Divider').props).toBeUndefined();
    expect(humanName('TextArea')).toBe('Text area');
  });

  it('lists every element type once, by category', () => {
    const listed = elementsByCategory().flatMap((group) => group.types.map((s) => s.title));
    expect(listed.sort()).toEqual([...ELEMENTS.keys()].sort());
  });

  it('finds the text a double-click edits', () => {
    expect(mainTextProp('Text')).toEqual({ name: 'text', multiline: true });
    expect(mainTextProp('Heading')).toEqual({ name: 'text', multiline: false });
    expect(mainTextProp('Button')).toEqual({ name: 'label', multiline: false });
    expect(mainTextProp('Image')).toBeUndefined();
    expect(mainTextProp('Stack')).toBeUndefined();
  });

  it('inserts after the selection, inside a selected root, or at the end of the app', () => {
    expect(insertTarget(todo, heading)).toEqual({ id: heading, position: 'after' });
    expect(insertTarget(todo, todoRoot)).toEqual({ id: todoRoot, position: 'inside' });
    expect(insertTarget(todo, null)).toEqual({ id: todoRoot, position: 'inside' });
    const after = apply(
      todo,
      dropOps(todo, { kind: 'new', type: 'Text' }, insertTarget(todo, heading)!)
    );
    expect(childrenOf(after, todoRoot)).toHaveLength(top.length + 1);
    expect(after.nodes.get(childrenOf(after, todoRoot)[1])?.type).toBe('Text');
  });
});

describe('positions', () => {
  const newText = { kind: 'new', type: 'Text' } as const;

  it('before and after a node mean its parent, at its index or the next', () => {
    expect(planned(dropOps(todo, newText, { id: list, position: 'before' }))).toMatchObject({
      parent: todoRoot,
      index: 2
    });
    expect(planned(dropOps(todo, newText, { id: list, position: 'after' }))).toMatchObject({
      parent: todoRoot,
      index: 3
    });
  });

  it('inside a container means at its end, or at the index given', () => {
    expect(planned(dropOps(todo, newText, { id: inputRow, position: 'inside' }))).toMatchObject({
      parent: inputRow,
      index: 2
    });
    const first = planned(dropOps(todo, newText, { id: inputRow, position: 'inside', index: 0 }));
    expect(first.index).toBe(0);
    const model = apply(todo, first);
    expect(model.nodes.get(childrenOf(model, inputRow)[0])?.type).toBe('Text');
  });

  it('beside a component root means its first or last slot', () => {
    expect(planned(dropOps(todo, newText, { id: todoRoot, position: 'before' }))).toMatchObject({
      parent: todoRoot,
      index: 0
    });
    expect(planned(dropOps(todo, newText, { id: todoRoot, position: 'after' }))).toMatchObject({
      parent: todoRoot,
      index: top.length
    });
  });
});

describe('moves', () => {
  it('reorders among siblings, counting the index without the moved node', () => {
    // Heading after the footer: the last place.
    const down = planned(
      dropOps(todo, { kind: 'node', id: heading }, { id: footer, position: 'after' })
    );
    expect(down.ops).toEqual([{ op: 'moveNode', id: heading, parent: todoRoot, index: 4 }]);
    expect(childrenOf(apply(todo, down), todoRoot)).toEqual([
      inputRow,
      list,
      empty,
      footer,
      heading
    ]);
    // The footer before the input row: second place.
    const up = dropOps(todo, { kind: 'node', id: footer }, { id: inputRow, position: 'before' });
    expect(childrenOf(apply(todo, up), todoRoot)).toEqual([heading, footer, inputRow, list, empty]);
  });

  it('sends nothing for a drop where the node already is', () => {
    for (const target of [
      { id: heading, position: 'before' },
      { id: heading, position: 'after' },
      { id: inputRow, position: 'before' }
    ] as const) {
      const result = planned(dropOps(todo, { kind: 'node', id: heading }, target));
      expect(result.ops).toEqual([]);
    }
  });

  it('reparents into another container', () => {
    const result = dropOps(
      todo,
      { kind: 'node', id: heading },
      { id: inputRow, position: 'inside', index: 1 }
    );
    const model = apply(todo, result);
    expect(model.nodes.get(heading)?.parent).toBe(inputRow);
    expect(childrenOf(model, inputRow)[1]).toBe(heading);
    expect(childrenOf(model, todoRoot)).not.toContain(heading);
  });

  it('reparents next to a node of another container', () => {
    const add = nodeWith(todo, 'Button', 'Add').id;
    const result = planned(
      dropOps(todo, { kind: 'node', id: add }, { id: heading, position: 'after' })
    );
    expect(result).toMatchObject({ parent: todoRoot, index: 1 });
    expect(childrenOf(apply(todo, result), todoRoot)[1]).toBe(add);
  });
});

describe('refusals', () => {
  it('refuses a drop into an element that takes no children', () => {
    expect(
      refused(dropOps(todo, { kind: 'new', type: 'Text' }, { id: heading, position: 'inside' }))
    ).toBe('E_NOT_A_CONTAINER');
    const button = nodeWith(todo, 'Button', 'Add').id;
    expect(
      refused(dropOps(todo, { kind: 'node', id: heading }, { id: button, position: 'inside' }))
    ).toBe('E_NOT_A_CONTAINER');
  });

  it('refuses a move into the node itself or its own subtree', () => {
    expect(
      refused(dropOps(todo, { kind: 'node', id: list }, { id: list, position: 'inside' }))
    ).toBe('E_CYCLE');
    const row = childrenOf(todo, list)[0];
    expect(
      refused(dropOps(todo, { kind: 'node', id: list }, { id: row, position: 'inside' }))
    ).toBe('E_CYCLE');
    const deep = subtreeIds(todo, list).at(-1)!;
    expect(
      refused(dropOps(todo, { kind: 'node', id: list }, { id: deep, position: 'after' }))
    ).toBe('E_CYCLE');
  });

  it('refuses moving a component root', () => {
    expect(
      refused(dropOps(todo, { kind: 'node', id: todoRoot }, { id: heading, position: 'after' }))
    ).toBe('E_REMOVE_ROOT');
  });

  it('refuses an unknown type and a node that is gone', () => {
    expect(
      refused(
        dropOps(todo, { kind: 'new', type: 'Carousel' }, { id: todoRoot, position: 'inside' })
      )
    ).toBe('E_UNKNOWN_TYPE');
    expect(
      refused(dropOps(todo, { kind: 'new', type: 'Text' }, { id: 'zzzzzz', position: 'inside' }))
    ).toBe('E_NODE_NOT_FOUND');
    expect(
      refused(dropOps(todo, { kind: 'node', id: 'zzzzzz' }, { id: heading, position: 'after' }))
    ).toBe('E_NODE_NOT_FOUND');
  });

  it('keeps refused drops out of the document: no ops to send', () => {
    const result = dropOps(blank, { kind: 'new', type: 'Text' }, { id: 'gone', position: 'after' });
    expect(result.ok).toBe(false);
    expect('ops' in result).toBe(false);
    expect(nodesOfType(blank, 'Text')).toHaveLength(0);
  });
});
