/**
 * The sandbox worker's logic, free of any environment: `createSandbox(post)` returns the
 * `receive(message)` a Node worker_threads entry or a browser Web Worker entry feeds with the
 * host's messages (protocol: ../README.md). It locks the realm down once, evaluates each
 * component's module form in its own SES Compartment, renders the plain view tree, runs handlers
 * on drafts of the state, and hands capabilities out as hardened objects.
 *
 * Everything guest code can touch is decided here: a compartment's globals are the runtime's
 * view functions, `$guard` (read-only) and the safe globals of the policy, nothing else; `caps`
 * holds only what the component declared. Guest code runs synchronously inside one request; the
 * loop guard is reset before, and its tripped flag checked after, every call into it.
 *
 * `createRuntime` is the same machinery with the evaluator and `harden` handed in, so a benchmark
 * can run the very same module unsandboxed (`new Function`) as the baseline.
 */
import 'ses';
import {
  clone,
  copyData,
  describeThrown,
  describeValue,
  encodeView,
  Fault,
  isRecord,
  isStackOverflow
} from './data.js';
import { makeCaps } from './caps.js';
import { createGuard } from './guard.js';

/** Loop iterations plus calls one render, handler or migration may make (the guard's limit). */
export const STEP_LIMIT = 1_000_000;
/** Most elements one render may produce: a bigger view is an E_RENDER, not a frozen studio. */
export const MAX_VIEW_NODES = 50_000;
/** Deepest nesting of user component instances (the planner refuses recursion; this is the backstop). */
const MAX_NESTING = 32;
/** Log messages one request may send (the rest are dropped) and network requests it may make. */
const MAX_LOGS = 100;
const MAX_FETCHES = 16;

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
 * `1000000` as `1,000,000` (lockdown tames `toLocaleString` to plain `toString`).
 * @param {number} n
 */
