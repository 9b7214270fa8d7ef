/**
 * The page's side of the browser's TypeScript stage: `BrowserTypecheck` hands type-check jobs
 * (../code/gate-protocol.ts, the server's protocol) to a Web Worker of their own
 * (./typecheck-worker.ts) with a time limit, one check at a time.
 *
 * Lazy on purpose: the worker's chunk holds `typescript` (several MB), and most edits never need
 * it (a literal changes no code). The worker is created by the first `check`, which only a batch
 * that changes an expression, a handler or a state type reaches (gate-replica.ts `typeJobs`).
 *
 * Bounded: a few hundred bytes of type-level code can keep TypeScript busy for minutes. A check
 * past `limitMs` terminates the worker (the tab keeps working; a fresh worker warms up at once)
 * and ends in `E_GATE_TIMEOUT`, as on the server. The limit starts once the worker is warm (it
 * parses TypeScript's lib files before it says `ready`), so a slow first load is not the code's
 * fault.
 */
import type { AppModel } from '../model/types';
import { catalogError, type EditError } from '../errors';
import type { TypeCheckJob, TypeCheckReply, TypeCheckRequest } from '../code/gate-protocol';
import { unitLabel, type CodeUnit } from '../code/units';

/** Limits of a BrowserTypecheck. */
export interface BrowserTypecheckOptions {
  /** Longest one check may take once the worker is warm, in ms (default 4000, as the server). */
  readonly limitMs?: number;
  /** Longest the worker may take to load and warm up, in ms (default 60,000). */
  readonly startMs?: number;
  /** Creates the worker (default: the Vite-bundled module worker). */
  readonly makeWorker?: () => Worker;
}

/** A check's outcome: each job's errors, or the one error saying why there are none. */
export type BrowserTypecheckOutcome =
  | { readonly ok: true; readonly errors: readonly (readonly EditError[])[] }
  | {
      readonly ok: false;
      readonly error: EditError;
      /** The worker could not be loaded (offline before TypeScript was ever fetched): no verdict. */
      readonly unavailable?: true;
    };

/** The module worker Vite bundles as a chunk of its own (the `new URL` form is what it recognises). */
function startWorker(): Worker {
  return new Worker(new URL('./typecheck-worker.ts', import.meta.url), { type: 'module' });
}

/** A started worker and the promise of its `ready`. */
interface Running {
  readonly worker: Worker;
  readonly ready: Promise<void>;
}

/** Runs type checks in a worker with a time limit (see the file comment). */
export class BrowserTypecheck {
  /** Workers started so far (one more after every timeout or crash). */
  starts = 0;
  private running: Running | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private seq = 0;
  private disposed = false;
  private readonly limitMs: number;
  private readonly startMs: number;
  private readonly makeWorker: () => Worker;

  constructor(options: BrowserTypecheckOptions = {}) {
    this.limitMs = options.limitMs ?? 4000;
    this.startMs = options.startMs ?? 60_000;
    this.makeWorker = options.makeWorker ?? startWorker;
  }

  /** Whether a worker is running (tests: nothing starts one before a check needs it). */
  get started(): boolean {
    return this.running !== null;
  }

