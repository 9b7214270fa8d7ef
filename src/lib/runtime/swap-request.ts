/**
 * What `SandboxHost.swap` posts for a new compile of the running app (issue 13): the changed
 * slots alone when only literal values changed (a `literals` request, no module evaluated), else
 * a `swap` of the changed components. Pure: the host sends it and reads the reply.
 */
import type { AppData } from './state-check';
import { splitChanges, type Compiled } from './compiled';

/** The running version, as far as the request depends on it. */
export interface Running {
  readonly components: ReadonlyMap<string, Compiled>;
  readonly root: string;
  readonly data: AppData;
}

function sameData(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The request that takes the worker from `running` to `compiled` with `data`, and what it is
 * (for a watchdog report). `literalPatches: false` sends every change as a swap (the old path).
 */
export function swapRequest(
  running: Running,
  compiled: ReadonlyMap<string, Compiled>,
  root: string,
  data: AppData,
  literalPatches = true
): { message: Record<string, unknown>; what: string } {
  const changes = splitChanges(running.components, compiled.values());
  const patchOnly =
    literalPatches &&
    changes.structural.length === 0 &&
    changes.removed.length === 0 &&
    changes.literals.length > 0 &&
    root === running.root;
  const ids = patchOnly
    ? changes.literals.map((p) => p.id)
    : [...changes.structural.map((c) => c.id), ...changes.literals.map((p) => p.id)];
  const names = ids.map((id) => compiled.get(id)!.name);
  const what = names.length ? `the change to ${names.join(', ')}` : 'rendering the changed app';
  if (patchOnly) {
    // The worker may patch the elements in place only when the data is the last render's.
    const sameState = sameData(data, running.data);
    return {
      message: { t: 'literals', components: changes.literals, state: data, sameState },
      what
    };
  }
  const components = ids.map((id) => compiled.get(id)!);
  return {
    message: { t: 'swap', components, removed: changes.removed, root, state: data },
    what
  };
}
