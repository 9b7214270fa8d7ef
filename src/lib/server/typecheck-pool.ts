/**
 * The TypeScript stage of the server's gate, in a child process with a time limit and a memory
 * limit (../code/gate-worker.ts is its entry). One check at a time: requests wait in a queue, and
 * a check that runs past the limit, or a process that dies, ends in a failure value naming the
 * component that was being checked; the next check starts a fresh process.
 *
 * Why a process and not a worker thread: the checker runs on code from peers and the AI, and V8
 * ends the whole process (not just a worker, whatever its `resourceLimits`) on a single
 * allocation past the heap limit (../../../../shared/STACK.md). A child's death is only its own.
 */
import * as processes from 'node:child_process';
import * as files from 'node:fs';
import { createRequire } from 'node:module';
import * as paths from 'node:path';
import * as urls from 'node:url';
import type { AppModel } from '../model/types';
import type { EditError } from '../ops/errors';
import type { TypeCheckJob, TypeCheckReply, TypeCheckRequest } from '../code/gate-protocol';

/** Limits of the type-check process. */
export interface TypecheckPoolOptions {
  /** Longest one check may take, in ms (default: `MALLEABLE_GATE_TIMEOUT_MS`, else 4000). */
  readonly timeoutMs?: number;
  /** Old-space heap of the process, in MB (default 512). */
  readonly memoryMb?: number;
  /** Longest the process may take to start and warm up, in ms (default 60,000). */
  readonly startTimeoutMs?: number;
  /** The entry to run, a `.js` file or a `.ts` file (run with tsx); found by default. */
  readonly entry?: string;
}

/** Why a check has no answer. */
export type TypecheckFailure = 'timeout' | 'memory' | 'crash';

/** A check's outcome: each job's errors, or why there are none and which component was running. */
export type TypecheckOutcome =
  | { readonly ok: true; readonly errors: readonly (readonly EditError[])[] }
  | {
      readonly ok: false;
      readonly reason: TypecheckFailure;
      /** Id of the component being checked when it failed. */
      readonly component: string;
      readonly detail: string;
    };

