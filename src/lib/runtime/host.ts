/**
 * SandboxHost: the host side of one app's sandbox. It compiles the model (the compile gate's
 * parse, policy and loop guard stages, module forms), talks to the worker in plain data (the
 * protocol in README.md), checks what comes back (the new root state against its declared types)
 * before anyone commits it, performs the capabilities that need the outside world (network with
 * an origin allow-list, log), and keeps a watchdog: a worker that does not answer in time, runs
 * out of memory or dies is replaced by a fresh one running the last good version and data.
 *
 * Requests run one at a time (a queue), so each sees the data the previous one left. Expected
 * failures are values (`{ ok: false, error }`) with codes from ../ops/errors.ts; nothing here
 * throws for what app code does.
 */
import generate from '@babel/generator';
import * as t from '@babel/types';
import { capText } from '../code/cap';
import { CompileGate } from '../code/gate';
import { instrument } from '../code/guard';
import { parseUnit } from '../code/parse';
import { checkPolicy } from '../code/policy';
import type { ExprUnit } from '../code/units';
import {
  rootComponent,
  type AppModel,
  type ComponentRecord,
  type JsonValue,
  type StateType
} from '../model/types';
import type { SandboxChecks } from '../ops/commit';
import { editError, type EditError, type ErrorCode } from '../ops/errors';
import { checkValue } from '../schema/statetype';
import { compiledComponents, type Compiled } from './compiled';
import { allowedOrigin, NetworkCapability } from './network';
import type { PortFactory, WorkerPort } from './port';
import { decodeView, indexView, type ViewNode } from './view';

export type { ViewNode } from './view';

/** The app's data: the root component's state, field → value. */
export type AppData = Readonly<Record<string, JsonValue>>;

/** A coded error from the sandbox, naming the component (and node) when it is known. */
export interface SandboxError extends EditError {
  readonly component?: string;
  readonly node?: string;
}

/** A failure: the first error, and all of them (a compile can find several). */
export interface Failure {
  readonly ok: false;
  readonly error: SandboxError;
  readonly errors: readonly SandboxError[];
}

export type ViewResult = { readonly ok: true; readonly view: ViewNode } | Failure;

/** An event's outcome: the new data (unchanged when only an instance's local state changed). */
export type DispatchResult =
  | { readonly ok: true; readonly data: AppData; readonly view: ViewNode; readonly local: boolean }
  | Failure;

export type MigrationResult =
  | { readonly ok: true; readonly value: JsonValue }
  | { readonly ok: false; readonly message: string };

/** Something that went wrong with no caller waiting for it, or a watchdog restart. */
export interface Incident {
  readonly error: SandboxError;
  /** What was running: `handler toggle of App`, `the change to Row`, `network request ...`. */
  readonly running: string;
  /** True when the worker was replaced; `restartMs` is how long until the app answered again. */
  readonly restarted: boolean;
  readonly restartMs?: number;
  /**
   * After a restart, the view the fresh worker rendered: its refs replace the old view's (which
   * the new worker refuses as stale), so whoever shows the app must show this one.
   */
  readonly view?: ViewNode;
}

/** A message of the `log` capability. */
export interface LogEntry {
  readonly component: string;
  readonly level: 'info' | 'warn' | 'error';
  readonly args: readonly unknown[];
}

/** Data changed with no caller waiting: a network response's `then` handler ran. */
export interface DataUpdate {
  /** The data the handler started from, and the data it left (validated). */
  readonly prev: AppData;
  readonly data: AppData;
  readonly view: ViewNode;
  readonly cause: string;
}

