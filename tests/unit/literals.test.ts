/**
 * Literal slots (code/literals.ts, issue 13): literal props leave the module text, travel as a
 * table beside it, and the module cache key ignores their values, so a literal edit keeps the
 * module; `splitChanges` (runtime/compiled.ts) tells such an edit from a structural one.
 */
import { describe, expect, it } from 'vitest';
import { componentKey } from '../../src/lib/code/gate-core';
import { CompileGateCore } from '../../src/lib/code/gate-core';
import { componentLiterals, literalSlots, propShape } from '../../src/lib/code/literals';
import { moduleForm } from '../../src/lib/code/module';
import { compiledOf, splitChanges, type Compiled } from '../../src/lib/runtime/compiled';
import { planOps } from '../../src/lib/ops/plan';
import type { AppModel, JsonValue } from '../../src/lib/model/types';
import { nodesOfType, template } from './helpers';

function edited(model: AppModel, ops: unknown[]): AppModel {
  const plan = planOps(model, ops, undefined, { verify: () => [] });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

function compiled(model: AppModel): Map<string, Compiled> {
  const gate = new CompileGateCore();
  const result = gate.compile(model, undefined, { modules: true });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return new Map([...result.modules].map(([id, source]) => [id, compiledOf(model, id, source)]));
}

const todo = template('todo');
const root = todo.meta.root;
const text = nodesOfType(todo, 'Text')[0];

describe('literal slots', () => {
  it('gives every element one slot of its literal props, and Each items and If conditions their own', () => {
    const slots = literalSlots(todo, root);
    const elements = [...todo.nodes.values()].filter(
      (n) => n.component === root && n.type !== 'Each' && n.type !== 'If'
    );
    expect(slots.filter((s) => s.prop === null)).toHaveLength(elements.length);
    const module = moduleForm(todo, root);
    for (const slot of slots) {
      if (slot.prop === null) expect(module).toContain(`], ${slots.indexOf(slot)})`);
      else expect(module).toContain(`$lit(${slots.indexOf(slot)})`);
    }
    expect(componentLiterals(todo, root)).toEqual(slots.map((s) => s.value));
    const own = slots.find((s) => s.node === text.id)!;
    expect(own.value).toEqual({ text: text.props.text, tone: text.props.tone });
    expect(module).not.toContain(String(text.props.text));
  });

  it("leaves expressions, handlers, bindings, ids and an Each's `as` in the text", () => {
    for (const slot of literalSlots(todo, root)) {
      const values = slot.prop === null ? Object.values(slot.value as object) : [slot.value];
      for (const value of values) {
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          expect(Object.keys(value)).not.toContain('$expr');
          expect(Object.keys(value)).not.toContain('$handler');
          expect(Object.keys(value)).not.toContain('$bind');
        }
      }
      if (slot.prop === null) expect(Object.keys(slot.value as object)).not.toContain('id');
    }
    const module = moduleForm(todo, root);
    expect(module).toContain('$bind("draft", state.draft)');
    expect(module).toMatch(/item => item\.id, item =>/);
  });

  it('keeps the module text and its cache key across a literal edit', () => {
    const after = edited(todo, [{ op: 'setProp', id: text.id, name: 'text', value: 'Changed' }]);
    expect(moduleForm(after, root)).toBe(moduleForm(todo, root));
    expect(componentKey(after, root)).toBe(componentKey(todo, root));
    expect(componentLiterals(after, root)).not.toEqual(componentLiterals(todo, root));
  });

  it('keeps the cache key when a literal prop is added, changes it when a prop becomes code', () => {
    const before = componentKey(todo, root);
    const style = edited(todo, [
      { op: 'setProp', id: text.id, name: 'style', value: { color: 'muted' } }
    ]);
    expect(componentKey(style, root)).toBe(before);
    expect(moduleForm(style, root)).toBe(moduleForm(todo, root));
    const expr = edited(todo, [
      { op: 'setProp', id: text.id, name: 'text', value: { $expr: 'String(state.items.length)' } }
    ]);
    expect(componentKey(expr, root)).not.toBe(before);
  });

  it('shapes props without prototype tricks: a literal `__proto__` dropped, code kept as a key', () => {
    const props = JSON.parse('{"__proto__": {"polluted": true}, "text": "x"}');
    const shaped = propShape('Text', props) as Record<string, unknown>;
    expect(Object.getPrototypeOf(shaped)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(shaped)).toEqual([]);
    const code = JSON.parse('{"__proto__": {"$expr": "state.x"}, "text": "x"}');
    const kept = propShape('Text', code) as Record<string, unknown>;
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(kept)).toEqual(['__proto__']);
    const each = propShape('Each', JSON.parse('{"__proto__": 1, "items": [1]}')) as object;
    expect(Object.getPrototypeOf(each)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(each).sort()).toEqual(['__proto__', 'items']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('splitChanges', () => {
  const before = compiled(todo);

  it('sends a literal edit as the changed slot only', () => {
    const after = compiled(
      edited(todo, [{ op: 'setProp', id: text.id, name: 'text', value: 'Changed' }])
    );
    const changes = splitChanges(before, after.values());
    expect(changes.structural).toEqual([]);
    expect(changes.removed).toEqual([]);
    const slot = literalSlots(todo, root).findIndex((s) => s.node === text.id);
    const value: JsonValue = { text: 'Changed', tone: 'muted' };
    expect(changes.literals).toEqual([{ id: root, slots: [[slot, value]] }]);
  });

  it('sends a structural change whole', () => {
    const after = compiled(
      edited(todo, [
        { op: 'setProp', id: text.id, name: 'text', value: { $expr: 'String(state.draft)' } }
      ])
    );
    const changes = splitChanges(before, after.values());
    expect(changes.literals).toEqual([]);
    expect(changes.structural.map((c) => c.id)).toEqual([root]);
  });

  it('reports nothing for an unchanged app, and the removed components', () => {
    expect(splitChanges(before, compiled(todo).values())).toEqual({
      structural: [],
      literals: [],
      removed: []
    });
    expect(splitChanges(before, []).removed).toEqual([...before.keys()]);
  });
});

describe('the slot reader and the policy', () => {
  const gate = new CompileGateCore();
  const heading = nodesOfType(todo, 'Heading')[0];
  const refused: [string, unknown][] = [
    ['a call of the reader in an expression', { $expr: 'String($lit(0))' }],
    ['the reader as a value', { $expr: 'typeof $lit' }],
    ['a parameter that would shadow it', { $expr: '[1].map(($lit) => $lit)[0]' }]
  ];
  for (const [what, value] of refused) {
    it(`refuses ${what}`, () => {
      const model = edited(todo, [{ op: 'setProp', id: heading.id, name: 'text', value }]);
      const codes = gate.compile(model).errors.map((e) => e.code);
      expect(codes).toContain('E_POLICY_GLOBAL');
    });
  }

  it('refuses a handler that declares or assigns it', () => {
    for (const body of ['const $lit = () => 1;', '$lit = null;']) {
      const model = edited(todo, [{ op: 'setHandler', component: 'App', name: 'x', body }]);
      const codes = gate.compile(model).errors.map((e) => e.code);
      expect(codes.some((c) => c.startsWith('E_POLICY'))).toBe(true);
    }
  });
});
