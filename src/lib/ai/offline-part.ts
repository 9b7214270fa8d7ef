/**
 * A request about one element must not change another (issue 15): "make the title bigger" with
 * a card selected names the card's title, a part of the card, so a look that would land on the
 * card itself (its padding, its background) is a question instead. Pure.
 */
import type { NodeRecord } from '../model/types';
import { describeNode } from './offline-refs';

// Words for a part of an element that shows text, not for the element around it.
const PART = /\b(title|heading|header|caption|label)$/i;

// Elements whose own look is their box: a look said of their title would change the box.
const BOXES = new Set(['Card', 'Stack', 'Grid']);

/**
 * The question to ask when `ref` names a text part ("the title") and resolved to the box that
 * holds it; null when the words name the element itself ("the card", "the card's title" of a
 * heading).
 */
export function partQuestion(ref: string, node: NodeRecord, word: string): string | null {
  const part = PART.exec(ref.trim().replace(/'s$/i, ''));
  if (!part || !BOXES.has(node.type)) return null;
  return `"${ref.trim()}" is the ${part[1].toLowerCase()} of ${describeNode(node)}, and making it ${word.toLowerCase()} offline would change the whole ${node.type.toLowerCase()} instead (its padding or its colours), not its ${part[1].toLowerCase()}. I have changed nothing. Say "make ${describeNode(node)} ${word.toLowerCase()}" if you mean the whole ${node.type.toLowerCase()}.`;
}
