/**
 * An element that depends on the state (issue 15): "disable the send button until the message is
 * filled in", "don't let people press Send when the name is empty" (its `disabled` becomes the
 * condition, joined with "||" to the one it has), "only show the reset button when the count is
 * above 0", "hide the thank you text when the name is empty" (the element goes inside a new If
 * whose `when` is the condition). Conditions are read by offline-condition.ts. Pure.
 */
import { elementSchema } from '../schema/elements';
import { childrenOf, type Op } from '../model/types';
import { describeNode, findElement, type Scene } from './offline-refs';
import { ask, type RuleResult, type TempIds } from './offline-turn';
import { readConditions } from './offline-condition';

const WHEN = String.raw`(until|unless|when(?:ever)?|while|if|as long as)`;
const DISABLE = [
  new RegExp(String.raw`^(?:disable|grey out|gray out|lock)\s+(.+?)\s+${WHEN}\s+(.+)$`, 'i'),
  new RegExp(
    String.raw`^(.+?)\s+(?:should|must|needs? to|has to)\s+be\s+(?:disabled|greyed out|grayed out|locked|unclickable)\s+${WHEN}\s+(.+)$`,
    'i'
  ),
  new RegExp(
    String.raw`^(?:make|set|have)\s+(.+?)\s+(?:be\s+)?(?:disabled|greyed out|grayed out|locked|unclickable)\s+${WHEN}\s+(.+)$`,
    'i'
  ),
  new RegExp(
    String.raw`^(?:make\s+)?(.+?)\s+(?:(?:only\s+)?(?:work|clickable|enabled|active)|(?:be\s+)?(?:only\s+)?(?:clickable|enabled|active))\s+${WHEN}\s+(.+)$`,
    'i'
  ),
  new RegExp(
    String.raw`^(?:don'?t|do not|never)\s+let\s+(?:me|people|users|anyone|them|us)\s+(?:press|click|use|tap|hit)\s+(.+?)\s+${WHEN}\s+(.+)$`,
    'i'
  )
];
const SHOW = [
  new RegExp(String.raw`^(?:only\s+show|show\s+(.+?)\s+only|show)\s+(.+?)?\s*${WHEN}\s+(.+)$`, 'i'),
  new RegExp(String.raw`^(hide)\s+(.+?)\s+${WHEN}\s+(.+)$`, 'i'),
  new RegExp(
    String.raw`^(.+?)\s+(?:should\s+(?:only\s+)?(?:show|appear|be visible)|should\s+be\s+hidden|only\s+shows?|only\s+appears?)\s+${WHEN}\s+(.+)$`,
    'i'
  )
];

/** "disable the send button until the message is filled in". */
function disableWhen(scene: Scene): RuleResult {
  let m: RegExpExecArray | null = null;
  let index = -1;
  for (const [i, re] of DISABLE.entries())
    if ((m = re.exec(scene.u.text))) {
      index = i;
      break;
    }
  if (!m) return null;
  const [, ref, when, said] = m;
  const rule = 'conditional-disable';
  const found = findElement(scene, ref);
  if (!found.ok) return ask(rule, found.text);
  const node = found.value;
  if (!elementSchema(node.type)?.properties.disabled)
    return ask(rule, `${describeNode(node)} cannot be disabled.`);
  const test = readConditions(scene.model, node, said);
  if (!test.ok) return ask(rule, test.text);
  // "enabled when", "works when", "only clickable when": the words say when it may be used.
  const usable = index === 3 || /^(?:until|unless)$/i.test(when);
  const off = usable ? `!(${test.expr})` : test.expr;
  const now = node.props.disabled;
  const before =
    now && typeof now === 'object' && '$expr' in now && typeof now.$expr === 'string'
      ? `(${now.$expr}) || `
      : now === true
        ? null
        : '';
  if (before === null) return ask(rule, `${describeNode(node)} is always disabled now.`);
  return {
    kind: 'batch',
    rule,
    ops: [{ op: 'setProp', id: node.id, name: 'disabled', value: { $expr: `${before}${off}` } }],
    summary: `Disable ${describeNode(node)} ${usable ? `until ${test.words}` : `while ${test.words}`}${before ? ' (as well as when it was disabled before)' : ''}`
  };
}

/** "only show the reset button when the count is above 0", "hide the total when it is 0". */
function showWhen(scene: Scene, temps: TempIds): RuleResult {
  let m: RegExpExecArray | null = null;
  let hide = false;
  let ref: string | undefined;
  let when = '';
  let said = '';
  for (const [i, re] of SHOW.entries()) {
    m = re.exec(scene.u.text);
    if (!m) continue;
    if (i === 0) [ref, when, said] = [m[1] ?? m[2], m[3], m[4]];
    else if (i === 1) [hide, ref, when, said] = [true, m[2], m[3], m[4]];
    else {
      [ref, when, said] = [m[1], m[2], m[3]];
      hide = /hidden/i.test(m[0].slice(m[1].length, m[0].length - said.length - when.length));
    }
    break;
  }
  if (!m || !ref) return null;
  const rule = 'conditional-show';
  const found = findElement(scene, ref);
  if (!found.ok) return null;
  const node = found.value;
  if (!node.parent) return ask(rule, `${describeNode(node)} is the root of its component.`);
  const test = readConditions(scene.model, node, said);
  if (!test.ok) return ask(rule, test.text);
  const shown = hide !== /^(?:until|unless)$/i.test(when) ? `!(${test.expr})` : test.expr;
  const parent = scene.model.nodes.get(node.parent)!;
  // Already inside an If of its own: the condition joins that one's.
  if (parent.type === 'If' && childrenOf(scene.model, parent.id).length === 1) {
    const now = parent.props.when;
    const expr =
      now && typeof now === 'object' && '$expr' in now
        ? `(${String(now.$expr)}) && ${shown}`
        : shown;
    return {
      kind: 'batch',
      rule,
      ops: [{ op: 'setProp', id: parent.id, name: 'when', value: { $expr: expr } }],
      summary: `Show ${describeNode(node)} only while ${hide ? 'not ' : ''}${test.words} (its condition ${describeNode(parent)} gains it)`
    };
  }
  const wrap = temps.next();
  const ops: Op[] = [
    {
      op: 'addNode',
      parent: parent.id,
      index: childrenOf(scene.model, parent.id).indexOf(node.id),
      type: 'If',
      id: wrap,
      props: { when: { $expr: shown } }
    },
    { op: 'moveNode', id: node.id, parent: wrap, index: 0 }
  ];
  return {
    kind: 'batch',
    rule,
    ops,
    summary: `Show ${describeNode(node)} only while ${/^!/.test(shown) ? `not (${test.words})` : test.words} (inside a new If)`
  };
}

/** The rules of elements that follow the state, in order. */
export function dependOnState(scene: Scene, temps: TempIds): RuleResult {
  return disableWhen(scene) ?? showWhen(scene, temps);
}
