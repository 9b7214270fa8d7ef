/**
 * Issue 15, list recipes said in more ways (never a corpus's sentence), on the todo template and
 * on an app that is not one: a button with a label of its own that clears or sorts ("a Start over
 * button that throws away …"), progress counts ("x of y done", "how many … have I finished? show
 * it next to …") and a list that starts without some of its example items. Handlers and counts
 * run in the sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { seededIds } from '../../src/lib/model/ids';
import {
  childrenOf,
  componentByName,
  emptyModel,
  type AppModel,
  type Op
} from '../../src/lib/model/types';
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

const todo = template('todo');

/** Chores: not a template; `chores` with `job` and `ticked`, a title "Chores". */
const chores = (() => {
  const ops: Op[] = [
    { op: 'addComponent', name: 'App', id: 'root' },
    {
      op: 'addState',
      component: 'App',
      name: 'chores',
      type: { array: { object: { n: 'number', job: 'string', ticked: 'boolean' } } },
      initial: [
        { n: 1, job: 'Dishes', ticked: true },
        { n: 2, job: 'laundry', ticked: false },
        { n: 3, job: 'Bins', ticked: true }
      ]
    },
    { op: 'addNode', parent: 'root', type: 'Heading', props: { text: 'Chores' } },
    {
      op: 'addNode',
      parent: 'root',
      type: 'Each',
      props: { items: { $expr: 'state.chores' }, as: 'c', key: { $expr: 'c.n' } },
      children: [
        { type: 'Checkbox', props: { checked: { $expr: 'c.ticked' }, label: { $expr: 'c.job' } } }
      ]
    }
  ];
  const plan = planOps(emptyModel(), ops, undefined, { ids: seededIds(3) });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
})();

const change = (model: AppModel, message: string) =>
  plannedChange(gate, model, message, { identityMigrations: true });

function all(view: ViewNode): ViewNode[] {
  return [view, ...view.children.flatMap(all)];
}

async function load(model: AppModel): Promise<void> {
  const loaded = await host.load(model);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
}

async function press(label: string): Promise<void> {
  const button = all(host.view!).find((n) => n.type === 'Button' && n.props.label === label);
  const ref = (button?.props.onClick as { $ref?: number } | undefined)?.$ref;
  if (typeof ref !== 'number') throw new Error(`no button ${label}`);
  expect((await host.dispatch(ref, {})).ok).toBe(true);
}

const texts = () =>
  all(host.view!)
    .filter((n) => n.type === 'Text')
    .map((n) => n.props.text);

describe('a button with a label of its own that clears or sorts', () => {
  it('reads the label, the place and the purpose, in several words', async () => {
    for (const [said, label] of [
      ['put a Start over button at the bottom that throws away every task', 'Start over'],
      ["add a 'Wipe' button that deletes all the todos", 'Wipe'],
      ['add a Reset list button which empties the list', 'Reset list']
    ]) {
      const plan = change(todo, said);
      const button = nodeWith(plan.model, 'Button', label);
      expect(
        componentByName(plan.model, 'App')!.handlers[
          (button.props.onClick as { $handler: string }).$handler
        ].body,
        said
      ).toBe('state.items = [];');
    }
    const plan = change(chores, 'add a Tidy up button that throws away the ticked ones');
    await load(plan.model);
    await press('Tidy up');
    expect((host.data!.chores as { job: string }[]).map((c) => c.job)).toEqual(['laundry']);
  });

  it('a label that says the order sorts the data that way', async () => {
    const plan = change(chores, 'add a Z-A button that sorts the chores backwards');
    await load(plan.model);
    await press('Z-A');
    expect((host.data!.chores as { job: string }[]).map((c) => c.job)).toEqual([
      'laundry',
      'Dishes',
      'Bins'
    ]);
    // "add a button that …" still takes the article for an article, not a label.
    const plain = change(todo, 'add a button that throws away the done ones');
    expect(nodesOfType(plain.model, 'Button').map((b) => b.props.label)).toContain('Clear done');
  });
});

describe('progress counts', () => {
  it('shows "x of y done" said four ways, and counts in the running app', async () => {
    for (const said of [
      "show 'x of y done' under the list",
      'show how many todos are done out of the total',
      "add a line saying '2/5 completed' below the list",
      'show the progress'
    ]) {
      const plan = change(todo, said);
      const added = nodesOfType(plan.model, 'Text').find((t) => !todo.nodes.has(t.id))!;
      expect((added.props.text as { $expr: string }).$expr, said).toMatch(
        /filter\(\(x\) => x\.done\)\.length \+ ' of ' \+ state\.items\.length/
      );
    }
    const plan = change(chores, 'show x of y ticked');
    await load(plan.model);
    expect(texts()).toContain('2 of 3 ticked');
  });

  it('"how many … have I finished? show it next to …" puts the count in a row with it', async () => {
    const plan = change(chores, 'how many chores have I ticked off? show it next to the heading');
    const heading = nodesOfType(plan.model, 'Heading')[0];
    const row = plan.model.nodes.get(heading.parent!)!;
    expect(row.props.direction).toBe('horizontal');
    expect(childrenOf(plan.model, row.id).length).toBe(2);
    await load(plan.model);
    expect(texts()).toContain('2 ticked');
    const t = change(todo, 'how many todos have we completed? display it beside the heading');
    expect(plan.ok && t.ok).toBe(true);
  });
});

describe('a list that starts without its examples', () => {
  it('drops the item named, or all of them, and keeps the type', () => {
    for (const [said, left] of [
      ['start the list without the Try Malleable example', ['Reshape this app']],
      ["remove the 'Reshape this app' example item", ['Try Malleable']],
      ["the todos shouldn't start with try malleable", ['Reshape this app']],
      ['start the list without the examples', []]
    ] as const) {
      const plan = change(todo, said);
      const items = componentByName(plan.model, 'App')!.state.items;
      expect(
        (items.initial as { title: string }[]).map((i) => i.title),
        said
      ).toEqual(left);
      expect(items.type).toEqual(componentByName(todo, 'App')!.state.items.type);
    }
    const plan = change(chores, 'start the chores without Bins');
    expect(
      (componentByName(plan.model, 'App')!.state.chores.initial as { job: string }[]).map(
        (c) => c.job
      )
    ).toEqual(['Dishes', 'laundry']);
  });

  it('asks when the item is not there, or "the example" is one of several', () => {
    expect(offlinePlan(todo, 'start the list without Buy milk').kind).toBe('question');
    expect(offlinePlan(todo, 'start the list without the example item').kind).toBe('question');
  });
});
