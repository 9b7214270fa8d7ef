/**
 * The names the policy knows: the safe globals app code may use (and which of their members),
 * the members no code may read, and the globals that exist in some realm but are refused, each
 * with the reason and what to use instead.
 */

/** How app code may use one safe global. */
export interface SafeGlobal {
  /** Whether the name may stand alone: called (`String(x)`), passed (`xs.map(Number)`) or read (`NaN`). */
  readonly bare: boolean;
  /** The members app code may read as `Name.member` (or `Name['member']`); any other is refused. */
  readonly members: readonly string[];
}

const NO_MEMBERS: readonly string[] = [];
const fn = (members: readonly string[] = NO_MEMBERS): SafeGlobal => ({ bare: true, members });
const namespace = (members: readonly string[]): SafeGlobal => ({ bare: false, members });

/**
 * The globals app code may use besides the names of its context, and how. `Math`, `JSON`,
 * `Object` and `Array` are reachable only through the members listed: passing the namespace
 * itself around (`const M = Math`) would let a later `M.random` or `O.defineProperty` slip past
 * the member check. `Math` has every member except `random` (randomness is a capability).
 */
export const SAFE_GLOBALS: Readonly<Record<string, SafeGlobal>> = Object.freeze({
  // prettier-ignore
  Math: namespace([
    'abs', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'cbrt', 'ceil', 'clz32',
    'cos', 'cosh', 'exp', 'expm1', 'floor', 'fround', 'hypot', 'imul', 'log', 'log10', 'log1p',
    'log2', 'max', 'min', 'pow', 'round', 'sign', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'trunc',
    'E', 'LN10', 'LN2', 'LOG10E', 'LOG2E', 'PI', 'SQRT1_2', 'SQRT2'
  ]),
  JSON: namespace(['parse', 'stringify']),
  Object: namespace(['keys', 'values', 'entries', 'fromEntries', 'assign']),
  Array: namespace(['isArray', 'from', 'of']),
  String: fn(['fromCharCode', 'fromCodePoint', 'raw']),
  // prettier-ignore
  Number: fn([
    'isInteger', 'isFinite', 'isNaN', 'isSafeInteger', 'parseFloat', 'parseInt', 'EPSILON',
    'MAX_SAFE_INTEGER', 'MIN_SAFE_INTEGER', 'MAX_VALUE', 'MIN_VALUE', 'POSITIVE_INFINITY',
    'NEGATIVE_INFINITY', 'NaN'
  ]),
  Boolean: fn(),
  parseInt: fn(),
  parseFloat: fn(),
  isNaN: fn(),
  isFinite: fn(),
  encodeURIComponent: fn(),
  decodeURIComponent: fn(),
  Infinity: fn(),
  NaN: fn(),
  undefined: fn()
});

// Lookups go through Maps and Sets, never `name in object`: a free name `constructor` or
// `toString` must not be found on Object.prototype and pass as a safe global.
export const SAFE = new Map(Object.entries(SAFE_GLOBALS));

/**
 * Members no code may read, statically or as a string or template key: they lead from any
 * value to the Function constructor (`.constructor`), to the prototypes every object shares
 * (`.prototype`, `.__proto__`: prototype pollution), to accessor definitions (`__defineGetter__`
 * and kin) or to other functions' internals (`caller`, `callee`, `arguments`).
 */
export const FORBIDDEN_MEMBERS = new Map<string, string>([
  ['constructor', 'it leads to the Function constructor, which turns text into code'],
  ['prototype', 'it reaches the prototypes every object shares'],
  ['__proto__', 'it reaches the prototypes every object shares'],
  ['__defineGetter__', 'it defines accessors that run code when a field is read'],
  ['__defineSetter__', 'it defines accessors that run code when a field is written'],
  ['__lookupGetter__', 'it reaches the accessors of other objects'],
  ['__lookupSetter__', 'it reaches the accessors of other objects'],
  ['caller', 'it reaches the internals of other functions'],
  ['callee', 'it reaches the internals of other functions'],
  ['arguments', 'it reaches the internals of other functions']
]);

/** What to use instead of a global that a capability replaces. */
export const CAPABILITY_HINT = {
  clock: 'ask for the clock capability and use caps.clock.now()',
  random: 'ask for the random capability and use caps.random.next()',
  network:
    "ask for the network capability and use caps.network.getJson(url, 'handlerName'): the response arrives as a call of that handler",
  log: 'ask for the log capability and use caps.log.info(...)'
};

/** Why a name that exists in some JavaScript realm is refused, and what to use instead. */
export const REFUSED_GLOBALS = new Map<string, string>();
const refuseGlobals = (names: string[], why: string) =>
  names.forEach((n) => REFUSED_GLOBALS.set(n, why));
refuseGlobals(['Date'], CAPABILITY_HINT.clock);
refuseGlobals(
  ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'navigator'],
  CAPABILITY_HINT.network
);
refuseGlobals(['console'], CAPABILITY_HINT.log);
// prettier-ignore
refuseGlobals(
  [
    'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'setImmediate', 'queueMicrotask',
    'requestAnimationFrame', 'requestIdleCallback'
  ],
  'there are no timers: a handler runs once per event, to the end'
);
refuseGlobals(['eval', 'Function'], 'app code cannot turn text into code');
// prettier-ignore
refuseGlobals(
  [
    'globalThis', 'window', 'self', 'global', 'document', 'frames', 'parent', 'top', 'opener',
    'location', 'history', 'localStorage', 'sessionStorage', 'indexedDB', 'caches', 'postMessage',
    'importScripts', 'process', 'require', 'module', 'exports', 'Buffer', 'Deno', 'Bun',
    'Reflect', 'Proxy', 'Symbol', 'Compartment', 'harden', 'lockdown', 'assert', 'WeakRef',
    'FinalizationRegistry', 'SharedArrayBuffer', 'Atomics', 'WebAssembly', 'crypto', 'performance'
  ],
  'it reaches outside the app or into the internals of the sandbox'
);
// prettier-ignore
refuseGlobals(
  [
    'Map', 'Set', 'WeakMap', 'WeakSet', 'Promise', 'Error', 'TypeError', 'RangeError', 'RegExp',
    'BigInt', 'Intl', 'ArrayBuffer', 'DataView', 'Uint8Array', 'Int32Array', 'Float64Array',
    'Iterator', 'escape', 'unescape', 'encodeURI', 'decodeURI', 'structuredClone', 'atob', 'btoa',
    'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams'
  ],
  'it is not among the safe globals'
);
