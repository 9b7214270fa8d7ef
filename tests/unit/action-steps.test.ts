/**
 * The action builder's steps: each kind generates readable handler code, reads back into the same
 * steps (round trip), code outside the subset reads as code (null), names that are not names are
 * refused before they can become code, and a generated body passes the full gate (TypeScript too)
 * while a wrongly typed step is refused by it.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { stepCode, stepsToBody, valueCode, type ActionStep } from '../../src/lib/code/action-steps';
import { bodyToSteps } from '../../src/lib/code/action-steps-read';
import { TypeChecker } from '../../src/lib/code/typecheck';
import { seededIds } from '../../src/lib/model/ids';
import { componentByName, type Op } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { templateModel } from '../../src/lib/templates';

const params = { params: ['item'] };

/** Each step kind with the code it must generate, word for word. */
const CASES: readonly [ActionStep, string][] = [
  [
    { do: 'set', field: 'draft', value: { from: 'literal', value: 'it\'s "x"\n' } },
    `state.draft = 'it\\'s "x"\\n';`
  ],
  [{ do: 'set', field: 'n', value: { from: 'literal', value: -2.5 } }, 'state.n = -2.5;'],
  [{ do: 'set', field: 'on', value: { from: 'literal', value: true } }, 'state.on = true;'],
  [
    { do: 'set', field: 'copy', value: { from: 'field', field: 'draft' } },
    'state.copy = state.draft;'
  ],
  [
    { do: 'set', field: 'draft', value: { from: 'event', key: 'value' } },
    'state.draft = event.value;'
  ],
  [
    { do: 'set', field: 'picked', value: { from: 'item', item: 'item', key: 'desc' } },
    'state.picked = item.desc;'
  ],
  [{ do: 'toggle', field: 'open' }, 'state.open = !state.open;'],
  [{ do: 'increase', field: 'count', by: 1 }, 'state.count += 1;'],
  [{ do: 'decrease', field: 'count', by: 5 }, 'state.count -= 5;'],
  [
    {
      do: 'add',
      list: 'expenses',
      item: [
        { key: 'id', value: { from: 'nextId', list: 'expenses', key: 'id' } },
        { key: 'desc', value: { from: 'field', field: 'draftDesc' } },
        { key: 'amount', value: { from: 'field', field: 'draftAmount' } }
      ]
    },
    'state.expenses.push({ id: Math.max(0, ...state.expenses.map((x) => x.id)) + 1, desc: state.draftDesc, amount: state.draftAmount });'
  ],
  [{ do: 'add', list: 'ticks', item: [] }, 'state.ticks.push({});'],
  [
    { do: 'remove', list: 'expenses', item: 'item', key: 'id' },
    'state.expenses = state.expenses.filter((x) => x.id !== item.id);'
  ],
  [
    {
      do: 'change',
      list: 'todos',
      item: 'item',
      key: 'id',
      field: 'done',
      value: { from: 'literal', value: true }
    },
    'state.todos = state.todos.map((x) => (x.id === item.id ? { ...x, done: true } : x));'
  ],
  [{ do: 'clear', list: 'expenses' }, 'state.expenses = [];'],
  [{ do: 'reset', field: 'draft', initial: 'hello' }, "state.draft = 'hello';"]
];

