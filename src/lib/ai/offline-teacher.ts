/**
 * Wordy ways of asking (issue 15), rewritten into the grammar's phrasing before the rules read
 * them: a new text followed by "instead" ("labelled 'Full name' instead"), a part of an element
 * said after a place ("In the Email box, the example text should read …"), a height in lines
 * ("three lines high instead of five"), an order said after a layout ("side by side, with the
 * checkbox first"), a removal said with "completely", and an element named by where it is shown
 * ("the number shown in the middle"). Each rewrite needs its words to name the elements exactly;
 * otherwise the request is left as said. Pure.
 */
import { childrenOf, type NodeRecord } from '../model/types';
import type { Draft } from './offline-draft';
import { findElement, leadingType, readingOrder } from './offline-refs';

const scene = (d: Draft) => ({ model: d.model, selection: null, u: d });

function named(d: Draft, phrase: string): NodeRecord | null {
  const found = findElement(scene(d), phrase);
  return found.ok ? found.value : null;
}

const NUMBER: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10
};

/**
 * "labelled ⟦0⟧ instead, and …": the new text, with "instead" (of the old one) said after it,
 * before another instruction (at the very end, the rules read "instead" themselves).
 */
function quotedInstead(d: Draft): void {
  d.text = d.text.replace(/(⟦\d+⟧)\s+instead\b(?=\s*,|\s+and\b)/gi, '$1');
}

/** "In the Email box, the example text should read …": the part of the element named first. */
function partAfterPlace(d: Draft): void {
  const m =
    /^(?:in|on|for)\s+(the\s+[^,]+?),\s+the\s+((?:grey\s+|gray\s+)?(?:example\s+text|placeholder|hint|label|title|caption))\s+(.+)$/i.exec(
      d.text
    );
  if (!m || !named(d, m[1])) return;
  // "example text" is the grammar's placeholder; "grey" says only how a placeholder looks.
  const part = /example|placeholder|hint/i.test(m[2]) ? 'placeholder' : m[2];
  d.text = `${m[1]}'s ${part} ${m[3]}`;
}

/** "make it three lines high instead of five": a height in lines is a number of rows. */
function linesHigh(d: Draft): void {
  d.text = d.text.replace(
    /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+lines?\s+(?:high|tall|deep)(?:\s+instead\s+of\s+(?:\d+|\w+))?/gi,
    (_, n: string) => `${NUMBER[n.toLowerCase()] ?? n} rows`
  );
}

/**
 * "put the Send button and the checkbox side by side on one line, with the checkbox first": the
 * one said first goes first, when it is one of the two.
 */
function layoutOrder(d: Draft): void {
  const m =
    /^(put|place|move)\s+(.+?)\s+and\s+(.+?)\s+(side by side|next to each other|in a row)(?:\s+on\s+one\s+line)?,?\s+with\s+(the\s+.+?)\s+(first|last|on the left|on the right)$/i.exec(
      d.text
    );
  if (!m) return;
  const [a, b, lead] = [named(d, m[2]), named(d, m[3]), named(d, m[5])];
  if (!a || !b || !lead || a === b || (lead !== a && lead !== b)) return;
  // Said as "put X to the left of Y", whose row keeps that order (a plain pair keeps the app's).
  const other = lead === a ? m[3] : m[2];
  const side = /first|left/i.test(m[6]) ? 'left' : 'right';
  d.text = `${m[1]} ${m[5]} to the ${side} of ${other}`;
}

/** "remove the email box completely": the removal, without the word that says it is whole. */
function wholeRemoval(d: Draft): void {
  d.text = d.text.replace(
    /^((?:remove|delete)\s+.+?)\s+(?:completely|entirely|altogether|for good)(?=\s*(?:[;,]|$))/i,
    '$1'
  );
}

/**
 * "the number shown in the middle", "the count displayed at the top": an element said with where
 * it is shown, read as that element when the words before name one and it is there.
 */
