/**
 * Issue 15, long requests, continued (ai-long-requests.test.ts has the first groups): the classes
 * of the fifth fresh corpus, each on phrasings of our own with a near miss. Quotes with an
 * apostrophe inside, words after a quoted text, a second sentence after "?", what "still" stays
 * so, an input that asks a question, an input's example text, numbers for the field they follow,
 * a look said after the text, words before a type that are no look, and "under the title" of a
 * card.
 */
import { describe, expect, it } from 'vitest';

import { offlinePlan } from '../../src/lib/ai/offline';
import type { AppModel, NodeRecord } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { seededIds } from '../../src/lib/model/ids';
import { childrenOf } from '../../src/lib/model/types';
import { nodesOfType, template } from './helpers';
import { batch, sameAs } from './ai-canon-check';

const counter = template('counter');
const form = template('form');
const todo = template('todo');
const blank = template('blank');

/** The app after the request's batch, planned as an owner. */
function after(model: AppModel, said: string): AppModel {
  const turn = batch(offlinePlan(model, said));
  const plan = planOps(model, turn.ops, { id: 't', role: 'owner' }, { ids: seededIds(5) });
  if (!plan.ok) throw new Error(plan.errors[0].message);
  return plan.model;
}

/** The one node of a type showing a text (label, text, title or placeholder). */
function shown(model: AppModel, type: string, text: string): NodeRecord {
  const hits = nodesOfType(model, type).filter((n) =>
    ['label', 'text', 'title', 'placeholder'].some((k) => n.props[k] === text)
  );
  expect(hits, `${type} "${text}"`).toHaveLength(1);
  return hits[0];
}

function question(model: AppModel, said: string): string {
  const turn = offlinePlan(model, said);
  expect(turn.kind, turn.kind === 'batch' ? turn.summary : said).toBe('question');
  return turn.kind === 'question' ? turn.text : '';
}

describe('a quoted text with an apostrophe inside', () => {
  it('is one quote', () => {
    shown(after(todo, "change the heading to 'We'll be back'"), 'Heading', "We'll be back");
    shown(after(todo, "rename the add button to 'Don't forget'"), 'Button', "Don't forget");
  });
});

describe('words after a quoted text', () => {
  it('are more of the request, never the text', () => {
    expect(question(blank, "add a text saying 'Hi' for everyone here")).toMatch(/quoted text/);
    expect(question(todo, "change the heading to 'Shop' with love from us")).toMatch(/quoted/);
  });
});

describe('a second sentence after "?" or "!"', () => {
  it('is another instruction', () => {
    const model = after(todo, "could you rename the add button to 'Go'? make the heading red");
    shown(model, 'Button', 'Go');
    expect(shown(model, 'Heading', 'Todo').props).not.toEqual(shown(todo, 'Heading', 'Todo').props);
  });
});

describe('what an element "should still" do', () => {
  it('asks for nothing more', () => {
    const turn = batch(
      offlinePlan(todo, "rename the add button to 'Go'. it should still add the task")
    );
    expect(turn.ops).toHaveLength(1);
    const reset = batch(
      offlinePlan(counter, "rename the reset button to 'Zero', it should still reset the count")
    );
    expect(reset.ops).toHaveLength(1);
  });

  it('is not read about a look', () => {
    expect(
      offlinePlan(counter, "rename the reset button to 'Zero', it should still be red").kind
    ).not.toBe('batch');
  });
});

describe('an input that asks a quoted question', () => {
  it('is labelled with the question', () => {
    shown(
      after(form, "add a checkbox that asks 'Coming to dinner?'"),
      'Checkbox',
      'Coming to dinner?'
    );
    const select = shown(
      after(form, "add a dropdown asking 'Which size?' with the options S, M and L"),
      'Select',
      'Which size?'
    );
    expect(select.props.options).toEqual(['S', 'M', 'L']);
  });
});

describe("an input's example text", () => {
  it('is its placeholder', () => {
    const model = after(
      form,
      "change 'Email' to 'Your email' and the hint text in it to 'me@x.org'"
    );
    expect(shown(model, 'TextInput', 'Your email').props.placeholder).toBe('me@x.org');
    const own = after(todo, "change the sample text of the text field to 'Buy milk'");
    expect(nodesOfType(own, 'TextInput')[0].props.placeholder).toBe('Buy milk');
  });
});

