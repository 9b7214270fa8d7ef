/**
 * The `literals` request (../README.md "Protocol"): a literal edit (a Text's text, a Button's
 * label, a style value) changes entries of a component's literal table, not its module. The
 * worker replaces those entries; no module is evaluated.
 *
 * When the state is the one of the last render (`sameState`) and every changed slot is a prop of
 * plain elements in the last view (where each slot landed is noted by `h`, render.js), the worker
 * patches those elements of the view it last sent and answers with the diff, without a render:
 * the work follows the change, not the app. Otherwise (the slot feeds an Each's items, an If's
 * condition or an instance's props, or is not on screen, or the state changed) it renders.
 *
 * Transactional like a swap: every patch is checked before any table changes, and if the render
 * fails every table goes back to what it held.
 */
import { copyData, Fault, isRecord, setOwn } from './data.js';
import { literalValue, viewReply } from './world.js';

/**
 * @typedef {import('./world.js').World} World
 * @typedef {import('./world.js').ViewNode} ViewNode
 * @typedef {import('./world.js').LiteralTable} LiteralTable
 * @typedef {{ harden: import('./budget.js').Hardener,
 *   renderWorld: (w: World, state: unknown, locals?: unknown) => ViewNode }} LiteralEnv
 */

/** What `literalProp` says of a value only a render can judge. */
const NO_PATCH = Symbol('no patch');

/**
 * A literal value as a plain element's prop in the view, as `h` would make it (render.js
 * `propValue`), or `NO_PATCH` when only a render can say (a value it must refuse with its error).
 * @param {unknown} value
 * @param {string} key
 * @param {string} prop
 */
function literalProp(value, key, prop) {
  if (value === null || typeof value !== 'object') return value;
  try {
    const what = () => `prop "${prop}" of ${key}`;
    const copy = copyData(value, { values: 0, what, code: 'E_RENDER' });
    const record = /** @type {object} */ (copy);
    // Data posing as a handler or binding prop is refused by the render.
    if (isRecord(copy) && (Object.hasOwn(record, '$ref') || Object.hasOwn(record, '$bind')))
      return NO_PATCH;
    return copy;
  } catch {
    return NO_PATCH;
  }
}

/**
 * Applies `m.components` (`[{ id, slots: [[n, value], ...] }]`) to the loaded world's tables and
 * answers with the view: patched in place when it can be, else rendered with `m.state`.
 *
 * @param {World} w
 * @param {Record<string, any>} m
 * @param {LiteralEnv} env
 */
export function patchLiterals(w, m, env) {
  if (!Array.isArray(m.components)) {
    throw new Fault('E_RENDER', 'a literals request carries no list of components');
  }
  /** @type {{ table: LiteralTable, next: readonly unknown[] }[]} */
  const planned = [];
  /** @type {Map<string, Set<number>>} component id → the slots that changed */
  const changed = new Map();
  for (const patch of m.components) {
    const loaded = isRecord(patch) ? w.components.get(String(patch.id)) : undefined;
    if (!loaded || !Array.isArray(patch.slots)) {
      throw new Fault('E_RENDER', 'a literals request names a component that is not loaded');
    }
    if (changed.has(loaded.id)) {
      throw new Fault('E_RENDER', `a literals request names ${loaded.name} twice`);
    }
    const next = [...loaded.literals.values];
    const slots = new Set();
    for (const entry of patch.slots) {
      const n = Array.isArray(entry) ? entry[0] : undefined;
      // Only slots the module has: the table's length is fixed by the module's text.
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= next.length) {
        throw new Fault(
          'E_RENDER',
          `a literals request names a slot ${loaded.name} does not have`,
          {
            component: loaded.name
          }
        );
      }
      next[n] = literalValue(entry[1], loaded.name, env.harden);
      slots.add(n);
    }
    changed.set(loaded.id, slots);
    // The other entries are hardened already: the work is the size of the change.
    planned.push({ table: loaded.literals, next: env.harden(next) });
  }
  const before = planned.map((p) => p.table.values);
  for (const p of planned) p.table.values = p.next;
  try {
    const old = new Map([...changed.keys()].map((id, i) => [id, before[i]]));
    const patched = m.sameState === true ? patchView(w, changed, old, env, m.seq) : null;
    return patched ?? viewReply(w, env.renderWorld(w, m.state, m.locals), m.seq);
  } catch (e) {
    planned.forEach((p, i) => (p.table.values = before[i]));
    throw e;
  }
}

