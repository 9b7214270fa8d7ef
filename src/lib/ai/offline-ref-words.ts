/**
 * Elements named the way people point at them (issue 15), rewritten into names the rules read:
 * "the typing box + add button" (two elements joined by "+"), "the heading on the card" (the
 * card's own title, when it holds no heading), "buttons one under the other" (a layout said with
 * no verb), "plus should stop working when it reaches 30" (a limit on the number the button
 * steps), "put the delete as just an X" (a shorter label). Each rewrite needs its words to name
 * the elements exactly; otherwise the request is left as said. Pure.
 */
import { childrenOf, rootComponent } from '../model/types';
import type { Draft } from './offline-draft';
import { findElement, findElements } from './offline-refs';
import { pickList } from './offline-list-shape';

const scene = (d: Draft) => ({ model: d.model, selection: null, u: d });

/** "move the typing box + add button under the list": "+" between two elements is "and". */
function plusAnd(d: Draft): void {
  const m =
    /^(move|put|place|remove|delete)\s+(.+?)\s+\+\s+(.+?)\s+((?:under|below|above|to|at|into|next to)\b.*)?$/i.exec(
      d.text
    );
  if (!m) return;
  const second = /^the\s/i.test(m[3]) ? m[3] : `the ${m[3]}`;
  if (!findElement(scene(d), m[2]).ok || !findElement(scene(d), second).ok) return;
  d.text = `${m[1]} ${m[2]} and ${second}${m[4] ? ` ${m[4]}` : ''}`;
}

/** "the heading on the card": the card's title, when the card holds no heading of its own. */
function cardHeading(d: Draft): void {
  d.text = d.text.replace(
    /\bthe\s+(?:heading|title|header)\s+(?:on|of|in|at the top of)\s+(the\s+\w+)\b/gi,
    (said: string, ref: string) => {
      const found = findElement(scene(d), ref);
      if (!found.ok || found.value.type !== 'Card' || typeof found.value.props.title !== 'string')
        return said;
      const inside = (id: string): boolean =>
        childrenOf(d.model, id).some((c) => d.model.nodes.get(c)?.type === 'Heading' || inside(c));
      return inside(found.value.id) ? said : `the title of ${found.value.id}`;
    }
  );
}

/** "buttons one under the other", "the inputs side by side": a layout with no verb. */
function layoutNoVerb(d: Draft): void {
  d.text = d.text.replace(
    /^(?:the\s+)?(\w+s)\s+(one (?:under|below|above) the other|stacked|on top of each other)(?=\s*(?:,|$))/i,
    (said: string, things: string, how: string) =>
      findElements(scene(d), `the ${things}`).ok ? `put the ${things} ${how}` : said
  );
}

/**
 * "plus should stop working when it reaches 30", "the minus button must stop at 0": the number
 * the button steps keeps within that bound (above for a button that adds, below for one that
 * takes away).
 */
function stopAt(d: Draft): void {
  const m =
    /^(?:the\s+)?(.+?)\s+(?:should|must|has to|needs? to)\s+stop(?:\s+working)?\s+(?:when\s+(?:it|the count|we|you|the number)\s+(?:reach(?:es)?|gets? to|hits?)|at)\s+(-?\d+)$/i.exec(
      d.text
    );
  if (!m) return;
  const found = findElement(scene(d), m[1]);
  const handler = found.ok
    ? (found.value.props.onClick as { $handler?: string } | undefined)
    : undefined;
  const body = handler?.$handler
    ? rootComponent(d.model)?.handlers[handler.$handler]?.body
    : undefined;
  const step = body ? /^\s*state\.(\w+)\s*([-+])=\s*[^;]+;?\s*$/.exec(body) : null;
  if (!step) return;
  d.text = `don't let ${step[1]} go ${step[2] === '+' ? 'above' : 'below'} ${m[2]}`;
}

/** "put the delete as just an X": a one-character label for the element. */
function asJust(d: Draft): void {
  const m = /^(?:put|show|make|have|write)\s+(the\s+.+?)\s+as\s+(?:just\s+)?(?:an?\s+)?(\S)$/i.exec(
    d.text
  );
  if (!m) return;
  const found = findElement(scene(d), m[1]);
  if (found.ok) d.text = `change ${found.value.id} to ${m[2]}`;
}

/**
 * "the text of the tasks", "the names of the orders": the one element in the list's rows that
 * shows each item's text (a checkbox's label, a row's text), named by its id.
 */
function rowText(d: Draft): void {
  d.text = d.text.replace(
    /\bthe\s+(?:text|words|writing|names?|titles?|labels?)\s+(?:of|on|in)\s+(?:the\s+|my\s+|our\s+|all\s+the\s+)?([a-z]+s)\b/gi,
    (said: string, noun: string) => {
      const picked = pickList(scene(d), noun);
      if (!picked || !('list' in picked) || !picked.list.text) return said;
      const { each, as, text } = picked.list;
      const shows = new RegExp(`^${as}\\.${text}$`);
      const inRow = (id: string): string[] =>
        childrenOf(d.model, id).flatMap((c) => {
          const node = d.model.nodes.get(c);
          if (!node) return [];
          const own = ['label', 'text'].some((k) => {
            const v = node.props[k];
            return (
              v !== null &&
              typeof v === 'object' &&
              shows.test(String((v as { $expr?: unknown }).$expr))
            );
          });
          return [...(own ? [c] : []), ...inRow(c)];
        });
      const found = inRow(each.id);
      return found.length === 1 ? found[0] : said;
    }
  );
}

/**
 * "next to the left count": "left" names the text ("3 left"), it is no side; "the 'left'
 * counter": a text that shows a count, when no element is a counter of that name.
 */
function countTexts(d: Draft): void {
  d.text = d.text
    .replace(/\bnext to\s+(?=the\s+(?:left|right)\s+(?!side\b|end\b|hand\b|of\b)\w)/gi, 'after ')
    .replace(/\bthe\s+(⟦\d+⟧|\w+)\s+counter\b/gi, (said: string, name: string) =>
      !findElement(scene(d), said).ok && findElement(scene(d), `the ${name} text`).ok
        ? `the ${name} text`
        : said
    );
}

/**
 * "the 'left' text and Clear done, put those at the top under the title": two elements named
 * first, then moved with "those"; a place after "at the top" is the one that says where.
 */
function thoseFirst(d: Draft): void {
  const m =
    /^(the\s+.+?)\s+and\s+(?:the\s+)?(.+?)\s*,\s*(?:put|move|place)\s+(?:those|them|both|these)(?:\s+two)?\s+(?:at the (?:top|bottom)\s+)?((?:under|below|above|after|before)\s+.+)$/i.exec(
      d.text
    );
  if (!m) return;
  const second = `the ${m[2]}`;
  if (!findElement(scene(d), m[1]).ok || !findElement(scene(d), second).ok) return;
  d.text = `move ${m[1]} and ${second} ${m[3]}`;
}

/** Each way of pointing, on the whole request. */
export function refWords(d: Draft): void {
  plusAnd(d);
  cardHeading(d);
  layoutNoVerb(d);
  stopAt(d);
  asJust(d);
  rowText(d);
  countTexts(d);
  thoseFirst(d);
}
