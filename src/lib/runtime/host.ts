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
import { CompileGate } from '../code/gate';
import { rootComponent, type AppModel, type JsonValue } from '../model/types';
import type { SandboxChecks } from '../ops/commit';
import { editError } from '../ops/errors';
import { compiledComponents, type Compiled } from './compiled';
import { swapRequest } from './swap-request';
import { allowedOrigin, NetworkCapability } from './network';
import { fail, failure, wireError, type Failure, type SandboxError } from './failure';
import { Listeners } from './listeners';
import { compileMigration } from '../code/migration';
import type { HostOptions } from './host-options';
import type {
  DataUpdate,
  DispatchResult,
  Incident,
  LogEntry,
  MigrationResult,
  ViewResult
} from './results';
import { checkGiven, checkState, type AppData } from './state-check';
import type { ViewNode } from './view';
import { HeldView } from './held-view';
import { dryRunVerdict } from './dry-run-verdict';
import { changedHandlers, EVENT_SPECS, type HandlerName } from './exercise';
import { Watchdog, type Crash, type Reply } from './watchdog';

export type { ViewNode } from './view';
export type { AppData } from './state-check';
export type { HostOptions } from './host-options';
export type { Failure, SandboxError } from './failure';
export type * from './results';

/** The last version that loaded and rendered: what a restart brings back. */
interface Good {
  readonly components: ReadonlyMap<string, Compiled>;
  readonly root: string;
  readonly model: AppModel;
  data: AppData;
  view: ViewNode;
}

function isView(value: ViewNode | Failure): value is ViewNode {
  return (value as Failure).ok !== false;
}

/** The sandbox of one app, with its watchdog. Create one per open app; `dispose()` it when closed. */
export class SandboxHost {
  private readonly options: HostOptions;
  private readonly gate: CompileGate;
  private readonly watchdog: Watchdog;
  private queue: Promise<unknown> = Promise.resolve();
  private good: Good | null = null;
  /** The worker lost the app (a restart that failed): the next request loads it again. */
  private needsReload = false;
  private disposed = false;
  private readonly network: NetworkCapability;
  private readonly held = new HeldView();
  /**
   * What happens in the sandbox that no request awaits: data a network response changed, the
   * app's log messages, and incidents (watchdog restarts, failures nobody was waiting for). Each
   * `add` returns its unsubscribe function.
   */
  readonly events = {
    data: new Listeners<DataUpdate>(),
    log: new Listeners<LogEntry>(),
    incident: new Listeners<Incident>()
  };

  constructor(options: HostOptions) {
    this.options = options;
    this.gate = options.gate ?? new CompileGate({ typecheck: false });
    this.network = new NetworkCapability({
      timeoutMs: options.fetchTimeoutMs,
      maxResponseBytes: options.maxResponseBytes,
      fetch: options.fetch
    });
    if (options.onData) this.events.data.add(options.onData);
    if (options.onLog) this.events.log.add(options.onLog);
    if (options.onIncident) this.events.incident.add(options.onIncident);
    this.watchdog = new Watchdog({
      port: options.port,
      timeoutMs: options.timeoutMs ?? 500,
      startupMs: options.startupMs ?? 5_000,
      spare: options.spare,
      onNotice: (message) => this.notice(message),
      onIdleCrash: (cause) => {
        this.needsReload = true;
        void this.exclusive(async () => {
          this.report(this.watchdog.error('nothing', cause), 'nothing', true);
        });
      }
    });
  }

  /** The last view that rendered, or null before the first load. */
  get view(): ViewNode | null {
    return this.good?.view ?? null;
  }

