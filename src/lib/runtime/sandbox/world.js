/**
 * The world: what the sandbox worker holds of a loaded app between requests. Its components
 * (each module evaluated once, in its own compartment), the root, the local state of every
 * component instance by instance key, the refs of the last render (what a click may run), and
 * the last view sent (the base of the next diff). A load or swap builds a candidate world and
 * installs it only once it rendered; a dry run builds a scratch one and drops it.
 */
import { clone, copyData, encodeView, describeThrown, Fault, isRecord } from './data.js';
import { makeCaps } from './caps.js';

/**
 * @typedef {null | boolean | number | string | unknown[] | { [key: string]: unknown }} Json
 * @typedef {{ clock?: boolean, random?: boolean, log?: boolean, network?: { origins: string[] } }} Capabilities
 * @typedef {{ id: string, name: string, source: string, capabilities: Capabilities,
 *   state: Record<string, Json>, types?: Record<string, Json>, props: Record<string, Json>,
 *   literals?: Json[] }} Compiled
 * @typedef {import('./data.js').ViewNode} ViewNode
 * @typedef {(message: Record<string, unknown>) => void} Post
 * @typedef {(...args: any[]) => unknown} GuestFn
 * @typedef {{ id: string, name: string, capabilities: Capabilities, initial: Record<string, Json>,
 *   types: Record<string, string>, defaults: Record<string, Json>, render: GuestFn,
 *   handlers: Map<string, GuestFn>, caps: object, literals: LiteralTable }} Loaded
 * @typedef {{ values: readonly unknown[] }} LiteralTable
 * @typedef {{ loaded: Loaded, state: Record<string, unknown>, props: Record<string, unknown> }} Instance
 * @typedef {{ kind: 'on' | 'bind', component: string, instance: string, name: string,
 *   args: unknown[], props: Record<string, unknown> }} RefEntry
 * @typedef {{ view: ViewNode, byKey: Map<string, ViewNode>, seq: number }} Sent
 * @typedef {{ components: Map<string, Loaded>, byName: Map<string, Loaded>, root: string,
 *   instances: Map<string, Instance>, refs: Map<number, RefEntry>, refIds: Map<string, number>,
 *   sent: Sent | null, sites: Map<string, unknown[]> }} World
 * @typedef {(source: string, globals: Record<string, unknown>) => unknown} Evaluator
 */

/** The global a module reads its literal slots with (code/literals.ts `LITERAL_READER`). */
export const LITERAL_READER = '$lit';

/**
 * The literal values a host sent, as the worker keeps them: copied as bounded plain data (an own
 * `__proto__` key stays a key, never a prototype) and hardened, so no render can change what the
 * next one reads.
 *
 * @param {unknown} values
 * @param {string} name the component's name, for the error
 * @param {import('./budget.js').Hardener} harden
 * @returns {readonly unknown[]}
 */
export function literalValues(values, name, harden) {
  if (values === undefined) return harden([]);
  if (!Array.isArray(values)) {
    throw new Fault('E_MODULE', `the literals of ${name} are not a list`, { component: name });
  }
  const what = () => `the literals of ${name}`;
  return harden(copyData(values, { values: 0, what, code: 'E_MODULE' }));
}

/**
 * One literal value a host sent, as the worker keeps it (see `literalValues`): a literals request
 * copies and hardens only the entries it changes, the rest are hardened already.
 *
 * @param {unknown} value
 * @param {string} name the component's name, for the error
 * @param {import('./budget.js').Hardener} harden
 */
export function literalValue(value, name, harden) {
  const what = () => `a literal of ${name}`;
  return harden(copyData(value, { values: 0, what, code: 'E_MODULE' }));
}

/**
 * The slot reader one module gets as `$lit`: it reads only this component's table, and only a
 * slot number the table has. Policy refuses `$` names in user code; should code call it anyway,
 * a key such as `"constructor"` must not reach the array's inherited members.
 *
 * @param {LiteralTable} table
 * @param {string} name
 */
