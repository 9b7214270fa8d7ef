/**
 * Plain data in and out of the sandbox: coded failures, what guest code threw in words, copies
 * of guest values that are data and nothing else (bounded, so a huge or cyclic value is an
 * error), deep equality, and the view as a diff against the last one sent. No SES, no
 * environment: used by core.js, and by anything that wants to read what the worker sends.
 */
/**
 * One element of the view tree (../README.md "View tree").
 * @typedef {{ type: string, id: string, key: string, props: Record<string, unknown>,
 *   children: ViewNode[], component?: true,
 *   error?: { code: string, message: string, component: string } }} ViewNode
 */

/** Most data values one request may copy out of guest code (props, state, log arguments). */
export const MAX_VALUES = 2_000_000;
/** Deepest nesting of a data value; also stops a cyclic value. */
const MAX_DEPTH = 64;

/**
 * Most characters of an error message leaving the sandbox. Guest code chooses what it throws:
 * `throw new Error('x'.repeat(20e6))` would otherwise be a 20 MB message in every reply, log,
 * history entry and studio.
 */
export const MESSAGE_LIMIT = 500;

/**
 * `text` cut to MESSAGE_LIMIT characters, ending with `…` when cut.
 * @param {string} text
 */
export function capMessage(text) {
  return text.length <= MESSAGE_LIMIT ? text : `${text.slice(0, MESSAGE_LIMIT - 1)}…`;
}

/** A coded failure inside the worker; becomes the `error` of a reply. Its message is capped. */
export class Fault extends Error {
  /**
   * @param {string} code
   * @param {string} message
   * @param {{ component?: string, node?: string }} [where]
   */
  constructor(code, message, where = {}) {
    super(capMessage(message));
    this.code = code;
    this.where = where;
  }
}

/**
 * A short, safe description of whatever guest code threw (it may not be an Error).
 * @param {unknown} e
 */
export function describeThrown(e) {
  try {
    if (e instanceof Error) {
      // Read once: a getter could answer a short string to the check and a long one after.
      const message = e.message;
      return capMessage(typeof message === 'string' ? message : String(e.name));
    }
    if (typeof e === 'string') return capMessage(e);
    if (typeof e === 'number' || typeof e === 'boolean') return String(e);
  } catch {
    // Fall through: the value could not even be described.
  }
  return 'a value that is not an error';
}

/** @param {unknown} e */
export function isStackOverflow(e) {
  return e instanceof RangeError && /call stack/i.test(String(e.message));
}

/** @param {unknown} value */
export function describeValue(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') return 'an object that is not plain data';
  return `a ${typeof value}`;
}

/**
 * A copy of guest data as plain data: strings, finite or not numbers, booleans, null, arrays and
 * plain objects. It reads own enumerable data properties only (policy refuses accessors and
 * proxies, and the compartment has no Proxy), calls no guest code, and counts what it copies,
 * so a huge or cyclic value is an error, not a hung worker.
 *
 * @param {unknown} value
 * `what` names the value in an error; a function, so the hot path builds no strings.
 *
 * @param {unknown} value
 * @param {{ values: number, limit?: number, what: () => string, code: string }} budget
 * @param {number} [depth]
 * @returns {unknown}
 */
export function copyData(value, budget, depth = 0) {
  const limit = budget.limit ?? MAX_VALUES;
  if (++budget.values > limit) {
    throw new Fault(budget.code, `${budget.what()} holds more than ${limit} values`);
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value !== 'object') {
    throw new Fault(budget.code, `${budget.what()} is ${describeValue(value)}, which is not data`);
  }
  if (depth >= MAX_DEPTH) {
    throw new Fault(
      budget.code,
      `${budget.what()} is nested more than ${MAX_DEPTH} levels deep (or refers to itself)`
    );
  }
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      out[i] = item === undefined ? null : copyData(item, budget, depth + 1);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new Fault(budget.code, `${budget.what()} is ${describeValue(value)}`);
  }
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const key of Object.keys(value)) {
    const item = /** @type {Record<string, unknown>} */ (value)[key];
    // `undefined` is left out, as JSON does; an own `__proto__` key stays a plain key.
    if (item === undefined) continue;
    if (key === '__proto__') {
      Object.defineProperty(out, key, {
        value: copyData(item, budget, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true
      });
    } else out[key] = copyData(item, budget, depth + 1);
  }
  return out;
}

/** @param {unknown} value */
export function isRecord(value) {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A deep copy of trusted plain data (values the worker itself keeps).
 * @template T
 * @param {T} value
 * @returns {T}
 */
export function clone(value) {
  return value === undefined ? value : structuredClone(value);
}

/**
 * Deep equality of plain data (what `copyData` makes).
 * @param {unknown} a
 * @param {unknown} b
 * @returns {boolean}
 */
export function sameData(a, b) {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = /** @type {Record<string, unknown>} */ (a);
  const rb = /** @type {Record<string, unknown>} */ (b);
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(rb, key) || !sameData(ra[key], rb[key])) return false;
  }
  return true;
}

/**
 * A view as a diff against the previous one (see viewReply), indexing the new view by key.
 * One pass, children first: a node is the same when its own fields are and all its children are.
 *
 * @param {ViewNode} node
 * @param {Map<string, ViewNode> | null} before
 * @param {Map<string, ViewNode>} byKey
 * @returns {{ node: object, same: boolean }}
 */
export function encodeView(node, before, byKey) {
  byKey.set(node.key, node);
  const old = before?.get(node.key);
  let same =
    !!old &&
    old.type === node.type &&
    old.id === node.id &&
    old.component === node.component &&
    old.children.length === node.children.length &&
    sameData(old.props, node.props);
  const children = new Array(node.children.length);
  for (let i = 0; i < node.children.length; i++) {
    const child = encodeView(node.children[i], before, byKey);
    if (!child.same || old?.children[i]?.key !== node.children[i].key) same = false;
    children[i] = child.node;
  }
  if (same) return { node: { $same: node.key }, same: true };
  return { node: { ...node, children }, same: false };
}

/**
 * Sets an own data property, `__proto__` included (assigning that name would set the prototype).
 * @param {Record<string, unknown>} target
 * @param {string} name
 * @param {unknown} value
 */
export function setOwn(target, name, value) {
  Object.defineProperty(target, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true
  });
}
