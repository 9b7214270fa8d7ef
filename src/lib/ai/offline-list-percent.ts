/**
 * A list's progress as a percentage: "show what percent of the list is done", "add the
 * percentage of tasks completed under the heading", "show % done". A Text whose expression is
 * the share of items whose yes/no field holds (0 % for an empty list), on any list with such a
 * field, below the list unless a place is said. Pure.
 */
import { belowList, pickList, qualifier, testOf, wordsOf } from './offline-list-shape';
import type { Scene } from './offline-refs';
import { splitPlacement } from './offline-place';
import { literal } from './offline-text';
import { ask, type RuleResult, type TempIds } from './offline-turn';

const RULE = 'count-list';

const SHOW = String.raw`^(?:show|display|add|put|include|give me|i want to see|let me see)\s+`;
const SAYINGS: readonly RegExp[] = [
  // "what percent of the list is done", "what percentage of my tasks are finished"
  new RegExp(
    String.raw`${SHOW}(?:what|which)\s+(?:percent(?:age)?|%|share|proportion|fraction)\s+of\s+(?:the\s+|my\s+|our\s+|all\s+)*(\w+)?\s*(?:is|are|have been|has been|i've|i have|got)\s+(\w+(?:\s+off)?)\s*(.*)$`,
    'i'
  ),
  // "the percentage of tasks (that are) completed", "a percent done counter"
  new RegExp(
    String.raw`${SHOW}(?:(?:a|an|the)\s+)?(?:percent(?:age)?|%)\s+of\s+(?:the\s+|my\s+|our\s+|all\s+)*(\w+)\s+(?:that\s+are\s+|that\s+have\s+been\s+)?(\w+(?:\s+off)?)\s*(.*)$`,
    'i'
  ),
  // "% done", "the percent complete", "a percentage finished"
  new RegExp(
    String.raw`${SHOW}(?:(?:a|an|the)\s+)?()(?:percent(?:age)?|%)\s+(\w+)(?:\s+(?:counter|text|line|label|figure))?\s*(.*)$`,
    'i'
  )
];

/** "show what percent of the list is done". */
export function percentDone(scene: Scene, temps: TempIds): RuleResult {
  const m = SAYINGS.map((re) => re.exec(scene.u.text)).find(Boolean);
  if (!m) return null;
  const [, listWords = '', done, place] = m;
  // "list", "items" name the list by what it is; pickList reads its own words.
  const named = /^(?:list|items?|ones|things|entries)$/i.test(listWords) ? '' : listWords;
  const picked = pickList(scene, named);
  if (!picked) return null;
  if ('question' in picked) return ask(RULE, picked.question);
  const list = picked.list;
  const word = done.replace(/\s+off$/i, '').replace(/^(?:ticked|complete)$/i, 'done');
  const q = qualifier(list, word);
  if ('question' in q) return ask(RULE, q.question);
  if (!q.which || q.rest.trim())
    return ask(
      RULE,
      `A percentage of which ${wordsOf(list.field)}: "${literal(scene.u, done)}" is not a yes/no field of theirs (${list.booleans.join(', ') || 'they have none'}).`
    );
  const split = splitPlacement(scene, place.trim(), false);
  if (!split.ok) return ask(RULE, split.text);
  if (split.value.before.trim()) return null;
  const f = `state.${list.field}`;
  // An empty list is 0 % done, not NaN %.
  const expr = `(${f}.length ? Math.round((100 * ${f}.filter((x) => ${testOf(q.which)}).length) / ${f}.length) : 0) + '% ${q.which.words}'`;
  const at = belowList(scene.model, list, split.value);
  return {
    kind: 'batch',
    rule: RULE,
    ops: [
      {
        op: 'addNode',
        parent: at.parent,
        ...(at.index !== undefined ? { index: at.index } : {}),
        type: 'Text',
        id: temps.next(),
        props: { text: { $expr: expr }, tone: 'muted', size: 'sm' }
      }
    ],
    summary: `Add a Text ${at.words} showing what percent of ${list.field} are ${q.which.words}`
  };
}