describe('"only takes numbers" after two new fields', () => {
  it('is said of the field it follows', () => {
    const model = after(form, 'add a phone field and an age box that only takes numbers');
    expect(nodesOfType(model, 'NumberInput').map((n) => n.props.label)).toEqual(['Age']);
    expect(shown(model, 'TextInput', 'Phone')).toBeTruthy();
    const one = after(form, 'add a shoe size field that only takes numbers');
    expect(nodesOfType(one, 'NumberInput')).toHaveLength(1);
  });
});

describe('a look said after a new quoted text', () => {
  it('is the look of the new element', () => {
    const big = shown(after(blank, "add a heading saying 'Hi' in big letters"), 'Heading', 'Hi');
    expect(big.props).not.toEqual({ text: 'Hi' });
    const grey = shown(after(blank, "add a text saying 'Note' in small grey text"), 'Text', 'Note');
    expect(grey.props.tone).toBe('muted');
  });

  it('is more of the request when it is no look', () => {
    expect(question(blank, "add a text saying 'Note' in the footer area")).toBeTruthy();
  });
});

describe('words before a new element type', () => {
  it('that say nothing of it are passed over', () => {
    const grey = shown(after(blank, "add a little grey text saying 'x'"), 'Text', 'x');
    expect(grey.props.tone).toBe('muted');
    shown(after(blank, "add a new heading saying 'Hello'"), 'Heading', 'Hello');
  });

  it('that are neither a look nor the text are a question, never dropped', () => {
    expect(question(blank, "add a Jobs heading saying 'Today'")).toMatch(/not "Jobs"/);
  });
});

describe('"under the title" of a card', () => {
  it("is the card's first place", () => {
    const model = after(form, "add a text under the title saying 'We reply soon'");
    const card = nodesOfType(model, 'Card')[0];
    const first = model.nodes.get(childrenOf(model, card.id)[0])!;
    expect(first.props.text).toBe('We reply soon');
  });

  it('is after a heading that is one', () => {
    const model = after(todo, "add a text under the heading saying 'Today'");
    const heading = nodesOfType(model, 'Heading')[0];
    const kids = childrenOf(model, heading.parent!);
    expect(model.nodes.get(kids[kids.indexOf(heading.id) + 1])!.props.text).toBe('Today');
  });
});

describe('long forms of what a rule reads', () => {
  it('reads a gate said as "don\'t let them send until it\'s ticked"', () => {
    sameAs(form, "add a checkbox saying 'Rules read' that must be ticked to send", [
      "add a tick box saying 'Rules read' and don't let them send the form until it's ticked",
      "add a checkbox saying 'Rules read' and never let people submit until it has been checked"
    ]);
  });

  it('names a field for what a first-person caption says, not for "I"', () => {
    const model = after(form, "add a checkbox saying 'I accept the terms'");
    expect([...model.components.values()].flatMap((c) => Object.keys(c.state))).toContain(
      'acceptTheTerms'
    );
  });

  it('reads how many characters are left "out of" a limit', () => {
    sameAs(form, 'add a character counter for the message with a limit of 300', [
      'show how many characters are left in the message, out of 300, under the message box',
      'show how many letters are left in the message out of 300'
    ]);
  });

  it('reads a count "of how many are finished"', () => {
    sameAs(todo, 'show how many todos are done at the bottom', [
      'put a count of how many todos are finished at the bottom',
      'add a count of how many todos are ticked off at the bottom'
    ]);
  });

  it('reads a sort "so the unfinished ones are at the top"', () => {
    sameAs(todo, 'sort the list so the unfinished ones come first', [
      'sort the list so the unfinished tasks are at the top and the finished ones go to the bottom',
      'sort the list so that the undone ones go first'
    ]);
  });

  it('reads "stop it at 100" as a maximum', () => {
    sameAs(counter, 'set a max of 50', ['stop it at 50 at the top end', 'cap the count at 50']);
  });

  it("reads a button's label said after its place", () => {
    sameAs(counter, "add a '+5' button that adds 5 next to the plus", [
      "I'd like a button that adds 5 at once, next to the plus, labelled '+5'",
      "add a button that adds 5, next to the plus, called '+5'"
    ]);
  });

  it('gives two elements two texts in one breath, in order', () => {
    sameAs(
      counter,
      "change the plus button to say 'Up' and change the minus button to say 'Down'",
      [
        "change the plus and minus buttons to say 'Up' and 'Down'",
        "change the plus button and the minus button to say 'Up' and 'Down'"
      ]
    );
  });

  it('gives one text to two elements with "too"', () => {
    sameAs(todo, "rename the app to 'Chores' and change the heading to 'Chores'", [
      "rename the app to 'Chores' and the heading too",
      "rename the app to 'Chores' and the heading as well"
    ]);
  });
});
