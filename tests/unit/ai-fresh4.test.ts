/**
 * Issue 15, what the fourth fresh corpus's wrong change taught (the corpus is spent), tested on
 * other phrasings than its own: "replace X with a Y for <field>" puts an input of the new kind in
 * X's place, bound to the same field, instead of reading "a Y for <field>" as X's new label; words
 * after the new kind that name another field are a question.
 */
import { describe, expect, it } from 'vitest';
import { offlinePlan } from '../../src/lib/ai/offline';
import { planOps } from '../../src/lib/ops/plan';
import { template } from './helpers';

const OWNER = { id: 't', role: 'owner' } as const;

describe('an input replaced by another kind, named by its field', () => {
  it.each([
    ['counter', 'swap the slider for a number field for the step', 'NumberInput', 'step'],
    ['form', 'replace the message box with a text input for the message', 'TextInput', 'message'],
    ['form', 'change the newsletter checkbox to a switch', 'Toggle', 'subscribe']
  ])('%s: %s', (name, message, type, field) => {
    const model = template(name);
    const turn = offlinePlan(model, message);
    if (turn.kind !== 'batch') throw new Error(`${turn.kind}: ${turn.text}`);
    const plan = planOps(model, turn.ops, OWNER);
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    const added = [...plan.model.nodes.values()].filter((n) => !model.nodes.has(n.id));
    expect(added.map((n) => n.type)).toEqual([type]);
    expect(JSON.stringify(added[0].props)).toMatch(new RegExp(`"\\$bind":"${field}\\w*"`));
    expect(plan.model.nodes.size).toBe(model.nodes.size);
  });

  it('a field the input is not bound to is a question', () => {
    const turn = offlinePlan(
      template('counter'),
      'replace the slider with a number box for the total'
    );
    expect(turn.kind).toBe('question');
    expect(turn.kind === 'question' ? turn.text : '').toMatch(/did not read "for the total"/);
  });
});
