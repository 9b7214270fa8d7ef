/**
 * checkBatch: the one check sequence every batch goes through before anyone writes it or sees it
 * previewed: migrations evaluated in the sandbox, the plan (schemas, the model's rules, the
 * person's role, the compile gate as `verify`), then the last stage over the result: the server's
 * judge, or a dry-run render that also runs the new and changed handlers. The stages are handed in by the shell (this folder imports no gate
 * and no sandbox), and the gate is required: a caller cannot leave it out by forgetting it.
 */
import type { AppModel } from '../model/types';
import type { EditError } from './errors';
import { prepareMigrations, type MigrationEvaluator } from './migrations';
import {
  planOps,
  type Actor,
  type Plan,
  type PlanOptions,
  type Rejection,
  type Verifier
} from './plan';
import { renderSafe } from './render-safe';

/** The sandbox stages of a check, as the runtime's host hands them out (`sandboxChecks()`). */
export interface SandboxChecks {
  /** Evaluates `retypeState` migrations over the current data. */
  readonly migrate?: MigrationEvaluator;
  /**
   * Renders the proposed model once with its (migrated) data; the errors refuse the batch. Given
   * the model before the change, it also runs each new or changed handler once with a synthetic
   * event on a copy of the data (runtime/exercise.ts).
   */
  readonly dryRun?: (model: AppModel, before?: AppModel) => Promise<readonly EditError[]>;
  /**
   * The server's one judge over (model before, model after) (judge.ts): roles, the model's rules,
   * the gate and the dry run, the same function every other door uses. When given, it replaces
   * `dryRun`, and the plan's own `verify` stage is left to it unless one is handed in.
   */
  readonly judge?: (before: AppModel, after: AppModel) => Promise<readonly EditError[]>;
}

/** Every stage of a check: the sandbox's, and the compile gate (`verify`) unless a judge runs it. */
export interface BatchStages extends SandboxChecks {
  readonly verify?: Verifier;
}

/**
 * Checks `ops` against `model` as `actor`, through every stage, and returns the plan or every
 * coded error. Writes nothing. A batch of literal props only (ops/render-safe.ts) cannot make a
 * view throw, so the dry run is skipped for it; the judge decides that for itself.
 */
export async function checkBatch(
  model: AppModel,
  ops: unknown,
  actor: Actor | undefined,
  stages: BatchStages,
  options: PlanOptions = {}
): Promise<Plan | Rejection> {
  // The gate is a required stage: the judge runs it, or the caller hands it in as `verify`.
  if (!stages.judge && !stages.verify) throw new Error('a batch needs the gate: verify or judge');
  const migrate = stages.migrate ? await prepareMigrations(model, ops, stages.migrate) : undefined;
  const plan = planOps(model, ops, actor, {
    ...options,
    ...(stages.verify ? { verify: stages.verify } : {}),
    ...(migrate ? { migrate } : {})
  });
  if (!plan.ok) return plan;
  const problems = stages.judge
    ? await stages.judge(model, plan.model)
    : stages.dryRun && !renderSafe(model, plan.ops)
      ? await stages.dryRun(plan.model, model)
      : [];
  return problems.length > 0 ? { ok: false, errors: problems } : plan;
}
