/**
 * The no-code pickers' pure half: Bind and the step pickers offer only fields of a fitting type;
 * the expression picker offers fields, this item's fields, counts and sums as generated code; the
 * condition builder's tests fit the field and generate the expression; a new list is typed from
 * the parts of its add step; default steps pick the likeliest fields.
 */
import { describe, expect, test } from 'vitest';
import type { ComponentRecord } from '../../src/lib/model/types';
import {
  defaultStep,
  draftKey,
  fieldsWhere,
  fits,
  newListOps,
  partsFor,
  type BuilderContext
} from '../../src/lib/editor/action-choices';
import { conditionExpr, testsFor, valueChoices } from '../../src/lib/editor/expr-choices';

const component = {
  id: 'c1',
  name: 'App',
  root: 'n1',
  props: {},
  handlers: {},
  state: {
    draftDesc: { type: 'string', initial: '' },
    draftAmount: { type: 'number', initial: 0 },
    open: { type: 'boolean', initial: false },
    expenses: {
      type: { array: { object: { id: 'number', desc: 'string', amount: 'number' } } },
      initial: []
    }
  }
} as unknown as ComponentRecord;

const context = (params: string[] = [], event?: Record<string, string>): BuilderContext => ({
  component,
  params,
  event,
  loops: new Map([['item', 'expenses']])
});

describe('fields of a fitting type', () => {
  test('a text prop is offered text fields only, a number prop numbers, a switch on/off', () => {
    expect(fieldsWhere(component, (t) => fits('string', t))).toEqual(['draftDesc']);
    expect(fieldsWhere(component, (t) => fits('number', t))).toEqual(['draftAmount']);
    expect(fieldsWhere(component, (t) => fits('boolean', t))).toEqual(['open']);
  });
});

describe('expression choices', () => {
  test('text shows fields, this item, count and sum, numbers as text', () => {
    const choices = valueChoices(component, 'string', [{ item: 'item', list: 'expenses' }]);
    expect(choices).toEqual([
      { label: 'draftDesc', expr: 'state.draftDesc' },
      { label: 'draftAmount', expr: 'String(state.draftAmount)' },
      { label: "this item's id", expr: 'String(item.id)' },
      { label: "this item's desc", expr: 'item.desc' },
      { label: "this item's amount", expr: 'String(item.amount)' },
      { label: 'count of expenses', expr: 'String(state.expenses.length)' },
      {
        label: 'sum of id in expenses',
        expr: 'String(state.expenses.reduce((sum, x) => sum + x.id, 0))'
      },
      {
        label: 'sum of amount in expenses',
        expr: 'String(state.expenses.reduce((sum, x) => sum + x.amount, 0))'
      }
    ]);
  });

  test("an Each's items are the list fields", () => {
    expect(valueChoices(component, 'list', [])).toEqual([
      { label: 'expenses', expr: 'state.expenses' }
    ]);
  });
});

describe('conditions', () => {
  test('each type gets its tests and each test its expression', () => {
    expect(testsFor('boolean')).toEqual(['on', 'off']);
    expect(testsFor({ array: 'string' })).toEqual(['empty', 'notEmpty']);
    expect(conditionExpr('open', 'boolean', 'on')).toBe('state.open');
    expect(conditionExpr('open', 'boolean', 'off')).toBe('!state.open');
    expect(conditionExpr('draftDesc', 'string', 'empty')).toBe("state.draftDesc === ''");
    expect(conditionExpr('expenses', { array: 'string' }, 'notEmpty')).toBe(
      'state.expenses.length > 0'
    );
    expect(conditionExpr('draftAmount', 'number', 'greater', '10')).toBe('state.draftAmount > 10');
    expect(conditionExpr('draftDesc', 'string', 'equals', "a'b")).toBe(
      "state.draftDesc === 'a\\'b'"
    );
  });

  test('a field name with code in it is refused, not generated', () => {
    expect(() => conditionExpr('x || fetch(1)', 'string', 'empty')).toThrow();
  });
});

describe('steps from choices', () => {
  test('draft fields fill the item fields they name', () => {
    expect(draftKey('draftDesc')).toBe('desc');
    expect(draftKey('drafty')).toBeNull();
    expect(partsFor(context(), 'expenses')).toEqual([
      { key: 'id', value: { from: 'nextId', list: 'expenses', key: 'id' } },
      { key: 'desc', value: { from: 'field', field: 'draftDesc' } },
      { key: 'amount', value: { from: 'field', field: 'draftAmount' } }
    ]);
  });

  test('a new list is typed from its parts and made in the same batch', () => {
    const step = { do: 'add', list: 'spent', item: partsFor(context(), 'spent') } as const;
    expect(newListOps(context(), [step])).toEqual([
      {
        op: 'addState',
        component: 'App',
        name: 'spent',
        type: { array: { object: { id: 'number', desc: 'string', amount: 'number' } } },
        initial: []
      }
    ]);
    expect(newListOps(context(), [{ ...step, list: 'expenses' }])).toEqual([]);
  });

  test('default steps pick fitting fields; remove takes this item and its list', () => {
    expect(defaultStep('toggle', context())).toEqual({ do: 'toggle', field: 'open' });
    expect(defaultStep('increase', context())).toEqual({
      do: 'increase',
      field: 'draftAmount',
      by: 1
    });
    expect(defaultStep('remove', context(['item']))).toEqual({
      do: 'remove',
      list: 'expenses',
      item: 'item',
      key: 'id'
    });
    expect(defaultStep('set', context([], { value: 'string' }))).toEqual({
      do: 'set',
      field: 'draftDesc',
      value: { from: 'event', key: 'value' }
    });
  });
});

describe('an Each given a list of objects keeps its starter child readable', () => {
  test('the starter shows the first text field; a person’s own child and plain lists stay', async () => {
    const { starterFollowsList, EACH_STARTER_TEXT } =
      await import('../../src/lib/editor/expr-choices');
    const { starterSpec } = await import('../../src/lib/editor/dnd');
    const { planOps } = await import('../../src/lib/ops/plan');
    const { templateModel } = await import('../../src/lib/templates');
    const { seededIds } = await import('../../src/lib/model/ids');
    const model = templateModel('todo', seededIds(3));
    const app = [...model.components.values()].find((c) => c.name === 'App')!;
    expect(starterSpec('Each').children?.[0]?.props?.text).toEqual({ $expr: EACH_STARTER_TEXT });
    const added = planOps(model, [
      { op: 'addNode', parent: app.root, id: 'new', ...starterSpec('Each') }
    ]);
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
    const each = added.model.nodes.get(added.idMap.new!)!;
    const ops = starterFollowsList(added.model, each, 'state.items', app);
    expect(ops).toEqual([
      { op: 'setProp', id: expect.any(String), name: 'text', value: { $expr: 'item.title' } }
    ]);
    const after = planOps(added.model, [
      { op: 'setProp', id: each.id, name: 'items', value: { $expr: 'state.items' } },
      ...ops
    ]);
    expect(after.ok).toBe(true);
    // A list of plain values, an expression that is not a field, and a child the person changed.
    expect(starterFollowsList(added.model, each, 'state.draft', app)).toEqual([]);
    expect(starterFollowsList(added.model, each, 'state.items.filter((x) => x.done)', app)).toEqual(
      []
    );
    const child = (ops[0] as { id: string }).id;
    const own = planOps(added.model, [{ op: 'setProp', id: child, name: 'text', value: 'Row' }]);
    if (!own.ok) throw new Error('setProp');
    expect(
      starterFollowsList(own.model, own.model.nodes.get(each.id)!, 'state.items', app)
    ).toEqual([]);
  });
});
