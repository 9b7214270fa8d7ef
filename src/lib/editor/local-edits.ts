/**
 * Changes this browser writes to its replica itself (issue 13): the local-first batches that
 * cannot change what any code does and every batch while offline, with this person's origin (so
 * each is one step of my undo, my-undo.ts), and the app data its handlers produce, with an origin
 * of its own (app data is not in anyone's undo, as on the server). The provider sends them on;
 * the server judges them like any peer's update.
 */
import type * as Y from 'yjs';
import type { AppModel, JsonValue } from '../model/types';
import { commitPlanned, type EditOrigin, type EditSource } from '../ops/write';
import { renderSafe } from '../ops/render-safe';
import { changesBetween } from '../ops/judge';
import { nodeNetworkErrors } from '../code/network';
import { commitData } from '../runtime/live';
import type { EditError } from '../ops/errors';
import type { Actor } from '../ops/plan';
import { refused, type Outcome } from './change-client.svelte';

/**
 * The browser's compile gate as a batch's judge before it is written here (LiveApp `check`):
 * its errors (empty: write it), or null when there is no gate to ask.
 */
export type BatchJudge = (
  ops: readonly unknown[],
  actor: Actor
) => Promise<readonly EditError[] | null>;

/** Plans batches here and writes them into the replica. */
export class LocalEdits {
  /** The origin of app data written from Use mode: no undo manager tracks it. */
  private readonly dataOrigin = Object.freeze({ data: true });

  /**
   * `notify`: a toast saying what happened here, or why it could not. `judge`: the browser's
   * compile gate, which every batch written by `write` passes first.
   */
  constructor(
    private readonly doc: Y.Doc,
    private readonly origin: EditOrigin,
    private readonly notify: (kind: 'info' | 'error', text: string, code?: string) => void,
    private readonly judge: BatchJudge | null = null
  ) {}

  /**
   * Local first: a batch that cannot change what any code does (literal props of built-in
   * elements, moves, removals, new built-in elements; ops/render-safe.ts) needs no compiler and
   * no dry run, only the planner (schemas, places, handler parameters) and the network rule for
   * addresses, which run here; so it is written to `model`'s replica at once. Null: not such a
   * batch, or it did not plan here (the server then gives the answer).
   */
  writeRenderSafe(model: AppModel, ops: readonly unknown[], source: EditSource): Outcome | null {
    if (!renderSafe(model, ops)) return null;
    // The title is also the app list's: a rename goes through the op route, whose answer comes
    // once it is stored, so the home page a person goes back to shows the new name.
    if (ops.some((op) => (op as { op?: unknown }).op === 'setMeta')) return null;
    const result = commitPlanned(this.doc, ops, this.origin, {
      source,
      // A render-safe batch grants and revokes nothing: only the nodes it wrote can hold a new
      // address (found by identity, the planner keeps every other record as it was).
      verify: (next, _touched, before) =>
        nodeNetworkErrors(next, changesBetween(before, next).nodes)
    });
    if (!result.ok) return null;
    return { ok: true, summary: result.summary, idMap: { ...result.idMap } };
  }

  /**
   * Plans, gates and writes a batch in this browser (offline); it syncs when the connection is
   * back. The browser's gate judges it first, TypeScript included when it changes code, so a
   * batch the server would refuse for its code is refused here, where it was made, and nothing
   * is written (else the server would refuse the update and the change would be lost).
   */
  async write(ops: readonly unknown[], source: EditSource): Promise<Outcome> {
    const errors = this.judge ? await this.judge(ops, this.origin.actor) : null;
    if (errors && errors.length > 0) return { ok: false, errors };
    const result = commitPlanned(this.doc, ops, this.origin, { source });
    if (!result.ok) return { ok: false, errors: result.errors };
    this.notify('info', 'Saved in this browser; it syncs when the connection is back.');
    return { ok: true, summary: result.summary, idMap: { ...result.idMap } };
  }

  /** Writes the app data the app's handlers produced in Use mode (not a step of my undo). */
  writeData(prev: Record<string, JsonValue>, next: Record<string, JsonValue>): void {
    commitData(this.doc, prev, next, this.dataOrigin);
  }

  /** Refuses `what` while offline, with a toast: it needs the server. */
  needsConnection(what: string): Outcome {
    const message = `${what} needs the connection to the server; it is back soon.`;
    this.notify('error', message, 'E_OFFLINE');
    return refused('E_OFFLINE', message);
  }
}
