/**
 * Issue 15, classes of request that a fresh corpus (written by someone who never read the rules)
 * got a question or refusal for, although the planner knew the change: a reason said after the
 * request, a plea at the end of a text, the counted number called "it", "the number" or "the
 * value", "can we get a …", "all three buttons", a look and "centred" together. Each class is
 * tested with phrasings of our own, not the corpus's.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { componentByName, type AppModel } from '../../src/lib/model/types';
import { type Plan } from '../../src/lib/ops/plan';
import { nodeWith, nodesOfType, template } from './helpers';
import { plannedChange } from './ai-planned';

const gate = new CompileGate();
afterAll(() => gate.dispose());

const todo = template('todo');
const counter = template('counter');
const form = template('form');

const change = (model: AppModel, message: string) => plannedChange(gate, model, message);

const app = (plan: Plan) => componentByName(plan.model, 'App')!;

describe('a reason said after the request is no part of it', () => {
  const cases: [AppModel, string, string, string][] = [
    [todo, 'delete the heading because nobody reads it', 'Heading', 'Todo'],
    [form, "drop the newsletter checkbox - it's pointless", 'Checkbox', 'Send me news'],
    [counter, "remove the reset button, we don't really need it", 'Button', 'Reset'],
    [todo, 'take out the clear done button, no one clicks it', 'Button', 'Clear done']
  ];
  for (const [model, message, type, text] of cases)
    it(message, () => {
      const gone = nodeWith(model, type, text);
      expect(change(model, message).model.nodes.has(gone.id)).toBe(false);
    });

  it('keeps a remark that wants something, and asks', () => {
    expect(offlinePlan(todo, 'remove the delete button, i want it red').kind).toBe('question');
  });
});

describe('a plea at the end is not part of a new text', () => {
  it('"… please", "… pls", "… plz"', () => {
    const reset = change(counter, 'the reset button should say Start over please');
    expect(reset.model.nodes.get(nodeWith(counter, 'Button', 'Reset').id)!.props.label).toBe(
      'Start over'
    );
    const send = change(form, 'change the send button to Send it pls');
    expect(send.model.nodes.get(nodeWith(form, 'Button', 'Send').id)!.props.label).toBe('Send it');
    const add = change(todo, 'rename the add button to Save plz');
    expect(add.model.nodes.get(nodeWith(todo, 'Button', 'Add').id)!.props.label).toBe('Save');
  });
});

describe('the counted number as "it", "the number", "the value"', () => {
  it('a start value', () => {
    for (const [message, n] of [
      ['could the count start from 3', 3],
      ['the number should start at 5', 5],
      ['can it begin at 7 instead of 0', 7]
    ] as const)
      expect(app(change(counter, message)).state.count.initial, message).toBe(n);
  });

  it('a limit', () => {
    for (const [message, word] of [
      ['the value must not drop below zero', 'decrement'],
      ["it can't get higher than 50", 'increment'],
      ['the count should never go over 99', 'increment']
    ] as const) {
      const plan = change(counter, message);
      expect(app(plan).handlers[word].body, message).not.toBe(
        componentByName(counter, 'App')!.handlers[word].body
      );
    }
  });

  it('a button that acts on it', () => {
    const plan = change(counter, 'add a button that doubles the number');
    expect(Object.values(app(plan).handlers).map((h) => h.body)).toContain('state.count *= 2;');
  });

  it('"it" is not a number in an app that counts nothing', () => {
    expect(offlinePlan(todo, 'it shouldnt be able to go below 0').kind).not.toBe('batch');
  });
});

describe('"can we get a …" asks for one to be added', () => {
  it('three ways', () => {
    const search = change(todo, 'could I have a search box above the list');
    expect(nodesOfType(search.model, 'TextInput').length).toBe(2);
    const heading = change(counter, 'give me a heading saying Score at the top');
    expect(nodesOfType(heading.model, 'Heading').some((h) => h.props.text === 'Score')).toBe(true);
    const dark = change(template('blank'), 'can we get a dark mode toggle');
    expect(nodesOfType(dark.model, 'Toggle').length).toBe(1);
  });
});

describe('a count with a plural reference', () => {
  it('"all three", "both", "the two" when the app has that many', () => {
    const three = change(counter, 'make all three buttons smaller');
    expect(nodesOfType(three.model, 'Button').map((b) => b.props.size)).toEqual(['sm', 'sm', 'sm']);
    const both = change(form, 'make both buttons red');
    expect(nodesOfType(both.model, 'Button').map((b) => b.props.variant)).toEqual([
      'danger',
      'danger'
    ]);
    const two = change(form, 'make the two buttons smaller');
    expect(nodesOfType(two.model, 'Button').map((b) => b.props.size)).toEqual(['sm', 'sm']);
  });

  it('asks when the count is wrong', () => {
    expect(offlinePlan(counter, 'make all four buttons bigger').kind).toBe('question');
  });
});

describe('a look and "centred" for one element', () => {
  it('the look, then the alignment', () => {
    const heading = change(todo, 'make the heading bigger and centred');
    const h = heading.model.nodes.get(nodesOfType(todo, 'Heading')[0].id)!;
    expect(h.props.align).toBe('center');
    const send = change(form, 'make the send button bigger and centered');
    const s = send.model.nodes.get(nodeWith(form, 'Button', 'Send').id)!;
    expect(s.props.size).toBe('lg');
    expect(send.model.nodes.get(s.parent!)!.props.align).toBe('center');
    const title = change(todo, 'make the title smaller and centered');
    expect(title.model.nodes.get(nodesOfType(todo, 'Heading')[0].id)!.props.level).toBe(2);
  });
});

describe('"between A and B" is right after the first of two neighbours', () => {
  it('a new input, a moved checkbox, a divider under a row', () => {
    const company = change(form, 'add a Company field between Email and Message');
    const inputs = nodesOfType(company.model, 'TextInput').map((n) => n.props.label);
    expect(inputs).toEqual(['Name', 'Email', 'Company']);
    const kids = (plan: Plan, id: string) => plan.model.children.get(id)!;
    const email = nodeWith(form, 'TextInput', 'Email');
    const added = kids(company, email.parent!);
    expect(added.indexOf(email.id) + 1).toBe(
      added.indexOf(
        nodesOfType(company.model, 'TextInput').find((n) => n.props.label === 'Company')!.id
      )
    );
    const moved = change(form, 'move the checkbox between the name and the email');
    const order = kids(moved, email.parent!);
    const box = nodesOfType(form, 'Checkbox')[0].id;
    expect(order.indexOf(box)).toBe(order.indexOf(nodeWith(form, 'TextInput', 'Name').id) + 1);
    const divider = change(todo, 'add a divider between the input and the list');
    const root = nodesOfType(todo, 'Each')[0].parent!;
    const rootKids = kids(divider, root);
    const d = nodesOfType(divider.model, 'Divider')[0].id;
    expect(rootKids.indexOf(d) + 1).toBe(rootKids.indexOf(nodesOfType(todo, 'Each')[0].id));
  });

  it('asks when the two are not neighbours', () => {
    expect(
      offlinePlan(form, 'add a text saying Optional between the message and the name').kind
    ).toBe('question');
  });
});

describe('two elements moved together', () => {
  it('keep the order they were named in', () => {
    const plan = change(form, 'move the name and email fields to the bottom');
    const parent = nodeWith(form, 'TextInput', 'Name').parent!;
    const kids = plan.model.children.get(parent)!;
    expect(kids.slice(-2)).toEqual([
      nodeWith(form, 'TextInput', 'Name').id,
      nodeWith(form, 'TextInput', 'Email').id
    ]);
    const above = change(form, 'put the checkbox and the send button above the message');
    const order = above.model.children.get(parent)!;
    const at = (type: string, text: string) => order.indexOf(nodeWith(form, type, text).id);
    expect(at('Checkbox', 'Send me news') + 1).toBe(at('Button', 'Send'));
    expect(at('Button', 'Send') + 1).toBe(at('TextArea', 'Message'));
  });

  it('two that make up a row move as the row', () => {
    const plan = change(todo, 'move the input and the add button to the bottom');
    const row = nodeWith(todo, 'Button', 'Add').parent!;
    const root = todo.nodes.get(row)!.parent!;
    expect(plan.model.children.get(root)!.at(-1)).toBe(row);
    expect(plan.model.nodes.get(nodeWith(todo, 'Button', 'Add').id)!.parent).toBe(row);
  });
});

describe('a new input said with its kind and its start', () => {
  it('numbers only, a number field, a default', () => {
    for (const [message, name, start] of [
      ['add a quantity box that only accepts numbers, default 1', 'quantity', 1],
      ['add a number input called age that defaults to 18', 'age', 18],
      ['add a number field for rooms', 'rooms', 0]
    ] as const) {
      const plan = change(form, message);
      expect(app(plan).state[name], message).toMatchObject({ type: 'number', initial: start });
      expect(nodesOfType(plan.model, 'NumberInput').length, message).toBe(1);
    }
  });

  it('"a phone number field" still holds text', () => {
    const plan = change(form, 'add a phone number field');
    expect(app(plan).state.phoneNumber.type).toBe('string');
  });

  it('a start number for a text input is a question, never dropped', () => {
    const turn = offlinePlan(counter, 'add a field called laps, default 3');
    expect(turn.kind).toBe('question');
    if (turn.kind === 'question') expect(turn.text).toMatch(/number field called … starting at 3/);
  });
});

describe('a new element with its place said before its text', () => {
  it('"a heading at the bottom saying …", "a text under the send button saying …"', () => {
    const bottom = change(todo, "add a heading at the bottom saying That's all folks");
    const h = nodesOfType(bottom.model, 'Heading').find(
      (n) => n.props.text === "That's all folks"
    )!;
    expect(bottom.model.children.get(h.parent!)!.at(-1)).toBe(h.id);
    const under = change(
      form,
      'add a small grey text under the send button saying We never share your email'
    );
    const t = nodesOfType(under.model, 'Text').find(
      (n) => n.props.text === 'We never share your email'
    )!;
    const send = nodeWith(form, 'Button', 'Send');
    const kids = under.model.children.get(send.parent!)!;
    expect(kids.indexOf(t.id)).toBe(kids.indexOf(send.id) + 1);
    const above = change(counter, 'put a text above the slider that says Step size');
    expect(nodesOfType(above.model, 'Text').some((n) => n.props.text === 'Step size')).toBe(true);
  });
});
