/**
 * The sandbox worker's protocol, free of any environment: `createSandbox(post)` returns the
 * `receive(message)` a Node worker_threads entry or a browser Web Worker entry feeds with the
 * host's messages (protocol: ../README.md). It locks the realm down once, and answers each
 * request with the pieces beside it: world.js (the loaded app: modules each evaluated in its own
 * SES Compartment, compartment.js), render.js (the plain view tree), handlers.js (handlers run on
 * drafts of the state), budget.js (the loop guard and limits of every call into guest code) and
 * caps.js (capabilities as hardened objects).
 *
 * Everything guest code can touch is decided in these files: a compartment's globals are the
 * runtime's view functions, `$guard` (read-only) and the safe globals of the policy, nothing
 * else; `caps` holds only what the component declared. Guest code runs synchronously inside one
 * request; the loop guard is reset before, and its tripped flag checked after, every call into it.
 *
 * `createRuntime` is the same machinery with the evaluator and `harden` handed in, so a benchmark
 * can run the very same module unsandboxed (`new Function`) as the baseline.
 */
import 'ses';
import { copyData, describeThrown, Fault, isRecord, isStackOverflow } from './data.js';
import { createBudget } from './budget.js';
import { compartments } from './compartment.js';
import { exerciseHandlers } from './exercise.js';
import { createHandlers } from './handlers.js';
import { createRenderer } from './render.js';
import { loadComponent, makeWorld, viewReply } from './world.js';
import { patchLiterals } from './literals.js';

export { SAFE_GLOBAL_NAMES } from './compartment.js';

/**
 * @typedef {import('./world.js').Compiled} Compiled
 * @typedef {import('./world.js').World} World
 * @typedef {import('./world.js').Post} Post
 * @typedef {import('./world.js').Evaluator} Evaluator
 * @typedef {import('./budget.js').Hardener} Hardener
 * @typedef {{ code: string, message: string, component?: string, node?: string }} WireError
 */

/**
 * The sandbox machinery with its evaluator and hardener handed in. `createSandbox` gives it SES
 * compartments and `harden`; a benchmark gives it `new Function` and the identity.
 *
 * @param {Post} post
 * @param {{ evaluate: (harden: Hardener, guardGlobal: () => void) => Evaluator, harden: Hardener }} env
 * @returns {(message: unknown) => void}
 */
