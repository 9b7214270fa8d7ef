/**
 * An undo or redo tried before it is written (issue 13): the step is taken on a copy of the
 * replica, and the model it leaves is judged here in the browser (the role rules, the model's own
 * rules, the network rule and the compile gate's parse and policy over the components whose code
 * it changes). Only a step that passes is then taken on the replica itself, so a refused step
 * writes nothing: no update reaches the provider, the server or a peer.
 *
 * Why a copy: Y.UndoManager writes straight into its document, and Yjs has no rollback; taking the
 * step and putting it back would send both to every peer. The copy is made without garbage
 * collection, so the deleted content the step brings back is there to bring back.
 */
import * as Y from 'yjs';
import type { AppModel } from '../model/types';
import { currentModel } from '../model/store';
import { undoScope } from '../model/ydoc';
import { editError, type EditError } from '../ops/errors';
import type { Actor } from '../ops/plan';
import { changesBetween, componentsToGate, definitionChanged, judgeRules } from '../ops/judge';
import { networkErrors } from '../code/network';

/** What a step would do: the model before and after it (null after: it changes nothing now). */
export interface TrialStep {
  readonly before: AppModel;
  readonly after: AppModel | null;
}

/**
 * Takes `which` of `manager` (an undo manager over `doc`'s undo scope) on a copy of `doc` and
 * reads the model it leaves; `doc` and `manager` are not changed. The copy's manager gets the
 * whole stack, since Yjs skips a step that changes nothing any more and takes the one below it.
 */
export function trialStep(doc: Y.Doc, manager: Y.UndoManager, which: 'undo' | 'redo'): TrialStep {
  const before = currentModel(doc).model;
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  copyRedone(doc, copy);
  const trial = new Y.UndoManager(undoScope(copy), { captureTimeout: 0 });
  try {
    // Stack items name what they undo by Yjs ids, which are the same in the copy. Both stacks:
    // Yjs reads the other one to tell a value my own steps replaced from a peer's.
    trial.undoStack = [...manager.undoStack];
    trial.redoStack = [...manager.redoStack];
    const took = which === 'undo' ? trial.undo() : trial.redo();
    return { before, after: took ? currentModel(copy).model : null };
  } finally {
    trial.destroy();
    copy.destroy();
  }
}

/**
 * Copies each item's `redone` link (the item an earlier undo or redo brought it back as) from
 * `doc` to `copy`. Yjs keeps these links in memory only, not in updates, and follows them to find
 * what a step must take back now: without them a step after an undo of an overwrite does nothing.
 */
function copyRedone(doc: Y.Doc, copy: Y.Doc): void {
  for (const structs of doc.store.clients.values())
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || struct.redone === null) continue;
      const twin = Y.getItem(copy.store, struct.id);
      // The same run of content (the copy may split a run of text differently: then left out).
      if (twin instanceof Y.Item && twin.id.clock === struct.id.clock) twin.redone = struct.redone;
    }
}

/** The gate's parse and policy errors of `components` of `model` (loaded when first needed). */
export type GateCheck = (
  model: AppModel,
  components: ReadonlySet<string>
) => Promise<readonly EditError[]>;

/** The undo check worker (undo-check-worker.ts), started on the first step that changes code. */
let worker: Worker | null = null;
let asked = 0;
const waiting = new Map<number, (errors: readonly EditError[]) => void>();

function checkWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./undo-check-worker.ts', import.meta.url), {
    type: 'module'
  });
  started.addEventListener('message', (event: MessageEvent) => {
    const { id, errors } = event.data as { id: number; errors: readonly EditError[] };
    waiting.get(id)?.(errors);
    waiting.delete(id);
  });
  // A worker that cannot load refuses every step waiting on it: never let one by unchecked.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    worker = null;
    const refusal = [
      editError('E_MODULE', 'the browser’s gate could not start to check this step')
    ] as const;
    for (const resolve of waiting.values()) resolve(refusal);
    waiting.clear();
  });
  worker = started;
  return started;
}

/** Parse and policy of `components` by the gate core, in a worker of its own (Babel stays out of the page). */
export const browserGateCheck: GateCheck = (model, components) =>
  new Promise((resolve) => {
    const id = ++asked;
    waiting.set(id, resolve);
    checkWorker().postMessage({ id, model, components: [...components] });
  });

/**
 * The problems of a step from `before` to `after` by `actor`, as the browser can judge it: the
 * judge's rules (ops/judge.ts), the network rule, and `gate` over the components whose code it
 * changes. The server judges the step again when it arrives (with the type checker and a dry run).
 */
export async function checkStep(
  before: AppModel,
  after: AppModel,
  actor: Actor,
  gate: GateCheck = browserGateCheck
): Promise<EditError[]> {
  const changes = changesBetween(before, after);
  const ruled = judgeRules(before, after, changes, actor);
  if (ruled.length > 0) return ruled;
  if (!definitionChanged(changes)) return [];
  const touched = componentsToGate(before, after, changes);
  const network = [...touched].flatMap((id) => networkErrors(after, id));
  if (network.length > 0) return network;
  if (touched.size === 0 || changes.renderSafe) return [];
  return [...(await gate(after, touched))];
}
