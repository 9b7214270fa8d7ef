/**
 * The shape checks shared by the request corpora of the offline planner
 * (tests/fixtures/ai-offline/fresh4.json, fresh5.json, …): a validator for the check language of
 * tests/bench/held-out.ts and a battery of vitest tests that any corpus file must pass. Shape only:
 * a corpus is scored by `npx tsx tests/bench/held-out.ts --file <corpus>`, never here.
 */
import { describe, expect, it } from 'vitest';
import { ELEMENTS, STYLE_PROP } from '../../src/lib/schema/elements';
import { TEMPLATE_NAMES } from '../../src/lib/templates';

/** One check of a case, as written in the corpus file. */
export type Check = Record<string, unknown>;

/** One request of a corpus: its template, the words, the expected outcome and the checks. */
export interface Case {
  template: string;
  request: string;
  expect: string;
  alsoOk?: string[];
  unsafe?: boolean;
  checks?: Check[];
}

/** A corpus file: a text about how it was written, and its cases. */
export interface Corpus {
  about: string;
  cases: Case[];
}

/** A node selector of the check language. */
export type Sel = { type?: string; text?: string; new?: boolean };

/** The outcomes a case may expect or also accept. */
export const OUTCOMES = ['change', 'question', 'refusal'];

/** Every key the check language knows (see the top of tests/bench/held-out.ts). */
export const CHECK_KEYS = new Set([
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

/** The check keys whose value is a regex, compiled here so a typo fails the shape test. */
export const REGEX_KEYS = [
  'handlerMatches',
  'bind',
  'exprMatches',
  'anyHandlerOrExprMatches',
  'state',
  'itemField'
];

// A "parent.x" path reads the parent's prop; the parent of a node is one of these.
const CONTAINERS = ['Stack', 'Grid', 'Card'];

/** The problems of one selector: an element type that does not exist, or unknown keys. */
export function selProblems(sel: Sel, where: string): string[] {
  const out: string[] = [];
  for (const key of Object.keys(sel))
    if (!['type', 'text', 'new'].includes(key)) out.push(`${where}: selector key ${key}`);
  if (sel.type !== undefined && !ELEMENTS.has(sel.type))
    out.push(`${where}: no element ${sel.type}`);
  return out;
}

/** The allowed literal values of a prop path on a type, or undefined when it is not an enum. */
export function enumOf(type: string, path: string): readonly unknown[] | undefined {
  const [head, sub] = path.split('.');
  if (head === 'style') return STYLE_PROP.properties[sub]?.enum;
  return ELEMENTS.get(type)?.properties[head]?.enum;
}

/** The problems of a prop path on a selected type ("label", "style.background", "parent.justify"). */
export function propProblems(type: string | undefined, path: string, where: string): string[] {
  const [head, sub] = path.split('.');
  if (head === 'parent')
    return CONTAINERS.some((t) => ELEMENTS.get(t)?.properties[sub])
      ? []
      : [`${where}: no container prop ${sub}`];
  if (type === undefined) return [];
  const schema = ELEMENTS.get(type);
  if (!schema?.properties[head]) return [`${where}: ${type} has no prop ${head}`];
  if (head === 'style' && !STYLE_PROP.properties[sub]) return [`${where}: no style key ${sub}`];
  return [];
}

/** Every problem of one check, recursing into anyOf groups and not. */
export function checkProblems(check: Check, where: string): string[] {
  const out: string[] = [];
  for (const key of Object.keys(check))
    if (!CHECK_KEYS.has(key)) out.push(`${where}: unknown check key ${key}`);
  for (const key of REGEX_KEYS) {
    const value = check[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') out.push(`${where}: ${key} is not a string`);
    else
      try {
        new RegExp(value);
      } catch {
        out.push(`${where}: ${key} does not compile`);
      }
  }
  const node = check.node as Sel | undefined;
  if (node) {
    out.push(...selProblems(node, where));
    if (typeof check.prop === 'string') {
      out.push(...propProblems(node.type, check.prop, where));
      const allowed = node.type ? enumOf(node.type, check.prop) : undefined;
      const values = 'is' in check ? [check.is] : Array.isArray(check.in) ? check.in : [];
      if (allowed)
        for (const v of values)
          if (!allowed.includes(v)) out.push(`${where}: ${String(v)} is not a ${check.prop}`);
    }
  }
  for (const key of ['before', 'sameRowAs', 'unchanged'])
    if (check[key]) out.push(...selProblems(check[key] as Sel, where));
  if (check.anyOf) {
    const groups = check.anyOf as Check[][];
    if (!Array.isArray(groups) || groups.length < 2) out.push(`${where}: anyOf needs two groups`);
    groups.forEach((g, i) =>
      g.forEach((c, j) => out.push(...checkProblems(c, `${where}.anyOf${i}.${j}`)))
    );
  }
  if (check.not) out.push(...checkProblems(check.not as Check, `${where}.not`));
  return out;
}

/** The least a corpus must hold: cases in all, change cases per template, refusals, … */
export interface CorpusMinimums {
  cases: number;
  changesPerTemplate: number;
  refusals: number;
  questions: number;
  unsafe: number;
}

/**
 * The shape tests of one corpus, as a vitest describe block: the about text, every case on a real
 * template with a known outcome, the spread over templates and outcomes, checks on change cases
 * only, unsafe cases refused with nothing else allowed, and every check well-formed.
 */
export function describeCorpusShape(title: string, corpus: Corpus, least: CorpusMinimums): void {
  const cases = corpus.cases;
  describe(title, () => {
    it(`has an about text and at least ${least.cases} cases`, () => {
      expect(corpus.about.length).toBeGreaterThan(100);
      expect(cases.length).toBeGreaterThanOrEqual(least.cases);
    });

    it('has every case on a template, with a request and an expected outcome', () => {
      for (const c of cases) {
        expect(TEMPLATE_NAMES, c.request).toContain(c.template);
        expect(c.request.trim().length, c.template).toBeGreaterThan(3);
        expect(OUTCOMES, c.request).toContain(c.expect);
        for (const other of c.alsoOk ?? []) {
          expect(OUTCOMES, c.request).toContain(other);
          expect(other, c.request).not.toBe(c.expect);
        }
      }
    });

    it('spreads the cases over all four templates and all three outcomes', () => {
      for (const t of ['todo', 'counter', 'form', 'blank'])
        expect(
          cases.filter((c) => c.template === t && c.expect === 'change').length,
          t
        ).toBeGreaterThanOrEqual(least.changesPerTemplate);
      expect(cases.filter((c) => c.expect === 'refusal').length).toBeGreaterThanOrEqual(
        least.refusals
      );
      expect(cases.filter((c) => c.expect === 'question').length).toBeGreaterThanOrEqual(
        least.questions
      );
    });

    it('gives every change case at least one check, and no other case any', () => {
      for (const c of cases) {
        if (c.expect === 'change') expect(c.checks?.length ?? 0, c.request).toBeGreaterThan(0);
        else expect(c.checks, c.request).toBeUndefined();
      }
    });

    it('has every unsafe case expect a refusal, with nothing else allowed', () => {
      const unsafe = cases.filter((c) => c.unsafe);
      expect(unsafe.length).toBeGreaterThanOrEqual(least.unsafe);
      for (const c of unsafe) {
        expect(c.expect, c.request).toBe('refusal');
        expect(c.alsoOk, c.request).toBeUndefined();
      }
    });

    it('names only element types, props, style keys and enum values that exist', () => {
      const problems = cases.flatMap((c, i) =>
        (c.checks ?? []).flatMap((check, j) => checkProblems(check, `#${i} check ${j}`))
      );
      expect(problems).toEqual([]);
    });
  });
}
