/**
 * Issue 15, what the sixth fresh corpus's wrong changes taught, each read by class and tested on
 * other phrasings than the corpus's own: a text wish whose words after "and" name another element
 * and its text (two changes, not one text run together), a box for what runs to lines (a text
 * area), and a box to type in with nothing said of what it holds (a question, not a field named
 * "text").
 */
import { describe, expect, it } from 'vitest';
import { offlinePlan } from '../../src/lib/ai/offline';
import { planOps } from '../../src/lib/ops/plan';
import { nodeWith, template } from './helpers';

const OWNER = { id: 't', role: 'owner' } as const;

function planned(name: string, message: string) {
  const model = template(name);
  const turn = offlinePlan(model, message);
  if (turn.kind !== 'batch') throw new Error(`${message}: ${turn.kind}: ${turn.text}`);
  const plan = planOps(model, turn.ops, OWNER);
  if (!plan.ok) throw new Error(`${message}: ${JSON.stringify(plan.errors)}`);
  return { model, plan };
}

describe('a second element and its text after "and"', () => {
  it.each([
    ['plus should read Add and minus Take', 'Add', 'Take'],
    ['the plus button should say More and the minus Less', 'More', 'Less'],
    ['change the plus to Up and minus Down', 'Up', 'Down']
  ])('%s sets both', (message, plus, minus) => {
    const { model, plan } = planned('counter', message);
    expect(plan.model.nodes.get(nodeWith(model, 'Button', '+').id)!.props.label).toBe(plus);
    expect(plan.model.nodes.get(nodeWith(model, 'Button', '−').id)!.props.label).toBe(minus);
  });

  it('a text with "and" in it that names no element stays one text', () => {
    const { model, plan } = planned('todo', 'the heading should say Bread and butter');
    const heading = [...model.nodes.values()].find((n) => n.type === 'Heading')!;
    expect(plan.model.nodes.get(heading.id)!.props.text).toBe('Bread and butter');
  });
});

describe('a box for what runs to lines', () => {
  it.each([
    ['form', 'add a comments box', 'comments'],
    ['blank', 'add a feedback box', 'feedback'],
    ['todo', 'put a description box', 'description']
  ])('%s: %s is a text area bound to a new field', (name, message, field) => {
    const { model, plan } = planned(name, message);
    const area = [...plan.model.nodes.values()].find(
      (n) => n.type === 'TextArea' && !model.nodes.has(n.id)
    );
    expect(area?.props.value).toEqual({ $bind: field });
  });

  it('a phone number box is still one line', () => {
    const { plan } = planned('form', 'add a phone number box');
    expect(
      [...plan.model.nodes.values()].some(
        (n) => n.type === 'TextInput' && JSON.stringify(n.props.value) === '{"$bind":"phoneNumber"}'
      )
    ).toBe(true);
  });
});

describe('a box to type in, with nothing said of what it holds', () => {
  it.each([
    ['todo', 'add a field'],
    ['form', 'add an input'],
    ['blank', 'add a text box'],
    ['counter', 'add a number field']
  ])('%s: %s asks what it holds', (name, message) => {
    const turn = offlinePlan(template(name), message);
    expect(turn.kind).toBe('question');
    expect(turn.kind === 'question' ? turn.text : '').toMatch(/What should the new .+ hold\?/);
  });

  it('a named one is added', () => {
    const { plan } = planned('todo', 'add a text field called nickname');
    expect(
      plan.model.components.get([...plan.model.components.keys()][0])!.state.nickname
    ).toBeDefined();
  });
});
