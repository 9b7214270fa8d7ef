/**
 * Issue 15, general rules read from the third corpus (never its sentences): a second instruction
 * that borrows the first one's verb, trailing words and bracketed remarks after a field's new
 * name, a new input placed with a form's other inputs, and other ways of saying the grammar's
 * phrasings (typos, "X should be …", "start … off with", "start counting from"). Each change
 * plans and compiles.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { childrenOf, componentByName, type AppModel } from '../../src/lib/model/types';

import { nodeWith, template } from './helpers';
import { plannedChange } from './ai-planned';

const gate = new CompileGate();
afterAll(() => gate.dispose());

const counter = template('counter');
const form = template('form');
const todo = template('todo');

const change = (model: AppModel, message: string) =>
  plannedChange(gate, model, message, { identityMigrations: true });

describe('a second instruction that borrows the verb', () => {
  it('sets both texts', () => {
    const plan = change(counter, 'change the plus button to Add and the minus button to Take');
    const labels = [...plan.model.nodes.values()].map((n) => n.props.label);
    expect(labels).toContain('Add');
    expect(labels).toContain('Take');
    expect(labels).not.toContain('Add and the minus button to Take');
  });

  it('asks about the second part when it names no single element, and changes nothing', () => {
    const turn = offlinePlan(counter, 'set the heading to Score and the button to Go');
    expect(turn.kind).toBe('question');
    expect(turn.kind === 'question' && turn.text).toMatch(/Which button/);
  });

  it('keeps "and" inside a text that names no element', () => {
    const plan = change(todo, 'change the heading to Salt and Pepper');
    expect(nodeWith(plan.model, 'Heading', 'Salt and Pepper')).toBeTruthy();
  });
});

describe('words after a new field name', () => {
  it('"everywhere" renames the field and the label that spells it', () => {
    const plan = change(counter, 'rename step to stride throughout the app');
    const app = componentByName(plan.model, 'App')!;
    expect(Object.keys(app.state)).toContain('stride');
    expect(Object.keys(app.state)).not.toContain('step');
    expect(app.handlers.increment.body).toContain('state.stride');
    expect(nodeWith(plan.model, 'Slider', 'Stride').props.value).toEqual({ $bind: 'stride' });
  });

  it('a remark in brackets is not part of the name', () => {
    const plan = change(form, 'rename the email field to address (in the data as well)');
    const app = componentByName(plan.model, 'App')!;
    expect(Object.keys(app.state)).toContain('address');
    expect(Object.keys(app.state).some((k) => /inTheData/i.test(k))).toBe(false);
  });

  it('"not just the label" also relabels', () => {
    const plan = change(form, 'rename the name field to fullName (the data, not only the label)');
    expect(Object.keys(componentByName(plan.model, 'App')!.state)).toContain('fullName');
    expect(nodeWith(plan.model, 'TextInput', 'Full name').props.value).toEqual({
      $bind: 'fullName'
    });
  });
});

describe('a new input with no place said', () => {
  it('goes with the form’s other inputs, before its button', () => {
    const plan = change(form, 'add a text input called phone');
    const input = [...plan.model.nodes.values()].find(
      (n) => n.type === 'TextInput' && n.props.label === 'Phone'
    )!;
    const siblings = childrenOf(plan.model, input.parent!).map((id) => plan.model.nodes.get(id)!);
    const at = siblings.findIndex((n) => n.id === input.id);
    const send = siblings.findIndex((n) => n.props.label === 'Send');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(send);
  });

  it('goes where it is told when a place is said', () => {
    const plan = change(form, 'add a text input called phone at the top');
    const input = [...plan.model.nodes.values()].find((n) => n.props.label === 'Phone')!;
    expect(input.parent).toBe(componentByName(plan.model, 'App')!.root);
  });
});

describe('other ways of saying it', () => {
  it('reads misspelt grammar words, but not real words or the app’s own', () => {
    const plan = change(counter, 'make the reset buton biger');
    expect(nodeWith(plan.model, 'Button', 'Reset').props.size).toBe('lg');
    const options = change(todo, 'add a dropdown with small medium large');
    const select = [...options.model.nodes.values()].find((n) => n.type === 'Select')!;
    expect(select.props.options).toEqual(['small', 'medium', 'large']);
  });

  it('a wish said about an element is a change to it', () => {
    const plan = change(todo, 'the add button should be red and slightly smaller');
    const add = nodeWith(plan.model, 'Button', 'Add');
    expect(add.props.variant).toBe('danger');
    expect(add.props.size).toBe('sm');
    const named = change(counter, 'the slider should go from 2 to 8 and be named Stride');
    const slider = nodeWith(named.model, 'Slider', 'Stride');
    expect([slider.props.min, slider.props.max]).toEqual([2, 8]);
  });

  it('a wish whose text runs on into another clause is not taken as one text', () => {
    // The second clause names another element: both texts are set (issue 15, tune-a).
    const plan = change(form, 'the email field should be called Mail and the name one Who');
    const labels = [...plan.model.nodes.values()].map((n) => n.props.label);
    expect(labels).toContain('Mail');
    expect(labels).toContain('Who');
    // It names none: the text is not read as one, so nothing changes.
    const turn = offlinePlan(form, 'the email field should be called Mail and the frobs Who');
    expect(turn.kind).not.toBe('batch');
  });

  it('"start … off with the text:" and "start counting from" are default values', () => {
    const plan = change(form, 'start the name box off with the text: Ada!');
    expect(componentByName(plan.model, 'App')!.state.name.initial).toBe('Ada!');
    const count = change(counter, 'begin counting at 3');
    expect(componentByName(count.model, 'App')!.state.count.initial).toBe(3);
  });
});

describe('the number the app counts with', () => {
  it('a button named by a sum acts on it, placed after the element it is next to', () => {
    const plan = change(counter, 'add a +4 button next to the plus');
    const app = componentByName(plan.model, 'App')!;
    const button = nodeWith(plan.model, 'Button', '+4');
    const handler = (button.props.onClick as { $handler: string }).$handler;
    expect(app.handlers[handler].body).toBe('state.count += 4;');
    const plus = nodeWith(plan.model, 'Button', '+');
    expect(button.parent).toBe(plus.parent);
  });

  it('"it" and a bare amount mean it, but never a hidden counter such as nextId', () => {
    const plan = change(counter, 'add a button that adds 7');
    const app = componentByName(plan.model, 'App')!;
    expect(Object.values(app.handlers).some((h) => h.body === 'state.count += 7;')).toBe(true);
    const turn = offlinePlan(todo, 'add a -5 button');
    expect(turn.kind === 'batch' ? turn.summary : '').not.toMatch(/nextId/);
    expect(turn.kind).not.toBe('batch');
  });

  it('a request without a verb asks for a thing, and a whole list is the list', () => {
    const plan = change(todo, 'a button that empties the entire list');
    const app = componentByName(plan.model, 'App')!;
    expect(Object.values(app.handlers).some((h) => /state\.items = \[\]/.test(h.body))).toBe(true);
  });

  it('"call the X Y" retitles the element, "give the X a dark look" restyles it', () => {
    const plan = change(counter, 'call the card Sit-ups');
    expect(nodeWith(plan.model, 'Card', 'Sit-ups')).toBeTruthy();
    const look = change(counter, 'give the card a dark look');
    expect([...look.model.nodes.values()].find((n) => n.type === 'Card')!.props.theme).toBe('dark');
  });
});

describe('limits and options', () => {
  it('clamps every handler that steps the number, and only those', () => {
    const plan = change(counter, 'the count should never go over 12');
    const app = componentByName(plan.model, 'App')!;
    expect(app.handlers.increment.body).toBe(
      'state.count = Math.min(12, state.count + state.step);'
    );
    expect(app.handlers.decrement.body).toBe('state.count -= state.step;');
    const floor = change(counter, "don't let it go negative");
    expect(componentByName(floor.model, 'App')!.handlers.decrement.body).toContain('Math.max(0,');
  });

  it('leaves a limit with words it did not read to the other rules', () => {
    const turn = offlinePlan(counter, 'set a max of 50 unless it is the weekend');
    expect(turn.kind).not.toBe('batch');
  });

  it('reads options after a colon or between dashes, and "between" two neighbours', () => {
    const plan = change(
      form,
      'add a topic dropdown - sales, support, other - between name and email'
    );
    const select = [...plan.model.nodes.values()].find((n) => n.type === 'Select')!;
    expect(select.props.options).toEqual(['sales', 'support', 'other']);
    const kids = childrenOf(plan.model, select.parent!);
    expect(kids.indexOf(select.id)).toBe(
      kids.indexOf(nodeWith(plan.model, 'TextInput', 'Name').id) + 1
    );
    const colon = change(form, 'add a Size dropdown: S, M and L');
    const size = [...colon.model.nodes.values()].find((n) => n.type === 'Select')!;
    expect(size.props.options).toEqual(['S', 'M', 'L']);
  });
});

describe('a checkbox that must be ticked before an action', () => {
  it('holds back the button and its handler until it is ticked', () => {
    const plan = change(form, "add a checkbox 'I accept the terms' that has to be checked to send");
    const app = componentByName(plan.model, 'App')!;
    const box = nodeWith(plan.model, 'Checkbox', 'I accept the terms');
    const field = (box.props.checked as { $bind: string }).$bind;
    expect(app.handlers.submit.body.startsWith(`if (!state.${field}) return;`)).toBe(true);
    expect(
      String((nodeWith(plan.model, 'Button', 'Send').props.disabled as { $expr: string }).$expr)
    ).toContain(`!state.${field}`);
  });

  it('asks when no button does the action', () => {
    expect(offlinePlan(form, "add a checkbox 'ok' that must be ticked to launch").kind).toBe(
      'question'
    );
  });
});

describe('swapping two elements', () => {
  it('trades their places and keeps what they do', () => {
    const plan = change(form, 'swap the name and email fields');
    const name = nodeWith(plan.model, 'TextInput', 'Name');
    const email = nodeWith(plan.model, 'TextInput', 'Email');
    const kids = childrenOf(plan.model, name.parent!);
    expect(kids.indexOf(email.id)).toBe(0);
    expect(kids.indexOf(name.id)).toBe(1);
    expect(name.props.value).toEqual({ $bind: 'name' });
    const counted = change(counter, 'swap the minus and plus buttons');
    const row = childrenOf(counted.model, nodeWith(counted.model, 'Button', '+').parent!);
    expect(row.map((id) => counted.model.nodes.get(id)!.props.label)).toEqual(['+', 'Reset', '−']);
  });

  it('asks when the words name more or fewer than two', () => {
    expect(offlinePlan(counter, 'swap the buttons').kind).toBe('question');
  });
});

describe('the list and the number, said plainly', () => {
  it('"make the list start empty" gives the one list an empty starting value', () => {
    const plan = change(todo, 'have the list start out empty');
    expect(componentByName(plan.model, 'App')!.state.items.initial).toEqual([]);
  });

  it('"the number" is the element that shows the number the app counts with', () => {
    const plan = change(counter, 'make the number smaller');
    expect([...plan.model.nodes.values()].find((n) => n.type === 'Heading')!.props.level).toBe(2);
    expect(offlinePlan(todo, 'make the number smaller').kind).toBe('question');
  });
});
