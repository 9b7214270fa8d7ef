/**
 * The `literals` request (../README.md "Protocol"): a literal edit (a Text's text, a Button's
 * label, a style value) changes entries of a component's literal table, not its module. The
 * worker replaces those entries and renders again; no module is evaluated, and the view comes
 * back as a diff, so the host redraws the one element that changed.
 *
 * Transactional like a swap: every patch is checked before any table changes, and if the render
 * fails every table goes back to what it held.
 */
import { Fault, isRecord } from './data.js';
import { literalValues, viewReply } from './world.js';

/**
 * @typedef {import('./world.js').World} World
 * @typedef {import('./world.js').LiteralTable} LiteralTable
 */

/**
 * Applies `m.components` (`[{ id, slots: [[n, value], ...] }]`) to the loaded world's tables and
 * renders with `m.state` (and `m.locals`).
 *
 * @param {World} w
 * @param {Record<string, any>} m
 * @param {{ harden: import('./budget.js').Hardener,
 *   renderWorld: (w: World, state: unknown, locals?: unknown) => import('./world.js').ViewNode }} env
 */
export function patchLiterals(w, m, env) {
  if (!Array.isArray(m.components)) {
    throw new Fault('E_RENDER', 'a literals request carries no list of components');
  }
  /** @type {{ table: LiteralTable, next: readonly unknown[] }[]} */
  const planned = [];
  for (const patch of m.components) {
    const loaded = isRecord(patch) ? w.components.get(String(patch.id)) : undefined;
    if (!loaded || !Array.isArray(patch.slots)) {
      throw new Fault('E_RENDER', 'a literals request names a component that is not loaded');
    }
    const next = [...loaded.literals.values];
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
      next[n] = entry[1];
    }
    planned.push({ table: loaded.literals, next: literalValues(next, loaded.name, env.harden) });
  }
  const before = planned.map((p) => p.table.values);
  for (const p of planned) p.table.values = p.next;
  try {
    return viewReply(w, env.renderWorld(w, m.state, m.locals), m.seq);
  } catch (e) {
    planned.forEach((p, i) => (p.table.values = before[i]));
    throw e;
  }
}
