/**
 * Issue 15, elements that follow the state (offline-when.ts) and looks said without "make"
 * (offline-look.ts), said several ways (never a corpus's sentence), on the templates and on an
 * app that is not one; the conditions run in the sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { seededIds } from '../../src/lib/model/ids';
import { emptyModel, type AppModel, type Op } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { SandboxHost, type ViewNode } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { nodesOfType, nodeWith, template } from './helpers';
import { plannedChange } from './ai-planned';

const gate = new CompileGate();
let host: SandboxHost;
beforeAll(() => {
  host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 5_000, spare: false });
});
afterAll(async () => {
  await host.dispose();
  gate.dispose();
});

const form = template('form');
const counter = template('counter');

/** A sign-up: not a template; a nickname box, an age, a Join button with no condition yet. */
const signup = (() => {
  const ops: Op[] = [
    { op: 'addComponent', name: 'App', id: 'root' },
    { op: 'addState', component: 'App', name: 'nickname', type: 'string', initial: '' },
    { op: 'addState', component: 'App', name: 'age', type: 'number', initial: 0 },
    { op: 'addState', component: 'App', name: 'joined', type: 'boolean', initial: false },
    { op: 'setHandler', component: 'App', name: 'join', body: 'state.joined = true;' },
    {
      op: 'addNode',
      parent: 'root',
      type: 'TextInput',
      props: { label: 'Nickname', value: { $bind: 'nickname' } }
    },
    {
      op: 'addNode',
      parent: 'root',
      type: 'NumberInput',
      props: { label: 'Age', value: { $bind: 'age' } }
    },
    {
      op: 'addNode',
      parent: 'root',
      type: 'Button',
      props: { label: 'Join', onClick: { $handler: 'join' } }
    },
    { op: 'addNode', parent: 'root', type: 'Text', props: { text: 'Welcome aboard' } }
  ];
  const plan = planOps(emptyModel(), ops, undefined, { ids: seededIds(3) });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
})();

const change = (model: AppModel, message: string) => plannedChange(gate, model, message);

function all(view: ViewNode): ViewNode[] {
  return [view, ...view.children.flatMap(all)];
}

describe('disabled while a condition holds', () => {
  it('reads until / when / only clickable when, and keeps the condition it had', () => {
    const join = nodeWith(signup, 'Button', 'Join');
    for (const [said, expr] of [
      [
        'disable the join button until the nickname is filled in',
        "!(state.nickname.trim() !== '')"
      ],
      ["don't let people press join when the nickname is empty", "state.nickname.trim() === ''"],
      ['the join button should be disabled until the age is at least 18', '!(state.age >= 18)'],
      ['make the join button only clickable when the age is over 17', '!(state.age > 17)']
    ]) {
      const plan = change(signup, said);
      expect(plan.model.nodes.get(join.id)!.props.disabled, said).toEqual({ $expr: expr });
    }
    const send = nodeWith(form, 'Button', 'Send');
    const plan = change(form, 'disable the send button until the name and message are filled in');
    const expr = (plan.model.nodes.get(send.id)!.props.disabled as { $expr: string }).$expr;
    expect(expr).toContain((send.props.disabled as { $expr: string }).$expr);
    expect(expr).toMatch(/state\.name\.trim\(\) !== ''.*&&.*state\.message\.trim\(\) !== ''/);
  });

  it('runs: the button is disabled, then enabled once the field is filled in', async () => {
    const plan = change(signup, 'disable the join button until the nickname is filled in');
    let loaded = await host.load(plan.model);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const join = () => all(host.view!).find((n) => n.type === 'Button')!;
    expect(join().props.disabled).toBe(true);
    loaded = await host.load(plan.model, { ...host.data!, nickname: 'ziggy' });
    expect(join().props.disabled).toBe(false);
  });

  it('asks about a condition it cannot read', () => {
    expect(offlinePlan(signup, 'disable the join button until the moon is full').kind).toBe(
      'question'
    );
  });
});

describe('shown only while a condition holds', () => {
  it('wraps the element in an If, said several ways', async () => {
    for (const said of [
      'only show the welcome text when joined is on',
      'hide the welcome text until joined is on',
      'the welcome text should only appear if joined is on'
    ]) {
      const plan = change(signup, said);
      const text = nodeWith(plan.model, 'Text', 'Welcome aboard');
      const wrap = plan.model.nodes.get(text.parent!)!;
      expect(wrap.type, said).toBe('If');
      expect(wrap.props.when).toEqual({ $expr: 'state.joined' });
    }
    const reset = change(counter, 'only show the reset button when the count is above 0');
    const loaded = await host.load(reset.model);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const labels = () =>
      all(host.view!)
        .filter((n) => n.type === 'Button')
        .map((n) => n.props.label);
    expect(labels()).not.toContain('Reset');
    await host.load(reset.model, { ...host.data!, count: 2 });
    expect(labels()).toContain('Reset');
  });
});

describe('a look said without "make"', () => {
  it('reads "X smaller", "X red" and "show X in green"', () => {
    expect(
      change(counter, 'counter card a bit smaller').model.nodes.get(
        nodesOfType(counter, 'Card')[0].id
      )!.props.padding
    ).toBe('md');
    expect(
      change(signup, 'join button red').model.nodes.get(nodeWith(signup, 'Button', 'Join').id)!
        .props.variant
    ).toBe('danger');
    expect(
      change(signup, 'show the welcome text in green').model.nodes.get(
        nodeWith(signup, 'Text', 'Welcome aboard').id
      )!.props.tone
    ).toBe('success');
    // Words that name no element are not a look.
    expect(offlinePlan(signup, 'something nice and red').kind).not.toBe('batch');
  });
});
