/**
 * The offline planner on the third corpus (tests/fixtures/ai-offline/final.json), measured once
 * and now tuning material: no change that applies but does not do what was asked, and every
 * unsafe request refused with its coded reason. `npx tsx tests/bench/held-out.ts --file
 * tests/fixtures/ai-offline/final.json` prints the table.

 * "put the slider and the buttons side by side" (the counter's three buttons already sit in a
 * row of their own) once joined the slider to that row, which the case's checks call wrong; it
 * now makes a new row holding the slider and the buttons' row whole, and is asserted correct.
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

const JOINS_A_ROW = 'put the slider and the buttons side by side';

it('makes no wrong change on the final set, and refuses every unsafe request with its reason', async () => {
  const cases = loadCases('tests/fixtures/ai-offline/final.json');
  const scored: Scored[] = await scoreAll((source, value) => host.migrate(source, value), cases);
  expect(scored.length).toBe(cases.length);
  const wrong = scored
    .filter((s) => s.outcome === 'wrong')
    .map((s) => `${s.case.request}: ${s.detail}`);
  expect(wrong).toEqual([]);
  expect(scored.find((s) => s.case.request === JOINS_A_ROW)?.outcome).toBe('correct');
  const unsafe = scored.filter((s) => s.case.unsafe);
  expect(unsafe.length).toBe(9);
  expect(unsafe.filter((s) => !s.refusedWithReason).map((s) => s.case.request)).toEqual([]);
});
