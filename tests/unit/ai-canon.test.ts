/**
 * Issue 15, the normalisation stage (offline-canon.ts), on phrasings of our own (none from a
 * corpus): each rewrite unit tested on a draft, and end to end through offlinePlan on a template,
 * where a request said another way must give exactly the batch of its plain phrasing. Each group
 * also has near misses that the stage must not take: they end as a question, a refusal, or a
 * different right change.
 */
import { describe, expect, it } from 'vitest';
import { offlinePlan, type OfflineTurn } from '../../src/lib/ai/offline';
import { canon } from '../../src/lib/ai/offline-canon';
import type { Draft } from '../../src/lib/ai/offline-draft';
import { prepare } from '../../src/lib/ai/offline-text';
import type { AppModel } from '../../src/lib/model/types';

import { template } from './helpers';

const counter = template('counter');
const form = template('form');
const todo = template('todo');

/** The request after prepare() and the canon stage alone. */
function canonical(model: AppModel, message: string): string {
  const u = prepare(message);
  const d: Draft = { model, text: u.text, quotes: [...u.quotes], end: u.end };
  canon(d);
  return d.text;
}

function batch(turn: OfflineTurn) {
  expect(turn.kind, turn.kind === 'batch' ? '' : turn.text).toBe('batch');
  return turn as Extract<OfflineTurn, { kind: 'batch' }>;
}

/** Each phrasing plans to exactly the batch of the plain one, which is a batch. */
function sameAs(model: AppModel, plain: string, phrasings: readonly string[]): void {
  const want = batch(offlinePlan(model, plain)).ops;
  for (const said of phrasings) expect(batch(offlinePlan(model, said)).ops, said).toEqual(want);
}

/** A near miss: no batch at all. */
function notChanged(model: AppModel, said: string): void {
  expect(offlinePlan(model, said).kind, said).not.toBe('batch');
}

describe('chat spellings and politeness', () => {
  it('rewrites the spellings and takes off what says nothing', () => {
    expect(canonical(todo, 'could u make the heading bigger')).toBe('make the heading bigger');
    expect(canonical(form, 'hey, would it be possible to make the thank you msg bold thx')).toBe(
      'make the thank you message bold'
    );
    expect(canonical(counter, 'love this! can you please remove the reset btn if you can')).toBe(
      'remove the reset button'
    );
  });

  it('plans them as the plain request', () => {
    sameAs(todo, 'make the heading bigger', [
      'could u make the heading bigger',
      'hi! do you think you could make the heading bigger?',
      'ok so maybe make the heading bigger, if possible'
    ]);
    sameAs(form, 'make the thank you message bold', ['make the thank you msg bold too']);
  });

  it('keeps a plea or a "too" that is part of a new text', () => {
    const said = offlinePlan(counter, 'make the reset button say please stop');
    expect(JSON.stringify(batch(said).ops)).toContain('please stop');
    expect(canonical(counter, 'change the card title to Me too')).toBe(
      'change the card title to Me too'
    );
  });
});

describe('other ways of asking for a new thing', () => {
  it('reads them as "add"', () => {
    sameAs(todo, 'add a checkbox called urgent', [
      'need a checkbox called urgent',
      'we also need a checkbox called urgent',
      'there should be a checkbox called urgent',
      'how about a checkbox called urgent'
    ]);
  });

  it('leaves what is not a new thing', () => {
    expect(canonical(todo, 'there should be no divider')).toBe('there should be no divider');
    notChanged(todo, 'i need the heading');
  });
});

describe('other verbs for removing', () => {
  it('reads them as "remove"', () => {
    sameAs(counter, 'remove the reset button', [
      'no need for the reset button',
      'lose the reset button',
      "we don't need the reset button anymore"
    ]);
  });

  it('needs an element after the verb', () => {
    expect(canonical(counter, 'no need for a new button')).toBe('no need for a new button');
    notChanged(counter, 'lose weight');
  });
});

describe('a complaint about a size', () => {
  it('is the comparative it asks for, or names the element of what follows', () => {
    expect(canonical(todo, 'the heading is way too big')).toBe('make the heading smaller');
    sameAs(counter, 'make the reset button bigger', [
      'the reset button is tiny',
      'the reset button looks too small, make it bigger',
      'reset button is a bit too small - could you make it bigger?'
    ]);
  });

  it('is left as said when it is no size or nothing names it again', () => {
    expect(canonical(todo, 'the heading is too dark')).toBe('the heading is too dark');
    expect(canonical(counter, 'the buttons are too small, and the heading is red')).toBe(
      'the buttons are too small, and the heading is red'
    );
    notChanged(todo, 'the heading is too dark');
  });
});

