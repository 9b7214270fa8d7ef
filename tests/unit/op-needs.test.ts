/**
 * What the ops of a proposal need of each other (op-refs.ts, op-needs.ts): the sidebar's partial
 * apply takes along what a chosen op needs, and names it. Checked against the offline planner's
 * real proposals, and against the planner itself: a choice made whole always plans.
 */
import { describe, expect, it } from 'vitest';
import {
  existsIn,
  mergeNeeds,
  neededWords,
  opNeeds,
  removalNeeds,
  withNeeded
} from '../../src/lib/ai/op-needs';
import { opRefs, stateNamesIn, touchedNodes, withIds } from '../../src/lib/ai/op-refs';
import { offlinePlan } from '../../src/lib/ai/offline';
import { planOps, type Actor } from '../../src/lib/ops/plan';
import { templateModel } from '../../src/lib/templates';
import { rootComponent, type Op } from '../../src/lib/model/types';

const owner: Actor = { id: 'owner', role: 'owner' };

function proposal(
  message: string,
  template = 'todo'
): { ops: Op[]; model: ReturnType<typeof templateModel> } {
  const model = templateModel(template);
  const turn = offlinePlan(model, message);
  if (turn.kind !== 'batch') throw new Error(`not a batch: ${JSON.stringify(turn)}`);
  return { ops: turn.ops as Op[], model };
}

