/**
 * The offline planner of the AI sidebar: every rule of its grammar, said at least two ways on the
 * templates, gives a batch that passes the real planner and the compile gate and does what was
 * asked; the counter, the dark mode toggle and a new item field also run in the real sandbox and
 * the view changes when their state flips. Ambiguous references become questions, anything
 * outside the grammar a refusal with examples.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan, OFFLINE_RULES, type OfflineTurn } from '../../src/lib/ai/offline';
import { withField } from '../../src/lib/ai/offline-items';
import {
  childrenOf,
  componentByName,
  type AppModel,
  type NodeRecord,
  type Op
} from '../../src/lib/model/types';
import { prepareMigrations } from '../../src/lib/ops/migrations';
import { planOps, type Migrator, type Plan } from '../../src/lib/ops/plan';
import { SandboxHost, type ViewNode } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { nodeWith, nodesOfType, rootOf, template } from './helpers';

// One gate and one sandbox for the file: both are slow to start and fast when warm.
const gate = new CompileGate();
let host: SandboxHost;

beforeAll(() => {
  host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 5_000, spare: false });
});

afterAll(async () => {
  await host.dispose();
  gate.dispose();
});

const OWNER = { id: 't', role: 'owner' } as const;

/** A turn that must be a batch. */
function batchOf(turn: OfflineTurn): Extract<OfflineTurn, { kind: 'batch' }> {
  if (turn.kind !== 'batch') throw new Error(`expected a batch, got ${turn.kind}: ${turn.text}`);
  return turn;
}

/** Asks the planner, then plans the batch as the sidebar does and runs the compile gate on it. */
function apply(
  model: AppModel,
  message: string,
  options: { selection?: string; rule?: string; migrate?: Migrator } = {}
): { plan: Plan; turn: Extract<OfflineTurn, { kind: 'batch' }> } {
  const turn = batchOf(offlinePlan(model, message, { selection: options.selection }));
  if (options.rule) expect(turn.rule).toBe(options.rule);
  expect(turn.summary.length).toBeGreaterThan(0);
  const plan = planOps(model, turn.ops, OWNER, options.migrate ? { migrate: options.migrate } : {});
  if (!plan.ok) throw new Error(`${message}: ${JSON.stringify(plan.errors)}`);
  const gated = gate.compile(plan.model);
  expect(gated.errors, message).toEqual([]);
  return { plan, turn };
}

/** The node a temporary id of the batch became. */
function added(plan: Plan, temp = 'new1'): NodeRecord {
  const node = plan.model.nodes.get(plan.idMap[temp]);
  if (!node) throw new Error(`no node for ${temp}`);
  return node;
}

/** Where a node sits: its parent and its index among the parent's children. */
function position(model: AppModel, id: string): [string | null, number] {
  const parent = model.nodes.get(id)!.parent;
  return [parent, parent ? childrenOf(model, parent).indexOf(id) : -1];
}

function question(model: AppModel, message: string, selection?: string): string {
  const turn = offlinePlan(model, message, { selection });
  if (turn.kind !== 'question') throw new Error(`expected a question, got ${JSON.stringify(turn)}`);
  return turn.text;
}

const todo = template('todo');
const counter = template('counter');
const blank = template('blank');
const form = template('form');

