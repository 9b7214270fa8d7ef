/**
 * Guest code chooses what it throws. A handler or a view that throws a 20 MB message must come
 * out of the sandbox as a short coded error, not a 20 MB string in every reply, history entry
 * and studio (issue 12: "An app error message can be 20 MB").
 */
import { afterAll, describe, expect, it } from 'vitest';
import { componentByName, type AppModel, type Op } from '../../src/lib/model/types';
import { seededIds } from '../../src/lib/model/ids';
import { planOps } from '../../src/lib/ops/plan';
import { SandboxHost, type ViewNode } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { template } from './helpers';

/** About what a message may hold: the cap (500) and nothing near the thrown size. */
const LIMIT = 500;

const hosts: SandboxHost[] = [];
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.dispose()));
});

function newHost(): SandboxHost {
  const host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 10_000, spare: false });
  hosts.push(host);
  return host;
}

/** The counter with the given ops on top, planned without the gate (hostile code gets in). */
function counterWith(ops: (m: AppModel) => Op[]): AppModel {
  const base = template('counter');
  const plan = planOps(base, ops(base), undefined, { ids: seededIds(3), verify: () => [] });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

function buttons(model: AppModel, handlers: Record<string, string>): Op[] {
  const root = componentByName(model, 'App')!.root;
  return Object.entries(handlers).flatMap(([name, body]): Op[] => [
    { op: 'setHandler', component: 'App', name, body },
    {
      op: 'addNode',
      parent: root,
      type: 'Button',
      props: { label: name, onClick: { $handler: name } }
    }
  ]);
}

function find(view: ViewNode | null, label: string): ViewNode {
  const stack = view ? [view] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.props.label === label) return node;
    stack.push(...node.children);
  }
  throw new Error(`no button ${label}`);
}

describe('sandbox error messages are capped', () => {
  // The policy refuses `new Error(...)`, but V8 builds messages from guest values: reading a
  // property of null names the property, whatever its length. And `throw` takes any string.
  const model = counterWith((m) =>
    buttons(m, {
      hugeKey: "const key = 'x'.repeat(20e6); return JSON.parse('null')[key];",
      hugeString: "throw 'y'.repeat(20e6);"
    })
  );
  const host = newHost();

  it.each([
    ['hugeKey', 'x'],
    ['hugeString', 'y']
  ])('a handler throwing a 20 MB message (%s) gives a short E_HANDLER', async (label, letter) => {
    if (!host.view) expect(await host.load(model)).toMatchObject({ ok: true });
    const ref = (find(host.view, label).props.onClick as { $ref: number }).$ref;
    const result = await host.dispatch(ref, {});
    expect(result.ok).toBe(false);
    const error = !result.ok ? result.error : undefined;
    expect(error?.code).toBe('E_HANDLER');
    expect(error!.message.length).toBeLessThanOrEqual(LIMIT);
    // Still says what happened: whose handler threw, and the start of what it threw.
    expect(error!.message).toMatch(
      new RegExp(`^handler ${label} of App threw: .*${letter.repeat(50)}`)
    );
    expect(error!.message.endsWith('…')).toBe(true);
    // The app still answers.
    const again = await host.dispatch(ref, {});
    expect(!again.ok && again.error.code).toBe('E_HANDLER');
  });

  it('a view that throws a 20 MB message gives a short E_RENDER', async () => {
    // V8 puts the property name it could not read into the message: a key of 20 MB.
    const broken = counterWith((m) => [
      {
        op: 'setProp',
        id: [...m.nodes.values()].find((n) => n.type === 'Heading')!.id,
        name: 'text',
        value: { $expr: "String(JSON.parse('null')['w'.repeat(20e6)])" }
      }
    ]);
    const result = await newHost().load(broken);
    expect(result.ok).toBe(false);
    const errors = !result.ok ? result.errors : [];
    expect(errors.map((e) => e.code)).toContain('E_RENDER');
    for (const error of errors) expect(error.message.length).toBeLessThanOrEqual(LIMIT);
    expect(errors[0].message).toContain('w'.repeat(50));
  });
});