/** Default time limit of one check, from `MALLEABLE_GATE_TIMEOUT_MS` or 4 s. */
export function defaultTimeoutMs(): number {
  const fromEnv = Number(process.env.MALLEABLE_GATE_TIMEOUT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 4000;
}

/**
 * The process's entry and the Node flags it needs. From source (vitest, tsx, the CLI) this
 * module sits in src/lib/server and the entry is ../code/gate-worker.ts, run through tsx's
 * loader. In a built server (Vite SSR, then adapter-node) this module is a chunk under
 * build/server, and `npm run build` put the bundled entry at build/sandbox/typecheck-worker.js
 * (scripts/copy-sandbox.js), found from server.js as the sandbox files are.
 * `MALLEABLE_GATE_WORKER` overrides both.
 */
export function gateWorkerEntry(entry = process.env.MALLEABLE_GATE_WORKER): {
  file: string;
  execArgv: string[];
} {
  const withLoader = (file: string) => ({
    file,
    execArgv: file.endsWith('.ts') ? ['--import', tsxLoader()] : []
  });
  if (entry) return withLoader(entry);
  // A path join, not `new URL('…', import.meta.url)`, which a bundler may take for an asset.
  const here = paths.dirname(urls.fileURLToPath(import.meta.url));
  const source = paths.join(here, '..', 'code', 'gate-worker.ts');
  if (files.existsSync(source)) return withLoader(source);
  const main = process.argv[1] ? paths.dirname(process.argv[1]) : '';
  const candidates = [
    process.env.MALLEABLE_SANDBOX_DIR
      ? paths.join(process.env.MALLEABLE_SANDBOX_DIR, 'typecheck-worker.js')
      : '',
    main ? paths.join(main, 'sandbox', 'typecheck-worker.js') : '',
    main ? paths.join(main, 'build', 'sandbox', 'typecheck-worker.js') : ''
  ].filter(Boolean);
  const found = candidates.find((path) => files.existsSync(path));
  if (!found) {
    throw new Error(
      `the type-check process entry is missing (looked for ${[source, ...candidates].join(', ')}); ` +
        'run `npm run build` or set MALLEABLE_GATE_WORKER'
    );
  }
  return withLoader(found);
}

/** tsx's ESM loader as a file URL, so `--import` finds it whatever the child's working folder. */
function tsxLoader(): string {
  return urls.pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

/** One running type-check process. */
interface Child {
  readonly process: processes.ChildProcess;
  /** Settles when the process is warm (or has failed to start). */
  readonly ready: Promise<boolean>;
  /** The last few KB of its stderr: tells an out-of-memory death from others. */
  stderr: string;
  /** Where its replies go while a check runs. */
  onReply: (reply: TypeCheckReply) => void;
  /** Called once when it exits. */
  onExit: () => void;
  exited: boolean;
}

/** A type-check process, started on first use and again after every failure; checks queue. */
export class TypecheckPool {
  /** Processes started so far (the first, and one after each failure). */
  starts = 0;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly startTimeoutMs: number;
  private readonly entry: string | undefined;
  private child: Child | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private seq = 0;
  private disposed = false;

  constructor(options: TypecheckPoolOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs();
    this.memoryMb = options.memoryMb ?? 512;
    this.startTimeoutMs = options.startTimeoutMs ?? 60_000;
    this.entry = options.entry;
  }

  /** The time limit of one check, in ms. */
  get limitMs(): number {
    return this.timeoutMs;
  }

  /** Type-checks the jobs (after every check queued before them). */
  check(model: AppModel, jobs: readonly TypeCheckJob[]): Promise<TypecheckOutcome> {
    const run = this.queue.then(() => this.run(model, jobs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Starts the process now (it warms up in the background) instead of at the first check. */
  warm(): void {
    if (!this.disposed) this.ensure();
  }

  /** Stops the process; checks after this throw. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.stop();
  }

  private async run(model: AppModel, jobs: readonly TypeCheckJob[]): Promise<TypecheckOutcome> {
    if (this.disposed) throw new Error('the type-check pool was disposed');
    const first = jobs[0]?.component ?? '';
    const child = this.ensure();
    // Held while a check waits and runs, so a CLI run (or a test) waits for its answer.
    hold(child, true);
    if (!(await child.ready)) {
      await this.stop();
      return { ok: false, reason: 'crash', component: first, detail: this.startFailure(child) };
    }
    const seq = ++this.seq;
    return new Promise<TypecheckOutcome>((resolve) => {
      let component = first;
      const settle = (outcome: TypecheckOutcome) => {
        clearTimeout(timer);
        child.onReply = () => {};
        child.onExit = () => {};
        hold(child, false);
        resolve(outcome);
      };
      // Type-level code can keep the checker busy for minutes: stop it at the limit (SIGKILL
      // cannot be caught or delayed), and the next check starts a fresh process.
      const timer = setTimeout(() => {
        settle({
          ok: false,
          reason: 'timeout',
          component,
          detail: `took longer than ${this.timeoutMs} ms`
        });
        void this.stop().then(() => this.restart());
      }, this.timeoutMs);
      child.onReply = (reply) => {
        if (!('seq' in reply) || reply.seq !== seq) return;
        if (reply.t === 'progress') component = reply.component;
        else if (reply.t === 'result') settle({ ok: true, errors: reply.errors });
        else if (reply.t === 'fault')
          settle({ ok: false, reason: 'crash', component, detail: reply.message });
      };
      child.onExit = () => {
        const memory = outOfMemory(child.stderr);
        settle({
          ok: false,
          reason: memory ? 'memory' : 'crash',
          component,
          detail: memory
            ? `used more than ${this.memoryMb} MB`
            : `stopped (${child.process.signalCode ?? `code ${child.process.exitCode}`})`
        });
        this.child = undefined;
        this.restart();
      };
      const request: TypeCheckRequest = { t: 'check', seq, model, jobs };
      child.process.send(request, (error) => {
        if (error) settle({ ok: false, reason: 'crash', component, detail: error.message });
      });
    });
  }

  /**
   * A fresh process after one was stopped mid-check, warming up at once: the next check (often
   * the honest one right after a refused one) should not wait for a cold start.
   */
  private restart(): void {
    if (this.disposed || this.child) return;
    try {
      this.ensure();
    } catch {
      // The entry is missing: the next check reports it.
    }
  }

  private ensure(): Child {
    if (this.child && !this.child.exited) return this.child;
    const { file, execArgv } = gateWorkerEntry(this.entry);
    const proc = processes.fork(file, [], {
      execArgv: [...execArgv, `--max-old-space-size=${this.memoryMb}`],
      serialization: 'advanced',
      // The checker needs no environment: should code ever get out of TypeScript's hands, the
      // server's secrets (API keys, the signing secret) are not there to read.
      env: {},
      stdio: ['ignore', 'ignore', 'pipe', 'ipc']
    });
    this.starts++;
    let markReady: (ok: boolean) => void = () => {};
    const child: Child = {
      process: proc,
      ready: new Promise<boolean>((resolve) => (markReady = resolve)),
      stderr: '',
      onReply: () => {},
      onExit: () => {},
      exited: false
    };
    const startTimer = setTimeout(() => {
      markReady(false);
      proc.kill('SIGKILL');
    }, this.startTimeoutMs);
    startTimer.unref();
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (chunk: string) => {
      child.stderr = (child.stderr + chunk).slice(-4096);
    });
    proc.on('message', (message) => {
      const reply = message as TypeCheckReply;
      if (reply?.t === 'ready') {
        clearTimeout(startTimer);
        markReady(true);
      } else child.onReply(reply);
    });
    const exit = () => {
      if (child.exited) return;
      child.exited = true;
      clearTimeout(startTimer);
      markReady(false);
      child.onExit();
    };
    proc.on('exit', exit);
    proc.on('error', exit);
    hold(child, false);
    this.child = child;
    return child;
  }

  private startFailure(child: Child): string {
    const tail = child.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300);
    return `the type checker did not start${tail ? `: ${tail}` : ''}`;
  }

  private async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exited) return;
    const exited = new Promise<void>((resolve) => child.process.once('exit', () => resolve()));
    // Held while it stops, so awaiting this cannot end the process early.
    hold(child, true);
    child.process.kill('SIGKILL');
    await exited;
  }
}

/**
 * Whether the process keeps this one alive: an idle checker must not keep a CLI run or a test
 * from ending; a check that waits for it must.
 */
function hold(child: Child, held: boolean): void {
  const handles = [child.process, child.process.channel, child.process.stderr] as unknown as (
    { ref?: () => void; unref?: () => void } | null | undefined
  )[];
  for (const handle of handles) {
    if (held) handle?.ref?.();
    else handle?.unref?.();
  }
}

/** Whether a dead process's stderr says V8 ran out of heap. */
function outOfMemory(stderr: string): boolean {
  return /out of memory|heap limit|invalid (?:array|table|size)/i.test(stderr);
}
