/**
 * Issue 15, "never wrong": the offline planner proposes a change only when it has read the whole
 * request. Each case here was a wrong change, or a wrong refusal, before: two instructions read as
 * one text, references matching the start of a word, buttons without handlers, options run
 * together into a name. Unsafe requests get a coded refusal that says why; anything else not
 * understood gets at most three phrasings that are.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan, OFFLINE_RULES, type OfflineTurn } from '../../src/lib/ai/offline';
import { componentByName, type AppModel, type NodeRecord } from '../../src/lib/model/types';
import { planOps, type Plan } from '../../src/lib/ops/plan';
import { nodeWith, nodesOfType, template } from './helpers';

const gate = new CompileGate();
afterAll(() => gate.dispose());

const OWNER = { id: 't', role: 'owner' } as const;
const todo = template('todo');
const counter = template('counter');
const form = template('form');
const blank = template('blank');

/** Plans the request; it must be a batch that plans and compiles. */
function change(model: AppModel, message: string): { plan: Plan; summary: string } {
  const turn = offlinePlan(model, message);
  if (turn.kind !== 'batch') throw new Error(`expected a batch, got ${turn.kind}: ${turn.text}`);
  const plan = planOps(model, turn.ops, OWNER);
  if (!plan.ok) throw new Error(`${message}: ${JSON.stringify(plan.errors)}`);
  expect(gate.compile(plan.model).errors, message).toEqual([]);
  return { plan, summary: turn.summary };
}

function kindOf(model: AppModel, message: string): OfflineTurn {
  return offlinePlan(model, message);
}

function node(plan: Plan, id: string): NodeRecord {
  return plan.model.nodes.get(id)!;
}

/** Every Button the batch added has a handler. */
function buttonsHaveHandlers(model: AppModel, plan: Plan): void {
  for (const n of nodesOfType(plan.model, 'Button'))
    if (!model.nodes.has(n.id)) expect(n.props.onClick, `new button ${n.props.label}`).toBeTruthy();
}

describe('two instructions in one request', () => {
  it('does both, or asks; never reads the second as the first one’s text', () => {
    const both = change(todo, 'change the heading to Shopping list and make the delete button red');
    expect(node(both.plan, nodesOfType(todo, 'Heading')[0].id).props.text).toBe('Shopping list');
    expect(node(both.plan, nodeWith(todo, 'Button', 'Delete').id).props.variant).toBe('danger');

    // A Heading has no black: the whole request becomes a question, nothing half done.
    const black = kindOf(todo, 'change the "Add" button to Go and make the heading black');
    expect(black.kind).toBe('question');
    if (black.kind === 'question') expect(black.text).toMatch(/black/);
    // Green it has, through its style's background (issue 16): both parts are done.
    const green = change(todo, 'change the heading to Shopping list and make the Add button green');
    expect(node(green.plan, nodeWith(todo, 'Button', 'Add').id).props.style).toEqual({
      background: 'success',
      color: 'on-accent'
    });
  });

  it('adds two elements said with one verb, and "it" is the element just named', () => {
    const two = change(blank, 'add a heading Welcome and a text saying Glad you are here');
    expect(nodesOfType(two.plan.model, 'Heading').map((n) => n.props.text)).toEqual(['Welcome']);
    expect(nodesOfType(two.plan.model, 'Text').map((n) => n.props.text)).toEqual([
      'Glad you are here'
    ]);
    const it = change(todo, 'make the Add button say Plus and move it to the top');
    const add = node(it.plan, nodeWith(todo, 'Button', 'Add').id);
    expect(add.props.label).toBe('Plus');
    expect(it.plan.model.children.get(add.parent!)![0]).toBe(add.id);
  });

  it('asks when the second part is not understood', () => {
    const turn = kindOf(todo, 'change the heading to Chores and frobnicate the list');
    expect(turn.kind).not.toBe('batch');
  });
});

describe('element references', () => {
  it('match whole words: "count" is a state field, not the Counter card', () => {
    const { plan } = change(counter, 'rename count to clicks in the state');
    const app = componentByName(plan.model, 'App')!;
    expect(Object.keys(app.state)).toContain('clicks');
    expect(Object.keys(app.state)).not.toContain('count');
    expect(node(plan, nodesOfType(counter, 'Card')[0].id).props.title).toBe('Counter');
    expect(app.handlers.increment.body).toContain('state.clicks');
  });

  it('find labels made of symbols', () => {
    const { plan } = change(counter, 'make the "+" button red');
    expect(node(plan, nodeWith(counter, 'Button', '+').id).props.variant).toBe('danger');
    const plain = change(counter, 'change the + button to say Add one');
    expect(node(plain.plan, nodeWith(counter, 'Button', '+').id).props.label).toBe('Add one');
  });

  it('"the X" is the only X of its type, so a description that fits none still finds it', () => {
    const { plan } = change(form, 'remove the newsletter checkbox');
    expect(nodesOfType(plan.model, 'Checkbox')).toEqual([]);
    expect(nodesOfType(plan.model, 'TextInput')).toHaveLength(2);
    // Three buttons and no "minus" among them: a question, not a guess.
    expect(kindOf(counter, 'make the button red').kind).toBe('question');
  });
});

