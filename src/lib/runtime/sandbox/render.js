/**
 * The render: the view functions guest modules call (`h`, `$each`, `$if`, `$on`, `$bind`) and
 * `renderWorld`, which renders a world's root component (and the user component instances
 * inside it) into the plain view tree, under the request's budget.
 *
 * Every element guest code gets is one this render made (`made`), so a module cannot hand back
 * a look-alike object; handler and binding props become refs (numbers), so nothing that can run
 * code leaves the worker; prop values are copied as bounded plain data. The pass in progress,
 * the markers of `$on`/`$bind` and the ref counter live in this closure only.
 */
import { clone, copyData, describeValue, Fault, isRecord, setOwn } from './data.js';
import { thousands } from './budget.js';

/** Most elements one render may produce: a bigger view is an E_RENDER, not a frozen studio. */
export const MAX_VIEW_NODES = 50_000;
/** Deepest nesting of user component instances (the planner refuses recursion; this is the backstop). */
const MAX_NESTING = 32;

/**
 * @typedef {import('./world.js').World} World
 * @typedef {import('./world.js').Loaded} Loaded
 * @typedef {import('./world.js').Instance} Instance
 * @typedef {import('./world.js').RefEntry} RefEntry
 * @typedef {import('./world.js').ViewNode} ViewNode
 * @typedef {{ prefix: string, loaded: Loaded, instance: string, props: Record<string, unknown> }} Frame
 * @typedef {{ world: World, frame: Frame, refs: Map<number, RefEntry>, refIds: Map<string, number>,
 *   instances: Map<string, Instance>, overrides: Map<string, Record<string, unknown>>,
 *   made: WeakSet<object>, nodes: number, depth: number, sites: Map<string, unknown[]> }} Pass
 * @typedef {{ kind: 'on' | 'bind', name: string, args: unknown[], value?: unknown, frame: Frame }} Marker
 */

/**
 * The render machinery of one sandbox: `globals` (hardened) are what every compartment gets
 * besides the safe globals; `renderWorld` renders.
 *
 * @param {{ harden: import('./budget.js').Hardener, budget: import('./budget.js').Budget }} env
 */
