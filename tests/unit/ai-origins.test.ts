/**
 * A link or a picture at an outside address, asked of the offline planner (issue 15): the batch
 * grants the origin it needs with `setCapabilities`, so the compile gate accepts the proposal
 * (before, the gate refused it: the app's network capability allows no origin), and the summary
 * says so; an address on the app itself, or an origin already granted, grants nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CompileGate } from '../../src/lib/code/gate';
import { offlinePlan } from '../../src/lib/ai/offline';
import { rootComponent, type AppModel, type Op } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { template } from './helpers';

const gate = new CompileGate();
afterAll(() => gate.dispose());

const OWNER = { id: 't', role: 'owner' } as const;

/** The request's batch, planned and judged by the gate; its ops, summary and the model after. */
function planned(model: AppModel, message: string) {
  const turn = offlinePlan(model, message);
  if (turn.kind !== 'batch') throw new Error(`expected a batch, got ${turn.kind}: ${turn.text}`);
  const plan = planOps(model, turn.ops, OWNER);
  if (!plan.ok) throw new Error(`${message}: ${JSON.stringify(plan.errors)}`);
  expect(gate.compile(plan.model).errors, message).toEqual([]);
  return { ops: turn.ops, summary: turn.summary, model: plan.model };
}

const grants = (ops: readonly Op[]) => ops.filter((op) => op.op === 'setCapabilities');

describe('outside addresses in offline batches', () => {
  it('a link to another site grants its origin, and only that', () => {
    const got = planned(
      template('blank'),
      'add a link to the garden rota at https://rota.example.net/may'
    );
    expect(grants(got.ops)).toHaveLength(1);
    expect(rootComponent(got.model)?.capabilities.network?.origins).toEqual([
      'https://rota.example.net'
    ]);
    expect(got.summary).toMatch(/reach https:\/\/rota\.example\.net.*approves/);
  });

  it('a picture from another site grants its origin', () => {
    const got = planned(
      template('blank'),
      'add a heading "Harvest" and below it a picture from https://img.example.org/beans.jpg'
    );
    expect(rootComponent(got.model)?.capabilities.network?.origins).toEqual([
      'https://img.example.org'
    ]);
  });

  it('a link to a page of the app grants nothing', () => {
    const got = planned(template('blank'), 'add a link to the help page at /help');
    expect(grants(got.ops)).toEqual([]);
  });

  it('an origin already granted is not granted again, and other capabilities stay', () => {
    const first = planned(template('blank'), 'add a link to https://rota.example.net/june');
    const again = planned(first.model, 'add a link to the archive at https://rota.example.net/old');
    expect(grants(again.ops)).toEqual([]);
    const other = planned(first.model, 'add a link to https://seeds.example.com/list');
    expect(rootComponent(other.model)?.capabilities.network?.origins).toEqual([
      'https://rota.example.net',
      'https://seeds.example.com'
    ]);
  });
});