describe('add-element', () => {
  it('adds a labelled button wired to the action it names, at the end of the root', () => {
    const { plan } = apply(counter, 'add a button labelled Reset', { rule: 'add-element' });
    const button = added(plan);
    expect(button).toMatchObject({
      type: 'Button',
      props: { label: 'Reset', onClick: { $handler: 'reset' } }
    });
    expect(position(plan.model, button.id)).toEqual([
      rootOf(counter),
      childrenOf(counter, rootOf(counter)).length
    ]);
    // A button that would do nothing is a question, never added (issue 15).
    expect(question(blank, 'add a button labelled Save')).toMatch(/What should the button do/);
  });

  it('adds a quoted heading at the top, politely asked', () => {
    const { plan } = apply(todo, "Please add a heading 'Welcome' at the top.");
    expect(added(plan)).toMatchObject({ type: 'Heading', props: { text: 'Welcome' } });
    expect(position(plan.model, added(plan).id)).toEqual([rootOf(todo), 0]);
  });

  it('adds a text below the heading, and a divider', () => {
    const heading = nodesOfType(todo, 'Heading')[0];
    const { plan } = apply(todo, 'add a text saying hello below the heading');
    expect(added(plan)).toMatchObject({ type: 'Text', props: { text: 'hello' } });
    expect(position(plan.model, added(plan).id)).toEqual([rootOf(todo), 1]);
    expect(position(plan.model, heading.id)).toEqual([rootOf(todo), 0]);

    const divider = apply(counter, 'add a divider').plan;
    expect(added(divider).type).toBe('Divider');
    expect(position(divider.model, added(divider).id)).toEqual([
      rootOf(counter),
      childrenOf(counter, rootOf(counter)).length
    ]);
  });

  it('adds after the selection, keeps quoted place words as text, and reads style words', () => {
    const add = nodeWith(todo, 'Button', 'Add');
    const after = apply(todo, 'add a Clear done button', { selection: add.id }).plan;
    expect(added(after).props).toMatchObject({
      label: 'Clear done',
      onClick: { $handler: 'clearDone' }
    });
    expect(position(after.model, added(after).id)).toEqual([add.parent, 2]);

    const quoted = apply(todo, 'add a text that says "log in to continue" above the list').plan;
    expect(added(quoted).props.text).toBe('log in to continue');
    const list = nodesOfType(todo, 'Each')[0];
    expect(position(quoted.model, added(quoted).id)[1]).toBe(position(todo, list.id)[1]);

    const big = apply(counter, 'add a big red button labelled Reset').plan;
    expect(added(big).props).toEqual({
      label: 'Reset',
      size: 'lg',
      variant: 'danger',
      onClick: { $handler: 'reset' }
    });
  });
});

describe('add-input', () => {
  it('adds a text field bound to a new string field', () => {
    const { plan } = apply(form, 'add a text field called nickname', { rule: 'add-input' });
    const app = componentByName(plan.model, 'App')!;
    // A one-line text input is a draft: local to each tab (issue 13).
    expect(app.state.nickname).toEqual({ type: 'string', initial: '', scope: 'local' });
    expect(added(plan)).toMatchObject({
      type: 'TextInput',
      props: { label: 'Nickname', value: { $bind: 'nickname' } }
    });
  });

  it('adds a checkbox, a slider with its range, and binds to an existing field of the same type', () => {
    const checkbox = apply(blank, 'add a checkbox for subscribed').plan;
    expect(componentByName(checkbox.model, 'App')!.state.subscribed.type).toBe('boolean');
    expect(added(checkbox).props.checked).toEqual({ $bind: 'subscribed' });

    const slider = apply(blank, 'add a slider for volume from 0 to 10 at the top').plan;
    expect(added(slider).props).toEqual({
      label: 'Volume',
      value: { $bind: 'volume' },
      min: 0,
      max: 10
    });
    expect(position(slider.model, added(slider).id)[1]).toBe(0);

    const step = apply(counter, 'add a slider for step');
    expect(step.turn.ops.map((o) => o.op)).toEqual(['addNode']);
    expect(added(step.plan).props.value).toEqual({ $bind: 'step' });

    const select = apply(form, 'add a dropdown for size with options small, medium and large').plan;
    expect(added(select).props.options).toEqual(['small', 'medium', 'large']);
    expect(select.model.data.size).toBe('small');
  });

  it('asks when the name is taken by a field of another type', () => {
    expect(question(form, 'add a checkbox for message')).toMatch(
      /already has a state field "message"/
    );
  });
});

/** Nodes of a view tree, depth first. */
function viewNodes(view: ViewNode): ViewNode[] {
  return [view, ...view.children.flatMap(viewNodes)];
}

function inView(view: ViewNode | null, match: (n: ViewNode) => boolean): ViewNode {
  const found = view && viewNodes(view).find(match);
  if (!found) throw new Error('no such node in the view');
  return found;
}

function refOf(node: ViewNode, prop: string): number {
  const value = node.props[prop] as { $ref?: unknown };
  if (typeof value?.$ref !== 'number') throw new Error(`${node.type}.${prop} has no ref`);
  return value.$ref;
}

async function load(model: AppModel): Promise<ViewNode> {
  const result = await host.load(model);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.view;
}