function slotReader(table, name) {
  /** @param {unknown} n */
  return (n) => {
    const values = table.values;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= values.length) {
      throw new Fault('E_RENDER', `${name} read a literal slot it does not have`, {
        component: name
      });
    }
    const value = values[n];
    // A fresh copy of an object or list, as a literal in the text would have been: what a
    // render does with it never reaches the table.
    return value !== null && typeof value === 'object' ? clone(value) : value;
  };
}

/**
 * Evaluates one component's module in a fresh compartment (`evaluate` makes one per call).
 * `sink` receives its capabilities' messages (the host's port, or nothing for a dry run).
 *
 * @param {Compiled} c
 * @param {Post} sink
 * @param {{ evaluate: Evaluator, globals: Record<string, unknown>,
 *   session: import('./caps.js').Session, harden: import('./budget.js').Hardener }} env
 * @returns {Loaded}
 */
export function loadComponent(c, sink, env) {
  const where = { component: String(c?.name) };
  if (!isRecord(c) || typeof c.id !== 'string' || typeof c.source !== 'string') {
    throw new Fault('E_MODULE', 'a component sent to the sandbox is malformed', where);
  }
  /** @type {LiteralTable} */
  const literals = { values: literalValues(c.literals, String(c.name), env.harden) };
  // Each module gets its own reader, over its own table (authority passed explicitly).
  const globals = { ...env.globals, [LITERAL_READER]: env.harden(slotReader(literals, c.name)) };
  let object;
  try {
    object = env.evaluate(c.source, globals);
  } catch (e) {
    throw new Fault('E_MODULE', `${c.name} did not load: ${describeThrown(e)}`, where);
  }
  const module = /** @type {Record<string, unknown>} */ (object);
  if (
    !isRecord(module) ||
    typeof module.render !== 'function' ||
    !isRecord(module.handlers) ||
    Object.values(/** @type {object} */ (module.handlers)).some((h) => typeof h !== 'function')
  ) {
    throw new Fault('E_MODULE', `${c.name}'s module is not a component`, where);
  }
  /** @type {Record<string, string>} */
  const types = {};
  for (const [field, type] of Object.entries(c.types ?? {})) types[field] = JSON.stringify(type);
  /** @type {Loaded} */
  const loaded = {
    id: c.id,
    name: c.name,
    capabilities: c.capabilities ?? {},
    initial: c.state ?? {},
    types,
    defaults: c.props ?? {},
    render: /** @type {GuestFn} */ (module.render),
    handlers: new Map(Object.entries(/** @type {Record<string, GuestFn>} */ (module.handlers))),
    caps: {},
    literals
  };
  loaded.caps = makeCaps(loaded, sink, env.session);
  return loaded;
}

/**
 * A world of `components` with `root`; a swap passes the world it replaces as `base`, whose
 * instances, refs and last view carry over (the render that installs it replaces them).
 *
 * @param {Map<string, Loaded>} components
 * @param {string} root
 * @param {World | null} base
 * @returns {World}
 */
export function makeWorld(components, root, base) {
  if (!components.has(root)) {
    throw new Fault('E_MODULE', `the root component ${root} was not sent to the sandbox`);
  }
  return {
    components,
    byName: new Map([...components.values()].map((c) => [c.name, c])),
    root,
    instances: base ? base.instances : new Map(),
    refs: base ? base.refs : new Map(),
    refIds: base ? base.refIds : new Map(),
    sent: base ? base.sent : null,
    // Where each literal slot landed in the last render, per component: `[slot, key, prop, ...]`.
    sites: base ? base.sites : new Map()
  };
}

/**
 * The reply for a view the world just rendered: the view as a diff against the last one this
 * world sent (`base`, the seq of that reply), every subtree equal to the one under the same
 * key last time sent as `{ $same: key }`. The host substitutes its own copy, so unchanged
 * subtrees keep their identity there and a click that changes one row moves one row's data
 * across, not the whole tree.
 *
 * @param {World} w
 * @param {ViewNode} view
 * @param {number} seq
 */
export function viewReply(w, view, seq) {
  const before = w.sent;
  /** @type {Map<string, ViewNode>} */
  const byKey = new Map();
  const encoded = encodeView(view, before ? before.byKey : null, byKey);
  w.sent = { view, byKey, seq };
  return { t: 'view', seq, view: encoded.node, base: before ? before.seq : 0 };
}
