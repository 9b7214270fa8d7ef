/**
 * The watchdog: the host's line to its worker. It sends one request at a time and waits for its
 * reply, a crash of the worker (it failed, exited, ran out of memory) or the deadline, whichever
 * comes first; a crash or a missed deadline comes back as a `Crash` value naming what was
 * running, and the host then `replace`s the worker (terminated at once, a started spare taking
 * its place) and loads the last good version into the new one. Messages nobody awaits (log,
 * fetch) go to `onNotice`; a worker that dies while idle goes to `onIdleCrash`.
 */
import { editError } from '../ops/errors';
import type { SandboxError } from './failure';
import type { PortFactory, WorkerPort } from './port';

/** A message from the worker: `t` says which. */
export type Reply = { readonly t: string; readonly [field: string]: unknown };
/** The worker failed or missed the deadline while `running` ran. */
export type Crash = {
  readonly t: 'crash';
  readonly cause: Error & { code?: string };
  running: string;
};

interface Pending {
  readonly seq: number;
  running: string;
  readonly resolve: (reply: Reply | Crash) => void;
}

/** What the watchdog needs from its host. */
export interface WatchdogOptions {
  /** Starts a fresh worker. */
  readonly port: PortFactory;
  /** How long a request may take (ms). */
  readonly timeoutMs: number;
  /** Extra time for the first request of a fresh worker, which also starts it (ms). */
  readonly startupMs: number;
  /** Keep a started spare worker for the next replacement (default true). */
  readonly spare?: boolean;
  /** A message of the current worker that answers no request (`log`, `fetch`). */
  readonly onNotice: (message: Reply) => void;
  /** The current worker died with no request waiting. */
  readonly onIdleCrash: (cause: Error & { code?: string }) => void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** One worker at a time, each request under a deadline, and a warm spare to replace it with. */
export class Watchdog {
  private readonly options: WatchdogOptions;
  private port: WorkerPort;
  private sparePort: WorkerPort | null = null;
  private fresh = true;
  private seq = 0;
  private pending: Pending | null = null;
  private closed = false;

  constructor(options: WatchdogOptions) {
    this.options = options;
    this.port = this.spawn();
  }

  /** Sends one request and waits for its reply, a crash, or the deadline. */
  send(message: Record<string, unknown>, running: string): Promise<Reply | Crash> {
    const seq = ++this.seq;
    const deadline = this.options.timeoutMs + (this.fresh ? this.options.startupMs : 0);
    this.fresh = false;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.pending?.seq !== seq) return;
        const cause = Object.assign(new Error(`no answer within ${deadline} ms`), {
          code: 'TIMEOUT'
        });
        this.pending.resolve({ t: 'crash', cause, running: this.pending.running });
      }, deadline);
      const pending: Pending = {
        seq,
        running,
        resolve: (reply) => {
          clearTimeout(timer);
          if (this.pending === pending) this.pending = null;
          resolve(reply);
        }
      };
      this.pending = pending;
      try {
        this.port.post({ ...message, seq });
      } catch (e) {
        // An event payload that is not data (a DOM event, a function) cannot be sent.
        const code = message.t === 'event' || message.t === 'call' ? 'E_HANDLER' : 'E_MODULE';
        pending.resolve({
          t: 'error',
          error: { code, message: `the request could not be sent: ${(e as Error).message}` }
        });
      }
    });
  }

  /**
   * Terminates the current worker and starts the next (the spare, when one is ready). The
   * request that was waiting, if any, is forgotten: its caller already has its Crash.
   */
  replace(): void {
    const old = this.port;
    this.pending = null;
    // terminate() stops even `while (true) {}` within milliseconds; no need to wait for it.
    void old.terminate().catch(() => {});
    this.port = this.spawn();
  }

  /** Terminates the current worker without starting another (a load into it crashed). */
  abandon(): void {
    void this.port.terminate().catch(() => {});
  }

  /** Starts a spare worker (once the app runs, so it does not compete with the first load). */
  prepareSpare(): void {
    if (this.options.spare === false || this.sparePort || this.closed) return;
    const spare = this.options.port();
    spare.onMessage(() => {});
    spare.onError(() => {
      if (this.sparePort === spare) this.sparePort = null;
    });
    this.sparePort = spare;
  }

  /** The E_WATCHDOG error for a crash while `running` ran. */
  error(running: string, cause: Error & { code?: string }): SandboxError {
    const why =
      cause.code === 'TIMEOUT'
        ? `did not finish within ${this.options.timeoutMs} ms (a loop the guard cannot see, or far too much work)`
        : cause.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'used more memory than an app may'
          : `stopped the sandbox (${cause.message})`;
    return editError(
      'E_WATCHDOG',
      `${running} ${why}; the sandbox was restarted with the last good version and data`
    );
  }

  /** Answers the waiting request with E_MODULE and stops both workers. */
  async close(): Promise<void> {
    this.closed = true;
    this.pending?.resolve({
      t: 'error',
      error: { code: 'E_MODULE', message: 'the sandbox was closed' }
    });
    const spare = this.sparePort;
    this.sparePort = null;
    await Promise.all([this.port.terminate(), spare?.terminate()]);
  }

  private spawn(): WorkerPort {
    const port = this.sparePort ?? this.options.port();
    this.sparePort = null;
    port.onMessage((message) => this.receive(port, message));
    port.onError((error) => this.failed(port, error));
    // A spare may still be booting: its first request gets the startup allowance too.
    this.fresh = true;
    return port;
  }

  private receive(port: WorkerPort, message: unknown): void {
    // A replaced worker's last words are ignored.
    if (port !== this.port || !isRecord(message)) return;
    const m = message as Reply;
    if (m.t === 'log' || m.t === 'fetch') {
      this.options.onNotice(m);
      return;
    }
    const pending = this.pending;
    if (!pending || m.seq !== pending.seq) return;
    if (m.t === 'running') {
      pending.running = String(m.what);
      return;
    }
    pending.resolve(m);
  }

  private failed(port: WorkerPort, cause: Error & { code?: string }): void {
    if (port !== this.port || this.closed) return;
    if (this.pending) {
      this.pending.resolve({ t: 'crash', cause, running: this.pending.running });
      return;
    }
    // Died while idle (nothing of ours can do that; something outside did): bring it back.
    this.options.onIdleCrash(cause);
  }
}
