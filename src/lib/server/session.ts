/**
 * An open app on the server: its Y.Doc (the collaboration server's document, so every change
 * reaches every connected studio at once), the edit path for it (plan, compile gate, sandbox dry
 * run, commit), one undo manager per person, and the check of live updates from peers. Requests
 * and live updates for one app run one at a time, so an undo never interleaves with a commit
 * half-way through its checks, and an update is checked against the document it lands on.
 *
 * The studio in a browser sends op batches, undo and redo requests and app data here over HTTP
 * and gets the change back over the WebSocket (and in the answer); what it wrote itself while
 * offline arrives as a live update, and is checked here before anyone else sees it.
 */
import * as Y from 'yjs';
import { currentModel } from '../model/store';
import { undoScope } from '../model/ydoc';
import { restoreTarget } from './restore-target';
import { commitWhole } from '../ops/write';
import { canEditDefinition } from '../collab/protocol';
import { rootComponent, type AppModel, type JsonValue } from '../model/types';
import { judgeChange, type JudgeStages } from '../ops/judge';
import {
  checkOnDoc,
  commitChecked,
  originFor,
  recordUndo,
  type EditOrigin,
  type EditSource,
  type SandboxChecks
} from '../ops/commit';
import { catalogError, editError, type EditError } from '../errors';
import type { Actor } from '../ops/plan';
import { commitData } from '../runtime/live';
import { compiledComponents, type LiveSource } from '../runtime/compiled';
import { SandboxHost } from '../runtime/host';
import { nodeProcessPort } from '../runtime/port';
import type { GateResult } from '../code/gate-core';
import type { Verifier } from '../ops/plan';
import {
  applyToMirror,
  checkRecords,
  checkRole,
  precheckUpdate,
  type UpdateFacts
} from '../collab/check';

/** What a person holds in one app: their origin object and their undo manager. */
interface Person {
  readonly origin: EditOrigin;
  /** App data written from Use mode: not in the definition's undo history. */
  readonly dataOrigin: object;
  readonly undo: Y.UndoManager;
}

/** The answer to a change request; `update` brings a replica up to date either way. */
export type ChangeResult =
  | {
      readonly ok: true;
      readonly summary: string | null;
      readonly idMap?: Record<string, string>;
      /**
       * The update of exactly what was written for the asker (the commit, with its history
       * entry): the studio makes it one step of its own undo (editor/my-undo.ts).
       */
      readonly written?: Uint8Array;
    }
  | { readonly ok: false; readonly errors: readonly EditError[] };

/**
 * The compile gate a session judges with: on the server a ServerGate (./gate.ts: TypeScript in a
 * child process with a time and a memory limit), in the CLI's one-person process a CompileGate.
 */
export interface SessionGate {
  compile(
    model: AppModel,
    changed?: ReadonlySet<string>,
    options?: { modules?: boolean }
  ): GateResult | Promise<GateResult>;
  /**
   * Parse, policy and module form without TypeScript, synchronously: what a browser is served.
   * A slow handler already stored must not stall the first open of its app after a restart; it
   * was judged when it was written, and the sandbox bounds what it does when it runs.
   */
  compileStatic?(
    model: AppModel,
    changed?: ReadonlySet<string>,
    options?: { modules?: boolean }
  ): GateResult;
  /** Parse and policy as the plan's synchronous `verify` stage (cheap refusals first). */
  staticVerifier?(): Verifier;
}

/** The compiled app of each model a session has answered with (models are immutable). */
const liveCache = new WeakMap<AppModel, LiveSource>();

/** How long a sandbox for dry runs stays up without use. */
const SANDBOX_IDLE_MS = 120_000;

export class AppSession {
  readonly id: string;
  readonly doc: Y.Doc;
  private readonly gate: SessionGate;
  private readonly persist: () => Promise<void>;
  /** A copy of the document that live updates are tried on first (see check.ts). */
  private mirror: Y.Doc | null = null;
  private readonly people = new Map<string, Person>();
  private queue: Promise<unknown> = Promise.resolve();
  private host: SandboxHost | null = null;
  private idle: ReturnType<typeof setTimeout> | null = null;

  /**
   * `persist` stores the document now (the collaboration server also stores it shortly after
   * every change); routes await it before answering, so an answered request is on disk.
   */
  constructor(id: string, doc: Y.Doc, gate: SessionGate, persist: () => Promise<void>) {
    this.id = id;
    this.doc = doc;
    this.gate = gate;
    this.persist = persist;
    currentModel(doc);
    doc.on('update', this.mirrorUpdate);
  }

