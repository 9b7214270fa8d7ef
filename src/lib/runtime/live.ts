/**
 * LiveApp: a Y.Doc running in a SandboxHost, kept in step with every change to the document.
 * A change of the definition (by anyone, from anywhere) is hot-swapped in; a change of the data
 * re-renders; an event's new data is written back in one transaction with the acting person's
 * origin, so their undo manager can take it back. A change after which the app no longer runs
 * leaves the last good version running and is reported (and, given the people's undo managers,
 * undone for the person who made it).
 *
 * Everything the app does runs one step at a time (a queue): a definition change, a data change,
 * an event, a network response, each sees what the one before it left.
 */
import * as Y from 'yjs';
import { currentModel, expectModel } from '../model/store';
import { docRoots, writeData } from '../model/ydoc';
import { rootComponent, scopeOf, type AppModel, type JsonValue } from '../model/types';
import { composeData } from './scopes';
import { isTextField, mergedText, stateValue } from '../model/textdata';
import { editError } from '../ops/errors';
import { checkValue } from '../schema/statetype';
import type { AppData, DispatchResult, SandboxError, SandboxHost, ViewNode } from './host';

/** A committed change after which the app did not run; the last good version kept running. */
export interface BrokenChange {
  /** `definition`: a change of the app's code or views; `data`: data the view cannot show. */
  readonly kind: 'definition' | 'data';
  readonly error: SandboxError;
  /** The origin of the transaction that made the change (a person's EditOrigin, usually). */
  readonly origin: unknown;
  /** True when it was undone for that person through their undo manager. */
  readonly undone: boolean;
}

export interface LiveOptions {
  readonly host: SandboxHost;
  /** The person using the app here: the origin of their events' data writes by default. */
  readonly actorOrigin?: unknown;
  /**
   * Each person's undo manager by their origin object. Given, a broken change is undone at once
   * for the person who made it (DESIGN.md section 6).
   */
  readonly undoManagers?: ReadonlyMap<unknown, Y.UndoManager>;
  readonly onBrokenChange?: (broken: BrokenChange) => void;
  readonly onView?: (view: ViewNode) => void;
}

/** The origin of data writes nobody in particular made (no `actorOrigin` was given). */
export const APP_ORIGIN: object = Object.freeze({ app: 'data' });

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Writes an app's new data into the document: THE one place app data is written (DESIGN.md
 * section 1 allows exactly this besides the commit step: app data changed by the app's own
 * event handlers, after the sandbox host checked it against the declared types). Only the fields
 * that differ between `prevData` (what the handler started from) and `nextData` are written, in
 * one transaction with `origin`, so a peer's concurrent change of another field survives and the
 * person's undo manager takes the event back as one step. Returns the fields written.
 */
export function commitData(
  doc: Y.Doc,
  prevData: AppData,
  nextData: AppData,
  origin: unknown
): string[] {
  const { model } = currentModel(doc);
  const root = rootComponent(model);
  // Only `shared` fields live in the document; a `local` or `person` value stays where the
  // handler ran (runtime/scopes.ts).
  const stored = (field: string) =>
    !root || !Object.hasOwn(root.state, field) || scopeOf(root.state[field]) === 'shared';
  const changed = Object.keys(nextData).filter(
    (field) =>
      stored(field) &&
      (!Object.hasOwn(prevData, field) || !sameJson(prevData[field], nextData[field]))
  );
  const removed = Object.keys(prevData).filter(
    (field) => stored(field) && !Object.hasOwn(nextData, field)
  );
  if (changed.length === 0 && removed.length === 0) return [];
  // Keep the document's cached model warm (a re-read costs O(nodes)) when the result is exactly
  // what reading would give: declared fields only, each with a value of its type.
  const fits =
    !!root &&
    removed.every((field) => !Object.hasOwn(root.state, field)) &&
    changed.every(
      (field) =>
        Object.hasOwn(root.state, field) && !checkValue(root.state[field].type, nextData[field])
    );
  const state = docRoots(doc).state;
  // A shared text field takes the handler's edit (from what it started from) into its Y.Text,
  // merged with a peer's typing meanwhile (model/textdata.ts); the model reads the merge.
  const text = (field: string) =>
    !!root && Object.hasOwn(root.state, field) && isTextField(root.state[field]);
  const written = (field: string): JsonValue => {
    const value = nextData[field];
    if (!text(field) || typeof value !== 'string') return value;
    const base = prevData[field];
    const current = stateValue(state.get(field));
    return typeof current === 'string' && typeof base === 'string'
      ? mergedText(current, base, value)
      : value;
  };
  if (fits) {
    const data: Record<string, JsonValue> = { ...model.data };
    for (const field of changed) data[field] = written(field);
    expectModel(doc, { ...model, data });
  }
  // The fields to write, and what the handler started from for each (a text field's edit base).
  const before: Record<string, JsonValue> = {};
  for (const field of [...changed, ...removed])
    if (Object.hasOwn(prevData, field)) before[field] = prevData[field];
  const after: Record<string, JsonValue> = {};
  for (const field of changed) after[field] = nextData[field];
  doc.transact(() => writeData(state, root, before, after), origin);
  return [...changed, ...removed];
}

