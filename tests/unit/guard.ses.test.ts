/**
 * The module form and the loop guard under SES: modules evaluated in a Compartment after
 * `lockdown()`, the guard installed as a read-only global, and one test per way code can run away.
 * In its own file because `lockdown()` changes the realm for every later test in the process.
 */
import 'ses';
import { beforeEach, describe, expect, it } from 'vitest';
import { GUARD_NAME } from '../../src/lib/code/guard';
import { createGuard, type Guard } from '../../src/lib/runtime/sandbox/guard.js';
import { moduleForm } from '../../src/lib/code/module';
import { componentLiterals } from '../../src/lib/code/literals';
import { seededIds } from '../../src/lib/model/ids';
import type { AppModel, JsonValue, Op } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { templateModel } from '../../src/lib/templates';

if (!Object.isFrozen(Object.prototype)) {
  lockdown({ errorTaming: 'unsafe', overrideTaming: 'severe' });
}

/** Enough for any honest handler here, and reached in a few milliseconds by a runaway loop. */
const LOOP_LIMIT = 100_000;
/** Below the engine's stack depth, so runaway recursion meets the guard before a RangeError. */
const RECURSION_LIMIT = 1_000;

type Handler = (...args: unknown[]) => unknown;
interface ComponentObject {
  name: string;
  render(state: unknown, props: unknown, caps: unknown): unknown;
  handlers: Record<string, Handler>;
}

const runtimeGlobals = harden({
  h: (type: string, props: unknown, children: unknown[]) => ({ type, props, children }),
  $each: (
    id: string,
    items: unknown[],
    key: ((item: unknown) => unknown) | null,
    render: (item: unknown) => unknown[]
  ) => ({
    type: '$each',
    id,
    entries: items.map((item) => ({ key: key?.(item), view: render(item) }))
  }),
  $if: (id: string, when: unknown, render: () => unknown[]) => ({
    type: '$if',
    id,
    view: when ? render() : []
  }),
  $on: (handler: string, args: unknown[]) => ({ handler, args }),
  $bind: (bind: string, value: unknown) => ({ bind, value })
});

/** A compartment with the runtime's globals and `$guard` as a read-only global; the module in it. */
function load(model: AppModel, limit = LOOP_LIMIT) {
  const guard = createGuard(limit);
  const literals = harden(componentLiterals(model, model.meta.root));
  const compartment = new Compartment({
    // The module reads its literal props through `$lit` (code/literals.ts).
    globals: {
      ...runtimeGlobals,
      // An element's literal props are the object in its slot (`h`'s fourth argument).
      h: harden((type: string, props: object, children: unknown[], slot?: number) =>
        runtimeGlobals.h(
          type,
          slot === undefined ? props : { ...(literals[slot] as object), ...props },
          children
        )
      ),
      $lit: harden((n: number) => literals[n])
    },
    __options__: true
  } as unknown as ConstructorParameters<typeof Compartment>[0] & { __options__: true });
  // Guest code could otherwise replace `$guard` with a no-op; and it gets a wrapper, not the
  // guard, so `reset` is out of its reach.
  Object.defineProperty(compartment.globalThis, GUARD_NAME, {
    value: harden(() => guard()),
    writable: false,
    enumerable: false,
    configurable: false
  });
  const component = compartment.evaluate(moduleForm(model, model.meta.root)) as ComponentObject;
  return { compartment, component, guard };
}

