/**
 * The offline planner's list and form recipes (issue 15, "often right") on apps that are not the
 * templates: an expense list whose items are {key, label, amount, paid} looped as `e`, a notes
 * list with two yes/no fields where the row's checkbox says which one is toggled, and a profile
 * form. Every batch plans with planOps and passes the compile gate; the handlers and filters run
 * in the real sandbox and change what the view shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan, type OfflineTurn } from '../../src/lib/ai/offline';
import { seededIds } from '../../src/lib/model/ids';
import {
  componentByName,
  emptyModel,
  type AppModel,
  type NodeRecord,
  type Op
} from '../../src/lib/model/types';
import { planOps, type Plan } from '../../src/lib/ops/plan';
import { SandboxHost, type ViewNode } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { template } from './helpers';

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

function build(ops: Op[]): AppModel {
  const plan = planOps(emptyModel(), ops, undefined, { ids: seededIds(3) });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

/** Expenses: not a template, other names for everything (field, loop variable, key, flag). */
const expenses = build([
  { op: 'addComponent', name: 'App', id: 'root' },
  {
    op: 'addState',
    component: 'App',
    name: 'expenses',
    type: {
      array: { object: { key: 'number', label: 'string', amount: 'number', paid: 'boolean' } }
    },
    initial: [
      { key: 1, label: 'rent', amount: 900, paid: true },
      { key: 2, label: 'Coffee', amount: 4, paid: false },
      { key: 3, label: 'books', amount: 30, paid: false }
    ]
  },
  { op: 'addNode', parent: 'root', type: 'Heading', props: { text: 'Spending' } },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Each',
    id: 'rows',
    props: { items: { $expr: 'state.expenses' }, as: 'e', key: { $expr: 'e.key' } },
    children: [
      {
        type: 'Stack',
        props: { direction: 'horizontal' },
        children: [
          {
            type: 'Checkbox',
            props: { checked: { $expr: 'e.paid' }, label: { $expr: 'e.label' } }
          },
          { type: 'Text', props: { text: { $expr: 'String(e.amount)' } } }
        ]
      }
    ]
  }
]);

/** Notes: two yes/no fields; the row's checkbox toggles `archived`, so "done" means archived. */
const notes = build([
  { op: 'addComponent', name: 'App', id: 'root' },
  {
    op: 'addState',
    component: 'App',
    name: 'notes',
    type: {
      array: {
        object: {
          uid: 'string',
          body: 'string',
          pinned: 'boolean',
          archived: 'boolean',
          priority: { enum: ['low', 'high'] }
        }
      }
    },
    initial: [
      { uid: 'a', body: 'Call mum', pinned: true, archived: false, priority: 'high' },
      { uid: 'b', body: 'buy milk', pinned: false, archived: true, priority: 'low' }
    ]
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Each',
    id: 'list',
    props: { items: { $expr: 'state.notes' }, as: 'note', key: { $expr: 'note.uid' } },
    children: [
      {
        type: 'Checkbox',
        props: { checked: { $expr: 'note.archived' }, label: { $expr: 'note.body' } }
      }
    ]
  }
]);

function batchOf(turn: OfflineTurn): Extract<OfflineTurn, { kind: 'batch' }> {
  if (turn.kind !== 'batch') throw new Error(`expected a batch, got ${turn.kind}: ${turn.text}`);
  return turn;
}

/** Plans the request as the sidebar does and runs the compile gate on the result. */
function apply(model: AppModel, message: string, rule: string): { plan: Plan; ops: Op[] } {
  const turn = batchOf(offlinePlan(model, message));
  expect(turn.rule, message).toBe(rule);
  const plan = planOps(model, turn.ops, OWNER);
  if (!plan.ok) throw new Error(`${message}: ${JSON.stringify(plan.errors)}`);
  expect(gate.compile(plan.model).errors, message).toEqual([]);
  return { plan, ops: turn.ops };
}

function eachOf(model: AppModel): NodeRecord {
  return [...model.nodes.values()].find((n) => n.type === 'Each')!;
}

function kindOf(model: AppModel, message: string): string {
  return offlinePlan(model, message).kind;
}

function all(view: ViewNode): ViewNode[] {
  return [view, ...view.children.flatMap(all)];
}

async function labels(model: AppModel): Promise<unknown[]> {
  const result = await host.load(model);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return all(result.view)
    .filter((n) => n.type === 'Checkbox')
    .map((n) => n.props.label);
}