export interface HostOptions {
  /** Starts a fresh worker: at start, and after every watchdog restart. */
  readonly port: PortFactory;
  /**
   * The gate that compiles what the sandbox runs. By default one without the type check: the
   * host re-runs the stages that protect the sandbox (parse, policy, loop guard) on every model,
   * since a peer's document is untrusted; types are the commit gate's job, and a type error
   * that slips through fails at run time as a coded error, contained like any other.
   */
  readonly gate?: CompileGate;
  /** How long a request may take before the worker is replaced (default 500 ms). */
  readonly timeoutMs?: number;
  /** Extra time for the first request of a fresh worker, which also starts it (default 5 s). */
  readonly startupMs?: number;
  /** How long a network request of the app may take (default 5 s). */
  readonly fetchTimeoutMs?: number;
  /**
   * Keep a started spare worker, so a restart loads the app into a worker that has already
   * booted and locked down (a few ms) instead of starting one (100 to 250 ms). Default true.
   */
  readonly spare?: boolean;
  /** Largest network response body the app may receive (default 1 MiB). */
  readonly maxResponseBytes?: number;
  /** The fetch the network capability uses (default the global one). */
  readonly fetch?: typeof fetch;
  readonly onData?: (update: DataUpdate) => void;
  readonly onLog?: (entry: LogEntry) => void;
  readonly onIncident?: (incident: Incident) => void;
}

/** The last version that loaded and rendered: what a restart brings back. */
interface Good {
  readonly components: ReadonlyMap<string, Compiled>;
  readonly root: string;
  readonly model: AppModel;
  data: AppData;
  view: ViewNode;
}

type Reply = { readonly t: string; readonly [field: string]: unknown };
type Crash = { readonly t: 'crash'; readonly cause: Error & { code?: string }; running: string };

interface Pending {
  readonly seq: number;
  running: string;
  readonly resolve: (reply: Reply | Crash) => void;
}

function failure(errors: readonly SandboxError[]): Failure {
  return { ok: false, error: errors[0], errors };
}

function fail(code: ErrorCode, message: string, where: Partial<SandboxError> = {}): Failure {
  return failure([{ ...editError(code, message), ...where }]);
}

