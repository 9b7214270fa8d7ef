/**
 * What the server's gate and its type-check process (./gate-worker.ts) say to each other, over
 * Node's IPC channel with structured clone (`serialization: 'advanced'`, so the model's Maps
 * arrive as Maps). One request at a time: the parent sends the next only after the reply.
 */
import type { AppModel } from '../model/types';
import type { EditError } from '../ops/errors';
import type { CodeUnit } from './units';

/** The units of one component to type-check; all of them passed parse and policy. */
export interface TypeCheckJob {
  readonly component: string;
  readonly units: readonly CodeUnit[];
}

/** Parent → type-check process. */
export interface TypeCheckRequest {
  readonly t: 'check';
  readonly seq: number;
  /**
   * The model as the checker reads it when given the units: the components' names and
   * declarations (their handler bodies and the nodes are left out: the units carry the code).
   */
  readonly model: AppModel;
  readonly jobs: readonly TypeCheckJob[];
}

/** Type-check process → parent. */
export type TypeCheckReply =
  /** Started and warm (TypeScript's lib files parsed): checks from now on take milliseconds. */
  | { readonly t: 'ready' }
  /** About to check this component: if the process is stopped now, this is the one to blame. */
  | { readonly t: 'progress'; readonly seq: number; readonly component: string }
  /** The errors of each job, in the request's order, messages and frames capped. */
  | { readonly t: 'result'; readonly seq: number; readonly errors: readonly EditError[][] }
  /** The checker threw (a bug, not the code's fault). */
  | { readonly t: 'fault'; readonly seq: number; readonly message: string };

/**
 * The part of a model the type-check process needs when it is handed the units: components
 * without their handler bodies, no nodes. It keeps what crosses the process boundary (and is
 * copied twice) proportional to the declarations, not to the app.
 */
export function checkerModel(model: AppModel): AppModel {
  const components = new Map(
    [...model.components].map(([id, c]) => [id, { ...c, handlers: {} }] as const)
  );
  return { meta: model.meta, components, nodes: new Map(), children: new Map(), data: {} };
}
