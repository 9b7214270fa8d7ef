/**
 * The canvas's local-first frame (src/lib/editor/view-patch.ts) against the real sandbox: for
 * random render-safe batches on the templates (literal props, new plain elements, moves,
 * removals, in and out of Each rows, Ifs and component instances), the patched view, whenever
 * the patcher gives one, is exactly the view the sandbox renders from the new model; unchanged
 * subtrees keep their identity; and what the patcher cannot know (an expression, a changed Each)
 * it says so with null instead of guessing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { seededIds } from '../../src/lib/model/ids';
import { childrenOf, type AppModel, type Op } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { renderSafe } from '../../src/lib/ops/render-safe';
import { SandboxHost, type ViewNode } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { shareUnchanged } from '../../src/lib/editor/share';
import { patchView } from '../../src/lib/editor/view-patch';
import { randomBatch, Rng } from '../fuzz/peers';
import { template } from './helpers';

const host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 5_000, spare: false });
afterAll(() => host.dispose());

async function render(model: AppModel): Promise<ViewNode> {
  const result = await host.load(model);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.view;
}

/**
 * A view with its handler refs blanked: each fresh load numbers them anew, while a patched view
 * keeps the refs of the sandbox it was drawn from (which stay valid until its next load).
 */
function unref(view: ViewNode): unknown {
  return JSON.parse(JSON.stringify(view), (key, value) => (key === '$ref' ? 0 : value));
}

/** The model after a batch, sharing unchanged records with `before` as the studio's does. */
function after(before: AppModel, ops: unknown, seed: number): AppModel | null {
  const plan = planOps(before, ops, undefined, { ids: seededIds(seed) });
  return plan.ok ? shareUnchanged(before, plan.model) : null;
}

/** Every subtree of `next` that equals the one under its key in `prev` is that very object. */
function sharedUnchanged(prev: ViewNode, next: ViewNode): string[] {
  const old = new Map<string, ViewNode>();
  const walk = (v: ViewNode) => {
    old.set(v.key, v);
    v.children.forEach(walk);
  };
  walk(prev);
  const copied: string[] = [];
  const check = (v: ViewNode) => {
    const was = old.get(v.key);
    if (was && was !== v && JSON.stringify(unref(was)) === JSON.stringify(unref(v)))
      copied.push(v.key);
    v.children.forEach(check);
  };
  check(next);
  return copied;
}

describe('patchView', () => {
  it('draws a literal text change as the sandbox does, sharing every other subtree', async () => {
    const before = template('todo');
    const heading = [...before.nodes.values()].find((n) => n.type === 'Heading')!;
    const view = await render(before);
    const next = after(
      before,
      [{ op: 'setProp', id: heading.id, name: 'text', value: 'Groceries' }],
      1
    )!;
    const patched = patchView(view, before, next);
    expect(patched).not.toBeNull();
    expect(unref(patched!)).toEqual(unref(await render(next)));
    expect(sharedUnchanged(view, patched!)).toEqual([]);
    expect(patched).not.toBe(view);
  });

  it('draws a new Badge inside a row of an Each, in every row', async () => {
    const before = template('todo');
    const each = [...before.nodes.values()].find((n) => n.type === 'Each')!;
    const row = childrenOf(before, each.id)[0];
    const view = await render(before);
    const ops: Op[] = [
      { op: 'addNode', parent: row, type: 'Badge', id: 'B', props: { text: 'new' } } as Op
    ];
    const next = after(before, ops, 2)!;
    const patched = patchView(view, before, next);
    expect(patched).not.toBeNull();
    const rendered = await render(next);
    expect(unref(patched!)).toEqual(unref(rendered));
    expect(JSON.stringify(rendered).split('"new"').length - 1).toBe(
      before.data.items ? (before.data.items as unknown[]).length : 0
    );
  });

  it('gives up on what only code can tell: an expression, the items of an Each', async () => {
    const before = template('todo');
    const heading = [...before.nodes.values()].find((n) => n.type === 'Heading')!;
    const each = [...before.nodes.values()].find((n) => n.type === 'Each')!;
    const view = await render(before);
    const expr = after(
      before,
      [{ op: 'setProp', id: heading.id, name: 'text', value: { $expr: 'state.draft' } }],
      3
    )!;
    expect(patchView(view, before, expr)).toBeNull();
    const items = after(before, [{ op: 'setProp', id: each.id, name: 'items', value: [] }], 4);
    if (items) expect(patchView(view, before, items)).toBeNull();
  });

  it('matches the sandbox on random render-safe batches of every template', async () => {
    let patched = 0;
    let tried = 0;
    for (const name of ['todo', 'counter', 'form']) {
      const rng = new Rng(1000 + name.length);
      let model = template(name);
      let view = await render(model);
      for (let i = 0; i < 150; i++) {
        const ops = randomBatch(rng, model, { maxOps: 3, componentsAnywhere: false });
        if (!renderSafe(model, ops)) continue;
        const next = after(model, ops, 100 + i);
        if (!next) continue;
        tried++;
        const rendered = await render(next).catch(() => null);
        if (!rendered) continue;
        const out = patchView(view, model, next);
        if (out) {
          patched++;
          expect(unref(out), `${name} #${i}: ${JSON.stringify(ops)}`).toEqual(unref(rendered));
          expect(sharedUnchanged(view, out), `${name} #${i}: copied subtrees`).toEqual([]);
        }
        model = next;
        view = rendered;
      }
    }
    // The patcher must take most render-safe batches, or the canvas falls back to the sandbox.
    expect(tried).toBeGreaterThan(100);
    expect(patched / tried).toBeGreaterThan(0.6);
  }, 60_000);

  it('matches the sandbox when each patch starts from the view the last patch made', async () => {
    // The canvas patches the view it drew last, which may itself be a patch: the index of keys
    // a patch of props alone hands on must still find every node. Batches are planned on the
    // model (their lineage names what they wrote), as the studio's are.
    let patched = 0;
    for (const name of ['todo', 'counter', 'form']) {
      const rng = new Rng(2000 + name.length);
      let model = template(name);
      let view = await render(model);
      for (let i = 0; i < 120; i++) {
        const ops = randomBatch(rng, model, { maxOps: 2, componentsAnywhere: false });
        if (!renderSafe(model, ops)) continue;
        const plan = planOps(model, ops, undefined, { ids: seededIds(300 + i) });
        if (!plan.ok) continue;
        const rendered = await render(plan.model).catch(() => null);
        if (!rendered) continue;
        const out = patchView(view, model, plan.model);
        if (out) {
          patched++;
          expect(unref(out), `${name} #${i}: ${JSON.stringify(ops)}`).toEqual(unref(rendered));
        }
        model = plan.model;
        view = out ?? rendered;
      }
    }
    expect(patched).toBeGreaterThan(100);
  }, 60_000);
});
