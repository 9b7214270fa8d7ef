/**
 * The page's side of the browser's TypeScript stage, with a stand-in worker: nothing starts a
 * worker before a check needs it; a check past the limit terminates the worker, ends in
 * E_GATE_TIMEOUT naming the unit, and the next check runs in a fresh worker; a worker that cannot
 * load (offline before TypeScript was ever fetched) is no verdict, not a refusal.
 */
import { describe, expect, test } from 'vitest';
import { BrowserTypecheck } from '../../src/lib/editor/typecheck-client';
import type { TypeCheckJob, TypeCheckRequest } from '../../src/lib/code/gate-protocol';
import { seededIds } from '../../src/lib/model/ids';
import { templateModel } from '../../src/lib/templates';

type Behaviour = 'answer' | 'spin' | 'fail-to-load';

/** A stand-in for the type-check worker: says ready, then answers, spins or fails as told. */
class FakeWorker extends EventTarget {
  terminated = false;
  constructor(private readonly behaviour: Behaviour) {
    super();
    setTimeout(() => {
      if (behaviour === 'fail-to-load')
        this.dispatchEvent(new Event('error', { cancelable: true }));
      else this.dispatchEvent(new MessageEvent('message', { data: { t: 'ready' } }));
    }, 1);
  }
  postMessage(request: TypeCheckRequest): void {
    if (this.behaviour !== 'answer') return;
    setTimeout(() => {
      this.dispatchEvent(
        new MessageEvent('message', {
          data: { t: 'result', seq: request.seq, errors: request.jobs.map(() => []) }
        })
      );
    }, 1);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const model = templateModel('todo', seededIds(1));
const root = model.meta.root;
const button = [...model.nodes.values()].find((n) => n.type === 'Button')!.id;
const jobs: TypeCheckJob[] = [
  {
    component: root,
    units: [
      {
        kind: 'expr',
        component: root,
        node: button,
        type: 'Button',
        prop: 'disabled',
        source: 'x',
        loops: []
      }
    ]
  }
];

function checker(behaviours: Behaviour[], limitMs = 50) {
  const made: FakeWorker[] = [];
  const types = new BrowserTypecheck({
    limitMs,
    makeWorker: () => {
      const worker = new FakeWorker(behaviours[made.length] ?? 'answer');
      made.push(worker);
      return worker as unknown as Worker;
    }
  });
  return { types, made };
}

describe('BrowserTypecheck', () => {
  test('starts no worker until a check needs one, then answers', async () => {
    const { types, made } = checker(['answer']);
    expect(types.started).toBe(false);
    expect(made).toHaveLength(0);
    const outcome = await types.check(model, jobs);
    expect(outcome).toEqual({ ok: true, errors: [[]] });
    expect(made).toHaveLength(1);
    types.dispose();
    expect(made[0].terminated).toBe(true);
  });

  test('a check past the limit terminates the worker and ends in E_GATE_TIMEOUT; the next runs in a fresh one', async () => {
    const { types, made } = checker(['spin', 'answer']);
    const outcome = await types.check(model, jobs);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('E_GATE_TIMEOUT');
    expect(outcome.error.message).toContain(`Button ${button}.disabled took longer than 50 ms`);
    expect(outcome.error.path).toBe(`/nodes/${button}/props/disabled`);
    expect(outcome.unavailable).toBeUndefined();
    expect(made[0].terminated).toBe(true);
    // Restarted at once, so the next check finds it warm.
    expect(made).toHaveLength(2);
    expect(await types.check(model, jobs)).toEqual({ ok: true, errors: [[]] });
    expect(types.starts).toBe(2);
    types.dispose();
  });

  test('a worker that cannot load is no verdict', async () => {
    const { types, made } = checker(['fail-to-load', 'answer']);
    const outcome = await types.check(model, jobs);
    expect(outcome).toMatchObject({ ok: false, unavailable: true });
    expect(made[0].terminated).toBe(true);
    // Tried again on the next check (the connection may be back).
    expect(await types.check(model, jobs)).toEqual({ ok: true, errors: [[]] });
    types.dispose();
  });
});
