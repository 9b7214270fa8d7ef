/**
 * The check kinds of tests/bench/held-out.ts added for the last corpus part: sameRowAs (both in
 * one horizontal Stack or Grid), not, exprMatches, a prop path ("style.color", "parent.justify"),
 * prop absent, and state with an initial value. Each is shown holding on a model where it should
 * and failing where it should not, on the real templates through planOps.
 */
import { describe, expect, it } from 'vitest';
import { holds } from '../bench/held-out';
import { templateModel } from '../../src/lib/templates';
import { seededIds } from '../../src/lib/model/ids';
import { planOps } from '../../src/lib/ops/plan';
import type { AppModel, Op } from '../../src/lib/model/types';

const find = (m: AppModel, type: string, text?: string) =>
  [...m.nodes.values()].find(
    (x) => x.type === type && (text === undefined || Object.values(x.props).includes(text))
  )!;

function after(base: AppModel, ops: Op[]): AppModel {
  const plan = planOps(base, ops, { id: 't', role: 'owner' }, { ids: seededIds(99) });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

describe('held-out check kinds', () => {
  const todo = templateModel('todo', seededIds(7));
  const counter = templateModel('counter', seededIds(7));

  it('sameRowAs holds for two nodes in one horizontal Stack, not across rows or in a column', () => {
    const add = { type: 'Button', text: 'Add' };
    expect(holds({ node: add, sameRowAs: { type: 'TextInput' } }, todo, todo)).toBe(true);
    expect(holds({ node: add, sameRowAs: { type: 'Each' } }, todo, todo)).toBe(false);
    // the same node does not pair with itself
    expect(holds({ node: add, sameRowAs: add }, todo, todo)).toBe(false);
    const column = after(todo, [
      {
        op: 'setProp',
        id: find(todo, 'Button', 'Add').parent!,
        name: 'direction',
        value: 'vertical'
      }
    ]);
    expect(holds({ node: add, sameRowAs: { type: 'TextInput' } }, todo, column)).toBe(false);
    const grid = after(counter, [
      { op: 'addNode', parent: find(counter, 'Card').id, id: 'g', type: 'Grid', props: {} },
      { op: 'moveNode', id: find(counter, 'Heading').id, parent: 'g' },
      { op: 'moveNode', id: find(counter, 'Slider').id, parent: 'g' }
    ]);
    expect(holds({ node: { type: 'Heading' }, sameRowAs: { type: 'Slider' } }, counter, grid)).toBe(
      true
    );
  });

  it('not inverts a check', () => {
    expect(holds({ not: { node: { type: 'Each' }, count: 1 } }, todo, todo)).toBe(false);
    expect(holds({ not: { node: { type: 'Each' }, count: 2 } }, todo, todo)).toBe(true);
  });

  it('exprMatches reads an expression prop, and fails on a literal', () => {
    const each = { type: 'Each' };
    expect(holds({ node: each, prop: 'items', exprMatches: 'state\\.items' }, todo, todo)).toBe(
      true
    );
    expect(holds({ node: each, prop: 'items', exprMatches: 'filter' }, todo, todo)).toBe(false);
    const heading = { type: 'Heading' };
    expect(holds({ node: heading, prop: 'text', exprMatches: 'Todo' }, todo, todo)).toBe(false);
  });

  it('a prop path reads a key of style and a prop of the parent', () => {
    const add = { type: 'Button', text: 'Add' };
    const styled = after(todo, [
      {
        op: 'setProp',
        id: find(todo, 'Button', 'Add').id,
        name: 'style',
        value: { color: 'success' }
      }
    ]);
    expect(holds({ node: add, prop: 'style.color', is: 'success' }, todo, styled)).toBe(true);
    expect(holds({ node: add, prop: 'style.color', is: 'success' }, todo, todo)).toBe(false);
    expect(holds({ node: add, prop: 'parent.direction', is: 'horizontal' }, todo, todo)).toBe(true);
    expect(holds({ node: add, prop: 'parent.direction', is: 'vertical' }, todo, todo)).toBe(false);
  });

  it('absent holds when the prop is not set, so the default applies', () => {
    const clear = { type: 'Button', text: 'Clear done' };
    expect(holds({ node: clear, prop: 'size', absent: true }, todo, todo)).toBe(false);
    const unset = after(todo, [
      { op: 'unsetProp', id: find(todo, 'Button', 'Clear done').id, name: 'size' }
    ]);
    expect(holds({ node: clear, prop: 'size', absent: true }, todo, unset)).toBe(true);
  });

  it('state checks an initial value when given', () => {
    expect(holds({ state: 'step', type: 'number', initial: 1 }, counter, counter)).toBe(true);
    expect(holds({ state: 'step', type: 'number', initial: 5 }, counter, counter)).toBe(false);
    expect(holds({ state: '.+', initial: 0 }, counter, counter)).toBe(true);
  });
});
