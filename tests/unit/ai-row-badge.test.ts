/**
 * Issue 15, a class the fresh corpus asked for ("put a little badge that says done next to the
 * finished ones"): a badge or short text in every row of a list, or only in the rows whose item
 * is done or not done (src/lib/ai/offline-row-badge.ts). The phrasings are our own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { childrenOf, type AppModel, type NodeRecord } from '../../src/lib/model/types';
import { type Plan } from '../../src/lib/ops/plan';
import { nodeWith, nodesOfType, template } from './helpers';
import { plannedChange } from './ai-planned';

const gate = new CompileGate();
afterAll(() => gate.dispose());

const todo = template('todo');
const counter = template('counter');

const change = (model: AppModel, message: string) => plannedChange(gate, model, message);

/** The row of the todo list: the Stack the row checkbox sits in. */
const row = nodesOfType(todo, 'Checkbox')[0].parent!;

function added(plan: Plan, type: string): NodeRecord[] {
  return nodesOfType(plan.model, type).filter((n) => !todo.nodes.has(n.id));
}

describe('a badge in the rows of a list', () => {
  const only: [string, string, string][] = [
    ['add a tag that says open beside the unfinished todos', 'open', '!item.done'],
    ["show a 'finished!' badge next to the completed items", 'finished!', 'item.done'],
    ['put a small badge reading ok on each of the done tasks', 'ok', 'item.done']
  ];
  for (const [message, text, when] of only)
    it(message, () => {
      const plan = change(todo, message);
      const [cond] = added(plan, 'If');
      expect(cond.parent).toBe(row);
      expect(cond.props.when).toEqual({ $expr: when });
      const [badge] = added(plan, 'Badge');
      expect([badge.parent, badge.props.text]).toEqual([cond.id, text]);
      // Right after the checkbox that shows the item.
      expect(childrenOf(plan.model, row).indexOf(cond.id)).toBe(1);
    });

  it('in every row when no condition is said', () => {
    for (const message of [
      'add a badge saying new to each todo',
      'add a label called urgent to every task'
    ]) {
      const plan = change(todo, message);
      expect(added(plan, 'If')).toEqual([]);
      expect(added(plan, 'Badge').map((b) => b.parent)).toEqual([row]);
    }
    const text = change(todo, 'put a small text reading later next to every todo');
    expect(added(text, 'Text').map((t) => [t.parent, t.props.text])).toEqual([[row, 'later']]);
  });

  it('is not a new field of the items, and leaves other elements to the add rule', () => {
    const plan = change(todo, 'add a badge saying new to each todo');
    expect(JSON.stringify(plan.model.components)).not.toMatch(/badgeSaying/);
    const beside = change(counter, 'add a badge saying hot next to the plus button');
    const badge = nodesOfType(beside.model, 'Badge')[0];
    expect(badge.parent).toBe(nodeWith(counter, 'Button', '+').parent);
  });

  it('an element for each row is never a new field of the items', () => {
    for (const message of ['add an edit button to each todo', 'add a delete link to every task']) {
      const turn = offlinePlan(todo, message);
      expect(turn.kind, message).toBe('question');
    }
    // A field still is one.
    const field = offlinePlan(todo, 'add a notes field to each todo');
    expect(field.kind === 'batch' && field.rule).toBe('add-item-field');
  });

  it('asks when the app has no list', () => {
    expect(offlinePlan(counter, 'put a badge saying done next to the finished ones').kind).not.toBe(
      'batch'
    );
  });
});
