/**
 * The type check stage: templates check clean, each kind of mistake is refused with E_TYPE, the
 * unit's path and a code frame at the offending text, and the per-unit cache spares TypeScript work.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { TypeChecker } from '../../src/lib/code/typecheck';
import { formatStateType as stateTypeText } from '../../src/lib/schema/statetype-text';
import { componentUnits } from '../../src/lib/code/units';
import { codeFrame } from '../../src/lib/code/frame';
import { unitPath } from '../../src/lib/code/parse';
import { seededIds } from '../../src/lib/model/ids';
import { componentByName, type AppModel, type Op, type StateType } from '../../src/lib/model/types';
import type { EditError } from '../../src/lib/ops/errors';
import { planOps } from '../../src/lib/ops/plan';
import { templateModel, TEMPLATE_NAMES } from '../../src/lib/templates';

/** One checker for the file, as the studio keeps one; strict: a stray diagnostic throws. */
const checker = new TypeChecker({ strict: true });
afterAll(() => checker.dispose());

/** A template with a batch applied (the planner without the compile gate). */
function edited(template: string, ops: Op[] | ((m: AppModel) => Op[])): AppModel {
  const model = templateModel(template, seededIds(1));
  const plan = planOps(model, typeof ops === 'function' ? ops(model) : ops);
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

/** The id of the first node of a type (document order of the model's map). */
function idOf(model: AppModel, type: string, nth = 0): string {
  const found = [...model.nodes.values()].filter((n) => n.type === type)[nth];
  if (!found) throw new Error(`no ${type} #${nth}`);
  return found.id;
}

function checkApp(model: AppModel, component = 'App'): EditError[] {
  return checker.check(model, componentByName(model, component)!.id);
}

/**
 * Asserts the error's frame is the unit's source framed at the first occurrence of `at`, i.e. that
 * the checker mapped the diagnostic to the right line and column of the unit's own source.
 * (Compared with frame.ts's own output, so this tests the mapping, not where frame.ts draws `^`.)
 */
function expectFrameAt(model: AppModel, error: EditError, at: string): void {
  const unit = [...model.components.values()]
    .flatMap((c) => componentUnits(model, c.id).map((u) => ({ u, path: unitPath(u, c.name) })))
    .find((x) => x.path === error.path)?.u;
  expect(unit, error.path).toBeDefined();
  const offset = unit!.source.indexOf(at);
  expect(offset, `"${at}" in ${unit!.source}`).toBeGreaterThanOrEqual(0);
  const before = unit!.source.slice(0, offset).split('\n');
  const message = error.message.slice(error.message.indexOf(': ') + 2);
  expect(error.frame).toBe(codeFrame(unit!.source, before.length, before.at(-1)!.length, message));
}

const setExpr = (id: string, name: string, source: string): Op => ({
  op: 'setProp',
  id,
  name,
  value: { $expr: source }
});
const useHandler = (id: string, name: string, handler: string): Op => ({
  op: 'setProp',
  id,
  name,
  value: { $handler: handler }
});

/** Todo plus state with nested lists, and an Each over groups with an Each over their tags. */
const nested = (inner: { as: string; text: string; handler?: string }) => (m: AppModel) => [
  {
    op: 'addState',
    component: 'App',
    name: 'groups',
    type: { array: { object: { name: 'string', tags: { array: 'string' } } } },
    initial: []
  } as Op,
  {
    op: 'addNode',
    parent: componentByName(m, 'App')!.root,
    type: 'Each',
    props: { items: { $expr: 'state.groups' }, as: 'group', key: { $expr: 'group.name' } },
    children: [
      {
        type: 'Each',
        props: { items: { $expr: 'group.tags' }, as: inner.as, key: { $expr: inner.as } },
        children: [
          { type: 'Text', props: { text: { $expr: inner.text } } },
          ...(inner.handler
            ? [{ type: 'Button', props: { label: 'Pick', onClick: { $handler: inner.handler } } }]
            : [])
        ]
      }
    ]
  } as Op
];

describe('one checker across edits', () => {
  // The times of these checks are the gate benchmark's (tests/bench/gate.ts): here, that a
  // warm checker's cached and incremental answers are the right ones.
  test('a warm checker answers a re-check, a changed unit and a broken one correctly', () => {
    const fresh = new TypeChecker({ strict: true });
    const model = templateModel('todo', seededIds(1));
    const root = model.meta.root;
    expect(fresh.check(model, root)).toEqual([]);
    expect(fresh.check(model, root)).toEqual([]);
    const changed = edited('todo', (m) => [
      setExpr(idOf(m, 'Button'), 'disabled', 'state.draft.trim().length === 0')
    ]);
    expect(fresh.check(changed, root)).toEqual([]);
    const broken = edited('todo', (m) => [
      setExpr(idOf(m, 'Button'), 'disabled', 'state.draft.trim().lenght === 0')
    ]);
    const errors = fresh.check(broken, root);
    expect(errors.map((e) => e.code)).toEqual(['E_TYPE']);
    expect(errors[0].message).toContain('lenght');
    // Fixed again: the unit's cached error does not stick.
    const again = edited('todo', (m) => [
      setExpr(idOf(m, 'Button'), 'disabled', "state.draft === ''")
    ]);
    expect(fresh.check(again, root)).toEqual([]);
    fresh.dispose();
  });
});

describe('state types as TypeScript', () => {
  test.each([
    ['number', 'number'],
    [{ array: { object: { id: 'number', 'a b': 'string' } } }, '{ id: number; "a b": string }[]'],
    [{ enum: ['a', 2] }, '"a" | 2'],
    [{ array: { enum: ['a', 'b'] } }, '("a" | "b")[]'],
    [{ array: { optional: { object: { n: 'string' } } } }, '({ n: string } | null)[]'],
    [{ optional: { array: 'boolean' } }, 'boolean[] | null']
  ] as [StateType, string][])('%j → %s', (type, text) => {
    expect(stateTypeText(type)).toBe(text);
  });
});

describe('templates', () => {
  test.each(TEMPLATE_NAMES)('%s type-checks clean', (name) => {
    const model = templateModel(name, seededIds(1));
    const root = model.meta.root;
    expect(root === '' ? [] : checker.check(model, root)).toEqual([]);
  });
});

interface Refusal {
  readonly name: string;
  readonly template: string;
  readonly ops: (m: AppModel) => Op[];
  /** The unit's path, from the edited model. */
  readonly path: (m: AppModel) => string;
  readonly message: RegExp;
  /** What the caret points at in the unit's source. */
  readonly at: string;
}

const refusals: Refusal[] = [
  {
    name: 'a string method on a number',
    template: 'counter',
    ops: (m) => [setExpr(idOf(m, 'Heading'), 'text', 'state.count.toUpperCase()')],
    path: (m) => `/nodes/${idOf(m, 'Heading')}/props/text`,
    message: /Property 'toUpperCase' does not exist on type 'number'/,
    at: 'toUpperCase()'
  },
  {
    name: 'a handler assigning a string to a boolean field',
    template: 'counter',
    ops: () => [
      { op: 'addState', component: 'App', name: 'done', type: 'boolean', initial: false },
      {
        op: 'setHandler',
        component: 'App',
        name: 'finish',
        body: 'state.count = 0;\nstate.done = "yes";'
      }
    ],
    path: () => '/components/App/handlers/finish',
    message: /handler finish of App: Type 'string' is not assignable to type 'boolean'/,
    at: 'state.done = "yes";'
  },
  {
    name: 'a typo in a field of the loop item',
    template: 'todo',
    ops: (m) => [setExpr(idOf(m, 'Checkbox'), 'label', 'item.titel')],
    path: (m) => `/nodes/${idOf(m, 'Checkbox')}/props/label`,
    message: /Property 'titel' does not exist on type .*Did you mean 'title'\?/,
    at: 'titel'
  },
  {
    name: 'a number for a string prop',
    template: 'counter',
    ops: (m) => [setExpr(idOf(m, 'Heading'), 'text', 'state.count')],
    path: (m) => `/nodes/${idOf(m, 'Heading')}/props/text`,
    message: /Heading \w+\.text: .*'number' is not assignable to .*'string'.*String\(\.\.\.\)/,
    at: 'state.count'
  },
  {
    name: 'a method that does not exist',
    template: 'todo',
    ops: (m) => [setExpr(idOf(m, 'Button'), 'disabled', "state.draft.trimm() === ''")],
    path: (m) => `/nodes/${idOf(m, 'Button')}/props/disabled`,
    message: /Property 'trimm' does not exist on type 'string'. Did you mean 'trim'\?/,
    at: "trimm() === ''"
  },
  {
    name: 'the wrong number of arguments',
    template: 'todo',
    ops: (m) => [setExpr(idOf(m, 'Button'), 'disabled', "state.draft.trim(1) === ''")],
    path: (m) => `/nodes/${idOf(m, 'Button')}/props/disabled`,
    message: /Expected 0 arguments, but got 1/,
    at: "1) === ''"
  },
  {
    name: 'comparing types that cannot be equal (TS2367)',
    template: 'todo',
    ops: (m) => [setExpr(idOf(m, 'If'), 'when', "state.items.length === 'none'")],
    path: (m) => `/nodes/${idOf(m, 'If')}/props/when`,
    message: /types 'number' and 'string' have no overlap/,
    at: "state.items.length === 'none'"
  },
  {
    name: 'a value outside an enum prop',
    template: 'counter',
    ops: (m) => [setExpr(idOf(m, 'Button'), 'variant', "state.count > 3 ? 'danger' : 'huge'")],
    path: (m) => `/nodes/${idOf(m, 'Button')}/props/variant`,
    message: /Type '"huge"' is not assignable/,
    at: "state.count > 3 ? 'danger' : 'huge'"
  },
  {
    name: 'a truthy number where a boolean is wanted',
    template: 'todo',
    ops: (m) => [setExpr(idOf(m, 'If'), 'when', 'state.items.length')],
    path: (m) => `/nodes/${idOf(m, 'If')}/props/when`,
    message: /'number' is not assignable to parameter of type 'boolean'/,
    at: 'state.items.length'
  },
  {
    name: 'an optional field used without a check',
    template: 'counter',
    ops: (m) => [
      {
        op: 'addState',
        component: 'App',
        name: 'picked',
        type: { optional: { object: { name: 'string' } } },
        initial: null
      },
      setExpr(idOf(m, 'Heading'), 'text', 'state.picked.name')
    ],
    path: (m) => `/nodes/${idOf(m, 'Heading')}/props/text`,
    message: /'state.picked' is possibly 'null'/,
    at: 'state.picked.name'
  },
  {
    name: 'a capability the component was not granted',
    template: 'counter',
    ops: (m) => [setExpr(idOf(m, 'Heading'), 'text', 'String(caps.clock.now())')],
    path: (m) => `/nodes/${idOf(m, 'Heading')}/props/text`,
    message: /Property 'clock' does not exist/,
    at: 'clock.now())'
  },
  {
    name: 'an event field the event does not have, at one of two uses',
    template: 'todo',
    ops: (m) => [
      { op: 'setHandler', component: 'App', name: 'typed', body: 'state.draft = event.value;' },
      useHandler(idOf(m, 'TextInput'), 'onInput', 'typed'),
      useHandler(idOf(m, 'Button', 2), 'onClick', 'typed')
    ],
    path: () => '/components/App/handlers/typed',
    message:
      /handler typed of App \(where Button \w+\.onClick uses it\): Property 'value' does not exist on type '\{\}'/,
    at: 'value;'
  },
  {
    name: 'a loop variable the handler does not take as a param',
    template: 'todo',
    ops: (m) => [
      { op: 'setHandler', component: 'App', name: 'mark', body: 'item.done = true;' },
      useHandler(idOf(m, 'Checkbox'), 'onChange', 'mark')
    ],
    path: () => '/components/App/handlers/mark',
    message: /Cannot find name 'item'/,
    at: 'item.done = true;'
  },
  {
    name: 'a loop variable of an outer loop the handler does not take',
    template: 'todo',
    ops: (m) => [
      {
        op: 'setHandler',
        component: 'App',
        name: 'pick',
        params: ['tag'],
        body: 'state.draft = group.name + tag;'
      },
      ...nested({ as: 'tag', text: 'tag', handler: 'pick' })(m)
    ],
    path: () => '/components/App/handlers/pick',
    message: /Cannot find name 'group'/,
    at: 'group.name + tag;'
  },
  {
    name: 'a number for a string prop of a user component',
    template: 'counter',
    ops: (m) => [
      { op: 'addComponent', name: 'Row', props: { label: { type: 'string', default: '' } } },
      {
        op: 'addNode',
        parent: idOf(m, 'Card'),
        type: 'Row',
        id: 'row1',
        props: { label: { $expr: 'state.count' } }
      }
    ],
    path: (m) => `/nodes/${idOf(m, 'Row')}/props/label`,
    message: /Row \w+\.label: .*'number' is not assignable .*'string'/,
    at: 'state.count'
  }
];

describe('refuses', () => {
  test.each(refusals)('$name', (r) => {
    const model = edited(r.template, r.ops);
    const errors = checkApp(model);
    expect(errors, JSON.stringify(errors, null, 1)).toHaveLength(1);
    const [error] = errors;
    expect(error.code).toBe('E_TYPE');
    expect(error.path).toBe(r.path(model));
    expect(error.message).toMatch(r.message);
    expectFrameAt(model, error, r.at);
  });

  test('a typo in a user component reading its props', () => {
    const model = edited('counter', (m): Op[] => [
      { op: 'addComponent', name: 'Row', id: 'rowRoot', props: { label: { type: 'string' } } },
      { op: 'addNode', parent: 'rowRoot', type: 'Text', props: { text: { $expr: 'props.labl' } } },
      { op: 'addNode', parent: idOf(m, 'Card'), type: 'Row', props: { label: 'x' } }
    ]);
    const [error, ...rest] = checkApp(model, 'Row');
    expect(rest).toEqual([]);
    expect(error.message).toMatch(/Property 'labl' does not exist .* Did you mean 'label'\?/);
    expectFrameAt(model, error, 'labl');
    expect(checkApp(model)).toEqual([]);
  });

  test('a handler param that is no loop variable at a use is E_HANDLER_PARAM', () => {
    const model = edited('todo', (m) => [useHandler(idOf(m, 'Button'), 'onClick', 'remove')]);
    const errors = checkApp(model);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'E_HANDLER_PARAM',
      path: '/components/App/handlers/remove'
    });
    expect(errors[0].message).toMatch(
      /takes "item", but Button \w+\.onClick is not inside an Each/
    );
  });

  test('the frame points into the right line of a handler body', () => {
    const model = edited('todo', () => [
      {
        op: 'setHandler',
        component: 'App',
        name: 'addItem',
        body: 'const title = state.draft.trim();\nif (!title) return;\nstate.nextId = title;'
      }
    ]);
    const errors = checkApp(model);
    expect(errors).toHaveLength(1);
    expect(errors[0].frame).toMatch(/> 3 \| state\.nextId = title;/);
    expectFrameAt(model, errors[0], 'state.nextId = title;');
  });

  test('every unit with a mistake is reported, in unit order', () => {
    const model = edited('todo', (m) => [
      setExpr(idOf(m, 'Checkbox'), 'label', 'item.titel'),
      setExpr(idOf(m, 'Text', 1), 'text', 'state.items.size'),
      { op: 'setHandler', component: 'App', name: 'clearDone', body: 'state.items = 0;' }
    ]);
    const errors = checkApp(model);
    expect(errors.map((e) => e.path)).toEqual([
      `/nodes/${idOf(model, 'Checkbox')}/props/label`,
      `/nodes/${idOf(model, 'Text', 1)}/props/text`,
      '/components/App/handlers/clearDone'
    ]);
  });

  test('an Each over something that is not a list: one error, at the items', () => {
    const model = edited('todo', (m) => [setExpr(idOf(m, 'Each'), 'items', 'state.draft.length')]);
    const errors = checkApp(model);
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe(`/nodes/${idOf(model, 'Each')}/props/items`);
  });
});

