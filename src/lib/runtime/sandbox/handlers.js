/**
 * Handlers: the `event` and `call` requests. A click names a ref of the last render (what it
 * captured: component, instance, handler or binding, loop values); a call names a handler of an
 * instance (a capability's callback). Either runs the handler on a draft copy of the state and
 * replies with the draft as plain data: the worker changes nothing itself, the host validates
 * the new state against the declared types and renders it.
 */
import { clone, copyData, Fault, isRecord } from './data.js';

/**
 * @typedef {import('./world.js').World} World
 * @typedef {import('./world.js').Loaded} Loaded
 */

/**
 * The handler requests of one sandbox: `handle(world, message)` answers an `event` or a `call`;
 * `run` runs one handler on a draft (a dry run's handler stage uses it too).
 *
 * @param {{ post: import('./world.js').Post, budget: import('./budget.js').Budget }} env
 */
export function createHandlers({ post, budget }) {
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
    budget.start();
    const saved = budget.enter({ loaded, instance });
    try {
      fn(draft, payload, props, loaded.caps, ...args);
    } catch (e) {
      throw budget.classify(e, 'E_HANDLER', label, where);
    } finally {
      budget.enter(saved);
    }
    // A `finally` in guest code can swallow the guard's error; the flag cannot be swallowed.
    if (budget.tripped()) throw budget.runaway(label, where);
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

  /**
   * @param {World} w the loaded world
   * @param {Record<string, any>} m
   */
  function handle(w, m) {
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

  return { handle, run: runHandler };
}