describe('plurals', () => {
  it('name every element they cover', () => {
    const { plan } = change(todo, 'make the delete buttons red');
    expect(node(plan, nodeWith(todo, 'Button', 'Delete').id).props.variant).toBe('danger');
    expect(node(plan, nodeWith(todo, 'Button', 'Add').id).props.variant).toBeUndefined();

    const all = change(counter, 'make the buttons big');
    for (const b of nodesOfType(counter, 'Button'))
      expect(node(all.plan, b.id).props.size).toBe('lg');

    const two = change(todo, 'make the Add button and the Clear done button ghost');
    expect(node(two.plan, nodeWith(todo, 'Button', 'Add').id).props.variant).toBe('ghost');
    expect(node(two.plan, nodeWith(todo, 'Button', 'Clear done').id).props.variant).toBe('ghost');
  });
});

describe('a button that does something', () => {
  it('is wired to the handler that does it, or is a question', () => {
    const reset = change(counter, 'add a button that resets the count');
    buttonsHaveHandlers(counter, reset.plan);
    const added = nodesOfType(reset.plan.model, 'Button').find((b) => !counter.nodes.has(b.id))!;
    expect(added.props.onClick).toEqual({ $handler: 'reset' });

    for (const [model, message] of [
      [counter, 'add a button that doubles the count'],
      [todo, 'add a sort A-Z button'],
      [todo, 'add a button to filter the done ones'],
      [blank, 'add a button labelled Save']
    ] as const) {
      const turn = kindOf(model, message);
      if (turn.kind === 'batch') {
        const plan = planOps(model, turn.ops, OWNER);
        expect(plan.ok).toBe(true);
        if (plan.ok) buttonsHaveHandlers(model, plan);
      } else expect(turn.kind, message).toBe('question');
    }
    // "doubles the count" is a recipe now: a new handler that really doubles it.
    const doubles = change(counter, 'add a button that doubles the count');
    buttonsHaveHandlers(counter, doubles.plan);
    expect(componentByName(doubles.plan.model, 'App')!.handlers.doubleCount.body).toBe(
      'state.count *= 2;'
    );
    const unknown = kindOf(counter, 'add a button that paints the count');
    expect(unknown.kind).toBe('question');
    if (unknown.kind === 'question') expect(unknown.text).toMatch(/What should the button do/);
  });
});

describe('field renames and text changes', () => {
  it('tells a state field from an element', () => {
    const field = change(counter, 'rename the step field to stepSize');
    const app = componentByName(field.plan.model, 'App')!;
    expect(app.state.stepSize?.type).toBe('number');
    expect(app.state.step).toBeUndefined();

    const text = change(counter, 'rename the Counter card to Tally');
    expect(node(text.plan, nodesOfType(counter, 'Card')[0].id).props.title).toBe('Tally');
    expect(componentByName(text.plan.model, 'App')!.state.count).toBeDefined();
  });
});

describe('names and options come from the request', () => {
  it('a dropdown for the subject with three options', () => {
    const { plan } = change(form, 'add a dropdown for the subject with General, Support and Sales');
    const app = componentByName(plan.model, 'App')!;
    expect(app.state.subject).toMatchObject({ type: 'string', initial: 'General' });
    const select = nodesOfType(plan.model, 'Select')[0];
    expect(select.props.options).toEqual(['General', 'Support', 'Sales']);
    expect(select.props.value).toEqual({ $bind: 'subject' });
  });

  it('a checkbox that says something is labelled with it', () => {
    const { plan } = change(form, 'add a checkbox that says I agree to the terms');
    const box = nodesOfType(plan.model, 'Checkbox').find((n) => !form.nodes.has(n.id))!;
    expect(box.props.label).toBe('I agree to the terms');
  });
});

describe('honest refusals', () => {
  it.each([
    ['send my todos to http://evil.example', 'E_AI_DATA_LEAVES_APP'],
    ['email everything people type to bob@example.com', 'E_AI_DATA_LEAVES_APP'],
    ['post the list to my server every hour', 'E_AI_DATA_LEAVES_APP'],
    ['track which todos people click', 'E_AI_TRACKING'],
    ['add google analytics', 'E_AI_TRACKING'],
    ['hide the delete button from the owner', 'E_AI_HIDDEN_FROM_OWNER'],
    ["add a secret page the owner can't see", 'E_AI_HIDDEN_FROM_OWNER']
  ])('%s → %s, with the reason', (message, code) => {
    const turn = kindOf(todo, message);
    expect(turn.kind).toBe('refusal');
    if (turn.kind !== 'refusal') return;
    expect(turn.code).toBe(code);
    expect(turn.text).not.toMatch(/I understand only/);
  });

  it('still proposes a plain link to an address (the gate judges its origin)', () => {
    expect(kindOf(blank, 'add a link to https://example.com').kind).toBe('batch');
  });

  it('suggests up to three nearby phrasings the planner understands', () => {
    const turn = kindOf(todo, 'translate the app into French');
    expect(turn.kind).toBe('refusal');
    if (turn.kind !== 'refusal') return;
    expect(turn.code).toBeUndefined();
    expect(turn.suggestions.length).toBeGreaterThan(0);
    expect(turn.suggestions.length).toBeLessThanOrEqual(3);
    const examples = OFFLINE_RULES.flatMap((r) => r.examples);
    for (const s of turn.suggestions) expect(examples).toContain(s);
    const colour = kindOf(counter, 'paint everything in pastel tones');
    if (colour.kind === 'refusal') expect(colour.suggestions[0]).toMatch(/make/);
  });
});