async function click(label: string): Promise<void> {
  const button = all(host.view!).find((n) => n.type === 'Button' && n.props.label === label);
  const ref = (button?.props.onClick as { $ref?: number } | undefined)?.$ref;
  if (typeof ref !== 'number') throw new Error(`no button ${label}`);
  expect((await host.dispatch(ref, {})).ok).toBe(true);
}

/** The checkbox labels the running app shows now. */
function shown(): unknown[] {
  return all(host.view!)
    .filter((n) => n.type === 'Checkbox')
    .map((n) => n.props.label);
}

function texts(): unknown[] {
  return all(host.view!)
    .filter((n) => n.type === 'Text')
    .map((n) => n.props.text);
}

describe('clear', () => {
  it('adds a clear-all and a clear-paid button with real handlers, on any list', async () => {
    const { plan } = apply(expenses, 'add a button that removes all the expenses', 'clear-list');
    expect(componentByName(plan.model, 'App')!.handlers.clearAll.body).toBe('state.expenses = [];');
    expect(await labels(plan.model)).toHaveLength(3);
    await click('Clear all');
    expect(host.data!.expenses).toEqual([]);

    const paid = apply(expenses, 'add a clear completed button', 'clear-list').plan;
    expect(await labels(paid.model)).toHaveLength(3);
    await click('Clear completed');
    expect((host.data!.expenses as unknown[]).length).toBe(2);
    // The toggled field of the notes is the one the row's checkbox shows.
    const archived = apply(notes, 'let me delete the done notes', 'clear-list').plan;
    expect(componentByName(archived.model, 'App')!.handlers.clearArchived.body).toContain(
      '!x.archived'
    );
  });

  it('reuses an existing handler, and offers a button for a direct data change', () => {
    const { ops } = apply(
      template('todo'),
      'add a button to clear the completed ones',
      'clear-list'
    );
    expect(ops.map((o) => o.op)).toEqual(['addNode']);
    const turn = offlinePlan(expenses, 'delete all the expenses');
    expect(turn.kind).toBe('question');
    expect(turn.kind === 'question' && turn.text).toMatch(/add a button that clears all/);
  });
});

describe('sort', () => {
  it('shows a list A to Z, by a number descending, and newest first by the numeric key', async () => {
    const az = apply(expenses, 'sort the expenses alphabetically', 'sort-list').plan;
    expect(await labels(az.model)).toEqual(['books', 'Coffee', 'rent']);
    const big = apply(expenses, 'sort the list by amount, highest first', 'sort-list').plan;
    expect(await labels(big.model)).toEqual(['rent', 'books', 'Coffee']);
    const newest = apply(expenses, 'show the newest expenses first', 'sort-list').plan;
    expect(await labels(newest.model)).toEqual(['books', 'Coffee', 'rent']);
    // Sorting again replaces the order instead of sorting the sorted copy.
    const again = apply(az.model, 'sort them by amount', 'sort-list').plan;
    expect(eachOf(again.model).props.items).toEqual({
      $expr: '[...state.expenses].sort((a, b) => a.amount - b.amount)'
    });
  });

  it('adds a sort button whose handler sorts the data', async () => {
    const { plan } = apply(notes, 'add a sort A-Z button', 'sort-list');
    await labels(plan.model);
    await click('Sort A-Z');
    expect((host.data!.notes as { body: string }[]).map((n) => n.body)).toEqual([
      'buy milk',
      'Call mum'
    ]);
  });

  it('asks how when no order is said, and names the fields when one is unknown', () => {
    expect(kindOf(expenses, 'sort the expenses')).toBe('question');
    const turn = offlinePlan(expenses, 'sort the expenses by colour');
    expect(turn.kind === 'question' && turn.text).toMatch(/key, label, amount, paid/);
  });
});

