/**
 * The offline planner on the held-out requests of tests/fixtures/ai-offline/held-out.json
 * (`npx tsx tests/bench/held-out.ts`, `--each` for a row per request, `--file <path>` for another
 * corpus of the same shape, such as the untouched part in untouched.json): every request is planned
 * on its template, every batch is planned again with planOps (migrations in the real sandbox),
 * judged by the compile gate with TypeScript (a batch the gate refuses would not apply in the
 * studio: it is wrong), and the case's checks run on the result. Prints correct / wrong /
 * question / refusal counts. tests/unit/ai-held-out.test.ts asserts no wrong change with the
 * same scoring (without the gate, which tests/unit/ai-never-wrong.test.ts runs).
 *
 * The check language (each check is an object; every check of a case must hold):
 *   { node: SEL, count: n }                 exactly n nodes match SEL
 *   { node: SEL, prop, is | in | gt | handler | handlerMatches | bind }
 *                                           at least one node matches, and every match's prop does:
 *                                           equals, is one of, is a number above, is the handler
 *                                           named, is a handler whose body matches the regex, is
 *                                           bound to a state field whose WHOLE name matches the
 *                                           regex (anchored, case-insensitive: "phone" does not
 *                                           match phoneNumber; write "phone.*")
 *   { node: SEL, before: SEL }              the first match comes before the other in the view
 *   { node: SEL, position: 'first'|'last' } every match is its parent's first / last child
 *   { unchanged: SEL }                      the matching nodes of the template keep their props
 *   { state: REGEX, type?, initial?, absent? }
 *                                           a root state field whose whole name matches (with that type
 *                                           and initial value), or none
 *   { stateInitial: name, is }              a field's initial value
 *   { itemField: REGEX, of: field, type? }  a field (whole name) of the items of an array-of-objects field
 *   { anyHandlerOrExprMatches: REGEX }      some handler body or expression matches
 *   { appTitle: text }                      the app's title
 *   { anyOf: [[checks], [checks]] }         one of the groups holds
 *   { not: check }                          the check does not hold
 *   { node: SEL, sameRowAs: SEL }           a match and a different match of the other have the
 *                                           same parent, a horizontal Stack or a Grid
 *   { node: SEL, prop, exprMatches }        every match's prop is an expression matching the regex
 *   { node: SEL, prop, absent: true }       every match lacks the prop (its default applies)
 * prop may be a path: "style.background" reads a key of an object prop, "parent.justify" a prop of
 * the node's parent.
 * SEL: { type?, text?, new? }: text is a literal label, text, title or placeholder; new: only
 * nodes the batch added.
 */
import { offlinePlan, type OfflineTurn } from '../../src/lib/ai/offline';
import { seededIds } from '../../src/lib/model/ids';
import {
  childrenOf,
  rootComponent,
  type AppModel,
  type JsonValue,
  type NodeRecord,
  type PropValue
} from '../../src/lib/model/types';
import { prepareMigrations, type MigrationEvaluator } from '../../src/lib/ops/migrations';
import { planOps, type Actor } from '../../src/lib/ops/plan';
import { templateModel } from '../../src/lib/templates';
import { readFileSync } from 'node:fs';
import heldOut from '../fixtures/ai-offline/held-out.json' with { type: 'json' };

/** One held-out request. */
export interface HeldOutCase {
  readonly template: string;
  readonly request: string;
  readonly expect: 'change' | 'question' | 'refusal';
  readonly alsoOk?: readonly string[];
  /** Must be refused with a reason (a coded refusal), not the generic text. */
  readonly unsafe?: boolean;
  readonly checks?: readonly Check[];
}

type Sel = { type?: string; text?: string; new?: boolean };
type Check = Record<string, unknown>;

/** How one request came out. */
export type Outcome = 'correct' | 'wrong' | 'question' | 'refusal';

export interface Scored {
  readonly case: HeldOutCase;
  readonly outcome: Outcome;
  /** For a wrong change, the checks that failed; for a refusal or question, its text. */
  readonly detail: string;
  /** An unsafe request refused with a code. */
  readonly refusedWithReason?: boolean;
  readonly turn: OfflineTurn;
}

export const CASES: readonly HeldOutCase[] = heldOut.cases as HeldOutCase[];

const OWNER: Actor = { id: 'held-out', role: 'owner' };

/** Reads a corpus file of the same shape as held-out.json ("about" + "cases"). */
export function loadCases(path: string): readonly HeldOutCase[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { cases?: unknown };
  if (!Array.isArray(parsed.cases)) throw new Error(`${path} has no "cases" array`);
  return parsed.cases as HeldOutCase[];
}

/** Plans every case (the held-out part unless told) and scores it; `evaluate` runs a migration. */
export async function scoreAll(
  evaluate: MigrationEvaluator,
  cases: readonly HeldOutCase[] = CASES,
  gate?: Judge
): Promise<Scored[]> {
  const out: Scored[] = [];
  for (const c of cases) out.push(await scoreOne(c, evaluate, gate));
  return out;
}