describe('add-counter', () => {
  it('adds a number field, its value and − + buttons that work in the sandbox', async () => {
    const { plan } = apply(blank, 'add a counter', { rule: 'add-counter' });
    const app = componentByName(plan.model, 'App')!;
    expect(app.state.count).toEqual({ type: 'number', initial: 0 });
    const row = added(plan);
    const kids = childrenOf(plan.model, row.id).map((id) => plan.model.nodes.get(id)!);
    expect(kids.map((k) => k.type)).toEqual(['Button', 'Text', 'Button']);
    expect(kids[1].props.text).toEqual({ $expr: 'String(state.count)' });

    const view = await load(plan.model);
    const shown = () => inView(host.view, (n) => n.id === kids[1].id).props.text;
    expect(shown()).toBe('0');
    const plus = inView(view, (n) => n.props.label === '+');
    expect((await host.dispatch(refOf(plus, 'onClick'), {})).ok).toBe(true);
    expect((await host.dispatch(refOf(plus, 'onClick'), {})).ok).toBe(true);
    expect(shown()).toBe('2');
    const minus = inView(host.view, (n) => n.props.label === '−');
    await host.dispatch(refOf(minus, 'onClick'), {});
    expect(shown()).toBe('1');
    expect(host.data).toEqual({ count: 1 });
  });

  it('names a second counter apart from the first, and takes a name and a place', () => {
    const again = apply(counter, 'add another counter').turn;
    expect(again.ops[0]).toMatchObject({ op: 'addState', name: 'count2' });
    const { plan } = apply(counter, 'add a counter called score at the top');
    expect(componentByName(plan.model, 'App')!.handlers.incrementScore.body).toBe(
      'state.score += 1;'
    );
    expect(position(plan.model, added(plan).id)).toEqual([rootOf(counter), 0]);
  });
});

describe('add-dark-mode', () => {
  it('adds a dark field, a toggle bound to it, and a root theme that follows it in the sandbox', async () => {
    const { plan } = apply(todo, 'add a dark mode toggle', { rule: 'add-dark-mode' });
    const app = componentByName(plan.model, 'App')!;
    // A preference: each person's own (issue 13).
    expect(app.state.dark).toEqual({ type: 'boolean', initial: false, scope: 'person' });
    const toggle = added(plan);
    expect(toggle).toMatchObject({ type: 'Toggle', props: { checked: { $bind: 'dark' } } });
    expect(position(plan.model, toggle.id)).toEqual([app.root, 0]);
    const theme = plan.model.nodes.get(app.root)!.props.theme as { $expr: string };
    expect(theme.$expr).toMatch(/\bstate\.dark\b/);

    const view = await load(plan.model);
    expect(view.props.theme).toBe('light');
    const bound = inView(view, (n) => n.id === toggle.id);
    const flipped = await host.dispatch(refOf(bound, 'checked'), { value: true });
    expect(flipped.ok && flipped.view.props.theme).toBe('dark');
    expect(host.view!.props.theme).toBe('dark');
  });

  it('understands other phrasings, and asks rather than adding a second one', () => {
    const { plan } = apply(blank, 'let me switch to dark mode');
    expect(componentByName(plan.model, 'App')!.state.dark.type).toBe('boolean');
    expect(question(plan.model, 'add a dark mode switch')).toMatch(/already switches its theme/);
  });
});

