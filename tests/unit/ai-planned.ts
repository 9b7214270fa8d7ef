/**
 * The offline planner's batch as the ai-* tests read it: planned by the planner, planned again
 * with planOps as an owner, and compiled by the gate with no error. Throws with the planner's
 * answer when it was not a batch, so a failing test says what the planner said instead.
 */
import { expect } from 'vitest';
import { offlinePlan } from '../../src/lib/ai/offline';
import type { CompileGate } from '../../src/lib/code/gate';
import type { AppModel } from '../../src/lib/model/types';
import { planOps, type Plan } from '../../src/lib/ops/plan';

const OWNER = { id: 't', role: 'owner' } as const;

/**
 * `message` on `model` as a checked batch. `identityMigrations`: a migration the batch carries
 * keeps each value as it is (the planner's own pure twin is what the planner checks with).
 */
export function plannedChange(
  gate: CompileGate,
  model: AppModel,
  message: string,
  options: { identityMigrations?: boolean } = {}
): Plan & { ok: true } {
  const turn = offlinePlan(model, message);
  if (turn.kind !== 'batch')
    throw new Error(`${message}: expected a batch, got ${turn.kind}: ${turn.text}`);
  const plan = planOps(
    model,
    turn.ops,
    OWNER,
    options.identityMigrations ? { migrate: (_source, value) => ({ ok: true, value }) } : {}
  );
  if (!plan.ok) throw new Error(`${message}: ${JSON.stringify(plan.errors)}`);
  expect(gate.compile(plan.model).errors, message).toEqual([]);
  return plan;
}
