/**
 * What every request corpus test asks of its checks (untouched, final, last, fresh5): each check
 * runs on its template with its regexes compiling, no change case already holds on the untouched
 * template, and hand-written batches decide whether the checks are fair: a correct batch must
 * pass every check of its case (else a right change would count as wrong), a wrong or partial one
 * must fail one (else a check measures nothing). A batch is planned as the scorer plans the
 * planner's (planOps, migrations in the real sandbox).
 */
import { afterAll, expect, it } from 'vitest';
import { holds, type HeldOutCase } from '../bench/held-out';
import { templateModel } from '../../src/lib/templates';
import { seededIds } from '../../src/lib/model/ids';
import { planOps } from '../../src/lib/ops/plan';
import { prepareMigrations } from '../../src/lib/ops/migrations';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import type { AppModel, JsonValue } from '../../src/lib/model/types';

/** A hand-written batch for one case: ops built from the template's model (planOps checks them). */
export type CaseBatch = (model: AppModel) => readonly unknown[];

/** The check keys whose values are regexes. */
const REGEX_KEYS = ['handlerMatches', 'anyHandlerOrExprMatches', 'bind', 'state', 'itemField'];

/** Calls `visit` with every object inside a check (anyOf groups and not included). */
function walk(value: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) value.forEach((x) => walk(x, visit));
  else if (value && typeof value === 'object') {
    visit(value as Record<string, unknown>);
    Object.values(value).forEach((x) => walk(x, visit));
  }
}

/**
 * A test that every check runs on its template, its regexes compile, every change case has a
 * check, and no change case's checks all hold on the untouched template.
 */
export function itRunsEveryCheck(cases: readonly HeldOutCase[]): void {
  it('runs every check without error, and no change case already holds on its template', () => {
    for (const c of cases) {
      expect(['change', 'question', 'refusal']).toContain(c.expect);
      const base = templateModel(c.template, seededIds(7));
      for (const check of c.checks ?? []) {
        walk(check, (o) => {
          for (const k of REGEX_KEYS) if (typeof o[k] === 'string') new RegExp(o[k] as string);
        });
        holds(check, base, base);
      }
      if (c.expect === 'change') {
        expect(c.checks?.length, c.request).toBeGreaterThan(0);
        expect(
          (c.checks ?? []).every((k) => holds(k, base, base)),
          c.request
        ).toBe(false);
      }
    }
  });
}

/**
 * Tests that each correct batch passes every check of its case and each wrong batch fails one.
 * Batches are keyed by the case's whole request, or by its start (`byStart`: a long request).
 */
export function itJudgesBatches(
  cases: readonly HeldOutCase[],
  batches: {
    correct?: Readonly<Record<string, CaseBatch>>;
    wrong?: Readonly<Record<string, CaseBatch>>;
    byStart?: boolean;
  }
): void {
  // Migrations (retypeState) run in the real sandbox, as when the planner's batch is scored.
  const host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 5_000, spare: false });
  afterAll(() => host.dispose());

  const caseOf = (key: string): HeldOutCase => {
    const found = cases.filter((c) =>
      batches.byStart ? c.request.startsWith(key) : c.request === key
    );
    expect(found, key).toHaveLength(1);
    return found[0];
  };

  async function planned(key: string, batch: CaseBatch) {
    const c = caseOf(key);
    const base = templateModel(c.template, seededIds(7));
    const ops = batch(base);
    const migrate = await prepareMigrations(base, ops, (s, v: JsonValue) => host.migrate(s, v));
    const plan = planOps(
      base,
      ops,
      { id: 'corpus', role: 'owner' },
      { migrate, ids: seededIds(99) }
    );
    expect(plan.ok, JSON.stringify(plan.ok ? [] : plan.errors)).toBe(true);
    if (!plan.ok) throw new Error(`the batch for "${key}" does not plan`);
    return { checks: c.checks ?? [], base, model: plan.model };
  }

  const correct = batches.correct ?? {};
  const wrong = batches.wrong ?? {};
  if (Object.keys(correct).length > 0)
    it.each(Object.keys(correct))('a correct batch passes the checks of "%s"', async (key) => {
      const { checks, base, model } = await planned(key, correct[key]);
      expect(checks.filter((k) => !holds(k, base, model))).toEqual([]);
    });
  if (Object.keys(wrong).length > 0)
    it.each(Object.keys(wrong))(
      'a wrong or partial batch fails the checks of "%s"',
      async (key) => {
        const { checks, base, model } = await planned(key, wrong[key]);
        expect(checks.every((k) => holds(k, base, model))).toBe(false);
      }
    );
}
