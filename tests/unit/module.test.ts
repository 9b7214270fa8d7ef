/**
 * The module form (what the sandbox evaluates) and the loop guard transform, without SES: the
 * text is checked as text, parsed back with @babel/parser, and evaluated with `new Function`
 * over plain stand-ins for the runtime's globals. tests/unit/guard.ses.test.ts runs it under SES.
 */
import { parse } from '@babel/parser';
import generate from '@babel/generator';
import { describe, expect, it } from 'vitest';
import { GUARD_NAME, instrument } from '../../src/lib/code/guard';
import { createGuard } from '../../src/lib/runtime/sandbox/guard.js';
import { moduleForm } from '../../src/lib/code/module';
import { componentLiterals } from '../../src/lib/code/literals';
import { seededIds } from '../../src/lib/model/ids';
import type { AppModel, JsonValue, NodeRecord, Op } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { templateModel } from '../../src/lib/templates';

// ---------------------------------------------------------------------------------------------
// Helpers

function model(name: string): AppModel {
  return templateModel(name, seededIds(1));
}

function rootModule(m: AppModel): string {
  return moduleForm(m, m.meta.root);
}

/** The template with a batch applied on top; throws if the batch does not plan. */
function edited(name: string, ops: (m: AppModel) => Op[]): AppModel {
  const base = model(name);
  const plan = planOps(base, ops(base), undefined, { ids: seededIds(2) });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

function nodeOfType(m: AppModel, type: string): NodeRecord {
  const node = [...m.nodes.values()].find((n) => n.type === type);
  if (!node) throw new Error(`no ${type}`);
  return node;
}

/** Plain data the stand-in runtime builds; the real one renders the same shapes. */
interface Element {
  type: string;
  props: Record<string, unknown>;
  children: View[];
}
interface EachView {
  type: '$each';
  id: string;
  entries: { key: unknown; children: View[] }[];
}
interface IfView {
  type: '$if';
  id: string;
  children: View[];
}
type View = Element | EachView | IfView;

interface ComponentObject {
  name: string;
  render(state: unknown, props: unknown, caps: unknown): View;
  handlers: Record<string, (...args: unknown[]) => unknown>;
}

const runtime = {
  h: (type: string, props: Record<string, unknown>, children: View[]): Element => ({
    type,
    props,
    children
  }),
  $each: (
    id: string,
    items: unknown[],
    key: ((item: unknown) => unknown) | null,
    render: (item: unknown) => View[]
  ): EachView => ({
    type: '$each',
    id,
    entries: items.map((item, i) => ({ key: key ? key(item) : i, children: render(item) }))
  }),
  $if: (id: string, when: unknown, render: () => View[]): IfView => ({
    type: '$if',
    id,
    children: when ? render() : []
  }),
  $on: (handler: string, args: unknown[]) => ({ handler, args }),
  $bind: (bind: string, value: unknown) => ({ bind, value })
};

/**
 * Evaluates a module form with the stand-in globals, a fresh guard, and `$lit` reading the
 * literal table of the root component of `m` (the values the module no longer holds).
 */
function evaluate(source: string, m: AppModel, limit = 100_000): ComponentObject {
  const guard = createGuard(limit);
  const literals = componentLiterals(m, m.meta.root);
  const $lit = (n: number) => structuredClone(literals[n]) as Record<string, unknown>;
  const names = ['h', '$each', '$if', '$on', '$bind', '$lit', GUARD_NAME];
  const make = new Function(...names, `return ${source}`);
  const { $each, $if, $on, $bind } = runtime;
  // An element's literal props are the object in its slot (`h`'s fourth argument).
  const h = (type: string, props: Record<string, unknown>, children: View[], slot?: number) =>
    runtime.h(type, slot === undefined ? props : { ...$lit(slot), ...props }, children);
  return make(h, $each, $if, $on, $bind, $lit, () => guard());
}

/** The component's initial state, as a fresh mutable value. */
function initialState(m: AppModel): Record<string, JsonValue> {
  const component = m.components.get(m.meta.root)!;
  return Object.fromEntries(
    Object.entries(component.state).map(([name, field]) => [
      name,
      structuredClone(field.initial as JsonValue)
    ])
  );
}

const isEach = (view: View): view is EachView => view.type === '$each';

/** The views directly under a view (an Each's entries flattened). */
function kids(view: View): View[] {
  return isEach(view) ? view.entries.flatMap((e) => e.children) : view.children;
}

/** Every element of a view tree, depth first. */
function elements(view: View): Element[] {
  const own = view.type === '$each' || view.type === '$if' ? [] : [view as Element];
  return [...own, ...kids(view).flatMap(elements)];
}

function findView<T extends View>(view: View, test: (v: View) => boolean): T | undefined {
  if (test(view)) return view as T;
  for (const kid of kids(view)) {
    const found = findView<T>(kid, test);
    if (found) return found;
  }
  return undefined;
}

/** Code with the guard transform applied, printed. */
function instrumented(source: string): string {
  const ast = parse(source, { sourceType: 'script', allowReturnOutsideFunction: true });
  instrument(ast);
  return generate(ast).code;
}

const count = (text: string, part: string) => text.split(part).length - 1;

// ---------------------------------------------------------------------------------------------
// The text

describe('module form text', () => {
  it('renders the todo view with $each, $if, $on and $bind', () => {
    const m = model('todo');
    const list = nodeOfType(m, 'Each');
    const text = rootModule(m);
    expect(text.startsWith('({')).toBe(true);
    expect(text).toContain('name: "App"');
    expect(text).toContain('render(state, props, caps) {');
    expect(text).toContain(`$each("${list.id}", state.items, item => item.id, item => [`);
    expect(text).toContain('$on("toggle", [item])');
    expect(text).toContain('$on("remove", [item])');
    expect(text).toContain('$on("addItem", [])');
    expect(text).toContain('$bind("draft", state.draft)');
    expect(text).toContain(`$if("${nodeOfType(m, 'If').id}", state.items.length === 0, () => [`);
    expect(text).toContain('toggle(state, event, props, caps, item) {\n      $guard();');
    expect(text).toContain('addItem(state, event, props, caps) {\n      $guard();');
  });

  it('starts every props object with the node id', () => {
    const m = model('todo');
    const text = rootModule(m);
    for (const node of m.nodes.values()) {
      if (node.type === 'Each' || node.type === 'If') continue;
      expect(text).toContain(`h("${node.type}", {\n`);
      expect(text).toMatch(new RegExp(`h\\("${node.type}", \\{\\s*id: "${node.id}"`));
    }
  });

  it('renders the counter with its binding and handlers', () => {
    const text = rootModule(model('counter'));
    expect(text).toContain('text: String(state.count)');
    expect(text).toContain('$bind("step", state.step)');
    expect(text).toContain('$on("increment", [])');
    expect(text).toContain('increment(state, event, props, caps) {\n      $guard();');
  });

  it('is plain JavaScript without JSX or comments', () => {
    const m = edited('counter', () => [
      {
        op: 'setHandler',
        component: 'App',
        name: 'increment',
        body: '// add one step\nstate.count += state.step; /* done */'
      }
    ]);
    for (const text of [rootModule(m), rootModule(model('todo'))]) {
      const ast = parse(text, { sourceType: 'script' });
      expect(ast.comments ?? []).toEqual([]);
      expect(text).not.toMatch(/\/\/|\/\*/);
      expect(text).not.toMatch(/<[A-Z]/);
    }
  });

  it('is the same text for the same model, and for a model built the same way', () => {
    const m = model('todo');
    expect(rootModule(m)).toBe(rootModule(m));
    expect(rootModule(model('todo'))).toBe(rootModule(m));
  });

  it('matches the fixtures', async () => {
    await expect(rootModule(model('todo'))).toMatchFileSnapshot('../fixtures/module/todo.txt');
    await expect(rootModule(model('counter'))).toMatchFileSnapshot(
      '../fixtures/module/counter.txt'
    );
  });

  it('throws for a component that does not exist', () => {
    expect(() => moduleForm(model('todo'), 'nope')).toThrow(/no component/);
  });

  it('throws for a unit that does not parse (the gate runs first)', () => {
    const m = edited('counter', () => [
      { op: 'setHandler', component: 'App', name: 'reset', body: 'state.count = ;' }
    ]);
    expect(() => rootModule(m)).toThrow(/does not parse/);
  });
});

// ---------------------------------------------------------------------------------------------
// Text SES would refuse

describe('module form and SES tokens', () => {
  const hostile = '<!-- hi --> import(x) eval(y) import (z) a-->b';

  function withText(value: unknown, extra: Op[] = []): AppModel {
    return edited('counter', (m) => [
      { op: 'setProp', id: nodeOfType(m, 'Heading').id, name: 'text', value: value as JsonValue },
      ...extra
    ]);
  }

  it('keeps a Text literal out of the module, so it never contains import(, <!-- or -->', () => {
    const m = withText(hostile);
    const text = rootModule(m);
    expect(text).not.toContain('import(');
    expect(text).not.toContain('<!--');
    expect(text).not.toContain('-->');
    expect(text).not.toMatch(/\beval\s*\(/);
    // The value travels in the literal table, in the Heading's slot.
    expect(text).not.toContain(' hi ');
    expect(text).not.toMatch(/text:/);
    // ...and the value is unchanged once evaluated.
    const view = evaluate(text, m).render(initialState(m), {}, {});
    const heading = elements(view).find((e) => e.type === 'Heading')!;
    expect(heading.props.text).toBe(hostile);
  });

  it('escapes strings in expressions, handler bodies and JSON literals', () => {
    const m = withText({ $expr: `'<b>' + "-->" + \`<i>\${state.count}</i>\`` }, [
      {
        op: 'setHandler',
        component: 'App',
        name: 'reset',
        body: "state.count = 0; state.note = 'import(' + `<!-${'-'}>`;"
      }
    ]);
    // No built-in prop takes an object today, but a user component's props may: set one directly.
    const root = m.nodes.get(m.components.get(m.meta.root)!.root)!;
    const data = JSON.parse('{"<!--": ["-->", {"import(": "eval("}], "__proto__": 1}');
    const withData: AppModel = {
      ...m,
      nodes: new Map(m.nodes).set(root.id, { ...root, props: { ...root.props, data } })
    };
    const text = rootModule(withData);
    expect(text).not.toMatch(/<!--|-->|import\s*\(|\beval\s*\(/);
    const component = evaluate(text, withData);
    const view = component.render({ count: 3 }, {}, {}) as Element;
    expect(elements(view).find((e) => e.type === 'Heading')!.props.text).toBe('<b>--><i>3</i>');
    const printed = view.props.data as Record<string, unknown>;
    expect(printed['<!--']).toEqual(['-->', { 'import(': 'eval(' }]);
    // A "__proto__" key in a literal is an own property, not a prototype.
    expect(Object.getPrototypeOf(printed)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(printed)).toContain('__proto__');
    const state: Record<string, unknown> = { count: 5 };
    component.handlers.reset(state, undefined, {}, {});
    expect(state).toEqual({ count: 0, note: 'import(<!-->' });
  });

  it('escapes regex sources and keeps what they match', () => {
    const source = [
      "/a<b>/.test('a<b>')",
      "/(?<!--)x/.test('--x') === false",
      "/(?<!--)x/.test('-+x')",
      "/(?<y>\\d)-\\k<y>/.test('1-1')",
      "/[<>]/.test('>')",
      "/import(x)/.test('importx')",
      "/\\<\\>/.test('<>')"
    ].join(' && ');
    const m = withText({ $expr: source });
    const text = rootModule(m);
    expect(text).not.toMatch(/<!--|-->|import\s*\(/);
    expect(text).toContain('(?<y>');
    expect(text).toContain('\\k<y>');
    const view = evaluate(text, m).render({ count: 0 }, {}, {});
    expect(elements(view).find((e) => e.type === 'Heading')!.props.text).toBe(true);
  });

  it('refuses to print what it cannot escape (a tagged template keeps its raw text)', () => {
    const m = withText({ $expr: 'String.raw`<!--`' });
    expect(() => rootModule(m)).toThrow(/SES refuses/);
  });
});

// ---------------------------------------------------------------------------------------------
// Evaluated

describe('module form evaluated', () => {
  it('renders the todo list from its state', () => {
    const m = model('todo');
    const component = evaluate(rootModule(m), m);
    expect(component.name).toBe('App');
    const state = initialState(m);
    const view = component.render(state, {}, {});
    expect(view.type).toBe('Stack');
    expect((view as Element).props.id).toBe(m.components.get(m.meta.root)!.root);

    const list = findView<EachView>(view, (v) => v.type === '$each')!;
    expect(list.id).toBe(nodeOfType(m, 'Each').id);
    const items = state.items as { id: number; title: string; done: boolean }[];
    expect(list.entries.map((e) => e.key)).toEqual(items.map((i) => i.id));
    list.entries.forEach((entry, i) => {
      const checkbox = entry.children.flatMap(elements).find((e) => e.type === 'Checkbox')!;
      expect(checkbox.props.checked).toBe(items[i].done);
      expect(checkbox.props.label).toBe(items[i].title);
      expect(checkbox.props.onChange).toEqual({ handler: 'toggle', args: [items[i]] });
    });

    const empty = findView<IfView>(view, (v) => v.type === '$if')!;
    expect(empty.children).toEqual([]);
    const input = elements(view).find((e) => e.type === 'TextInput')!;
    expect(input.props.value).toEqual({ bind: 'draft', value: '' });
    expect(input.props.onSubmit).toEqual({ handler: 'addItem', args: [] });
    const left = elements(view).find((e) => e.props.text === '1 left');
    expect(left?.type).toBe('Text');
  });

  it('runs the todo handlers on a state draft', () => {
    const m = model('todo');
    const { handlers, render } = evaluate(rootModule(m), m);
    const state = initialState(m) as {
      items: { id: number; title: string; done: boolean }[];
      draft: string;
      nextId: number;
    };
    state.draft = '  Buy milk ';
    handlers.addItem(state, undefined, {}, {});
    expect(state.items.at(-1)).toEqual({ id: 3, title: 'Buy milk', done: false });
    expect(state.nextId).toBe(4);
    expect(state.draft).toBe('');

    handlers.addItem(state, undefined, {}, {});
    expect(state.items).toHaveLength(3);

    handlers.toggle(state, undefined, {}, {}, state.items[1]);
    expect(state.items[1].done).toBe(true);
    handlers.clearDone(state, undefined, {}, {});
    expect(state.items.map((i) => i.title)).toEqual(['Buy milk']);
    handlers.remove(state, undefined, {}, {}, state.items[0]);
    expect(state.items).toEqual([]);

    const view = render(state, {}, {});
    const empty = findView<IfView>(view, (v) => v.type === '$if')!;
    expect(empty.children.map((c) => (c as Element).props.text)).toEqual(['Nothing to do yet.']);
  });

  it('runs the counter', () => {
    const m = model('counter');
    const { handlers, render } = evaluate(rootModule(m), m);
    const state = initialState(m) as { count: number; step: number };
    handlers.increment(state, undefined, {}, {});
    expect(state.count).toBe(1);
    state.step = 5;
    handlers.increment(state, undefined, {}, {});
    handlers.decrement(state, undefined, {}, {});
    handlers.increment(state, undefined, {}, {});
    expect(state.count).toBe(6);
    const heading = elements(render(state, {}, {})).find((e) => e.type === 'Heading')!;
    expect(heading.props.text).toBe('6');
    handlers.reset(state, undefined, {}, {});
    expect(state.count).toBe(0);
  });

  it('guards loops in handlers', () => {
    const m = edited('counter', () => [
      { op: 'setHandler', component: 'App', name: 'reset', body: 'while (true) {}' }
    ]);
    const { handlers } = evaluate(rootModule(m), m, 1000);
    expect(() => handlers.reset({ count: 1, step: 1 }, undefined, {}, {})).toThrow(/^E_RUNAWAY/);
  });
});

// ---------------------------------------------------------------------------------------------
// The guard transform

describe('instrument', () => {
  it('guards every kind of loop, making single statements blocks', () => {
    const out = instrumented(
      [
        'for (let i = 0; i < 3; i++) f(i);',
        'for (const k in o) {}',
        'for (const v of a) { g(v); }',
        'while (x) x--;',
        'do { y++; } while (y < 3);'
      ].join('\n')
    );
    expect(out).toContain('for (let i = 0; i < 3; i++) {\n  $guard();\n  f(i);\n}');
    expect(out).toContain('for (const k in o) {\n  $guard();\n}');
    expect(out).toContain('for (const v of a) {\n  $guard();\n  g(v);\n}');
    expect(out).toContain('while (x) {\n  $guard();\n  x--;\n}');
    expect(out).toContain('do {\n  $guard();\n  y++;\n} while (y < 3);');
    expect(count(out, '$guard()')).toBe(5);
  });

  it('guards function bodies, turning expression arrows into blocks', () => {
    const out = instrumented(
      [
        'function f() { "use strict"; return 1; }',
        'const g = function () {};',
        'const k = (x) => x + 1;',
        'const o = { m() { return 2; } };',
        'const nested = () => () => 3;'
      ].join('\n')
    );
    expect(out).toContain('function f() {\n  "use strict";\n\n  $guard();\n  return 1;\n}');
    expect(out).toContain('const g = function () {\n  $guard();\n};');
    expect(out).toContain('const k = x => {\n  $guard();\n  return x + 1;\n};');
    expect(out).toContain('m() {\n    $guard();\n    return 2;\n  }');
    expect(count(out, '$guard()')).toBe(6);
  });

  it('guards catch clauses, giving a binding to a catch without one', () => {
    const out = instrumented('try { a(); } catch { b(); }\ntry {} catch (e) { c(e); }');
    expect(out).toContain('catch ($e) {\n  $guard();\n  b();\n}');
    expect(out).toContain('catch (e) {\n  $guard();\n  c(e);\n}');
  });

  it('guards loops inside arrows inside expressions', () => {
    const ast = parse('xs.map((x) => { for (;;) {} })', { sourceType: 'script' });
    instrument(ast);
    expect(count(generate(ast).code, '$guard()')).toBe(2);
  });

  it('is idempotent', () => {
    const ast = parse('while (a) { for (;;) b(); } const f = () => 1; try {} catch {}', {
      sourceType: 'script'
    });
    instrument(ast);
    const once = generate(ast).code;
    instrument(ast);
    expect(generate(ast).code).toBe(once);
  });

  it('leaves code without loops, functions or catches alone', () => {
    expect(instrumented('state.count += 1;')).toBe('state.count += 1;');
  });
});

describe('createGuard', () => {
  it('allows the limit, then throws E_RUNAWAY on every call until reset', () => {
    const guard = createGuard(3);
    guard();
    guard();
    guard();
    expect(guard.tripped).toBe(false);
    expect(() => guard()).toThrow(/^E_RUNAWAY: /);
    expect(guard.tripped).toBe(true);
    expect(() => guard()).toThrow(/^E_RUNAWAY/);
    guard.reset();
    expect(guard.tripped).toBe(false);
    guard();
    guard();
    guard();
    expect(() => guard()).toThrow(/^E_RUNAWAY/);
  });

  it('cannot be changed by whoever holds it', () => {
    const guard = createGuard(1);
    expect(Object.isFrozen(guard)).toBe(true);
    expect(() => {
      (guard as unknown as { reset: () => void }).reset = () => {};
    }).toThrow(TypeError);
  });
});
