/**
 * New items at the top of a list: "when I add a todo it should go at the top of the list, not the
 * bottom", "new tasks should appear first", "add new expenses to the top". Every action that
 * appends an item to the list's field (`state.items.push(x)`, `state.items = [...state.items,
 * x]`) puts it first instead (`unshift`, `[x, ...state.items]`). Works on any list whose adding
 * action has one of those shapes. Pure.
 *
 * Never wrong: no adding action, or one of another shape, is a question.
 */
import type { Op } from '../model/types';
import { pickList } from './offline-list-shape';
import type { Scene } from './offline-refs';
import { ask, type RuleResult } from './offline-turn';

const RULE = 'new-items-first';

const TOP = String.raw`(?:at|on|to)\s+the\s+(?:top|start|beginning|front)(?:\s+of\s+(?:the\s+)?(?:list|\w+))?|first|on top`;
const NOT_BOTTOM = String.raw`(?:\s*,?\s*(?:not|instead of|rather than)\s+(?:at\s+|on\s+)?(?:the\s+)?(?:bottom|end|last))?`;
const SAYINGS: readonly RegExp[] = [
  // "when i add a todo it should go at the top of the list not the bottom"
  new RegExp(
    String.raw`^when(?:ever)?\s+(?:i|we|you|someone|people)\s+adds?\s+(?:a|an|new)\s+(\w+)\s*,?\s+(?:it|they)\s+(?:should|must|needs? to|has to)\s+(?:go|appear|show up|be added|be put|land|end up)\s+(?:${TOP})${NOT_BOTTOM}$`,
    'i'
  ),
  // "new todos should go at the top", "new tasks appear first"
  new RegExp(
    String.raw`^(?:make\s+)?(?:the\s+)?(?:new|newly added|added)\s+(\w+)\s+(?:should\s+|must\s+)?(?:go|goes|appear|appears|show up|shows up|be added|land|come)\s+(?:${TOP})${NOT_BOTTOM}$`,
    'i'
  ),
  // "add new todos to the top (of the list)", "put new tasks first"
  new RegExp(
    String.raw`^(?:add|put|insert)\s+(?:the\s+)?new\s+(\w+)\s+(?:${TOP})${NOT_BOTTOM}$`,
    'i'
  )
];

/** Whether the whole request is one of these (its comma, "…, it should go first", joins it). */
export function prependWhole(text: string): boolean {
  return SAYINGS.some((re) => re.test(text));
}

/** "new todos should go at the top". */
export function newItemsFirst(scene: Scene): RuleResult {
  const m = SAYINGS.map((re) => re.exec(scene.u.text)).find(Boolean);
  if (!m) return null;
  const picked = pickList(scene, m[1]);
  if (!picked) return null;
  if ('question' in picked) return ask(RULE, picked.question);
  const { list } = picked;
  // A list shown sorted or reversed puts a new item where its order says, not where it is stored.
  if (/\.(?:sort|reverse|toSorted|toReversed)\(/.test(list.items))
    return ask(
      RULE,
      `${list.field} is shown in an order of its own ({${list.items}}), so where a new item is stored does not decide where it shows. Should I change that order instead?`
    );
  const f = `state.${list.field}`;
  const esc = f.replace(/\./g, '\\.');
  const push = new RegExp(String.raw`\b${esc}\.push\(`, 'g');
  const spread = new RegExp(String.raw`\b${esc}\s*=\s*\[\s*\.\.\.${esc}\s*,\s*([^\]]+?)\s*\]`, 'g');
  const ops: Op[] = [];
  const changed: string[] = [];
  for (const [name, h] of Object.entries(list.component.handlers)) {
    const body = h.body
      .replace(push, `${f}.unshift(`)
      .replace(spread, (_all, item: string) => `${f} = [${item}, ...${f}]`);
    if (body === h.body) continue;
    ops.push({ op: 'setHandler', component: list.component.name, name, params: h.params, body });
    changed.push(name);
  }
  if (!ops.length)
    return ask(
      RULE,
      `No action here adds to ${list.field} in a way I can turn around (push or [...list, item]), so I have changed nothing.`
    );
  return {
    kind: 'batch',
    rule: RULE,
    ops,
    summary: `New ${list.field} go first: ${changed.join(', ')} ${changed.length > 1 ? 'put' : 'puts'} the new item at the top of ${list.field}`
  };
}
