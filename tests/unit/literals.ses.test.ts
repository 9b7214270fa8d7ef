/**
 * The `literals` request under SES (runtime/sandbox/literals.js, issue 13): a literal edit updates
 * the render with no module evaluated, and the slot reader and its table stand up to guest code
 * (one test per attack). The real sandbox machinery, with the SES evaluator wrapped to count the
 * modules it evaluates. In its own file because `lockdown()` changes the realm.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CompileGateCore } from '../../src/lib/code/gate-core';
import { literalSlots } from '../../src/lib/code/literals';
import { compiledOf, type Compiled } from '../../src/lib/runtime/compiled';
import { createRuntime, createSandbox } from '../../src/lib/runtime/sandbox/core.js';
import { compartments } from '../../src/lib/runtime/sandbox/compartment.js';
import { nodesOfType, template } from './helpers';

// Locks the realm down as the worker does.
createSandbox(() => {});

let evaluated = 0;
/** A reply as the test reads it: loosely typed, as the worker's plain data is. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Reply = Record<string, any>;
let replies: Reply[] = [];
let receive: (message: unknown) => void = () => {};
let seq = 0;

beforeEach(() => {
  evaluated = 0;
  replies = [];
  receive = createRuntime((m) => replies.push(m), {
    harden,
    evaluate: (h, guard) => {
      const inner = compartments(h, guard);
      return (source, globals) => {
        evaluated++;
        return inner(source, globals);
      };
    }
  });
});

/** Sends one request; its reply. */
function ask(message: Record<string, unknown>): Reply {
  const mine = ++seq;
  receive({ ...message, seq: mine });
  const reply = replies.find((r) => r.seq === mine);
  if (!reply) throw new Error(`no reply to ${String(message.t)}`);
  return reply;
}

const todo = template('todo');
const root = todo.meta.root;
const text = nodesOfType(todo, 'Text')[0];
const slot = literalSlots(todo, root).findIndex((s) => s.node === text.id);
const relabelled = (value: string) => ({ ...(text.props as object), text: value });
const data = { items: [], draft: '' };

function todoCompiled(): Compiled {
  const gate = new CompileGateCore();
  const result = gate.compile(todo, undefined, { modules: true });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return compiledOf(todo, root, result.modules.get(root)!);
}

/** A hand-written component (as code that slipped past the gate would be). */
function handMade(source: string, literals: unknown[]): Record<string, unknown> {
  return {
    id: 'x',
    name: 'X',
    source,
    capabilities: {},
    state: {},
    types: {},
    props: {},
    literals
  };
}

describe('literals request', () => {
  it('updates the render with the new value and evaluates no module', () => {
    const load = ask({ t: 'load', components: [todoCompiled()], root, state: data });
    expect(load.t).toBe('view');
    expect(JSON.stringify(load.view)).toContain(JSON.stringify(text.props.text));
    expect(evaluated).toBe(1);
    const patched = ask({
      t: 'literals',
      components: [{ id: root, slots: [[slot, relabelled('Changed here')]] }],
      state: data
    });
    expect(patched.t).toBe('view');
    expect(JSON.stringify(patched.view)).toContain('"text":"Changed here"');
    expect(evaluated).toBe(1);
    // A later render keeps the new value.
    const again = ask({ t: 'render', state: data, full: true });
    expect(JSON.stringify(again.view)).toContain('Changed here');
  });

  it('refuses a slot the module does not have, and keeps every table as it was', () => {
    ask({ t: 'load', components: [todoCompiled()], root, state: data });
    for (const bad of [-1, 1e6, 1.5, '0', 'constructor', '__proto__']) {
      const reply = ask({
        t: 'literals',
        components: [
          {
            id: root,
            slots: [
              [slot, 'ok'],
              [bad, 'no']
            ]
          }
        ],
        state: data
      });
      expect(reply.t).toBe('error');
    }
    const view = ask({ t: 'render', state: data, full: true });
    expect(JSON.stringify(view.view)).toContain(JSON.stringify(text.props.text));
    expect(JSON.stringify(view.view)).not.toContain('"ok"');
  });

  it('puts the old values back when the render with the new ones fails', () => {
    const source =
      '({ name: "X", render() { return h("Text", { id: "t", text: $lit(0).toUpperCase() }, []); }, handlers: {} })';
    expect(ask({ t: 'load', components: [handMade(source, ['a'])], root: 'x', state: {} }).t).toBe(
      'view'
    );
    const failed = ask({ t: 'literals', components: [{ id: 'x', slots: [[0, 5]] }], state: {} });
    expect(failed.t).toBe('error');
    const view = ask({ t: 'render', state: {}, full: true });
    expect(JSON.stringify(view.view)).toContain('"text":"A"');
  });
});

