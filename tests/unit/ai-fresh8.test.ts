/**
 * Issue 15, what the eighth fresh corpus taught (the corpus is spent; docs/ai-fresh8-diagnosis.md),
 * tested on phrasings of our own: a field name or option made of request run together, a clause
 * or a described value as a text, and an unread "with …" are questions; home-made wording ("the
 * writing that says X", "the tick things", "a box where I can say who …", "days of the week", "X
 * show how many letters I have typed", a sentence of remark after the request) is read.
 */
import { describe, expect, it } from 'vitest';
import { offlinePlan } from '../../src/lib/ai/offline';
import type { Op } from '../../src/lib/model/types';
import { template } from './helpers';

function batch(name: string, message: string): Op[] {
  const turn = offlinePlan(template(name), message);
  if (turn.kind !== 'batch') throw new Error(`${turn.kind}: ${turn.text}`);
  return turn.ops;
}

function questionOf(name: string, message: string): string {
  const turn = offlinePlan(template(name), message);
  if (turn.kind !== 'question') throw new Error(`${turn.kind}: ${JSON.stringify(turn)}`);
  return turn.text;
}

const handlerBodies = (ops: Op[]) =>
  ops.flatMap((op) => (op.op === 'setHandler' ? [op.body] : [])).join('\n');

describe('never a field named from the request run together', () => {
  it.each([
    ['todo', 'let me mark every job as finished in one go, with a button please, end of term'],
    ['todo', 'allow us to flag each task as done with a button please and quickly']
  ])('%s: %s asks or marks all', (name, message) => {
    const turn = offlinePlan(template(name), message);
    if (turn.kind === 'batch') expect(handlerBodies(turn.ops)).toMatch(/done: true/);
    else expect(turn.kind).toBe('question');
  });

  it.each([
    ['todo', 'I would like to mark every task as done in one go, with a button'],
    ['todo', 'let us tick every todo at once with one button']
  ])('%s: %s is a mark-all button', (name, message) => {
    const ops = batch(name, message);
    expect(ops.some((op) => op.op === 'addNode' && op.type === 'Button')).toBe(true);
    expect(handlerBodies(ops)).toMatch(/done: true/);
  });
});

describe('a clause or a described value is not a text', () => {
  it.each([
    ['todo', 'add a card where we can write who brings the cake'],
    ['counter', 'add a heading which I can use for the score']
  ])('%s: %s asks', (name, message) => {
    expect(questionOf(name, message)).toMatch(/a clause|not a behaviour/);
  });

  it.each([
    [
      'form',
      'the email box should show how many characters people have entered? it is for the club'
    ],
    ['form', 'change the send button to the number of guests there are']
  ])('%s: %s asks or counts', (name, message) => {
    const turn = offlinePlan(template(name), message);
    if (turn.kind === 'batch') expect(JSON.stringify(turn.ops)).toMatch(/\.length/);
    else expect(turn.kind).toBe('question');
  });

  it.each([
    ['form', 'could the message box show how many letters I have typed', /state\.message\.length/],
    ['form', 'make the message box display the number of words we have written', /split/]
  ])('%s: %s is a counter', (name, message, expr) => {
    expect(JSON.stringify(batch(name, message))).toMatch(expr);
  });
});

describe('a box where I can say X for each item is a field on the items', () => {
  it.each([
    ['todo', 'put a small box where we can type who is bringing each todo', 'person'],
    ['todo', 'add a space where I can write a note for every task', 'note']
  ])('%s: %s', (name, message, field) => {
    const ops = batch(name, message);
    const retype = ops.find((op) => op.op === 'retypeState');
    expect(JSON.stringify(retype)).toContain(`"${field}":"string"`);
    expect(ops.some((op) => op.op === 'addNode' && op.type === 'TextInput')).toBe(true);
  });
});

describe('options said as a sequence, or not read', () => {
  it.each([
    ['blank', 'add a dropdown with the days of the week for the shift', 7, 'Monday'],
    ['blank', 'put a select of Monday to Friday please, for the team', 5, 'Friday'],
    ['blank', 'add a dropdown with the months of the year', 12, 'December']
  ])('%s: %s', (name, message, count, has) => {
    const select = batch(name, message).find((op) => op.op === 'addNode' && op.type === 'Select');
    const options = (select as unknown as { props: { options: string[] } }).props.options;
    expect(options).toHaveLength(count);
    expect(options).toContain(has);
  });

  it.each([
    ['blank', 'add a dropdown with red, green, for the paint'],
    ['blank', 'add a dropdown with the colours please, red or blue, so people can choose']
  ])('%s: %s asks', (name, message) => {
    expect(questionOf(name, message)).toMatch(/choice|name|read/);
  });
});

describe('home-made names for elements', () => {
  it('"the writing that says X" is the element showing X', () => {
    const ops = batch('counter', 'please change the words saying Counter to Visitors');
    expect(ops).toEqual([expect.objectContaining({ op: 'setProp', value: 'Visitors' })]);
  });

  it('"the tick things" are the checkboxes', () => {
    const ops = batch('form', 'could you make the little tick boxes bigger');
    expect(ops[0]).toMatchObject({ op: 'setProp' });
  });

  it('"the X hint" and "the hint in the X box" are its placeholder', () => {
    expect(batch('form', 'the hint in the email box should say you@club.org')).toEqual([
      expect.objectContaining({ op: 'setProp', name: 'placeholder', value: 'you@club.org' })
    ]);
    expect(batch('form', 'change the name hint to Your name')).toEqual([
      expect.objectContaining({ op: 'setProp', name: 'placeholder', value: 'Your name' })
    ]);
  });

  it('a question asked politely keeps its "?" out of the text', () => {
    expect(batch('todo', 'the heading, could you change it to say Chores?')).toEqual([
      expect.objectContaining({ value: 'Chores' })
    ]);
    expect(batch('todo', 'change the heading to Ready?')).toEqual([
      expect.objectContaining({ value: 'Ready?' })
    ]);
  });
});

describe('a sentence of remark after the request', () => {
  it.each([
    ['counter', 'could the reset button be red? My grandson keeps pressing it.'],
    ['todo', 'Please remove the clear done button. We never use it these days.']
  ])('%s: %s goes', (name, message) => {
    expect(batch(name, message).length).toBeGreaterThan(0);
  });

  it.each([
    ['counter', 'make the card narrower. It is far too wide.'],
    ['counter', 'add a heading saying Score. It should be red.']
  ])('%s: %s stays (a size or a wish)', (name, message) => {
    expect(offlinePlan(template(name), message).kind).not.toBe('batch');
  });
});

describe('a big or large new heading is the largest level, not the default one', () => {
  it.each([
    ['blank', 'add a big heading saying Opening hours', 'Opening hours'],
    ['todo', "put a large title 'Bake sale' at the top", 'Bake sale']
  ])('%s: %s', (name, message, text) => {
    const added = batch(name, message).find((op) => op.op === 'addNode');
    expect(added).toMatchObject({ type: 'Heading', props: { level: 1, text } });
  });

  it('a heading already at level 1 made big is said to be as big as headings go', () => {
    expect(questionOf('todo', 'make the heading big')).toMatch(/already level 1, as big as/);
  });
});
