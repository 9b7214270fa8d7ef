/**
 * Issue 15, "never wrong", the rules behind the untouched corpus's wrong changes, each said in
 * other words than the corpus: old text read whole, a capitalised "Say" kept in the text, a
 * starting value said "by default", both parts of a removal, an exact label over a loose type
 * word, an input a guard waits for, dropdown options run together, and "add X that does Y".
 */
import { describe, expect, it } from 'vitest';
import { offlinePlan } from '../../src/lib/ai/offline';
import type { AppModel, Op } from '../../src/lib/model/types';
import { template } from './helpers';

const todo = template('todo');
const counter = template('counter');
const form = template('form');
const blank = template('blank');

function ops(model: AppModel, message: string): Op[] {
  const turn = offlinePlan(model, message);
  if (turn.kind !== 'batch') throw new Error(`${message}: ${turn.kind}: ${turn.text}`);
  return turn.ops;
}

describe('a change made only when every word is read', () => {
  it('reads an old text with punctuation whole, and keeps the "!" of the new one', () => {
    expect(ops(todo, 'set Nothing to do yet. to Done for today!')).toEqual([
      expect.objectContaining({ op: 'setProp', name: 'text', value: 'Done for today!' })
    ]);
  });

  it('keeps a capitalised "Say" in the new text', () => {
    expect(ops(form, 'change Get in touch to Say something')).toEqual([
      expect.objectContaining({ name: 'title', value: 'Say something' })
    ]);
  });

  it('reads "by default" as a starting value, not a label', () => {
    const [op] = ops(counter, 'set the step to 5 by default');
    expect(op).toMatchObject({ op: 'retypeState', name: 'step' });
    expect(JSON.stringify(op)).toContain('5');
  });

  it('removes both parts of a two-part removal', () => {
    expect(ops(counter, 'delete the slider and the reset button').length).toBe(2);
  });

  it('prefers the element labelled with the words over a loose type word', () => {
    const [op] = ops(form, 'move the newsletter checkbox below the message');
    expect(op).toMatchObject({ op: 'moveNode', id: 'cf7bnr' });
  });

  it('takes options from a colon or from plain words, never a name from them', () => {
    const colon = JSON.stringify(
      ops(form, 'add a dropdown asking your size: Small, Medium, Large')
    );
    expect(colon).toContain('["Small","Medium","Large"]');
    expect(JSON.stringify(ops(blank, 'add a dropdown with red green blue'))).toContain(
      '["red","green","blue"]'
    );
    expect(offlinePlan(blank, 'add a dropdown with the sizes').kind).toBe('question');
  });

  it('wires a filter dropdown given its choices to the list', () => {
    const batch = JSON.stringify(ops(todo, 'add a filter dropdown with All, Active, Done'));
    expect(batch).toMatch(/\.done/);
  });
});

describe('asks instead', () => {
  it.each([
    [form, 'delete the name field'],
    [blank, 'add a text box that translates what I type'],
    [todo, 'rename done to finished in the item data'],
    [todo, 'add a search dropdown with Mine, Theirs']
  ])('%#: %s', (model, message) => {
    expect(offlinePlan(model, message).kind).toBe('question');
  });
});