const accepted: { name: string; template: string; ops: (m: AppModel) => Op[] }[] = [
  {
    name: 'Math.max',
    template: 'counter',
    ops: (m) => [setExpr(idOf(m, 'Heading'), 'text', 'String(Math.max(state.count, 0))')]
  },
  {
    name: 'optional chaining on an optional field',
    template: 'counter',
    ops: (m) => [
      {
        op: 'addState',
        component: 'App',
        name: 'picked',
        type: { optional: { object: { name: 'string' } } },
        initial: null
      },
      setExpr(idOf(m, 'Heading'), 'text', "state.picked?.name ?? 'nobody'")
    ]
  },
  {
    name: 'an event payload (event.value in onInput)',
    template: 'todo',
    ops: (m) => [
      { op: 'setHandler', component: 'App', name: 'typed', body: 'state.draft = event.value;' },
      useHandler(idOf(m, 'TextInput'), 'onInput', 'typed')
    ]
  },
  {
    name: 'a number event payload (Slider.onChange)',
    template: 'counter',
    ops: (m) => [
      {
        op: 'setHandler',
        component: 'App',
        name: 'slid',
        body: 'state.step = Math.round(event.value);'
      },
      useHandler(idOf(m, 'Slider'), 'onChange', 'slid')
    ]
  },
  {
    name: 'an enum prop from a conditional',
    template: 'counter',
    ops: (m) => [setExpr(idOf(m, 'Button'), 'variant', "state.count > 3 ? 'danger' : 'primary'")]
  },
  {
    name: 'a granted capability',
    template: 'counter',
    ops: (m) => [
      { op: 'setCapabilities', component: 'App', capabilities: { clock: true } },
      setExpr(idOf(m, 'Heading'), 'text', 'String(caps.clock.now())')
    ]
  },
  {
    name: 'a list of optional objects',
    template: 'counter',
    ops: (m) => [
      {
        op: 'addState',
        component: 'App',
        name: 'slots',
        type: { array: { optional: { object: { name: 'string' } } } },
        initial: []
      },
      setExpr(idOf(m, 'Heading'), 'text', "state.slots.map((s) => s?.name ?? '-').join(', ')")
    ]
  },
  {
    name: 'a trailing line comment',
    template: 'todo',
    ops: (m) => [setExpr(idOf(m, 'Checkbox'), 'label', 'item.title // shown as is')]
  },
  {
    name: 'handler locals, callbacks and try/catch',
    template: 'todo',
    ops: () => [
      {
        op: 'setHandler',
        component: 'App',
        name: 'clearDone',
        body:
          'const keep = [];\nfor (const x of state.items) { if (!x.done) keep.push(x); }\n' +
          'try { state.items = keep; } catch (e) { state.draft = e.message; }\n' +
          'const double = (n) => n * 2;\nstate.nextId = double(state.nextId);'
      }
    ]
  },
  {
    name: 'an unused handler with params',
    template: 'todo',
    ops: () => [
      {
        op: 'setHandler',
        component: 'App',
        name: 'spare',
        params: ['item'],
        body: 'state.draft = item.title;'
      }
    ]
  },
  {
    name: 'nested loops where the inner one shadows the outer name',
    template: 'todo',
    ops: nested({ as: 'group', text: "group + '!'" })
  },
  {
    name: 'a handler taking a loop variable of an outer loop',
    template: 'todo',
    ops: (m) => [
      {
        op: 'setHandler',
        component: 'App',
        name: 'pick',
        params: ['group', 'tag'],
        body: 'state.draft = group.name + tag;'
      },
      ...nested({ as: 'tag', text: 'group.name + tag', handler: 'pick' })(m)
    ]
  },
  {
    name: 'a user component instance given the right type',
    template: 'counter',
    ops: (m) => [
      { op: 'addComponent', name: 'Row', props: { label: { type: 'string' } } },
      {
        op: 'addNode',
        parent: idOf(m, 'Card'),
        type: 'Row',
        props: { label: { $expr: 'String(state.count)' } }
      }
    ]
  }
];

