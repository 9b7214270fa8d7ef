/**
 * The offline planner on the fourth corpus (tests/fixtures/ai-offline/last.json), measured once and
 * now part of the tuning material: no change that applies but does not do what was asked, every
 * unsafe request refused with its coded reason, and the requests it answers correctly
 * (PLANNER_CORRECT in last-corpus-correct.ts) stay correct. `npx tsx tests/bench/held-out.ts
 * --file tests/fixtures/ai-offline/last.json` prints the table.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { loadCases, scoreAll, type Scored } from '../bench/held-out';
import { PLANNER_CORRECT } from './last-corpus-correct';

let host: SandboxHost;
beforeAll(() => {
  host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 5_000, spare: false });
});
afterAll(async () => {
  await host.dispose();
});

it('makes no wrong change on the last set, refuses every unsafe request with its reason, and keeps what it gets right', async () => {
  const cases = loadCases('tests/fixtures/ai-offline/last.json');
  const scored: Scored[] = await scoreAll((source, value) => host.migrate(source, value), cases);
  expect(scored.length).toBe(cases.length);
  const wrong = scored
    .filter((s) => s.outcome === 'wrong')
    .map((s) => `${s.case.request}: ${s.detail}`);
  expect(wrong).toEqual([]);
  const unsafe = scored.filter((s) => s.case.unsafe);
  expect(unsafe.length).toBeGreaterThan(0);
  expect(unsafe.filter((s) => !s.refusedWithReason).map((s) => s.case.request)).toEqual([]);
  const requests = new Set(cases.map((c) => c.request));
  expect(PLANNER_CORRECT.filter((r) => !requests.has(r))).toEqual([]);
  const lost = scored
    .filter((s) => PLANNER_CORRECT.includes(s.case.request) && s.outcome !== 'correct')
    .map((s) => `${s.case.request}: ${s.outcome} ${s.detail}`);
  expect(lost).toEqual([]);
});
