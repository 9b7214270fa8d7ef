/**
 * The browser client's hot swap: after a load, a changed component is swapped in, the data is
 * kept, and the view comes back as a diff whose unchanged subtrees are the very objects of the
 * view before (so the canvas redraws only what changed).
 */
import { afterEach, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { compiledComponents, splitChanges } from '../../src/lib/runtime/compiled';
import { SandboxClient } from '../../src/lib/runtime/client';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import type { ViewNode } from '../../src/lib/runtime/host';
import { planOps } from '../../src/lib/ops/plan';
import { childrenOf, rootComponent, type AppModel } from '../../src/lib/model/types';
import { template } from './helpers';

let client: SandboxClient | undefined;
afterEach(() => client?.dispose());

const gate = new CompileGate({ typecheck: false });
function compiled(model: AppModel) {
  const result = gate.compile(model, undefined, { modules: true });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return [...compiledComponents(model, result.modules).values()];
}

it('swaps a changed component in and keeps the untouched parts of the view', async () => {
  const todo = template('todo');
  const root = rootComponent(todo)!;
  client = new SandboxClient(nodeWorkerPort());
  const loaded = await client.load(compiled(todo), root.id, { ...todo.data, draft: 'milk' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));

  const heading = childrenOf(todo, root.root)[0];
  const plan = planOps(todo, [{ op: 'setProp', id: heading, name: 'text', value: 'Groceries' }]);
  if (!plan.ok) throw new Error('plan');
  const swapped = await client.swap(compiled(plan.model), [], root.id, loaded.data);
  expect(swapped.ok).toBe(true);
  if (!swapped.ok) return;
  const [before, after] = [loaded.view, swapped.view];
  expect(after.children[0].props.text).toBe('Groceries');
  expect(after.children[0]).not.toBe(before.children[0]);
  // Everything else is the same object as before: nothing to redraw there.
  for (let i = 1; i < before.children.length; i++)
    expect(after.children[i] as ViewNode).toBe(before.children[i]);
  expect(swapped.data.draft).toBe('milk');
});

it('takes a literal edit as the changed slots only, with the same diff of the view', async () => {
  const todo = template('todo');
  const root = rootComponent(todo)!;
  client = new SandboxClient(nodeWorkerPort());
  const before = compiled(todo);
  const loaded = await client.load(before, root.id, todo.data);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  const heading = childrenOf(todo, root.root)[0];
  const plan = planOps(todo, [{ op: 'setProp', id: heading, name: 'text', value: 'Groceries' }]);
  if (!plan.ok) throw new Error('plan');
  const split = splitChanges(new Map(before.map((c) => [c.id, c])), compiled(plan.model));
  expect(split.structural).toEqual([]);
  expect(split.literals).toHaveLength(1);
  const patched = await client.literals(split.literals, loaded.data);
  if (!patched.ok) throw new Error(JSON.stringify(patched.error));
  expect(patched.view.children[0].props.text).toBe('Groceries');
  for (let i = 1; i < loaded.view.children.length; i++)
    expect(patched.view.children[i] as ViewNode).toBe(loaded.view.children[i]);
});
