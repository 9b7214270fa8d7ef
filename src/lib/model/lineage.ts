/**
 * Which node records a planned model changed from the model it was planned on (issue 13, work
 * that follows the change). The planner's draft writes records by id, so it knows them; the
 * judge and the canvas then look at those ids instead of comparing every node of a 2,000-node
 * app with the one before it. Only a model made by one plan on `before` has a lineage to it:
 * any other pair (a peer's update, a model read again) is compared in full, as before.
 */
import type { AppModel } from './types';

/** The model a plan started from, and the ids whose record or list of children it wrote. */
export interface Lineage {
  readonly base: AppModel;
  /** Node ids whose record was set or deleted (a superset: a record set to an equal one is in). */
  readonly nodes: ReadonlySet<string>;
  /** Node ids whose list of children was set or deleted. */
  readonly children: ReadonlySet<string>;
}

const lineages = new WeakMap<AppModel, Lineage>();

/** Records that `model` is `lineage.base` with only `lineage`'s ids written. */
export function noteLineage(model: AppModel, lineage: Lineage): void {
  lineages.set(model, lineage);
}

/** What the plan that made `after` from `before` wrote; null when `after` was not made so. */
export function lineageOf(before: AppModel, after: AppModel): Lineage | null {
  const lineage = lineages.get(after);
  return lineage && lineage.base === before ? lineage : null;
}