/**
 * The default answer to a broken change when the people's undo managers are known: undo it for
 * the person whose origin made it. Returns whether something was undone. An undo or redo that
 * broke the app (origin: an UndoManager) is only reported: undoing it again would take back a
 * different step.
 */
export function undoBrokenChange(
  undoManagers: ReadonlyMap<unknown, Y.UndoManager>,
  origin: unknown
): boolean {
  const manager = undoManagers.get(origin);
  return !!manager && manager.undo() !== null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SharedType = Y.AbstractType<any>;

/** The top-level shared type a (possibly nested) changed type belongs to. */
function topLevel(type: SharedType): SharedType {
  let at = type;
  while (at._item) at = at._item.parent as SharedType;
  return at;
}

/** A running app bound to its document. Start with `LiveApp.start`; `stop()` when done. */
export class LiveApp {
  private readonly doc: Y.Doc;
  private readonly options: LiveOptions;
  private readonly host: SandboxHost;
  private running: AppModel;
  private currentView: ViewNode | null = null;
  private lastError: SandboxError | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private pendingSteps = 0;
  private dataQueued = false;
  private dataOrigin: unknown = null;
  /** Set while this app writes its own data, so the write is not read back as a change. */
  private writing = false;
  private readonly definitionRoots: ReadonlySet<SharedType>;
  private readonly stateRoot: SharedType;
  private readonly unsubscribe: () => void;

  private constructor(doc: Y.Doc, options: LiveOptions, model: AppModel) {
    this.doc = doc;
    this.options = options;
    this.host = options.host;
    this.running = model;
    const roots = docRoots(doc);
    this.definitionRoots = new Set<SharedType>([
      roots.meta,
      roots.components,
      roots.nodes,
      roots.props
    ]);
    this.stateRoot = roots.state;
    const offData = this.host.events.data.add((update) => {
      this.background(async () => {
        this.write(update.prev, update.data, this.options.actorOrigin ?? APP_ORIGIN);
        this.setView(update.view);
      });
    });
    // A restarted worker refuses the old view's refs: show the view it rendered.
    const offIncident = this.host.events.incident.add((incident) => {
      if (incident.view) this.setView(incident.view);
    });
    this.unsubscribe = () => {
      offData();
      offIncident();
    };
  }

  /** Loads the document's current app into the host and follows the document from then on. */
  static async start(doc: Y.Doc, options: LiveOptions): Promise<LiveApp> {
    // Read before subscribing: the model cache (model/store.ts) registers its own
    // afterTransaction listener on first use, and it must run before ours, which reads it.
    const { model } = currentModel(doc);
    const app = new LiveApp(doc, options, model);
    doc.on('afterTransaction', app.observer);
    await app.step(async () => {
      const result = await app.host.load(model, model.data);
      if (result.ok) app.setView(result.view);
      else app.lastError = result.error;
    });
    return app;
  }

  /** The last view that rendered (null when the app never ran). */
  get view(): ViewNode | null {
    return this.currentView;
  }

  /** The model the sandbox is running: the last version that rendered. */
  get model(): AppModel {
    return this.running;
  }

  /** The error of the last change or start that failed, cleared by the next success. */
  get error(): SandboxError | null {
    return this.lastError;
  }

  /**
   * Runs the handler or binding behind `ref` of the current view; on success writes the new
   * data into the document in one transaction with `origin`.
   */
  dispatch(
    ref: number,
    payload: unknown,
    origin: unknown = this.options.actorOrigin ?? APP_ORIGIN
  ): Promise<DispatchResult> {
    return this.step(async () => {
      const base = this.readData();
      const result = await this.host.dispatch(ref, payload, base);
      if (!result.ok) return result;
      if (!result.local) this.write(base, result.data, origin);
      this.setView(result.view);
      return result;
    });
  }

  /** Resolves once every change seen so far has reached the sandbox. */
  async settled(): Promise<void> {
    while (this.pendingSteps > 0) await this.chain;
  }

  /** Stops following the document (the host stays the caller's to dispose). */
  stop(): void {
    this.doc.off('afterTransaction', this.observer);
    this.unsubscribe();
  }

  // -------------------------------------------------------------------------------------------

  private readonly observer = (transaction: Y.Transaction): void => {
    if (this.writing) return;
    let definition = false;
    let data = false;
    for (const type of transaction.changed.keys()) {
      const root = topLevel(type);
      if (this.definitionRoots.has(root)) definition = true;
      else if (root === this.stateRoot) data = true;
    }
    if (definition) {
      // The model as this transaction left it, read now: later transactions may change it
      // before the queue gets here, and a failure must be pinned on this one's origin.
      const { model } = currentModel(this.doc);
      const origin = transaction.origin;
      this.background(() => this.applyDefinition(model, origin));
    } else if (data) {
      // Data changes coalesce into one render of the latest data; a failure is pinned on the
      // latest change's origin.
      this.dataOrigin = transaction.origin;
      if (!this.dataQueued) {
        this.dataQueued = true;
        this.background(() => this.applyData());
      }
    }
  };

  /**
   * A step nobody awaits. Its expected failures are values (broken changes); anything thrown is
   * a bug, contained here so the app keeps following the document.
   */
  private background(work: () => Promise<void>): void {
    this.step(work).catch((e: unknown) => {
      this.lastError = editError(
        'E_RENDER',
        `the live app failed to follow a change: ${String(e)}`
      );
    });
  }

  private step<T>(work: () => Promise<T>): Promise<T> {
    this.pendingSteps++;
    const run = this.chain.then(work).finally(() => this.pendingSteps--);
    this.chain = run.catch(() => {});
    return run;
  }

  private async applyDefinition(model: AppModel, origin: unknown): Promise<void> {
    const result = await this.host.swap(
      model,
      composeData(rootComponent(model), model.data, this.host.data)
    );
    if (result.ok) {
      this.running = model;
      this.lastError = null;
      this.setView(result.view);
      return;
    }
    this.broken('definition', result.error, origin);
  }

  private async applyData(): Promise<void> {
    this.dataQueued = false;
    const origin = this.dataOrigin;
    const result = await this.host.render(this.readData());
    if (result.ok) {
      this.lastError = null;
      this.setView(result.view);
      return;
    }
    this.broken('data', result.error, origin);
  }

  private broken(kind: BrokenChange['kind'], error: SandboxError, origin: unknown): void {
    this.lastError = error;
    const managers = this.options.undoManagers;
    // The undo is a new transaction: it comes back through the observer and swaps the
    // reverted model in (the last good one, so nothing changes in the sandbox).
    const undone = managers ? undoBrokenChange(managers, origin) : false;
    this.options.onBrokenChange?.({ kind, error, origin, undone });
  }

  /**
   * The document's data as the running version reads it: each field its root component
   * declares, the stored value when it fits the declared type, else the initial value (the rule
   * of model/resolve.ts), read straight from the `state` map so a data change costs O(data).
   */
  private readData(): AppData {
    const root = rootComponent(this.running);
    const state = docRoots(this.doc).state;
    const shared: Record<string, JsonValue> = {};
    for (const [field, decl] of Object.entries(root?.state ?? {})) {
      const value = stateValue(state.get(field));
      shared[field] =
        value !== undefined && !checkValue(decl.type, value)
          ? (value as JsonValue)
          : (decl.initial as JsonValue);
    }
    // `local` and `person` fields keep what this app's last render held (runtime/scopes.ts).
    return composeData(root, shared, this.host.data);
  }

  private write(prev: AppData, next: AppData, origin: unknown): void {
    this.writing = true;
    try {
      commitData(this.doc, prev, next, origin);
    } finally {
      this.writing = false;
    }
  }

  private setView(view: ViewNode): void {
    this.currentView = view;
    this.options.onView?.(view);
  }
}
