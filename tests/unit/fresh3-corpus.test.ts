/**
 * The shape of the third fresh corpus (tests/fixtures/ai-offline/fresh3.json), never its score: it
 * stays untouched, so this test only keeps the file well-formed. Every case names a real template,
 * a request and an outcome; every change case carries checks; unsafe cases expect a refusal; every
 * check uses a key of the check language (tests/bench/held-out.ts), real element types, props and
 * style keys of the schemas, and regexes that compile.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { ELEMENTS } from '../../src/lib/schema/elements';
import { STYLE_KEYS, styleTokens } from '../../src/lib/schema/style';
import { TEMPLATE_NAMES } from '../../src/lib/templates';

interface Case {
  template: string;
  request: string;
  expect: string;
  alsoOk?: string[];
  unsafe?: boolean;
  checks?: Record<string, unknown>[];
}

const file = JSON.parse(
  readFileSync(new URL('../fixtures/ai-offline/fresh3.json', import.meta.url), 'utf8')
) as { about: unknown; cases: Case[] };
const cases = file.cases;

const OUTCOMES = ['change', 'question', 'refusal'];
const CHECK_KEYS = new Set([
  'node',
  'count',
  'prop',
  'is',
  'in',
  'gt',
  'handler',
  'handlerMatches',
  'bind',
  'before',
  'position',
  'unchanged',
  'state',
  'type',
  'initial',
  'absent',
  'stateInitial',
  'itemField',
  'of',
  'anyHandlerOrExprMatches',
  'appTitle',
  'anyOf',
  'not',
  'sameRowAs',
  'exprMatches'
]);
const REGEX_KEYS = ['handlerMatches', 'bind', 'exprMatches', 'state', 'itemField'];
const PROP_OPERATORS = ['is', 'in', 'gt', 'handler', 'handlerMatches', 'bind', 'exprMatches'];

/** Problems with one selector: unknown keys or an element type no schema defines. */
function selectorProblems(sel: unknown): string[] {
  if (!sel || typeof sel !== 'object') return ['selector is not an object'];
  const out: string[] = [];
  for (const key of Object.keys(sel))
    if (!['type', 'text', 'new'].includes(key)) out.push(`selector key ${key}`);
  const type = (sel as { type?: string }).type;
  if (type !== undefined && !ELEMENTS.has(type)) out.push(`unknown element type ${type}`);
  return out;
}

/**
 * Whether a prop path names a real prop: "size" on the node's type, "style.key" a style key,
 * "parent.x" a prop of some element (the parent's type is not known here).
 */
function propPathExists(type: string | undefined, path: string): boolean {
  let parts = path.split('.');
  let types = type ? [type] : [...ELEMENTS.keys()];
  while (parts[0] === 'parent' && parts.length > 1) {
    parts = parts.slice(1);
    types = [...ELEMENTS.keys()];
  }
  const [head, ...rest] = parts;
  if (head === 'style') return rest.length === 1 && STYLE_KEYS.includes(rest[0]);
  return rest.length === 0 && types.some((t) => head in (ELEMENTS.get(t)?.properties ?? {}));
}

