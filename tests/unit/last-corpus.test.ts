/**
 * The last, untouched part of the held-out corpus (tests/fixtures/ai-offline/last.json) is well
 * formed, as tests/unit/final-corpus.test.ts checks final.json: every case has a known template and
 * outcome, every regex compiles and every check runs on its template, no change case already holds
 * on the unchanged template, no request repeats one of the three earlier parts, hand-written correct
 * batches for the harder cases pass their checks and hand-written wrong or partial batches fail
 * them. The planner is not run here: tests/bench/held-out.ts --file scores it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { holds, loadCases } from '../bench/held-out';
import { TEMPLATE_NAMES, templateModel } from '../../src/lib/templates';
import { seededIds } from '../../src/lib/model/ids';
import { planOps } from '../../src/lib/ops/plan';
import { prepareMigrations } from '../../src/lib/ops/migrations';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import type { AppModel, JsonValue, Op } from '../../src/lib/model/types';
import { CORRECT } from './last-corpus-correct';
import { SIMPLE, WRONG } from './last-corpus-wrong';

const cases = loadCases('tests/fixtures/ai-offline/last.json');

const walk = (c: unknown, f: (o: Record<string, unknown>) => void): void => {
  if (Array.isArray(c)) c.forEach((x) => walk(x, f));
  else if (c && typeof c === 'object') {
    f(c as Record<string, unknown>);
    Object.values(c).forEach((x) => walk(x, f));
  }
};

describe('last corpus', () => {
  it('has at least 50 cases over every template, 8 of them unsafe refusals', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.template))).toEqual(new Set(TEMPLATE_NAMES));
    expect(cases.filter((c) => c.unsafe && c.expect === 'refusal').length).toBeGreaterThanOrEqual(
      8
    );
    expect(new Set(cases.map((c) => c.request)).size).toBe(cases.length);
  });

  it('shares no request with the earlier parts', async () => {
    const { readFileSync } = await import('node:fs');
    const earlier = ['held-out', 'untouched', 'final'].flatMap((f) =>
      (
        JSON.parse(readFileSync(`tests/fixtures/ai-offline/${f}.json`, 'utf8')) as {
          cases: { request: string }[];
        }
      ).cases.map((c) => c.request.toLowerCase())
    );
    expect(cases.filter((c) => earlier.includes(c.request.toLowerCase()))).toEqual([]);
  });

  it('runs every check without error, and no change case already holds on its template', () => {
    for (const c of cases) {
      expect(['change', 'question', 'refusal']).toContain(c.expect);
      const base = templateModel(c.template, seededIds(7));
      for (const check of c.checks ?? []) {
        walk(check, (o) => {
          for (const k of [
            'handlerMatches',
            'anyHandlerOrExprMatches',
            'bind',
            'state',
            'itemField',
            'exprMatches'
          ])
            if (typeof o[k] === 'string') new RegExp(o[k] as string);
        });
        holds(check, base, base);
      }
      if (c.expect === 'change') {
        expect(c.checks?.length, c.request).toBeGreaterThan(0);
        const all = (c.checks ?? []).every((k) => holds(k, base, base));
        expect(all, c.request).toBe(false);
      }
    }
  });

  const host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 5_000, spare: false });
  afterAll(() => host.dispose());

  /** Plans a hand-written batch on the case's template; returns the case, base and result model. */
  async function run(request: string, batch: (m: AppModel) => Op[]) {
    const c = cases.find((x) => x.request === request)!;
    expect(c, request).toBeDefined();
    const base = templateModel(c.template, seededIds(7));
    const ops = batch(base);
    const migrate = await prepareMigrations(base, ops, (s, v: JsonValue) => host.migrate(s, v));
    const plan = planOps(
      base,
      ops,
      { id: 'corpus', role: 'owner' },
      { migrate, ids: seededIds(99) }
    );
    expect(plan.ok, JSON.stringify(plan.ok ? null : plan.errors)).toBe(true);
    if (!plan.ok) throw new Error('batch does not plan');
    return { c, base, model: plan.model };
  }

  it('has correct batches for at least 12 cases, wrong ones for at least 8', () => {
    expect(Object.keys(CORRECT).length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(WRONG).length).toBeGreaterThanOrEqual(8);
  });

  it.each(Object.keys(CORRECT))('a correct batch passes the checks of "%s"', async (request) => {
    const { c, base, model } = await run(request, CORRECT[request]);
    expect((c.checks ?? []).filter((k) => !holds(k, base, model))).toEqual([]);
  });

  it.each(Object.keys(SIMPLE))('a correct batch passes the checks of "%s"', async (request) => {
    const { c, base, model } = await run(request, SIMPLE[request]);
    expect((c.checks ?? []).filter((k) => !holds(k, base, model))).toEqual([]);
  });

  it.each(Object.keys(WRONG))(
    'a wrong or partial batch fails the checks of "%s"',
    async (request) => {
      const { c, base, model } = await run(request, WRONG[request]);
      expect((c.checks ?? []).every((k) => holds(k, base, model))).toBe(false);
    }
  );
});