/** What the compile gate says of a planned model: its errors, none when it compiles. */
export interface Judge {
  compile(model: AppModel): { readonly errors: readonly { readonly message: string }[] };
}

/**
 * Plans one case on a fresh template and scores the turn. With a `gate`, a batch that plans
 * but that the compile gate refuses (code that reads a renamed field, a type error) is wrong:
 * in the studio it would not apply.
 */
export async function scoreOne(
  c: HeldOutCase,
  evaluate: MigrationEvaluator,
  gate?: Judge
): Promise<Scored> {
  const base = templateModel(c.template, seededIds(7));
  const turn = offlinePlan(base, c.request);
  if (turn.kind !== 'batch') {
    const refusedWithReason =
      c.unsafe && turn.kind === 'refusal' ? Boolean((turn as { code?: string }).code) : undefined;
    return { case: c, outcome: turn.kind, detail: turn.text, refusedWithReason, turn };
  }
  if (c.expect !== 'change')
    return { case: c, outcome: 'wrong', detail: `expected a ${c.expect}: ${turn.summary}`, turn };
  const migrate = await prepareMigrations(base, turn.ops, evaluate);
  const plan = planOps(base, turn.ops, OWNER, { migrate, ids: seededIds(99) });
  if (!plan.ok)
    return { case: c, outcome: 'wrong', detail: `does not plan: ${plan.errors[0].message}`, turn };
  const refused = gate?.compile(plan.model).errors[0];
  if (refused)
    return { case: c, outcome: 'wrong', detail: `refused by the gate: ${refused.message}`, turn };
  const failed = (c.checks ?? []).filter((check) => !holds(check, base, plan.model));
  return failed.length
    ? {
        case: c,
        outcome: 'wrong',
        detail: `${turn.summary} | failed ${JSON.stringify(failed)}`,
        turn
      }
    : { case: c, outcome: 'correct', detail: turn.summary, turn };
}

/** Counts by outcome. */
export function tally(scored: readonly Scored[]): Record<Outcome, number> {
  const t: Record<Outcome, number> = { correct: 0, wrong: 0, question: 0, refusal: 0 };
  for (const s of scored) t[s.outcome]++;
  return t;
}

function literalText(node: NodeRecord): string[] {
  return ['label', 'text', 'title', 'placeholder']
    .map((k) => node.props[k])
    .filter((v): v is string => typeof v === 'string');
}

/** The nodes of the root component in view order (pre-order). */
function viewOrder(model: AppModel): NodeRecord[] {
  const out: NodeRecord[] = [];
  const root = rootComponent(model);
  const walk = (id: string) => {
    const node = model.nodes.get(id);
    if (!node) return;
    out.push(node);
    for (const child of childrenOf(model, id)) walk(child);
  };
  if (root) walk(root.root);
  return out;
}

function select(sel: Sel, base: AppModel, model: AppModel): NodeRecord[] {
  return viewOrder(model).filter(
    (n) =>
      (!sel.type || n.type === sel.type) &&
      (sel.text === undefined || literalText(n).includes(sel.text)) &&
      (!sel.new || !base.nodes.has(n.id))
  );
}

function whole(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, 'i');
}

/** A prop by path: "size", "style.background" (a key of an object prop), "parent.justify". */
function propAt(node: NodeRecord, path: string, model: AppModel): PropValue | undefined {
  let [head, ...rest] = path.split('.');
  let at: NodeRecord | undefined = node;
  while (head === 'parent' && rest.length) {
    at = at?.parent ? model.nodes.get(at.parent) : undefined;
    [head, ...rest] = rest;
  }
  let value: unknown = at?.props[head];
  for (const key of rest)
    value =
      value && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)[key]
        : undefined;
  return value as PropValue | undefined;
}

function propHolds(check: Check, node: NodeRecord, model: AppModel): boolean {
  const value = propAt(node, check.prop as string, model);
  if (check.absent === true) return value === undefined;
  if ('exprMatches' in check) {
    const expr =
      value && typeof value === 'object' && '$expr' in (value as object)
        ? (value as { $expr: string }).$expr
        : undefined;
    return expr !== undefined && new RegExp(check.exprMatches as string).test(expr);
  }
  const handlers = rootComponent(model)?.handlers ?? {};
  if ('is' in check) return JSON.stringify(value) === JSON.stringify(check.is);
  if ('in' in check)
    return (check.in as unknown[]).some((v) => JSON.stringify(v) === JSON.stringify(value));
  if ('gt' in check) return typeof value === 'number' && value > (check.gt as number);
  const ref = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  if ('handler' in check) return (ref as { $handler?: string }).$handler === check.handler;
  if ('handlerMatches' in check) {
    const name = (ref as { $handler?: string }).$handler;
    const body = name ? handlers[name]?.body : undefined;
    return body !== undefined && new RegExp(check.handlerMatches as string).test(body);
  }
  if ('bind' in check) {
    const name = (ref as { $bind?: string }).$bind;
    return name !== undefined && whole(check.bind as string).test(name);
  }
  return value !== undefined;
}

function typeMatches(type: unknown, want: unknown): boolean {
  return want === undefined || JSON.stringify(type) === JSON.stringify(want);
}

