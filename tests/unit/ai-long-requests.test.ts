/**
 * Issue 15, long requests: what any long natural request needs before its clauses are read. A
 * reason taken off the clause it belongs to, politeness in any clause, more words that join two
 * instructions, the -ing form of a verb, and an element named by what a person does with it; on
 * phrasings of our own, each with near misses that must not be taken.
 */
import { describe, expect, it } from 'vitest';

import { offlinePlan } from '../../src/lib/ai/offline';
import { template } from './helpers';
import { batch, canonical, notChanged, sameAs } from './ai-canon-check';

const counter = template('counter');
const form = template('form');
const todo = template('todo');

describe('a reason said with the request', () => {
  it('is taken off the clause it ends', () => {
    sameAs(todo, 'make the heading bigger', [
      'make the heading bigger so that people can see it',
      "make the heading bigger because it's hard to read",
      'could you please make the heading bigger as it is hard to read',
      'make the heading bigger to make it stand out'
    ]);
    sameAs(counter, 'make the plus button green', [
      'could you make the plus button green so it stands out more',
      'make the plus button green since nobody notices it'
    ]);
  });

  it('is taken off a clause between two others', () => {
    sameAs(form, 'remove the newsletter checkbox and make the send button green', [
      'can you remove the newsletter checkbox since nobody ticks it and make the send button green',
      'remove the newsletter checkbox because we never use it, and make the send button green so people can find it'
    ]);
  });

  it('is taken off before the request', () => {
    sameAs(todo, 'remove the clear done button', [
      'since nobody uses it, remove the clear done button'
    ]);
  });

  it('is a remark after a comma, a likeness or a sentence of its own', () => {
    sameAs(todo, 'remove the clear done button', [
      'please remove the clear done button, we keep every task forever',
      "remove the clear done button, it's confusing for the staff"
    ]);
    sameAs(counter, 'make the minus button red and the plus button green', [
      'make the minus button red and the plus button green, like a stop sign',
      'make the minus button red and the plus button green. People mix them up all the time'
    ]);
    sameAs(form, 'make the send button green', [
      "make the send button green so people can't miss it",
      'make the send button green so nobody misses it by accident',
      'make the send button green because our customers are old'
    ]);
  });

  it('stays when a remark asks for something', () => {
    expect(canonical(todo, "make the heading red, it needs to say 'Hi'")).toMatch(/⟦0⟧/);
    expect(canonical(todo, "make the heading red, it's too small")).toContain('too small');
  });

  it('stays when it says what the app should do', () => {
    // A purpose that names behaviour is the request itself.
    expect(canonical(todo, 'add a box so i can type and only see matching tasks')).toContain(
      'so i can type'
    );
    expect(canonical(counter, 'change the count so it can never go below zero')).toContain(
      'so it can never go below zero'
    );
    // A reason that wishes for something is read (or asked about), never dropped.
    expect(canonical(todo, 'change the heading because i want it red')).toContain('because');
    // "as" before an element is a comparison, not a reason.
    expect(canonical(todo, 'make the add button as big as the heading')).toContain(
      'as big as the heading'
    );
  });
});

describe('politeness in a later clause', () => {
  it('is taken off that clause', () => {
    sameAs(counter, 'make the plus button green and make the minus button red', [
      'make the plus button green, and could you also make the minus button red',
      "make the plus button green and i'd like you to make the minus button red"
    ]);
  });
});

describe('more words that join two instructions', () => {
  it('join them before a verb', () => {
    sameAs(todo, 'make the heading red and make the add button green', [
      'make the heading red as well as make the add button green',
      'make the heading red plus make the add button green',
      'make the heading red, plus make the add button green',
      'make the heading red as well as making the add button green'
    ]);
  });

  it('leave a plus that names a button alone', () => {
    // "plus" is the + button here, not a join: nothing is cut at it.
    const turn = batch(offlinePlan(counter, 'make the minus button red and plus green'));
    expect(turn.ops.length).toBe(2);
  });
});

describe('an -ing form after the asking words', () => {
  it('is the verb', () => {
    sameAs(todo, 'make the heading smaller', [
      'would you mind making the heading smaller',
      'how about making the heading smaller'
    ]);
    sameAs(counter, 'remove the reset button', ['do you mind removing the reset button']);
  });

  it('is left inside a text', () => {
    expect(canonical(todo, 'add a text saying making progress')).toBe(
      'add a text saying making progress'
    );
  });
});

