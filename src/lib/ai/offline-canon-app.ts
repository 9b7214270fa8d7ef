/**
 * The rewrites of the normalisation stage (offline-canon.ts) that look at the app first: a form
 * is rewritten only when the app settles what it means. "the card heading" is the card's title
 * when the card has no heading; "the placeholder" is the one input that has one; "Welcome heading
 * at the top" and "big heading: Hello" add one when the app has none to name. When the app does
 * not settle it, the words stay as said, for the rules to read or ask about. Pure.
 */
import { childrenOf } from '../model/types';
import { quote, type Draft } from './offline-draft';
import { findElement, findElements } from './offline-refs';
import { isStyleWord } from './offline-style';
import { namesOf, otherNames } from './offline-names';
import type { NodeRecord } from '../model/types';

const scene = (d: Draft) => ({ model: d.model, selection: null, u: d });

// Types a new text goes on, as the add rule names them.
const TEXT_TYPE = '(heading|title|text|paragraph|label)';
const SIZE = '(?:(big|large|huge|small|little|bold)\\s+)?';

/**
 * "change the card heading to …" when the card shows no heading but has a title: its heading is
 * its title. With a heading inside the card, "the card heading" is that heading, and stays.
 */
function cardHeading(d: Draft): void {
  if (!/\bthe card(?:'s)? heading\b/i.test(d.text)) return;
  if (findElement(scene(d), 'the card heading').ok) return;
  const cards = [...d.model.nodes.values()].filter((n) => n.type === 'Card');
  if (cards.length !== 1 || typeof cards[0].props.title !== 'string') return;
  // A heading anywhere inside the card (the counter's number) could be meant: left to ask.
  const inside = (id: string): boolean =>
    childrenOf(d.model, id).some(
      (kid) => d.model.nodes.get(kid)?.type === 'Heading' || inside(kid)
    );
  if (inside(cards[0].id)) return;
  d.text = d.text.replace(/\bthe card(?:'s)? heading\b/gi, 'the card title');
}

/**
 * "change the placeholder to Add a grocery": the placeholder of the one element that shows one.
 * With two or more, which one is a question the refs ask, so the words stay.
 */
function thePlaceholder(d: Draft): void {
  const at = /\bthe placeholder\b(?!\s+(?:of|for|on|in|text of)\b)/i;
  if (!at.test(d.text)) return;
  const holders = [...d.model.nodes.values()].filter(
    (n) => typeof n.props.placeholder === 'string' && n.props.placeholder !== ''
  );
  if (holders.length !== 1) return;
  d.text = d.text.replace(at, `the placeholder of ${holders[0].id}`);
}

/**
 * "make the email placeholder you@example.com": a new text that cannot be a look (a quote, an
 * address with "@", a link) is the text, said without "to".
 */
function makeText(d: Draft): void {
  const m =
    /^make\s+(the\s+.+?\s+(?:placeholder|label|title|caption))\s+(⟦\d+⟧|\S+@\S+|https?:\/\/\S+)$/i.exec(
      d.text
    );
  if (m) d.text = `change ${m[1]} to ${m[2]}`;
}

/**
 * "Welcome heading at the top", "big heading: Hello world": a text with its type and no verb is
 * a new element, when the app has no element of that type to mean (else "heading: Hi" is a new
 * text for the one it has, which offline-terse.ts reads).
 */
function newText(d: Draft): void {
  const colon = new RegExp(`^${SIZE}${TEXT_TYPE}\\s*:\\s*(.+)$`, 'i').exec(d.text);
  const named = new RegExp(
    `^((?:[A-Z][\\w'’!-]*\\s+){1,3})${TEXT_TYPE}((?:\\s+(?:at|above|below|under|after|before|inside)\\s+.+)?)$`
  ).exec(d.text);
  if (colon) {
    const [, size, type, text] = colon;
    // A size is left for the rules: how big "big" is for a heading is theirs to say.
    if (size || findElements(scene(d), `the ${type}`).ok) return;
    d.text = `add a ${type.toLowerCase()} saying ${quote(d, text, true)}`;
  } else if (named) {
    const [, text, type, place] = named;
    // "Reset button at the top" names an element the app has: a move, read elsewhere. "Big
    // heading" is a look, not a text.
    if (text.trim().split(/\s+/).some(isStyleWord)) return;
    if (findElements(scene(d), `the ${type}`).ok || findElement(scene(d), text.trim()).ok) return;
    d.text = `add a ${type} saying ${quote(d, text.trim())}${place}`;
  }
}

/** The words an element answers to: its texts, symbol names, and the fields it is bound to. */
function ownWords(node: NodeRecord): Set<string> {
  const names = [...namesOf(node), ...otherNames(node)];
  for (const v of Object.values(node.props))
    if (v && typeof v === 'object' && typeof (v as { $bind?: unknown }).$bind === 'string')
      names.push(String((v as { $bind: string }).$bind).replace(/([a-z])([A-Z])/g, '$1 $2'));
  return new Set(names.flatMap((n) => n.toLowerCase().split(/[^a-z0-9]+/)).filter(Boolean));
}

/**
 * "get rid of the newsletter thing", "the send bit": a vague word for the type, when the words
 * before it are all words of exactly one element (its text, or the field it is bound to).
 * Several, or none, stay as said. "the email one" is left: "one" often stands for a type said
 * just before ("the name field … the email one"), which offline-normal.ts reads.
 */
function vagueKind(d: Draft): void {
  d.text = d.text.replace(
    /\bthe\s+((?:[a-z]+\s+){0,2}[a-z]+)\s+(?:thing|thingy|bit|part|option|element|widget|control)\b/gi,
    (said: string, words: string) => {
      const wanted = words.toLowerCase().split(/\s+/);
      const named = [...d.model.nodes.values()].filter((node) => {
        const own = ownWords(node);
        return wanted.every((w) => own.has(w));
      });
      return named.length === 1 ? named[0].id : said;
    }
  );
}

/**
 * "the title of the form", "the form's heading", "the whole form": in an app whose one card holds
 * the form and no heading of its own, the card's title, and the card.
 */
function theForm(d: Draft): void {
  if (!/\bform\b/i.test(d.text)) return;
  const cards = [...d.model.nodes.values()].filter((n) => n.type === 'Card');
  const headings = [...d.model.nodes.values()].filter((n) => n.type === 'Heading');
  if (cards.length !== 1 || headings.length > 0 || typeof cards[0].props.title !== 'string') return;
  d.text = d.text
    .replace(
      /\bthe\s+(?:(?:title|heading|name)\s+of\s+the\s+form|form'?s?\s+(?:title|heading|name)|form\s+(?:title|heading))\b/gi,
      'the card title'
    )
    .replace(/\bthe\s+(?:whole|entire)\s+form\b/gi, cards[0].id);
}

// What a person does with an element, and the types that take it.
const DOING: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^(?:type|write|enter|put|fill in|input)$/i, ['TextInput', 'TextArea']],
  [/^(?:tick|check|untick|uncheck)$/i, ['Checkbox', 'Toggle']],
  [/^(?:slide|drag)$/i, ['Slider']],
  [/^(?:pick|choose|select)$/i, ['Select']]
];

/**
 * "the box where you type", "the field you write the task in", "the thing you tick": an element
 * named by what a person does with it. Only when exactly one element of those types fits (its
 * own words include a noun said after the verb, when one is): several, or none, stay as said.
 */
function byUse(d: Draft): void {
  // "the typing box", "the typing area": the box where you type.
  d.text = d.text.replace(
    /\bthe typing (?:box|field|area|bit|space)\b/gi,
    'the box where you type'
  );
  d.text = d.text.replace(
    /\bthe\s+(?:(?:box|field|bit|thing|thingy|area|place|space|spot|one))\s+(?:where|that|which|in which|you|i|we)\s+(?:(?:you|i|we|people|users|someone)\s+)?(?:can\s+|have to\s+|need to\s+)?(type|write|enter|put|fill in|input|tick|check|untick|uncheck|slide|drag|pick|choose|select)(?:\s+(?:in|into|on|stuff|things|text|something|from))*(?:\s+(?:the|a|an|your|my)\s+([a-z]+))?(?:\s+(?:in|into|on|from))?\b/gi,
    (said: string, verb: string, noun: string | undefined) => {
      const types = DOING.find(([re]) => re.test(verb))?.[1] ?? [];
      const named = [...d.model.nodes.values()].filter(
        (node) =>
          types.includes(node.type) &&
          (!noun ||
            ownWords(node).has(noun.toLowerCase().replace(/s$/, '')) ||
            ownWords(node).has(noun.toLowerCase()))
      );
      if (named.length === 1) return named[0].id;
      // "the field you type the task in" when the app has one field: the words say what goes in.
      const only = [...d.model.nodes.values()].filter((node) => types.includes(node.type));
      return noun && named.length === 0 && only.length === 1 ? only[0].id : said;
    }
  );
}

/**
 * "bigger send button please", "red clear done button": a look before the element, with no
 * verb, when the rest names one element. With an article ("a red button") it asks for a new one.
 */
function lookFirst(d: Draft): void {
  const m =
    /^([a-z]+)\s+((?:[^\s⟦]+\s+){0,3}(?:button|heading|title|text|card|checkbox|badge|link|slider|field|box))$/i.exec(
      d.text
    );
  // "centre the heading": a verb before a named element is a request the rules read as said.
  if (!m || !isStyleWord(m[1]) || /^(?:the|this|that|my|our|all|every|each|both)\s/i.test(m[2]))
    return;
  const ref = `the ${m[2]}`;
  if (findElement(scene(d), ref).ok) d.text = `make ${ref} ${m[1].toLowerCase()}`;
}

/** The rewrites that read the app, in order. */
export function canonForApp(d: Draft): void {
  theForm(d);
  byUse(d);
  vagueKind(d);
  lookFirst(d);
  cardHeading(d);
  thePlaceholder(d);
  makeText(d);
  newText(d);
}
