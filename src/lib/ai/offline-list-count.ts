/**
 * Counts of a list said as progress (issue 15): "show 'x of y done' under the list", "show how
 * many todos are done out of the total", "show the progress", and the count asked as a question
 * ("how many tasks have I finished? show it next to the heading"). The text is an expression over
 * the data (`…filter((x) => x.done).length + ' of ' + ….length + ' done'`), on any list with a
 * toggled field; "next to" an element puts both in one row. Pure.
 */
import { childrenOf, type Op } from '../model/types';
import { belowList, pickList, qualifier, testOf, wordsOf } from './offline-list-shape';
import { describeNode, findElement, type Scene } from './offline-refs';
import { splitPlacement } from './offline-place';
import { literal } from './offline-text';
import { ask, type RuleResult, type TempIds } from './offline-turn';

const SHOW = String.raw`(?:show|display|add|put|include|give me|i want to see|let me see)\s+(?:(?:a|an|the)\s+)?(?:(?:text|line|label|counter|count|note)\s+(?:saying|showing|like|with|that says|that shows)\s+)?`;
/** "x of y done", "3/5 completed", "n out of total finished". */
const X_OF_Y = /^(?:x|n|#|\d+)\s*(?:of|out of|\/)\s*(?:y|n|m|#|\d+|total|all)\s*(.*)$/i;
const QUOTED = new RegExp(String.raw`^${SHOW}(⟦\d+⟧)\s*(.*)$`, 'i');
const BARE = new RegExp(
  String.raw`^${SHOW}((?:x|n|#)\s*(?:of|out of|\/)\s*(?:y|n|m|#|total|all)\s+\w+(?:\s+\w+)?)\s*(.*)$`,
  'i'
);
const OUT_OF = new RegExp(
  String.raw`^(?:show|display|add|put|include)\s+(?:how many|the number of)\s+(.+?)\s+(?:are|have been|i've|i have|we've|got)\s+(\w+(?:\s+off)?)\s+(?:out of|of)\s+(?:the\s+)?(?:total|all(?:\s+of\s+them)?|how many there are|the whole list)\s*(.*)$`,
  'i'
);
const PROGRESS = new RegExp(
  String.raw`^(?:show|display|add|put|include)\s+(?:a\s+|the\s+)?progress(?:\s+(?:count|counter|line|text))?(?:\s+(?:of|for)\s+(?:the\s+)?(\w+))?\s*(.*)$`,
  'i'
);
const ASKED =
  /^how many\s+(.+?)\s+(?:have|has|did)\s+(?:i|we|you|they|people|been)\s+(\w+(?:\s+off)?)\s*\??\s*(?:(?:and\s+)?(?:show|display|put)\s+(?:it|that|this|the (?:number|count|answer))\s*(.*))?$/i;

/** "show 'x of y done'", "how many tasks have I finished? show it next to the heading". */
export function progressCount(scene: Scene, temps: TempIds): RuleResult {
  const text = scene.u.text;
  let listWords = '';
  let done = '';
  let place = '';
  let asked = false;
  const quoted = QUOTED.exec(text);
  const ofY = quoted ? X_OF_Y.exec(literal(scene.u, quoted[1]).trim()) : null;
  if (quoted && ofY) [done, place] = [ofY[1], quoted[2]];
  else if (BARE.exec(text)) {
    const m = BARE.exec(text)!;
    [done, place] = [X_OF_Y.exec(m[1])?.[1] ?? '', m[2]];
  } else if (OUT_OF.exec(text)) {
    const m = OUT_OF.exec(text)!;
    [listWords, done, place] = [m[1], m[2], m[3]];
  } else if (PROGRESS.exec(text)) {
    const m = PROGRESS.exec(text)!;
    [listWords, place] = [m[1] ?? '', m[2]];
  } else if (ASKED.exec(text)) {
    const m = ASKED.exec(text)!;
    [listWords, done, place, asked] = [m[1], m[2], m[3] ?? '', true];
  } else return null;
  const rule = 'count-list';
  const picked = pickList(scene, listWords.replace(/\b(?:the|my|all|of)\b/gi, ' ').trim());
  if (!picked) return null;
  if ('question' in picked) return ask(rule, picked.question);
  const list = picked.list;
  const q = qualifier(list, (done || 'done').replace(/\s+off$/i, '').replace(/^ticked$/i, 'done'));
  if ('question' in q) return ask(rule, q.question);
  if (!q.which || q.rest.trim())
    return ask(
      rule,
      `Count which ${wordsOf(list.field)}: "${literal(scene.u, done)}" is not a yes/no field of theirs (${list.booleans.join(', ') || 'they have none'}).`
    );
  const f = list.field;
  const of = `state.${f}.filter((x) => ${testOf(q.which)}).length`;
  const expr = asked
    ? `${of} + ' ${q.which.words}'`
    : `${of} + ' of ' + state.${f}.length + ' ${q.which.words}'`;
  const props = { text: { $expr: expr }, tone: 'muted' as const, size: 'sm' as const };
  const said = `showing how many ${f} are ${q.which.words}${asked ? '' : ' of all of them'}`;
  // "next to the heading": the element and the count in one row where the element was.
  const beside = /^(?:next to|beside|alongside|by|to the right of|on the right of)\s+(.+)$/i.exec(
    place.trim()
  );
  if (beside) {
    const found = findElement(scene, beside[1]);
    if (!found.ok) return ask(rule, found.text);
    const anchor = found.value;
    if (!anchor.parent) return ask(rule, `${describeNode(anchor)} is the root of its component.`);
    const row = temps.next();
    const ops: Op[] = [
      {
        op: 'addNode',
        parent: anchor.parent,
        index: childrenOf(scene.model, anchor.parent).indexOf(anchor.id),
        type: 'Stack',
        id: row,
        props: { direction: 'horizontal', gap: 'sm', align: 'center' }
      },
      { op: 'moveNode', id: anchor.id, parent: row, index: 0 },
      { op: 'addNode', parent: row, index: 1, type: 'Text', id: temps.next(), props }
    ];
    return {
      kind: 'batch',
      rule,
      ops,
      summary: `Add a Text next to ${describeNode(anchor)} (the two in a new row) ${said}`
    };
  }
  const split = splitPlacement(scene, place.trim(), false);
  if (!split.ok) return ask(rule, split.text);
  if (split.value.before.trim() && !/^(?:please|too|as well)$/i.test(split.value.before.trim()))
    return null;
  const at = belowList(scene.model, list, split.value);
  return {
    kind: 'batch',
    rule,
    ops: [
      {
        op: 'addNode',
        parent: at.parent,
        ...(at.index !== undefined ? { index: at.index } : {}),
        type: 'Text',
        id: temps.next(),
        props
      }
    ],
    summary: `Add a Text ${at.words} ${said}`
  };
}
