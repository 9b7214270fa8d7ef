/**
 * The server's compile gate: `CompileGateCore` (./gate-core.ts) with the TypeScript stage plugged
 * in, and one process-wide instance for the edit path. Every batch passes it before it is
 * committed: parse, policy, type check, loop guard and module form, all errors in one list.
 *
 * Only server, CLI and test code imports this file: it brings `typescript` with it. The studio's
 * browser gate uses gate-core.ts, which does not.
 */
import type { AppModel } from '../model/types';
import type { Verifier } from '../ops/plan';
import { capError } from './cap';
import { CompileGateCore, type GateCoreOptions, type GateResult } from './gate-core';
import { TypeChecker } from './typecheck';

export type { GateResult, GateTypeChecker } from './gate-core';

export interface GateOptions extends Omit<GateCoreOptions, 'typechecker'> {
  /** Run the TypeScript stage (default true). */
  readonly typecheck?: boolean;
}

/**
 * A long-lived compile gate with TypeScript: make one per CLI run or test and reuse it. It runs
 * the checker on the calling thread with no time limit, so a server, which checks code from
 * peers, uses `ServerGate` (../server/gate.ts) instead: a few hundred bytes of type-level code can
 * keep the checker busy for minutes.
 */
export class CompileGate extends CompileGateCore {
  constructor(options: GateOptions = {}) {
    const { typecheck, ...rest } = options;
    super({ ...rest, typechecker: typecheck === false ? null : new TypeChecker() });
  }

  /** As `CompileGateCore.compile`, with every message and frame capped (./cap.ts). */
  override compile(
    model: AppModel,
    changed?: ReadonlySet<string>,
    options: { modules?: boolean } = {}
  ): GateResult {
    const result = super.compile(model, changed, options);
    if (result.errors.length === 0) return result;
    return { ...result, errors: result.errors.map(capError) };
  }
}

let shared: CompileGate | undefined;

/** Compiles with a process-wide gate (created on first use): the whole app, or the changed components. */
export function compileApp(
  model: AppModel,
  changed?: ReadonlySet<string>,
  options: { modules?: boolean } = {}
): GateResult {
  shared ??= new CompileGate();
  return shared.compile(model, changed, options);
}

/** The process-wide gate as a `verify` option for planOps and commitBatch. */
export function gateVerifier(): Verifier {
  shared ??= new CompileGate();
  return shared.verifier();
}