describe('add-item-field', () => {
  /** Plans with migrations evaluated in the sandbox, as the studio's commit does. */
  async function withMigrations(model: AppModel, message: string) {
    const turn = batchOf(offlinePlan(model, message));
    const migrate = await prepareMigrations(model, turn.ops, (s, v) => host.migrate(s, v));
    return apply(model, message, { migrate, rule: 'add-item-field' });
  }

  it('lets todos be marked important: retyped items, migrated data, a checkbox in each row', async () => {
    const { plan, turn } = await withMigrations(todo, 'let me mark todos as important');
    const app = componentByName(plan.model, 'App')!;
    expect(app.state.items.type).toEqual({
      array: { object: { id: 'number', title: 'string', done: 'boolean', important: 'boolean' } }
    });
    expect((plan.model.data.items as { important: boolean }[]).map((i) => i.important)).toEqual([
      false,
      false
    ]);
    expect(app.handlers.addItem.body).toContain('done: false, important: false }');
    const checkbox = added(plan);
    const each = nodesOfType(todo, 'Each')[0];
    const row = childrenOf(todo, each.id)[0];
    expect(position(plan.model, checkbox.id)).toEqual([row, 1]);
    expect(checkbox.props).toMatchObject({
      checked: { $expr: 'item.important' },
      onChange: { $handler: 'toggleImportant' }
    });
    expect(turn.ops[0]).toMatchObject({ op: 'retypeState', name: 'items' });

    // In the sandbox: ticking the row's box marks that item, and new items get the field.
    const view = await load(plan.model);
    const second = inView(view, (n) => n.type === 'Item' && n.key.endsWith('[2]'));
    const box = inView(second, (n) => n.type === 'Checkbox' && n.props.label === 'Important');
    const ticked = await host.dispatch(refOf(box, 'onChange'), { checked: true });
    expect(ticked.ok).toBe(true);
    const items = () => host.data!.items as { title: string; important: boolean }[];
    expect(items().map((i) => i.important)).toEqual([false, true]);
    const input = inView(host.view, (n) => n.type === 'TextInput');
    await host.dispatch(refOf(input, 'value'), { value: 'Buy milk' });
    const add = await host.dispatch(
      refOf(
        inView(host.view, (n) => n.props.label === 'Add'),
        'onClick'
      ),
      {}
    );
    expect(add.ok).toBe(true);
    expect(items()[2]).toMatchObject({ title: 'Buy milk', important: false });
  });

  it('adds a priority as a choice of three, and a notes field as text', async () => {
    const priority = (await withMigrations(todo, 'add a priority field to the todo items')).plan;
    const app = componentByName(priority.model, 'App')!;
    const type = app.state.items.type as { array: { object: Record<string, unknown> } };
    expect(type.array.object.priority).toEqual({ enum: ['low', 'normal', 'high'] });
    expect(added(priority)).toMatchObject({
      type: 'Select',
      props: { value: { $expr: 'item.priority' }, options: ['low', 'normal', 'high'] }
    });
    expect((priority.model.data.items as { priority: string }[])[0].priority).toBe('normal');

    const notes = (await withMigrations(todo, 'add a notes field to each todo')).plan;
    expect(added(notes)).toMatchObject({
      type: 'TextInput',
      props: { value: { $expr: 'item.notes' }, onInput: { $handler: 'setNotes' } }
    });
  });

  it('asks when there is no list, or the field exists', () => {
    expect(question(counter, 'let me mark todos as important')).toMatch(/no list of items/);
    expect(question(todo, 'add a done field to the items')).toMatch(/already have a field "done"/);
  });

  it('adds the field to every object literal that builds a whole item, and nothing else', () => {
    const body = 'state.items.push({ id: 1, title, done: false });\nif (x) { y(); }\nf({ id: 2 });';
    expect(withField(body, ['id', 'title', 'done'], 'star: false')).toBe(
      'state.items.push({ id: 1, title, done: false, star: false });\nif (x) { y(); }\nf({ id: 2 });'
    );
    expect(
      withField("g({ ...x, id: '}', title: 'a', done: true })", ['id', 'title', 'done'], 'z: 1')
    ).toBe("g({ ...x, id: '}', title: 'a', done: true })");
  });
});

describe('remove-element', () => {
  it('removes a button named by its text, and the selection', () => {
    const clear = nodeWith(todo, 'Button', 'Clear done');
    const { plan } = apply(todo, 'remove the clear done button', { rule: 'remove-element' });
    expect(plan.model.nodes.has(clear.id)).toBe(false);
    expect(nodesOfType(plan.model, 'Button')).toHaveLength(2);

    const add = nodeWith(todo, 'Button', 'Add');
    const selected = apply(todo, 'delete this', { selection: add.id }).plan;
    expect(selected.model.nodes.has(add.id)).toBe(false);

    const quoted = apply(todo, 'get rid of the "Delete" button').plan;
    expect(nodesOfType(quoted.model, 'Button').map((b) => b.props.label)).toEqual([
      'Add',
      'Clear done'
    ]);
  });

  it('asks when nothing is selected, or the element is the root', () => {
    expect(question(todo, 'delete it')).toMatch(/Nothing is selected/);
    expect(question(todo, 'delete this', rootOf(todo))).toMatch(/root of component App/);
  });
});