  private readonly mirrorUpdate = (update: Uint8Array) => {
    if (this.mirror) Y.applyUpdate(this.mirror, update);
  };

  /** Stores the document now. */
  flush(): Promise<void> {
    return this.persist();
  }

  /** The current model (cached per document state). */
  get model(): AppModel {
    return currentModel(this.doc).model;
  }

  /** Runs `task` after every request before it. */
  private serial<T>(task: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private person(actor: Actor): Person {
    let person = this.people.get(actor.id);
    // A person's role comes from the link they came with; the same id with another role (a new
    // link) gets a new origin, so the history and the checks always see the current role.
    if (person && person.origin.actor.role !== actor.role) {
      person.undo.destroy();
      person = undefined;
    }
    if (!person) {
      const origin = originFor(actor);
      // captureTimeout 0: every commit is its own undo step (one batch, one step).
      const undo = new Y.UndoManager(undoScope(this.doc), {
        trackedOrigins: new Set([origin]),
        captureTimeout: 0
      });
      person = { origin, dataOrigin: { data: actor.id }, undo };
      this.people.set(actor.id, person);
    }
    return person;
  }

  /**
   * Collects the updates written with `origin` from now until `stop`, which returns them as one
   * update (undefined: none). Requests run one at a time, so nothing else writes with it meanwhile.
   * `stop` detaches and merges once; a later call returns the same update. Why: `apply` used to
   * stop in a `finally` and again for its answer, merging every commit's updates twice.
   */
  private writesOf(origin: EditOrigin): { stop: () => Uint8Array | undefined } {
    const updates: Uint8Array[] = [];
    const take = (update: Uint8Array, from: unknown) => {
      if (from === origin) updates.push(update);
    };
    this.doc.on('update', take);
    let merged: { update: Uint8Array | undefined } | null = null;
    return {
      stop: () => {
        if (merged) return merged.update;
        this.doc.off('update', take);
        merged = { update: updates.length === 0 ? undefined : Y.mergeUpdates(updates) };
        return merged.update;
      }
    };
  }

  private sandbox(): SandboxHost {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.closeSandbox(), SANDBOX_IDLE_MS);
    this.idle.unref?.();
    return (this.host ??= new SandboxHost({ port: () => nodeProcessPort(), spare: false }));
  }

  private async closeSandbox(): Promise<void> {
    const host = this.host;
    this.host = null;
    await host?.dispose();
  }

  /** The judge's stages on this server: the compile gate and a dry run in the sandbox process. */
  private readonly stages: JudgeStages = {
    gate: async (model, components) => (await this.gate.compile(model, components)).errors,
    dryRun: (model, before) => this.sandbox().sandboxChecks().dryRun!(model, before)
  };

  /**
   * The one judge (../ops/judge.ts) over a change by `actor`: every door below ends here, so a
   * rule holds for a raw Yjs write exactly as for an HTTP batch.
   */
  private judge(before: AppModel, after: AppModel, actor: Actor): Promise<EditError[]> {
    return judgeChange(before, after, actor, this.stages);
  }

  /** Parse and policy inside the plan: a batch with a typo is refused before the judge's stages. */
  private staticVerify(): { verify?: Verifier } {
    const verify = this.gate.staticVerifier?.();
    return verify ? { verify } : {};
  }

  /** The stages of a batch: migrations in the sandbox, then the judge over its result. */
  private checksFor(actor: Actor): SandboxChecks {
    const host = this.sandbox();
    return {
      migrate: (source, value) => host.migrate(source, value),
      judge: (before, after) => this.judge(before, after, actor)
    };
  }

  /** Plans, gates, dry-runs and commits one batch as `actor`; one undo step for them. */
  apply(
    actor: Actor,
    ops: unknown,
    options: { source?: EditSource; prompt?: string } = {}
  ): Promise<ChangeResult> {
    return this.serial(async () => {
      const person = this.person(actor);
      const writes = this.writesOf(person.origin);
      // Stopped once, whatever happens: a throw in the checks must not leave the listener on.
      let written: Uint8Array | undefined;
      const result = await commitChecked(this.doc, ops, person.origin, this.checksFor(actor), {
        source: options.source ?? 'visual',
        prompt: options.prompt,
        ...this.staticVerify()
      }).finally(() => (written = writes.stop()));
      if (!result.ok) return result;
      const item = person.undo.undoStack.at(-1);
      item?.meta.set('summary', result.summary);
      return { ok: true, summary: result.summary, idMap: { ...result.idMap }, written };
    });
  }