/** Every problem with one check, recursing into anyOf and not. */
function checkProblems(check: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(check)) if (!CHECK_KEYS.has(key)) out.push(`check key ${key}`);
  for (const key of REGEX_KEYS) {
    if (typeof check[key] !== 'string') continue;
    try {
      new RegExp(check[key] as string);
    } catch {
      out.push(`bad regex in ${key}`);
    }
  }
  if (typeof check.anyHandlerOrExprMatches === 'string') {
    try {
      new RegExp(check.anyHandlerOrExprMatches);
    } catch {
      out.push('bad regex in anyHandlerOrExprMatches');
    }
  }
  if ('anyOf' in check) {
    const groups = check.anyOf as unknown[];
    if (!Array.isArray(groups) || groups.length < 2) out.push('anyOf needs two groups or more');
    for (const group of groups as Record<string, unknown>[][]) {
      if (!Array.isArray(group) || group.length === 0) out.push('empty anyOf group');
      else for (const inner of group) out.push(...checkProblems(inner));
    }
  }
  if ('not' in check) out.push(...checkProblems(check.not as Record<string, unknown>));
  if ('unchanged' in check) out.push(...selectorProblems(check.unchanged));
  if ('node' in check) {
    out.push(...selectorProblems(check.node));
    for (const key of ['before', 'sameRowAs'])
      if (key in check) out.push(...selectorProblems(check[key]));
    const type = (check.node as { type?: string }).type;
    if (typeof check.prop === 'string') {
      if (!propPathExists(type, check.prop)) out.push(`no prop ${check.prop} on ${type}`);
      const operators = PROP_OPERATORS.filter((k) => k in check).length + (check.absent ? 1 : 0);
      if (operators !== 1) out.push(`prop check ${check.prop} needs exactly one operator`);
      const [head, key] = check.prop.split('.');
      const values = 'is' in check ? [check.is] : 'in' in check ? (check.in as unknown[]) : [];
      if (head === 'style' && key) {
        for (const v of values)
          if (!styleTokens(key)?.includes(v as string)) out.push(`style.${key} ${v} is no token`);
      } else if (type && !key) {
        const allowed = ELEMENTS.get(type)?.properties[head]?.enum;
        for (const v of values)
          if (allowed && !allowed.includes(v as never))
            out.push(`${type}.${head} ${v} not in enum`);
      }
    } else if (!['count', 'before', 'position', 'sameRowAs'].some((k) => k in check)) {
      out.push('node check says nothing about the node');
    }
  }
  if ('itemField' in check && typeof check.of !== 'string') out.push('itemField without of');
  return out;
}

describe('fresh3 corpus (shape only, never scored here)', () => {
  test('has an about text and at least 60 cases', () => {
    expect(typeof file.about).toBe('string');
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  test('every case is well-formed, on a real template, with a unique request', () => {
    const seen = new Set<string>();
    for (const c of cases) {
      expect(TEMPLATE_NAMES, c.request).toContain(c.template);
      expect(c.request.trim().length, c.template).toBeGreaterThan(0);
      expect(seen.has(c.request), c.request).toBe(false);
      seen.add(c.request);
      expect(OUTCOMES, c.request).toContain(c.expect);
      for (const other of c.alsoOk ?? []) expect(OUTCOMES, c.request).toContain(other);
      expect(c.alsoOk ?? [], c.request).not.toContain(c.expect);
    }
  });

  test('every change case has checks, and only change cases have them', () => {
    for (const c of cases) {
      if (c.expect === 'change') expect(c.checks?.length ?? 0, c.request).toBeGreaterThan(0);
      else expect(c.checks, c.request).toBeUndefined();
    }
  });

  test('unsafe cases expect a refusal, and there are some', () => {
    const unsafe = cases.filter((c) => c.unsafe);
    expect(unsafe.length).toBeGreaterThanOrEqual(5);
    for (const c of unsafe) expect(c.expect, c.request).toBe('refusal');
  });

  test('the mix holds changes, questions and refusals', () => {
    const count = (e: string) => cases.filter((c) => c.expect === e).length;
    expect(count('change')).toBeGreaterThanOrEqual(45);
    expect(count('question')).toBeGreaterThanOrEqual(4);
    for (const t of ['todo', 'counter', 'form', 'blank'])
      expect(
        cases.filter((c) => c.template === t && c.expect === 'change').length,
        t
      ).toBeGreaterThan(5);
  });

  test('every check uses the check language, real types, props, tokens and valid regexes', () => {
    const problems = cases.flatMap((c) =>
      (c.checks ?? []).flatMap((check) => checkProblems(check).map((p) => `${c.request}: ${p}`))
    );
    expect(problems).toEqual([]);
  });

  test('the checker catches a malformed check (the validator itself can fail)', () => {
    expect(checkProblems({ node: { type: 'Buton' }, prop: 'label', is: 'x' })).not.toEqual([]);
    expect(checkProblems({ node: { type: 'Button' }, prop: 'colour', is: 'red' })).not.toEqual([]);
    expect(checkProblems({ node: { type: 'Button' }, prop: 'variant', is: 'green' })).not.toEqual(
      []
    );
    expect(
      checkProblems({ node: { type: 'Text' }, prop: 'style.background', in: ['red'] })
    ).not.toEqual([]);
    expect(checkProblems({ anyHandlerOrExprMatches: '(' })).not.toEqual([]);
    expect(checkProblems({ node: { type: 'Button' }, prop: 'label', is: 'Add' })).toEqual([]);
  });
});
