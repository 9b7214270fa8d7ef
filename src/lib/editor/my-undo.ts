/**
 * This person's undo in the studio (issue 13): one Y.UndoManager over the replica for the whole
 * session, online and offline, tracking only this person's origin object, so it never takes back
 * anyone else's change. Every step is one batch: a batch written here (local first or offline) is
 * tracked as it is written; a batch the server committed for me (an expression, a rename of a
 * field with its data, a code-tab save, an AI proposal, a restore) is taken from its answer's
 * `mine`, the update of exactly that commit, applied as a tracked step.
 *
 * An undo or redo runs here: tried on a copy and judged first (undo-trial.ts; refused with
 * `E_UNDO_BLOCKED`, nothing written), then taken on the replica in one transaction with its
 * history entry ("Undid: …" under this person), which the provider sends on as a live update,
 * judged on the server like any peer's. Offline it waits in the replica and syncs when the
 * connection is back. A tab keeps its steps across a lost connection and a server restart, not
 * across a reload.
 */
import * as Y from 'yjs';
import { docRoots, undoScope } from '../model/ydoc';
import { historyEntry, type EditOrigin } from '../ops/write';
import { catalogError, type EditError } from '../errors';
import { checkStep, trialStep, type GateCheck, browserGateCheck } from './undo-trial';

/** What an undo or redo did: the step's summary (null: nothing to take), or why it was refused. */
export type StepResult =
  | { readonly ok: true; readonly summary: string | null }
  | { readonly ok: false; readonly errors: readonly EditError[] };

/** A Yjs delete set (a set of id runs; the type is not exported by name). */
type IdSet = ReturnType<typeof Y.createDeleteSet>;

/**
 * The ids an update inserts and deletes, as the delete sets a Yjs stack item holds. Its structs
 * are read with `Y.decodeUpdate`; the runs are merged and sorted by `Y.mergeDeleteSets`.
 */
export function idsOf(update: Uint8Array): { insertions: IdSet; deletions: IdSet } {
  const { structs, ds } = Y.decodeUpdate(update);
  const insertions = Y.createDeleteSet();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const runs = insertions.clients.get(struct.id.client) ?? [];
    // A delete set's run ({ clock, len }), the shape Yjs' own DeleteItem has.
    runs.push({ clock: struct.id.clock, len: struct.length } as never);
    insertions.clients.set(struct.id.client, runs);
  }
  return { insertions: Y.mergeDeleteSets([insertions]), deletions: Y.mergeDeleteSets([ds]) };
}

/** How often a step is tried again when the replica changed while it was being judged. */
const ATTEMPTS = 3;

/** This person's undo and redo stacks over the replica (see the file comment). */
export class MyUndo {
  private readonly manager: Y.UndoManager;
  /** Bumped by every update of the replica: a step judged on an older state is tried again. */
  private version = 0;
  /** The step being taken, if any: the next waits for it (see `step`). */
  private queue: Promise<unknown> = Promise.resolve();
  /** Tells the studio the stacks' sizes. */
  private readonly report: () => void;

  /** `counts` hears the stacks' sizes whenever they change. */
  constructor(
    private readonly doc: Y.Doc,
    private readonly origin: EditOrigin,
    counts: (undo: number, redo: number) => void,
    private readonly gate: GateCheck = browserGateCheck
  ) {
    // Deleted content stays for the session (as on the server, whose document keeps it): a step
    // the server wrote for me may reach the replica over the socket before its answer says it
    // is mine, and undoing it needs what it deleted. Content deleted before the tab opened is
    // already collected; none of my steps can need it.
    doc.gc = false;
    // captureTimeout 0: every batch is its own step. Yjs' own set of origins: not reactive.
    this.manager = new Y.UndoManager(undoScope(doc), {
      trackedOrigins: new Set([origin]),
      captureTimeout: 0
    });
    this.report = () => counts(this.undoCount, this.redoCount);
    this.manager.on('stack-item-added', this.report);
    this.manager.on('stack-item-popped', this.report);
    doc.on('update', () => this.version++);
  }

  /** Steps to undo. */
  get undoCount(): number {
    return this.manager.undoStack.length;
  }

  /** Steps to redo. */
  get redoCount(): number {
    return this.manager.redoStack.length;
  }