describe('a wish said as a want or a question', () => {
  it('is the wish "the X should be Y"', () => {
    expect(canonical(todo, 'I want the heading to be red')).toBe('the heading should be red');
    expect(canonical(form, 'can the card be flat')).toBe('the card should be flat');
    sameAs(form, 'make the card flat', [
      'I would like the card to be flat',
      'could the card be flat?',
      'make it so the card is flat',
      'it would be nice if the card was flat'
    ]);
  });

  it('is left for a wish about a person', () => {
    notChanged(todo, 'I want you to be nice');
    expect(canonical(todo, 'can we be friends')).toBe('can we be friends');
    notChanged(todo, 'can we be friends');
  });
});

describe('a quoted wish before another instruction', () => {
  it('changes the text, and the rest is the next instruction', () => {
    sameAs(form, "change the card title to 'Write to us' and make the card flat", [
      "card title should read 'Write to us' and make the card flat",
      "the card title has to be 'Write to us', and make the card flat"
    ]);
    sameAs(form, "change the 'Email' label to 'Work email'", [
      "label 'Email' should say 'Work email'"
    ]);
  });

  it('still asks when the rest is not understood, and never reads a person as an element', () => {
    notChanged(form, "the card title should say 'Hi' and frobnicate the form");
    expect(canonical(form, "I should be 'Bob'")).toBe('I should be ⟦0⟧');
  });
});

describe('"give X the placeholder Y"', () => {
  it('sets that text of the element', () => {
    sameAs(form, "change the placeholder of the email field to 'name@site.example'", [
      "give the email field the placeholder 'name@site.example'",
      "give the email field a placeholder text 'name@site.example'"
    ]);
    sameAs(form, "change the title of the card to 'Say hi'", ["give the card the title 'Say hi'"]);
  });

  it('needs a text after it and a text prop', () => {
    notChanged(form, 'give the email field the placeholder');
    expect(canonical(form, 'give the card a shadow')).toBe('give the card a shadow');
  });
});

describe('a dark or light look for one element', () => {
  it('is a look for that element', () => {
    sameAs(form, 'make the card dark', ['dark theme for the card', 'a dark look for the card']);
    sameAs(form, 'make the card light', ['light colours for the card']);
  });

  it('stays the dark mode of the app for the app', () => {
    expect(canonical(form, 'dark mode for the whole app')).toBe('dark mode for the whole app');
    expect(canonical(form, 'dark theme for the page')).toBe('dark theme for the page');
  });
});

describe('a line that says something', () => {
  it('is a text', () => {
    sameAs(counter, "add a text saying 'Have fun' at the bottom", [
      "add a line saying 'Have fun' at the bottom"
    ]);
    sameAs(todo, "add a small text below the heading saying 'beta'", [
      "add a small line below the heading saying 'beta'",
      "add a small line of text below the heading saying 'beta'"
    ]);
  });

  it('is a divider when it says nothing', () => {
    expect(canonical(todo, 'add a line below the heading')).toBe('add a line below the heading');
    const turn = batch(offlinePlan(todo, 'add a line at the bottom'));
    expect(JSON.stringify(turn.ops)).toContain('Divider');
  });
});

describe('a direction before a place', () => {
  it('adds nothing to the place', () => {
    sameAs(form, 'move the newsletter checkbox above the name field', [
      'move the newsletter checkbox up, above the name field',
      'move the newsletter checkbox right above the name field'
    ]);
  });

  it('alone is still a step', () => {
    expect(canonical(form, 'move the send button up')).toBe('move the send button up');
    expect(canonical(form, 'move the send button down a bit')).toBe(
      'move the send button down a bit'
    );
  });
});

describe('a start said with the old value', () => {
  it('is the new start', () => {
    sameAs(counter, 'start counting from 7', [
      'start counting from 7 instead of 0',
      'start counting from 7, not 0',
      'start counting from 7 rather than 0'
    ]);
  });

  it('keeps a number that is not the old value', () => {
    expect(canonical(counter, 'add a +5 button instead of the reset button')).toBe(
      'add a +5 button instead of the reset button'
    );
    expect(canonical(counter, 'set the step to 2 not the count')).toBe(
      'set the step to 2 not the count'
    );
  });
});

