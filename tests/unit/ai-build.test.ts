/**
 * Issue 15, things the offline planner builds from nothing (offline-build*.ts), said several ways
 * (never a corpus's sentence), on the blank template and on a template that has other things:
 * a whole list with its Add box and the extras said, two inputs (side by side when said), a
 * result computed from two number inputs, a countdown stepped by a button. Handlers run in the
 * sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { componentByName, type AppModel } from '../../src/lib/model/types';
import { type Plan } from '../../src/lib/ops/plan';
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

const blank = template('blank');
const counter = template('counter');
const form = template('form');

const change = (model: AppModel, message: string) => plannedChange(gate, model, message);

function all(view: ViewNode): ViewNode[] {
  return [view, ...view.children.flatMap(all)];
}

async function press(label: string): Promise<void> {
  const button = all(host.view!).find((n) => n.type === 'Button' && n.props.label === label);
  const ref = (button?.props.onClick as { $ref?: number } | undefined)?.$ref;
  if (typeof ref !== 'number') throw new Error(`no button ${label}`);
  expect((await host.dispatch(ref, {})).ok).toBe(true);
}

async function typeAndAdd(model: AppModel, field: string, words: string[]): Promise<void> {
  for (const w of words) {
    const loaded = await host.load(model, { ...host.data!, [field]: w });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    await press('Add');
  }
}

const state = (plan: Plan & { ok: true }) => componentByName(plan.model, 'App')!.state;

describe('a list built from nothing', () => {
  it('a to-do list whose done items can be cleared, said three ways', () => {
    for (const said of [
      'add a to do list where i can also clear the finished ones',
      'make a todo list with a button to clear the done ones',
      'build a task list where we can tick things off, with a button to clear the completed ones'
    ]) {
      const plan = change(blank, said);
      const field = Object.keys(state(plan)).find((k) => k === 'todos' || k === 'tasks')!;
      expect(state(plan)[field].type, said).toEqual({
        array: { object: { id: 'number', title: 'string', done: 'boolean' } }
      });
      expect(nodesOfType(plan.model, 'Each').length).toBe(1);
      expect(nodesOfType(plan.model, 'Checkbox').length).toBe(1);
      expect(nodesOfType(plan.model, 'Button').map((b) => b.props.label)).toEqual([
        'Add',
        'Clear done'
      ]);
    }
  });

  it('runs: add, tick, clear the done ones', async () => {
    const plan = change(blank, 'add a to do list where i can also clear the finished ones');
    const loaded = await host.load(plan.model);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    await typeAndAdd(plan.model, 'newTodo', ['milk', 'eggs']);
    expect((host.data!.todos as { title: string }[]).map((t) => t.title)).toEqual(['milk', 'eggs']);
    const box = all(host.view!).find((n) => n.type === 'Checkbox')!;
    expect((await host.dispatch((box.props.onChange as { $ref: number }).$ref, true)).ok).toBe(
      true
    );
    await press('Clear done');
    expect((host.data!.todos as { title: string }[]).map((t) => t.title)).toEqual(['eggs']);
  });

  it('a list of names sorted A to Z (or Z to A) by a button, also on an app with other things', async () => {
    for (const [said, label] of [
      ['a list of names i can sort A to Z with a button', 'Sort A-Z'],
      ['add a guest list that i can sort from z to a', 'Sort Z-A']
    ]) {
      const plan = change(counter, said);
      expect(
        nodesOfType(plan.model, 'Button').map((b) => b.props.label),
        said
      ).toContain(label);
      expect(nodesOfType(plan.model, 'Checkbox').length).toBe(0);
    }
    const plan = change(blank, 'a list of names i can sort A to Z with a button');
    await host.load(plan.model);
    await typeAndAdd(plan.model, 'newName', ['bea', 'Al', 'cy']);
    await press('Sort A-Z');
    expect((host.data!.names as { name: string }[]).map((t) => t.name)).toEqual([
      'Al',
      'bea',
      'cy'
    ]);
  });

  it('asks about words it does not read, and leaves a list the app has to the list recipes', () => {
    expect(offlinePlan(blank, 'add a list of colours where i can paint them').kind).toBe(
      'question'
    );
    expect(offlinePlan(template('todo'), 'add a list of items').kind).not.toBe('batch');
  });
});

describe('inputs built together', () => {
  it('two inputs side by side, said three ways', () => {
    for (const [said, a, b] of [
      ['first name and last name boxes side by side', 'firstName', 'lastName'],
      ['add city and country fields next to each other', 'city', 'country'],
      ['i want start and end boxes on one line', 'start', 'end']
    ]) {
      const plan = change(blank, said);
      const inputs = nodesOfType(plan.model, 'TextInput');
      expect(
        inputs.map((i) => i.props.value),
        said
      ).toEqual([{ $bind: a }, { $bind: b }]);
      expect(inputs[0].parent).toBe(inputs[1].parent);
      expect(plan.model.nodes.get(inputs[0].parent!)!.props.direction).toBe('horizontal');
    }
    // Inputs the form has are moved by the side-by-side rule, not added again.
    const moved = change(form, 'put the name and email fields side by side');
    expect(nodesOfType(moved.model, 'TextInput').length).toBe(2);
  });

  it('number inputs and what they compute, in one request or two', async () => {
    for (const said of [
      'a shopping total: price and quantity inputs and show price times quantity',
      'add price and quantity fields, then show price times quantity',
      'add price and quantity number boxes side by side and display the total of price times quantity'
    ]) {
      const plan = change(blank, said);
      expect(nodesOfType(plan.model, 'NumberInput').length, said).toBe(2);
      const text = nodesOfType(plan.model, 'Text')[0];
      expect((text.props.text as { $expr: string }).$expr).toMatch(
        /state\.price \* state\.quantity/
      );
    }
    const plan = change(blank, 'add width and height fields and show width times height');
    await host.load(plan.model, { ...plan.model.data, width: 3, height: 4 });
    expect(
      all(host.view!)
        .filter((n) => n.type === 'Text')
        .map((n) => n.props.text)
    ).toContain('Width times height: 12');
  });
});

describe('a countdown', () => {
  it('starts where said and a button steps it down, never below 0', async () => {
    for (const said of [
      'a countdown that starts at 100, with a button to count down',
      'add a countdown from 3 with a button that takes one off'
    ]) {
      const plan = change(blank, said);
      expect(
        Object.values(state(plan)).map((f) => f.initial),
        said
      ).toContain(said.includes('100') ? 100 : 3);
    }
    const plan = change(blank, 'add a countdown from 2 with a button that counts down');
    await host.load(plan.model);
    await press('Count down');
    await press('Count down');
    await press('Count down');
    expect(host.data!.countdown).toBe(0);
    // One that ticks by itself needs the clock: a question.
    expect(offlinePlan(blank, 'add a countdown from 10').kind).toBe('question');
  });
});

describe('dropdown options between slashes or bars', () => {
  it('reads them as the list of options', () => {
    for (const [said, options] of [
      ['add a dropdown for size: small / medium / large', ['small', 'medium', 'large']],
      ['add a dropdown called urgency with low / normal / urgent', ['low', 'normal', 'urgent']],
      ['add a dropdown for colour with options red|green|blue', ['red', 'green', 'blue']]
    ] as const) {
      const plan = change(form, said);
      const select = nodesOfType(plan.model, 'Select')[0];
      expect(select.props.options, said).toEqual(options);
    }
  });
});
