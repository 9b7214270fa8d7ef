/**
 * The studio page's compile gate: compiles the app in the browser, in a Web Worker
 * (./gate-worker.ts) that keeps its own replica of the app's document, so edits made offline
 * show on the canvas and code a peer wrote is checked against the policy before it runs here.
 * It also judges a batch before the studio writes it (`check`): the gate worker plans and gates
 * it without TypeScript, and what is left for TypeScript goes to a second worker
 * (./typecheck-client.ts), created only when a batch changes an expression, a handler or a state
 * type, with a time limit.
 *
 * API:
 *
 * - `new BrowserGate(makeWorker?, types?, whenIdle?)`: the worker (by default the Vite-bundled
 *   module worker) starts when `whenIdle` calls back (at once by default), or at the first check.
 * - `gate.push(update)`: a Yjs update the page's replica applied (the first push is the whole
 *   document, `Y.encodeStateAsUpdate(doc)`).
 * - `gate.compile()`: the `{ live, errors, upTo }` of the document as of every update pushed before
 *   the call. Rejects with an Error when the worker could not start, failed or was disposed, or
 *   could not compile at all (an update that did not apply); a compile error of the app is not a
 *   rejection, it is `errors` (and `live.ok === false`).
 * - `gate.check(ops, actor)`: the gate's errors for the batch as `actor` would make it now (empty:
 *   it may be written). Rejects as `compile` does when the worker cannot answer.
 * - `gate.dispose()`: stops the workers; pending and later compiles and checks reject.
 * - `keepLastGood(previous, next, change)`: pure, what the canvas runs after a compile.
 *
 * Protocol: ./gate-protocol.ts.
 */
import type { EditError } from '../ops/errors';
import type { Actor } from '../ops/plan';
import type { LiveSource } from '../runtime/compiled';
import type { CompileOutcome, GateAnswer, GateCheckedAnswer, GateRequest } from './gate-protocol';
import { BrowserTypecheck } from './typecheck-client';
import gateWorkerUrl from './gate-worker.ts?worker&url';

export type { CompileOutcome } from './gate-protocol';

/** Why the canvas is not showing the newest version of the app. */
export interface GateProblem {
  readonly message: string;
  /** The first error's code from the catalog (`E_POLICY_GLOBAL`, `E_SYNTAX`, ...). */
  readonly code: string;
  /** The change that broke the app, as the caller named it (`Ada: Set the text of Button b3`). */
  readonly change: string | null;
}

/**
 * What the canvas runs after a compile: the new version when it compiled, else the last good
 * one (`previous`, when there is one that runs), with the problem naming the first error and the
 * change that caused it. Crash isolation: a broken change never takes the running app away.
 */
export function keepLastGood(
  previous: LiveSource | null,
  next: CompileOutcome,
  change: string | null
): { live: LiveSource; problem: GateProblem | null } {
  if (next.live.ok && next.errors.length === 0) return { live: next.live, problem: null };
  const first: EditError | undefined = next.errors[0];
  const problem: GateProblem = {
    message: first?.message ?? (next.live.ok ? 'the app does not compile' : next.live.message),
    code: first?.code ?? 'E_MODULE',
    change
  };
  return { live: previous?.ok ? previous : next.live, problem };
}

/** The worker Vite bundles with the page (one file, no imports: `?worker&url` is its address). */
function startWorker(): Worker {
  return new Worker(gateWorkerUrl, { type: 'module' });
}

/**
 * Reads the gate worker's code into the browser's cache now, at low priority, so that the
 * worker can be started later (after the canvas first drew the app) even when the tab has gone
 * offline by then: Vite's worker files are immutable and served with a year's max-age, so a
 * later start takes them from the cache without the network.
 */
export function prefetchGateWorker(): void {
  if (typeof fetch === 'undefined') return;
  void fetch(gateWorkerUrl, { priority: 'low' })
    .then((response) => response.arrayBuffer())
    .catch(() => {
      // Offline already: the worker's own start says so when it comes.
    });
}

interface Waiting {
  readonly seq: number;
  readonly resolve: (outcome: CompileOutcome & { readonly upTo: number }) => void;
  readonly reject: (error: Error) => void;
}

/** The page's side of the browser compile gate (see the file comment). */
export class BrowserGate {
  private worker: Worker | null = null;
  /** Requests made before the worker started (see `begin`), in order. */
  private unstarted: GateRequest[] = [];
  /** Set once the worker cannot be used; every compile from then on rejects with it. */
  private dead: Error | null = null;
  private seq = 0;
  /** The newest `seq` answered; older answers are stale and dropped. */
  private answered = 0;
  private waiting: Waiting[] = [];
  /** Updates pushed in this task, not yet posted (see `push`). */
  private queued: GateRequest[] = [];
  /** Checks waiting for their `checked` answer, by seq. */
  private readonly checks = new Map<
    number,
    { resolve: (answer: GateCheckedAnswer) => void; reject: (error: Error) => void }
  >();
  /** The TypeScript stage: its worker starts with the first batch that needs it. */
  readonly types: BrowserTypecheck;

  constructor(
    private readonly makeWorker: () => Worker = startWorker,
    types: BrowserTypecheck = new BrowserTypecheck(),
    whenIdle: (start: () => void) => void = (start) => start()
  ) {
    this.types = types;
    whenIdle(() => this.begin());
  }

