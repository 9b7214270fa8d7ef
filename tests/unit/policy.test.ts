/**
 * The policy stage over the fixture corpus in tests/fixtures/code: one folder per case, each a
 * unit and the error code it must produce (or "ok"). Add a case by adding a folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPolicy, policyContext, SAFE_GLOBALS } from '../../src/lib/code/policy';
import { parseUnit } from '../../src/lib/code/parse';
import type { CodeUnit, HandlerUse, LoopScope } from '../../src/lib/code/units';
import { ERROR_CATALOG, type EditError } from '../../src/lib/ops/errors';

const FIXTURES = join(import.meta.dirname, '../fixtures/code');
const COMPONENT = 'App';

/** One fixture: a unit and what the gate's first two stages must say about it. */
interface PolicyCase {
  kind: 'expr' | 'handler';
  source: string;
  /** Handler params. */
  params?: string[];
  /** Loops around an expression; for a handler without `uses`, the loops of its one use. */
  loops?: LoopScope[];
  /** Where a handler is used. */
  uses?: HandlerUse[];
  /** An error code that must be among the errors, or "ok" for none at all. */
  expect: string;
  /** Why the case is what it is, where that is not obvious. */
  note?: string;
}

function unitOf(c: PolicyCase): CodeUnit {
  if (c.kind === 'expr') {
    return {
      kind: 'expr',
      component: 'c1',
      node: 'n1',
      type: 'Text',
      prop: 'text',
      source: c.source,
      loops: c.loops ?? []
    };
  }
  const oneUse = c.loops && { node: 'n1', type: 'Button', prop: 'onClick', loops: c.loops };
  const uses = c.uses ?? (oneUse ? [oneUse] : []);
  return {
    kind: 'handler',
    component: 'c1',
    handler: 'act',
    params: c.params ?? [],
    source: c.source,
    uses
  };
}

/** Parse, then policy: the errors the gate would report for the unit up to the type check. */
function gate(unit: CodeUnit): EditError[] {
  const parsed = parseUnit(unit, COMPONENT);
  if (!parsed.ok) return [parsed.error];
  return checkPolicy(unit, parsed.ast, policyContext(unit, COMPONENT));
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const c = JSON.parse(readFileSync(join(FIXTURES, entry.name, 'case.json'), 'utf8'));
    return [entry.name, c as PolicyCase] as const;
  })
  .sort(([a], [b]) => (a < b ? -1 : 1));

describe('policy fixtures', () => {
  it.each(cases)('%s', (_name, c) => {
    const errors = gate(unitOf(c));
    if (c.expect === 'ok') {
      expect(errors).toEqual([]);
    } else {
      expect(errors.map((e) => e.code)).toContain(c.expect);
    }
    for (const error of errors) {
      expect(error.path).toMatch(/^\/(nodes|components)\//);
      expect(error.frame).toContain('^');
      expect(error.message.length).toBeGreaterThan(10);
    }
  });

  it('has enough cases and covers every policy code', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const expected = new Set(cases.map(([, c]) => c.expect));
    const codes = Object.keys(ERROR_CATALOG).filter(
      (code) => code.startsWith('E_POLICY_') || code === 'E_HANDLER_PARAM' || code === 'E_SYNTAX'
    );
    for (const code of codes) expect(expected, code).toContain(code);
    expect(expected).toContain('ok');
    for (const [, c] of cases) expect(['expr', 'handler']).toContain(c.kind);
  });
});

/** The errors of one expression, or of one handler body with optional params and uses. */
function exprErrors(source: string, loops: LoopScope[] = []): EditError[] {
  return gate(unitOf({ kind: 'expr', source, loops, expect: '' }));
}
function handlerErrors(source: string, extra: Partial<PolicyCase> = {}): EditError[] {
  return gate(unitOf({ kind: 'handler', source, expect: '', ...extra }));
}

