/** Structural sharing of the studio's snapshots: unchanged parts keep their identity. */
import { expect, it } from 'vitest';
import { shareUnchanged } from '../../src/lib/editor/share';
import { planOps } from '../../src/lib/ops/plan';
import { templateModel } from '../../src/lib/templates';
import { childrenOf, rootComponent } from '../../src/lib/model/types';
import { readModel, writeModel } from '../../src/lib/model/ydoc';
import { emptyModel } from '../../src/lib/model/types';
import * as Y from 'yjs';

/** The model as a replica reads it: every object new. */
function reread(model: ReturnType<typeof templateModel>) {
  const doc = new Y.Doc();
  writeModel(doc, emptyModel(), model);
  return readModel(doc);
}

it('keeps every unchanged node, child list and component, and only those', () => {
  const todo = templateModel('todo');
  const root = rootComponent(todo)!;
  const [heading, row] = childrenOf(todo, root.root);
  const plan = planOps(todo, [{ op: 'setProp', id: heading, name: 'text', value: 'Shopping' }]);
  if (!plan.ok) throw new Error('plan');
  const before = reread(todo);
  const shared = shareUnchanged(before, reread(plan.model));
  expect(shared.nodes.get(heading)).not.toBe(before.nodes.get(heading));
  expect(shared.nodes.get(heading)!.props.text).toBe('Shopping');
  expect(shared.nodes.get(row)).toBe(before.nodes.get(row));
  expect(shared.children.get(root.root)).toBe(before.children.get(root.root));
  expect(shared.components).toBe(before.components);
  // The tree's shape is unchanged: the whole child map is the one before (the outline's rows and
  // the empty containers are kept by it).
  expect(shared.children).toBe(before.children);
  // Nothing else differs from the model read afresh.
  expect(JSON.stringify([...shared.nodes])).toBe(JSON.stringify([...reread(plan.model).nodes]));

  const moved = planOps(plan.model, [{ op: 'moveNode', id: heading, parent: row }]);
  if (!moved.ok) throw new Error('plan');
  const again = shareUnchanged(shared, reread(moved.model));
  expect(again.children.get(root.root)).not.toBe(shared.children.get(root.root));
  expect(again.children.get(row)).toContain(heading);
  expect(again.children).not.toBe(shared.children);
  expect(again.components).toBe(shared.components);
  const renamed = planOps(moved.model, [{ op: 'renameComponent', name: 'App', newName: 'Main' }]);
  if (!renamed.ok) throw new Error('plan');
  expect(shareUnchanged(again, reread(renamed.model)).components).not.toBe(again.components);
});

it('takes the records a local commit kept from the snapshot it planned on, by identity', () => {
  const read = reread(templateModel('todo'));
  const shared = shareUnchanged(reread(templateModel('todo')), read);
  const root = rootComponent(read)!;
  const [heading] = childrenOf(read, root.root);
  const plan = planOps(read, [{ op: 'setProp', id: heading, name: 'text', value: 'Shopping' }]);
  if (!plan.ok) throw new Error('plan');
  const next = shareUnchanged(shared, plan.model, read);
  expect(next.nodes.get(heading)!.props.text).toBe('Shopping');
  for (const [id, record] of next.nodes)
    if (id !== heading) expect(record, id).toBe(shared.nodes.get(id));
  expect(JSON.stringify([...next.nodes])).toBe(JSON.stringify([...plan.model.nodes]));
});