describe('steps to code and back', () => {
  for (const [step, code] of CASES) {
    test(`${step.do}: ${code}`, () => {
      expect(stepCode(step)).toBe(code);
      const initials = step.do === 'reset' ? { [step.field]: step.initial } : {};
      expect(bodyToSteps(code, { ...params, initials })).toEqual([step]);
    });
  }

  test('a whole handler round-trips, one statement a line', () => {
    const steps = CASES.map(([s]) => s).filter((s) => s.do !== 'reset');
    const body = stepsToBody(steps);
    expect(body.split('\n')).toHaveLength(steps.length);
    expect(bodyToSteps(body, params)).toEqual(steps);
  });

  test('an empty body is no steps', () => {
    expect(bodyToSteps('', params)).toEqual([]);
    expect(bodyToSteps('  \n', params)).toEqual([]);
  });

  test('code people write in the subset reads as steps too', () => {
    expect(bodyToSteps('state.count++', params)).toEqual([
      { do: 'increase', field: 'count', by: 1 }
    ]);
    expect(bodyToSteps("state.draft = ''", { params: [], initials: { draft: '' } })).toEqual([
      { do: 'reset', field: 'draft', initial: '' }
    ]);
  });

  test('anything else opens as code', () => {
    for (const body of [
      'if (!state.draft) return;\nstate.items.push({ title: state.draft });',
      'const t = state.draft.trim();',
      'state.count += state.step;',
      'state.count = state.count * 2;',
      'state.items.push({ title });',
      'state.items = state.items.filter((x) => !x.done);',
      'state.items = state.items.filter((x) => x.id !== other.id);',
      '// a note\nstate.count += 1;',
      'state["count"] = 1;',
      'state.count = ;',
      'fetch("https://evil.example")',
      'x.y = 1;'
    ]) {
      expect(bodyToSteps(body, params), body).toBeNull();
    }
  });

  test('a value source for the loop item needs the handler to take that item', () => {
    expect(bodyToSteps('state.picked = item.desc;', { params: [] })).toBeNull();
  });
});

describe('names that are not names never become code', () => {
  test('a field, key or list name with code in it throws (misuse), nothing is generated', () => {
    const attacks: ActionStep[] = [
      { do: 'toggle', field: 'open; fetch(1)' },
      {
        do: 'add',
        list: 'items',
        item: [{ key: 'a: 1, b', value: { from: 'literal', value: 1 } }]
      },
      { do: 'remove', list: 'items', item: 'item', key: '__proto__' },
      { do: 'clear', list: 'items = [] //' }
    ];
    for (const step of attacks) expect(() => stepCode(step), JSON.stringify(step)).toThrow();
    expect(() => valueCode({ from: 'event', key: 'value) + (1' })).toThrow();
  });

  test('a literal string cannot break out of its quotes', () => {
    const code = stepCode({
      do: 'set',
      field: 'draft',
      value: { from: 'literal', value: "'); fetch('x'); ('\\" }
    });
    expect(bodyToSteps(code, params)).toEqual([
      { do: 'set', field: 'draft', value: { from: 'literal', value: "'); fetch('x'); ('\\" } }
    ]);
  });
});

describe('the gate judges generated code like typed code', () => {
  const checker = new TypeChecker({ strict: true });
  afterAll(() => checker.dispose());

  function check(body: string, extra: Op[] = []) {
    const model = templateModel('blank', seededIds(1));
    const plan = planOps(model, [
      { op: 'addState', component: 'App', name: 'draftDesc', type: 'string', initial: '' },
      { op: 'addState', component: 'App', name: 'draftAmount', type: 'number', initial: 0 },
      {
        op: 'addState',
        component: 'App',
        name: 'expenses',
        type: { array: { object: { id: 'number', desc: 'string', amount: 'number' } } },
        initial: []
      },
      ...extra,
      { op: 'setHandler', component: 'App', name: 'addExpense', params: [], body }
    ] as Op[]);
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    return checker.check(plan.model, componentByName(plan.model, 'App')!.id);
  }

  test('the expense tracker add step type-checks', () => {
    const [add] = CASES.find(([s]) => s.do === 'add')!;
    expect(check(stepsToBody([add, { do: 'reset', field: 'draftDesc', initial: '' }]))).toEqual([]);
  });

  test('an item field from a field of the wrong type is refused with E_TYPE', () => {
    const body = stepCode({
      do: 'add',
      list: 'expenses',
      item: [
        { key: 'id', value: { from: 'literal', value: 1 } },
        { key: 'desc', value: { from: 'field', field: 'draftAmount' } },
        { key: 'amount', value: { from: 'field', field: 'draftAmount' } }
      ]
    });
    const errors = check(body);
    expect(errors.map((e) => e.code)).toContain('E_TYPE');
  });
});