/** The counter with extra handlers, each named after what its body does. */
function counterWith(handlers: Record<string, string>): AppModel {
  const base = templateModel('counter', seededIds(1));
  const ops: Op[] = Object.entries(handlers).map(([name, body]) => ({
    op: 'setHandler',
    component: 'App',
    name,
    body
  }));
  const plan = planOps(base, ops, undefined, { ids: seededIds(2) });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

function initialState(m: AppModel): Record<string, JsonValue> {
  const component = m.components.get(m.meta.root)!;
  return Object.fromEntries(
    Object.entries(component.state).map(([k, f]) => [k, structuredClone(f.initial as JsonValue)])
  );
}

/** Every object of a view tree (plain data) whose `type` is `type`. */
function ofType(view: unknown, type: string): Record<string, unknown>[] {
  if (!view || typeof view !== 'object') return [];
  const own = (view as { type?: unknown }).type === type ? [view as Record<string, unknown>] : [];
  return [...own, ...Object.values(view).flatMap((v) => ofType(v, type))];
}

describe('module form in a compartment', () => {
  it('runs under lockdown', () => {
    expect(Object.isFrozen(Object.prototype)).toBe(true);
  });

  it('renders the todo list and runs its handlers', () => {
    const m = templateModel('todo', seededIds(1));
    const { component, guard } = load(m);
    expect(component.name).toBe('App');
    const state = initialState(m) as { items: { title: string; done: boolean }[]; draft: string };
    const view = component.render(state, {}, {});
    expect(ofType(view, '$each')).toHaveLength(1);
    const checkboxes = ofType(view, 'Checkbox').map((c) => c.props as Record<string, unknown>);
    expect(checkboxes.map((c) => [c.label, c.checked])).toEqual(
      state.items.map((i) => [i.title, i.done])
    );

    state.draft = 'Write tests';
    component.handlers.addItem(state, undefined, {}, {});
    expect(state.items.map((i) => i.title)).toEqual([
      'Try Malleable',
      'Reshape this app',
      'Write tests'
    ]);
    component.handlers.toggle(state, undefined, {}, {}, state.items[2]);
    expect(state.items[2].done).toBe(true);
    expect(guard.tripped).toBe(false);
  });

  it('loads text SES would refuse once it is escaped', () => {
    const base = templateModel('counter', seededIds(1));
    const heading = [...base.nodes.values()].find((n) => n.type === 'Heading')!;
    const hostile = '<!-- hi --> import(x) eval(y)';
    const plan = planOps(base, [{ op: 'setProp', id: heading.id, name: 'text', value: hostile }]);
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    const { component } = load(plan.model);
    expect(JSON.stringify(component.render({ count: 0, step: 1 }, {}, {}))).toContain(
      JSON.stringify(hostile)
    );
  });

  it('refuses the raw tokens itself, which is why the module form escapes them', () => {
    const compartment = new Compartment();
    expect(() => compartment.evaluate('"<!--"')).toThrow(/SES_HTML_COMMENT_REJECTED/);
    expect(() => compartment.evaluate('"import(x)"')).toThrow(/SES_IMPORT_REJECTED/);
  });
});

describe('$guard as a read-only global', () => {
  const m = counterWith({
    overwrite: '$guard = () => {};',
    overwriteGlobal: 'globalThis.$guard = () => {};',
    remove: 'delete globalThis.$guard;',
    reach: 'return typeof $guard.reset;'
  });

  it('cannot be overwritten by assignment (strict mode throws)', () => {
    const { component, compartment } = load(m);
    const before = compartment.globalThis.$guard;
    expect(() => component.handlers.overwrite({}, undefined, {}, {})).toThrow(TypeError);
    expect(() => component.handlers.overwriteGlobal({}, undefined, {}, {})).toThrow(TypeError);
    expect(compartment.globalThis.$guard).toBe(before);
  });

  it('cannot be deleted', () => {
    const { component, compartment } = load(m);
    expect(() => component.handlers.remove({}, undefined, {}, {})).toThrow(TypeError);
    expect(typeof compartment.globalThis.$guard).toBe('function');
  });

  it('does not expose reset to guest code', () => {
    const { component } = load(m);
    expect(component.handlers.reach({}, undefined, {}, {})).toBe('undefined');
  });
});

describe('the guard stops runaway code', () => {
  const m = counterWith({
    whileTrue: 'while (true) {}',
    forEver: 'for (;;) {}',
    doWhile: 'do {} while (true);',
    recursion: 'const f = (n) => f(n + 1);\nf(0);',
    mutual: 'const a = (n) => b(n + 1);\nconst b = (n) => a(n + 1);\na(0);',
    swallowed: 'while (true) {\n  try { while (true) {} } catch (e) {}\n}',
    swallowedNoBinding: 'for (;;) {\n  try { for (;;) {} } catch {}\n}',
    retryOnOverflow: 'function f() { try { f(); } catch (e) { f(); } }\nf();',
    forOfHuge:
      'for (const x of Array.from({ length: 1000000 })) {\n  let i = 0;\n  while (i < 100) i++;\n}',
    inCallback: 'Array.from({ length: 1000000 }, (_, i) => i).map((x) => x * 2);',
    finallySwallows: 'while (true) {\n  try { while (true) {} } finally { break; }\n}',
    honest: 'for (let i = 0; i < 1000; i++) state.count += 1;'
  });
  let loop: ReturnType<typeof load>;
  let deep: ReturnType<typeof load>;

  beforeEach(() => {
    loop = load(m, LOOP_LIMIT);
    deep = load(m, RECURSION_LIMIT);
  });

  function run(loaded: { component: ComponentObject; guard: Guard }, name: string) {
    let error: unknown;
    try {
      loaded.component.handlers[name]({ count: 0, step: 1 }, undefined, {}, {});
    } catch (e) {
      error = e;
    }
    return { error, tripped: loaded.guard.tripped };
  }

  it.each([
    ['while (true) {}', 'whileTrue'],
    ['for (;;) {}', 'forEver'],
    ['do {} while (true)', 'doWhile'],
    ['a loop in a try/catch inside a loop', 'swallowed'],
    ['the same with a catch without a binding', 'swallowedNoBinding'],
    ['for...of over a huge array with an inner while', 'forOfHuge'],
    ['a callback called a million times', 'inCallback']
  ])('%s', (_label, name) => {
    const { error, tripped } = run(loop, name);
    expect((error as Error).message).toMatch(/^E_RUNAWAY/);
    expect(tripped).toBe(true);
  });

  it.each([
    ['infinite recursion', 'recursion'],
    ['mutual recursion of two arrows', 'mutual'],
    ['recursion that retries in its catch', 'retryOnOverflow']
  ])('%s', (_label, name) => {
    const { error, tripped } = run(deep, name);
    expect((error as Error).message).toMatch(/^E_RUNAWAY/);
    expect(tripped).toBe(true);
  });

  it('leaves a tripped flag when a finally swallows the error (the runtime checks it)', () => {
    const { error, tripped } = run(loop, 'finallySwallows');
    expect(error).toBeUndefined();
    expect(tripped).toBe(true);
  });

  it('lets honest code run, and runs again after a reset', () => {
    const state = { count: 0, step: 1 };
    loop.component.handlers.honest(state, undefined, {}, {});
    expect(state.count).toBe(1000);
    expect(run(loop, 'whileTrue').tripped).toBe(true);
    loop.guard.reset();
    loop.component.handlers.honest(state, undefined, {}, {});
    expect(state.count).toBe(2000);
    expect(loop.guard.tripped).toBe(false);
  });
});
