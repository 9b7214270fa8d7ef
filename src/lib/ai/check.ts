/**
 * The checker of a turn: the same road every batch takes before a commit (DESIGN section 1),
 * without the commit. Migrations evaluated in the sandbox, the plan as the person who asked (so
 * the AI never has more rights than they do), the compile gate, and a dry-run render in the
 * sandbox, each handed in by the shell (this folder imports no runtime).
 */
import type { AppModel } from '../model/types';
import { checkBatch, type SandboxChecks } from '../ops/check';
import type { Actor, Verifier } from '../ops/plan';

/** A coded error as the repair loop sends it back to the model. */
export interface CheckError {
  readonly code: string;
  readonly message: string;
  readonly op?: number;
  readonly path?: string;
  /** A code frame, for errors in code. */
  readonly frame?: string;
}

/** The verdict on a batch: what it does in words, or every coded error. */
export type CheckResult =
  | { readonly ok: true; readonly summary: string }
  | { readonly ok: false; readonly errors: readonly CheckError[] };

/** Checks a proposed batch against the app; never writes anything. */
export interface Checker {
  check(ops: unknown): Promise<CheckResult>;
}

/**
 * A checker over a fixed model: `verify` is the compile gate (`gate.verifier()`), `sandbox` the
 * host's `sandboxChecks()` (migrations and the dry run; without it a `retypeState` over existing
 * data is refused and nothing is rendered).
 */
export function planChecker(
  model: AppModel,
  options: { readonly verify: Verifier; readonly sandbox?: SandboxChecks; readonly actor?: Actor }
): Checker {
  return {
    async check(ops) {
      const plan = await checkBatch(model, ops, options.actor, {
        ...options.sandbox,
        verify: options.verify
      });
      return plan.ok ? { ok: true, summary: plan.summary } : { ok: false, errors: plan.errors };
    }
  };
}