/** The coded error of an `error` reply (the worker is trusted for its shape, not its code). */
function wireError(reply: Reply): SandboxError {
  const e = (reply.error ?? {}) as Partial<SandboxError>;
  return {
    code: (typeof e.code === 'string' ? e.code : 'E_RENDER') as ErrorCode,
    // Capped here too: the worker runs guest code and is trusted for nothing it sends.
    message: typeof e.message === 'string' ? capText(e.message) : 'the sandbox failed',
    ...(typeof e.component === 'string' ? { component: e.component } : {}),
    ...(typeof e.node === 'string' ? { node: e.node } : {})
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function isView(value: ViewNode | Failure): value is ViewNode {
  return (value as Failure).ok !== false;
}

/**
 * A component's new state, from the worker, as the app's data: JSON-normalised (the worker sends
 * plain data, but a subverted one could send anything structured clone carries), every declared
 * field present (a missing optional one is `null`, as the document would read it), and checked
 * against the declared types.
 */
function checkState(
  component: ComponentRecord,
  state: unknown,
  what: string
): { ok: true; data: Record<string, JsonValue> } | Failure {
  let value: unknown;
  try {
    value = JSON.parse(JSON.stringify(state ?? null));
  } catch {
    value = undefined;
  }
  if (!isRecord(value)) return mismatch(component, `${what} is not an object of state fields`);
  const data = value as Record<string, JsonValue>;
  for (const [field, decl] of Object.entries(component.state)) {
    if (data[field] === undefined && typeof decl.type === 'object' && 'optional' in decl.type) {
      data[field] = null;
    }
  }
  const problem = checkData(component, data, what);
  return problem ?? { ok: true, data };
}

/**
 * Data handed in by the caller (read from the document, already plain JSON): checked against
 * the declared types, not copied, so rendering a large app's data costs no extra copy.
 */
function checkGiven(
  component: ComponentRecord,
  data: AppData
): { ok: true; data: AppData } | Failure {
  if (!isRecord(data)) return mismatch(component, 'the app data is not an object of state fields');
  return checkData(component, data, 'the app data') ?? { ok: true, data };
}

function checkData(component: ComponentRecord, data: unknown, what: string): Failure | null {
  const types: Record<string, StateType> = {};
  for (const [field, decl] of Object.entries(component.state)) types[field] = decl.type;
  const problem = checkValue({ object: types }, data);
  if (!problem) return null;
  const field = `state${problem.path.split('/').join('.')}`;
  return mismatch(component, `${what}: ${field} is wrong, ${problem.message}`);
}

function mismatch(component: ComponentRecord, message: string): Failure {
  return fail('E_STATE_TYPE_MISMATCH', `${message}; nothing was changed`, {
    component: component.name
  });
}

function sameCompiled(a: Compiled | undefined, b: Compiled): boolean {
  return !!a && a.source === b.source && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The function text of a migration expression of `value`, or the reason it may not run. It
 * passes the gate's parse, policy (with `value` as the only name in scope) and loop guard, like
 * every piece of code that reaches the sandbox.
 */
export function compileMigration(source: string): { ok: true; text: string } | Failure {
  const unit: ExprUnit = {
    kind: 'expr',
    component: '',
    node: 'migrate',
    type: 'migration',
    prop: 'migrate',
    source,
    loops: []
  };
  const parsed = parseUnit(unit, 'migration');
  if (!parsed.ok) return failure([parsed.error]);
  const errors = checkPolicy(unit, parsed.ast, { componentName: 'migration', names: ['value'] });
  if (errors.length > 0) return failure(errors);
  const statement = parsed.ast.program.body[0] as t.ExpressionStatement;
  const arrow = t.arrowFunctionExpression([t.identifier('value')], statement.expression);
  const file = t.file(t.program([t.expressionStatement(arrow)]));
  instrument(file);
  return { ok: true, text: generate(file, { comments: false }).code };
}

/** The errors of nested components the sandbox contained in a view (drawn as error cards). */
function containedErrors(view: ViewNode): EditError[] {
  const out: EditError[] = [];
  const stack = [view];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const error = (node as { error?: { message?: unknown; component?: unknown } }).error;
    if (error) {
      const where = typeof error.component === 'string' ? ` (component ${error.component})` : '';
      out.push(
        editError('E_RENDER', capText(`${String(error.message ?? 'a view threw')}${where}`))
      );
    }
    for (const child of node.children) stack.push(child);
  }
  return out;
}

/** The sandbox of one app, with its watchdog. Create one per open app; `dispose()` it when closed. */
export class SandboxHost {
  private readonly options: HostOptions;
  private readonly gate: CompileGate;
  private readonly timeoutMs: number;
  private readonly startupMs: number;
  private port: WorkerPort;
  private sparePort: WorkerPort | null = null;
  private fresh = true;
  private seq = 0;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private good: Good | null = null;
  /** The worker lost the app (a restart that failed): the next request loads it again. */
  private needsReload = false;
  private disposed = false;
  private readonly network: NetworkCapability;
  /** The seq of the reply that brought the view held, and that view's nodes by key. */
  private viewSeq = 0;
  private viewByKey = new Map<string, ViewNode>();
  private readonly dataListeners = new Set<(update: DataUpdate) => void>();
  private readonly logListeners = new Set<(entry: LogEntry) => void>();
  private readonly incidentListeners = new Set<(incident: Incident) => void>();

  constructor(options: HostOptions) {
    this.options = options;
    this.gate = options.gate ?? new CompileGate({ typecheck: false });
    this.timeoutMs = options.timeoutMs ?? 500;
    this.startupMs = options.startupMs ?? 5_000;
    this.network = new NetworkCapability({
      timeoutMs: options.fetchTimeoutMs,
      maxResponseBytes: options.maxResponseBytes,
      fetch: options.fetch
    });
    if (options.onData) this.dataListeners.add(options.onData);
    if (options.onLog) this.logListeners.add(options.onLog);
    if (options.onIncident) this.incidentListeners.add(options.onIncident);
    this.port = this.spawn();
  }

  /** The last view that rendered, or null before the first load. */
  get view(): ViewNode | null {
    return this.good?.view ?? null;
  }

  /** The data of the last good render, or null before the first load. */
  get data(): AppData | null {
    return this.good?.data ?? null;
  }

  /** Listens for data a network response changed; returns the unsubscribe function. */
  onData(listener: (update: DataUpdate) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  /** Listens for the app's log messages. */
  onLog(listener: (entry: LogEntry) => void): () => void {
    this.logListeners.add(listener);
    return () => this.logListeners.delete(listener);
  }

  /** Listens for incidents: watchdog restarts and failures nobody was waiting for. */
  onIncident(listener: (incident: Incident) => void): () => void {
    this.incidentListeners.add(listener);
    return () => this.incidentListeners.delete(listener);
  }

  /** Compiles and loads a whole app and renders it with `data` (the model's data by default). */
  load(model: AppModel, data: AppData = model.data): Promise<ViewResult> {
    return this.exclusive(async () => {
      const compiled = this.compile(model);
      if (!compiled.ok) return compiled;
      const root = rootComponent(model)!;
      const state = checkGiven(root, data);
      if (!state.ok) return state;
      const reply = await this.request(
        {
          t: 'load',
          components: [...compiled.components.values()],
          root: root.id,
          state: state.data
        },
        `loading ${model.meta.title}`
      );
      if (reply.t !== 'view') return failure([wireError(reply)]);
      const view = await this.adopt(reply, { state: state.data });
      if (!isView(view)) return view;
      this.good = { components: compiled.components, root: root.id, model, data: state.data, view };
      this.prepareSpare();
      return { ok: true, view };
    });
  }

  /** Renders the loaded app with `data` (the last good data by default). */
  render(data?: AppData): Promise<ViewResult> {
    return this.exclusive(async () => {
      const good = this.good;
      if (!good) return fail('E_MODULE', 'no app is loaded; load one first');
      const state = checkGiven(rootComponent(good.model)!, data ?? good.data);
      if (!state.ok) return state;
      const reply = await this.request({ t: 'render', state: state.data }, 'rendering');
      if (reply.t !== 'view') return failure([wireError(reply)]);
      const view = await this.adopt(reply, { state: state.data });
      if (!isView(view)) return view;
      good.data = state.data;
      good.view = view;
      return { ok: true, view };
    });
  }

  /**
   * Runs the handler (or binding) behind `ref` of the last view on `data` (the last good data
   * by default). On success the new data is checked against the root component's declared
   * types and rendered; any failure leaves the data as it was.
   */
  dispatch(ref: number, payload: unknown, data?: AppData): Promise<DispatchResult> {
    return this.exclusive(async () => {
      const good = this.good;
      if (!good) return fail('E_MODULE', 'no app is loaded; load one first');
      const base = data ?? good.data;
      const reply = await this.request(
        { t: 'event', ref, payload: payload ?? {}, state: base },
        'an event handler'
      );
      return this.settle(good, reply, base);
    });
  }

  /**
   * Hot swap: compiles `model`, sends only the components whose module or declarations changed
   * (and the removed ones), and renders with `data`. Transactional in the worker: if anything
   * fails, the last good version keeps running and the error comes back.
   */
  swap(model: AppModel, data: AppData = model.data): Promise<ViewResult> {
    if (!this.good) return this.load(model, data);
    return this.exclusive(async () => {
      const good = this.good!;
      const compiled = this.compile(model);
      if (!compiled.ok) return compiled;
      const root = rootComponent(model)!;
      const state = checkGiven(root, data);
      if (!state.ok) return state;
      const changed = [...compiled.components.values()].filter(
        (c) => !sameCompiled(good.components.get(c.id), c)
      );
      const removed = [...good.components.keys()].filter((id) => !compiled.components.has(id));
      const what = changed.length
        ? `the change to ${changed.map((c) => c.name).join(', ')}`
        : 'rendering the changed app';
      const reply = await this.request(
        { t: 'swap', components: changed, removed, root: root.id, state: state.data },
        what
      );
      if (reply.t !== 'view') return failure([wireError(reply)]);
      const view = await this.adopt(reply, { state: state.data });
      if (!isView(view)) return view;
      this.good = { components: compiled.components, root: root.id, model, data: state.data, view };
      return { ok: true, view };
    });
  }

  /**
   * Evaluates a migration expression of `value` (a `retypeState` op's `migrate`) in a scratch
   * compartment. The shape is ops/migrations.ts's MigrationEvaluator, so it can be handed to
   * commitChecked as is.
   */
  migrate(source: string, value: JsonValue): Promise<MigrationResult> {
    return this.exclusive(async () => {
      const compiled = compileMigration(source);
      if (!compiled.ok) return { ok: false, message: compiled.error.message };
      const reply = await this.request(
        { t: 'migrate', source: compiled.text, value },
        'a migration'
      );
      if (reply.t !== 'migrated') return { ok: false, message: wireError(reply).message };
      return { ok: true, value: reply.value as JsonValue };
    });
  }

  /**
   * Compiles `model` and renders it once in scratch compartments with `data`, keeping nothing:
   * the compile gate's last stage. The running app is not touched.
   */
  dryRun(model: AppModel, data: AppData = model.data): Promise<ViewResult> {
    return this.exclusive(async () => {
      const compiled = this.compile(model);
      if (!compiled.ok) return compiled;
      const root = rootComponent(model)!;
      const state = checkGiven(root, data);
      if (!state.ok) return state;
      const reply = await this.request(
        {
          t: 'dryRun',
          components: [...compiled.components.values()],
          root: root.id,
          state: state.data
        },
        'a dry run of the proposed change'
      );
      if (reply.t !== 'view') return failure([wireError(reply)]);
      // A dry run's view is whole (base 0) and never becomes the view this host holds.
      const view = decodeView(reply.view, null);
      if (!view) return fail('E_RENDER', 'the sandbox sent a view the host cannot read');
      // A nested component that threw renders as an error in its place (the running app stays
      // up), but a change that makes one throw must not get through the gate.
      const broken = containedErrors(view);
      if (broken.length > 0) return failure(broken);
      return { ok: true, view };
    });
  }

  /** The sandbox stages of commitChecked (migrations and the dry-run render), backed by this host. */
  sandboxChecks(): SandboxChecks {
    return {
      migrate: (source, value) => this.migrate(source, value),
      dryRun: async (model) => {
        const result = await this.dryRun(model);
        return result.ok ? [] : result.errors;
      }
    };
  }

  /** Stops the worker; every later request fails. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.pending?.resolve({
      t: 'error',
      error: { code: 'E_MODULE', message: 'the sandbox was closed' }
    });
    const spare = this.sparePort;
    this.sparePort = null;
    await Promise.all([this.port.terminate(), spare?.terminate()]);
  }

  // -------------------------------------------------------------------------------------------

  /** Compiles every component (the gate's caches make unchanged ones cheap) to worker records. */
  private compile(model: AppModel): { ok: true; components: Map<string, Compiled> } | Failure {
    if (!rootComponent(model)) return fail('E_MODULE', 'the app has no root component');
    const result = this.gate.compile(model, undefined, { modules: true });
    if (!result.ok) return failure(result.errors);
    return { ok: true, components: compiledComponents(model, result.modules) };
  }

  /** Checks a `handled` reply and renders what it left; nothing changes unless both succeed. */
  private async settle(good: Good, reply: Reply, base: AppData): Promise<DispatchResult> {
    if (reply.t !== 'handled') return failure([wireError(reply)]);
    const component = good.model.components.get(String(reply.component));
    if (!component) return fail('E_HANDLER', 'the handler belongs to a component that is gone');
    if (reply.local === true) {
      const local = checkState(
        component,
        reply.state,
        `the state the handler left in ${component.name}`
      );
      if (!local.ok) return local;
      const locals = [{ instance: reply.instance, state: local.data }];
      const rendered = await this.request({ t: 'render', state: base, locals }, 'rendering');
      if (rendered.t !== 'view') return failure([wireError(rendered)]);
      const view = await this.adopt(rendered, { state: base, locals });
      if (!isView(view)) return view;
      good.data = base;
      good.view = view;
      return { ok: true, data: base, view, local: true };
    }
    // The app data is the root component's state, whatever component the reply names.
    const next = checkState(rootComponent(good.model)!, reply.state, 'the state the handler left');
    if (!next.ok) return next;
    const rendered = await this.request({ t: 'render', state: next.data }, 'rendering');
    if (rendered.t !== 'view') return failure([wireError(rendered)]);
    const view = await this.adopt(rendered, { state: next.data });
    if (!isView(view)) return view;
    good.data = next.data;
    good.view = view;
    return { ok: true, data: next.data, view, local: false };
  }

  /**
   * Rebuilds a view reply (a diff against the view this host holds: see sandbox/core.js
   * `viewReply`) and makes it the view it holds. Should the two ever be out of step, asks for
   * the whole view (`redo` is the render to repeat) rather than show a wrong one.
   */
  private async adopt(reply: Reply, redo: Record<string, unknown>): Promise<ViewNode | Failure> {
    let view = this.decode(reply);
    let from = reply;
    if (!view) {
      from = await this.request({ ...redo, t: 'render', full: true }, 'rendering');
      if (from.t !== 'view') return failure([wireError(from)]);
      view = this.decode(from);
      if (!view) return fail('E_RENDER', 'the sandbox sent a view the host cannot read');
    }
    this.viewSeq = Number(from.seq);
    this.viewByKey = indexView(view);
    return view;
  }

  private decode(reply: Reply): ViewNode | null {
    const base = Number(reply.base ?? 0);
    if (base !== 0 && base !== this.viewSeq) return null;
    return decodeView(reply.view, base === 0 ? null : this.viewByKey);
  }

  /** Runs `op` after every earlier request; reloads the app first if a restart lost it. */
  private exclusive<T>(op: () => Promise<T>): Promise<T> {
    // Using a closed sandbox is the caller's bug, not the app's failure.
    if (this.disposed) throw new Error('SandboxHost: used after dispose()');
    const run = this.queue.then(async () => {
      if (this.needsReload) await this.restart();
      return op();
    });
    this.queue = run.catch(() => {});
    return run;
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

  /** Starts a spare worker (once the app runs, so it does not compete with the first load). */
  private prepareSpare(): void {
    if (this.options.spare === false || this.sparePort || this.disposed) return;
    const spare = this.options.port();
    spare.onMessage(() => {});
    spare.onError(() => {
      if (this.sparePort === spare) this.sparePort = null;
    });
    this.sparePort = spare;
  }

  private receive(port: WorkerPort, message: unknown): void {
    // A replaced worker's last words are ignored.
    if (port !== this.port || !isRecord(message)) return;
    const m = message as Reply;
    if (m.t === 'log') {
      const level = m.level === 'warn' || m.level === 'error' ? m.level : 'info';
      const entry: LogEntry = {
        component: String(m.component),
        level,
        args: Array.isArray(m.args) ? m.args : []
      };
      for (const listener of this.logListeners) listener(entry);
      return;
    }
    if (m.t === 'fetch') {
      // Nobody awaits it: its failures are incidents, never an unhandled rejection.
      this.performFetch(m).catch((e: unknown) =>
        this.report(
          editError('E_NETWORK', `a network request failed: ${String(e)}`),
          'a network request',
          false
        )
      );
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
    if (port !== this.port || this.disposed) return;
    if (this.pending) {
      this.pending.resolve({ t: 'crash', cause, running: this.pending.running });
      return;
    }
    // Died while idle (nothing of ours can do that; something outside did): bring it back.
    this.needsReload = true;
    void this.exclusive(async () => {
      this.report(this.watchdogError('nothing', cause), 'nothing', true);
    });
  }

  /** Sends one request and waits for its reply, a crash, or the deadline. */
  private send(message: Record<string, unknown>, running: string): Promise<Reply | Crash> {
    const seq = ++this.seq;
    const deadline = this.timeoutMs + (this.fresh ? this.startupMs : 0);
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

  /** `send`, and on a crash: restart from the last good version, report, answer E_WATCHDOG. */
  private async request(message: Record<string, unknown>, running: string): Promise<Reply> {
    const reply = await this.send(message, running);
    if (reply.t !== 'crash') return reply;
    const crash = reply as Crash;
    const error = this.watchdogError(crash.running, crash.cause);
    const started = performance.now();
    await this.restart();
    this.report(error, crash.running, true, performance.now() - started);
    this.prepareSpare();
    return { t: 'error', error };
  }

  private watchdogError(running: string, cause: Error & { code?: string }): SandboxError {
    const why =
      cause.code === 'TIMEOUT'
        ? `did not finish within ${this.timeoutMs} ms (a loop the guard cannot see, or far too much work)`
        : cause.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'used more memory than an app may'
          : `stopped the sandbox (${cause.message})`;
    return editError(
      'E_WATCHDOG',
      `${running} ${why}; the sandbox was restarted with the last good version and data`
    );
  }

  /** Replaces the worker and loads the last good version into it; true when it answers. */
  private async restart(): Promise<boolean> {
    const old = this.port;
    this.pending = null;
    // terminate() stops even `while (true) {}` within milliseconds; no need to wait for it.
    void old.terminate().catch(() => {});
    this.port = this.spawn();
    this.needsReload = false;
    const good = this.good;
    if (!good) return true;
    const reply = await this.send(
      { t: 'load', components: [...good.components.values()], root: good.root, state: good.data },
      'restarting the last good version'
    );
    const view = reply.t === 'view' ? this.decode(reply as Reply) : null;
    if (view) {
      this.viewSeq = Number((reply as Reply).seq);
      this.viewByKey = indexView(view);
      good.view = view;
      return true;
    }
    // The last good version did not come back (it should: it rendered this data before). Try
    // again at the next request rather than looping here.
    if (reply.t === 'crash') void this.port.terminate().catch(() => {});
    this.needsReload = true;
    return false;
  }

  private report(error: SandboxError, running: string, restarted: boolean, restartMs?: number) {
    const view = restarted && !this.needsReload ? this.good?.view : undefined;
    const incident: Incident = {
      error,
      running,
      restarted,
      ...(restartMs !== undefined ? { restartMs } : {}),
      ...(view ? { view } : {})
    };
    for (const listener of this.incidentListeners) listener(incident);
  }

  // -------------------------------------------------------------------------------------------
  // The network capability

  private async performFetch(m: Reply): Promise<void> {
    const good = this.good;
    const component = good?.components.get(String(m.component));
    const then = String(m.then);
    const url = String(m.url);
    const running = `the network request of ${component?.name ?? 'a removed component'} to ${url.slice(0, 200)}`;
    // The second wall: a subverted worker could ask for anything; only an exact origin the
    // component was granted is reached, and nothing at all for a component we do not know.
    if (!component || !allowedOrigin(component.capabilities, url)) {
      this.report(
        editError(
          'E_CAPABILITY',
          `${running} was refused: the origin is not in the component's network capability`
        ),
        running,
        false
      );
      return;
    }
    const payload = await this.network.request(url, m.as === 'text' ? 'text' : 'json');
    if (this.disposed) return;
    await this.exclusive(async () => {
      const current = this.good;
      if (!current) return;
      const prev = current.data;
      const reply = await this.request(
        {
          t: 'call',
          component: component.id,
          instance: typeof m.instance === 'string' ? m.instance : '',
          handler: then,
          payload,
          state: prev
        },
        `handler ${then} of ${component.name}`
      );
      const result = await this.settle(current, reply, prev);
      if (!result.ok) {
        this.report(
          result.error,
          `handler ${then} of ${component.name} (a network response)`,
          false
        );
        return;
      }
      const update: DataUpdate = {
        prev,
        data: result.data,
        view: result.view,
        cause: `handler ${then} of ${component.name}`
      };
      for (const listener of this.dataListeners) listener(update);
    });
  }
}