describe('accepts', () => {
  test.each(accepted)('$name', (a) => {
    const model = edited(a.template, a.ops);
    for (const component of model.components.values()) {
      expect(checker.check(model, component.id)).toEqual([]);
    }
  });
});

describe('cache', () => {
  test('a second check of the same model does no TypeScript work and gives the same errors', () => {
    const model = edited('todo', (m) => [setExpr(idOf(m, 'Checkbox'), 'label', 'item.titel')]);
    const first = checkApp(model);
    const { unitsChecked, programs } = checker.stats;
    expect(checkApp(model)).toEqual(first);
    expect(checker.stats.unitsChecked).toBe(unitsChecked);
    expect(checker.stats.programs).toBe(programs);
  });

  test('changing one expression re-checks only that unit', () => {
    const model = templateModel('todo', seededIds(1));
    checkApp(model);
    const before = checker.stats.unitsChecked;
    const plan = planOps(model, [
      setExpr(idOf(model, 'Text', 1), 'text', "String(state.items.length) + ' in all'")
    ]);
    expect(plan.ok).toBe(true);
    expect(checkApp(plan.ok ? plan.model : model)).toEqual([]);
    expect(checker.stats.unitsChecked).toBe(before + 1);
  });

  test('changing the state re-checks every unit of the component', () => {
    const model = edited('todo', () => [
      { op: 'addState', component: 'App', name: 'extra', type: 'string', initial: '' }
    ]);
    const before = checker.stats.unitsChecked;
    expect(checkApp(model)).toEqual([]);
    expect(checker.stats.unitsChecked - before).toBe(componentUnits(model, model.meta.root).length);
  });

  test('the same mistake in two nodes is reported for each, with its own path', () => {
    const model = edited('counter', (m) => [
      setExpr(idOf(m, 'Button', 0), 'label', 'state.count'),
      setExpr(idOf(m, 'Button', 1), 'label', 'state.count')
    ]);
    checkApp(model);
    const paths = checkApp(model).map((e) => e.path);
    expect(paths).toEqual([
      `/nodes/${idOf(model, 'Button', 0)}/props/label`,
      `/nodes/${idOf(model, 'Button', 1)}/props/label`
    ]);
  });

  test('a 20-op batch on a large app re-checks only the 20 changed units', () => {
    const big = edited('todo', (m) => [
      {
        op: 'addNode',
        parent: componentByName(m, 'App')!.root,
        type: 'Stack',
        props: {},
        children: Array.from({ length: 500 }, (_, i) => ({
          type: 'Text',
          props: { text: { $expr: `state.draft + ' ${i}'` } }
        }))
      }
    ]);
    const local = new TypeChecker({ strict: true });
    expect(local.check(big, big.meta.root)).toEqual([]);
    const texts = [...big.nodes.values()].filter((n) => n.type === 'Text').slice(-20);
    const plan = planOps(
      big,
      texts.map((n) => setExpr(n.id, 'text', 'String(state.nextId)'))
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    const before = local.stats.unitsChecked;
    expect(local.check(plan.model, big.meta.root)).toEqual([]);
    expect(local.stats.unitsChecked - before).toBe(20);
    local.dispose();
  });

  test('check takes a subset of units', () => {
    const model = edited('todo', (m) => [
      setExpr(idOf(m, 'Checkbox'), 'label', 'item.titel'),
      setExpr(idOf(m, 'Text', 1), 'text', 'state.items.size')
    ]);
    const units = componentUnits(model, model.meta.root).filter(
      (u) => u.kind === 'expr' && u.type === 'Checkbox' && u.prop === 'label'
    );
    const errors = checker.check(model, model.meta.root, units);
    expect(errors.map((e) => e.path)).toEqual([`/nodes/${idOf(model, 'Checkbox')}/props/label`]);
  });
});
