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
import { rootComponent } from '../../src/lib/model/types';
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