  /**
   * A live update from `actor`'s connection: tried on the mirror first, checked (role, records,
   * the compile gate and a dry run over what it changed), and only then applied to the document,
   * with the person's origin, so it is one step of their undo. A refused update touches nothing.
   */
  receive(actor: Actor, update: Uint8Array): Promise<ChangeResult> {
    return this.serial(async () => {
      // Cheap refusals first (precheck.ts): a viewer's write, a foreign root, nesting deeper than
      // the layout, values that are not plain JSON, bad meta and history, all read off the bytes
      // in linear time before anything is decoded into the mirror. The WebSocket runs it too,
      // before the update even queues here; every other caller gets it here.
      const early = precheckUpdate(this.doc, update, actor);
      if (early) return { ok: false, errors: [early] };
      const mirror = (this.mirror ??= cloneDoc(this.doc));
      const tried = applyToMirror(mirror, update);
      if (!tried.ok) return this.refuse([tried.error]);
      const { facts } = tried;
      if (!facts.changed) return { ok: true, summary: null };
      const problems = checkRole(facts, actor);
      if (problems.length === 0) problems.push(...(await this.checkMirror(mirror, facts, actor)));
      if (problems.length > 0) return this.refuse(problems);
      const person = this.person(actor);
      Y.applyUpdate(
        this.doc,
        update,
        facts.roots.has('state') && facts.roots.size === 1 ? person.dataOrigin : person.origin
      );
      const item = person.undo.undoStack.at(-1);
      const entry = facts.historyAdded.at(-1) as { summary?: unknown } | undefined;
      const summary = typeof entry?.summary === 'string' ? entry.summary : 'Changes made offline';
      item?.meta.set('summary', summary);
      return { ok: true, summary };
    });
  }

  /**
   * What a live update left on the mirror: its records must read back as written (check.ts),
   * then the one judge over the model before and after, as for any other door.
   */
  private async checkMirror(mirror: Y.Doc, facts: UpdateFacts, actor: Actor): Promise<EditError[]> {
    const { model, repairs } = currentModel(mirror);
    const records = checkRecords(mirror, facts, model, repairs);
    if (records.length > 0) return records;
    return this.judge(this.model, model, actor);
  }

  /** A refusal; the mirror is rebuilt, since the refused update may be in it. */
  private refuse(errors: readonly EditError[]): ChangeResult {
    this.mirror?.destroy();
    this.mirror = null;
    return { ok: false, errors };
  }

  /**
   * Plans, gates and dry-runs a batch as `actor` without writing it (an AI proposal): the
   * summary and the model it would make, or the coded errors.
   */
  check(
    actor: Actor,
    ops: unknown
  ): Promise<
    | { ok: true; summary: string; changes: readonly string[]; model: AppModel }
    | { ok: false; errors: readonly EditError[] }
  > {
    return this.serial(async () => {
      const plan = await checkOnDoc(
        this.doc,
        ops,
        actor,
        this.checksFor(actor),
        this.staticVerify()
      );
      if (!plan.ok) return { ok: false, errors: plan.errors };
      return { ok: true, summary: plan.summary, changes: plan.changes, model: plan.model };
    });
  }

  /** Whether `actor` has a step to undo and to redo. */
  history(actor: Actor): { undo: number; redo: number } {
    const person = this.people.get(actor.id);
    return { undo: person?.undo.undoStack.length ?? 0, redo: person?.undo.redoStack.length ?? 0 };
  }

  /** Undoes `actor`'s last step (or redoes their last undone one), verified like a commit. */
  undo(actor: Actor, direction: 'undo' | 'redo' = 'undo'): Promise<ChangeResult> {
    return this.serial(async () => {
      const person = this.person(actor);
      const manager = person.undo;
      const stack = direction === 'undo' ? manager.undoStack : manager.redoStack;
      const item = stack.at(-1);
      if (!item) return { ok: true, summary: null };
      const summary = (item.meta.get('summary') as string | undefined) ?? 'a change';
      const before = this.model;
      if (direction === 'undo') manager.undo();
      else manager.redo();
      const back = direction === 'undo' ? manager.redoStack.at(-1) : manager.undoStack.at(-1);
      back?.meta.set('summary', summary);
      // DESIGN section 1: an undo can meet later work and leave a model the gate refuses. Check
      // it like a commit; if it fails, put the step back at once and say why.
      const problems = await this.judge(before, this.model, actor);
      if (problems.length > 0) {
        if (direction === 'undo') manager.redo();
        else manager.undo();
        const again = direction === 'undo' ? manager.undoStack.at(-1) : manager.redoStack.at(-1);
        again?.meta.set('summary', summary);
        return {
          ok: false,
          errors: [
            catalogError('E_UNDO_BLOCKED', {
              summary,
              undone: direction === 'undo',
              why: problems[0].message
            })
          ]
        };
      }
      recordUndo(this.doc, actor, `${direction === 'undo' ? 'Undid' : 'Redid'}: ${summary}`);
      return { ok: true, summary };
    });
  }

