/**
 * The canvas's coalesced writes of `shared` data (src/lib/editor/canvas/shared-writes.ts): a
 * burst of changes is one write from the first `prev` to the last `next`, after a quiet moment
 * but never later than the longest wait; `settled` once every write is answered.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonValue } from '../../src/lib/model/types';
import {
  COALESCE_MAX_MS,
  COALESCE_MS,
  SharedWrites
} from '../../src/lib/editor/canvas/shared-writes';

type Fields = Record<string, JsonValue>;

function setup(answer: { ok: boolean } = { ok: true }) {
  const written: { prev: Fields; next: Fields }[] = [];
  const events: string[] = [];
  const writes = new SharedWrites({
    write: async (prev, next) => {
      written.push({ prev, next });
      return answer.ok
        ? { ok: true, summary: null, idMap: {} }
        : { ok: false, errors: [{ code: 'E_FORBIDDEN', message: 'no' }] as never };
    },
    refused: () => events.push('refused'),
    settled: () => events.push('settled'),
    now: () => Date.now()
  });
  return { writes, written, events };
}

describe('SharedWrites', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a burst of typing is one write, from the first prev to the last next, after a quiet moment', async () => {
    const { writes, written, events } = setup();
    writes.queue({ note: '' }, { note: 'a' });
    vi.advanceTimersByTime(100);
    writes.queue({ note: 'a' }, { note: 'ab' });
    expect(writes.over({ note: '', other: 1 })).toEqual({ note: 'ab', other: 1 });
    vi.advanceTimersByTime(COALESCE_MS - 1);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(written).toEqual([{ prev: { note: '' }, next: { note: 'ab' } }]);
    expect(writes.writing).toBe(true);
    await vi.runAllTimersAsync();
    expect(writes.writing).toBe(false);
    expect(events).toEqual(['settled']);
    expect(writes.over({ note: '' })).toEqual({ note: '' });
  });

  it('steady typing is written at the latest after the longest wait', () => {
    const { writes, written } = setup();
    for (let t = 0; t < COALESCE_MAX_MS; t += 100) {
      writes.queue({ n: t }, { n: t + 1 });
      vi.advanceTimersByTime(100);
    }
    expect(written).toHaveLength(1);
    expect(written[0].prev).toEqual({ n: 0 });
  });

  it('flush writes at once; nothing waiting writes nothing', async () => {
    const { writes, written, events } = setup();
    writes.flush();
    expect(written).toEqual([]);
    writes.queue({ a: 1 }, { a: 2 });
    writes.flush();
    expect(written).toHaveLength(1);
    await vi.runAllTimersAsync();
    expect(written).toHaveLength(1);
    expect(events).toEqual(['settled']);
  });

  it('a refused write is reported, then settles', async () => {
    const { writes, events } = setup({ ok: false });
    writes.queue({ a: 1 }, { a: 2 });
    writes.flush();
    await vi.runAllTimersAsync();
    expect(events).toEqual(['refused', 'settled']);
  });
});
