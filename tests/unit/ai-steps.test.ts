/**
 * Issue 15, how much a button steps a number (offline-step.ts) and a pair of buttons named by
 * their sums (offline-setter.ts), said several ways (never a corpus's sentence), on the counter
 * template and on an app that is not one; the new handlers run in the sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { seededIds } from '../../src/lib/model/ids';
import { componentByName, emptyModel, type AppModel, type Op } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { SandboxHost, type ViewNode } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { nodesOfType, template } from './helpers';
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

const counter = template('counter');

/** Laps: not a template; its buttons step `laps` by a literal, with labels "Lap" and "Oops". */
const laps = (() => {
  const ops: Op[] = [
    { op: 'addComponent', name: 'App', id: 'root' },
    { op: 'addState', component: 'App', name: 'laps', type: 'number', initial: 0 },
    { op: 'setHandler', component: 'App', name: 'lap', body: 'state.laps += 1;' },
    { op: 'setHandler', component: 'App', name: 'oops', body: 'state.laps = state.laps - 1;' },
    {
      op: 'addNode',
      parent: 'root',
      type: 'Text',
      props: { text: { $expr: "state.laps + ' laps'" } }
    },
    {
      op: 'addNode',
      parent: 'root',
      type: 'Button',
      props: { label: 'Lap', onClick: { $handler: 'lap' } }
    },
    {
      op: 'addNode',
      parent: 'root',
      type: 'Button',
      props: { label: 'Oops', onClick: { $handler: 'oops' } }
    }
  ];
  const plan = planOps(emptyModel(), ops, undefined, { ids: seededIds(3) });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
})();

const change = (model: AppModel, message: string) =>
  plannedChange(gate, model, message, { identityMigrations: true });

const app = (model: AppModel) => componentByName(model, 'App')!;

function all(view: ViewNode): ViewNode[] {
  return [view, ...view.children.flatMap(all)];
}

async function press(label: string): Promise<void> {
  const button = all(host.view!).find((n) => n.type === 'Button' && n.props.label === label);
  const ref = (button?.props.onClick as { $ref?: number } | undefined)?.$ref;
  if (typeof ref !== 'number') throw new Error(`no button ${label}`);
  expect((await host.dispatch(ref, {})).ok).toBe(true);
}

describe('the amount a button steps by', () => {
  it('an amount a slider sets starts at the number said, for every button named', () => {
    for (const said of [
      'plus should add 5 and minus should take away 5',
      'the minus button should subtract 5, the plus button should add 5',
      'the + and - buttons should go by 5',
      'make the count go up and down by 5',
      'make the plus and minus buttons count in 5'
    ]) {
      const plan = change(counter, said);
      expect(app(plan.model).state.step.initial, said).toBe(5);
      expect(app(plan.model).handlers.increment.body).toBe(app(counter).handlers.increment.body);
      expect(nodesOfType(plan.model, 'Slider').length).toBe(1);
    }
  });

  it('asks when only one of the buttons that share the amount is named', () => {
    for (const said of ['make the plus button add 5', 'the number should go up by 3']) {
      const turn = offlinePlan(counter, said);
      expect(turn.kind, said).toBe('question');
      expect(turn.kind === 'question' && turn.text).toMatch(/decrement/);
    }
    expect(offlinePlan(counter, 'the reset button should add 5').kind).toBe('question');
  });

  it('rewrites a literal amount, either form of step, on an app that is not a template', async () => {
    const plan = change(laps, 'the lap button should add 2 and the oops button should take away 2');
    expect(app(plan.model).handlers.lap.body).toBe('state.laps += 2;');
    expect(app(plan.model).handlers.oops.body).toBe('state.laps -= 2;');
    const one = change(laps, 'make the lap button add 10');
    expect(app(one.model).handlers.lap.body).toBe('state.laps += 10;');
    expect(app(one.model).handlers.oops.body).toBe(app(laps).handlers.oops.body);
    const loaded = await host.load(plan.model);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    await press('Lap');
    await press('Lap');
    await press('Oops');
    expect(host.data!.laps).toBe(2);
  });

  it('after the slider is gone, both buttons step by the number itself', () => {
    const plan = change(counter, 'remove the step slider and make + and - go by 1');
    expect(app(plan.model).handlers.increment.body).toBe('state.count += 1;');
    expect(app(plan.model).handlers.decrement.body).toBe('state.count -= 1;');
  });

  it('leaves "add a button that adds 10" to the new-button rule', () => {
    const turn = offlinePlan(counter, 'add a button that adds 10');
    expect(turn.kind === 'batch' && turn.rule).toBe('button-action');
  });
});

describe('a pair of buttons named by their sums', () => {
  it('adds both with their handlers, said three ways', async () => {
    for (const [said, a, b] of [
      ['add a -10 and a +10 button', '-10', '+10'],
      ['add +5 and -5 buttons', '+5', '-5'],
      ['add buttons for +100 and -100', '+100', '-100']
    ]) {
      const plan = change(counter, said);
      const labels = nodesOfType(plan.model, 'Button').map((n) => n.props.label);
      expect(labels, said).toEqual(expect.arrayContaining([a, b]));
    }
    const plan = change(laps, 'add a +3 and a -3 button');
    const loaded = await host.load(plan.model);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    await press('+3');
    await press('+3');
    await press('-3');
    expect(host.data!.laps).toBe(3);
  });
});
