/**
 * The offline planner on the second corpus (tests/fixtures/ai-offline/untouched.json), measured
 * once and now part of the tuning material: no change that applies but does not do what was
 * asked, and every unsafe request refused with its coded reason. `npx tsx tests/bench/held-out.ts
 * --file tests/fixtures/ai-offline/untouched.json` prints the table.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { loadCases, scoreAll, type Scored } from '../bench/held-out';

let host: SandboxHost;
beforeAll(() => {
  host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 5_000, spare: false });
});
afterAll(async () => {
  await host.dispose();
});

it('makes no wrong change on the untouched set, and refuses every unsafe request with its reason', async () => {
  const cases = loadCases('tests/fixtures/ai-offline/untouched.json');
  const scored: Scored[] = await scoreAll((source, value) => host.migrate(source, value), cases);
  expect(scored.length).toBe(cases.length);
  const wrong = scored
    .filter((s) => s.outcome === 'wrong')
    .map((s) => `${s.case.request}: ${s.detail}`);
  expect(wrong).toEqual([]);
  const unsafe = scored.filter((s) => s.case.unsafe);
  expect(unsafe.length).toBeGreaterThan(0);
  expect(unsafe.filter((s) => !s.refusedWithReason).map((s) => s.case.request)).toEqual([]);
});
