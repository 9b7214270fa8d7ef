/**
 * Issue 15: a look for the rows of a list that follows each item (offline-row-look.ts), "bold"
 * through the style's font weight, and numbers said in words where a rule reads an amount
 * (offline-numbers.ts); several phrasings each (never a corpus's sentence), on the templates and
 * an app that is not one; the row look runs in the sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { digits } from '../../src/lib/ai/offline-numbers';
import { seededIds } from '../../src/lib/model/ids';
import { componentByName, emptyModel, type AppModel, type Op } from '../../src/lib/model/types';
import { planOps, type Plan } from '../../src/lib/ops/plan';
import { SandboxHost, type ViewNode } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { nodesOfType, nodeWith, template } from './helpers';
import { plannedChange } from './ai-planned';

const gate = new CompileGate();
let host: SandboxHost;
beforeAll(() => {
  host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 5_000, spare: false });
});
afterAll(async () => {
  await host.dispose();
  gate.dispose();
});

const todo = template('todo');
const counter = template('counter');

/** Reading: not a template; `books` with `title` and `read`, rows are Texts. */
const reading = (() => {
  const ops: Op[] = [
    { op: 'addComponent', name: 'App', id: 'root' },
    {
      op: 'addState',
      component: 'App',
      name: 'books',
      type: { array: { object: { id: 'number', title: 'string', read: 'boolean' } } },
      initial: [
        { id: 1, title: 'Dune', read: true },
        { id: 2, title: 'Emma', read: false }
      ]
    },
    {
      op: 'addNode',
      parent: 'root',
      type: 'Each',
      props: { items: { $expr: 'state.books' }, as: 'book', key: { $expr: 'book.id' } },
      children: [{ type: 'Text', props: { text: { $expr: 'book.title' } } }]
    }
  ];
  const plan = planOps(emptyModel(), ops, undefined, { ids: seededIds(3) });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
})();

const change = (model: AppModel, message: string) => plannedChange(gate, model, message);

function all(view: ViewNode): ViewNode[] {
  return [view, ...view.children.flatMap(all)];
}

describe('a look for the rows that follows each item', () => {
  it('greys, colours or bolds the done ones, said several ways', () => {
    const box = nodesOfType(todo, 'Checkbox')[0];
    for (const [said, expr] of [
      ['grey out the done todos', "item.done ? { color: 'muted' } : {}"],
      ['make the finished tasks green', "item.done ? { color: 'success' } : {}"],
      ['show completed items in bold', "item.done ? { fontWeight: 'bold' } : {}"],
      ['the unfinished ones should be red', "!item.done ? { color: 'danger' } : {}"]
    ]) {
      const plan = change(todo, said);
      expect(plan.model.nodes.get(box.id)!.props.style, said).toEqual({ $expr: expr });
    }
  });

  it('uses the row element own props where it has them, and runs per item', async () => {
    const plan = change(reading, 'make the read books grey');
    const text = nodesOfType(plan.model, 'Text')[0];
    expect(text.props.tone).toEqual({ $expr: "book.read ? 'muted' : 'normal'" });
    const loaded = await host.load(plan.model);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const tones = all(host.view!)
      .filter((n) => n.type === 'Text')
      .map((n) => [n.props.text, n.props.tone]);
    expect(tones).toEqual([
      ['Dune', 'muted'],
      ['Emma', 'normal']
    ]);
  });

  it('leaves a request with no yes/no condition to the other rules', () => {
    expect(offlinePlan(todo, 'make the delete buttons red').kind).toBe('batch');
    expect((offlinePlan(todo, 'make the delete buttons red') as { rule: string }).rule).toBe(
      'change-style'
    );
  });
});

describe('bold through the style', () => {
  it('a Button or a Heading takes a font weight; a Text its own weight', () => {
    expect(
      change(todo, 'make the add button bold').model.nodes.get(nodeWith(todo, 'Button', 'Add').id)!
        .props.style
    ).toEqual({
      fontWeight: 'bold'
    });
    expect(
      change(todo, 'make the heading bold').model.nodes.get(nodesOfType(todo, 'Heading')[0].id)!
        .props.style
    ).toEqual({
      fontWeight: 'bold'
    });
    expect(
      change(reading, 'make the read books bold').model.nodes.get(
        nodesOfType(reading, 'Text')[0].id
      )!.props.weight
    ).toEqual({ $expr: "book.read ? 'bold' : 'normal'" });
  });
});

describe('numbers in words', () => {
  it('become digits after an amount word only', () => {
    expect(digits('add a button that adds ten')).toBe('add a button that adds 10');
    expect(digits('when it is over twenty-five')).toBe('when it is over 25');
    expect(digits('a limit of two hundred')).toBe('a limit of 200');
    expect(digits('add one more button')).toBe('add one more button');
    expect(digits('clear the done ones')).toBe('clear the done ones');
  });

  it('are read by the step, setter, limit, condition and countdown rules', () => {
    const app = (p: Plan & { ok: true }) => componentByName(p.model, 'App')!;
    expect(
      Object.values(app(change(counter, 'add a button that adds ten')).handlers).map((h) => h.body)
    ).toContain('state.count += 10;');
    expect(app(change(counter, 'the + and - buttons should go by five')).state.step.initial).toBe(
      5
    );
    expect(
      app(change(counter, "don't let the count go over fifty")).handlers.increment.body
    ).toMatch(/50/);
    expect(
      change(counter, 'make the number green when it is over twenty').model.nodes.get(
        nodesOfType(counter, 'Heading')[0].id
      )!.props.style
    ).toEqual({ $expr: "state.count > 20 ? { color: 'success' } : {}" });
    expect(
      Object.values(
        app(change(template('blank'), 'a countdown from ten with a button to count down')).state
      ).map((f) => f.initial)
    ).toContain(10);
  });
});
