/**
 * The second fresh corpus of requests for the offline planner (tests/fixtures/ai-offline/fresh2.json,
 * issue 15) is well-formed: enough cases, each with a real template, a request and an expected
 * outcome; every change case carries checks; every unsafe case expects a refusal; and every check
 * names element types, props, style keys and regexes that exist, so a check can only fail on what
 * the planner did, never on a typo in the corpus. The file is validated here, not scored (the
 * held-out bench scores it).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ELEMENTS, STYLE_PROP } from '../../src/lib/schema/elements';
import { TEMPLATE_NAMES } from '../../src/lib/templates';

interface Case {
  template: string;
  request: string;
  expect: string;
  alsoOk?: string[];
  unsafe?: boolean;
  checks?: Record<string, unknown>[];
}

const path = join(import.meta.dirname, '../fixtures/ai-offline/fresh2.json');
const file = JSON.parse(readFileSync(path, 'utf8')) as { about: string; cases: Case[] };
const OUTCOMES = ['change', 'question', 'refusal'];
/** Every key the check language of tests/bench/held-out.ts knows. */
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
  'exprMatches',
  'absent',
  'before',
  'position',
  'sameRowAs',
  'unchanged',
  'state',
  'type',
  'initial',
  'stateInitial',
  'itemField',
  'of',
  'anyHandlerOrExprMatches',
  'appTitle',
  'anyOf',
  'not'
]);
const REGEX_KEYS = [
  'handlerMatches',
  'exprMatches',
  'bind',
  'state',
  'itemField',
  'anyHandlerOrExprMatches'
];
const SELECTOR_KEYS = ['node', 'before', 'sameRowAs', 'unchanged'];
const styleKeys = new Set(Object.keys(STYLE_PROP.properties ?? {}));
const anyElementHas = (prop: string) => [...ELEMENTS.values()].some((s) => prop in s.properties);

/** The problems of one check (recursing into anyOf and not); empty when it is well-formed. */
function problems(check: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(check)) if (!CHECK_KEYS.has(key)) out.push(`unknown key ${key}`);
  if (Array.isArray(check.anyOf)) {
    if (check.anyOf.length < 2) out.push('anyOf with fewer than two groups');
    for (const group of check.anyOf as Record<string, unknown>[][]) {
      if (!Array.isArray(group) || group.length === 0) out.push('empty anyOf group');
      else for (const c of group) out.push(...problems(c));
    }
    return out;
  }
  if (check.not) return [...out, ...problems(check.not as Record<string, unknown>)];
  for (const key of SELECTOR_KEYS) {
    const sel = check[key] as { type?: string; text?: unknown; new?: unknown } | undefined;
    if (sel === undefined) continue;
    for (const k of Object.keys(sel))
      if (!['type', 'text', 'new'].includes(k)) out.push(`selector key ${k}`);
    if (sel.type !== undefined && !ELEMENTS.has(sel.type)) out.push(`unknown type ${sel.type}`);
  }
  if (typeof check.prop === 'string') {
    const [head, sub] = check.prop.split('.');
    const type = (check.node as { type?: string } | undefined)?.type;
    const schema = type ? ELEMENTS.get(type) : undefined;
    if (head === 'style') {
      if (!styleKeys.has(sub)) out.push(`unknown style key ${sub}`);
      if (schema && !('style' in schema.properties)) out.push(`${type} takes no style`);
    } else if (head === 'parent') {
      if (!anyElementHas(sub)) out.push(`no element has ${sub}`);
    } else if (schema && !(head in schema.properties)) out.push(`${type} has no prop ${head}`);
    else if (!schema && !anyElementHas(head)) out.push(`no element has ${head}`);
  }
  for (const key of REGEX_KEYS) {
    if (check[key] === undefined) continue;
    try {
      new RegExp(String(check[key]));
    } catch {
      out.push(`bad regex in ${key}`);
    }
  }
  return out;
}

describe('fresh2 corpus (issue 15)', () => {
  it('has at least 60 cases and says what it is', () => {
    expect(file.about.length).toBeGreaterThan(100);
    expect(file.cases.length).toBeGreaterThanOrEqual(60);
  });

  it('has well-formed cases on real templates', () => {
    for (const c of file.cases) {
      expect(TEMPLATE_NAMES, c.request).toContain(c.template);
      expect(c.request.trim().length, c.template).toBeGreaterThan(0);
      expect(OUTCOMES, c.request).toContain(c.expect);
      for (const other of c.alsoOk ?? []) {
        expect(OUTCOMES, c.request).toContain(other);
        expect(other, c.request).not.toBe(c.expect);
      }
    }
    const requests = file.cases.map((c) => c.request);
    expect(new Set(requests).size).toBe(requests.length);
  });

  it('gives every change case checks, and no other case any', () => {
    for (const c of file.cases) {
      if (c.expect === 'change') expect(c.checks?.length ?? 0, c.request).toBeGreaterThan(0);
      else expect(c.checks, c.request).toBeUndefined();
    }
  });

  it('expects a refusal for every unsafe case', () => {
    const unsafe = file.cases.filter((c) => c.unsafe);
    expect(unsafe.length).toBeGreaterThanOrEqual(6);
    for (const c of unsafe) expect(c.expect, c.request).toBe('refusal');
  });

  it('covers all four templates and all three outcomes', () => {
    expect(new Set(file.cases.map((c) => c.template))).toEqual(new Set(TEMPLATE_NAMES));
    expect(new Set(file.cases.map((c) => c.expect))).toEqual(new Set(OUTCOMES));
  });

  it('writes checks only with element types, props, style keys and regexes that exist', () => {
    const found = file.cases.flatMap((c) =>
      (c.checks ?? []).flatMap((check) => problems(check).map((p) => `${c.request}: ${p}`))
    );
    expect(found).toEqual([]);
  });

  it('would catch a typo in a check', () => {
    expect(problems({ node: { type: 'Buton' }, count: 1 })).toEqual(['unknown type Buton']);
    expect(problems({ node: { type: 'Button' }, prop: 'colour', is: 'red' })).toEqual([
      'Button has no prop colour'
    ]);
    expect(problems({ node: { type: 'Text' }, prop: 'style.colour', is: 'danger' })).toEqual([
      'unknown style key colour'
    ]);
    expect(problems({ anyHandlerOrExprMatches: '(' })).toEqual([
      'bad regex in anyHandlerOrExprMatches'
    ]);
    expect(problems({ nod: { type: 'Text' } })).toEqual(['unknown key nod']);
  });
});
