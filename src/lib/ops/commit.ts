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
import { checkBatch, type SandboxChecks } from './check';
import { catalogError } from './errors';
import {
  historyEntry,
  writeChange,
  writePlan,
  type Commit,
  type CommitOptions,
  type EditOrigin,
  type EditSource
} from './write';

export { checkBatch, type BatchStages, type SandboxChecks } from './check';
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

/** The refusal when the document kept changing through every attempt to check a batch. */
function busy(): Rejection {
  return { ok: false, errors: [catalogError('E_DOC_BUSY', {})] };
}

/**
 * `checkBatch` over `doc`'s current model, or 'changed' when the document changed while the
 * sandbox worked (the caller plans again against the new model).
 */
async function planChecked(
  doc: Y.Doc,
  ops: unknown,
  actor: Actor,
  checks: SandboxChecks,
  options: PlanOptions
): Promise<{ ok: true; plan: Plan; model: AppModel } | Rejection | 'changed'> {
  const { model } = currentModel(doc);
  const { verify, ...planOptions } = options;
  const checked = await checkBatch(model, ops, actor, { ...checks, verify }, planOptions);
  if (currentModel(doc).model !== model) return 'changed';
  return checked.ok ? { ok: true, plan: checked, model } : checked;
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
  return busy();
}

/**
 * What commitChecked would write, without writing it: `checkBatch` over `doc`'s current model,
 * planned again if the document changes meanwhile. An AI proposal is checked with this before
 * anyone sees it.
 */
export async function checkOnDoc(
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
  return busy();
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
