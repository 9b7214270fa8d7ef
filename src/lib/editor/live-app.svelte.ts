/**
 * What the canvas runs: the app compiled by the server (the first paint, an answer to a change)
 * or by this browser's own compile gate (gate-client.ts) after every update the replica took in.
 * A change that does not compile leaves the last good version running, and `problem` says why.
 * It also remembers, per compiled app, which writes it includes and its components' stamps, so
 * the canvas can tell what to draw again.
 */
import { componentStamp, type LiveSource } from '../runtime/compiled';
import type { EditError } from '../ops/errors';
import type { Actor } from '../ops/plan';
import { readHistory } from '../collab/history-entry';
import { BrowserGate, keepLastGood, prefetchGateWorker, type GateProblem } from './gate-client';

/** The running app and the browser gate that compiles the next one. */
export class LiveApp {
  /** What the canvas runs. */
  live = $state.raw<LiveSource>({ ok: false, message: 'loading' });
  /** Why the canvas runs an older version than the document holds, if it does. */
  problem = $state.raw<GateProblem | null>(null);
  /** The browser's gate; null without collaboration, or once it failed. */
  private gate: BrowserGate | null = null;
  /** For each app the browser's gate compiled: the gate sequence it includes (see `includes`). */
  private readonly upTo = new WeakMap<LiveSource, number>();
  /** For each app: its components' stamps, from the gate or computed here once (see `stamps`). */
  private readonly stampsOf = new WeakMap<LiveSource, Readonly<Record<string, string>>>();
  /** The newest change as the history says it, named in a problem. */
  private lastChange: string | null = null;
  private compiling = false;
  private compileAgain = false;

  /**
   * Starts the browser's gate with `whole`, the document as the replica holds it now. Its worker
   * starts through `afterDrawn` (once the canvas drew the app, in idle time), or at once with the
   * first check. Its code is read into the cache now (`prefetchGateWorker`): a tab that went
   * offline before the worker started still starts it. Started with the studio, the worker's
   * compile took a core for about 600 ms of a two-core machine while the canvas drew a large app.
   */
  start(whole: Uint8Array, afterDrawn?: (run: () => void) => void): void {
    prefetchGateWorker();
    this.gate = new BrowserGate(undefined, undefined, afterDrawn);
    this.gate.push(whole);
  }

  /** Whether the browser's gate runs (it stamps each write with a sequence). */
  get running(): boolean {
    return this.gate !== null;
  }

  /** The gate sequence of the last write handed to it (0 without a gate). */
  get sequence(): number {
    return this.gate?.sequence ?? 0;
  }

  /** Hands the gate an update the replica took in. */
  push(update: Uint8Array): void {
    this.gate?.push(update);
  }

  /**
   * Runs `live`, compiled by the server after this request: as new as everything this page
   * wrote before it (my earlier writes went out on the socket first).
   */
  fromServer(live: LiveSource): void {
    if (this.gate) this.upTo.set(live, this.gate.sequence);
    this.live = live;
  }

  /** Notes `entry`, the history's newest, as the change a compile problem names. */
  noteChange(entry: unknown): void {
    // Read through the validator: one malformed entry already stored must not throw here.
    const latest = readHistory([entry])[0];
    if (latest?.ok)
      this.lastChange = `${latest.entry.name ?? latest.entry.who}: ${latest.entry.summary}`;
  }

  /** Starts the browser's TypeScript worker ahead of an offline edit with code (./typecheck-client.ts). */
  warmTypes(): void {
    this.gate?.types.warm();
  }

  /**
   * The browser gate's errors for a batch `actor` is about to write here (TypeScript included
   * when the batch changes code: gate-client.ts `check`); empty: it may be written. Null when
   * there is no gate to ask (no collaboration, or it failed): the server's judgement is then the
   * only one.
   */
  async check(ops: readonly unknown[], actor: Actor): Promise<readonly EditError[] | null> {
    if (!this.gate) return null;
    try {
      return await this.gate.check(ops, actor);
    } catch (e) {
      console.warn('malleable: the browser compile gate could not check a batch', e);
      return null;
    }
  }

  /** Compiles the replica in the browser's gate; the canvas keeps the last good version. */
  async compile(): Promise<void> {
    if (!this.gate) return;
    if (this.compiling) {
      this.compileAgain = true;
      return;
    }
    this.compiling = true;
    try {
      do {
        this.compileAgain = false;
        const outcome = await this.gate.compile();
        const kept = keepLastGood(this.live, outcome, this.lastChange);
        if (kept.live === outcome.live) {
          this.upTo.set(kept.live, outcome.upTo);
          if (outcome.stamps) this.stampsOf.set(kept.live, outcome.stamps);
        }
        this.live = kept.live;
        this.problem = kept.problem;
      } while (this.compileAgain);
    } catch (e) {
      // Without a working gate here, the server's compiled answers still reach the canvas.
      console.warn('malleable: the browser compile gate failed', e);
      this.gate?.dispose();
      this.gate = null;
    } finally {
      this.compiling = false;
    }
  }

  /**
   * Whether the canvas running `live` already shows a change of gate sequence `seq`: true for an
   * app the browser's gate compiled after it, or one the server answered with after it; false
   * for an older one (the page's first, or a compile that was on its way).
   */
  includes(live: LiveSource, seq: number): boolean {
    return (this.upTo.get(live) ?? 0) >= seq;
  }

  /**
   * Each component of a compiled app by id, as its `componentStamp`: the canvas compares them to
   * tell which components changed. The browser's gate stamps what it compiles (in its worker);
   * an app from the server (the first paint, an op route's answer) is stamped here, once.
   */
  stamps(live: Extract<LiveSource, { ok: true }>): Readonly<Record<string, string>> {
    let stamps = this.stampsOf.get(live);
    if (!stamps) {
      stamps = Object.fromEntries(live.components.map((c) => [c.id, componentStamp(c)]));
      this.stampsOf.set(live, stamps);
    }
    return stamps;
  }

  /** Stops the browser's gate. */
  dispose(): void {
    this.gate?.dispose();
  }
}
