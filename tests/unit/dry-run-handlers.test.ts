/**
 * The dry run runs the handlers a change adds or changes (issue 15), as the attack: a proposal
 * whose handler loops forever, one whose handler throws, one whose handler writes a string to a
 * number field, each refused with its code by the AI checker (planner, TypeScript gate, sandbox
 * dry run in a child process, on the todo template) and by the server's judge, nothing applied;
 * a good handler passes. The synthetic events are the ones the elements send: a click (`{}`),
 * the row's item for a button inside an Each, a string for a text field's `onInput`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planChecker, type Checker } from '../../src/lib/ai/check';
import { CompileGate } from '../../src/lib/code/gate';
import { seededIds } from '../../src/lib/model/ids';
import { judgeChange } from '../../src/lib/ops/judge';
import { planOps } from '../../src/lib/ops/plan';
import { changedHandlers, EVENT_SPECS } from '../../src/lib/runtime/exercise';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeProcessPort } from '../../src/lib/runtime/port';
import { templateModel } from '../../src/lib/templates';

const model = templateModel('todo', seededIds(7));
const before = JSON.stringify(model.data);
let gate: CompileGate;
let host: SandboxHost;
let checker: Checker;

beforeAll(() => {
  gate = new CompileGate();
  host = new SandboxHost({ port: () => nodeProcessPort(), spare: false });
  checker = planChecker(model, { verify: gate.verifier(), sandbox: host.sandboxChecks() });
});

afterAll(async () => {
  await host?.dispose();
  gate?.dispose();
});

/** A new handler on App and a button in the footer row (`sf5cvr`) that runs it. */
function button(name: string, body: string, params: string[] = []) {
  return [
    { op: 'setHandler', component: 'App', name, params, body },
    {
      op: 'addNode',
      parent: 'sf5cvr',
      type: 'Button',
      props: { label: name, onClick: { $handler: name } }
    }
  ];
}

async function codes(ops: unknown[]): Promise<string[]> {
  const verdict = await checker.check(ops);
  return verdict.ok ? [] : verdict.errors.map((e) => e.code);
}