/**
 * The last view with the changed slots' elements patched, as a reply (a diff against the view
 * last sent), or null when only a render can tell what changed.
 *
 * @param {World} w
 * @param {Map<string, Set<number>>} changed
 * @param {Map<string, readonly unknown[]>} old each changed component's table before the request
 * @param {LiteralEnv} env
 * @param {number} seq
 */
function patchView(w, changed, old, env, seq) {
  const sent = w.sent;
  if (!sent) return null;
  /** @type {Map<string, { drop: string[], set: [string, unknown][] }>} element key → its edit */
  const targets = new Map();
  for (const [component, slots] of changed) {
    const values = /** @type {import('./world.js').Loaded} */ (w.components.get(component)).literals
      .values;
    const before = /** @type {readonly unknown[]} */ (old.get(component));
    const sites = w.sites.get(component) ?? [];
    const landed = new Set();
    for (let i = 0; i + 1 < sites.length; i += 2) {
      const n = /** @type {number} */ (sites[i]);
      if (!slots.has(n)) continue;
      const key = /** @type {string} */ (sites[i + 1]);
      const now = values[n];
      if (!isRecord(now) || !isRecord(before[n])) return null;
      /** @type {[string, unknown][]} */
      const set = [];
      for (const prop of Object.keys(/** @type {object} */ (now))) {
        const value = literalProp(/** @type {Record<string, unknown>} */ (now)[prop], key, prop);
        if (value === NO_PATCH) return null;
        if (value !== undefined) set.push([prop, value]);
      }
      targets.set(key, { drop: Object.keys(/** @type {object} */ (before[n])), set });
      landed.add(n);
    }
    // A slot that landed nowhere feeds something only a render can redo (an Each's items, an
    // If's condition, an instance's props) or is off screen.
    if (landed.size !== slots.size) return null;
  }
  const byKey = sent.byKey;
  /**
   * The node with its targets patched (`view`) and its wire form (`wire`), or null if nothing
   * under it changed.
   * @param {ViewNode} node
   * @returns {{ view: ViewNode, wire: Record<string, unknown> } | null}
   */
  function rebuild(node) {
    /** @type {ViewNode[] | null} */
    let kids = null;
    /** @type {unknown[] | null} */
    let wireKids = null;
    for (let i = 0; i < node.children.length; i++) {
      const done = rebuild(node.children[i]);
      if (!done) continue;
      kids ??= [...node.children];
      wireKids ??= node.children.map((c) => ({ $same: c.key }));
      kids[i] = done.view;
      wireKids[i] = done.wire;
    }
    const edit = targets.get(node.key);
    if (!edit && !kids) return null;
    let props = node.props;
    if (edit) {
      props = { ...node.props };
      for (const prop of edit.drop) delete props[prop];
      // Own data properties, `__proto__` included (assignment would set the prototype).
      for (const [prop, value] of edit.set) setOwn(props, prop, value);
    }
    const view = { ...node, props, children: kids ?? node.children };
    byKey.set(node.key, view);
    const wire = {
      ...node,
      props,
      children: wireKids ?? node.children.map((c) => ({ $same: c.key }))
    };
    return { view, wire };
  }
  const done = rebuild(sent.view);
  if (!done) return null;
  w.sent = { view: done.view, byKey, seq };
  return { t: 'view', seq, view: done.wire, base: sent.seq };
}
