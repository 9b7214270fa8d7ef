/**
 * Writing a planned batch to an app's Y.Doc: one transaction with the acting person's origin,
 * the model and its history entry together. No compile gate here (that is commit.ts, on the
 * server and in the CLI), so the studio in a browser can write a batch it planned itself while
 * it is offline; the server checks such a batch when it arrives (src/lib/collab/check.ts).
 */
import * as Y from 'yjs';
import { currentModel, expectModel } from '../model/store';
import { docRoots, writeModel } from '../model/ydoc';
import { takeRestorePoint } from '../model/restore-point';
import type { AppModel, Op } from '../model/types';
import type { Repairs } from '../model/resolve';
import { planOps, type Actor, type Plan, type PlanOptions, type Rejection } from './plan';

/** Where a batch came from, for the history panel. */
export type EditSource =
  'visual' | 'ai' | 'code' | 'cli' | 'api' | 'template' | 'import' | 'undo' | 'restore';

/**
 * The origin of a commit's transaction: one stable object per person (Y.UndoManager matches
 * tracked origins by identity), carrying who they are.
 */
export interface EditOrigin {
  readonly actor: Actor;
}

/** Creates the origin object for a person; keep it and pass the same object to every commit. */
export function originFor(actor: Actor): EditOrigin {
  return { actor };
}

export interface CommitOptions extends PlanOptions {
  readonly source?: EditSource;
  /** The request that led to the batch (AI turns), kept in the history. */
  readonly prompt?: string;
  /** Milliseconds since the epoch for the history entry (defaults to now). */
  readonly now?: number;
}

/** One entry of the document's history log. */
export interface HistoryEntry {
  readonly who: string;
  readonly name?: string;
  readonly when: number;
  readonly source: EditSource;
  readonly summary: string;
  readonly prompt?: string;
  readonly ops: readonly Op[];
  readonly idMap: Readonly<Record<string, string>>;
  /**
   * The document just before this change (model/restore-point.ts, base64): its state vector and
   * the deletions no earlier entry covers. "Restore to before this" rebuilds that state from the
   * server's document, which keeps deleted content for it.
   */
  readonly restorePoint?: string;
  /**
   * What entries written before restore points had instead: the whole Yjs snapshot (base64), its
   * delete set growing with every deletion ever made. Still read (and restored), never written.
   */
  readonly before?: string;
}

/**
 * What one history entry may hold: the server refuses a peer's entry past these bounds
 * (src/lib/collab/history-entry.ts), so every writer keeps its own entries inside them, and an
 * honest studio's offline work is never refused for the size of its log line.
 */
export const ENTRY_BOUNDS = {
  summary: 300,
  prompt: 4000,
  /** The ops as JSON; past it the entry keeps its summary and drops the ops (they are a record). */
  opsBytes: 128 * 1024,
  /** The restore point (base64); past it the entry is not restorable (the next one takes its
   * deletions). A point holds the deletions since the last entry, so only a flood of them reaches
   * this. */
  restorePointBytes: 96 * 1024,
  /** An old entry's whole `before` snapshot (base64). */
  beforeBytes: 96 * 1024
} as const;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `entry` within ENTRY_BOUNDS. */
export function boundedEntry(entry: HistoryEntry): HistoryEntry {
  const { before, restorePoint, prompt, ...rest } = entry;
  const opsFit = JSON.stringify(entry.ops).length <= ENTRY_BOUNDS.opsBytes;
  return {
    ...rest,
    summary: clip(entry.summary, ENTRY_BOUNDS.summary),
    ...(prompt !== undefined ? { prompt: clip(prompt, ENTRY_BOUNDS.prompt) } : {}),
    ops: opsFit ? entry.ops : [],
    idMap: opsFit ? entry.idMap : {},
    ...(before !== undefined && before.length <= ENTRY_BOUNDS.beforeBytes ? { before } : {}),
    ...(restorePoint !== undefined && restorePoint.length <= ENTRY_BOUNDS.restorePointBytes
      ? { restorePoint }
      : {})
  };
}

