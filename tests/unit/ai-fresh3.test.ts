/**
 * Issue 15, the classes of failure found on the third fresh corpus (docs/ai-fresh3-diagnosis.md),
 * each on phrasings of our own that are not the corpus's: every rule is planned on a template and
 * its batch compared with the plain phrasing's, with near misses that must not become a change.
 */
import { describe, expect, it } from 'vitest';

import { offlinePlan } from '../../src/lib/ai/offline';
import { batch, notChanged, sameAs } from './ai-canon-check';
import { template } from './helpers';

const blank = template('blank');
const counter = template('counter');
const form = template('form');
const todo = template('todo');

describe('a remark about the world around the request', () => {
  it('is taken off the end', () => {
    sameAs(counter, 'make the card dark', [
      'make the card dark, the room is dark at night',
      'make the card dark, dark is our brand colour'
    ]);
    sameAs(todo, 'make the delete button red', [
      'make the delete button red, i press it all the time by mistake',
      'make the delete button red pls, customers complain a lot'
    ]);
  });

  it('is taken off the start when its numbers are said again', () => {
    sameAs(counter, "don't let count go below 0", [
      'stock is never negative, it should not go under zero',
      'it should not go under 0, negative stock makes no sense'
    ]);
  });

  it('stays when it asks, names an element, or brings a look or a number of its own', () => {
    notChanged(counter, 'make the reset button red, blue is nicer');
    notChanged(counter, 'make the heading bigger, the card is grey');
    notChanged(counter, 'the room fits 30, make the plus button green');
  });
});

describe('an element said first, without a colon', () => {
  it('is what the instruction after it is about', () => {
    sameAs(counter, 'move the slider above the heading', [
      'the slider, put it above the heading',
      'the slider move it above the heading'
    ]);
    sameAs(todo, 'make the clear done button green', [
      'the clear done button make it green',
      'the clear done button, make it green please'
    ]);
  });

  it('needs words that name one element', () => {
    notChanged(counter, 'the thing, make it green');
  });
});

describe('several elements said with a count', () => {
  it('reads a grid said by its columns, names after a comma and a heading word', () => {
    sameAs(blank, 'add 4 cards in a 2 column grid: North, South, East, West', [
      'add 4 cards in 2 columns: North, South, East, West',
      'places: 4 cards in 2 columns, North, South, East, West'
    ]);
  });

  it('never reads a count of elements as a dropdown option', () => {
    const turn = offlinePlan(blank, 'add a dropdown with options 3 cards in a row, blue');
    expect(turn.kind).toBe('question');
    expect(batch(offlinePlan(form, 'add a dropdown with options one, two')).ops.length).toBe(2);
  });
});