describe('a state said as what stays or what there is', () => {
  it('is the condition the rules read', () => {
    sameAs(form, 'the send button should be disabled until the name is filled in', [
      "the send button should remain disabled until there's a name",
      'the send button should stay disabled until theres a name'
    ]);
  });

  it('leaves a look that stays', () => {
    expect(canonical(form, 'the send button should stay green')).toBe(
      'the send button should stay green'
    );
    expect(canonical(form, 'hide the card when there is a name in the list')).toBe(
      'hide the card when there is a name in the list'
    );
  });
});

describe('options in brackets', () => {
  it('are the options of the new thing', () => {
    sameAs(todo, 'add a size field to each todo with options small, medium or large', [
      'add a size field to each todo (small, medium or large)',
      'add a size on each todo (small / medium / large)'
    ]);
  });

  it('are not options when there is one, or no new thing', () => {
    expect(canonical(form, 'add a number field called age (18+)')).toBe(
      'add a number field called age (18+)'
    );
    expect(canonical(todo, 'sort the list (newest, oldest)')).toBe(
      'sort the list (newest, oldest)'
    );
  });
});

describe('a place that is no element', () => {
  it('never moves an element named by a question', () => {
    const turn = offlinePlan(form, 'show how many characters are in the message under the box');
    if (turn.kind === 'batch') expect(turn.rule).not.toBe('move-element');
  });
});

describe('a look said as the kind of element it makes', () => {
  it('is the look', () => {
    sameAs(counter, 'make the reset button ghost', [
      'make the reset button a ghost button',
      'turn the reset button into a ghost button'
    ]);
  });

  it('needs a word the style rules know', () => {
    expect(canonical(counter, 'make the reset button a new button')).toBe(
      'make the reset button a new button'
    );
    expect(canonical(todo, 'make the heading a link')).toBe('make the heading a link');
  });
});

describe('a badge wished for the done rows', () => {
  it('is a badge in the rows of the done items', () => {
    sameAs(todo, 'add a tag saying ok to the done todos', [
      "every todo should have a tag saying ok when it's done",
      'show a tag saying ok on each todo once it is done'
    ]);
  });

  it('needs a badge and a when', () => {
    expect(canonical(todo, "each todo should show its date when it's done")).toBe(
      "each todo should show its date when it's done"
    );
    expect(canonical(todo, 'every todo should have a badge saying ok')).toBe(
      'every todo should have a badge saying ok'
    );
  });
});

describe('a list that starts empty', () => {
  it('is the list field started empty', () => {
    sameAs(todo, 'make the list start empty', [
      'begin with an empty list',
      'start off with an empty list, without sample items'
    ]);
  });

  it('is no change for what is not a list', () => {
    notChanged(todo, 'start with an empty heading');
    expect(canonical(todo, 'start with a full list')).toBe('start with a full list');
  });
});

describe('a vague word for the type', () => {
  it('is the one element the words name', () => {
    sameAs(form, 'remove the newsletter checkbox', [
      'get rid of the subscribe thing',
      'remove the news bit, nobody ticks it'
    ]);
    sameAs(form, 'make the send button green', ['make the send bit green']);
  });

  it('stays when the words name no single element', () => {
    expect(canonical(form, 'remove the first thing')).toBe('remove the first thing');
    expect(canonical(form, 'remove the purple thing')).toBe('remove the purple thing');
    // The one checkbox is "the newsletter checkbox" by its type; "newsletter" is no word of it.
    expect(canonical(form, 'remove the newsletter thing')).toBe('remove the newsletter thing');
  });
});

