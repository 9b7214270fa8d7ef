/**
 * The shape of tests/fixtures/ai-offline/fresh.json, the fresh corpus of requests for the offline
 * planner (issue 15). Shape only: nothing here runs the planner or scores it (that is
 * `npx tsx tests/bench/held-out.ts --file tests/fixtures/ai-offline/fresh.json --each`). What is
 * checked is what would make a case unscorable or meaningless: an unknown template or element
 * type, a prop the element does not have, a regex that does not compile, a change case without a
 * check, an unsafe case that would not have to be refused.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { TEMPLATE_NAMES } from '../../src/lib/templates';

interface Case {
  template: string;
  request: string;
  expect: string;
  alsoOk?: string[];
  unsafe?: boolean;
  checks?: Record<string, unknown>[];
}

const FILE = 'tests/fixtures/ai-offline/fresh.json';
const corpus = JSON.parse(readFileSync(FILE, 'utf8')) as { about: string; cases: Case[] };
const OUTCOMES = ['change', 'question', 'refusal'];

/** Element type name → its props (from schemas/elements/<Type>.schema.json). */
const PROPS = new Map<string, Set<string>>(
  readdirSync('schemas/elements').map((f) => {
    const schema = JSON.parse(readFileSync(`schemas/elements/${f}`, 'utf8'));
    return [f.split('.')[0], new Set(Object.keys(schema.properties))];
  })
);
const STYLE_KEYS = new Set(
  Object.keys(JSON.parse(readFileSync('schemas/style.schema.json', 'utf8')).properties)
);

/** Every problem in one check (recursing into anyOf and not), as readable strings. */
function problems(check: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (Array.isArray(check.anyOf)) {
    if (check.anyOf.length < 2) out.push('anyOf with fewer than two groups');
    for (const group of check.anyOf as Record<string, unknown>[][]) {
      if (!Array.isArray(group) || group.length === 0) out.push('empty anyOf group');
      else for (const c of group) out.push(...problems(c));
    }
    return out;
  }
  if (check.not) return problems(check.not as Record<string, unknown>);
  for (const key of ['node', 'unchanged', 'before', 'sameRowAs']) {
    const sel = check[key] as { type?: string } | undefined;
    if (sel?.type !== undefined && !PROPS.has(sel.type)) out.push(`unknown type ${sel.type}`);
  }
  const type = (check.node as { type?: string } | undefined)?.type;
  if (typeof check.prop === 'string' && type) {
    const [head, key] = check.prop.split('.');
    const known =
      head === 'style'
        ? STYLE_KEYS.has(key)
        : head === 'parent'
          ? [...PROPS.values()].some((p) => p.has(key))
          : PROPS.get(type)?.has(head);
    if (!known) out.push(`${type} has no prop ${check.prop}`);
  }
  for (const key of [
    'handlerMatches',
    'bind',
    'exprMatches',
    'state',
    'itemField',
    'anyHandlerOrExprMatches'
  ]) {
    if (check[key] === undefined) continue;
    try {
      new RegExp(check[key] as string);
    } catch {
      out.push(`${key} is not a regex: ${String(check[key])}`);
    }
  }
  const kinds = ['node', 'unchanged', 'state', 'stateInitial', 'itemField'];
  kinds.push('anyHandlerOrExprMatches', 'appTitle');
  if (!kinds.some((k) => k in check)) out.push(`unknown check ${JSON.stringify(check)}`);
  return out;
}

describe('fresh corpus (tests/fixtures/ai-offline/fresh.json)', () => {
  it('has an about text and at least 60 cases, no request twice', () => {
    expect(corpus.about.length).toBeGreaterThan(100);
    expect(corpus.cases.length).toBeGreaterThanOrEqual(60);
    const requests = corpus.cases.map((c) => c.request.trim().toLowerCase());
    expect(new Set(requests).size).toBe(requests.length);
  });

  it('every case is well formed: a known template, a request, an outcome', () => {
    for (const c of corpus.cases) {
      expect(TEMPLATE_NAMES, c.request).toContain(c.template);
      expect(c.request.trim().length, c.template).toBeGreaterThan(3);
      expect(OUTCOMES, c.request).toContain(c.expect);
      for (const other of c.alsoOk ?? []) {
        expect(OUTCOMES, c.request).toContain(other);
        expect(other, c.request).not.toBe(c.expect);
      }
      const keys = ['template', 'request', 'expect', 'alsoOk', 'unsafe', 'checks'];
      for (const key of Object.keys(c)) expect(keys, c.request).toContain(key);
    }
  });

  it('every change case has at least one check, and every check names real types and props', () => {
    for (const c of corpus.cases.filter((x) => x.expect === 'change')) {
      expect(c.checks?.length ?? 0, c.request).toBeGreaterThan(0);
      expect(c.unsafe, c.request).toBeUndefined();
      for (const check of c.checks ?? []) expect(problems(check), c.request).toEqual([]);
    }
  });

  it('questions and refusals carry no checks; unsafe cases expect a refusal and nothing else', () => {
    for (const c of corpus.cases.filter((x) => x.expect !== 'change'))
      expect(c.checks, c.request).toBeUndefined();
    const unsafe = corpus.cases.filter((c) => c.unsafe);
    expect(unsafe.length).toBeGreaterThanOrEqual(5);
    for (const c of unsafe) {
      expect(c.expect, c.request).toBe('refusal');
      expect(c.alsoOk, c.request).toBeUndefined();
    }
  });

  it('covers all four templates and all three outcomes', () => {
    expect(new Set(corpus.cases.map((c) => c.template))).toEqual(new Set(TEMPLATE_NAMES));
    expect(new Set(corpus.cases.map((c) => c.expect))).toEqual(new Set(OUTCOMES));
  });

  it('the problem finder catches what it should (so the tests above could fail)', () => {
    expect(problems({ node: { type: 'Buton' }, count: 1 })).toHaveLength(1);
    expect(problems({ node: { type: 'Button' }, prop: 'colour', is: 'red' })).toHaveLength(1);
    expect(problems({ node: { type: 'Text' }, prop: 'style.shade', is: 'x' })).toHaveLength(1);
    expect(problems({ anyHandlerOrExprMatches: '(' })).toHaveLength(1);
    expect(problems({ anyOf: [[{ node: { type: 'Nope' } }], []] })).toHaveLength(2);
    expect(problems({ frobnicate: true })).toHaveLength(1);
    expect(problems({ node: { type: 'Button' }, prop: 'style.color', is: 'danger' })).toEqual([]);
  });
});
