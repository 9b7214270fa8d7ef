/**
 * When the panels read the replica (the model and history they draw). The canvas draws a change
 * in the task that brought it: a render-safe batch written here (issue 13), planned and written
 * in the task of the edit, or an update from elsewhere (a peer, the browser's own copy, an
 * offline write), read in a microtask. The panels read it in the task after the frame that
 * shows it (./after-frame.ts): reading the new model for the outline, the inspector and the
 * frames costs more than drawing the change, and done at once it delayed that frame by as much.
 * Whoever changes the app next (a batch, an undo, data, a request) settles the read first, so
 * every change starts from the model as written.
 */
import type { AppModel } from '../model/types';
import type { EditSource, HistoryEntry } from '../ops/write';
import type { Outcome } from './change-client.svelte';
import type { LocalEdits } from './local-edits';
import type { ReplicaModel } from './replica-model.svelte';
import { AfterFrame, afterNextFrame, type FrameScheduler } from './after-frame';

/** What the panels' reads need of the studio. */
export interface PanelReadsHost {
  readonly replica: ReplicaModel;
  readonly localEdits: LocalEdits;
  /** The panels read the replica again. */
  refresh(): void;
  /** The history as the panels read it. */
  history(): readonly HistoryEntry[];
  /** A history entry the panels read: the browser gate compiles what it changed. */
  noted(entry: HistoryEntry | undefined): void;
  /** The panels' model now shows a node that was selected before they read it. */
  selectNow(id: string): void;
}

/** The panels' reads of the replica: soon for others' updates, after the frame for mine. */
export class PanelReads {
  /** Set while a batch is written: its update is read after the frame, not at once. */
  writing = false;
  private readonly later: AfterFrame;
  /** A node selected before the panels read the batch that made it (a drop selects its element). */
  private heldSelection: string | null = null;
  private queued = false;

  constructor(
    private readonly host: PanelReadsHost,
    schedule: FrameScheduler = afterNextFrame
  ) {
    this.later = new AfterFrame(() => this.read(), schedule);
  }

  /** Whether a batch written here waits for the panels' read. */
  get pending(): boolean {
    return this.later.pending;
  }

  /**
   * Writes a render-safe batch to the replica (`LocalEdits.writeRenderSafe`) and tells the
   * canvas; the panels read it after the frame. Null: not such a batch, or it did not plan here.
   */
  write(ops: readonly unknown[], source: EditSource): Outcome | null {
    const { replica, localEdits } = this.host;
    const before: AppModel = replica.written;
    this.writing = true;
    let outcome: Outcome | null;
    try {
      outcome = localEdits.writeRenderSafe(before, ops, source);
    } finally {
      this.writing = false;
    }
    if (!outcome) return null;
    replica.tellChange(before, replica.written);
    this.later.request();
    return outcome;
  }

  /**
   * Holds a selection of a node written here that the panels have not read yet; true when held
   * (it is selected once they have read it).
   */
  holdSelection(id: string | null): boolean {
    this.heldSelection = null;
    const { replica } = this.host;
    if (!id || !this.later.pending || replica.model.nodes.has(id) || !replica.written.nodes.has(id))
      return false;
    this.heldSelection = id;
    return true;
  }

  /** Runs the panels' read now, if it waits. */
  settle(): void {
    this.later.flush();
  }

  /** Resolves once the panels have read every batch written here. */
  settled(): Promise<void> {
    return this.later.done();
  }

  /**
   * An update from elsewhere (a peer, the browser's own copy, an offline write): read in a
   * microtask (one read for a burst) and told to the canvas, which draws it in this task; the
   * panels read it after the frame, as a batch written here.
   */
  queue(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      const { replica } = this.host;
      const before = replica.shown;
      replica.tellChange(before, replica.stage());
      this.later.request();
    });
  }

  /** Reads the replica for the panels; what the browser gate should compile follows. */
  private read(): void {
    const { host } = this;
    const before = host.history().length;
    host.refresh();
    const held = this.heldSelection;
    this.heldSelection = null;
    if (held) host.selectNow(held);
    const history = host.history();
    host.noted(history.length > before ? history.at(-1) : undefined);
  }
}