describe('an element named by what a person does with it', () => {
  it('is that element when one fits', () => {
    sameAs(todo, 'make the text field bigger', [
      'make the box where you type bigger',
      'make the field you type the task in bigger'
    ]);
    sameAs(form, 'make the email field wider', ['make the box where you type your email wider']);
    sameAs(form, 'make the newsletter checkbox green', ['make the thing you tick green']);
    sameAs(counter, 'make the slider bigger', ['make the thing you drag bigger']);
  });

  it('is a question when several fit', () => {
    notChanged(form, 'remove the box where you type');
  });
});

describe('a request read only in part', () => {
  /** The turn, which must be a question that offers phrasings for the part it could not read. */
  function partly(model: typeof todo, said: string) {
    const turn = offlinePlan(model, said);
    expect(turn.kind, said).toBe('question');
    const q = turn as Extract<typeof turn, { kind: 'question' }> & { suggestions?: string[] };
    expect(q.suggestions?.length, said).toBeGreaterThan(0);
    expect(q.suggestions!.length).toBeLessThanOrEqual(3);
    expect(q.text).toMatch(/so I have changed nothing/);
    return q;
  }

  it('says what it would do for the parts it read and quotes the part it did not', () => {
    const q = partly(todo, 'make the heading red, frobnicate the list');
    expect(q.text).toMatch(/I would Make Heading "Todo" \(\w+\) red/);
    expect(q.text).toContain('do not understand "frobnicate the list"');
    const r = partly(
      counter,
      'make the plus button green, then teleport the counter to mars, and make the reset button red'
    );
    expect(r.text).toMatch(/Button "\+".*green.*; then .*Button "Reset".*red/);
    expect(r.text).toContain('"teleport the counter to mars"');
    expect(r.text).not.toContain('"make the plus button');
  });

  it('does not read "it" after a part it could not read', () => {
    const q = partly(form, 'make the send button green and wibble the email field and make it red');
    expect(q.text).toContain('"wibble the email field"');
    expect(q.text).toContain('what "it" is in "make it red"');
    expect(q.text).not.toMatch(/then Make .* red/);
  });

  it('is a refusal when no part could be read', () => {
    expect(offlinePlan(todo, 'frobnicate the list and wobble the heading').kind).toBe('refusal');
  });

  it('keeps an unknown word inside a part that is read', () => {
    // "and" before a determiner inside a text in quotes never cuts the request.
    const turn = batch(offlinePlan(todo, 'add a text saying "sing and dance the night away"'));
    expect(JSON.stringify(turn.ops)).toContain('sing and dance the night away');
  });
});

describe('a remark about an element, then what to do with it', () => {
  it('is the request said of that element', () => {
    sameAs(todo, 'make the delete buttons red', [
      'the delete buttons are a bit hidden, can you make them red'
    ]);
    sameAs(todo, 'make the heading green', ['the heading looks boring, make it green']);
  });

  it('is left as said when nothing names the element again', () => {
    expect(canonical(todo, 'the list is long, add a count')).toBe('the list is long, add a count');
  });
});

describe('words a long request adds that say nothing more', () => {
  it('are passed over', () => {
    sameAs(todo, "the delete buttons should say 'Remove'", [
      "the delete buttons should just say 'Remove'"
    ]);
    sameAs(form, 'put the send button on the right', [
      'put the send button over on the right-hand side',
      'put the send button on the right hand side'
    ]);
    sameAs(counter, 'make the plus button go up by 5 and the minus go down by 5', [
      'make the plus button go up by 5 each time instead of 1, and the minus go down by 5 too'
    ]);
    sameAs(counter, 'make the count start at 10', ['make the count start at 10 rather than 0']);
    sameAs(counter, 'the reset button should go back to 10', [
      'when you press reset it should go back to 10',
      'whenever someone clicks the reset button it should go back to 10'
    ]);
    sameAs(todo, 'put the add button on the left of the text field', [
      'put the add button on the left of the typing box instead of the right'
    ]);
  });

  it('read "label it" after another part, and "leave X underneath"', () => {
    const turn = batch(
      offlinePlan(counter, "make the slider go up to 50, and label it 'Jump size'")
    );
    expect(JSON.stringify(turn.ops)).toContain('Jump size');
    expect(
      batch(
        offlinePlan(
          form,
          'put the name and email boxes side by side, and leave the message underneath'
        )
      ).ops.length
    ).toBeGreaterThan(0);
  });
});
