/**
 * The fifth fresh corpus (tests/fixtures/ai-offline/fresh5.json) is well-formed: at least 100
 * cases, at least 20 change cases on each template, at least 6 unsafe refusals and 6 questions,
 * and every check naming element types, props, style keys and enum values that exist, with regexes
 * that compile (the validator of corpus-shape.ts). Its checks are fair: none of a change case's
 * checks all hold on the untouched template, and all hold on a hand-written correct batch, so a
 * check that fails a right answer is caught here. The planner is not run: the corpus is scored by
 * `npx tsx tests/bench/held-out.ts --file tests/fixtures/ai-offline/fresh5.json`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import corpus from '../fixtures/ai-offline/fresh5.json' with { type: 'json' };
import { holds, loadCases } from '../bench/held-out';
import { templateModel } from '../../src/lib/templates';
import { seededIds } from '../../src/lib/model/ids';
import { planOps } from '../../src/lib/ops/plan';
import { prepareMigrations } from '../../src/lib/ops/migrations';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import type { JsonValue } from '../../src/lib/model/types';
import { describeCorpusShape, type Corpus } from './corpus-shape';
import { CORRECT_TODO_COUNTER } from './fresh5-correct-a';
import { CORRECT_FORM } from './fresh5-correct-b';
import { CORRECT_BLANK } from './fresh5-correct-c';

describeCorpusShape('the fifth fresh corpus', corpus as unknown as Corpus, {
  cases: 100,
  changesPerTemplate: 20,
  refusals: 8,
  questions: 6,
  unsafe: 6
});

const FILE = 'tests/fixtures/ai-offline/fresh5.json';
const CORRECT = { ...CORRECT_TODO_COUNTER, ...CORRECT_FORM, ...CORRECT_BLANK };

describe('the fifth fresh corpus checks', () => {
  const cases = loadCases(FILE);
  const changes = cases.filter((c) => c.expect === 'change');
  const caseOf = (start: string) => cases.filter((c) => c.request.startsWith(start));

  it('runs every check on its template, and no change case already holds there', () => {
    for (const c of changes) {
      const base = templateModel(c.template, seededIds(7));
      expect(
        (c.checks ?? []).every((k) => holds(k, base, base)),
        c.request
      ).toBe(false);
    }
  });

  it('has one correct batch for every change case', () => {
    for (const start of Object.keys(CORRECT)) expect(caseOf(start), start).toHaveLength(1);
    const covered = new Set(Object.keys(CORRECT).map((s) => caseOf(s)[0]?.request));
    expect(changes.filter((c) => !covered.has(c.request)).map((c) => c.request)).toEqual([]);
  });

  // Migrations (retypeState) run in the real sandbox, as they do when the planner's batch is scored.
  const host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 5_000, spare: false });
  afterAll(() => host.dispose());

  it.each(Object.keys(CORRECT))('a correct batch passes the checks of "%s…"', async (start) => {
    const c = caseOf(start)[0];
    const base = templateModel(c.template, seededIds(7));
    const ops = CORRECT[start](base);
    const migrate = await prepareMigrations(base, ops, (s, v: JsonValue) => host.migrate(s, v));
    const plan = planOps(
      base,
      ops,
      { id: 'corpus', role: 'owner' },
      { migrate, ids: seededIds(99) }
    );
    expect(plan.ok, JSON.stringify(plan.ok ? [] : plan.errors)).toBe(true);
    if (!plan.ok) return;
    expect((c.checks ?? []).filter((k) => !holds(k, base, plan.model))).toEqual([]);
  });
});
