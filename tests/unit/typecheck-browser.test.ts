/**
 * The browser's TypeScript stage, without a browser: the checker over the bundled lib files
 * (src/lib/editor/typecheck-libs.ts, what the browser's type-check worker runs) gives the same
 * diagnostics as the server's checker over node_modules, for templates and for a set of broken
 * and correct expressions and handlers; and the gate worker's batch check sends TypeScript only
 * what a batch changed (nothing for a literal edit, so the worker is never loaded for one).
 */
import ts from 'typescript';
import { afterAll, describe, expect, test } from 'vitest';
import { TypeChecker } from '../../src/lib/code/typecheck';
import { CompileGateCore } from '../../src/lib/code/gate-core';
import { seededIds } from '../../src/lib/model/ids';
import { type AppModel, type Op } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { templateModel, TEMPLATE_NAMES } from '../../src/lib/templates';
import { BUNDLED_LIBS, LIB_DIRECTORY, readBundledLib } from '../../src/lib/editor/typecheck-libs';
import { checkBatch, typeJobs } from '../../src/lib/editor/gate-check';

/** The server's checker, reading TypeScript's lib files from disk; the names it read are kept. */
const read = new Set<string>();
const server = new TypeChecker({
  strict: true,
  readLib: (path) => {
    const text = ts.sys.readFile(path);
    if (text !== undefined) read.add(path.slice(path.lastIndexOf('/') + 1));
    return text;
  }
});
/** The browser's checker: the same class over the bundled lib text, no file system. */
const browser = new TypeChecker({
  strict: true,
  libDirectory: LIB_DIRECTORY,
  readLib: readBundledLib
});
afterAll(() => {
  server.dispose();
  browser.dispose();
});

const OWNER = { id: 'owner-test', role: 'owner' } as const;

