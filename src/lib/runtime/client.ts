/**
 * A small browser-side client of the sandbox protocol (README "Protocol"): load, swap, literals,
 * render, event, nothing else. It holds the app's data and the last view, speaks to one worker through a
 * `WorkerPort`, and rebuilds each view from its diff with `decodeView`, as the host does.
 *
 * Unlike `SandboxHost` it compiles nothing (the server sends the compiled components, so no
 * compiler reaches the browser bundle), validates nothing beyond the shape of the replies, has no
 * capabilities on the host side (network, log) and does not restart a worker: a request that
 * takes too long stops the worker and the client reports it. Failures are values, never throws.
 */
import type { JsonValue } from '../model/types';
import type { Compiled, LiteralPatch } from './compiled';
import type { WorkerPort } from './port';
import { decodeView, indexView, type ViewNode } from './view';

/** The app's data: the root component's state, field → value. */
export type ClientData = Readonly<Record<string, JsonValue>>;

/** A coded error from the worker (or the client's own: `E_WATCHDOG`, `E_RENDER`). */
export interface ClientError {
  readonly code: string;
  readonly message: string;
  readonly component?: string;
  readonly node?: string;
}

export type ClientResult =
  | { readonly ok: true; readonly view: ViewNode; readonly data: ClientData }
  | { readonly ok: false; readonly error: ClientError };

export interface ClientOptions {
  /** How long a request may take before the worker is stopped (default 2 s). */
  readonly timeoutMs?: number;
  /** The first request's allowance, which also boots the worker and locks it down (default 10 s). */
  readonly startupMs?: number;
}

