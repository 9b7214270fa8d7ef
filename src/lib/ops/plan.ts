/**
 * planOps: the pure heart of the edit path. Model and batch in; the new model, or every coded
 * error, out. Nothing here touches Yjs, the network or the DOM (commit.ts does the writing).
 *
 * A batch passes, in order: input limits and op shapes (input.ts), then each op against the app
 * as the earlier ops left it (apply.ts), then the optional `verify` stage the shell hands in (the
 * compile gate). A batch with any error changes nothing: the caller gets the errors only.
 */
import { randomIds, type IdSource } from '../model/ids';
import type { AppModel, JsonValue, Op } from '../model/types';
import { checkBatchInput, BATCH_LIMITS } from './input';
import { editError, type EditError } from './errors';
import { Draft } from './draft';
import { applyOp, OpFailure, type PlanState } from './apply';
import { describeOp, summarizeBatch } from './summary';

/** Who is acting, with the role that decides what they may change. */
export interface Actor {
  readonly id: string;
  readonly name?: string;
  /** owner and editor change the definition; user only the app's data; viewer nothing. */
  readonly role?: 'owner' | 'editor' | 'user' | 'viewer';
}

/** Runs a migration expression over one old value; provided by the sandbox (runtime). */
export type Migrator = (
  expression: string,
  value: JsonValue
) => { ok: true; value: JsonValue } | { ok: false; message: string };

/** The stage after planning: the compile gate, handed in by the shell so `ops` imports no runtime. */
export type Verifier = (
  model: AppModel,
  touchedComponents: ReadonlySet<string>,
  /** The model the batch was planned against. */
  before: AppModel
) => EditError[];

export interface PlanOptions {
  /** Where new ids come from (random by default; seeded in tests). */
  readonly ids?: IdSource;
  readonly migrate?: Migrator;
  readonly verify?: Verifier;
}

/** A batch that planned cleanly. */
export interface Plan {
  readonly ok: true;
  readonly model: AppModel;
  /** The batch with its shape checked. */
  readonly ops: readonly Op[];
  /** Temporary ids of the batch → the real ids they became. */
  readonly idMap: Readonly<Record<string, string>>;
  /** Ids of the components whose definition changed. */
  readonly touched: ReadonlySet<string>;
  /** One line in words ("Added Button "Save" to Card c3"). */
  readonly summary: string;
  /** Each op in words, in batch order (a proposal's list of changes). */
  readonly changes: readonly string[];
}

/** A batch that did not plan: nothing changes. */
export interface Rejection {
  readonly ok: false;
  readonly errors: readonly EditError[];
}

const SYSTEM: Actor = { id: 'system', role: 'owner' };

/** Plans a batch of ops against a model. Pure: the same inputs give the same result. */
export function planOps(
  model: AppModel,
  batch: unknown,
  actor: Actor = SYSTEM,
  options: PlanOptions = {}
): Plan | Rejection {
  const input = checkBatchInput(batch);
  if (!input.ok) return { ok: false, errors: input.errors };
  const ops = input.ops;
  const draft = new Draft(model, options.ids ?? randomIds);
  const state: PlanState = {
    draft,
    actor,
    tempIds: new Map(),
    failedTemps: new Map(),
    created: 0,
    limits: BATCH_LIMITS,
    migrate: options.migrate,
    descriptions: []
  };
  const errors: EditError[] = [];
  ops.forEach((op, index) => {
    try {
      state.descriptions.push(applyOp(state, op, index));
    } catch (e) {
      if (!(e instanceof OpFailure)) throw e;
      errors.push(e.error);
      // Later ops naming this op's temporary ids are told which op failed, not just "not found".
      for (const temp of tempIdsOf(op)) state.failedTemps.set(temp, index);
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  const next = draft.finish();
  if (options.verify) {
    const verified = options.verify(next, draft.touched, model);
    if (verified.length > 0) return { ok: false, errors: verified };
  }
  return {
    ok: true,
    model: next,
    ops,
    idMap: Object.fromEntries(state.tempIds),
    touched: draft.touched,
    summary: summarizeBatch(state.descriptions),
    changes: state.descriptions.map(describeOp)
  };
}

/** Temporary ids an op introduces (addNode with its nested children, addComponent's root). */
function tempIdsOf(op: Op): string[] {
  const out: string[] = [];
  if (op.op === 'addComponent' && op.id) out.push(op.id);
  if (op.op === 'addNode') {
    const stack: { id?: string; children?: unknown[] }[] = [op];
    while (stack.length > 0) {
      const spec = stack.pop()!;
      if (spec.id) out.push(spec.id);
      for (const child of (spec.children ?? []) as { id?: string; children?: unknown[] }[])
        stack.push(child);
    }
  }
  return out;
}

/** Convenience for callers that want one error list whatever happened. */
export function planErrors(result: Plan | Rejection): readonly EditError[] {
  return result.ok ? [] : result.errors;
}

export { editError };
