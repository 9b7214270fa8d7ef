/**
 * Issue 15: a button that empties a whole form (offline-form-reset.ts), said several ways (never
 * a corpus's sentence), on the form template and on an app that is not one; the handler runs in
 * the sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { seededIds } from '../../src/lib/model/ids';
import { componentByName, emptyModel, type AppModel, type Op } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { SandboxHost, type ViewNode } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { template } from './helpers';
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

/** A booking: not a template; a guest count starting at 2, a date text, a terms toggle. */
const booking = (() => {
  const ops: Op[] = [
    { op: 'addComponent', name: 'App', id: 'root' },
    { op: 'addState', component: 'App', name: 'guests', type: 'number', initial: 2 },
    { op: 'addState', component: 'App', name: 'day', type: 'string', initial: '' },
    { op: 'addState', component: 'App', name: 'terms', type: 'boolean', initial: false },
    {
      op: 'addNode',
      parent: 'root',
      type: 'NumberInput',
      props: { label: 'Guests', value: { $bind: 'guests' } }
    },
    {
      op: 'addNode',
      parent: 'root',
      type: 'TextInput',
      props: { label: 'Day', value: { $bind: 'day' } }
    },
    {
      op: 'addNode',
      parent: 'root',
      type: 'Toggle',
      props: { label: 'Terms', checked: { $bind: 'terms' } }
    }
  ];
  const plan = planOps(emptyModel(), ops, undefined, { ids: seededIds(3) });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
})();

const change = (model: AppModel, message: string) => plannedChange(gate, model, message);

function all(view: ViewNode): ViewNode[] {
  return [view, ...view.children.flatMap(all)];
}

describe('a button that clears the form', () => {
  it('sets every bound field back to its start, said three ways', () => {
    for (const said of [
      'add a button that clears the form',
      'add a reset button that empties all the fields',
      'add a clear form button'
    ]) {
      const plan = change(form, said);
      const body = Object.values(componentByName(plan.model, 'App')!.handlers).find((h) =>
        h.body.includes('state.message = ""')
      )?.body;
      expect(body, said).toMatch(
        /state\.name = "";\nstate\.email = "";\nstate\.message = "";\nstate\.subscribe = false;/
      );
    }
  });

  it('runs on an app that is not a template, numbers back to their start', async () => {
    const plan = change(booking, 'add a Start again button that clears all the fields');
    const loaded = await host.load(plan.model, { guests: 7, day: 'Friday', terms: true });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const button = all(host.view!).find(
      (n) => n.type === 'Button' && n.props.label === 'Start again'
    )!;
    expect((await host.dispatch((button.props.onClick as { $ref: number }).$ref, {})).ok).toBe(
      true
    );
    expect(host.data).toMatchObject({ guests: 2, day: '', terms: false });
  });

  it('leaves "resets everything" to the actions the app has', () => {
    const turn = offlinePlan(template('counter'), 'add a button that resets everything');
    expect(turn.kind === 'batch' && JSON.stringify(turn.ops)).toContain('"$handler":"reset"');
  });
});
