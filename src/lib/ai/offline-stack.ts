/**
 * The offline rule that stacks a row's elements one under the other (issue 15): "put the buttons
 * underneath each other instead of side by side", "stack the name and email fields vertically".
 * The inverse of side-by-side: the row the named elements make up turns vertical (its
 * `direction`). Only when every element named sits in one horizontal row and they are all of it;
 * a row that holds others too, or elements in different places, is a question. Pure.
 */
import { childrenOf, type NodeRecord } from '../model/types';
import { describeNode, findElements, type Scene } from './offline-refs';
import { ask, type RuleResult } from './offline-turn';

const STACK =
  /^(?:put|place|stack|arrange|have|make|move|set)\s+(.+?)\s+(?:(?:underneath|under|below|beneath|on top of|above)\s+(?:each other|one another)|one (?:under|below|above|on top of) the other|vertically|in a column|(?:be\s+)?vertical)(?:\s+instead of\s+(?:side by side|next to each other|in a row|beside each other))?$/i;

/** "put the buttons underneath each other": the row they make up turns vertical. */
export function stackVertically(scene: Scene): RuleResult {
  const rule = 'stack-vertically';
  const m = STACK.exec(scene.u.text);
  if (!m) return null;
  const found = findElements(scene, m[1].replace(/^all\s+/i, ''));
  // "the buttons" among several: every one of that type is meant.
  const all = found.ok ? found.value : plural(scene, m[1]);
  if (!all) return found.ok ? null : ask(rule, found.text);
  const parents = new Set(all.map((n) => n.parent));
  const row = all[0].parent ? scene.model.nodes.get(all[0].parent) : undefined;
  if (parents.size !== 1 || !row || row.props.direction !== 'horizontal')
    return ask(
      rule,
      `${all.map(describeNode).join(', ')} are not side by side in one row, so there is no row to stack. Say where each should go ("move … below …").`
    );
  const others = childrenOf(scene.model, row.id).filter((id) => !all.some((n) => n.id === id));
  if (others.length)
    return ask(
      rule,
      `The row ${describeNode(row)} also holds ${others.map((id) => describeNode(scene.model.nodes.get(id)!)).join(', ')}; should those go one under the other too? Name every element of the row ("put the … and … underneath each other").`
    );
  return {
    kind: 'batch',
    rule,
    ops: [{ op: 'setProp', id: row.id, name: 'direction', value: 'vertical' }],
    summary: `Stack ${all.map(describeNode).join(', ')} one under the other: ${describeNode(row)} turns vertical`
  };
}

/** "the buttons": every element of that type, when a plural names a type. */
function plural(scene: Scene, said: string): NodeRecord[] | null {
  const m = /^(?:the\s+|all\s+(?:the\s+)?)?(button|field|checkbox|text|badge|link|input)s$/i.exec(
    said.trim()
  );
  if (!m) return null;
  const type = {
    button: 'Button',
    field: 'TextInput',
    input: 'TextInput',
    checkbox: 'Checkbox',
    text: 'Text',
    badge: 'Badge',
    link: 'Link'
  }[m[1].toLowerCase()]!;
  const nodes = [...scene.model.nodes.values()].filter((n) => n.type === type);
  return nodes.length > 1 ? nodes : null;
}
