/**
 * The requests of tests/fixtures/ai-offline/last.json that the recipe classes of issue 15 now
 * answer correctly (looks through the style prop, steps, list views and counts, counters, things
 * built from nothing) stay correct: each is scored as tests/bench/held-out.ts scores it. The
 * classes themselves are tested with other phrasings in ai-looks, ai-steps, ai-list-more,
 * ai-counters, ai-build, ai-when and ai-row-look.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { loadCases, scoreOne } from '../bench/held-out';

let host: SandboxHost;
beforeAll(() => {
  host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 5_000, spare: false });
});
afterAll(async () => {
  await host.dispose();
});

const MUST_STAY_CORRECT = [
  'put a Start over button at the bottom that throws away every task',
  'add a Z-A button that sorts the list backwards',
  'filter box above the tasks so i can type and only see matching ones',
  "show 'x of y done' under the list",
  'start the list without the Try Malleable example',
  'make the clear done button the same size as the add button',
  'turn the Add button green',
  'how many tasks have I finished? show it next to the heading',
  'plus should add 5 and minus should take away 5',
  'the number should turn green when its above 0',
  'counter card smaller pls',
  'make the number huge',
  'Add a -10 and a +10 button',
  'message box needs a little letter counter',
  'make the Send button full width',
  'make the checkbox a toggle',
  'first name and last name boxes side by side',
  'a shopping total: price and quantity inputs and show price times quantity',
  "add a heading 'Team lunch' and a dropdown of pizza, sushi, tacos under it",
  'add a to do list where i can also clear the finished ones',
  "sms box that shows how many of the 160 letters i've got left",
  'a list of names i can sort A to Z with a button',
  'a countdown that starts at 100, with a button to count down'
];

it.each(MUST_STAY_CORRECT)('"%s" stays correct', async (request) => {
  const c = loadCases('tests/fixtures/ai-offline/last.json').find((x) => x.request === request);
  expect(c, request).toBeDefined();
  const scored = await scoreOne(c!, (source, value) => host.migrate(source, value));
  expect(`${scored.outcome}: ${scored.detail}`).toMatch(/^correct: /);
});