  /** The data of the last good render, or null before the first load. */
  get data(): AppData | null {
    return this.good?.data ?? null;
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
      this.watchdog.prepareSpare();
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
   * (and the removed ones), and renders with `data`. When only literal values changed, sends
   * only the changed slots (a `literals` request: no module evaluated). Transactional in the worker: if anything
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
      const { message, what } = swapRequest(
        good,
        compiled.components,
        root.id,
        state.data,
        this.options.literalPatches !== false
      );
      const reply = await this.request(message, what);
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
      if (!compiled.ok) return { ok: false, message: compiled.errors[0].message };
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
   * the compile gate's last stage. The running app is not touched. Then each handler named in
   * `exercise` is run once through an element of that render bound to it, with the event that
   * element sends, on a copy of the data (exercise.ts): one that throws, runs away or leaves
   * state of the wrong type fails the dry run.
   */
  dryRun(
    model: AppModel,
    data: AppData = model.data,
    options: { readonly exercise?: readonly HandlerName[] } = {}
  ): Promise<ViewResult> {
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
          state: state.data,
          ...(options.exercise?.length ? { exercise: options.exercise, events: EVENT_SPECS } : {})
        },
        'a dry run of the proposed change'
      );
      return dryRunVerdict(model, reply);
    });
  }

  /**
   * The sandbox stages of commitChecked (migrations and the dry run), backed by this host. Given
   * the model before the change, the dry run also runs the handlers it adds or changes.
   */
  sandboxChecks(): SandboxChecks {
    return {
      migrate: (source, value) => this.migrate(source, value),
      dryRun: async (model, before) => {
        const exercise = before ? changedHandlers(before, model) : [];
        const result = await this.dryRun(model, model.data, { exercise });
        return result.ok ? [] : result.errors;
      }
    };
  }

  /** Stops the worker; every later request fails. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.watchdog.close();
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
   * Rebuilds a view reply (a diff against the view this host holds: see sandbox/world.js
   * `viewReply`) and makes it the view it holds. Should the two ever be out of step, asks for
   * the whole view (`redo` is the render to repeat) rather than show a wrong one.
   */
  private async adopt(reply: Reply, redo: Record<string, unknown>): Promise<ViewNode | Failure> {
    let view = this.held.decode(reply);
    let from = reply;
    if (!view) {
      from = await this.request({ ...redo, t: 'render', full: true }, 'rendering');
      if (from.t !== 'view') return failure([wireError(from)]);
      view = this.held.decode(from);
      if (!view) return fail('E_RENDER', 'the sandbox sent a view the host cannot read');
    }
    this.held.hold(from.seq, view);
    return view;
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

  /** A message no request awaits: a log message, or a network request of the app. */
  private notice(m: Reply): void {
    if (m.t === 'log') {
      const level = m.level === 'warn' || m.level === 'error' ? m.level : 'info';
      const entry: LogEntry = {
        component: String(m.component),
        level,
        args: Array.isArray(m.args) ? m.args : []
      };
      this.events.log.emit(entry);
      return;
    }
    // Nobody awaits it: its failures are incidents, never an unhandled rejection.
    this.performFetch(m).catch((e: unknown) =>
      this.report(
        editError('E_NETWORK', `a network request failed: ${String(e)}`),
        'a network request',
        false
      )
    );
  }

  /** `send`, and on a crash: restart from the last good version, report, answer E_WATCHDOG. */
  private async request(message: Record<string, unknown>, running: string): Promise<Reply> {
    const reply = await this.watchdog.send(message, running);
    if (reply.t !== 'crash') return reply;
    const crash = reply as Crash;
    const error = this.watchdog.error(crash.running, crash.cause);
    const started = performance.now();
    await this.restart();
    this.report(error, crash.running, true, performance.now() - started);
    this.watchdog.prepareSpare();
    return { t: 'error', error };
  }

  /** Replaces the worker and loads the last good version into it; true when it answers. */
  private async restart(): Promise<boolean> {
    this.watchdog.replace();
    this.needsReload = false;
    const good = this.good;
    if (!good) return true;
    const reply = await this.watchdog.send(
      { t: 'load', components: [...good.components.values()], root: good.root, state: good.data },
      'restarting the last good version'
    );
    const view = reply.t === 'view' ? this.held.decode(reply as Reply) : null;
    if (view) {
      this.held.hold((reply as Reply).seq, view);
      good.view = view;
      return true;
    }
    // The last good version did not come back (it should: it rendered this data before). Try
    // again at the next request rather than looping here.
    if (reply.t === 'crash') this.watchdog.abandon();
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
    this.events.incident.emit(incident);
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
      this.events.data.emit(update);
    });
  }
}