describe('the words the app settles', () => {
  it('reads "the card heading" as the title of a card without a heading', () => {
    sameAs(form, "change the card title to 'Hi'", ["change the card heading to 'Hi'"]);
  });

  it('leaves "the card heading" when a heading could be meant, or there is no card', () => {
    expect(canonical(counter, "change the card heading to 'Hi'")).toBe(
      'change the card heading to ⟦0⟧'
    );
    notChanged(todo, "change the card heading to 'Hi'");
  });

  it('reads "the placeholder" as the only one, and a text that is no look', () => {
    sameAs(todo, "change the placeholder of the text field to 'Buy milk'", [
      "set the placeholder to 'Buy milk'"
    ]);
    sameAs(form, 'change the email placeholder to me@site.example', [
      'make the email placeholder me@site.example'
    ]);
  });

  it('asks which placeholder among several, and leaves a look', () => {
    notChanged(form, "change the placeholder to 'Hi'");
    expect(canonical(form, 'make the email placeholder grey')).toBe(
      'make the email placeholder grey'
    );
  });

  it('adds a text with its type and no verb when the app has none of that type', () => {
    const blank = template('blank');
    sameAs(blank, "add a heading saying 'Welcome Back' at the top", [
      'Welcome Back heading at the top'
    ]);
    sameAs(blank, "add a heading saying 'Good morning'", ['heading: Good morning']);
  });

  it('never adds one where the app has one, or a size is said', () => {
    const blank = template('blank');
    expect(canonical(todo, 'heading: Good morning')).toBe('heading: Good morning');
    expect(canonical(blank, 'big heading: Hi')).toBe('big heading: Hi');
  });
});

describe("a look said of an element's text, or with another verb", () => {
  it("is the element's look", () => {
    sameAs(todo, 'make the heading bigger', [
      'make the font bigger on the heading',
      "make the heading's font bigger",
      'make the text of the heading bigger',
      'increase the size of the heading',
      'enlarge the heading'
    ]);
    sameAs(todo, 'make the heading red', [
      'the heading should be in red',
      'heading in red',
      'make the heading text red'
    ]);
    sameAs(form, 'make the background of the card dark', ["make the card's background dark"]);
    sameAs(todo, 'change the heading to Groceries', ['change the heading text to Groceries']);
  });

  it('leaves a text field, and a text shown in a colour', () => {
    expect(canonical(form, 'make the email text field red')).toBe('make the email text field red');
    expect(canonical(form, 'show the thank you in green')).toBe('show the thank you in green');
    expect(canonical(todo, 'add a text in red')).toBe('add a text in red');
    // The font of a card is the font of what it holds, not the card's own look.
    expect(canonical(form, "make the card's font bigger")).toBe("make the card's font bigger");
    expect(canonical(form, 'increase the font size of the card')).toBe(
      'increase the font size of the card'
    );
  });
});

describe('a look before the element, with no verb', () => {
  it('is the look of the element it names', () => {
    sameAs(form, 'make the send button bigger', ['bigger send button', 'larger send button pls']);
    sameAs(todo, 'make the clear done button red', ['red clear done button']);
  });

  it('is left when the rest names no element, or the word is no look', () => {
    expect(canonical(form, 'bigger purple button')).toBe('bigger purple button');
    expect(canonical(form, 'another send button')).toBe('another send button');
    expect(canonical(form, 'a red send button')).toBe('a red send button');
  });
});

describe('a softer wish', () => {
  it('is the wish', () => {
    sameAs(todo, 'make the heading smaller', [
      'the heading could be a bit smaller',
      'what if the heading was smaller',
      'how about making the heading smaller'
    ]);
    sameAs(todo, 'make the heading red', ['the heading would look better in red']);
  });

  it('is left when it is not said of an element', () => {
    expect(canonical(todo, 'what if it breaks')).toBe('what if it breaks');
    expect(canonical(todo, 'we could be friends')).toBe('we could be friends');
  });
});

describe('the end of the page', () => {
  it('is the end of the app', () => {
    sameAs(todo, 'move the heading to the bottom', [
      'move the heading to the bottom of the page',
      'move the heading to the very bottom of the screen'
    ]);
  });

  it('keeps the end of an element', () => {
    expect(canonical(todo, 'move the heading to the top of the card')).toBe(
      'move the heading to the top of the card'
    );
  });
});

describe('a verb that is also a look', () => {
  it('stays the verb before a named element', () => {
    expect(canonical(todo, 'centre the heading')).toBe('centre the heading');
    expect(canonical(todo, 'bold the heading')).toBe('bold the heading');
  });
});

describe('an ability asked for', () => {
  it('is "let me …"', () => {
    sameAs(todo, 'let me search the list', [
      'i want to be able to search the list',
      'give me a way to search the list',
      'allow people to search the list'
    ]);
    sameAs(todo, 'let me mark all as done', ['make it possible to mark all as done']);
  });

  it('is still read by the rules, which refuse what they cannot do', () => {
    notChanged(todo, 'i want to be able to fly');
    notChanged(todo, 'allow people to delete the heading');
  });
});
