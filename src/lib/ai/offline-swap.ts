/**
 * The offline rule that swaps two elements: "swap the minus and plus buttons", "swap the heading
 * and the text". Two elements of one container trade places (two `moveNode`s); elements in
 * different containers, or more or fewer than two, are a question. Pure.
 */
import { childrenOf, type Op } from '../model/types';
import { describeNode, findElements, type Scene } from './offline-refs';
import { ask, type RuleResult } from './offline-turn';

const SWAP =
  /^(?:swap|switch|exchange|flip|trade)\s+(?:the\s+)?(?:places\s+of\s+|positions\s+of\s+|round\s+|around\s+)?(.+?)(?:\s+(?:around|round|over|places|positions))?$/i;

/** "swap the minus and plus buttons". */
export function swapElements(scene: Scene): RuleResult {
  const rule = 'swap-elements';
  const m = SWAP.exec(scene.u.text);
  if (!m || (!/\band\b|&|,/.test(m[1]) && !/s$/i.test(m[1]))) return null;
  // "the minus and plus buttons": each name with the shared type word.
  const shared = /^(?:the\s+)?(\S+)\s+and\s+(?:the\s+)?(\S+)\s+(\w+?)s$/i.exec(m[1]);
  const phrase = shared ? `the ${shared[1]} ${shared[3]} and the ${shared[2]} ${shared[3]}` : m[1];
  const found = findElements(scene, phrase);
  if (!found.ok) return shared ? ask(rule, found.text) : null;
  const [a, b] = found.value;
  if (found.value.length !== 2)
    return ask(rule, `I can swap two elements; that names ${found.value.length}. Which two?`);
  if (!a.parent || a.parent !== b.parent)
    return ask(
      rule,
      `${describeNode(a)} and ${describeNode(b)} are in different places; say where each should go ("move … above …").`
    );
  const kids = childrenOf(scene.model, a.parent);
  const [first, second] = kids.indexOf(a.id) < kids.indexOf(b.id) ? [a, b] : [b, a];
  const i = kids.indexOf(first.id);
  const j = kids.indexOf(second.id);
  // moveNode counts the other siblings: the first goes after the second, the second to where
  // the first was.
  const ops: Op[] = [
    { op: 'moveNode', id: first.id, parent: a.parent, index: j },
    { op: 'moveNode', id: second.id, parent: a.parent, index: i }
  ];
  return {
    kind: 'batch',
    rule,
    ops,
    summary: `Swap ${describeNode(first)} and ${describeNode(second)}`
  };
}
