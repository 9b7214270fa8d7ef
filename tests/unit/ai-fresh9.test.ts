/**
 * Issue 15, what the ninth fresh corpus taught (the corpus is spent; docs/ai-fresh9-diagnosis.md),
 * tested on phrasings of our own: fragments typed on a phone with no verb (a counter, a default,
 * a slider bound, an element first or last, a new button or element, "+" between two elements,
 * the list's items in the singular, a bare title) are read, and near-readings that would have to
 * guess (a text an element already shows, a plural type, a list's own place, no slider) are not.
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

const json = (ops: Op[]) => JSON.stringify(ops);

/** The id of the one node of a template of that type showing that text (or of that type). */
function idOf(name: string, type: string, text?: string): string {
  const found = [...template(name).nodes.values()].filter(
    (n) => n.type === type && (text === undefined || Object.values(n.props).some((v) => v === text))
  );
  if (found.length !== 1) throw new Error(`${found.length} ${type} "${text}" in ${name}`);
  return found[0].id;
}

describe('phone fragments with no verb', () => {
  it('"<box> letter count" adds a counter for that box', () => {
    const ops = batch('form', 'message box letter count');
    expect(json(ops)).toMatch(/state\.message\.length/);
    expect(ops.some((op) => op.op === 'addNode' && op.type === 'Text')).toBe(true);
  });

  it.each([
    ['name box default Sam', 'name', 'Sam'],
    ['default email box a@b.co', 'email', 'a@b.co']
  ])('"%s" sets where the box starts', (message, field, value) => {
    const ops = batch('form', message);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ op: 'retypeState', name: field, initial: value });
  });

  it('"<slider> min 2" sets the slider\'s lower bound', () => {
    expect(batch('counter', 'step slider min 2')).toEqual([
      { op: 'setProp', id: idOf('counter', 'Slider'), name: 'min', value: 2 }
    ]);
  });

  it('"<element> first" moves it before the first of its row, not out of it', () => {
    const reset = idOf('counter', 'Button', 'Reset');
    const [move] = batch('counter', 'reset btn first');
    const row = template('counter').nodes.get(reset)!.parent;
    expect(move).toMatchObject({ op: 'moveNode', id: reset, parent: row, index: 0 });
  });

  it('"<action> all btn" and "add -2 btn" add a button that does it', () => {
    expect(json(batch('todo', 'uncheck all btn'))).toMatch(/done: false/);
    const ops = batch('counter', 'add -2 btn');
    expect(json(ops)).toMatch(/state\.count -= 2/);
  });

  it('"<look> <type> <text> <place>" adds that element with the whole text', () => {
    const ops = batch('todo', 'big heading Shop jobs below the list');
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ op: 'addNode', type: 'Heading' });
    expect(json(ops)).toMatch(/"text":"Shop jobs"/);
  });

  it('"a + b side by side" puts both in one row', () => {
    const ops = batch('form', 'email + name side by side');
    const moved = ops.flatMap((op) => (op.op === 'moveNode' ? [op.id] : []));
    expect(moved.sort()).toEqual(
      [idOf('form', 'TextInput', 'Name'), idOf('form', 'TextInput', 'Email')].sort()
    );
  });

  it('the items named in the singular ("each task", "every task") are the list', () => {
    for (const message of ['each task needs notes', 'add a notes field for every task'])
      expect(batch('todo', message)[0]).toMatchObject({
        op: 'retypeState',
        name: 'items',
        type: { array: { object: { notes: 'string' } } }
      });
  });

  it('"<items> should go to the top" orders the list', () => {
    expect(json(batch('todo', 'finished jobs should go to the top'))).toMatch(/sort/);
  });

  it('a bare "title ->" is the one title the app shows', () => {
    expect(batch('form', 'title -> Join us')).toEqual([
      { op: 'setProp', id: idOf('form', 'Card'), name: 'title', value: 'Join us' }
    ]);
  });
});

describe('near-readings of a fragment are not guessed', () => {
  it.each([
    // A text the app already shows may name that element: no new heading.
    ['todo', 'small heading Todo above the list'],
    // The list's "first" may be its order.
    ['todo', 'list first'],
    // No slider to bound.
    ['form', 'step slider max 50'],
    // A default with nothing after the box.
    ['form', 'default msg']
  ])('%s: "%s" changes nothing', (name, message) => {
    expect(offlinePlan(template(name), message).kind).not.toBe('batch');
  });

  it('"buttons one under the other" is not a new button called "one"', () => {
    const turn = offlinePlan(template('counter'), 'buttons one under the other please');
    if (turn.kind === 'batch') expect(json(turn.ops)).not.toMatch(/"label":"one"/i);
  });
});
