/**
 * Issue 15, long requests, third part (ai-long-requests*.test.ts have the others): more ways a
 * person says what a rule reads, each on phrasings of our own with a near miss. A badge for the
 * done rows, a place wished for, a field asked for, ticked by default, the old text after a quote,
 * "the same grey as", a dark card "with light writing", a remark before a request of its own, who
 * is asking said first, "the form" of a form in a card, and a count shaped like an example.
 */
import { describe, expect, it } from 'vitest';

import { offlinePlan } from '../../src/lib/ai/offline';
import { template } from './helpers';
import { batch, canonical, sameAs } from './ai-canon-check';

const counter = template('counter');
const form = template('form');
const todo = template('todo');
const blank = template('blank');

describe('ways of saying what a rule reads', () => {
  it('reads a badge "next to each task … when it\'s ticked off"', () => {
    sameAs(todo, "add a badge saying 'ok' to the done todos", [
      "add a little badge next to each todo that says 'ok' when it's ticked off",
      "add a badge on every todo saying 'ok' once it is done"
    ]);
  });

  it('reads a place wished for', () => {
    sameAs(todo, 'put the add button on the left of the text field', [
      "I'd like the add button on the left of the text field",
      'i want the add button on the left of the text field'
    ]);
  });

  it('reads a field asked for', () => {
    sameAs(form, 'add a company field', [
      "ask for the person's company as well",
      'ask people for their company'
    ]);
  });

  it('reads "ticked already when the page opens" as checked by default', () => {
    sameAs(form, 'make the newsletter checkbox checked by default', [
      'have the newsletter checkbox ticked already when the page opens',
      'leave the newsletter checkbox ticked by default'
    ]);
  });

  it('drops the old text said after a quoted new one', () => {
    sameAs(todo, "change the heading to 'Jobs'", [
      "change the heading to 'Jobs' instead of Todo",
      "change the heading to 'Jobs' instead of 'Todo'"
    ]);
  });

  it('reads "the same grey as" as the same colour', () => {
    sameAs(todo, 'make the add button the same colour as the clear done button', [
      'make the add button the same grey as the clear done button',
      'make the add button the same shade as the clear done button'
    ]);
  });

  it('reads a dark element "with light writing" as dark', () => {
    sameAs(counter, 'make the card dark', [
      'make the card dark with light writing',
      'make the card dark, with a dark background'
    ]);
  });

  it('reads a number "as well" as the number', () => {
    sameAs(counter, 'the reset button should go back to 10', [
      'the reset button should go back to 10 as well'
    ]);
  });

  it('reads a complaint with a number of rows as the rows', () => {
    sameAs(form, 'make the message box 3 rows', ['the message box is too big, make it 3 rows']);
  });

  it('reads a remark before a request of its own', () => {
    sameAs(todo, 'show how many todos there are', [
      'the list is getting long, can you show how many todos there are'
    ]);
    // A remark before a statement is no request: left as said.
    expect(canonical(todo, 'the list is long, it has many todos')).toBe(
      'the list is long, it has many todos'
    );
  });

  it('reads past who is asking', () => {
    sameAs(counter, 'make the plus button green', [
      'I run a small gym. Please make the plus button green',
      "I'm a teacher. Make the plus button green"
    ]);
  });

  it('reads "the form" of a form in one card as the card', () => {
    sameAs(form, "change the card title to 'Book'", [
      "change the title of the form to 'Book'",
      "the form's heading should say 'Book'"
    ]);
    sameAs(form, 'make the card dark', ['make the whole form dark']);
    // An app with a heading of its own: "the form" is not read as the card.
    expect(canonical(todo, "change the title of the form to 'Book'")).toContain('form');
  });

  it('shapes a count like the example, number and all', () => {
    const turn = batch(offlinePlan(todo, "show how many todos there are, like 'Total: 5'"));
    expect(JSON.stringify(turn.ops)).toContain('\\"Total: \\" + state.items.length');
    const after = batch(offlinePlan(todo, "show how many todos there are, like '5 jobs'"));
    expect(JSON.stringify(after.ops)).toContain('state.items.length + \\" jobs\\"');
  });
});

describe('a new text with a field in braces and no place of its own', () => {
  it("shows the field's value, never the braces", () => {
    const turn = batch(offlinePlan(form, 'add a text saying thanks {name}'));
    expect(JSON.stringify(turn.ops)).toContain('${state.name}');
    const top = batch(offlinePlan(form, 'add a heading saying Hi <email> at the top'));
    expect(JSON.stringify(top.ops)).toContain('${state.email}');
    expect(JSON.stringify(top.ops)).toContain('"index":0');
  });

  it('is a question when no field has that name', () => {
    expect(offlinePlan(todo, 'add a text saying thanks {name}').kind).toBe('question');
  });

  it('leaves a text without braces as written', () => {
    const turn = batch(offlinePlan(form, 'add a text saying thanks'));
    expect(JSON.stringify(turn.ops)).toContain('"text":"thanks"');
  });
});

describe('a new element said after its place, with no verb', () => {
  it('is added there', () => {
    sameAs(blank, "add a divider and add a text saying 'Hi' under it", [
      "add a divider and under it some text saying 'Hi'",
      "add a divider and under it a text saying 'Hi'"
    ]);
    sameAs(blank, "add a heading 'Hi' and add a text saying 'Bye' below it", [
      "add a heading 'Hi' and below it a text saying 'Bye'"
    ]);
  });
});

