/**
 * The wall around guest code: the SES evaluator that gives each module a fresh Compartment
 * holding only the runtime's view functions, the safe globals of the policy and a read-only
 * `$guard`. Needs SES loaded and `lockdown()` run (core.js `createSandbox` does both, once).
 */

/**
 * The globals a compartment keeps besides the runtime's: the policy's safe globals
 * (code/policy.ts `SAFE_GLOBALS`; tests/unit/runtime-host.test.ts checks the two lists agree).
 * Written down here rather than sent by the host: the worker is the wall, and what its
 * compartments hold must not be widened by the content of a message. Everything else a fresh
 * compartment has (Date, Proxy, Reflect, Symbol, Function, eval, globalThis, Compartment,
 * harden, lockdown, ...) is deleted, so even code that slipped past the policy cannot name it.
 */
export const SAFE_GLOBAL_NAMES = Object.freeze([
  'Math',
  'JSON',
  'Object',
  'Array',
  'String',
  'Number',
  'Boolean',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURIComponent',
  'decodeURIComponent',
  'Infinity',
  'NaN',
  'undefined'
]);
const KEEP = new Set(SAFE_GLOBAL_NAMES);

/**
 * @typedef {import('./world.js').Evaluator} Evaluator
 * @typedef {import('./budget.js').Hardener} Hardener
 */

/**
 * The SES evaluator: one fresh compartment per module, holding only the runtime's globals, the
 * safe globals and a read-only `$guard`.
 *
 * @param {Hardener} _harden
 * @param {() => void} guardGlobal
 * @returns {Evaluator}
 */
export function compartments(_harden, guardGlobal) {
  return (source, globals) => {
    const compartment = new Compartment(
      /** @type {any} */ ({ globals: { ...globals }, __options__: true })
    );
    const g = compartment.globalThis;
    for (const name of Reflect.ownKeys(g)) {
      if (typeof name === 'string' && (KEEP.has(name) || Object.hasOwn(globals, name))) continue;
      // Infinity, NaN, undefined and @@unscopables are not configurable (and harmless).
      if (Object.getOwnPropertyDescriptor(g, name)?.configurable) delete g[name];
    }
    // Read-only and not configurable: guest code could otherwise replace the guard with a
    // no-op (or delete it) and loop for ever.
    Object.defineProperty(g, '$guard', {
      value: guardGlobal,
      writable: false,
      enumerable: false,
      configurable: false
    });
    // Nothing can add globals either (a later module cannot see another's leftovers anyway:
    // each has its own compartment).
    Object.freeze(g);
    return compartment.evaluate(source);
  };
}
