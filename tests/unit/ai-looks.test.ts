/**
 * Issue 15, looks the offline planner builds through the style prop of issue 16 and the look
 * rules of offline-look.ts, each class said several ways (never a corpus's sentence), on the
 * templates and on an app that is not one: colours an element's own props lack, sizes past the
 * element's own scale, full width, "the same size as", another type of element with the same
 * binding, and a look that follows the state (run in the sandbox).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { seededIds } from '../../src/lib/model/ids';
import { emptyModel, type AppModel, type NodeRecord, type Op } from '../../src/lib/model/types';
import { planOps, type Plan } from '../../src/lib/ops/plan';
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

const counter = template('counter');
const form = template('form');
const todo = template('todo');

function build(ops: Op[]): AppModel {
  const plan = planOps(emptyModel(), ops, undefined, { ids: seededIds(3) });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

/** A score keeper: not a template; its number is a Text, its buttons say "Point" and "Undo". */
const score = build([
  { op: 'addComponent', name: 'App', id: 'root' },
  { op: 'addState', component: 'App', name: 'points', type: 'number', initial: 3 },
  { op: 'addState', component: 'App', name: 'agree', type: 'boolean', initial: false },
  { op: 'setHandler', component: 'App', name: 'point', body: 'state.points += 1;' },
  { op: 'setHandler', component: 'App', name: 'undo', body: 'state.points -= 1;' },
  { op: 'addNode', parent: 'root', type: 'Heading', props: { text: 'Darts', level: 1 } },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Text',
    props: { text: { $expr: "state.points + ' points'" }, size: 'lg' }
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Stack',
    props: { direction: 'horizontal' },
    children: [
      { type: 'Button', props: { label: 'Point', onClick: { $handler: 'point' } } },
      {
        type: 'Button',
        props: { label: 'Undo', variant: 'secondary', onClick: { $handler: 'undo' } }
      }
    ]
  },
  {
    op: 'addNode',
    parent: 'root',
    type: 'Toggle',
    props: { label: 'I agree', checked: { $bind: 'agree' } }
  }
]);

const change = (model: AppModel, message: string) => plannedChange(gate, model, message);

function kindOf(model: AppModel, message: string): string {
  return offlinePlan(model, message).kind;
}

const propsOf = (plan: Plan & { ok: true }, node: NodeRecord) =>
  plan.model.nodes.get(node.id)!.props;

describe('a colour the element props lack goes into its style', () => {
  it('a button takes a background, a heading a text colour, an input a border', () => {
    for (const said of [
      'turn the Add button green',
      'colour the add button green',
      'the add button should be green'
    ]) {
      const plan = change(todo, said);
      expect(propsOf(plan, nodeWith(todo, 'Button', 'Add')).style, said).toEqual({
        background: 'success',
        color: 'on-accent'
      });
      expect(propsOf(plan, nodeWith(todo, 'Button', 'Add')).onClick).toEqual({
        $handler: 'addItem'
      });
    }
    const heading = nodesOfType(score, 'Heading')[0];
    expect(propsOf(change(score, 'paint the heading orange'), heading).style).toEqual({
      color: 'warning'
    });
    const email = nodeWith(form, 'TextInput', 'Email');
    expect(propsOf(change(form, 'make the email box red'), email).style).toMatchObject({
      borderColor: 'danger'
    });
    // Where the element's own prop has the colour, that prop is used, as before.
    expect(
      propsOf(change(score, 'make the undo button red'), nodeWith(score, 'Button', 'Undo')).variant
    ).toBe('danger');
  });

  it('merges with the style the element has, and asks for a colour no token has', () => {
    const green = change(todo, 'make the add button green').model;
    const wide = change(green, 'make the add button full width');
    expect(propsOf(wide, nodeWith(todo, 'Button', 'Add')).style).toEqual({
      background: 'success',
      color: 'on-accent',
      width: 'full'
    });
    expect(kindOf(score, 'make the heading black')).toBe('question');
  });
});

describe('sizes past the element scale', () => {
  it('a heading at level 1 grows through the font sizes; huge is the largest', () => {
    const number = nodesOfType(counter, 'Heading')[0];
    for (const said of [
      'make the number huge',
      'make the number enormous',
      'the number should be huge'
    ])
      if (kindOf(counter, said) === 'batch')
        expect(propsOf(change(counter, said), number).style, said).toEqual({ fontSize: '2xl' });
    expect(propsOf(change(counter, 'make the number huge'), number).style).toEqual({
      fontSize: '2xl'
    });
    expect(
      propsOf(change(score, 'make the heading bigger'), nodesOfType(score, 'Heading')[0]).style
    ).toEqual({
      fontSize: '2xl'
    });
  });

  it('a card is smaller by its padding; an input by its width', () => {
    const card = nodesOfType(counter, 'Card')[0];
    for (const said of [
      'make the card smaller',
      'make the counter card a bit smaller',
      'make the card more compact'
    ])
      expect(['md', 'sm', 'xs', 'none'], said).toContain(
        propsOf(change(counter, said), card).padding
      );
    const name = nodeWith(form, 'TextInput', 'Name');
    expect(propsOf(change(form, 'make the name box smaller'), name).style).toEqual({ width: 'lg' });
  });
});

describe('full width and wider', () => {
  it('reads full width said several ways, on buttons and inputs', () => {
    const send = nodeWith(form, 'Button', 'Send');
    for (const said of [
      'make the Send button full width',
      'make the send button full-width',
      'the send button should take up the whole width',
      'stretch the send button across the card',
      'make the send button fill the width of the form'
    ])
      expect(propsOf(change(form, said), send).style, said).toEqual({ width: 'full' });
    const point = nodeWith(score, 'Button', 'Point');
    expect(propsOf(change(score, 'make the point button wider'), point).style).toEqual({
      width: 'md'
    });
    expect(kindOf(score, 'make the point button narrower')).toBe('question');
  });
});