export function createRuntime(post, env) {
  const harden = env.harden;
  const budget = createBudget(harden);
  const evaluate = env.evaluate(harden, budget.guardGlobal);
  const { globals, renderWorld } = createRenderer({ harden, budget });
  const { handle, run } = createHandlers({ post, budget });
  const loader = { evaluate, globals, session: budget.session, harden };

  /** @type {World | null} */
  let world = null;

  function loadedWorld() {
    if (!world) throw new Fault('E_MODULE', 'no app is loaded in the sandbox');
    return world;
  }

  /** @param {Record<string, any>} m */
  function install(m) {
    const base = m.t === 'swap' ? loadedWorld() : null;
    const components = new Map(base ? base.components : []);
    for (const id of Array.isArray(m.removed) ? m.removed : []) components.delete(id);
    for (const c of Array.isArray(m.components) ? m.components : []) {
      components.set(c.id, loadComponent(c, post, loader));
    }
    const candidate = makeWorld(
      components,
      typeof m.root === 'string' ? m.root : (base?.root ?? ''),
      base
    );
    if (m.state === undefined) {
      world = candidate;
      return { t: 'loaded', seq: m.seq };
    }
    // Render before switching over: a version that cannot render its current state is not
    // installed, and the worker keeps what it had.
    const view = renderWorld(candidate, m.state, m.locals);
    world = candidate;
    return viewReply(candidate, view, m.seq);
  }

  /** @param {Record<string, any>} m */
  function migrate(m) {
    let fn;
    try {
      fn = evaluate(String(m.source), {});
    } catch (e) {
      throw new Fault('E_MIGRATE_FAILED', `the migration did not load: ${describeThrown(e)}`);
    }
    if (typeof fn !== 'function') throw new Fault('E_MIGRATE_FAILED', 'the migration is malformed');
    budget.start();
    let value;
    try {
      value = fn(m.value);
    } catch (e) {
      throw budget.classify(e, 'E_MIGRATE_FAILED', 'the migration', {});
    }
    if (budget.tripped()) throw budget.runaway('the migration');
    const what = () => 'the migrated value';
    const out = copyData(value, { values: 0, what, code: 'E_MIGRATE_FAILED' });
    return { t: 'migrated', seq: m.seq, value: out };
  }

  /** @param {Record<string, any>} m */
  function dryRun(m) {
    // Scratch compartments and a scratch world; capabilities post nothing.
    const inert = () => {};
    const components = new Map();
    for (const c of Array.isArray(m.components) ? m.components : []) {
      components.set(c.id, loadComponent(c, inert, loader));
    }
    const scratch = makeWorld(components, String(m.root), null);
    const view = renderWorld(scratch, m.state);
    if (!Array.isArray(m.exercise) || m.exercise.length === 0)
      return { t: 'view', seq: m.seq, view, base: 0 };
    // The handler stage (exercise.js): the named handlers, each once, on copies of the data.
    const ran = exerciseHandlers({
      world: scratch,
      view,
      state: m.state,
      wanted: m.exercise,
      specs: m.events,
      run,
      seq: m.seq
    });
    return { t: 'view', seq: m.seq, view, base: 0, ...ran };
  }

  /** The code an unexpected failure of each request type is reported with. */
  const FALLBACK = /** @type {Record<string, string>} */ ({
    load: 'E_MODULE',
    swap: 'E_MODULE',
    literals: 'E_RENDER',
    render: 'E_RENDER',
    dryRun: 'E_RENDER',
    event: 'E_HANDLER',
    call: 'E_HANDLER',
    migrate: 'E_MIGRATE_FAILED'
  });

  return function receive(message) {
    const m = /** @type {Record<string, any>} */ (message);
    if (!isRecord(m) || typeof m.t !== 'string') return;
    try {
      /** @type {Record<string, unknown>} */
      let reply;
      switch (m.t) {
        case 'load':
        case 'swap':
          reply = install(m);
          break;
        case 'render': {
          const w = loadedWorld();
          // `full`: the host lost step with the diffs and asks for the whole view.
          if (m.full === true) w.sent = null;
          reply = viewReply(w, renderWorld(w, m.state, m.locals), m.seq);
          break;
        }
        case 'literals':
          reply = patchLiterals(loadedWorld(), m, { harden, renderWorld });
          break;
        case 'event':
        case 'call':
          reply = handle(loadedWorld(), m);
          break;
        case 'migrate':
          reply = migrate(m);
          break;
        case 'dryRun':
          reply = dryRun(m);
          break;
        default:
          reply = {
            t: 'error',
            seq: m.seq,
            error: { code: 'E_MODULE', message: `unknown request ${m.t}` }
          };
      }
      post(reply);
    } catch (e) {
      const fault =
        e instanceof Fault
          ? e
          : isStackOverflow(e)
            ? budget.runaway('the request')
            : new Fault(FALLBACK[m.t] ?? 'E_MODULE', `the sandbox failed: ${describeThrown(e)}`);
      /** @type {WireError} */
      const error = { code: String(fault.code), message: fault.message, ...fault.where };
      post({ t: 'error', seq: m.seq, error });
    }
  };
}

/**
 * The worker's entry point: locks the realm down (once) and returns `receive(message)`, which
 * answers each request of the protocol through `post`.
 *
 * lockdown options, each chosen for a reason:
 * - `errorTaming: 'unsafe'`: guest errors are reported by message only, never by stack; keeping
 *   V8 stacks makes the worker's own failures debuggable, and a stack reveals nothing guest
 *   code could use (it cannot reach the network except the origins its owner allowed).
 * - `overrideTaming: 'min'`: every "repaired" prototype property becomes an accessor that slows
 *   every access to it; app code passes the policy, which refuses the patterns that step into
 *   the override mistake (prototype and constructor writes, classes), so the minimal set is
 *   enough and keeps renders fast.
 * - `consoleTaming: 'unsafe'`: the console is never handed to guest code (logging is the `log`
 *   capability), so wrapping it would only change how the worker itself prints.
 * - `errorTrapping: 'none'`, `unhandledRejectionTrapping: 'none'`: an uncaught error must end the
 *   worker the platform's way, so the host sees it ('error' / 'exit') and restarts from the last
 *   good version, instead of SES logging it and carrying on in an unknown state.
 *
 * @param {Post} post
 * @returns {(message: unknown) => void}
 */
export function createSandbox(post) {
  if (!Object.isFrozen(Object.prototype)) {
    lockdown({
      errorTaming: 'unsafe',
      overrideTaming: 'min',
      consoleTaming: 'unsafe',
      errorTrapping: 'none',
      unhandledRejectionTrapping: 'none'
    });
  }
  return createRuntime(post, { evaluate: compartments, harden });
}
