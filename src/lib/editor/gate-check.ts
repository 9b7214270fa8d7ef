/**
 * The browser gate's verdict on a batch before the studio writes it (issue 13: the studio plans
 * the batch in the browser and runs the compile gate there). Runs in the gate worker, over its
 * replica: the batch is planned as the page would plan it, parse, policy and the network rule
 * run over what it touched, and what is left for TypeScript is named as type-check jobs, which
 * the page runs in a worker of their own (./typecheck-client.ts), loaded only then.
 *
 * Which units go to TypeScript: those of the touched components that the batch made new (an
 * expression or a handler it set, a handler whose uses changed, an instance whose component's
 * props were retyped), or every unit of a component whose state or prop types it changed. A
 * literal edit changes none, so it never loads TypeScript. Units the batch left alone passed the
 * gate when they were written (the server judged them), as on the server, whose cache keeps
 * their result.
 */
import { componentByName, type AppModel, type ComponentRecord } from '../model/types';
import { catalogError, type EditError } from '../errors';
import { planOps, type Actor } from '../ops/plan';
import type { CompileGateCore } from '../code/gate-core';
import { checkerModel, type TypeCheckJob } from '../code/gate-protocol';
import { componentUnits, type CodeUnit } from '../code/units';

/**
 * Most characters of code one check may hand TypeScript: the server's default (`ServerGate`
 * `maxCodeChars`), so a batch the server would refuse for its size is refused here first.
 */
export const MAX_CODE_CHARS = 200_000;

/** What a batch's check found before TypeScript, and what TypeScript still has to check. */
export interface BatchCheck {
  readonly errors: readonly EditError[];
  readonly types?: { readonly model: AppModel; readonly jobs: readonly TypeCheckJob[] };
}

/** Only the types of a record of fields: what the generated declarations are made of. */
function typesOf(fields: ComponentRecord['state'] | ComponentRecord['props'] | undefined): unknown {
  return fields && Object.entries(fields).map(([name, f]) => [name, f.type]);
}

/** What a component's type-check declarations depend on (../code/typecheck-source.ts). */
function declarationsKey(c: ComponentRecord): string {
  return JSON.stringify([c.name, typesOf(c.state), typesOf(c.props), c.capabilities]);
}

/** Everything a unit's type errors depend on besides its component's declarations. */
function unitKey(model: AppModel, unit: CodeUnit): string {
  // An instance's props are typed by the props the component it instantiates declares.
  const declared = unit.kind === 'expr' ? componentByName(model, unit.type)?.props : undefined;
  return JSON.stringify([unit, typesOf(declared) ?? null]);
}

/** The units of the touched components that TypeScript must see after `before` became `after`. */
export function typeJobs(
  before: AppModel,
  after: AppModel,
  touched: ReadonlySet<string>
): TypeCheckJob[] {
  const jobs: TypeCheckJob[] = [];
  for (const id of touched) {
    const next = after.components.get(id);
    if (!next) continue;
    const prev = before.components.get(id);
    const units = componentUnits(after, id);
    let fresh = units;
    if (prev && declarationsKey(prev) === declarationsKey(next)) {
      const known = new Set(componentUnits(before, id).map((u) => unitKey(before, u)));
      fresh = units.filter((u) => !known.has(unitKey(after, u)));
    }
    if (fresh.length > 0) jobs.push({ component: id, units: fresh });
  }
  return jobs;
}

/** Plans `ops` as `actor` against `model` and gates it without TypeScript (see the file comment). */
export function checkBatch(
  gate: CompileGateCore,
  model: AppModel,
  ops: readonly unknown[],
  actor: Actor
): BatchCheck {
  const plan = planOps(model, ops, actor, { verify: gate.verifier() });
  if (!plan.ok) return { errors: plan.errors };
  const jobs = typeJobs(model, plan.model, plan.touched);
  if (jobs.length === 0) return { errors: [] };
  const size = jobs.reduce((n, j) => n + j.units.reduce((m, u) => m + u.source.length, 0), 0);
  if (size > MAX_CODE_CHARS)
    return { errors: [catalogError('E_CODE_TOO_LARGE', { size, limit: MAX_CODE_CHARS })] };
  return { errors: [], types: { model: checkerModel(plan.model), jobs } };
}
