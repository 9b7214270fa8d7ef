/**
 * One request's budget inside the sandbox worker: the loop guard every call into guest code
 * runs under, the log and fetch counts of the request, which component (and instance) is
 * running, and the coded errors for what guest code threw. The render, the handlers and the
 * migrations all start and judge their calls into guest code here, so the limits are the same
 * for every kind of request.
 *
 * All of it is private to the worker: guest code gets `guardGlobal` (a hardened wrapper) and,
 * through `caps`, the `session`, never the guard or the counters themselves.
 */
import { describeThrown, Fault, isStackOverflow } from './data.js';
import { createGuard } from './guard.js';

/** Loop iterations plus calls one render, handler or migration may make (the guard's limit). */
export const STEP_LIMIT = 1_000_000;
/** Log messages one request may send (the rest are dropped) and network requests it may make. */
const MAX_LOGS = 100;
const MAX_FETCHES = 16;

/**
 * `1000000` as `1,000,000` (lockdown tames `toLocaleString` to plain `toString`).
 * @param {number} n
 */
export function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * @typedef {{ loaded: import('./world.js').Loaded, instance: string }} Running
 * @typedef {{ component?: string, node?: string }} Where
 * @typedef {(value: any) => any} Hardener
 * @typedef {ReturnType<typeof createBudget>} Budget
 */

/**
 * The budget of a sandbox's requests, its state held in this closure.
 * @param {Hardener} harden
 */
export function createBudget(harden) {
  const guard = createGuard(STEP_LIMIT);
  // Guest code gets this wrapper, never the guard itself, so `reset` and `tripped` stay out of
  // its reach.
  const guardGlobal = harden(() => guard());
  /** The component (and instance) whose code is running: capabilities check it. */
  /** @type {Running | null} */
  let active = null;
  let logs = 0;
  let fetches = 0;
  let fetchId = 0;

  /** Starts the budget of one call into guest code. */
  function start() {
    guard.reset();
    logs = 0;
    fetches = 0;
  }

  /** Whether the guard tripped since `start` (a `finally` in guest code cannot swallow it). */
  function tripped() {
    return guard.tripped;
  }

  /**
   * Marks whose code runs from now on; returns who ran before, to be put back in a `finally`.
   * @param {Running | null} who
   */
  function enter(who) {
    const saved = active;
    active = who;
    return saved;
  }

  /**
   * @param {string} label
   * @param {Where} [where]
   */
  function runaway(label, where) {
    return new Fault(
      'E_RUNAWAY',
      `${label} was stopped: it ran more than ${thousands(STEP_LIMIT)} loop ` +
        'iterations or function calls without finishing (or nested calls too deeply); look for ' +
        'a loop whose condition never becomes false or a function that keeps calling itself',
      where
    );
  }

  /**
   * The coded error for something guest code threw.
   * @param {unknown} e
   * @param {string} code
   * @param {string} label
   * @param {Where} where
   */
  function classify(e, code, label, where) {
    if (e instanceof Fault) return e;
    if (guard.tripped || isStackOverflow(e)) return runaway(label, where);
    return new Fault(code, `${label} threw: ${describeThrown(e)}`, where);
  }

  /** What the capabilities of every component share: who runs, and this request's budgets. */
  const session = {
    harden,
    running: () => active && { component: active.loaded.id, instance: active.instance },
    countLog: () => ++logs <= MAX_LOGS,
    countFetch: () => ++fetches <= MAX_FETCHES,
    nextFetchId: () => ++fetchId
  };

  return { guardGlobal, start, tripped, enter, runaway, classify, session };
}