function shownAt(d: Draft): void {
  d.text = d.text.replace(
    /\b(the\s+\w+(?:\s+\w+)?|[a-z][a-z0-9]{5})\s+(?:that\s+is\s+|which\s+is\s+)?(?:shown|displayed)\s+(in the middle|in the centre|in the center|at the top|at the bottom)\b/gi,
    (said: string, ref: string, where: string) => {
      const node = named(d, ref);
      if (!node || node.parent === null) return said;
      const siblings = childrenOf(d.model, node.parent);
      const at = siblings.indexOf(node.id);
      const there = /top/i.test(where)
        ? at === 0
        : /bottom/i.test(where)
          ? at === siblings.length - 1
          : // In the middle: between others, or centred across its space.
            (at > 0 && at < siblings.length - 1) || node.props.align === 'center';
      return there ? `the element ${node.id}` : said;
    }
  );
}

/** The element that shows a quoted text, when exactly one does. */
function showing(d: Draft, marker: string): NodeRecord | null {
  const text = d.quotes[Number(/\d+/.exec(marker)?.[0])]?.toLowerCase();
  if (text === undefined) return null;
  const hits = readingOrder(d.model).filter((n) =>
    Object.values(n.props).some((v) => typeof v === 'string' && v.toLowerCase() === text)
  );
  return hits.length === 1 ? hits[0] : null;
}

/**
 * "change the card's title from 'Counter' to 'Points'": the old text said too. It is dropped
 * when it is what the element named shows now; otherwise the request is left as said.
 */
function fromTo(d: Draft): void {
  const m = /^(change|set|update|rename)\s+(.+?)\s+from\s+(⟦\d+⟧)\s+to\s+(⟦\d+⟧)$/i.exec(d.text);
  if (!m) return;
  const old = showing(d, m[3]);
  const element = m[2]
    .replace(/'s\s+(?:title|label|text|placeholder|caption)$/i, '')
    .replace(/^the\s+(?:title|label|text|placeholder|caption)\s+of\s+/i, '');
  if (!old || named(d, element.startsWith('the ') ? element : `the ${element}`) !== old) return;
  d.text = `${m[1]} ${m[2]} to ${m[4]}`;
}

/** "above the row of buttons": the one row that holds only elements of that kind. */
function rowOf(d: Draft): void {
  d.text = d.text.replace(/\bthe\s+row\s+of\s+(\w+)\b/gi, (said: string, kind: string) => {
    const type = leadingType(d.model, kind);
    if (!type || type.rest) return said;
    const rows = readingOrder(d.model).filter((n) => {
      if (n.type !== 'Stack' || n.props.direction !== 'horizontal') return false;
      const kids = childrenOf(d.model, n.id).map((id) => d.model.nodes.get(id)?.type);
      return kids.length > 1 && kids.every((t) => t === type.type);
    });
    return rows.length === 1 ? `the element ${rows[0].id}` : said;
  });
}

/**
 * "above the row rather than below it", "to the left of the box instead of to its right": the
 * place it is in now, said after the new one, says nothing more.
 */
function contrastPlace(d: Draft): void {
  d.text = d.text.replace(
    /,?\s+(?:rather than|instead of|not)\s+(?:to\s+its\s+(?:left|right)|(?:above|below|under|over|underneath|beneath|before|after)\s+(?:it|them))$/i,
    ''
  );
}

/**
 * "add a dropdown below the Email box asking 'How …?' with the choices …": the place said
 * before the label and options goes after them, where the add rules read it.
 */
function placeBeforeLabel(d: Draft): void {
  d.text = d.text.replace(
    /^(add\s+(?:a|an)\s+(?:\w+\s+)?(?:dropdown|select|menu|text field|text box|checkbox|slider|text area))\s+((?:just\s+)?(?:below|above|under|after|before)\s+the\s+[^⟦,]+?)\s+((?:asking|labell?ed|called|titled)\s+⟦\d+⟧.*)$/i,
    '$1 $3 $2'
  );
}

/** Each wordy reading, on the whole request. */
export function teacherWords(d: Draft): void {
  quotedInstead(d);
  partAfterPlace(d);
  linesHigh(d);
  layoutOrder(d);
  wholeRemoval(d);
  shownAt(d);
  fromTo(d);
  rowOf(d);
  contrastPlace(d);
  placeBeforeLabel(d);
}
