/**
 * Issue 15, list requests a fresh corpus said in its own words: a line that shows a count, done
 * said in the first person ("how many i've finished"), the text an empty list shows, and "so the
 * unfinished ones are on top". Each class with phrasings of our own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import type { AppModel, NodeRecord } from '../../src/lib/model/types';
import { type Plan } from '../../src/lib/ops/plan';
import { nodesOfType, template } from './helpers';
import { plannedChange } from './ai-planned';

const gate = new CompileGate();
afterAll(() => gate.dispose());

const todo = template('todo');
const counter = template('counter');

const change = (model: AppModel, message: string) => plannedChange(gate, model, message);

/** The Text the batch added, and its expression. */
function addedText(plan: Plan): { node: NodeRecord; expr: string } {
  const [node] = nodesOfType(plan.model, 'Text').filter((n) => !todo.nodes.has(n.id));
  return { node, expr: String((node.props.text as { $expr: string }).$expr) };
}

describe('a line that shows a count', () => {
  it('of all the items, where it is said', () => {
    const top = change(todo, 'put a small line at the top saying how many items there are');
    const { node, expr } = addedText(top);
    expect(expr).toMatch(/state\.items\.length/);
    expect(top.model.children.get(node.parent!)![0]).toBe(node.id);
    const bottom = addedText(change(todo, 'add a text at the bottom with the number of tasks'));
    expect(bottom.expr).toMatch(/state\.items\.length/);
  });

  it('of the done ones, said in the first person too', () => {
    for (const message of [
      'add a text under the list showing how many todos are done',
      'add a note below the list with the number of tasks I have completed',
      "show how many of them we've ticked off"
    ])
      expect(addedText(change(todo, message)).expr, message).toMatch(/\.done\b/);
  });
});

describe('the text an empty list shows', () => {
  const empty = nodesOfType(todo, 'Text').find((t) => t.props.text === 'Nothing to do yet.')!;
  for (const [message, text] of [
    ['if there are no todos it should say Nothing here', 'Nothing here'],
    ["when the list is empty show 'Go relax'", 'Go relax'],
    ['when the list is empty it should read "Inbox zero!" instead', 'Inbox zero!']
  ])
    it(message, () => {
      expect(change(todo, message).model.nodes.get(empty.id)!.props.text).toBe(text);
    });

  it('is not a guess in an app with no empty-list text', () => {
    expect(offlinePlan(counter, 'when the list is empty it should say Nothing').kind).not.toBe(
      'batch'
    );
  });
});

describe('"so the … ones are on top"', () => {
  const each = nodesOfType(todo, 'Each')[0];
  for (const [message, first] of [
    ['sort the list so the unfinished ones are on top', '!'],
    ['order the todos so the done ones sit at the top', ''],
    ['sort the tasks so finished ones go to the end', '!']
  ] as const)
    it(message, () => {
      const items = String(
        (change(todo, message).model.nodes.get(each.id)!.props.items as { $expr: string }).$expr
      );
      expect(items).toMatch(/\.sort\(/);
      // The ones sorted first are the ones named (or the others, for "to the end").
      expect(items.includes('Number(b.done) - Number(a.done)')).toBe(first === '');
    });
});
