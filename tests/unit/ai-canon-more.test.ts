/**
 * Issue 15, the normalisation stage, continued (ai-canon.test.ts has the first groups): the
 * rewrites that read the app (offline-canon-app.ts), looks said of a text, softer wishes,
 * abilities, other verbs (offline-canon-verbs.ts) and conditions, on phrasings of our own, each
 * with near misses that must not be taken.
 */
import { describe, expect, it } from 'vitest';

import { template } from './helpers';
import { canonical, notChanged, sameAs } from './ai-canon-check';

const counter = template('counter');
const form = template('form');
const todo = template('todo');

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

describe('other verbs for going, moving and swapping', () => {
  it('reads a going as a removal', () => {
    sameAs(form, 'remove the newsletter checkbox', [
      'the newsletter checkbox can go',
      'the newsletter checkbox should be deleted',
      "the newsletter checkbox isn't needed",
      'take the newsletter checkbox away'
    ]);
  });

  it('reads a place said with more words', () => {
    sameAs(form, 'move the send button above the message', [
      "move the send button so it's above the message",
      'move the send button to be above the message',
      'move the send button to above the message'
    ]);
  });

  it('reads "flip the order of" as a swap', () => {
    sameAs(form, 'swap the name and email fields', [
      'flip the order of the name and email fields',
      'switch the name and email fields around'
    ]);
  });

  it('leaves what goes somewhere, and what is no pair', () => {
    expect(canonical(form, 'the send button can go above the message')).toBe(
      'the send button can go above the message'
    );
    expect(canonical(form, 'take the send button to the top')).toBe(
      'take the send button to the top'
    );
    expect(canonical(counter, 'switch the count')).toBe('switch the count');
  });
});

describe('other names for a new input', () => {
  it("are the add rules' names", () => {
    sameAs(form, 'add a text field for city', [
      'add an input box for city',
      'add a place to enter a city',
      'add somewhere to type the city'
    ]);
    sameAs(form, 'add a dropdown for size with options S, M, L', [
      'add a dropdown to choose a size: S, M, L'
    ]);
  });

  it('leaves an element that is no input, and a purpose that is an action', () => {
    expect(canonical(form, 'add a button to choose a size')).toBe('add a button to choose a size');
    expect(canonical(form, 'add a place for the logo')).toBe('add a place for the logo');
  });
});

describe('a condition said another way', () => {
  it("is the condition rules' own wording", () => {
    sameAs(form, 'disable the send button until the name is filled in', [
      'the send button should only work when the name is filled in',
      'the send button only works when the name is filled in'
    ]);
    sameAs(counter, 'only show the reset button when the count is more than 0', [
      'show the reset button only if the count is more than 0'
    ]);
  });

  it('leaves "only" that is no condition', () => {
    expect(canonical(counter, 'show the reset button only')).toBe('show the reset button only');
    expect(canonical(form, 'the send button only works sometimes')).toBe(
      'the send button only works sometimes'
    );
  });
});

describe('"and" in a new text', () => {
  it('is never read as a pair to swap', () => {
    expect(canonical(todo, 'change the heading to Salt and Pepper')).toBe(
      'change the heading to Salt and Pepper'
    );
    expect(canonical(form, 'switch the name and email fields')).toBe(
      'switch the name and email fields'
    );
  });
});

describe('a complaint followed by something else', () => {
  it('is left as said, so the complaint is not dropped', () => {
    expect(canonical(form, 'the send button is too small, make it red')).toBe(
      'the send button is too small, make it red'
    );
    notChanged(form, 'the send button is too small, make it red');
  });
});
