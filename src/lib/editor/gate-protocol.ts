/**
 * The messages between the studio page (`BrowserGate`, ./gate-client.ts) and its compile gate
 * worker (./gate-worker.ts, logic in ./gate-replica.ts). Types only: plain data that survives
 * `postMessage` (structured clone).
 *
 * Every request carries `seq`, numbered by the page in the order it posts them (one counter for
 * every kind). A `check` is answered by a `checked` with its own `seq`. The worker answers only `compile`, echoing its `seq`; it may answer a later
 * `compile` without answering earlier ones (it compiles the newest request it has when it gets
 * to it), and the page takes an answer as the answer to every `compile` up to that `seq`, since
 * it reflects every update posted before it. Answers older than one already taken are dropped.
 */
import type { EditError } from '../ops/errors';
import type { Actor } from '../ops/plan';
import type { AppModel } from '../model/types';
import type { TypeCheckJob } from '../code/gate-protocol';
import type { LiveSource } from '../runtime/compiled';

/**
 * Page → worker: a Yjs update for the worker's replica of the app's document. The first is the
 * whole document (`Y.encodeStateAsUpdate`); later ones are whatever the page's replica received,
 * in any order (Yjs holds an update whose dependencies have not arrived yet). No answer.
 */
export interface GateUpdateRequest {
  readonly t: 'update';
  readonly seq: number;
  readonly update: Uint8Array;
}

/** Page → worker: compile the replica as it stands. Answered with `compiled` or `failed`. */
export interface GateCompileRequest {
  readonly t: 'compile';
  readonly seq: number;
}

/**
 * Page → worker: would this batch pass the gate if `actor` made it now? The worker plans it
 * against its replica (which holds every update posted before this request, as the page's does)
 * and runs parse, policy and the network rule over what it touched. Answered with `checked`,
 * in order, never coalesced. Nothing is written: the page commits the batch itself.
 */
export interface GateCheckRequest {
  readonly t: 'check';
  readonly seq: number;
  readonly ops: readonly unknown[];
  readonly actor: Actor;
}

export type GateRequest = GateUpdateRequest | GateCompileRequest | GateCheckRequest;

/**
 * Worker → page: the verdict on a `check` without TypeScript. `errors` empty and no `types`: the
 * batch passes. `types`: it passes so far, and these units (the expressions, handlers and
 * state types it changed) still need the TypeScript stage (./typecheck-client.ts), against
 * `model` (`checkerModel` of the planned model).
 */
export interface GateCheckedAnswer {
  readonly t: 'checked';
  readonly seq: number;
  readonly errors: readonly EditError[];
  readonly types?: { readonly model: AppModel; readonly jobs: readonly TypeCheckJob[] };
}

/** What one compile gives: what to run, and the gate's errors when the app does not compile. */
export interface CompileOutcome {
  /** `ok: false` (with the first error's message) exactly when `errors` is not empty. */
  readonly live: LiveSource;
  readonly errors: readonly EditError[];
  /** Each component of `live` by id: its `componentStamp` (runtime/compiled.ts). */
  readonly stamps?: Readonly<Record<string, string>>;
}

/** Worker → page: the outcome of the replica's compile as of request `seq`. */
export interface GateCompiledAnswer extends CompileOutcome {
  readonly t: 'compiled';
  readonly seq: number;
}

/**
 * Worker → page: the worker could not compile at all (an update did not apply, or the gate threw:
 * a bug, not a property of the app). The page rejects the compile with `message`.
 */
export interface GateFailedAnswer {
  readonly t: 'failed';
  readonly seq: number;
  readonly message: string;
}

export type GateAnswer = GateCompiledAnswer | GateFailedAnswer | GateCheckedAnswer;
