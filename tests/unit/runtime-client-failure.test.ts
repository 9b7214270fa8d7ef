/**
 * A view that throws for some data: the event that led there comes back as a coded error and is
 * discarded (the data stays as it was), and the app keeps answering the events that follow.
 */
import { afterEach, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { compiledComponents } from '../../src/lib/runtime/compiled';
import { SandboxClient } from '../../src/lib/runtime/client';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import type { ViewNode } from '../../src/lib/runtime/host';
import { planOps } from '../../src/lib/ops/plan';
import { rootComponent, type AppModel } from '../../src/lib/model/types';
import { template } from './helpers';

let client: SandboxClient | undefined;
afterEach(() => client?.dispose());

function all(view: ViewNode): ViewNode[] {
  return [view, ...(view.children ?? []).flatMap(all)];
}

it('keeps answering after a render that threw', async () => {
  const todo = template('todo');
  const plan = planOps(todo, [
    {
      op: 'addNode',
      parent: rootComponent(todo)!.root,
      type: 'Text',
      props: { text: { $expr: "'First: ' + state.items.filter((x) => x.done)[0].title" } }
    }
  ]);
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  const model = plan.model;
  const compiled = new CompileGate({ typecheck: false }).compile(model, undefined, {
    modules: true
  });
  client = new SandboxClient(nodeWorkerPort());
  const loaded = await client.load(
    [...compiledComponents(model, compiled.modules).values()],
    rootComponent(model)!.id,
    { ...model.data }
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  const checkbox = (view: ViewNode, title: string) => {
    const node = all(view).find((n) => n.type === 'Checkbox' && n.props.label === title)!;
    return (node.props.onChange as { $ref: number }).$ref;
  };
  const first = await client.dispatch(checkbox(loaded.view, 'Try Malleable'), { checked: false });
  expect(first.ok).toBe(false);
  if (!first.ok) expect(first.error.code).toBe('E_RENDER');
  const second = await client.dispatch(checkbox(loaded.view, 'Reshape this app'), {
    checked: true
  });
  expect(second.ok, JSON.stringify(second)).toBe(true);
  if (second.ok) {
    // The first tick was discarded: both items are done now, and the text renders again.
    expect((second.data.items as { done: boolean }[]).map((i) => i.done)).toEqual([true, true]);
    expect(all(second.view).some((n) => n.props.text === 'First: Try Malleable')).toBe(true);
  }
});

/**
 * The todo with a component `Pick` whose view reads `['one', 'two'][props.n]` (so it throws for
 * an `n` past 1), placed at the top of the app once per given `n`.
 */
function withPick(todo: AppModel, ns: readonly number[]) {
  return planOps(todo, [
    {
      op: 'addComponent',
      name: 'Pick',
      id: 'pickRoot',
      props: { n: { type: 'number', default: 0 } }
    },
    {
      op: 'addNode',
      parent: 'pickRoot',
      type: 'Text',
      props: { text: { $expr: "['one', 'two'][props.n].toUpperCase()" } }
    },
    ...ns.map((n, index) => ({
      op: 'addNode',
      parent: rootComponent(todo)!.root,
      index,
      type: 'Pick',
      props: { n }
    }))
  ]);
}

it('draws a nested component whose view throws as an error in its place, the rest intact', async () => {
  const todo = template('todo');
  const plan = withPick(todo, [1, 7]);
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  const model = plan.model;
  const compiled = new CompileGate({ typecheck: false }).compile(model, undefined, {
    modules: true
  });
  client = new SandboxClient(nodeWorkerPort());
  const loaded = await client.load(
    [...compiledComponents(model, compiled.modules).values()],
    rootComponent(model)!.id,
    { ...model.data }
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  const [good, bad] = loaded.view.children;
  expect(good).toMatchObject({ type: 'Pick', component: true });
  expect(all(good).some((n) => n.props.text === 'TWO')).toBe(true);
  expect(bad).toMatchObject({
    type: 'Pick',
    children: [],
    error: { code: 'E_RENDER', component: 'Pick' }
  });
  // The rest of the app is there and answers.
  expect(all(loaded.view).filter((n) => n.type === 'Checkbox')).toHaveLength(2);
});

it('refuses, in the dry run, a change that makes a nested component throw', async () => {
  const { SandboxHost } = await import('../../src/lib/runtime/host');
  const todo = template('todo');
  const plan = withPick(todo, [7]);
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  const host = new SandboxHost({ port: () => nodeWorkerPort(), spare: false });
  try {
    const errors = await host.sandboxChecks().dryRun!(plan.model);
    expect(errors.map((e) => e.code)).toEqual(['E_RENDER']);
    expect(errors[0].message).toContain('Pick');
  } finally {
    await host.dispose();
  }
});
