/**
 * commitBatch: the one function that writes an app's definition to its Y.Doc. It plans first
 * (pure, see plan.ts) and writes only a batch that planned cleanly, in ONE transaction with the
 * acting person's origin, so peers see it at once, that person's undo manager takes it as one
 * step, and a rejected batch leaves the document byte-identical with no update emitted.
 */
import type * as Y from 'yjs';
import { currentModel } from '../model/store';
import { docRoots } from '../model/ydoc';
import { emptyModel, type AppModel } from '../model/types';
import { validateModel } from '../model/validate';
import {
  planOps,
  type Actor,
  type Plan,
  type PlanOptions,
  type Rejection,
  type Verifier
} from './plan';
import { prepareMigrations, type MigrationEvaluator } from './migrations';
import { editError, type EditError } from './errors';
import {
  historyEntry,
  writeChange,
  writePlan,
  type Commit,
  type CommitOptions,
  type EditOrigin,
  type EditSource
} from './write';

export {
  originFor,
  type Commit,
  type CommitOptions,
  type EditOrigin,
  type EditSource,
  type HistoryEntry
} from './write';

/**
 * The options of a commit with its compile gate, which the shell always hands in: ops never
 * imports the gate (code/), so a caller cannot forget a stage by leaving it to a default.
 * `code/gated.ts` is the shell's way to pass the process-wide gate.
 */
export type GatedOptions = CommitOptions & { readonly verify: Verifier };

/**
 * Plans `ops` against the document's current model, runs `options.verify` (the compile gate)
 * over what they change, and writes them if, and only if, both pass.
 */
export function commitBatch(
  doc: Y.Doc,
  ops: unknown,
  origin: EditOrigin,
  options: GatedOptions
): Commit | Rejection {
  const { model, repairs } = currentModel(doc);
  const plan = planOps(model, ops, origin.actor, options);
  if (!plan.ok) return plan;
  return writePlan(doc, model, repairs, plan, origin, options);
}

/** The sandbox stages of a commit, handed in by the shell (ops never imports the runtime). */
export interface SandboxChecks {
  /** Evaluates `retypeState` migrations over the current data. */
  readonly migrate?: MigrationEvaluator;
  /** Renders the proposed model once with its (migrated) data; the errors refuse the batch. */
  readonly dryRun?: (model: AppModel) => Promise<readonly EditError[]>;
  /**
   * The server's one judge over (model before, model after) (judge.ts): roles, the model's rules,
   * the gate and the dry run, the same function every other door uses. When given, it replaces
   * `dryRun`, and the plan's own `verify` stage is left to it unless one is handed in.
   */
  readonly judge?: (before: AppModel, after: AppModel) => Promise<readonly EditError[]>;
}

/** A plan checked by every stage, with the model it was planned against. */
type Checked = { ok: true; plan: Plan; model: AppModel } | Rejection;

/**
 * Migrations, the plan and the last stages (the judge, or the dry run) over `doc`'s current
 * model, without writing: what commitChecked writes and what checkBatch answers, one path.
 */
async function planChecked(
  doc: Y.Doc,
  ops: unknown,
  actor: Actor,
  checks: SandboxChecks,
  options: PlanOptions
): Promise<Checked | 'changed'> {
  const { model } = currentModel(doc);
  const migrate = checks.migrate ? await prepareMigrations(model, ops, checks.migrate) : undefined;
  if (currentModel(doc).model !== model) return 'changed';
  // The gate is a required stage: the judge runs it, or the caller hands it in as `verify`.
  if (!checks.judge && !options.verify) throw new Error('a batch needs the gate: verify or judge');
  const plan = planOps(model, ops, actor, { ...options, ...(migrate ? { migrate } : {}) });
  if (!plan.ok) return plan;
  const problems = checks.judge
    ? await checks.judge(model, plan.model)
    : checks.dryRun
      ? await checks.dryRun(plan.model)
      : [];
  if (problems.length > 0) return { ok: false, errors: problems };
  return { ok: true, plan, model };
}

/**
 * commitBatch with the sandbox stages: migrations evaluated first, the plan and the gate, then a
 * dry-run render of the proposed model, then the write. The document may change while the
 * sandbox works; the batch is then planned again against the new model (a few times at most),
 * so what is written is always what was checked.
 */
export async function commitChecked(
  doc: Y.Doc,
  ops: unknown,
  origin: EditOrigin,
  checks: SandboxChecks,
  options: CommitOptions = {}
): Promise<Commit | Rejection> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const checked = await planChecked(doc, ops, origin.actor, checks, options);
    if (checked === 'changed') continue;
    if (!checked.ok) return checked;
    const latest = currentModel(doc);
    if (latest.model !== checked.model) continue;
    return writePlan(doc, checked.model, latest.repairs, checked.plan, origin, options);
  }
  return {
    ok: false,
    errors: [
      editError('E_DOC_BUSY', 'the app kept changing while this change was checked; try it again')
    ]
  };
}

/**
 * What commitChecked would write, without writing it: migrations, the plan, the gate and the dry
 * run (or the judge) over `doc`'s current model. An AI proposal is checked with this before
 * anyone sees it.
 */
export async function checkBatch(
  doc: Y.Doc,
  ops: unknown,
  actor: Actor,
  checks: SandboxChecks,
  options: PlanOptions = {}
): Promise<Plan | Rejection> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const checked = await planChecked(doc, ops, actor, checks, options);
    if (checked === 'changed') continue;
    return checked.ok ? checked.plan : checked;
  }
  return {
    ok: false,
    errors: [
      editError('E_DOC_BUSY', 'the app kept changing while this change was checked; try it again')
    ]
  };
}

/** The origin of history entries that record an undo: not a person's, so no undo manager takes them. */
const HISTORY_ORIGIN: object = Object.freeze({ history: true });

/**
 * Records in the history that `actor` undid or redid a step (the undo manager wrote the change
 * itself). The history log is not in any undo scope, and its own origin keeps it out of every
 * person's undo stack.
 */
export function recordUndo(doc: Y.Doc, actor: Actor, summary: string, now = Date.now()): void {
  const entry = historyEntry(actor, { source: 'undo', summary, now });
  doc.transact(() => docRoots(doc).history.push([entry]), HISTORY_ORIGIN);
}

/**
 * Writes a whole model (an imported app file, a template) into an empty document, in one
 * transaction with `origin`. The model must be valid (fromAppFile and planOps make only valid
 * ones); an invalid one or a document that already holds an app is programmer misuse and throws.
 */
export function commitModel(
  doc: Y.Doc,
  model: AppModel,
  origin: EditOrigin,
  options: { summary?: string; source?: EditSource; now?: number } = {}
): void {
  if (docRoots(doc).components.size > 0) throw new Error('commitModel needs an empty document');
  const invalid = validateModel(model);
  if (invalid.length > 0)
    throw new Error(`commitModel got an invalid model: ${invalid[0].code} ${invalid[0].message}`);
  const entry = historyEntry(origin.actor, {
    source: options.source ?? 'import',
    summary: options.summary ?? `Imported "${model.meta.title}"`,
    now: options.now
  });
  writeChange(doc, emptyModel(), model, undefined, entry, origin);
}
