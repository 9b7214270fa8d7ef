/**
 * "minus should say -1 and plus +1": a text change whose words after "and" name another element
 * and what it should say, the verb left out. Read as two changes, not one text run together
 * ("-1 and plus +1" on the minus button). The words after "and" count as another element only
 * when they name one that is not the first; "Salt and pepper" stays one text. Pure.
 */
import type { NodeRecord } from '../model/types';
import { findElement, type Scene } from './offline-refs';
import { literal } from './offline-text';
import { isStyleWord } from './offline-style';

/** The first element's own text, and the other element and its text. */
export interface AlsoText {
  readonly head: string;
  readonly node: NodeRecord;
  readonly text: string;
}

const SAME_OR_LOOK =
  /^(?:too|also|as well|aswell|again|the same|likewise|(?:a (?:bit|little) )?\w+er|bold|italic|red|green|blue|bigger|smaller)$/i;
const AND = /\s+and\s+(?:also\s+)?(?:the\s+|make\s+the\s+|have\s+the\s+)?/i;
const SAYS =
  /^(?:should\s+|to\s+|can\s+|must\s+)?(?:say|says|read|reads|show|shows|be|become|as|to|:|→|->|=)\s+/i;

/**
 * The second change in a text's words (`piece`, canonical, quotes as ⟦n⟧), or null when the words
 * are one text; a string is the question to ask (an element named, but no text for it).
 */
export function alsoText(scene: Scene, piece: string, first: NodeRecord): AlsoText | string | null {
  const and = AND.exec(piece);
  // ", and …" starts another clause: the planner's guard for a comma asks about it.
  if (!and || /,\s*$/.test(piece.slice(0, and.index))) return null;
  const head = piece.slice(0, and.index).trim();
  const words = piece
    .slice(and.index + and[0].length)
    .split(/\s+/)
    .filter(Boolean);
  for (let k = Math.min(3, words.length); k >= 1; k--) {
    const ref = words.slice(0, k).join(' ');
    const found = findElement(scene, ref);
    if (!found.ok || found.value.id === first.id) continue;
    const text = words.slice(k).join(' ').replace(SAYS, '').trim();
    // "… and the heading too", "… and the list shorter": the same text again, or a look, is
    // not a text of its own.
    if (!head || !text || SAME_OR_LOOK.test(text) || isStyleWord(text))
      return `I read "${literal(scene.u, ref)}" after "and" as another element, but not a text for it, so I have changed nothing. Say each: "… should say A and ${literal(scene.u, ref)} should say B".`;
    return { head, node: found.value, text };
  }
  return null;
}