describe('policy messages', () => {
  it('suggests the nearest name for a typo', () => {
    const [error] = exprErrors('stat.count');
    expect(error.code).toBe('E_POLICY_GLOBAL');
    expect(error.message).toBe('`stat` is not defined; did you mean `state`?');
    expect(error.path).toBe('/nodes/n1/props/text');
    const loops = [{ each: 'e1', as: 'item', items: 'state.items' }];
    expect(exprErrors('itme.title', loops)[0].message).toContain('did you mean `item`?');
    expect(exprErrors('Math.flor(1)')[0].message).toContain('did you mean `Math.floor`?');
  });

  it('lists the names in scope when nothing is near', () => {
    const [error] = exprErrors('zebra');
    expect(error.message).toContain('`zebra` is not defined');
    expect(error.message).toContain('`state`');
    expect(error.message).toContain('Math');
  });

  it('points to the capability for the clock, randomness and the network', () => {
    expect(exprErrors('Date.now()')[0].message).toBe(
      '`Date` is not available in app code; ask for the clock capability and use caps.clock.now()'
    );
    expect(exprErrors('Math.random()')[0].message).toContain('random capability');
    expect(handlerErrors("fetch('x');")[0].message).toContain('network capability');
  });

  it('tells a handler to change the state, not a loop value', () => {
    const loops = [{ each: 'e1', as: 'item', items: 'state.items' }];
    const errors = handlerErrors('item.done = true;', { params: ['item'], loops });
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe('E_POLICY_ASSIGN');
    expect(errors[0].message).toContain('change the state instead');
    expect(errors[0].message).toContain('state.items');
    expect(errors[0].path).toBe(`/components/${COMPONENT}/handlers/act`);
  });

  it('names the node whose use of a handler lacks the loop', () => {
    const uses = [
      { node: 'b1', type: 'Button', prop: 'onClick', loops: [] },
      { node: 'b2', type: 'Button', prop: 'onClick', loops: [] }
    ];
    const errors = handlerErrors('state.selected = item.id;', { params: ['item'], uses });
    expect(errors.map((e) => e.code)).toEqual(['E_HANDLER_PARAM', 'E_HANDLER_PARAM']);
    expect(errors[0].message).toContain('Button b1');
    expect(errors[1].message).toContain('Button b2');
    // The frame points at the first read of the param.
    expect(errors[0].frame).toContain('state.selected = item.id');
  });

  it('reports every violation, once per place', () => {
    const errors = exprErrors('Date.now() + fetch(x) + Date.now()');
    expect(errors.map((e) => e.code)).toEqual([
      'E_POLICY_GLOBAL',
      'E_POLICY_GLOBAL',
      'E_POLICY_GLOBAL',
      'E_POLICY_GLOBAL'
    ]);
    expect(new Set(errors.map((e) => e.frame)).size).toBe(4);
    // The same token twice in the same place is one error, both as text and as code.
    expect(exprErrors("import('x')").map((e) => e.code)).toEqual([
      'E_POLICY_SES_TOKEN',
      'E_POLICY_IMPORT'
    ]);
  });

  it('points the frame at the offending node', () => {
    const [error] = handlerErrors('state.a = 1;\nstate.b = Date.now();');
    expect(error.frame).toMatch(/> 2 \| state\.b = Date\.now\(\);\n\s+\|\s+\^/);
  });
});

describe('policyContext and SAFE_GLOBALS', () => {
  it('gives expressions their loops and handlers event and params', () => {
    const loops = [{ each: 'e1', as: 'row', items: 'state.rows' }];
    const expr = unitOf({ kind: 'expr', source: 'row', loops, expect: 'ok' });
    expect(policyContext(expr, 'App').names).toEqual(['state', 'props', 'caps', 'row']);
    const handler = unitOf({ kind: 'handler', source: '', params: ['row'], expect: 'ok' });
    expect(policyContext(handler, 'App').names).toEqual(['state', 'event', 'props', 'caps', 'row']);
  });

  it('keeps Math.random and Object.defineProperty out, and names on Object.prototype too', () => {
    expect(SAFE_GLOBALS.Math.members).not.toContain('random');
    expect(SAFE_GLOBALS.Math.members).toContain('floor');
    expect(SAFE_GLOBALS.Object.members).not.toContain('defineProperty');
    expect(Object.isFrozen(SAFE_GLOBALS)).toBe(true);
    expect(exprErrors('toString')[0].code).toBe('E_POLICY_GLOBAL');
    expect(exprErrors('constructor')[0].code).toBe('E_POLICY_GLOBAL');
  });
});