  /**
   * Restores the app to what it was just before history entry `index`: the definition as it
   * was then, with today's data where it still fits the fields of then. Nothing is erased: the
   * restore is a new change at the end of the history (one undo step for `actor`), checked like
   * a commit (the model's rules, the gate, a dry run).
   */
  restoreTo(actor: Actor, index: unknown): Promise<ChangeResult> {
    return this.serial(async () => {
      if (!canEditDefinition(actor.role ?? 'owner'))
        return {
          ok: false,
          errors: [editError('E_FORBIDDEN', `a ${actor.role} cannot restore the app`)]
        };
      const restore = restoreTarget(this.doc, this.model, index);
      if (!restore.ok) return restore;
      const { entry, target } = restore;
      // The judge sees the restore as what it is: a change from today's model to that one. An
      // editor's restore to before the owner revoked a capability would grant it again: refused.
      const problems = await this.judge(this.model, target, actor);
      if (problems.length > 0) return { ok: false, errors: problems };
      const person = this.person(actor);
      const summary = `Restored the app to before “${entry.summary}”`;
      const writes = this.writesOf(person.origin);
      commitWhole(this.doc, target, person.origin, { summary, source: 'restore' });
      person.undo.undoStack.at(-1)?.meta.set('summary', summary);
      return { ok: true, summary, written: writes.stop() };
    });
  }

  /**
   * Writes app data the app's handlers produced in a browser sandbox (Use mode): `prev` is what
   * the handler started from, `next` what it left. Each changed field must be declared by the
   * root component and fit its type, or nothing is written.
   */
  writeData(
    actor: Actor,
    prev: Record<string, JsonValue>,
    next: Record<string, JsonValue>
  ): Promise<ChangeResult> {
    return this.serial(async () => {
      const before = this.model;
      const data: Record<string, JsonValue> = { ...before.data };
      for (const field of Object.keys(next))
        if (!Object.hasOwn(prev, field) || prev[field] !== next[field])
          Object.defineProperty(data, field, {
            value: next[field],
            enumerable: true,
            writable: true,
            configurable: true
          });
      for (const field of Object.keys(prev)) if (!Object.hasOwn(next, field)) delete data[field];
      // Data from a handler is judged like every other write: the role, then each changed field
      // declared by the root component and of its type (own fields only: `constructor` or
      // `__proto__` in the request name no field).
      const problems = await this.judge(before, { ...before, data }, actor);
      if (problems.length > 0) return { ok: false, errors: problems };
      commitData(this.doc, prev, next, this.person(actor).dataOrigin);
      return { ok: true, summary: null };
    });
  }

  /** What a browser needs to run the app now, compiled by the gate (cached per model). */
  live(): LiveSource {
    return this.liveOf(this.model);
  }

  /** The same for any model of this app (an AI proposal's, for its preview). */
  liveOf(model: AppModel): LiveSource {
    const cached = liveCache.get(model);
    if (cached) return cached;
    const live = this.compileLive(model);
    liveCache.set(model, live);
    return live;
  }

  private compileLive(model: AppModel): LiveSource {
    const root = rootComponent(model);
    const result =
      this.gate.compileStatic?.(model, undefined, { modules: true }) ??
      (this.gate.compile(model, undefined, { modules: true }) as GateResult);
    if (!result.ok)
      return { ok: false, message: result.errors[0]?.message ?? 'the app does not compile' };
    if (!root) return { ok: false, message: 'the app has no root component' };
    return {
      ok: true,
      components: [...compiledComponents(model, result.modules).values()],
      root: root.id,
      data: { ...model.data }
    };
  }

  /** The document's changes a replica at `stateVector` lacks (all of it without one). */
  updateSince(stateVector?: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.doc.off('update', this.mirrorUpdate);
    this.mirror?.destroy();
    await this.closeSandbox();
    for (const person of this.people.values()) person.undo.destroy();
  }
}

/** A copy of a document, to try changes on. */
function cloneDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
