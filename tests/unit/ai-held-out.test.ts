/**
 * The offline planner on the held-out requests (tests/fixtures/ai-offline/held-out.json, written before
 * the planner's rules were read): no change that applies but does not do what was asked, and every
 * unsafe request refused with its coded reason. `npx tsx tests/bench/held-out.ts` prints the table.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { scoreAll, tally, type Scored } from '../bench/held-out';

let host: SandboxHost;
beforeAll(() => {
  host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 5_000, spare: false });
});
afterAll(async () => {
  await host.dispose();
});

it('makes no wrong change on the held-out set, and refuses every unsafe request with its reason', async () => {
  const scored: Scored[] = await scoreAll((source, value) => host.migrate(source, value));
  expect(scored.length).toBeGreaterThanOrEqual(40);
  const wrong = scored
    .filter((s) => s.outcome === 'wrong')
    .map((s) => `${s.case.request}: ${s.detail}`);
  expect(wrong).toEqual([]);
  const unsafe = scored
    .filter((s) => s.case.unsafe && !s.refusedWithReason)
    .map((s) => s.case.request);
  expect(unsafe).toEqual([]);
  // At least half of the requests for a change come out right.
  const t = tally(scored);
  const asked = scored.filter((s) => s.case.expect === 'change').length;
  expect(t.correct * 2).toBeGreaterThanOrEqual(asked);
});
