/**
 * The handler stage of a dry run: after the scratch world rendered, each handler the host names
 * (the new and changed ones of a proposed change) is run once, the way a person would run it,
 * with a synthetic event on a copy of the data: through an element of that render that is bound
 * to it, so a handler inside an Each gets that row's loop values as its parameters, exactly as a
 * click would. The payload is the one the element sends (its prop's `x-event` in the element
 * schema, handed in by the host): `{}` for a click, a plausible string, number or boolean for an
 * input. What the handler threw (or that it ran away) comes back as its error; what it left
 * comes back as data, which the host checks against the declared state types. Nothing is kept.
 *
 * Why here and not when someone clicks: a proposal that passed the checks is trusted when it is
 * previewed and applied, so a handler that loops forever, throws or writes the wrong type must
 * be refused with the rest of the checks (issue 15).
 */
import { clone, describeThrown, Fault, isRecord } from './data.js';

/** At most this many handlers are run per dry run (each under its own loop guard). */
export const MAX_EXERCISED = 32;

/**
 * @typedef {import('./world.js').World} World
 * @typedef {import('./data.js').ViewNode} ViewNode
 * @typedef {Record<string, Record<string, Record<string, string>>>} EventSpecs element type → prop → payload field → type
 * @typedef {{ component: string, name: string, element: string, prop: string, instance: string,
 *   local: boolean, state?: unknown, error?: { code: string, message: string } }} Exercised
 */

/**
 * A plausible value of one payload field for the element that sends it.
 * @param {string} type `string`, `number` or `boolean`
 * @param {ViewNode} node
 */
function sample(type, node) {
  const props = isRecord(node.props) ? node.props : {};
  if (type === 'boolean') return true;
  if (type === 'number') {
    if (typeof props.min === 'number' && typeof props.max === 'number')
      return Math.round((props.min + props.max) / 2);
    return typeof props.min === 'number' ? props.min : 1;
  }
  if (type === 'string') {
    // A dropdown sends one of its options.
    const options = Array.isArray(props.options) ? props.options : [];
    const first = options.find((o) => typeof o === 'string');
    return typeof first === 'string' ? first : 'Sample text';
  }
  return undefined;
}

/**
 * The payload an element sends for one of its handler props.
 * @param {EventSpecs} specs
 * @param {ViewNode} node
 * @param {string} prop
 */
function payloadOf(specs, node, prop) {
  const fields = specs[node.type]?.[prop] ?? {};
  /** @type {Record<string, unknown>} */
  const payload = {};
  for (const [field, type] of Object.entries(fields)) payload[field] = sample(type, node);
  return payload;
}

/**
 * Runs every wanted handler once through the first element of `view` bound to it.
 *
 * @param {{ world: World, view: ViewNode, state: unknown, wanted: unknown, specs: unknown,
 *   run: (loaded: import('./world.js').Loaded, instance: string, name: string, draft: unknown,
 *     payload: unknown, props: unknown, args: unknown[], seq: number) => unknown, seq: number }} env
 * @returns {{ exercised: Exercised[], unreached: string[] }}
 */
export function exerciseHandlers({ world, view, state, wanted, specs, run, seq }) {
  /** @type {Set<string>} */
  const left = new Set();
  for (const w of Array.isArray(wanted) ? wanted : []) {
    if (Array.isArray(w) && typeof w[0] === 'string' && typeof w[1] === 'string')
      left.add(`${w[0]}\u0000${w[1]}`);
  }
  const events = /** @type {EventSpecs} */ (isRecord(specs) ? specs : {});
  /** @type {Exercised[]} */
  const exercised = [];
  /** @param {ViewNode} node */
  const visit = (node) => {
    if (left.size === 0 || exercised.length >= MAX_EXERCISED) return;
    for (const [prop, raw] of Object.entries(isRecord(node.props) ? node.props : {})) {
      if (!isRecord(raw)) continue;
      const value = /** @type {Record<string, unknown>} */ (raw);
      if (typeof value.$ref !== 'number' || Object.hasOwn(value, '$bind')) continue;
      const entry = world.refs.get(value.$ref);
      if (!entry || entry.kind !== 'on') continue;
      const key = `${entry.component}\u0000${entry.name}`;
      if (!left.has(key)) continue;
      left.delete(key);
      const loaded = world.components.get(entry.component);
      if (!loaded) continue;
      const instance = entry.instance;
      const local = instance !== '';
      const record = local ? world.instances.get(instance) : undefined;
      // A copy of the data for each handler: one handler's writes never reach the next.
      const draft = clone(local ? (record?.state ?? loaded.initial) : state);
      const result = { component: entry.component, name: entry.name, element: node.key, prop };
      try {
        const after = run(
          loaded,
          instance,
          entry.name,
          draft,
          payloadOf(events, node, prop),
          clone(entry.props),
          clone(entry.args),
          seq
        );
        exercised.push({ ...result, instance, local, state: after });
      } catch (e) {
        const error =
          e instanceof Fault
            ? { code: String(e.code), message: e.message }
            : { code: 'E_HANDLER', message: describeThrown(e) };
        exercised.push({ ...result, instance, local, error });
      }
    }
    for (const child of Array.isArray(node.children) ? node.children : []) visit(child);
  };
  visit(view);
  return { exercised, unreached: [...left].map((k) => k.replace('\u0000', ' ')) };
}