type Reply = { readonly t: string; readonly [field: string]: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function errorOf(reply: Reply): ClientError {
  const e = isRecord(reply.error) ? reply.error : {};
  return {
    code: typeof e.code === 'string' ? e.code : 'E_RENDER',
    message: typeof e.message === 'string' ? e.message : 'the sandbox failed',
    ...(typeof e.component === 'string' ? { component: e.component } : {}),
    ...(typeof e.node === 'string' ? { node: e.node } : {})
  };
}

function failed(code: string, message: string): ClientResult {
  return { ok: false, error: { code, message } };
}

export class SandboxClient {
  private readonly port: WorkerPort;
  private readonly timeoutMs: number;
  private startupMs: number | null;
  private seq = 0;
  private waiting: { seq: number; resolve: (reply: Reply) => void } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Operations started or waiting (see `exclusive`). */
  private inFlight = 0;
  private dead: ClientError | null = null;
  private data: ClientData = {};
  /** The seq of the reply whose view is held, and that view's nodes by key. */
  private viewSeq = 0;
  private viewByKey = new Map<string, ViewNode>();

  constructor(port: WorkerPort, options: ClientOptions = {}) {
    this.port = port;
    this.timeoutMs = options.timeoutMs ?? 2_000;
    this.startupMs = options.startupMs ?? 10_000;
    port.onMessage((message) => {
      if (!isRecord(message) || typeof message.seq !== 'number') return;
      const waiting = this.waiting;
      if (waiting && message.seq === waiting.seq && message.t !== 'running') {
        this.waiting = null;
        waiting.resolve(message as Reply);
      }
    });
    port.onError((error) => this.stop({ code: 'E_WATCHDOG', message: error.message }));
  }

  /** Loads the compiled app and renders it with `data`. */
  load(components: readonly Compiled[], root: string, data: ClientData): Promise<ClientResult> {
    return this.exclusive(async () => {
      const reply = await this.request({ t: 'load', components, root, state: data });
      if (reply.t !== 'view') return { ok: false, error: errorOf(reply) };
      return this.adopt(reply, data);
    });
  }

  /**
   * Hot swap after a load: replaces the `changed` components, drops the `removed` ones, and
   * renders with `data`. Unchanged components keep running, and the view comes back as a diff,
   * so whoever draws it can skip every subtree that did not change.
   */
  swap(
    changed: readonly Compiled[],
    removed: readonly string[],
    root: string,
    data: ClientData
  ): Promise<ClientResult> {
    return this.exclusive(async () => {
      const reply = await this.request({
        t: 'swap',
        components: changed,
        removed,
        root,
        state: data
      });
      if (reply.t !== 'view') return { ok: false, error: errorOf(reply) };
      return this.adopt(reply, data);
    });
  }

  /**
   * A literal edit after a load (issue 13): sends only the changed slots of each component
   * (`splitChanges` in ./compiled.ts says which), renders with `data`; no module is sent or
   * evaluated, and the view comes back as a diff of the element that changed.
   */
  literals(patches: readonly LiteralPatch[], data: ClientData): Promise<ClientResult> {
    return this.exclusive(async () => {
      // The worker may patch the elements in place only when the data is the last render's.
      const sameState = data === this.data || JSON.stringify(data) === JSON.stringify(this.data);
      const reply = await this.request({
        t: 'literals',
        components: patches,
        state: data,
        sameState
      });
      if (reply.t !== 'view') return { ok: false, error: errorOf(reply) };
      return this.adopt(reply, data);
    });
  }

  /** Runs the handler or binding behind `ref` (an element of the last view) and renders again. */
  dispatch(ref: number, payload: unknown): Promise<ClientResult> {
    return this.exclusive(async () => {
      const handled = await this.request({ t: 'event', ref, payload, state: this.data });
      if (handled.t !== 'handled') return { ok: false, error: errorOf(handled) };
      let state: unknown;
      try {
        // Plain JSON, whatever structured clone carried.
        state = JSON.parse(JSON.stringify(handled.state ?? null));
      } catch {
        state = null;
      }
      if (!isRecord(state)) return failed('E_STATE_TYPE_MISMATCH', 'the handler left no state');
      if (handled.local === true) {
        const locals = [{ instance: handled.instance, state }];
        const reply = await this.request({ t: 'render', state: this.data, locals });
        if (reply.t !== 'view') return { ok: false, error: errorOf(reply) };
        return this.adopt(reply, this.data, locals);
      }
      const data = state as ClientData;
      const reply = await this.request({ t: 'render', state: data });
      if (reply.t !== 'view') return { ok: false, error: errorOf(reply) };
      return this.adopt(reply, data);
    });
  }

  /** Stops the worker. */
  dispose(): void {
    this.stop({ code: 'E_WATCHDOG', message: 'the sandbox was closed' });
  }

  /** Takes a `view` reply: decodes it against the held view (asking for a whole one if out of step). */
  private async adopt(reply: Reply, data: ClientData, locals?: unknown): Promise<ClientResult> {
    let view = this.decode(reply);
    let from = reply;
    if (!view) {
      from = await this.request({ t: 'render', state: data, locals, full: true });
      if (from.t !== 'view') return { ok: false, error: errorOf(from) };
      view = this.decode(from);
      if (!view) return failed('E_RENDER', 'the sandbox sent a view that cannot be read');
    }
    this.viewSeq = Number(from.seq);
    this.viewByKey = indexView(view);
    this.data = data;
    return { ok: true, view, data };
  }

  private decode(reply: Reply): ViewNode | null {
    const base = Number(reply.base);
    if (base !== 0 && base !== this.viewSeq) return null;
    return decodeView(reply.view, base === 0 ? null : this.viewByKey);
  }

  /**
   * Runs `op` after every earlier one. With none in flight it starts in this task, so its
   * message is posted before the caller goes on: the studio's first load leaves for the worker
   * while the page is still hydrating, instead of after it.
   */
  private exclusive(op: () => Promise<ClientResult>): Promise<ClientResult> {
    const start = (): Promise<ClientResult> =>
      this.dead ? Promise.resolve({ ok: false, error: this.dead }) : op();
    const idle = this.inFlight === 0;
    this.inFlight++;
    const run = (idle ? start() : this.queue.then(start)).finally(() => this.inFlight--);
    this.queue = run.catch(() => {});
    return run;
  }

  /** Sends one request; resolves with its reply, or an `error` reply when the worker is gone. */
  private request(message: Record<string, unknown>): Promise<Reply> {
    if (this.dead) return Promise.resolve({ t: 'error', error: this.dead });
    const seq = ++this.seq;
    const limit = this.startupMs ?? this.timeoutMs;
    this.startupMs = null;
    return new Promise<Reply>((resolve) => {
      const timer = setTimeout(() => {
        this.stop({
          code: 'E_WATCHDOG',
          message: `the sandbox did not answer within ${limit} ms and was stopped`
        });
      }, limit);
      this.waiting = {
        seq,
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        }
      };
      try {
        this.port.post({ ...message, seq });
      } catch (error) {
        this.stop({ code: 'E_RENDER', message: `could not reach the sandbox: ${String(error)}` });
      }
    });
  }

  private stop(error: ClientError): void {
    if (this.dead) return;
    this.dead = error;
    void this.port.terminate().catch(() => {});
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve({ t: 'error', error });
  }
}