describe('what a new element does, said after its place, in a longer request', () => {
  it('moves only up to where the next instruction starts', () => {
    const turn = batch(
      offlinePlan(
        counter,
        "add a heading at the top that says 'Visitors' and make the card title say 'Door'"
      )
    );
    expect(JSON.stringify(turn.ops)).toContain('"title"');
    expect(turn.summary).toMatch(/Heading "Visitors" at the top/);
    expect(turn.summary).toMatch(/"Door"/);
    const two = batch(
      offlinePlan(
        counter,
        "add a text at the bottom that says 'Bye', and make the plus button green"
      )
    );
    expect(two.summary).toMatch(/Text "Bye" at the bottom/);
  });
});

describe('more of a long request', () => {
  it('reads "start the counter at 10" as one clause of several', () => {
    const turn = batch(
      offlinePlan(counter, 'start the counter at 10, and the reset button should go back to 10')
    );
    expect(turn.summary).toMatch(/count of App start at 10.*then.*Reset/);
    sameAs(counter, 'make count start at 10 and make the plus button green', [
      'start counting at 10 and make the plus button green'
    ]);
  });

  it('reads "so people know when …" as a reason', () => {
    sameAs(todo, 'add a due date field to each todo', [
      'add a due date field to each todo so my staff know when things are due',
      'add a due date field to each todo so we remember what is due'
    ]);
  });

  it('reads "look plainer, more like a link" as the plain button', () => {
    sameAs(form, 'make the send button ghost', [
      'make the send button look plainer',
      'make the send button look more like a link'
    ]);
    sameAs(form, "change the send button to 'Go' and make it ghost", [
      "change the send button to 'Go', and look plainer, more like a link"
    ]);
  });
});

describe('a box named for what goes in it', () => {
  it('is a text field', () => {
    sameAs(form, 'add a phone number field below the email field', [
      'add a phone number box below the email field',
      "add a phone number box below the email field, and it's fine if people leave it empty"
    ]);
    sameAs(form, 'add a postcode field', [
      'add a postcode box',
      "add a postcode box, it's optional"
    ]);
  });

  it('is still a card alone, with a look, or as a search box', () => {
    const box = batch(offlinePlan(blank, 'add a box'));
    expect(JSON.stringify(box.ops)).toContain('"type":"Card"');
    const big = batch(offlinePlan(blank, 'add a raised box'));
    expect(JSON.stringify(big.ops)).toContain('"type":"Card"');
    expect(batch(offlinePlan(todo, 'add a search box')).summary).toMatch(/search box/);
  });
});

describe('a page or a card made with its title', () => {
  it('is a heading on the page, with what goes under it', () => {
    sameAs(blank, "add a heading 'Fair' and add a text saying 'Bring cake' below it", [
      "make a page titled 'Fair' with a line of text saying 'Bring cake' underneath",
      "make me a simple page called 'Fair' with a text saying 'Bring cake' below"
    ]);
    sameAs(blank, "add a heading 'Hello'", ["make a page titled 'Hello'"]);
  });

  it("is the card's own title, and what is written inside it", () => {
    sameAs(blank, "add a card titled 'Hours' and add a text saying '9 to 5' inside it", [
      "make a card with the title 'Hours' and inside it write '9 to 5'",
      "create a card with a title 'Hours' and in it put '9 to 5'"
    ]);
  });
});

describe('stack-vertically', () => {
  it('turns the row the elements make up vertical', () => {
    for (const said of [
      'put the buttons one under the other',
      'arrange the minus, reset and plus buttons vertically instead of in a row'
    ]) {
      const turn = batch(offlinePlan(counter, said));
      expect(turn.ops, said).toEqual([
        expect.objectContaining({ op: 'setProp', name: 'direction', value: 'vertical' })
      ]);
    }
  });

  it('asks when the row holds others too, or the elements are in no row', () => {
    expect(offlinePlan(counter, 'put the minus and plus buttons one under the other').kind).toBe(
      'question'
    );
    expect(offlinePlan(form, 'stack the name and email fields vertically').kind).toBe('question');
  });
});

describe('"show … whether" with its place first and its size last', () => {
  it('is the even-or-odd text, placed and sized as said', () => {
    sameAs(counter, 'show whether the count is positive or negative below the number', [
      'show below the number whether the count is positive or negative'
    ]);
    const turn = batch(
      offlinePlan(counter, "show underneath the number whether it's odd or even, in small text")
    );
    expect(JSON.stringify(turn.ops)).toContain('% 2');
    expect(JSON.stringify(turn.ops)).toContain('"size":"sm"');
    const plain = batch(offlinePlan(counter, 'show whether the count is even or odd'));
    expect(JSON.stringify(plain.ops)).not.toContain('"size"');
  });
});

describe('a rating said as what people do with a slider', () => {
  it('is that slider', () => {
    sameAs(form, "add a slider from 1 to 10 labelled 'Score'", [
      "I want people to rate us from 1 to 10 with a slider, labelled 'Score'",
      "let visitors score the food from 1 to 10 with a slider labelled 'Score'"
    ]);
    sameAs(form, 'add a slider from 0 to 5 called rating', [
      'I want people to rate us from 0 to 5 with a slider'
    ]);
  });
});