describe('filter and search', () => {
  it('shows only the items not done, for good or behind a toggle', async () => {
    const open = apply(expenses, 'only show the unpaid expenses', 'filter-list').plan;
    expect(await labels(open.model)).toEqual(['Coffee', 'books']);
    const hide = apply(notes, 'add a toggle to hide the archived notes', 'filter-list');
    const app = componentByName(hide.plan.model, 'App')!;
    expect(app.state.hideArchived).toMatchObject({
      type: 'boolean',
      initial: false,
      scope: 'local'
    });
    expect(await labels(hide.plan.model)).toEqual(['Call mum', 'buy milk']);
  });

  it('adds a search box over the text field the rows show, and a Select filter by a choice field', async () => {
    const { plan } = apply(expenses, 'add a search box', 'search-list');
    const app = componentByName(plan.model, 'App')!;
    expect(app.state.query).toMatchObject({ type: 'string', scope: 'local' });
    expect(String((eachOf(plan.model).props.items as { $expr: string }).$expr)).toContain(
      'x.label.toLowerCase().includes(state.query'
    );
    expect(await labels(plan.model)).toHaveLength(3);
    const by = apply(notes, 'add a filter by priority', 'filter-list').plan;
    expect(await labels(by.model)).toHaveLength(2);
    expect(apply(notes, 'let me search the notes by body', 'search-list').ops).toHaveLength(3);
  });
});

describe('counts and totals', () => {
  it('shows how many, how many are left, and the total of a number field', async () => {
    const many = apply(expenses, 'show how many expenses there are', 'count-list').plan;
    await labels(many.model);
    expect(texts()).toContain('3 expenses');
    const left = apply(expenses, 'show how many are unpaid', 'count-list').plan;
    await labels(left.model);
    expect(texts()).toContain('2 not paid');
    const total = apply(expenses, 'show the total of the amounts', 'count-list').plan;
    await labels(total.model);
    expect(texts()).toContain('Total: 934');
  });

  it('asks when there is no number to add up', () => {
    expect(kindOf(notes, 'show the total')).toBe('question');
    expect(kindOf(template('counter'), 'show how many items there are')).not.toBe('batch');
  });
});

/** A profile form: a bio text area, a handle input, an age slider, a plan Select, a toggle. */
const profile = build([
  { op: 'addComponent', name: 'App', id: 'root' },
  { op: 'addState', component: 'App', name: 'handle', type: 'string', initial: '' },
  { op: 'addState', component: 'App', name: 'bio', type: 'string', initial: 'Hi there' },
  { op: 'addState', component: 'App', name: 'age', type: 'number', initial: 30 },
  { op: 'addState', component: 'App', name: 'plan', type: 'string', initial: 'Free' },
  { op: 'addState', component: 'App', name: 'listed', type: 'boolean', initial: false },
  { op: 'addNode', parent: 'root', type: 'Heading', props: { text: 'Profile' } },
  {
    op: 'addNode',
    parent: 'root',
    type: 'TextInput',
    props: { label: 'Handle', value: { $bind: 'handle' } }
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'TextArea',
    props: { label: 'About you', value: { $bind: 'bio' } }
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Slider',
    props: { label: 'Age', value: { $bind: 'age' } }
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Select',
    props: { label: 'Plan', options: ['Free', 'Pro'], value: { $bind: 'plan' } }
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Toggle',
    props: { label: 'Show my profile', checked: { $bind: 'listed' } }
  },
  { op: 'addNode', parent: 'root', type: 'Button', props: { label: 'Save' } }
]);

describe('more list recipes', () => {
  it('marks every item, with the toggled field of each app', async () => {
    const { plan } = apply(
      expenses,
      'add a button that marks all the expenses as paid',
      'mark-all'
    );
    await labels(plan.model);
    await click('Mark all paid');
    expect((host.data!.expenses as { paid: boolean }[]).every((e) => e.paid)).toBe(true);
    const off = apply(notes, 'add an uncheck all button', 'mark-all').plan;
    expect(componentByName(off.model, 'App')!.handlers.unmarkAllArchived.body).toContain(
      'archived: false'
    );
  });

  it('puts the done items last, reverses the order, and back', async () => {
    const last = apply(expenses, 'put the paid expenses at the bottom', 'sort-list').plan;
    expect(await labels(last.model)).toEqual(['Coffee', 'books', 'rent']);
    const top = apply(expenses, 'put the paid expenses on top', 'sort-list').plan;
    expect(await labels(top.model)).toEqual(['rent', 'Coffee', 'books']);
    const reversed = apply(expenses, 'reverse the order of the list', 'sort-list').plan;
    expect(await labels(reversed.model)).toEqual(['books', 'Coffee', 'rent']);
    const back = apply(reversed.model, 'reverse the list', 'sort-list').plan;
    expect(eachOf(back.model).props.items).toEqual({ $expr: 'state.expenses' });
  });

  it('adds filter buttons that switch what the list shows, in the sandbox', async () => {
    const { plan } = apply(expenses, 'add filter buttons', 'filter-list');
    expect(await labels(plan.model)).toHaveLength(3);
    await click('Paid');
    expect(shown()).toEqual(['rent']);
    await click('Not paid');
    expect(shown()).toEqual(['Coffee', 'books']);
  });

  it('reads other phrasings of search and count', () => {
    expect(apply(notes, 'let me filter the notes by text', 'search-list').ops).toHaveLength(3);
    expect(
      apply(expenses, 'add a counter showing how many expenses are paid', 'count-list').ops
    ).toHaveLength(1);
    expect(apply(expenses, 'count the expenses', 'count-list').ops).toHaveLength(1);
  });
});

