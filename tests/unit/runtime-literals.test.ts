/**
 * A literal edit through SandboxHost (issue 13): `swap` of a model that differs only in literal
 * values posts a `literals` request of the changed slots, no module, and the view shows the new
 * value; a structural change still posts a swap; a restart after a patch brings back the patched
 * values. The worker is a real one (worker_threads); its port is wrapped to record what is posted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeWorkerPort, type WorkerPort } from '../../src/lib/runtime/port';
import type { ViewNode } from '../../src/lib/runtime/view';
import { planOps } from '../../src/lib/ops/plan';
import type { AppModel } from '../../src/lib/model/types';
import { nodesOfType, template } from './helpers';

const hosts: SandboxHost[] = [];
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.dispose()));
});

/** A host whose posts are recorded in `posted`. */
function recordingHost(options: { literalPatches?: boolean } = {}) {
  const posted: Record<string, unknown>[] = [];
  const host = new SandboxHost({
    port: (): WorkerPort => {
      const real = nodeWorkerPort();
      return {
        ...real,
        post: (message) => {
          posted.push(message as Record<string, unknown>);
          real.post(message);
        }
      };
    },
    timeoutMs: 3_000,
    spare: false,
    ...options
  });
  hosts.push(host);
  return { host, posted };
}

function edited(model: AppModel, ops: unknown[]): AppModel {
  const plan = planOps(model, ops, undefined, { verify: () => [] });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

function find(view: ViewNode, id: string): ViewNode | undefined {
  if (view.id === id) return view;
  for (const child of view.children) {
    const hit = find(child, id);
    if (hit) return hit;
  }
  return undefined;
}

const todo = template('todo');
const text = nodesOfType(todo, 'Heading')[0];
const relabel = (value: string) =>
  edited(todo, [{ op: 'setProp', id: text.id, name: 'text', value }]);

describe('SandboxHost and literal edits', () => {
  it('posts only the changed slot for a literal edit, and the view shows it', async () => {
    const { host, posted } = recordingHost();
    expect((await host.load(todo)).ok).toBe(true);
    posted.length = 0;
    const result = await host.swap(relabel('Shown at once'));
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(find(result.view, text.id)?.props.text).toBe('Shown at once');
    expect(posted.map((m) => m.t)).toEqual(['literals']);
    const message = JSON.stringify(posted[0]);
    expect(message).not.toContain('render(');
    expect(message.length).toBeLessThan(500);
    expect(posted[0].sameState).toBe(true);
    // The view patched in place is the view a render gives.
    const rendered = await host.render();
    if (!rendered.ok) throw new Error(JSON.stringify(rendered));
    expect(rendered.view).toEqual(result.view);
  });

  it('posts a swap for a structural change', async () => {
    const { host, posted } = recordingHost();
    expect((await host.load(todo)).ok).toBe(true);
    posted.length = 0;
    const expr = edited(todo, [
      { op: 'setProp', id: text.id, name: 'text', value: { $expr: 'String(state.items.length)' } }
    ]);
    const result = await host.swap(expr);
    expect(result.ok).toBe(true);
    expect(posted.map((m) => m.t)).toEqual(['swap']);
  });

  it('posts a swap for a literal edit when patches are off (the old path)', async () => {
    const { host, posted } = recordingHost({ literalPatches: false });
    expect((await host.load(todo)).ok).toBe(true);
    posted.length = 0;
    const result = await host.swap(relabel('Old path'));
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(find(result.view, text.id)?.props.text).toBe('Old path');
    expect(posted.map((m) => m.t)).toEqual(['swap']);
  });

  it('runs consecutive literal edits and a render after them on the patched values', async () => {
    const { host } = recordingHost();
    expect((await host.load(todo)).ok).toBe(true);
    await host.swap(relabel('one'));
    const second = await host.swap(relabel('two'));
    if (!second.ok) throw new Error(JSON.stringify(second));
    expect(find(second.view, text.id)?.props.text).toBe('two');
    const rendered = await host.render();
    if (!rendered.ok) throw new Error(JSON.stringify(rendered));
    expect(find(rendered.view, text.id)?.props.text).toBe('two');
  });
});
