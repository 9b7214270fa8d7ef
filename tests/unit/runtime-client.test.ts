/**
 * The studio's browser-side sandbox client, driven over the same protocol in Node (a worker
 * thread instead of a Web Worker): the todo loads from what the server compiles, and a person's
 * typing, clicks and ticks change the data and the view; a failing handler comes back as a coded
 * error while the app keeps answering.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { compiledComponents } from '../../src/lib/runtime/compiled';
import { SandboxClient, type ClientResult } from '../../src/lib/runtime/client';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import type { ViewNode } from '../../src/lib/runtime/host';
import { planOps } from '../../src/lib/ops/plan';
import { rootComponent, type AppModel } from '../../src/lib/model/types';
import { nodeWith, template } from './helpers';

let client: SandboxClient | undefined;
afterEach(() => client?.dispose());

/** Loads a model the way the home page does: compiled on the server, run by the client. */
async function start(model: AppModel) {
  const result = new CompileGate({ typecheck: false }).compile(model, undefined, { modules: true });
  expect(result.ok).toBe(true);
  client = new SandboxClient(nodeWorkerPort());
  const loaded = await client.load(
    [...compiledComponents(model, result.modules).values()],
    rootComponent(model)!.id,
    { ...model.data }
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded;
}

function all(view: ViewNode): ViewNode[] {
  return [view, ...(view.children ?? []).flatMap(all)];
}

function ref(view: ViewNode, match: (n: ViewNode) => boolean, prop: string): number {
  const node = all(view).find(match);
  const value = node?.props[prop] as { $ref?: number } | undefined;
  if (typeof value?.$ref !== 'number') throw new Error(`no ${prop} ref`);
  return value.$ref;
}

describe('SandboxClient', () => {
  it('runs the todo: type, add, tick', async () => {
    const model = template('todo');
    let state: ClientResult = await start(model);
    const input = (n: ViewNode) => n.type === 'TextInput';
    state = await client!.dispatch(ref(state.view, input, 'value'), { value: 'milk' });
    expect(state.ok && state.data.draft).toBe('milk');
    if (!state.ok) return;
    const add = nodeWith(model, 'Button', 'Add').id;
    state = await client!.dispatch(
      ref(state.view, (n) => n.id === add, 'onClick'),
      {}
    );
    expect(state.ok && (state.data.items as { title: string }[]).map((i) => i.title)).toEqual([
      'Try Malleable',
      'Reshape this app',
      'milk'
    ]);
    if (!state.ok) return;
    expect(JSON.stringify(state.view)).toContain('"milk"');
    const boxes = all(state.view).filter((n) => n.type === 'Checkbox');
    expect(boxes).toHaveLength(3);
    state = await client!.dispatch(
      ref(state.view, (n) => n === boxes[2], 'onChange'),
      { checked: true }
    );
    expect(state.ok && (state.data.items as { done: boolean }[])[2].done).toBe(true);
  });

  it('returns a failing handler as a coded error and keeps answering', async () => {
    const base = template('counter');
    const plan = planOps(
      base,
      [
        {
          op: 'setHandler',
          component: 'App',
          name: 'explode',
          body: 'const nothing = null;\nnothing.boom();'
        },
        {
          op: 'addNode',
          parent: rootComponent(base)!.root,
          type: 'Button',
          props: { label: 'explode', onClick: { $handler: 'explode' } }
        }
      ],
      undefined,
      { verify: () => [] }
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    const loaded = await start(plan.model);
    const boom = await client!.dispatch(
      ref(loaded.view, (n) => n.props.label === 'explode', 'onClick'),
      {}
    );
    expect(boom.ok ? '' : boom.error.code).toBe('E_HANDLER');
    const plus = await client!.dispatch(
      ref(loaded.view, (n) => n.props.label === '+', 'onClick'),
      {}
    );
    expect(plus.ok && plus.data.count).toBe(1);
  });
});
