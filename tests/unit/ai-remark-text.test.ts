/**
 * A remark after an unquoted text (issue 15, from the tenth corpus's one wrong change): "change
 * the title to Watering days, is for our garden volunteers" set the heading to the whole run of
 * words. A comma followed by what the thing is for, with or without its subject ("is for",
 * "it's for", "they are for"), is a remark, never part of the text: the planner asks (or, where
 * its reasons stage reads the remark as a reason, sets the words before the comma). Quoted, the
 * same words are the text.
 */
import { describe, expect, it } from 'vitest';
import { offlinePlan } from '../../src/lib/ai/offline';
import { template } from './helpers';

const todo = template('todo');

describe('a remark after an unquoted text', () => {
  it.each([
    ['change the heading to Seed swap, is for the neighbours', 'Seed swap'],
    ['set the title to Plot list, it is for the allotment', 'Plot list'],
    ["rename the heading to Harvest log, it's for the kitchen team", 'Harvest log'],
    ['change the heading to Tools, they are for borrowing', 'Tools'],
    ['make the heading say Rota, is meant for the weekend crew', 'Rota']
  ])('never takes the remark into the text: %s', (request, before) => {
    const turn = offlinePlan(todo, request);
    // Either a question that changes nothing, or the words before the comma as the text.
    if (turn.kind === 'question') expect(turn.text).toMatch(/remark|more of your request/);
    else {
      expect(turn.kind).toBe('batch');
      if (turn.kind === 'batch')
        expect(turn.ops).toEqual([expect.objectContaining({ op: 'setProp', value: before })]);
    }
  });

  it('asks about the remark said without its subject', () => {
    const turn = offlinePlan(todo, 'change the heading to Seed swap, is for the neighbours');
    expect(turn.kind).toBe('question');
  });

  it('takes the words as the text when they are quoted', () => {
    const turn = offlinePlan(todo, 'change the heading to "Seed swap, it\'s for all"');
    expect(turn.kind).toBe('batch');
    if (turn.kind === 'batch')
      expect(JSON.stringify(turn.ops)).toContain("Seed swap, it's for all");
  });

  it('keeps a text with "for" and no comma', () => {
    const turn = offlinePlan(todo, 'change the heading to Seeds for the street');
    expect(turn.kind).toBe('batch');
    if (turn.kind === 'batch') expect(JSON.stringify(turn.ops)).toContain('Seeds for the street');
  });
});
