/**
 * A module Web Worker that runs the gate core's parse and policy over the components an undo or
 * redo would change (undo-trial.ts `browserGateCheck`), so Babel stays out of the page, as in the
 * gate worker (gate-worker.ts). Started on the first step that changes code, then kept.
 *
 * Request: `{ id, model, components }` (an AppModel survives structured clone: Maps and plain
 * JSON). Answer: `{ id, errors }`, the gate's coded errors (none: it compiles).
 */
import { CompileGateCore } from '../code/gate-core';
import type { AppModel } from '../model/types';
import type { EditError } from '../ops/errors';

/** The worker's global scope, typed structurally (the DOM lib's worker types are not loaded). */
const scope = globalThis as unknown as {
  postMessage(message: { id: number; errors: readonly EditError[] }): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
};

const gate = new CompileGateCore();

scope.addEventListener('message', (event) => {
  const { id, model, components } = event.data as {
    id: number;
    model: AppModel;
    components: readonly string[];
  };
  let errors: readonly EditError[];
  try {
    errors = gate.compile(model, new Set(components)).errors;
  } catch (e) {
    // A bug of the gate, not a property of the app: the step is refused, never let by unchecked.
    errors = [{ code: 'E_MODULE', message: `the browser's gate failed: ${String(e)}` }];
  }
  scope.postMessage({ id, errors });
});