describe('move-element', () => {
  it('moves the heading to the bottom', () => {
    const heading = nodesOfType(todo, 'Heading')[0];
    const { plan } = apply(todo, 'move the heading to the bottom', { rule: 'move-element' });
    const last = childrenOf(plan.model, rootOf(todo)).length - 1;
    expect(position(plan.model, heading.id)).toEqual([rootOf(todo), last]);
  });

  it('moves the selection above the list, an element up, and into a card', () => {
    const list = nodesOfType(todo, 'Each')[0];
    const clear = nodeWith(todo, 'Button', 'Clear done');
    const { plan } = apply(todo, 'move this above the list', { selection: clear.id });
    const kids = childrenOf(plan.model, rootOf(todo));
    expect(kids.indexOf(clear.id)).toBe(kids.indexOf(list.id) - 1);

    const add = nodeWith(todo, 'Button', 'Add');
    const up = apply(todo, 'move the "Add" button up').plan;
    expect(position(up.model, add.id)).toEqual([add.parent, 0]);

    const slider = nodesOfType(counter, 'Slider')[0];
    const top = apply(counter, 'move the slider to the top').plan;
    expect(position(top.model, slider.id)).toEqual([slider.parent, 0]);

    const reset = nodeWith(counter, 'Button', 'Reset');
    const card = nodesOfType(counter, 'Card')[0];
    const into = apply(counter, 'move the reset button into the card').plan;
    expect(position(into.model, reset.id)).toEqual([card.id, childrenOf(counter, card.id).length]);
  });

  it('asks when the move is impossible', () => {
    const card = nodesOfType(counter, 'Card')[0];
    expect(question(counter, 'move the card into the card')).toMatch(/into itself/);
    expect(question(counter, 'move this into the slider', card.id)).toMatch(/cannot hold/);
  });
});

describe('change-text', () => {
  it("changes the heading's text and the button's label", () => {
    const heading = nodesOfType(todo, 'Heading')[0];
    const { plan } = apply(todo, "change the heading to 'Shopping'", { rule: 'change-text' });
    expect(plan.model.nodes.get(heading.id)!.props.text).toBe('Shopping');

    const add = nodeWith(todo, 'Button', 'Add');
    const go = apply(todo, 'set the add button text to Go').plan;
    expect(go.model.nodes.get(add.id)!.props.label).toBe('Go');
  });

  it('reads "rename … to", "make … say", "the label of …" and replaces an expression', () => {
    const add = nodeWith(todo, 'Button', 'Add');
    const plus = apply(todo, 'rename the add button to Plus').plan;
    expect(plus.model.nodes.get(add.id)!.props.label).toBe('Plus');
    const say = apply(todo, 'make the "Add" button say Plus one').plan;
    expect(say.model.nodes.get(add.id)!.props.label).toBe('Plus one');

    const send = nodeWith(form, 'Button', 'Send');
    const label = apply(form, 'change the label of the send button to Submit').plan;
    expect(label.model.nodes.get(send.id)!.props.label).toBe('Submit');

    const value = nodesOfType(counter, 'Heading')[0];
    const { plan, turn } = apply(counter, 'change the heading to Score');
    expect(plan.model.nodes.get(value.id)!.props.text).toBe('Score');
    expect(turn.summary).toMatch(/String\(state\.count\)/);
  });
});

describe('change-style', () => {
  it('makes a button red, the heading smaller and a button secondary, within the schema', () => {
    const add = nodeWith(todo, 'Button', 'Add');
    const red = apply(todo, 'make the add button red', { rule: 'change-style' });
    expect(red.plan.model.nodes.get(add.id)!.props.variant).toBe('danger');

    const heading = nodesOfType(todo, 'Heading')[0];
    const smaller = apply(todo, 'make the heading smaller').plan;
    expect(smaller.model.nodes.get(heading.id)!.props.level).toBe(2);
    const smallest = apply(smaller.model, 'make the heading a bit smaller').plan;
    expect(smallest.model.nodes.get(heading.id)!.props.level).toBe(3);

    const secondary = apply(todo, 'make the add button secondary').plan;
    expect(secondary.model.nodes.get(add.id)!.props.variant).toBe('secondary');
  });

  it('maps colours to tones, says when a value is only the nearest, and reads "set … colour to"', () => {
    const first = apply(todo, 'turn the first button purple').turn;
    expect(first.ops[0]).toMatchObject({ name: 'variant', value: 'primary' });
    expect(first.summary).toMatch(/nearest to purple/);

    const card = nodesOfType(counter, 'Card')[0];
    const green = apply(counter, 'set the card colour to green').plan;
    expect(green.model.nodes.get(card.id)!.props.tone).toBe('success');

    const muted = nodeWith(todo, 'Text', 'Nothing to do yet.');
    const bold = apply(todo, 'make the "Nothing to do yet." text bold').plan;
    expect(bold.model.nodes.get(muted.id)!.props.weight).toBe('bold');
    const centered = apply(todo, 'make the heading centered').plan;
    expect(centered.model.nodes.get(nodesOfType(todo, 'Heading')[0].id)!.props.align).toBe(
      'center'
    );
  });

  it('asks when the colour or size is not there to set', () => {
    // Green and a red heading have style tokens now (issue 16); a black text has none.
    expect(question(todo, 'make the heading black')).toMatch(/no colour of its own/);
    expect(question(todo, 'make the "Add" button narrower')).toMatch(/already as narrow/);
  });
});