function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * @typedef {null | boolean | number | string | unknown[] | { [key: string]: unknown }} Json
 * @typedef {{ clock?: boolean, random?: boolean, log?: boolean, network?: { origins: string[] } }} Capabilities
 * @typedef {{ id: string, name: string, source: string, capabilities: Capabilities,
 *   state: Record<string, Json>, types?: Record<string, Json>, props: Record<string, Json> }} Compiled
 * @typedef {{ code: string, message: string, component?: string, node?: string }} WireError
 * @typedef {import('./data.js').ViewNode} ViewNode
 * @typedef {(message: Record<string, unknown>) => void} Post
 * @typedef {(...args: any[]) => unknown} GuestFn
 * @typedef {{ id: string, name: string, capabilities: Capabilities, initial: Record<string, Json>,
 *   types: Record<string, string>, defaults: Record<string, Json>, render: GuestFn,
 *   handlers: Map<string, GuestFn>, caps: object }} Loaded
 * @typedef {{ loaded: Loaded, state: Record<string, unknown>, props: Record<string, unknown> }} Instance
 * @typedef {{ kind: 'on' | 'bind', component: string, instance: string, name: string,
 *   args: unknown[], props: Record<string, unknown> }} RefEntry
 * @typedef {{ view: ViewNode, byKey: Map<string, ViewNode>, seq: number }} Sent
 * @typedef {{ components: Map<string, Loaded>, byName: Map<string, Loaded>, root: string,
 *   instances: Map<string, Instance>, refs: Map<number, RefEntry>, refIds: Map<string, number>,
 *   sent: Sent | null }} World
 * @typedef {{ prefix: string, loaded: Loaded, instance: string, props: Record<string, unknown> }} Frame
 * @typedef {{ world: World, frame: Frame, refs: Map<number, RefEntry>, refIds: Map<string, number>,
 *   instances: Map<string, Instance>, overrides: Map<string, Record<string, unknown>>,
 *   made: WeakSet<object>, nodes: number, depth: number }} Pass
 * @typedef {{ kind: 'on' | 'bind', name: string, args: unknown[], value?: unknown, frame: Frame }} Marker
 * @typedef {(source: string, globals: Record<string, unknown>) => unknown} Evaluator
 * @typedef {(value: any) => any} Hardener
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
  const guard = createGuard(STEP_LIMIT);
  // Guest code gets this wrapper, never the guard itself, so `reset` and `tripped` stay out of
  // its reach.
  const guardGlobal = harden(() => guard());
  const evaluate = env.evaluate(harden, guardGlobal);

  /** @type {World | null} */
  let world = null;
  /** @type {Pass | null} */
  let pass = null;
  /** The component (and instance) whose code is running: capabilities check it. */
  /** @type {{ loaded: Loaded, instance: string } | null} */
  let active = null;
  /** @type {WeakMap<object, Marker>} */
  const markers = new WeakMap();
  // A ref names one handler or binding prop of one element (its key), the same number in every
  // render while the element is there, so an unchanged element is unchanged data and a click on
  // a view one render old still reaches the element it was on. The base is random, so the refs
  // of a replaced worker never name anything in its successor.
  let nextRef = 1 + Math.floor(Math.random() * 2 ** 40);
  let logs = 0;
  let fetches = 0;
  let fetchId = 0;

  /** Starts the budget of one call into guest code. */
  function startRequest() {
    guard.reset();
    logs = 0;
    fetches = 0;
  }

  /**
   * @param {string} label
   * @param {{ component?: string, node?: string }} [where]
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
   * @param {{ component?: string, node?: string }} where
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

  // -------------------------------------------------------------------------------------------
  // Loading modules

  /**
   * Evaluates one component's module in a fresh compartment.
   * @param {Compiled} c
   * @param {Post} sink
   * @returns {Loaded}
   */
  function loadComponent(c, sink) {
    const where = { component: String(c?.name) };
    if (!isRecord(c) || typeof c.id !== 'string' || typeof c.source !== 'string') {
      throw new Fault('E_MODULE', 'a component sent to the sandbox is malformed', where);
    }
    let object;
    try {
      object = evaluate(c.source, globals);
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
      caps: {}
    };
    loaded.caps = makeCaps(loaded, sink, session);
    return loaded;
  }

  /**
   * @param {Map<string, Loaded>} components
   * @param {string} root
   * @param {World | null} base
   * @returns {World}
   */
  function makeWorld(components, root, base) {
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
      sent: base ? base.sent : null
    };
  }

  // -------------------------------------------------------------------------------------------
  // The view functions guest modules call

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
    const savedActive = active;
    p.frame = { prefix: instance ? `${instance}/` : '', loaded, instance, props };
    p.depth++;
    active = { loaded, instance };
    const where = { component: loaded.name };
    let out;
    try {
      // Render gets copies: a view that sorts its state in place must not change what the
      // handlers later start from.
      // Called bare, so `this` in guest code is undefined rather than the worker's own record.
      const render = loaded.render;
      out = render(state, clone(props), loaded.caps);
    } catch (e) {
      throw classify(e, 'E_RENDER', `the view of ${loaded.name}`, where);
    } finally {
      p.frame = saved;
      p.depth--;
      active = savedActive;
    }
    if (!p.made.has(/** @type {object} */ (out))) {
      throw new Fault('E_RENDER', `the view of ${loaded.name} did not return an element`, where);
    }
    return /** @type {ViewNode} */ (out);
  }

  /**
   * `h(type, props, children)`: one element, or a user component instance rendered in place.
   * @param {unknown} type
   * @param {unknown} props
   * @param {unknown} children
   */
  function h(type, props, children) {
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
    for (const name of Object.keys(input)) {
      if (name === 'id') continue;
      const value = propValue(p, input[name], key, name, type);
      if (value !== undefined) out[name] = value;
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
        if (!(e instanceof Fault) || guard.tripped || p.nodes > MAX_VIEW_NODES) throw e;
        const error = { code: e.code, message: e.message, component: user.name };
        node = { type, id, key, props: out, children: [], component: true, error };
      }
    } else {
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

  // -------------------------------------------------------------------------------------------
  // Requests

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
      depth: 0
    };
    pass = p;
    startRequest();
    try {
      const view = renderComponent(p, root, '', state, rootProps);
      if (guard.tripped) throw runaway(`the view of ${root.name}`, { component: root.name });
      // Only this render's elements can be clicked now: an element that is gone (a deleted row
      // clicked twice) is refused, never run with what it captured last time.
      w.refs = p.refs;
      w.refIds = p.refIds;
      w.instances = p.instances;
      return view;
    } catch (e) {
      throw classify(e, 'E_RENDER', `the view of ${root.name}`, { component: root.name });
    } finally {
      pass = null;
    }
  }

  /**
   * Runs one handler on a draft, returns the draft as plain data.
   * @param {Loaded} loaded
   * @param {string} instance
   * @param {string} name
   * @param {unknown} draft
   * @param {unknown} payload
   * @param {unknown} props
   * @param {unknown[]} args
   * @param {number} seq
   */
  function runHandler(loaded, instance, name, draft, payload, props, args, seq) {
    const label = `handler ${name} of ${loaded.name}`;
    const where = { component: loaded.name };
    const fn = loaded.handlers.get(name);
    if (!fn) throw new Fault('E_HANDLER', `${loaded.name} has no handler "${name}"`, where);
    // Tells the host what runs, so a watchdog report can name it.
    post({ t: 'running', seq, what: label });
    startRequest();
    const saved = active;
    active = { loaded, instance };
    try {
      fn(draft, payload, props, loaded.caps, ...args);
    } catch (e) {
      throw classify(e, 'E_HANDLER', label, where);
    } finally {
      active = saved;
    }
    // A `finally` in guest code can swallow the guard's error; the flag cannot be swallowed.
    if (guard.tripped) throw runaway(label, where);
    return copyData(draft, {
      values: 0,
      what: () => `the state after ${label}`,
      code: 'E_HANDLER'
    });
  }

  /** @param {unknown} value */
  function data(value) {
    // Values from the host arrive as fresh copies (structured clone), but loop values captured
    // by a ref belong to the render that made them: the handler gets its own copy.
    try {
      return clone(value);
    } catch {
      return copyData(value, { values: 0, what: () => 'a loop value', code: 'E_HANDLER' });
    }
  }

  function loadedWorld() {
    if (!world) throw new Fault('E_MODULE', 'no app is loaded in the sandbox');
    return world;
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
  function viewReply(w, view, seq) {
    const before = w.sent;
    /** @type {Map<string, ViewNode>} */
    const byKey = new Map();
    const encoded = encodeView(view, before ? before.byKey : null, byKey);
    w.sent = { view, byKey, seq };
    return { t: 'view', seq, view: encoded.node, base: before ? before.seq : 0 };
  }

  /** @param {Record<string, any>} m */
  function install(m) {
    const base = m.t === 'swap' ? loadedWorld() : null;
    const components = new Map(base ? base.components : []);
    for (const id of Array.isArray(m.removed) ? m.removed : []) components.delete(id);
    for (const c of Array.isArray(m.components) ? m.components : []) {
      components.set(c.id, loadComponent(c, post));
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
  function handle(m) {
    const w = loadedWorld();
    let loaded;
    let instance;
    let kind = 'on';
    let name;
    /** @type {unknown[]} */
    let args = [];
    /** @type {unknown} */
    let props;
    if (m.t === 'event') {
      const entry = w.refs.get(m.ref);
      if (!entry) {
        throw new Fault(
          'E_HANDLER',
          'that element is no longer in the view (it was removed, or the app restarted); try again on the current view'
        );
      }
      loaded = w.components.get(entry.component);
      instance = entry.instance;
      kind = entry.kind;
      name = entry.name;
      args = /** @type {unknown[]} */ (data(entry.args));
      props = data(entry.props);
    } else {
      loaded = w.components.get(m.component);
      instance = typeof m.instance === 'string' ? m.instance : '';
      name = String(m.handler);
      props = data(instance ? w.instances.get(instance)?.props : loaded?.defaults);
    }
    if (!loaded) throw new Fault('E_HANDLER', 'the component of that element was removed');
    const local = instance !== '';
    const record = local ? w.instances.get(instance) : undefined;
    const draft = local
      ? clone(record && record.loaded.id === loaded.id ? record.state : loaded.initial)
      : m.state;
    let state;
    if (kind === 'bind') {
      if (!isRecord(m.payload) || !Object.hasOwn(m.payload, 'value')) {
        throw new Fault('E_HANDLER', `a change of the binding to ${name} carries no value`);
      }
      state = { ...draft, [name]: m.payload.value };
    } else {
      state = runHandler(loaded, instance, name, draft, m.payload, props, args, m.seq);
    }
    return local
      ? { t: 'handled', seq: m.seq, state, local: true, component: loaded.id, instance }
      : { t: 'handled', seq: m.seq, state, local: false, component: loaded.id, instance: '' };
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
    startRequest();
    let value;
    try {
      value = fn(m.value);
    } catch (e) {
      throw classify(e, 'E_MIGRATE_FAILED', 'the migration', {});
    }
    if (guard.tripped) throw runaway('the migration');
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
      components.set(c.id, loadComponent(c, inert));
    }
    const scratch = makeWorld(components, String(m.root), null);
    return { t: 'view', seq: m.seq, view: renderWorld(scratch, m.state), base: 0 };
  }

  /** The code an unexpected failure of each request type is reported with. */
  const FALLBACK = /** @type {Record<string, string>} */ ({
    load: 'E_MODULE',
    swap: 'E_MODULE',
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
        case 'event':
        case 'call':
          reply = handle(m);
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
            ? runaway('the request')
            : new Fault(FALLBACK[m.t] ?? 'E_MODULE', `the sandbox failed: ${describeThrown(e)}`);
      /** @type {WireError} */
      const error = { code: String(fault.code), message: fault.message, ...fault.where };
      post({ t: 'error', seq: m.seq, error });
    }
  };
}

/**
 * The SES evaluator: one fresh compartment per module, holding only the runtime's globals, the
 * safe globals and a read-only `$guard`.
 *
 * @param {Hardener} _harden
 * @param {() => void} guardGlobal
 * @returns {Evaluator}
 */
function compartments(_harden, guardGlobal) {
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
