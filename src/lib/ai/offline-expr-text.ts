/**
 * The words around a number a text computes (issue 15): "instead of '1 left' it should say '1
 * orders waiting'", "change '3 left' to '3 to go'". The old text as it shows now, with its
 * number, names the one element whose text expression holds those words as a literal (" left"
 * in `… + ' left'`); the new text must keep the same number in the same place, and only the
 * literal words change. Anything else (no such element, two of them, a different number) is not
 * this rule's, for the text rules to read or ask about. Pure.
 */
import type { Op } from '../model/types';
import type { Scene } from './offline-refs';
import { describeNode } from './offline-refs';
import type { RuleResult } from './offline-turn';

const SAID =
  /^(?:instead of\s+⟦(\d+)⟧\s*,?\s*(?:it\s+|that\s+)?(?:should\s+)?(?:say|show|read|be|write)s?\s+⟦(\d+)⟧|(?:change|replace|make)\s+⟦(\d+)⟧\s+(?:to|into|with|say)\s+⟦(\d+)⟧)$/i;

/** "1 left" → the number and the words after it. */
function parts(text: string): { n: string; words: string } | null {
  const m = /^(-?\d+(?:\.\d+)?)\s+(\S.*)$/.exec(text.trim());
  return m ? { n: m[1], words: m[2] } : null;
}

/** The literal words of a computed text changed, the number it computes kept. */
export function expressionText(scene: Scene): RuleResult {
  const m = SAID.exec(scene.u.text);
  if (!m) return null;
  const [from, to] = [m[1] ?? m[3], m[2] ?? m[4]].map((i) => scene.u.quotes[Number(i)]);
  const [a, b] = [parts(from ?? ''), parts(to ?? '')];
  if (!a || !b || a.n !== b.n) return null;
  const literal = (words: string) => [`' ${words}'`, `" ${words}"`];
  const holders = [...scene.model.nodes.values()].filter((n) => {
    const text = n.props.text as { $expr?: unknown } | undefined;
    const expr = text?.$expr;
    return typeof expr === 'string' && literal(a.words).some((l) => expr.includes(l));
  });
  if (holders.length !== 1) return null;
  const node = holders[0];
  const expr = (node.props.text as { $expr: string }).$expr;
  const quote = expr.includes(`' ${a.words}'`) ? "'" : '"';
  // The new words stay a string literal whatever they hold: backslashes and the quote escaped.
  const escaped = b.words.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
  const next = expr.replace(`${quote} ${a.words}${quote}`, `${quote} ${escaped}${quote}`);
  const op: Op = { op: 'setProp', id: node.id, name: 'text', value: { $expr: next } };
  return {
    kind: 'batch',
    rule: 'change-text',
    ops: [op],
    summary: `Make ${describeNode(node)} say "${b.n} ${b.words}" where it said "${a.n} ${a.words}" (the number is still computed)`
  };
}
