/**
 * The app's `shared` data that Use mode's handlers changed, written to the replica coalesced:
 * a burst of typing is one write, so the document grows with the data, not with the keystrokes.
 * A write waits for a quiet moment (`COALESCE_MS`) but never longer than `COALESCE_MAX_MS`
 * after the first change it carries; leaving Use mode, the page or the canvas writes at once.
 */
import type { JsonValue } from '../../model/types';
import type { Outcome } from '../studio.svelte';

/** Quiet time before a coalesced write, in ms. */
export const COALESCE_MS = 250;
/** The longest a change waits for its write, in ms. */
export const COALESCE_MAX_MS = 1000;

type Fields = Record<string, JsonValue>;

/** How the writes reach the replica, and what they tell back. */
export interface SharedWritesOptions {
  /** Writes the change from `prev` to `next` (`studio.writeData`); answers once stored or refused. */
  write(prev: Fields, next: Fields): Promise<Outcome>;
  /** A write was refused (the person is told; the data goes back to what was stored). */
  refused(outcome: Extract<Outcome, { ok: false }>): void;
  /** Every write is answered and none waits: the stored data is the truth again. */
  settled(): void;
  /** The clock, in ms (tests pass their own). */
  now?: () => number;
}

/** This tab's coalesced writes of shared data. */
export class SharedWrites {
  /** The change not written yet: from what was stored before the first of it, to the latest. */
  private pending: { prev: Fields; next: Fields } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private since = 0;
  /** Writes not answered yet: the model's data lags behind the sandbox until they are. */
  private inFlight = 0;
  private readonly now: () => number;

  constructor(private readonly options: SharedWritesOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Whether a write is on its way (the replica's data is behind this tab's until answered). */
  get writing(): boolean {
    return this.inFlight > 0;
  }

  /**
   * The shared data with the fields this tab changed and has not written yet over it: a change
   * from elsewhere meanwhile reloads with these fields as this tab has them.
   */
  over(shared: Readonly<Fields>): Readonly<Fields> {
    return this.pending ? { ...shared, ...this.pending.next } : shared;
  }

  /** The handlers moved the shared data from `prev` to `next`: write it soon. */
  queue(prev: Fields, next: Fields): void {
    if (!this.pending) this.since = this.now();
    this.pending = { prev: this.pending?.prev ?? prev, next };
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(COALESCE_MS, this.since + COALESCE_MAX_MS - this.now()));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Writes what waits, now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const write = this.pending;
    this.pending = null;
    if (!write) return;
    this.inFlight++;
    void this.options.write(write.prev, write.next).then((outcome) => {
      if (!outcome.ok) this.options.refused(outcome);
      // Once every write is answered, the stored data is the truth: a refused write (or a
      // change from elsewhere meanwhile) brings the sandbox back in step with it.
      if (--this.inFlight === 0 && !this.pending) this.options.settled();
    });
  }
}
