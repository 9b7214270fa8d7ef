/**
 * Issue 15, the normalisation stage (offline-canon.ts), on phrasings of our own (none from a
 * corpus): each rewrite unit tested on a draft, and end to end through offlinePlan on a template,
 * where a request said another way must give exactly the batch of its plain phrasing. Each group
 * also has near misses that the stage must not take: they end as a question, a refusal, or a
 * different right change. More groups: ai-canon-more.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { offlinePlan } from '../../src/lib/ai/offline';

import { template } from './helpers';
import { batch, canonical, notChanged, sameAs } from './ai-canon-check';

const counter = template('counter');
const form = template('form');
const todo = template('todo');

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