  /**
   * Starts the worker (once) and hands it what waited. A caller may hold the start back with
   * `whenIdle` (the worker's compile takes a core for a few hundred milliseconds); the studio
   * holds it until the canvas first drew the app, having read its code into the cache first
   * (`prefetchGateWorker`), since a worker started late would otherwise fetch its code, which
   * fails once the tab is offline. A check starts it at once; a compile waits with the updates.
   */
  private begin(): void {
    if (this.worker || this.dead) return;
    let worker: Worker;
    try {
      worker = this.makeWorker();
    } catch (e) {
      this.stop(
        `The browser compile gate could not start its worker: ${(e as Error)?.message ?? String(e)}`
      );
      return;
    }
    this.worker = worker;
    worker.addEventListener('message', (event) => this.receive(event.data));
    // A module worker that fails to load (a missing chunk, a CSP refusal) or throws at the top
    // level reports it here and nowhere else: without this its compiles would wait forever.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.stop(
        `The browser compile gate's worker failed${event.message ? `: ${event.message}` : ' to load'}.`
      );
    });
    worker.addEventListener('messageerror', () =>
      this.stop("The browser compile gate's worker sent a message that could not be read.")
    );
    const waited = this.unstarted;
    this.unstarted = [];
    for (const request of waited) this.send(request);
  }

  /**
   * Hands the worker a Yjs update of the app's document (the first: the whole document). Posted
   * once the task that made it is over, with the others of that task, so the frame that shows an
   * edit does not wait for it; any other request posts them first, so the worker reads them in
   * order.
   */
  push(update: Uint8Array): void {
    if (this.dead) return;
    this.queued.push({ t: 'update', seq: ++this.seq, update });
    if (this.queued.length === 1) setTimeout(this.postQueued, 0);
  }

  private readonly postQueued = (): void => {
    const queued = this.queued;
    this.queued = [];
    for (const request of queued) this.post(request);
  };

  /** The sequence of the last update pushed or compile asked for. */
  get sequence(): number {
    return this.seq;
  }

  /**
   * Compiles the document as of every update pushed so far (see the file comment); `upTo`: the
   * sequence the answer includes (every update pushed before it).
   */
  compile(): Promise<CompileOutcome & { readonly upTo: number }> {
    if (this.dead) return Promise.reject(this.dead);
    const seq = ++this.seq;
    return new Promise<CompileOutcome & { readonly upTo: number }>((resolve, reject) => {
      this.waiting.push({ seq, resolve, reject });
      this.post({ t: 'compile', seq });
    });
  }

  /**
   * The gate's errors for `ops` as `actor` would make them now, against the document as of every
   * update pushed so far (see the file comment); empty when the batch may be written.
   */
  async check(ops: readonly unknown[], actor: Actor): Promise<readonly EditError[]> {
    if (this.dead) throw this.dead;
    const seq = ++this.seq;
    const answer = await new Promise<GateCheckedAnswer>((resolve, reject) => {
      this.checks.set(seq, { resolve, reject });
      this.post({ t: 'check', seq, ops, actor });
    });
    if (answer.errors.length > 0 || !answer.types) return answer.errors;
    const typed = await this.types.check(answer.types.model, answer.types.jobs);
    // No checker to ask is no verdict (the caller falls back on the server's), not a refusal.
    if (!typed.ok && typed.unavailable) throw new Error(typed.error.message);
    return typed.ok ? typed.errors.flat() : [typed.error];
  }

  /** Stops the workers; compiles and checks still waiting reject. */
  dispose(): void {
    this.stop('The browser compile gate was disposed.');
    this.types.dispose();
  }

  private post(request: GateRequest): void {
    if (this.dead) return;
    if (request.t !== 'update' && this.queued.length > 0) this.postQueued();
    if (!this.worker) {
      this.unstarted.push(request);
      // A check holds up a person's write: it cannot wait. A compile can: until the worker runs,
      // the canvas runs the app as the page got it.
      if (request.t === 'check') this.begin();
      return;
    }
    this.send(request);
  }

  private send(request: GateRequest): void {
    try {
      this.worker!.postMessage(request);
    } catch (e) {
      this.stop(`The browser compile gate could not reach its worker: ${(e as Error).message}`);
    }
  }

  private receive(data: unknown): void {
    const answer = data as GateAnswer | null;
    if (!answer || typeof answer.seq !== 'number') return;
    // A check's answer (or its failure) is its own: it settles that check and no compile.
    const check = this.checks.get(answer.seq);
    if (check) {
      this.checks.delete(answer.seq);
      if (answer.t === 'checked') check.resolve(answer);
      else if (answer.t === 'failed') check.reject(new Error(answer.message));
      else check.reject(new Error('the browser gate answered a check with a compile'));
      return;
    }
    if (answer.t !== 'compiled' && answer.t !== 'failed') return;
    if (typeof answer.seq !== 'number' || answer.seq <= this.answered) return;
    this.answered = answer.seq;
    // The answer reflects every update posted before its request, so it answers every compile
    // up to its seq (the worker may have coalesced them into one).
    const settled = this.waiting.filter((w) => w.seq <= answer.seq);
    this.waiting = this.waiting.filter((w) => w.seq > answer.seq);
    for (const w of settled) {
      if (answer.t === 'compiled')
        w.resolve({
          live: answer.live,
          errors: answer.errors,
          ...(answer.stamps ? { stamps: answer.stamps } : {}),
          upTo: answer.seq
        });
      else w.reject(new Error(answer.message));
    }
  }

  private stop(message: string): void {
    if (this.dead) return;
    this.dead = new Error(message);
    this.queued = [];
    this.unstarted = [];
    this.worker?.terminate();
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) w.reject(this.dead);
    const checks = [...this.checks.values()];
    this.checks.clear();
    for (const c of checks) c.reject(this.dead);
  }
}