describe('the dry run runs new and changed handlers', () => {
  it('refuses a handler that never finishes (while (true) {}) with E_HANDLER_CHECK_RUNAWAY', async () => {
    const verdict = await checker.check(button('spin', 'let n = 0;\nwhile (true) {\n  n += 1;\n}'));
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.errors.map((e) => e.code)).toEqual(['E_HANDLER_CHECK_RUNAWAY']);
    expect(verdict.errors[0].message).toMatch(/spin of App never finished.*onClick/);
    expect(verdict.errors[0].path).toBe('/components/App/handlers/spin');
    // Nothing was applied: the model and its data are as they were.
    expect(JSON.stringify(model.data)).toBe(before);
    expect(model.components.get('kg2e2r')!.handlers.spin).toBeUndefined();
  });

  it('refuses a handler that throws (an item that is not there) with E_HANDLER_CHECK_THREW', async () => {
    // TypeScript lets `items[99]` through (no index checks); only running it shows the fault.
    const verdict = await checker.check(button('markLast', 'state.items[99].done = true;'));
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.errors.map((e) => e.code)).toEqual(['E_HANDLER_CHECK_THREW']);
    expect(verdict.errors[0].message).toMatch(/markLast of App threw/);
  });

  it('refuses a handler that writes a string to a number field with E_HANDLER_CHECK_STATE_TYPE', async () => {
    // JSON.parse is `any` to TypeScript, so the gate cannot see the type; the run does.
    const verdict = await checker.check(button('reset', 'state.nextId = JSON.parse(\'"three"\');'));
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.errors.map((e) => e.code)).toEqual(['E_HANDLER_CHECK_STATE_TYPE']);
    expect(verdict.errors[0].message).toMatch(/nextId/);
    expect(JSON.stringify(model.data)).toBe(before);
  });

  it('passes a good handler, and runs it (a count that goes up proves nothing about a loop)', async () => {
    expect(await codes(button('bump', 'state.nextId += 1;'))).toEqual([]);
    expect(JSON.stringify(model.data)).toBe(before);
  });

  it('runs a changed handler through its element, with the row item as its parameter', async () => {
    // `remove(item)` is bound to the Delete button inside the Each: run with a real item, a body
    // that breaks only for an item with an id passes nothing else.
    const broken = {
      op: 'setHandler',
      component: 'App',
      name: 'remove',
      params: ['item'],
      body: 'state.items = state.items.filter((x) => x.id !== item.id);\nif (item.id === 1) state.nextId = JSON.parse(\'"x"\');'
    };
    expect(await codes([broken])).toEqual(['E_HANDLER_CHECK_STATE_TYPE']);
    const fine = { ...broken, body: 'state.items = state.items.filter((x) => x !== item);' };
    expect(await codes([fine])).toEqual([]);
  });

  it('sends an input handler a string, as a text field does', async () => {
    const ops = [
      {
        op: 'setHandler',
        component: 'App',
        name: 'typed',
        params: [],
        body: 'state.nextId = event.value.length;'
      },
      {
        op: 'addNode',
        parent: 'swpnxw',
        type: 'TextInput',
        props: { placeholder: 'Name', onInput: { $handler: 'typed' } }
      }
    ];
    expect(await codes(ops)).toEqual([]);
    const wrong = [
      { ...ops[0], body: 'state.nextId = JSON.parse(JSON.stringify(event.value));' },
      ops[1]
    ];
    expect(await codes(wrong)).toEqual(['E_HANDLER_CHECK_STATE_TYPE']);
  });

  it("runs a component instance's handler on that instance's own state", async () => {
    const stepper = (body: string) => [
      { op: 'addComponent', name: 'Stepper', id: 'stp01' },
      { op: 'addState', component: 'Stepper', name: 'n', type: 'number', initial: 0 },
      { op: 'setHandler', component: 'Stepper', name: 'bump', params: [], body },
      {
        op: 'addNode',
        parent: 'stp01',
        type: 'Button',
        props: { label: { $expr: 'String(state.n)' }, onClick: { $handler: 'bump' } }
      },
      { op: 'addNode', parent: 'sf5cvr', type: 'Stepper' }
    ];
    expect(await codes(stepper('state.n += 1;'))).toEqual([]);
    expect(await codes(stepper('state.n = JSON.parse(\'"one"\');'))).toEqual([
      'E_HANDLER_CHECK_STATE_TYPE'
    ]);
    expect(await codes(stepper('while (state.n >= 0) state.n += 1;'))).toEqual([
      'E_HANDLER_CHECK_RUNAWAY'
    ]);
  });

  it('leaves unchanged handlers alone: an unrelated change does not run them', async () => {
    const plan = planOps(model, button('bump', 'state.nextId += 1;'));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(changedHandlers(model, plan.model)).toEqual([['kg2e2r', 'bump']]);
    expect(changedHandlers(model, model)).toEqual([]);
  });

  it('reads the events from the element schemas', () => {
    expect(EVENT_SPECS.Button).toEqual({ onClick: {} });
    expect(EVENT_SPECS.TextInput.onInput).toEqual({ value: 'string' });
    expect(EVENT_SPECS.Checkbox.onChange).toEqual({ checked: 'boolean' });
    expect(EVENT_SPECS.Slider.onChange).toEqual({ value: 'number' });
  });
});

describe('the server judge (studio, HTTP, raw Yjs writes) runs them too', () => {
  const stages = {
    gate: async (m: typeof model, components: ReadonlySet<string>) =>
      (await gate.compile(m, components)).errors,
    dryRun: (m: typeof model, b?: typeof model) => host.sandboxChecks().dryRun!(m, b)
  };
  const owner = { id: 'ann', role: 'owner' as const };

  it('refuses the runaway handler, passes the good one', async () => {
    const bad = planOps(model, button('spin', 'while (true) {}'));
    const good = planOps(model, button('bump', 'state.nextId += 1;'));
    expect(bad.ok && good.ok).toBe(true);
    if (!bad.ok || !good.ok) return;
    const refused = await judgeChange(model, bad.model, owner, stages);
    expect(refused.map((e) => e.code)).toEqual(['E_HANDLER_CHECK_RUNAWAY']);
    expect(await judgeChange(model, good.model, owner, stages)).toEqual([]);
  });
});