export function createRenderer({ harden, budget }) {
  /** @type {Pass | null} */
  let pass = null;
  /** @type {WeakMap<object, Marker>} */
  const markers = new WeakMap();
  // A ref names one handler or binding prop of one element (its key), the same number in every
  // render while the element is there, so an unchanged element is unchanged data and a click on
  // a view one render old still reaches the element it was on. The base is random, so the refs
  // of a replaced worker never name anything in its successor.
  let nextRef = 1 + Math.floor(Math.random() * 2 ** 40);

  function currentPass() {
    if (!pass) throw new Fault('E_RENDER', 'a view function was called outside a render');
    return pass;
  }

  /** @param {Pass} p */
  function countNode(p) {
    if (++p.nodes > MAX_VIEW_NODES) {
      throw new Fault(
        'E_RENDER',
        `the view has more than ${thousands(MAX_VIEW_NODES)} elements; show fewer ` +
          'items at once (page or filter the list)',
        { component: p.frame.loaded.name }
      );
    }
  }

  /**
   * @param {Pass} p
   * @param {unknown} children
   * @param {string} type
   * @param {string} id
   * @returns {ViewNode[]}
   */
  function checkChildren(p, children, type, id) {
    if (!Array.isArray(children)) {
      throw new Fault('E_RENDER', `the children of ${type} ${id} are not a list of elements`);
    }
    for (const child of children) {
      if (!p.made.has(child)) {
        throw new Fault('E_RENDER', `a child of ${type} ${id} is not an element`);
      }
    }
    return children;
  }

  /**
   * One prop value of an element as plain data: a handler or binding becomes its ref.
   * @param {Pass} p
   * @param {unknown} value
   * @param {string} key the element's key
   * @param {string} prop
   * @param {string} type
   */
  function propValue(p, value, key, prop, type) {
    // Most props are literals and simple expressions: no copy, no budget.
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return value;
    const what = () => `prop "${prop}" of ${type} ${key}`;
    if (value !== null && typeof value === 'object') {
      const marker = markers.get(value);
      if (marker) {
        const slot = `${key}\u0000${prop}`;
        const ref = p.world.refIds.get(slot) ?? nextRef++;
        p.refIds.set(slot, ref);
        const frame = marker.frame;
        p.refs.set(ref, {
          kind: marker.kind,
          component: frame.loaded.id,
          instance: frame.instance,
          name: marker.name,
          args: marker.args,
          props: frame.props
        });
        if (marker.kind === 'on') return { $ref: ref };
        const budget = { values: 0, what, code: 'E_RENDER' };
        return { $bind: marker.name, value: copyData(marker.value, budget), $ref: ref };
      }
    }
    const copy = copyData(value, { values: 0, what, code: 'E_RENDER' });
    // The studio reads `{ $ref }` and `{ $bind }` as handler and binding props: data must not
    // be able to pose as one.
    const record = /** @type {object} */ (copy);
    if (isRecord(copy) && (Object.hasOwn(record, '$ref') || Object.hasOwn(record, '$bind'))) {
      throw new Fault('E_RENDER', `${what()} is an object with a "$ref" or "$bind" field`);
    }
    return copy;
  }

  /**
   * The local state of a component instance for this render: what the host just validated,
   * else what it had, carried over a hot swap field by field (a field whose type changed starts
   * again from its initial value), else the initial values.
   *
   * @param {Pass} p
   * @param {string} path
   * @param {Loaded} loaded
   */
  function localState(p, path, loaded) {
    const override = p.overrides.get(path);
    if (override) return override;
    const before = p.world.instances.get(path);
    if (!before || before.loaded.id !== loaded.id) return clone(loaded.initial);
    if (before.loaded === loaded) return before.state;
    /** @type {Record<string, unknown>} */
    const state = {};
    for (const [field, initial] of Object.entries(loaded.initial)) {
      const same =
        Object.hasOwn(before.state, field) &&
        before.loaded.types[field] !== undefined &&
        before.loaded.types[field] === loaded.types[field];
      state[field] = same ? before.state[field] : clone(initial);
    }
    return state;
  }

  /**
   * Renders one component (the root, or an instance inside `h`).
   * @param {Pass} p
   * @param {Loaded} loaded
   * @param {string} instance the instance's key ('' for the root)
   * @param {unknown} state
   * @param {Record<string, unknown>} props
   * @returns {ViewNode}
   */
  function renderComponent(p, loaded, instance, state, props) {
    if (p.depth >= MAX_NESTING) {
      throw new Fault('E_RENDER', `components are nested more than ${MAX_NESTING} levels deep`, {
        component: loaded.name
      });
    }
    const saved = p.frame;
    p.frame = { prefix: instance ? `${instance}/` : '', loaded, instance, props };
    p.depth++;
    const savedActive = budget.enter({ loaded, instance });
    const where = { component: loaded.name };
    let out;
    try {
      // Render gets copies: a view that sorts its state in place must not change what the
      // handlers later start from.
      // Called bare, so `this` in guest code is undefined rather than the worker's own record.
      const render = loaded.render;
      out = render(state, clone(props), loaded.caps);
    } catch (e) {
      throw budget.classify(e, 'E_RENDER', `the view of ${loaded.name}`, where);
    } finally {
      p.frame = saved;
      p.depth--;
      budget.enter(savedActive);
    }
    if (!p.made.has(/** @type {object} */ (out))) {
      throw new Fault('E_RENDER', `the view of ${loaded.name} did not return an element`, where);
    }
    return /** @type {ViewNode} */ (out);
  }

  /**
   * Notes that slot `slot` of the rendering component holds the literal props of element `key`.
   * @param {Pass} p
   * @param {number} slot
   * @param {string} key
   */
  function noteSite(p, slot, key) {
    const component = p.frame.loaded.id;
    const list = p.sites.get(component);
    if (list) list.push(slot, key);
    else p.sites.set(component, [slot, key]);
  }

  /**
   * The literal props of an element: the object in slot `slot` of the rendering component's
   * table (code/literals.ts), which only the worker wrote (copied and hardened data).
   * @param {Pass} p
   * @param {unknown} slot
   * @param {string} type
   * @returns {Record<string, unknown> | null}
   */
  function literalProps(p, slot, type) {
    if (slot === undefined) return null;
    const values = p.frame.loaded.literals.values;
    const object =
      typeof slot === 'number' && Number.isInteger(slot) && slot >= 0 && slot < values.length
        ? values[slot]
        : undefined;
    if (!isRecord(object)) {
      throw new Fault(
        'E_RENDER',
        `${type} of ${p.frame.loaded.name} names a literal slot it does not have`,
        {
          component: p.frame.loaded.name
        }
      );
    }
    return /** @type {Record<string, unknown>} */ (object);
  }

  /**
   * `h(type, props, children, slot?)`: one element, or a user component instance rendered in
   * place. `slot` names the element's literal props in the component's table (code/literals.ts).
   * @param {unknown} type
   * @param {unknown} props
   * @param {unknown} children
   * @param {unknown} [slot]
   */
  function h(type, props, children, slot) {
    const p = currentPass();
    countNode(p);
    if (typeof type !== 'string' || !isRecord(props)) {
      throw new Fault('E_RENDER', 'an element has no type or props');
    }
    const input = /** @type {Record<string, unknown>} */ (props);
    const id = typeof input.id === 'string' ? input.id : '';
    const key = p.frame.prefix + id;
    /** @type {Record<string, unknown>} */
    const out = {};
    const literal = literalProps(p, slot, String(type));
    for (const from of literal ? [input, literal] : [input]) {
      for (const name of Object.keys(from)) {
        if (name === 'id' || (from === literal && Object.hasOwn(input, name))) continue;
        const value = propValue(p, from[name], key, name, type);
        if (value === undefined) continue;
        // A prop named `__proto__` (an own key) stays an own key: assigning it would set the
        // element's prototype to guest data instead.
        if (name === '__proto__') setOwn(out, name, value);
        else out[name] = value;
      }
    }
    const kids = checkChildren(p, children, type, id);
    const user = p.world.byName.get(type);
    /** @type {ViewNode} */
    let node;
    if (user) {
      const instanceProps = { ...clone(user.defaults), ...out };
      const state = localState(p, key, user);
      p.instances.set(key, { loaded: user, state, props: instanceProps });
      try {
        // Instances get their local state as a copy too, for the same reason as the root.
        const root = renderComponent(p, user, key, clone(state), instanceProps);
        node = { type, id, key, props: out, children: [root], component: true };
      } catch (e) {
        // A nested component whose view throws is contained: an error in its place (the host
        // draws an error card there) and the rest of the app renders. Not contained: runaway
        // code (the guard's trip must end the whole pass) and a view past the node budget.
        if (!(e instanceof Fault) || budget.tripped() || p.nodes > MAX_VIEW_NODES) throw e;
        const error = { code: e.code, message: e.message, component: user.name };
        node = { type, id, key, props: out, children: [], component: true, error };
      }
    } else {
      // An instance's props feed its render: only a plain element's literal props can be
      // patched in the view (./literals.js), so only theirs are noted.
      if (literal) noteSite(p, /** @type {number} */ (slot), key);
      node = { type, id, key, props: out, children: kids };
    }
    p.made.add(node);
    return node;
  }

  /**
   * `$each(id, items, key, render)`: one Item per list item, keyed by the key expression.
   * @param {unknown} id
   * @param {unknown} items
   * @param {unknown} keyOf
   * @param {unknown} render
   */
  function $each(id, items, keyOf, render) {
    const p = currentPass();
    countNode(p);
    const frame = p.frame;
    const eachId = String(id);
    const key = frame.prefix + eachId;
    if (items !== null && items !== undefined && !Array.isArray(items)) {
      throw new Fault(
        'E_RENDER',
        `the items of Each ${eachId} are ${describeValue(items)}, not a list`,
        {
          component: frame.loaded.name,
          node: eachId
        }
      );
    }
    if (typeof render !== 'function' || (keyOf !== null && typeof keyOf !== 'function')) {
      throw new Fault('E_RENDER', `Each ${eachId} is malformed`);
    }
    const list = /** @type {unknown[]} */ (items ?? []);
    /** @type {ViewNode[]} */
    const children = [];
    const seen = new Set();
    const prefix = frame.prefix;
    try {
      for (let i = 0; i < list.length; i++) {
        countNode(p);
        const item = list[i];
        const raw = keyOf ? keyOf(item) : i;
        let itemKey =
          typeof raw === 'number' && Number.isSafeInteger(raw)
            ? String(raw)
            : typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
              ? encodeURIComponent(String(raw))
              : String(i);
        // Two items with the same key would confuse the studio's keyed update: a repeated key
        // gets the item's position appended until it is free (a user key may itself hold `~`).
        while (seen.has(itemKey)) itemKey += `~${i}`;
        seen.add(itemKey);
        const itemPath = `${key}[${itemKey}]`;
        frame.prefix = `${itemPath}/`;
        const kids = checkChildren(p, render(item), 'Each', eachId);
        const node = { type: 'Item', id: eachId, key: itemPath, props: {}, children: kids };
        p.made.add(node);
        children.push(node);
      }
    } finally {
      frame.prefix = prefix;
    }
    const node = { type: 'Each', id: eachId, key, props: {}, children };
    p.made.add(node);
    return node;
  }

  /**
   * `$if(id, when, render)`: the children when `when` holds, none otherwise.
   * @param {unknown} id
   * @param {unknown} when
   * @param {unknown} render
   */
  function $if(id, when, render) {
    const p = currentPass();
    countNode(p);
    const ifId = String(id);
    if (typeof render !== 'function') throw new Fault('E_RENDER', `If ${ifId} is malformed`);
    const children = when ? checkChildren(p, render(), 'If', ifId) : [];
    const node = { type: 'If', id: ifId, key: p.frame.prefix + ifId, props: {}, children };
    p.made.add(node);
    return node;
  }

  /**
   * `$on(handler, args)`: a handler prop, with the loop values it was rendered with.
   * @param {unknown} name
   * @param {unknown} args
   */
  function $on(name, args) {
    const p = currentPass();
    const marker = {};
    markers.set(marker, {
      kind: 'on',
      name: String(name),
      args: Array.isArray(args) ? args : [],
      frame: p.frame
    });
    return marker;
  }

  /**
   * `$bind(field, value)`: a two-way binding of an input to a state field.
   * @param {unknown} field
   * @param {unknown} value
   */
  function $bind(field, value) {
    const p = currentPass();
    const marker = {};
    markers.set(marker, { kind: 'bind', name: String(field), args: [], value, frame: p.frame });
    return marker;
  }

  const globals = harden({ h, $each, $if, $on, $bind });

  /**
   * Renders a world's root with `state`; on success the world keeps this render's refs and
   * instances (a failed render changes nothing).
   *
   * @param {World} w
   * @param {unknown} state
   * @param {unknown} [locals] `[{ instance, state }]` validated by the host
   */
  function renderWorld(w, state, locals) {
    const root = /** @type {Loaded} */ (w.components.get(w.root));
    /** @type {Map<string, Record<string, unknown>>} */
    const overrides = new Map();
    if (Array.isArray(locals)) {
      for (const entry of locals) {
        if (isRecord(entry) && typeof entry.instance === 'string' && isRecord(entry.state)) {
          overrides.set(entry.instance, entry.state);
        }
      }
    }
    const rootProps = clone(root.defaults);
    /** @type {Pass} */
    const p = {
      world: w,
      frame: { prefix: '', loaded: root, instance: '', props: rootProps },
      refs: new Map(),
      refIds: new Map(),
      instances: new Map(),
      overrides,
      made: new WeakSet(),
      nodes: 0,
      depth: 0,
      sites: new Map()
    };
    pass = p;
    budget.start();
    try {
      const view = renderComponent(p, root, '', state, rootProps);
      if (budget.tripped())
        throw budget.runaway(`the view of ${root.name}`, { component: root.name });
      // Only this render's elements can be clicked now: an element that is gone (a deleted row
      // clicked twice) is refused, never run with what it captured last time.
      w.refs = p.refs;
      w.refIds = p.refIds;
      w.instances = p.instances;
      w.sites = p.sites;
      return view;
    } catch (e) {
      throw budget.classify(e, 'E_RENDER', `the view of ${root.name}`, { component: root.name });
    } finally {
      pass = null;
    }
  }

  return { globals, renderWorld };
}
