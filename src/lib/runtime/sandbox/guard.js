/**
 * The loop guard's runtime: the function the sandbox installs (through a wrapper) as the `$guard`
 * global that `instrument` (code/guard.ts) calls at the start of every loop body, function body
 * and catch clause. Plain JavaScript with no Node or DOM API, so it runs unchanged in the SES
 * worker, in a browser Web Worker and in tests.
 */

/** The message prefix of the error the guard throws; the sandbox maps it to the coded error. */
export const RUNAWAY_CODE = 'E_RUNAWAY';

/**
 * The guard function with its controls.
 * @typedef {(() => void) & { reset(): void, readonly tripped: boolean }} Guard
 */

/**
 * A guard that allows `limit` calls between resets. Once tripped it stays tripped, throwing on
 * every call, until `reset()`: a `catch` in guest code runs `$guard()` first, so it rethrows
 * instead of swallowing the runaway. Only a `finally` can still swallow it, which is why the
 * sandbox checks `tripped` after every call into guest code.
 *
 * Guest code must never reach `reset`: install `() => guard()` (hardened), not the guard itself,
 * as the `$guard` global, since policy refusing `$` names is the only other thing in the way.
 *
 * @param {number} limit calls allowed between resets
 * @returns {Guard}
 */
export function createGuard(limit) {
  if (!(limit >= 0)) throw new Error(`guard limit must be a number >= 0, got ${limit}`);
  // Private state lives in this closure, out of reach of anything holding the function.
  let count = 0;
  let tripped = false;
  const guard = () => {
    if (tripped || ++count > limit) {
      tripped = true;
      throw new Error(
        `${RUNAWAY_CODE}: the code ran more than ${limit} loop iterations or function calls without ` +
          'finishing; look for a loop whose condition never becomes false or a function that ' +
          'keeps calling itself.'
      );
    }
  };
  Object.defineProperties(guard, {
    reset: {
      value: () => {
        count = 0;
        tripped = false;
      }
    },
    tripped: { get: () => tripped }
  });
  return /** @type {Guard} */ (Object.freeze(guard));
}