describe('form recipes', () => {
  it('counts the characters of the text area named by its label, with a limit that turns red', async () => {
    const { plan } = apply(
      profile,
      'add a character counter to the about you box with a limit of 5',
      'character-counter'
    );
    await labels(plan.model);
    expect(texts()).toContain('8 / 5 characters');
    const tone = all(host.view!).find(
      (n) => n.type === 'Text' && n.props.text === '8 / 5 characters'
    );
    expect(tone?.props.tone).toBe('danger');
    const words = apply(profile, 'add a word count for the bio', 'character-counter').plan;
    await labels(words.model);
    expect(texts()).toContain('2 words');
    // With no input named, the only text area.
    expect(apply(profile, 'add a character counter', 'character-counter').ops).toHaveLength(1);
  });

  it('sets a default of the field’s own type, and asks when the value does not fit', () => {
    const age = apply(profile, 'make the age default to 18', 'set-default').plan;
    expect(componentByName(age.model, 'App')!.state.age.initial).toBe(18);
    const on = apply(profile, 'make the show my profile toggle on by default', 'set-default').plan;
    expect(componentByName(on.model, 'App')!.state.listed.initial).toBe(true);
    const plan = apply(profile, 'the plan should default to pro', 'set-default').plan;
    expect(componentByName(plan.model, 'App')!.state.plan.initial).toBe('Pro');
    expect(kindOf(profile, 'make the plan default to Gold')).toBe('question');
    expect(kindOf(profile, 'make the age default to old')).toBe('question');
  });

  it('puts elements side by side in a new row, or next to one another, in reading order', () => {
    const { plan } = apply(
      profile,
      'put the handle and the age slider side by side',
      'side-by-side'
    );
    const row = [...plan.model.nodes.values()].find(
      (n) => n.type === 'Stack' && n.props.direction === 'horizontal'
    )!;
    const kids = (plan.model.children.get(row.id) ?? []).map(
      (id) => plan.model.nodes.get(id)!.type
    );
    expect(kids).toEqual(['TextInput', 'Slider']);
    const left = apply(
      profile,
      'put the save button to the left of the heading',
      'side-by-side'
    ).plan;
    const row2 = [...left.model.nodes.values()].find(
      (n) => n.type === 'Stack' && n.props.direction === 'horizontal'
    )!;
    expect(
      (left.model.children.get(row2.id) ?? []).map((id) => left.model.nodes.get(id)!.type)
    ).toEqual(['Button', 'Heading']);
    // "put a button next to …" adds a button: not this rule.
    expect(offlinePlan(profile, 'put a button next to the heading').kind === 'batch' && false).toBe(
      false
    );
  });

  it('reads defaults and side by side said other ways, and asks when no field is named', () => {
    const give = apply(profile, 'give the handle a default of anon', 'set-default').plan;
    expect(componentByName(give.model, 'App')!.state.handle.initial).toBe('anon');
    expect(kindOf(profile, 'set the starting value to 10')).toBe('question');
    const both = offlinePlan(
      profile,
      'change the heading to Me and put the handle and the bio side by side'
    );
    expect(both.kind === 'batch' && both.rule).toBe('change-text+side-by-side');
    expect(kindOf(profile, 'show how many characters are left in the bio')).toBe('question');
    const left = apply(
      profile,
      'show how many characters are left in the bio with a limit of 10',
      'character-counter'
    );
    expect(JSON.stringify(left.ops)).toContain("(10 - state.bio.length) + ' characters left'");
  });

  it('adds buttons whose new handlers set, step, toggle or clear a field, and run', async () => {
    const { plan } = apply(profile, 'add a button that sets the age to 65', 'button-action');
    await labels(plan.model);
    await click('Set age to 65');
    expect(host.data!.age).toBe(65);
    const twice = apply(profile, 'add a Twice button that doubles the age', 'button-action').plan;
    await labels(twice.model);
    await click('Twice');
    expect(host.data!.age).toBe(60);
    const flip = apply(
      profile,
      'add a button that toggles the show my profile toggle',
      'button-action'
    ).plan;
    await labels(flip.model);
    await click('Toggle listed');
    expect(host.data!.listed).toBe(true);
    expect(kindOf(profile, 'add a button that doubles the bio')).toBe('question');
    // An input named by its type alone: the field it is bound to.
    const clear = apply(template('todo'), 'add a button that clears the text box', 'button-action');
    expect(JSON.stringify(clear.ops)).toContain("state.draft = '';");
    // "the value" names no field: not a guess at the only input.
    expect(kindOf(template('counter'), 'add a button that sets the value to 5')).toBe('question');
    expect(kindOf(profile, 'add a button that sets the plan to Gold and frobs')).toBe('question');
  });

  it('sets a slider range, and asks for one that is empty', () => {
    const { plan } = apply(profile, 'make the age slider go from 18 to 120', 'set-range');
    const slider = [...plan.model.nodes.values()].find((n) => n.type === 'Slider')!;
    expect([slider.props.min, slider.props.max]).toEqual([18, 120]);
    expect(kindOf(profile, 'make the age slider go from 50 to 10')).toBe('question');
    expect(kindOf(profile, 'make the heading go up to 20')).toBe('question');
  });

  it('aligns by the schema: a heading’s align, the root’s align, a button wrapped', () => {
    const h = apply(profile, 'centre the heading', 'align').plan;
    expect([...h.model.nodes.values()].find((n) => n.type === 'Heading')!.props.align).toBe(
      'center'
    );
    const all = apply(profile, 'center everything', 'align').plan;
    expect(all.model.nodes.get(componentByName(all.model, 'App')!.root)!.props.align).toBe(
      'center'
    );
    const b = apply(profile, 'align the save button to the right', 'align').plan;
    const button = [...b.model.nodes.values()].find((n) => n.type === 'Button')!;
    expect(b.model.nodes.get(button.parent!)!.props).toEqual({ align: 'end' });
    const rows = apply(profile, 'make the text area bigger', 'change-style').plan;
    expect([...rows.model.nodes.values()].find((n) => n.type === 'TextArea')!.props.rows).toBe(7);
  });
});