describe('rename-app and rename-component', () => {
  it('renames the app', () => {
    const { plan } = apply(todo, 'rename the app to Groceries', { rule: 'rename-app' });
    expect(plan.model.meta.title).toBe('Groceries');
    expect(apply(todo, "change the app's title to 'My list'").plan.model.meta.title).toBe(
      'My list'
    );
    expect(apply(todo, 'call the app Shopping list').plan.model.meta.title).toBe('Shopping list');
  });

  it('renames a component, and asks about one that does not exist', () => {
    const { plan } = apply(todo, 'rename component App to Main', { rule: 'rename-component' });
    expect(componentByName(plan.model, 'Main')).toBeDefined();
    const other = apply(todo, 'rename the App component to Groceries').plan;
    expect(componentByName(other.model, 'Groceries')!.id).toBe(componentByName(todo, 'App')!.id);
    expect(question(todo, 'rename component Foo to Bar')).toMatch(/no component "Foo"/);
  });
});

describe('questions and refusals', () => {
  it('names every match of an ambiguous reference', () => {
    const text = question(todo, 'make the button red');
    for (const label of ['Add', 'Delete', 'Clear done']) expect(text).toContain(`"${label}"`);
    expect(question(todo, 'remove the text')).toMatch(/Which text/);
  });

  it('takes the selected one among several matches, and ordinals', () => {
    const clear = nodeWith(todo, 'Button', 'Clear done');
    const turn = batchOf(offlinePlan(todo, 'make the button red', { selection: clear.id }));
    expect(turn.ops).toEqual([{ op: 'setProp', id: clear.id, name: 'variant', value: 'danger' }]);
    const last = batchOf(offlinePlan(todo, 'remove the last button'));
    expect(last.ops).toEqual([{ op: 'removeNode', id: clear.id }]);
  });

  it('refuses what is outside the grammar, with three examples of what is in it', () => {
    for (const message of ['order a pizza', 'make it pop', 'what is this?', '']) {
      const turn = offlinePlan(todo, message);
      expect(turn.kind, message).toBe('refusal');
      if (turn.kind !== 'refusal') continue;
      expect(turn.text).toMatch(/I understand/);
      expect(turn.text.match(/“[^”]+”/g)).toHaveLength(3);
    }
  });

  it('is deterministic, and its temporary ids never collide with the app', () => {
    const a = offlinePlan(todo, 'add a counter');
    expect(offlinePlan(todo, 'add a counter')).toEqual(a);
    const ops = batchOf(a).ops as Op[];
    const ids = ops.flatMap((o) => ('id' in o && typeof o.id === 'string' ? [o.id] : []));
    for (const id of ids) expect(todo.nodes.has(id)).toBe(false);
  });

  it('the README documents every rule and every example', () => {
    const readme = readFileSync(new URL('../../src/lib/ai/README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Offline planner'));
    expect(section.startsWith('## Offline planner')).toBe(true);
    for (const rule of OFFLINE_RULES) {
      expect(section).toContain(`| \`${rule.id}\``);
      for (const example of rule.examples) expect(section).toContain(`"${example}"`);
    }
  });

  it('documents every rule with examples, and each example plans on some template', () => {
    const ids = new Set(OFFLINE_RULES.map((r) => r.id));
    expect(ids.size).toBe(OFFLINE_RULES.length);
    for (const rule of OFFLINE_RULES) {
      expect(rule.examples.length).toBeGreaterThanOrEqual(2);
      for (const example of rule.examples) {
        const turns = [todo, counter, form, blank].map((m) => offlinePlan(m, example));
        const fits = turns.filter((t) => t.kind === 'batch' || t.kind === 'question');
        expect(fits.length, example).toBeGreaterThan(0);
        expect(
          turns.some((t) => t.kind !== 'refusal' && t.rule === rule.id),
          example
        ).toBe(true);
      }
    }
  });
});