  /**
   * The type errors of each job (in order), checked against `model` (`checkerModel` of the
   * planned model), or `E_GATE_TIMEOUT` when the check ran past the limit or the worker died.
   * Checks run one at a time, in the order they were asked for.
   */
  check(model: AppModel, jobs: readonly TypeCheckJob[]): Promise<BrowserTypecheckOutcome> {
    const run = this.queue.then(() => this.run(model, jobs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Starts the worker now if none runs (online, after an edit with code went to the server), so
   * that an edit with code made offline later finds TypeScript here: a worker cannot fetch its
   * chunk once the connection is gone.
   */
  warm(): void {
    if (this.disposed || this.running) return;
    this.running = this.start();
  }

  /** Stops the worker; later checks fail. */
  dispose(): void {
    this.disposed = true;
    this.stop();
  }

  private start(): Running {
    const worker = this.makeWorker();
    this.starts++;
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`did not start within ${this.startMs} ms`)),
        this.startMs
      );
      const onMessage = (event: MessageEvent) => {
        if ((event.data as TypeCheckReply | null)?.t !== 'ready') return;
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        resolve();
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        clearTimeout(timer);
        reject(new Error(event.message || 'failed to load'));
      });
    });
    // A start that fails is reported by the check waiting for it; this keeps it from being
    // reported a second time as an unhandled rejection.
    ready.catch(() => undefined);
    return { worker, ready };
  }

  private stop(): void {
    this.running?.worker.terminate();
    this.running = null;
  }

  private async run(
    model: AppModel,
    jobs: readonly TypeCheckJob[]
  ): Promise<BrowserTypecheckOutcome> {
    if (this.disposed)
      return { ok: false, error: failure(model, jobs[0], 'the checker was stopped') };
    const running = (this.running ??= this.start());
    try {
      await running.ready;
    } catch (e) {
      this.stop();
      return {
        ok: false,
        error: failure(model, jobs[0], `could not start the checker (${(e as Error).message})`),
        unavailable: true
      };
    }
    const seq = ++this.seq;
    return new Promise<BrowserTypecheckOutcome>((resolve) => {
      let current = jobs[0]?.component;
      const { worker } = running;
      const finish = (outcome: BrowserTypecheckOutcome, restart: boolean) => {
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        if (restart) {
          // The worker may still be spinning: only terminating it stops it. A fresh one warms up
          // now, so the next check does not pay for it.
          this.stop();
          if (!this.disposed) this.running = this.start();
        }
        resolve(outcome);
      };
      const job = () => jobs.find((j) => j.component === current) ?? jobs[0];
      const timer = setTimeout(
        () =>
          finish(
            { ok: false, error: failure(model, job(), `took longer than ${this.limitMs} ms`) },
            true
          ),
        this.limitMs
      );
      const onMessage = (event: MessageEvent) => {
        const reply = event.data as TypeCheckReply | null;
        if (!reply || reply.t === 'ready' || reply.seq !== seq) return;
        if (reply.t === 'progress') current = reply.component;
        else if (reply.t === 'result') finish({ ok: true, errors: reply.errors }, false);
        else
          finish(
            { ok: false, error: failure(model, job(), `stopped the checker (${reply.message})`) },
            true
          );
      };
      const onError = (event: ErrorEvent) => {
        event.preventDefault();
        finish(
          { ok: false, error: failure(model, job(), 'stopped the checker (it crashed)') },
          true
        );
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      const request: TypeCheckRequest = { t: 'check', seq, model, jobs };
      worker.postMessage(request);
    });
  }
}

/** E_GATE_TIMEOUT naming the component, and the unit when the job held only one (as the server). */
function failure(model: AppModel, job: TypeCheckJob | undefined, why: string): EditError {
  const name = (job && model.components.get(job.component)?.name) ?? 'a component';
  const units = job?.units ?? [];
  const what =
    units.length === 1
      ? unitLabel(units[0], name)
      : units.length > 1
        ? `${name} (${units
            .slice(0, 3)
            .map((u) => unitLabel(u))
            .join(', ')}${units.length > 3 ? ', …' : ''})`
        : name;
  return catalogError(
    'E_GATE_TIMEOUT',
    { what, why },
    { path: units.length === 1 && job ? pathOf(units[0], name) : `/components/${name}` }
  );
}

/** A unit's JSON pointer, as ../code/parse.ts `unitPath` (which brings Babel, kept off the page). */
function pathOf(unit: CodeUnit, componentName: string): string {
  return unit.kind === 'expr'
    ? `/nodes/${unit.node}/props/${unit.prop}`
    : `/components/${componentName}/handlers/${unit.handler}`;
}