/** A batch that was written. */
export interface Commit {
  readonly ok: true;
  readonly model: AppModel;
  readonly summary: string;
  readonly idMap: Readonly<Record<string, string>>;
  readonly touched: ReadonlySet<string>;
}

/** What a history entry records of a change besides who made it and when. */
export interface EntryFacts {
  readonly source: EditSource;
  readonly summary: string;
  readonly prompt?: string;
  readonly ops?: readonly Op[];
  readonly idMap?: Readonly<Record<string, string>>;
  readonly restorePoint?: string;
  /** Milliseconds since the epoch (defaults to now). */
  readonly now?: number;
}

/** The one builder of history entries: `actor`'s change, within ENTRY_BOUNDS. */
export function historyEntry(actor: Actor, facts: EntryFacts): HistoryEntry {
  return boundedEntry({
    who: actor.id,
    ...(actor.name ? { name: actor.name } : {}),
    when: facts.now ?? Date.now(),
    source: facts.source,
    summary: facts.summary,
    ...(facts.prompt ? { prompt: facts.prompt } : {}),
    ops: facts.ops ?? [],
    idMap: facts.idMap ?? {},
    ...(facts.restorePoint !== undefined ? { restorePoint: facts.restorePoint } : {})
  });
}

/**
 * The one writer of an app's definition: the document goes from `from` (its current model, with
 * the `repairs` reading it needed) to `to`, and `entry` joins the history, in ONE transaction
 * with `origin`, so peers see both at once and the person's undo manager takes them as one step.
 */
export function writeChange(
  doc: Y.Doc,
  from: AppModel,
  to: AppModel,
  repairs: Repairs | undefined,
  entry: HistoryEntry,
  origin: EditOrigin
): void {
  expectModel(doc, to);
  doc.transact(() => {
    writeModel(doc, from, to, repairs);
    docRoots(doc).history.push([entry]);
  }, origin);
}

/** Writes a plan made against `model` (the document's current model) in one transaction. */
export function writePlan(
  doc: Y.Doc,
  model: AppModel,
  repairs: Repairs,
  plan: Plan,
  origin: EditOrigin,
  options: CommitOptions
): Commit {
  const point = takeRestorePoint(doc);
  const entry = historyEntry(origin.actor, {
    source: options.source ?? 'visual',
    summary: plan.summary,
    prompt: options.prompt,
    ops: plan.ops,
    idMap: plan.idMap,
    restorePoint: point.point,
    now: options.now
  });
  writeChange(doc, model, plan.model, repairs, entry, origin);
  // Only once the entry is in: a point it dropped (too large) leaves its deletions to the next.
  if (entry.restorePoint !== undefined) point.keep();
  return {
    ok: true,
    model: plan.model,
    summary: plan.summary,
    idMap: plan.idMap,
    touched: plan.touched
  };
}

/**
 * Plans `ops` against the document's current model (schemas and the model's rules, without the
 * compile gate) and writes them if they plan cleanly: the studio's commit while offline.
 */
export function commitPlanned(
  doc: Y.Doc,
  ops: unknown,
  origin: EditOrigin,
  options: CommitOptions = {}
): Commit | Rejection {
  const { model, repairs } = currentModel(doc);
  const plan = planOps(model, ops, origin.actor, options);
  if (!plan.ok) return plan;
  return writePlan(doc, model, repairs, plan, origin, options);
}

/**
 * Writes a whole model over the document's current one (restoring an earlier state), in one
 * transaction with `origin` and its history entry: one undo step for that person. `target` must
 * be a valid model of this app (the caller checks it like a commit).
 */
export function commitWhole(
  doc: Y.Doc,
  target: AppModel,
  origin: EditOrigin,
  options: { summary: string; source: EditSource; now?: number }
): void {
  const { model, repairs } = currentModel(doc);
  writeChange(doc, model, target, repairs, historyEntry(origin.actor, options), origin);
}
