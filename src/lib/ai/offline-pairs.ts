/**
 * Two things said of one element in one breath (issue 15), rewritten as the two instructions
 * the rules read: two looks joined by "and" ("make the send button big and the whole width"),
 * a look wished with a place ("reset should be red and go on the right side"), and an order said
 * as "email first, then name" (a move above). Each rewrite needs the words to name exactly one
 * element and every look to be one the style rules know; otherwise the request is left as said,
 * for the rules to read or ask about. Pure.
 */
import { childrenOf } from '../model/types';
import type { Draft } from './offline-draft';
import { findElement } from './offline-refs';
import { isStyleWord } from './offline-style';

const scene = (d: Draft) => ({ model: d.model, selection: null, u: d });

/** "big", "a bit bigger", "full width": a look the style rules read. */
function isLook(said: string): boolean {
  const words = said.replace(/^(?:a\s+(?:bit|little|lot)\s+|slightly\s+|much\s+)/i, '');
  return isStyleWord(words) || words.split(/\s+/).every((w) => isStyleWord(w));
}

/** "make the send button big and full width": one element, two looks. */
function twoLooks(d: Draft): void {
  const text = d.text
    .replace(/\b(?:the\s+)?(?:whole|full|entire)\s+width\b/gi, 'full width')
    .replace(
      /^(?!make\s|set\s|change\s|add\s|put\s|move\s|remove\s|delete\s)(?=the\s|\w+\s+button\b)/i,
      'make '
    );
  const m = /^make\s+(.+)\s+and\s+(.+)$/i.exec(text);
  // "bigger and centred": a look with an alignment is the style rules' own reading.
  if (!m || !isLook(m[2]) || /\b(?:cent(?:er|re)(?:e?d)?|middle|aligned|left|right)\b/i.test(m[0]))
    return;
  const words = m[1].split(/\s+/);
  // The look before "and" is the last words before it; the rest must name one element.
  for (let k = words.length - 1; k >= 1; k--) {
    const [ref, look] = [words.slice(0, k).join(' '), words.slice(k).join(' ')];
    if (!isLook(look)) continue;
    const found = findElement(scene(d), ref);
    if (!found.ok) return;
    d.text = `make ${found.value.id} ${look}; make ${found.value.id} ${m[2]}`;
    return;
  }
}

/**
 * "reset should be red and go on the right side": the look, then the side of the row the element
 * sits in. Only an element in a row of several: elsewhere "the right side" is an alignment the
 * request does not make clear.
 */
function lookAndSide(d: Draft): void {
  const m =
    /^(?:the\s+)?(.+?)\s+(?:should|must|needs? to|has to)\s+be\s+(.+?)\s+and\s+(?:go|move|sit|be)\s+(?:on|to|at)\s+the\s+(?:far\s+)?(right|left)(?:[\s-]+(?:hand\s+)?(?:side|end))?$/i.exec(
      d.text
    );
  if (!m || !isLook(m[2])) return;
  const found = findElement(scene(d), m[1]);
  if (!found.ok || !found.value.parent) return;
  const row = d.model.nodes.get(found.value.parent);
  if (row?.props.direction !== 'horizontal' || childrenOf(d.model, row.id).length < 2) return;
  const id = found.value.id;
  d.text = `make ${id} ${m[2]}; move ${id} to the ${m[3].toLowerCase()} end of its row`;
}

/** "email first, then name": the first named goes before the second, when they share a parent. */
function firstThen(d: Draft): void {
  const m =
    /^(?:put\s+|have\s+)?(?:the\s+)?(.+?)\s+(?:first|on top)\s*,?\s+(?:and\s+)?then\s+(?:the\s+)?(.+?)(?:\s+(?:after|below|under) (?:it|that))?$/i.exec(
      d.text
    );
  if (!m) return;
  const [a, b] = [findElement(scene(d), m[1]), findElement(scene(d), m[2])];
  if (!a.ok || !b.ok || a.value.id === b.value.id || a.value.parent !== b.value.parent) return;
  // In a row, first is left of the other ("before"); in a column, above it.
  const row = d.model.nodes.get(a.value.parent ?? '')?.props.direction === 'horizontal';
  d.text = `move ${a.value.id} ${row ? 'before' : 'above'} ${b.value.id}`;
}

/** Both forms, on the whole request (each needs it to be one instruction about one element). */
export function pairs(d: Draft): void {
  lookAndSide(d);
  firstThen(d);
  twoLooks(d);
}
