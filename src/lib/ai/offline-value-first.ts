/**
 * "the high ones should come first in the list", "show the urgent jobs on top": the items whose
 * choice field holds that value are shown first (issue 15). The value must be one option of
 * exactly one choice field (an enum) of the items of the app's list; the rest keep their order
 * (the sort is stable) and the data keeps its order: only the Each's `items` expression changes.
 * Anything else is not this rule's. Pure.
 */
import type { Op } from '../model/types';
import { listShapes } from './offline-list-shape';
import type { Scene } from './offline-refs';
import type { RuleResult } from './offline-turn';

const FIRST =
  /^(?:(?:show|put|sort|list|have|make)\s+)?(?:the\s+)?(\w+)\s+(?:ones|items|[a-z]+s)\s+(?:should\s+|must\s+|always\s+)*(?:come\s+|go\s+|be\s+)?(?:first|on top|at the top)(?:\s+(?:of|in)\s+the\s+list)?$/i;

/** The items with the value said first, in the one list with a choice field that offers it. */
export function valueFirst(scene: Scene): RuleResult {
  const m = FIRST.exec(scene.u.text);
  if (!m) return null;
  const value = m[1].toLowerCase();
  const found = listShapes(scene.model).flatMap((list) =>
    Object.entries(list.item).flatMap(([field, type]) =>
      typeof type === 'object' &&
      'enum' in type &&
      type.enum.some((v) => String(v).toLowerCase() === value)
        ? [
            {
              list,
              field,
              option: String(type.enum.find((v) => String(v).toLowerCase() === value))
            }
          ]
        : []
    )
  );
  if (found.length !== 1) return null;
  const { list, field, option } = found[0];
  const source = /^[\w.$]+$/.test(list.items) ? list.items : `(${list.items})`;
  const is = (x: string) => `(${x}.${field} === ${JSON.stringify(option)} ? 0 : 1)`;
  const op: Op = {
    op: 'setProp',
    id: list.each.id,
    name: 'items',
    value: { $expr: `[...${source}].sort((a, b) => ${is('a')} - ${is('b')})` }
  };
  return {
    kind: 'batch',
    rule: 'sort-list',
    ops: [op],
    summary: `Show the ${list.field} whose ${field} is "${option}" first (the data keeps its order)`
  };
}
