/**
 * The model and the history log read from the studio's replica, for the panels to draw, and
 * who hears of each change of the model (the canvas draws it before the sandbox has run it).
 * Each read hands the panels the previous objects wherever nothing changed (./share.ts).
 */
import * as Y from 'yjs';
import { currentModel } from '../model/store';
import { docRoots } from '../model/ydoc';
import type { AppModel } from '../model/types';
import type { HistoryEntry } from '../ops/write';
import { shareUnchanged } from './share';

/** A change of the replica's model, to draw before the sandbox has run it (`Studio.onModelChange`). */
export interface ModelChange {
  readonly before: AppModel;
  readonly after: AppModel;
  /** The browser gate's sequence of the write: a compiled app includes it once `includes`. */
  readonly seq: number;
}

/** The replica as the panels read it. */
export class ReplicaModel {
  /** The current model of the replica. */
  model = $state.raw<AppModel>(null as unknown as AppModel);
  /** The history log of the app, oldest first. */
  history = $state.raw<readonly HistoryEntry[]>([]);
  /** Set while an update from an HTTP answer is applied (whoever applies it reads it after). */
  receiving = false;
  /** The snapshot of the replica `model` was made from (see `read`). */
  private modelRead: AppModel | null = null;
  /** A model read but not yet handed to the panels (see `stage`). */
  private staged: AppModel | null = null;
  /**
   * Who draws each change of the model before the sandbox answers (./view-patch.ts): the model
   * before and after, and the gate sequence of the write.
   */
  // Listeners, called by hand: nothing reads the set reactively.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly listeners = new Set<(change: ModelChange) => void>();

  /** `sequence`: the browser gate's sequence of the last write, null without a gate. */
  constructor(
    private readonly doc: Y.Doc,
    private readonly sequence: () => number | null
  ) {}

  /** Reads the model and the history from the replica again, for the panels. */
  read(): void {
    this.stage();
    this.publish();
  }

  /**
   * Reads the replica's model without handing it to the panels yet (`publish` does): the canvas
   * can draw a peer's change in this task and the panels follow after the frame
   * (./panel-reads.ts). Returns the model read, unchanged parts the panels' objects.
   */
  stage(): AppModel {
    const next = currentModel(this.doc).model;
    // The replica's model is read afresh after every update; handing the panels the previous
    // objects wherever nothing changed lets Svelte skip every outline row and canvas part that
    // reads them (a derived whose value is the same object does not wake its readers). The
    // same snapshot again (nothing changed since) is the model as it is.
    const base = this.staged ?? this.model;
    if (next !== this.modelRead)
      this.staged =
        base && this.modelRead
          ? shareUnchanged(base, next, this.modelRead)
          : base
            ? shareUnchanged(base, next)
            : next;
    this.modelRead = next;
    return this.staged ?? this.model;
  }

  /** Hands the panels the model last staged, and the history. */
  publish(): void {
    if (this.staged) this.model = this.staged;
    this.staged = null;
    this.history = docRoots(this.doc).history.toArray() as HistoryEntry[];
  }

  /** The model the canvas was last told of: staged for the panels, or theirs. */
  get shown(): AppModel {
    return this.staged ?? this.model;
  }

  /** Applies `update`, which the server sent in an answer, as `origin` (see `receiving`). */
  receive(update: Uint8Array, origin: unknown): void {
    this.receiving = true;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } finally {
      this.receiving = false;
    }
  }

  /** Calls `listener` with each change of the model (see `Studio.onModelChange`). */
  onChange(listener: (change: ModelChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners that the model moved on from `before` (nothing without a gate). */
  changed(before: AppModel): void {
    this.tellChange(before, this.model);
  }

  /**
   * The model the replica holds now, as the planner reads it: what was written here last, even
   * before the panels have read it (`read`). Its unchanged records are the very objects of the
   * model the planner read before the write.
   */
  get written(): AppModel {
    return currentModel(this.doc).model;
  }

  /**
   * Tells the listeners of a change, also before the panels read it (they read it after the
   * frame that draws it, ./panel-reads.ts): `before` and `after` whose unchanged records are the
   * same objects, as the planner read and wrote them or as `stage` shares them. Nothing without a
   * gate, or when nothing changed.
   */
  tellChange(before: AppModel, after: AppModel): void {
    const seq = this.sequence();
    if (before === after || seq === null) return;
    const change: ModelChange = { before, after, seq };
    for (const listener of this.listeners) listener(change);
  }
}