  /** Names the step just written with my origin (what "Undid: …" will say). */
  label(summary: string | null): void {
    if (summary) this.manager.undoStack.at(-1)?.meta.set('summary', summary);
  }

  /**
   * Runs `apply`, which applies a change answer's catch-up, and makes `mine`, the update of the
   * commit the server made for me, one step of mine. The step is built from the ids `mine`
   * inserted and deleted, not from the transaction that brought them: the collaboration socket
   * often delivers the commit before the answer arrives (the answer then adds nothing), and the
   * catch-up may hold peers' changes too, which must not join my step.
   */
  adopt(mine: Uint8Array, summary: string | null, apply: () => void): void {
    apply();
    const { insertions, deletions } = idsOf(mine);
    if (insertions.clients.size === 0 && deletions.clients.size === 0) return;
    // A Yjs StackItem is its two id sets and its meta (the class is not exported): the manager
    // reads nothing else of it. A new step clears what could be redone, as Yjs does.
    const item = { insertions, deletions, meta: new Map<unknown, unknown>() } as never;
    this.manager.clear(false, true);
    this.manager.undoStack.push(item);
    this.manager.emit('stack-item-added', [
      { stackItem: item, origin: this.origin, type: 'undo', changedParentTypes: new Map() },
      this.manager
    ]);
    this.label(summary);
  }

  /**
   * Undoes (or redoes) my last step, judged first; nothing is written when it is refused. The
   * step and its history entry are one transaction, so they reach the server as one update.
   * Steps run one after another: five quick clicks on Undo are five steps, each judged on what
   * the one before left (run side by side, each saw the others' writes as changes of the app and
   * judged again, until one gave up).
   */
  step(which: 'undo' | 'redo'): Promise<StepResult> {
    const run = this.queue.then(() => this.stepNow(which));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async stepNow(which: 'undo' | 'redo'): Promise<StepResult> {
    const stack = which === 'undo' ? this.manager.undoStack : this.manager.redoStack;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const item = stack.at(-1);
      if (!item) return { ok: true, summary: null };
      const summary = (item.meta.get('summary') as string | undefined) ?? 'a change';
      const seen = this.version;
      const trial = trialStep(this.doc, this.manager, which);
      if (!trial.after) {
        // Every step left changes nothing any more (others changed the same things since):
        // they are dropped, as Yjs would, and nothing is written.
        this.manager.clear(which === 'undo', which === 'redo');
        this.report();
        return { ok: true, summary: null };
      }
      const problems = await checkStep(trial.before, trial.after, this.origin.actor, this.gate);
      // A peer's change arrived while the step was judged: judge it again on what is there now.
      if (this.version !== seen) continue;
      if (problems.length > 0)
        return {
          ok: false,
          errors: [
            catalogError('E_UNDO_BLOCKED', {
              summary,
              undone: which === 'undo',
              why: problems[0].message
            })
          ]
        };
      this.take(which, summary);
      return { ok: true, summary };
    }
    return {
      ok: false,
      errors: [
        catalogError('E_UNDO_BLOCKED', {
          summary: 'your last step',
          undone: which === 'undo',
          why: 'the app kept changing while it was checked; try again'
        })
      ]
    };
  }

  /**
   * Takes the step on the replica with its history entry, in one transaction of the manager's
   * own origin. Yjs files the step on the other stack when the transaction ends, reading its
   * `undoing`/`redoing` flags then, so they are held until it has ended (the manager's own
   * `undo()` clears them when it returns, inside this transaction).
   */
  private take(which: 'undo' | 'redo', summary: string): void {
    const manager = this.manager;
    const entry = historyEntry(this.origin.actor, {
      source: 'undo',
      summary: `${which === 'undo' ? 'Undid' : 'Redid'}: ${summary}`
    });
    try {
      this.doc.transact(() => {
        if (which === 'undo') manager.undo();
        else manager.redo();
        manager.undoing = which === 'undo';
        manager.redoing = which === 'redo';
        docRoots(this.doc).history.push([entry]);
      }, manager);
    } finally {
      manager.undoing = false;
      manager.redoing = false;
    }
    const back = which === 'undo' ? manager.redoStack.at(-1) : manager.undoStack.at(-1);
    back?.meta.set('summary', summary);
  }

  /** Stops tracking (the page is going away). */
  destroy(): void {
    this.manager.destroy();
  }
}
