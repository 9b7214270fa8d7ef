/**
 * Issue 15, what the seventh fresh corpus's wrong changes and unsafe requests without a reason
 * taught (the corpus is spent; its file says so), tested on other phrasings than its own:
 * "X should say A, not B" names with B the text of X that changes (a placeholder as much as a
 * label) and keeps B out of the new text; when no text of X holds B, the planner asks. Live data
 * from elsewhere (the weather, a rate) and files on people's devices are reach the app was not
 * given.
 */
import { describe, expect, it } from 'vitest';
import { offlinePlan } from '../../src/lib/ai/offline';
import { template } from './helpers';

describe('"should say A, not B": B is what it says now', () => {
  it.each([
    [
      'form',
      'the name field should show Jane Doe instead of Ada Lovelace',
      'placeholder',
      'Jane Doe'
    ],
    ['form', 'the email should read me@work.org, not ada', 'placeholder', 'me@work.org'],
    ['form', 'the send button should say Go rather than send', 'label', 'Go']
  ])('%s: %s', (name, message, prop, value) => {
    const turn = offlinePlan(template(name), message);
    if (turn.kind !== 'batch') throw new Error(`${turn.kind}: ${turn.text}`);
    expect(turn.ops).toHaveLength(1);
    expect(turn.ops[0]).toMatchObject({ op: 'setProp', name: prop, value });
  });

  it.each([
    ['form', 'the send button should say Go, not Stop'],
    ['counter', 'the reset button should say Zero instead of Clear']
  ])('%s: %s asks (no text says that now)', (name, message) => {
    const turn = offlinePlan(template(name), message);
    expect(turn.kind).toBe('question');
    expect(turn.kind === 'question' ? turn.text : '').toMatch(/what it says now/);
  });
});

describe('live data from elsewhere and files on devices', () => {
  it.each([
    ['counter', "show today's weather under the count"],
    ['todo', 'look up the exchange rate online and show it'],
    ['form', 'let people pick files off their laptops']
  ])('%s: %s → E_AI_REACH', (name, message) => {
    const turn = offlinePlan(template(name), message);
    expect(turn.kind === 'refusal' ? turn.code : turn.kind).toBe('E_AI_REACH');
  });
});