describe('opRefs', () => {
  it('reads state names from expressions and bodies, dotted and bracketed, once each', () => {
    expect(stateNamesIn("state.count + state['other'] + state.count + item.x")).toEqual([
      'count',
      'other'
    ]);
  });

  it('an addNode uses its parent, defines its ids and children, and uses their handlers and fields', () => {
    const refs = opRefs({
      op: 'addNode',
      parent: 'p1',
      type: 'Stack',
      id: 'new1',
      children: [
        { type: 'Button', id: 'new2', props: { onClick: { $handler: 'go' } } },
        { type: 'Text', props: { text: { $expr: 'String(state.n)' } } },
        { type: 'TextInput', props: { value: { $bind: 'name' } } }
      ]
    });
    expect(refs.defines).toEqual([
      { kind: 'node', id: 'new1' },
      { kind: 'node', id: 'new2' }
    ]);
    expect(refs.uses).toEqual(
      expect.arrayContaining([
        { kind: 'node', id: 'p1' },
        { kind: 'handler', name: 'go', component: undefined },
        { kind: 'state', name: 'n', component: undefined },
        { kind: 'state', name: 'name', component: undefined }
      ])
    );
    expect(refs.touches).toEqual(['p1']);
  });

  it('malformed ops make and use nothing; a 100,000-child op is read within its bound', () => {
    for (const bad of [null, 7, 'addNode', [], { op: 'addNode' }, { op: 'setProp', id: 5 }])
      expect(opRefs(bad).uses.length + opRefs(bad).defines.length).toBe(0);
    const children = Array.from({ length: 100_000 }, (_, i) => ({ type: 'Text', id: `n${i}` }));
    const started = performance.now();
    const refs = opRefs({ op: 'addNode', parent: 'p', type: 'Stack', children });
    expect(refs.defines.length + refs.uses.length).toBeLessThanOrEqual(2000);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('touchedNodes: the existing elements a batch changes, each once, bounded', () => {
    const ops = [
      { op: 'setProp', id: 'a', name: 'text', value: 'x' },
      { op: 'addNode', parent: 'a', type: 'Text' },
      { op: 'removeNode', id: 'b' },
      { op: 'moveNode', id: 'c', parent: 'd' }
    ];
    expect(touchedNodes(ops)).toEqual(['a', 'b', 'c', 'd']);
    const many = Array.from({ length: 500 }, (_, i) => ({ op: 'removeNode', id: `n${i}` }));
    expect(touchedNodes(many)).toHaveLength(32);
  });

  it('withIds: an op left out refers to an element added earlier by its real id', () => {
    expect(
      withIds({ op: 'addNode', parent: 'new1', type: 'Text', id: 'new2' }, { new1: 'r1' })
    ).toEqual({ op: 'addNode', parent: 'r1', type: 'Text', id: 'new2' });
    expect(
      withIds({ op: 'setProp', id: 'new1', name: 'x', value: 1 }, { new1: 'r1' })
    ).toMatchObject({
      id: 'r1'
    });
    // An id map naming `__proto__` changes nothing it should not.
    expect(
      withIds({ op: 'setProp', id: 'x', name: 'y', value: 1 }, JSON.parse('{"__proto__":"z"}'))
    ).toMatchObject({
      id: 'x'
    });
  });
});

describe('opNeeds and withNeeded on the offline planner’s counter', () => {
  // [addState count, setHandler incrementCount, setHandler decrementCount, addNode row]
  const { ops, model } = proposal('Add a counter');
  const needs = opNeeds(ops, existsIn(model));

  it('the row needs both handlers and the field; each handler needs the field', () => {
    expect(ops.map((o) => o.op)).toEqual(['addState', 'setHandler', 'setHandler', 'addNode']);
    expect(needs[0]).toEqual([]);
    expect(needs[1].map((n) => n.needs)).toEqual([0]);
    expect(needs[2].map((n) => n.needs)).toEqual([0]);
    expect(needs[3].map((n) => n.needs).sort()).toEqual([0, 1, 2]);
    expect(needs[3].find((n) => n.needs === 1)?.what).toBe('handler incrementCount');
  });

  it('leaving out a handler the row calls takes it along, and says which change needs it', () => {
    const choice = withNeeded(needs, [true, false, true, true]);
    expect(choice.apply).toEqual([true, true, true, true]);
    expect(choice.added).toEqual([{ op: 3, needs: 1, what: 'handler incrementCount' }]);
    expect(neededWords(choice.added[0], ['a', 'b', 'c', 'Add a row'])).toBe(
      'Also applies handler incrementCount (change 2), which change 4 needs: Add a row'
    );
  });

  it('leaving out the row and a handler: nothing is taken along', () => {
    expect(withNeeded(needs, [true, false, true, false])).toEqual({
      apply: [true, false, true, false],
      added: []
    });
  });

  it('transitive: choosing only the row takes everything along; done ops are not taken again', () => {
    expect(withNeeded(needs, [false, false, false, true]).apply).toEqual([true, true, true, true]);
    const rest = withNeeded(needs, [false, false, false, true], [true, false, true, false]);
    expect(rest.apply).toEqual([false, true, false, true]);
    expect(rest.added.map((n) => n.needs)).toEqual([1]);
  });

  it('every choice made whole plans (2^4 choices), in batch order', () => {
    for (let mask = 1; mask < 16; mask++) {
      const chosen = [0, 1, 2, 3].map((i) => (mask & (1 << i)) !== 0);
      const { apply } = withNeeded(needs, chosen);
      const kept = ops.filter((_, i) => apply[i]);
      const planned = planOps(model, kept, owner);
      expect(planned.ok, `choice ${chosen.join(',')}: ${JSON.stringify(planned)}`).toBe(true);
    }
  });
});

describe('opNeeds on other proposals', () => {
  it('a dark mode toggle: the toggle and the theme both need the field', () => {
    const { ops, model } = proposal('Add a dark mode toggle');
    const needs = opNeeds(ops, existsIn(model));
    expect(ops.map((o) => o.op)).toEqual(['addState', 'addNode', 'setProp']);
    expect(needs.map((n) => n.map((x) => x.needs))).toEqual([[], [0], [0]]);
  });

  it('what the app already has is needed from nobody: a new body of an existing handler may be left out', () => {
    const model = templateModel('todo');
    const ops = [
      { op: 'setHandler', component: 'App', name: 'addItem', body: 'state.draft = "";' },
      {
        op: 'addNode',
        parent: rootComponent(model)!.root,
        type: 'Button',
        props: { label: 'Go', onClick: { $handler: 'addItem' } }
      }
    ];
    expect(opNeeds(ops, existsIn(model))[1]).toEqual([]);
    // Without knowing the app, it errs towards taking the handler along.
    expect(opNeeds(ops)[1].map((n) => n.needs)).toEqual([0]);
  });

  it('an element added under one added in the same batch needs it', () => {
    const ops = [
      { op: 'addNode', parent: 'root', type: 'Stack', id: 'new1' },
      { op: 'addNode', parent: 'new1', type: 'Text', id: 'new2' },
      { op: 'setProp', id: 'new2', name: 'text', value: 'hi' }
    ];
    const needs = opNeeds(ops);
    expect(needs[1].map((n) => n.needs)).toEqual([0]);
    expect(needs[2].map((n) => n.needs)).toEqual([1]);
    expect(withNeeded(needs, [false, false, true]).apply).toEqual([true, true, true]);
  });
});

describe('removalNeeds: a removal needs the changes that stop the app using what it removes', () => {
  const model = templateModel('todo');
  const nodes = [...model.nodes.values()];
  const clearButton = nodes.find((n) => n.type === 'Button' && n.props.label === 'Clear done')!;
  const draftInput = nodes.find((n) => n.type === 'TextInput')!;

  it('removing a handler needs the removal of the button that calls it', () => {
    const ops = [
      { op: 'removeNode', id: clearButton.id },
      { op: 'removeHandler', component: 'App', name: 'clearDone' }
    ];
    const needs = mergeNeeds(opNeeds(ops, existsIn(model)), removalNeeds(ops, model));
    expect(needs[1].map((n) => n.needs)).toEqual([0]);
    expect(needs[1][0].what).toBe('the change that stops the app using handler clearDone');
    const { apply } = withNeeded(needs, [false, true]);
    expect(apply).toEqual([true, true]);
    expect(planOps(model, ops.filter((_, i) => apply[i]) as Op[], owner).ok).toBe(true);
    // The removal alone is what the planner refuses.
    expect(planOps(model, [ops[1]] as Op[], owner).ok).toBe(false);
  });

  it('removing the element around the user counts; so does a new value of the prop', () => {
    const parent = model.nodes.get(clearButton.parent!)!;
    const around = [
      { op: 'removeNode', id: parent.id },
      { op: 'removeHandler', component: 'App', name: 'clearDone' }
    ];
    expect(removalNeeds(around, model)[1].map((n) => n.needs)).toEqual([0]);
    const rewired = [
      { op: 'setProp', id: clearButton.id, name: 'onClick', value: { $handler: 'addItem' } },
      { op: 'removeHandler', component: 'App', name: 'clearDone' }
    ];
    expect(removalNeeds(rewired, model)[1].map((n) => n.needs)).toEqual([0]);
    // An op on another element or prop is not needed.
    const unrelated = [
      { op: 'setProp', id: clearButton.id, name: 'label', value: 'Tidy' },
      { op: 'removeHandler', component: 'App', name: 'clearDone' }
    ];
    expect(removalNeeds(unrelated, model)[1]).toEqual([]);
  });

  it('removing a state field needs the removal of its input and the new bodies of handlers that read it', () => {
    const ops = [
      { op: 'removeNode', id: draftInput.id },
      { op: 'setHandler', component: 'App', name: 'addItem', body: 'state.nextId += 1;' },
      { op: 'removeState', component: 'App', name: 'draft' }
    ];
    expect(
      removalNeeds(ops, model)[2]
        .map((n) => n.needs)
        .sort()
    ).toEqual([0, 1]);
  });

  it('200 removals against an app of 600 elements that use them: bounded time', () => {
    const root = rootComponent(model)!.root;
    const buttons = Array.from({ length: 600 }, () => ({
      op: 'addNode',
      parent: root,
      type: 'Button',
      props: { label: 'x', onClick: { $handler: 'clearDone' } }
    }));
    const planned = planOps(model, buttons as Op[], owner);
    if (!planned.ok) throw new Error('the big app did not plan');
    const ops = Array.from({ length: 200 }, () => ({
      op: 'removeHandler',
      component: 'App',
      name: 'clearDone'
    }));
    const started = performance.now();
    const needs = mergeNeeds(
      opNeeds(ops, existsIn(planned.model)),
      removalNeeds(ops, planned.model)
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(needs.every((n) => n.length === 0)).toBe(true);
  });
});