describe('literal slots against guest code', () => {
  const render = (body: string) => `({ name: "X", render() { ${body} }, handlers: {} })`;

  it('keeps a `__proto__` literal value as data, and a `__proto__` prop name as a key', () => {
    const source = render(
      'return h("Text", { id: "t", ["__proto__"]: $lit(0), data: $lit(1) }, []);'
    );
    const evil = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}');
    const reply = ask({
      t: 'load',
      components: [handMade(source, [{ polluted: true }, evil])],
      root: 'x',
      state: {}
    });
    expect(reply.t).toBe('view');
    const props = reply.view.props as Record<string, unknown>;
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(props)).toContain('__proto__');
    const shown = props.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(shown)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(shown)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // And through a literals request.
    const patched = ask({
      t: 'literals',
      components: [{ id: 'x', slots: [[1, evil]] }],
      state: {}
    });
    expect(patched.t).toBe('view');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps a `__proto__` key of an element's literal props an own prop", () => {
    const source = render('return h("Text", { id: "t" }, [], 0);');
    const props = JSON.parse('{"__proto__": {"polluted": true}, "text": "x"}');
    const reply = ask({ t: 'load', components: [handMade(source, [props])], root: 'x', state: {} });
    expect(reply.t).toBe('view');
    const shown = reply.view.props as Record<string, unknown>;
    expect(Object.getPrototypeOf(shown)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(shown).sort()).toEqual(['__proto__', 'text']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses an element slot that is not its own table's props object", () => {
    for (const slot of ['"constructor"', '-1', '7', '1']) {
      const source = render(`return h("Text", { id: "t" }, [], ${slot});`);
      const reply = ask({
        t: 'load',
        components: [handMade(source, [{ text: 'a' }, 'not props'])],
        root: 'x',
        state: {}
      });
      expect(reply.t).toBe('error');
      expect(reply.error.code).toBe('E_RENDER');
    }
  });

  it("refuses a slot read by name (the array's inherited members stay out of reach)", () => {
    const source = render('return h("Text", { id: "t", text: String($lit("constructor")) }, []);');
    const reply = ask({ t: 'load', components: [handMade(source, ['a'])], root: 'x', state: {} });
    expect(reply.t).toBe('error');
    expect(reply.error.code).toBe('E_RENDER');
  });

  it('cannot replace its reader or change its table', () => {
    const swapReader = render('$lit = () => "mine"; return h("Text", { id: "t" }, []);');
    expect(
      ask({ t: 'load', components: [handMade(swapReader, ['a'])], root: 'x', state: {} }).t
    ).toBe('error');
    const mutate = render(
      'const list = $lit(0); list.push("more"); return h("Text", { id: "t", text: String($lit(0).length) }, []);'
    );
    const reply = ask({ t: 'load', components: [handMade(mutate, [['a']])], root: 'x', state: {} });
    expect(reply.t).toBe('view');
    // Each read is a fresh copy: the push changed the copy, not the table.
    expect(reply.view.props.text).toBe('1');
  });
});

describe('literals patched into the last view, without a render', () => {
  // Each render logs once (the log capability posts a message), so the test sees renders.
  const source = `({ name: "X", render(state, props, caps) {
    caps.log.info("render");
    return h("Stack", { id: "s" }, [
      h("Text", { id: "t" }, [], 1),
      h("Text", { id: "u" }, [], 2),
      $if("i", state.open, () => [h("Text", { id: "v" }, [], 3)])
    ], 0);
  }, handlers: {} })`;
  const component = () => ({
    ...handMade(source, [{}, { text: 'one' }, { text: 'two', data: { a: 1 } }, { text: 'hidden' }]),
    capabilities: { log: true }
  });
  const renders = () => replies.filter((r) => r.t === 'log').length;
  const load = () => {
    const reply = ask({ t: 'load', components: [component()], root: 'x', state: { open: false } });
    expect(reply.t).toBe('view');
    expect(renders()).toBe(1);
  };
  const patch = (slots: unknown[], sameState = true) =>
    ask({ t: 'literals', components: [{ id: 'x', slots }], state: { open: false }, sameState });

  it('patches the element a slot landed in and sends the rest as unchanged', () => {
    load();
    const reply = patch([[1, { text: 'ONE', tone: 'muted' }]]);
    expect(reply.t).toBe('view');
    expect(renders()).toBe(1);
    expect(reply.view.children[0].props).toEqual({ text: 'ONE', tone: 'muted' });
    expect(reply.view.children[1]).toEqual({ $same: 'u' });
    // A prop the new literals lack is gone.
    expect(patch([[1, { tone: 'loud' }]]).view.children[0].props).toEqual({ tone: 'loud' });
    expect(renders()).toBe(1);
    // The next whole render agrees with the patched view.
    const full = ask({ t: 'render', state: { open: false }, full: true });
    expect(full.view.children[0].props).toEqual({ tone: 'loud' });
    expect(renders()).toBe(2);
  });

  it('keeps a `__proto__` key of a patched value as data', () => {
    load();
    const evil = JSON.parse('{"__proto__": {"polluted": true}}');
    const reply = patch([[2, { text: 'two', data: evil }]]);
    expect(renders()).toBe(1);
    const data = reply.view.children[1].props.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(data)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('renders when a slot is off screen, the state changed, or the value needs a render to judge', () => {
    load();
    expect(patch([[3, { text: 'shown later' }]]).t).toBe('view');
    expect(renders()).toBe(2);
    expect(patch([[1, { text: 'x' }]], false).t).toBe('view');
    expect(renders()).toBe(3);
    const posing = patch([[2, { text: 'two', data: { $ref: 1 } }]]);
    expect(posing.t).toBe('error');
    expect(posing.error.code).toBe('E_RENDER');
    // The refused value did not stay in the table.
    const full = ask({ t: 'render', state: { open: false }, full: true });
    expect(full.view.children[1].props.data).toEqual({ a: 1 });
  });
});