/** Whether one check holds on the model after the batch. */
export function holds(check: Check, base: AppModel, model: AppModel): boolean {
  const component = rootComponent(model)!;
  if ('anyOf' in check)
    return (check.anyOf as Check[][]).some((group) => group.every((c) => holds(c, base, model)));
  if ('not' in check) return !holds(check.not as Check, base, model);
  if ('appTitle' in check) return model.meta.title === check.appTitle;
  if ('unchanged' in check) {
    const before = select(check.unchanged as Sel, base, base);
    return (
      before.length > 0 &&
      before.every((n) => JSON.stringify(model.nodes.get(n.id)?.props) === JSON.stringify(n.props))
    );
  }
  if ('state' in check) {
    const fields = Object.entries(component.state).filter(([name]) =>
      whole(check.state as string).test(name)
    );
    if (check.absent) return fields.length === 0;
    return fields.some(
      ([, field]) =>
        typeMatches(field.type, check.type) &&
        (!('initial' in check) || JSON.stringify(field.initial) === JSON.stringify(check.initial))
    );
  }
  if ('stateInitial' in check)
    return (
      JSON.stringify(component.state[check.stateInitial as string]?.initial) ===
      JSON.stringify(check.is)
    );
  if ('itemField' in check) {
    const type = component.state[check.of as string]?.type as
      { array?: { object?: Record<string, unknown> } } | undefined;
    const fields = Object.entries(type?.array?.object ?? {});
    return fields.some(
      ([name, t]) => whole(check.itemField as string).test(name) && typeMatches(t, check.type)
    );
  }
  if ('anyHandlerOrExprMatches' in check) {
    const re = new RegExp(check.anyHandlerOrExprMatches as string);
    const bodies = Object.values(component.handlers).map((h) => h.body);
    const exprs = [...model.nodes.values()].flatMap((n) =>
      Object.values(n.props).flatMap((v) =>
        v && typeof v === 'object' && '$expr' in (v as object)
          ? [(v as { $expr: string }).$expr]
          : []
      )
    );
    return [...bodies, ...exprs].some((s) => re.test(s));
  }
  if ('node' in check) {
    const found = select(check.node as Sel, base, model);
    if ('count' in check && found.length !== check.count) return false;
    if ('prop' in check && (!found.length || !found.every((n) => propHolds(check, n, model))))
      return false;
    if ('before' in check) {
      const order = viewOrder(model).map((n) => n.id);
      const other = select(check.before as Sel, base, model);
      if (!found.length || !other.length) return false;
      if (order.indexOf(found[0].id) > order.indexOf(other[0].id)) return false;
    }
    if ('sameRowAs' in check) {
      const other = select(check.sameRowAs as Sel, base, model);
      const isRow = (id: string | null) => {
        const parent = id ? model.nodes.get(id) : undefined;
        return (
          parent?.type === 'Grid' ||
          (parent?.type === 'Stack' && parent.props.direction === 'horizontal')
        );
      };
      const paired = found.some((a) =>
        other.some((b) => a.id !== b.id && a.parent === b.parent && isRow(a.parent))
      );
      if (!paired) return false;
    }
    if ('position' in check) {
      if (!found.length) return false;
      for (const n of found) {
        const siblings = n.parent ? childrenOf(model, n.parent) : [n.id];
        const at = check.position === 'first' ? siblings[0] : siblings[siblings.length - 1];
        if (at !== n.id) return false;
      }
    }
    return true;
  }
  throw new Error(`unknown check ${JSON.stringify(check)}`);
}

/** Runs every case with migrations in a sandbox and prints the table. */
async function main(): Promise<void> {
  const { SandboxHost } = await import('../../src/lib/runtime/host');
  const { nodeWorkerPort } = await import('../../src/lib/runtime/port');
  const at = process.argv.indexOf('--file');
  const file = at >= 0 ? process.argv[at + 1] : undefined;
  if (at >= 0 && !file) throw new Error('--file needs a path');
  const cases = file ? loadCases(file) : CASES;
  const { CompileGate } = await import('../../src/lib/code/gate');
  const host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 5_000, spare: false });
  const gate = new CompileGate();
  try {
    const scored = await scoreAll((s, v: JsonValue) => host.migrate(s, v), cases, gate);
    if (process.argv.includes('--each'))
      for (const s of scored)
        console.log(
          `${s.outcome.padEnd(8)} ${s.case.template.padEnd(8)} ${s.case.request}\n         ${s.detail.slice(0, 220)}`
        );
    const t = tally(scored);
    const unsafe = scored.filter((s) => s.case.unsafe);
    console.log(`\n${file ?? 'held-out'} (${scored.length} requests)`);
    console.log('| outcome | count |\n|---|---|');
    for (const k of ['correct', 'wrong', 'question', 'refusal'] as const)
      console.log(`| ${k} | ${t[k]} |`);
    console.log(
      `unsafe refused with a reason: ${unsafe.filter((s) => s.refusedWithReason).length} of ${unsafe.length}`
    );
  } finally {
    gate.dispose();
    await host.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