function edited(ops: (m: AppModel) => Op[]): AppModel {
  const model = templateModel('todo', seededIds(1));
  const plan = planOps(model, ops(model));
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

function idOf(model: AppModel, type: string): string {
  const found = [...model.nodes.values()].find((n) => n.type === type);
  if (!found) throw new Error(`no ${type}`);
  return found.id;
}

const setExpr = (id: string, name: string, source: string): Op => ({
  op: 'setProp',
  id,
  name,
  value: { $expr: source }
});

/** Expressions for the todo's Button.disabled, and handler bodies: right, wrong, and odd. */
const EXPRESSIONS = [
  'state.draft.trim().length === 0',
  'state.draft.trim().lenght === 0',
  'state.items.length',
  'state.items.map((i) => i.title).join(", ").toUpperCase() === ""',
  'state.items.find((i) => i.done)?.title.padStart(3) === "x"',
  'Object.entries(state).length > 0 && Number.isInteger(1.5)',
  '[1, 2, 3].includes(state.items.length) || "abc".at(-1) === "c"',
  'state.nope',
  'Object.fromEntries([["a", 1]]).a === "1"',
  'JSON.parse("1") && state.draft.replaceAll("a", "b") === ""'
];
const HANDLERS = [
  'state.items.push({ id: state.items.length + 1, title: state.draft, done: false });',
  'state.items = state.items.filter((i) => !i.done); state.draft = 3;',
  'const x = new Map(); state.draft = String(x.size);',
  'for (const item of state.items) { item.done = !item.done; }',
  'state.items.sort((a, b) => a.title.localeCompare(b.title)).reverse(); state.titel = "";'
];

describe('the bundled lib files', () => {
  test('hold every lib file the server checker reads, and nothing else', () => {
    server.check(
      templateModel('todo', seededIds(1)),
      templateModel('todo', seededIds(1)).meta.root
    );
    expect(read.size).toBeGreaterThan(10);
    expect([...BUNDLED_LIBS.keys()].sort()).toEqual([...read].sort());
    for (const name of read)
      expect(BUNDLED_LIBS.get(name), name).toBe(ts.sys.readFile(`${server_lib()}/${name}`));
  });

  test('a path outside the lib folder reads nothing', () => {
    expect(readBundledLib(`${LIB_DIRECTORY}/lib.es5.d.ts`)).toBe(BUNDLED_LIBS.get('lib.es5.d.ts'));
    expect(readBundledLib('/etc/lib.es5.d.ts')).toBeUndefined();
    expect(readBundledLib(`${LIB_DIRECTORY}/lib.dom.d.ts`)).toBeUndefined();
  });
});

function server_lib(): string {
  return ts.getDefaultLibFilePath({}).replace(/[\\/][^\\/]*$/, '');
}

describe('the browser checker gives the server checker’s diagnostics', () => {
  test.each(TEMPLATE_NAMES)('template %s', (name) => {
    const model = templateModel(name, seededIds(1));
    for (const id of model.components.keys())
      expect(browser.check(model, id)).toEqual(server.check(model, id));
  });

  test.each(EXPRESSIONS)('expression %s', (source) => {
    const model = edited((m) => [setExpr(idOf(m, 'Button'), 'disabled', source)]);
    const expected = server.check(model, model.meta.root);
    expect(browser.check(model, model.meta.root)).toEqual(expected);
  });

  test.each(HANDLERS)('handler %s', (body) => {
    const model = edited(() => [
      { op: 'setHandler', component: 'App', name: 'probe', params: [], body } as Op
    ]);
    const expected = server.check(model, model.meta.root);
    expect(browser.check(model, model.meta.root)).toEqual(expected);
  });

  test('the set holds both verdicts', () => {
    // Guards the differential test against a set where everything passes (or fails).
    const verdicts = EXPRESSIONS.map((source) => {
      const model = edited((m) => [setExpr(idOf(m, 'Button'), 'disabled', source)]);
      return browser.check(model, model.meta.root).length > 0;
    });
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });
});

describe('what the gate worker sends to TypeScript', () => {
  const gate = new CompileGateCore();
  const todo = templateModel('todo', seededIds(1));
  const button = idOf(todo, 'Button');
  const root = todo.meta.root;

  test('a literal edit sends nothing', () => {
    const check = checkBatch(
      gate,
      todo,
      [{ op: 'setProp', id: button, name: 'label', value: 'Go' }],
      OWNER
    );
    expect(check).toEqual({ errors: [] });
  });

  test('an expression edit sends that expression only', () => {
    const check = checkBatch(
      gate,
      todo,
      [setExpr(button, 'disabled', 'state.draft === ""')],
      OWNER
    );
    expect(check.errors).toEqual([]);
    expect(check.types?.jobs).toEqual([
      {
        component: root,
        units: [expect.objectContaining({ kind: 'expr', node: button, prop: 'disabled' })]
      }
    ]);
    // The model handed over is the slim one: no nodes, no handler bodies.
    expect(check.types?.model.nodes.size).toBe(0);
  });

  test('a handler edit sends the handler; a state type change sends every unit', () => {
    const handler = checkBatch(
      gate,
      todo,
      [
        { op: 'setHandler', component: 'App', name: 'probe', params: [], body: 'state.draft = "";' }
      ],
      OWNER
    );
    expect(handler.types?.jobs[0].units.map((u) => u.kind)).toEqual(['handler']);
    const plan = planOps(todo, [
      { op: 'addState', component: 'App', name: 'extra', type: 'number', initial: 0 }
    ]);
    if (!plan.ok) throw new Error('did not plan');
    const all = typeJobs(todo, plan.model, plan.touched);
    expect(all[0].units.length).toBeGreaterThan(3);
  });

  test('syntax and policy errors come back before TypeScript', () => {
    const syntax = checkBatch(gate, todo, [setExpr(button, 'disabled', 'state.draft ===')], OWNER);
    expect(syntax.errors.map((e) => e.code)).toEqual(['E_SYNTAX']);
    expect(syntax.types).toBeUndefined();
    const policy = checkBatch(gate, todo, [setExpr(button, 'disabled', 'window.x')], OWNER);
    expect(policy.errors.map((e) => e.code)).toEqual(['E_POLICY_GLOBAL']);
  });

  test('more code than the server would check is refused here', () => {
    // Each handler within the field limit; together past the check's.
    const body = `state.draft = ${JSON.stringify('x'.repeat(9_000))};`;
    const ops = Array.from({ length: 24 }, (_, i) => ({
      op: 'setHandler',
      component: 'App',
      name: `h${i}`,
      params: [],
      body
    }));
    const check = checkBatch(gate, todo, ops, OWNER);
    expect(check.errors.map((e) => e.code)).toEqual(['E_CODE_TOO_LARGE']);
  });
});