describe('the same look as another element', () => {
  it('copies the size, or the colour, of an element of the same type', () => {
    const clear = nodeWith(todo, 'Button', 'Clear done');
    expect(
      propsOf(change(todo, 'make the clear done button the same size as the add button'), clear)
        .size
    ).toBe('md');
    const undo = nodeWith(score, 'Button', 'Undo');
    expect(
      propsOf(change(score, 'give the undo button the same colour as the point button'), undo)
        .variant
    ).toBe('primary');
    expect(
      propsOf(change(score, 'the undo button should have the same look as the point button'), undo)
        .variant
    ).toBe('primary');
    // Different types have different scales: a question.
    expect(kindOf(score, 'make the heading the same size as the point button')).toBe('question');
  });
});

describe('another type of element, the same binding', () => {
  it('turns a checkbox into a toggle and back, in the same place', () => {
    const box = nodesOfType(form, 'Checkbox')[0];
    for (const said of [
      'make the checkbox a toggle',
      'turn the newsletter checkbox into a switch',
      'use a toggle instead of the checkbox',
      'replace the checkbox with a toggle'
    ]) {
      const plan = change(form, said);
      const toggles = nodesOfType(plan.model, 'Toggle');
      expect(toggles.length, said).toBe(1);
      expect(toggles[0].props.checked).toEqual(box.props.checked);
      expect(toggles[0].props.label).toBe(box.props.label);
      expect(toggles[0].parent).toBe(box.parent);
      expect(nodesOfType(plan.model, 'Checkbox')).toEqual([]);
    }
    const toggle = change(score, 'make the toggle a checkbox');
    expect(nodesOfType(toggle.model, 'Checkbox')[0].props.checked).toEqual({ $bind: 'agree' });
  });

  it('keeps a text box bound when it becomes a text area; asks when meaning would be lost', () => {
    const plan = change(form, 'change the name box into a text area');
    expect(nodesOfType(plan.model, 'TextArea').map((n) => n.props.value)).toContainEqual({
      $bind: 'name'
    });
    // A button with nothing to run, a link with no address, a list: questions.
    expect(kindOf(todo, 'turn the heading into a button')).toBe('question');
    expect(kindOf(todo, 'make the heading a link')).toBe('question');
    expect(kindOf(todo, 'make the list a grid')).toBe('question');
    // A button's click has nowhere to go on a heading.
    expect(kindOf(score, 'make the point button a heading')).toBe('question');
    // "a bit bigger" is not a type.
    expect(offlinePlan(todo, 'make the heading a bit bigger').kind).toBe('batch');
    expect(
      offlinePlan(todo, 'make the heading a bit bigger').kind === 'batch' &&
        (offlinePlan(todo, 'make the heading a bit bigger') as { rule: string }).rule
    ).toBe('change-style');
  });
});

function all(view: ViewNode): ViewNode[] {
  return [view, ...view.children.flatMap(all)];
}

describe('a look that follows the state', () => {
  it('reads the condition several ways and names the field the element shows', () => {
    const number = nodesOfType(counter, 'Heading')[0];
    for (const [said, expr] of [
      [
        'the number should turn green when its above 0',
        "state.count > 0 ? { color: 'success' } : {}"
      ],
      [
        'make the number red when the count is negative',
        "state.count < 0 ? { color: 'danger' } : {}"
      ],
      [
        'when the count is over 10, make the number green',
        "state.count > 10 ? { color: 'success' } : {}"
      ],
      ['the number goes red if it drops below 0', "state.count < 0 ? { color: 'danger' } : {}"],
      [
        'make the number orange when it is 5 or more',
        "state.count >= 5 ? { color: 'warning' } : {}"
      ]
    ])
      expect(propsOf(change(counter, said), number).style, said).toEqual({ $expr: expr });
    const send = nodeWith(form, 'Button', 'Send');
    expect(
      propsOf(change(form, 'make the send button red when the name is empty'), send).variant
    ).toEqual({
      $expr: "state.name.trim() === '' ? 'danger' : 'primary'"
    });
    // "it" showing two fields, or a condition not read: questions.
    expect(kindOf(counter, 'make the number green when it is lovely')).toBe('question');
  });

  it('switches in the running app on a Text that has a tone', async () => {
    const plan = change(score, 'the points text should turn green when it is above 5');
    const loaded = await host.load(plan.model);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const text = () => all(host.view!).find((n) => n.type === 'Text')!;
    expect(text().props.tone).toBe('normal');
    const point = all(host.view!).find((n) => n.type === 'Button' && n.props.label === 'Point')!;
    const ref = (point.props.onClick as { $ref: number }).$ref;
    for (let i = 0; i < 3; i++) expect((await host.dispatch(ref, {})).ok).toBe(true);
    expect(text().props.tone).toBe('success');
  });

  it('runs a style expression in the sandbox', async () => {
    const plan = change(counter, 'the number should turn green when its above 0');
    const loaded = await host.load(plan.model);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const heading = () => all(host.view!).find((n) => n.type === 'Heading')!;
    expect(heading().props.style ?? {}).toEqual({});
    const plus = all(host.view!).find((n) => n.type === 'Button' && n.props.label === '+')!;
    expect((await host.dispatch((plus.props.onClick as { $ref: number }).$ref, {})).ok).toBe(true);
    expect(heading().props.style).toEqual({ color: 'success' });
  });
});