describe('never wrong', () => {
  it('asks instead of guessing what a bare clear or delete button does', () => {
    expect(kindOf(expenses, 'add a delete button')).toBe('question');
    expect(kindOf(expenses, 'add a clear button')).toBe('question');
    expect(kindOf(expenses, 'sort the expenses')).toBe('question');
  });

  it('names a button by the words for its symbol or its action, and a text by the field it shows', () => {
    const counter = template('counter');
    const minus = batchOf(offlinePlan(counter, 'remove the minus button'));
    const node = counter.nodes.get((minus.ops[0] as { id: string }).id)!;
    expect(node.props.label).toBe('−');
    const inc = batchOf(offlinePlan(counter, 'the increment button should be red'));
    expect(counter.nodes.get((inc.ops[0] as { id: string }).id)!.props.label).toBe('+');
    const count = batchOf(offlinePlan(counter, 'centre the count'));
    expect(counter.nodes.get((count.ops[0] as { id: string }).id)!.props.text).toEqual({
      $expr: 'String(state.count)'
    });
    // A field name is still a field for a rename.
    expect(offlinePlan(counter, 'rename count to clicks in the state').kind).toBe('batch');
  });

  it('leaves requests that only look like list recipes to the other rules', () => {
    expect(kindOf(expenses, 'order a pizza')).toBe('refusal');
    const hide = offlinePlan(profile, 'hide the heading');
    expect(hide.kind === 'batch' && hide.rule === 'filter-list').toBe(false);
    const add = offlinePlan(profile, 'put a button next to the heading');
    expect(add.kind === 'batch' && add.rule === 'side-by-side').toBe(false);
    expect(kindOf(profile, 'show how many items there are')).toBe('question');
  });

  it('plans several recipes in one request, each on the app the previous one left', async () => {
    const { plan } = apply(
      expenses,
      'add a search box and sort the expenses by amount',
      'search-list+sort-list'
    );
    expect(await labels(plan.model)).toEqual(['Coffee', 'books', 'rent']);
  });
});
