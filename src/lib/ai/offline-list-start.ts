/**
 * What a list starts with (issue 15): "start the list without the Try Malleable example", "remove
 * the 'Buy milk' example item", "the todos shouldn't start with Reshape this app", "start the list
 * without the examples". The list's field keeps its type and gets a new `initial` (retypeState
 * with `migrate: "value"`): the items people have now stay; a new copy of the app, or a reset,
 * starts without the ones named. An item is named by its text (any case) or by "the example(s)"
 * when that is all of them. Pure.
 */
import type { JsonValue } from '../model/types';
import { listShapes, pickList, type ListShape } from './offline-list-shape';
import { literal, quoteOf } from './offline-text';
import { ask, type RuleResult } from './offline-turn';
import type { Scene } from './offline-refs';

const EXAMPLE = String.raw`(?:example|sample|demo|starter|placeholder|default|pre-?filled|initial)s?`;
const ITEM = String.raw`(?:item|todo|task|entry|entries|one|ones|row|rows|items|todos|tasks|data)`;
const PATTERNS: readonly RegExp[] = [
  // "start the list without the Try Malleable example"
  new RegExp(
    String.raw`^(?:start|begin|open|load)\s+(?:the\s+|my\s+)?(\w+)\s+without\s+(?:the\s+|any\s+)?(.+?)$`,
    'i'
  ),
  // "the todos shouldn't start with Reshape this app"
  new RegExp(
    String.raw`^(?:the\s+|my\s+)?(\w+)\s+(?:should(?:n'?t| not)|must(?:n'?t| not)|does(?:n'?t| not) need to)\s+(?:start|begin|come)\s+with\s+(?:the\s+)?(.+?)$`,
    'i'
  ),
  // "remove the 'Buy milk' example item", "get rid of the example todos"
  new RegExp(
    String.raw`^(?:remove|delete|drop|take out|get rid of|lose)\s+(?:the\s+)?()(.+?\s+${EXAMPLE}(?:\s+${ITEM})?|${EXAMPLE}\s+.+?)(?:\s+(?:from|in|at)\s+the\s+(?:start|list|data|beginning|\w+))?$`,
    'i'
  )
];

/** "start the list without the Try Malleable example": the list's starting items, less those. */
export function startWithout(scene: Scene): RuleResult {
  let m: RegExpExecArray | null = null;
  for (const re of PATTERNS) if ((m = re.exec(scene.u.text))) break;
  if (!m) return null;
  const rule = 'set-default';
  const picked = m[1] ? pickList(scene, m[1]) : onlyList(scene);
  if (!picked || 'question' in picked) return picked ? ask(rule, picked.question) : null;
  const list = picked.list;
  const field = list.component.state[list.field];
  const items = Array.isArray(field?.initial) ? (field.initial as JsonValue[]) : null;
  if (!items || !list.text) return null;
  const words = m[2].trim();
  const quoted = /^⟦\d+⟧/.test(words) ? quoteOf(scene.u, words.match(/^⟦\d+⟧/)![0]) : undefined;
  const name = (quoted ?? literal(scene.u, words))
    .replace(new RegExp(String.raw`(?:\s+${EXAMPLE})?(?:\s+${ITEM})?$`, 'i'), '')
    .replace(new RegExp(String.raw`^${EXAMPLE}\s+`, 'i'), '')
    .trim();
  const textOf = (item: JsonValue) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? String((item as Record<string, JsonValue>)[list.text!] ?? '')
      : '';
  // "without the examples", "without any example items": every starting item.
  const all = new RegExp(
    String.raw`^(?:(?:the|any|all(?: the)?)\s+)?(?:${EXAMPLE}|${ITEM})(?:\s+${ITEM})?$`,
    'i'
  ).test(words);
  const keep = all ? [] : items.filter((item) => textOf(item).toLowerCase() !== name.toLowerCase());
  if (!all && keep.length === items.length)
    return /\b(?:example|sample|demo|starter)s?\b/i.test(words) || m[1]
      ? ask(
          rule,
          `The ${list.field} start with ${items.map((i) => `"${textOf(i)}"`).join(', ') || 'nothing'}; none is "${name}". Which one should go?`
        )
      : null;
  if (!items.length) return ask(rule, `The ${list.field} already start empty.`);
  // "the example item" when there are several: which one is the question.
  if (all && items.length > 1 && !/(?:s|data)$/i.test(words))
    return ask(
      rule,
      `The ${list.field} start with ${items.map((i) => `"${textOf(i)}"`).join(', ')}. Which one should go, or all of them ("without the examples")?`
    );
  const gone = items.filter((i) => !keep.includes(i)).map((i) => `"${textOf(i)}"`);
  return {
    kind: 'batch',
    rule,
    ops: [
      {
        op: 'retypeState',
        component: list.component.name,
        name: list.field,
        type: field.type,
        migrate: 'value',
        initial: keep
      }
    ],
    summary: `Start ${list.field} of ${list.component.name} without ${gone.join(', ')} (a new copy of the app starts so; the items in use now stay)`
  };
}

/** The only list of the app, for a request that names none. */
function onlyList(scene: Scene): { list: ListShape } | { question: string } | null {
  const lists = listShapes(scene.model);
  return lists.length === 1 ? { list: lists[0] } : lists.length ? pickList(scene, '') : null;
}
