/**
 * Requests typed on a phone (issue 15), rewritten into the grammar's phrasing before the rules
 * read them: fragments with no verb ("msg box char count", "default msg Hi there", "step slider
 * max 50", "email box first", "clear all button", "small heading Bikes in above the list"), "+"
 * between two elements ("name + email side by side"), places with no article ("to top above
 * list"), the items of the app's one list named in the singular ("add price field to each job",
 * "each job needs customer name") and a bare "title → X" when the app shows one title.
 *
 * Each rewrite reads a fragment only when its words name exactly what the rewrite needs (one
 * input, one slider, one list, a text no element shows yet); otherwise the request is left as
 * said, for the rules to read or ask about. New text is quoted, so it is never read as grammar.
 * Pure.
 */
import type { NodeRecord } from '../model/types';
import { childrenOf } from '../model/types';
import { quote, type Draft } from './offline-draft';
import { findElement, leadingType, readingOrder } from './offline-refs';
import { pickList } from './offline-list-shape';

const scene = (d: Draft) => ({ model: d.model, selection: null, u: d });

/** The one element a phrase names, said with or without "the". */
function named(d: Draft, phrase: string): NodeRecord | null {
  const said = /^(?:the|my|this)\s/i.test(phrase) ? phrase : `the ${phrase}`;
  const found = findElement(scene(d), said);
  return found.ok ? found.value : null;
}

const TYPING = new Set(['TextInput', 'TextArea']);

// A request that starts with a verb and its object, or asks something, is not a fragment;
// "name box default Sam" starts with a name.
const STARTS_VERB =
  /^(?:(?:add|insert|create|put|place|make|change|set|update|edit|rename|replace|remove|delete|move|turn|let|give|hide|show|sort|filter|clear|keep|align|cent(?:er|re)|swap|call|name|label|start|only)\s+(?:the|a|an|it|this|that|my|all|every|each|some|me|us|to)\b|(?:i|we|you|can|could|please|don'?t|do|how|what|which|when|where|why|who|is|are)\b)/i;

/** "name + email side by side": "+" between two elements laid out together is "and". */
function plusLayout(d: Draft): void {
  const m =
    /^(?:(put|place|move)\s+)?(.+?)\s+\+\s+(.+?)\s+(side by side|next to each other|in a row|on one line)$/i.exec(
      d.text
    );
  if (!m || !named(d, m[2]) || !named(d, m[3])) return;
  d.text = `put ${m[2]} and ${m[3]} ${m[4]}`;
}

/** "msg box char count", "notes word counter": a counter for one typing box, said with no verb. */
function counterFragment(d: Draft): void {
  const m = /^(?:the\s+)?(.+?)\s+(character|letter|word)\s+count(?:er)?$/i.exec(d.text);
  if (!m || STARTS_VERB.test(m[1])) return;
  const box = named(d, m[1]);
  if (!box || !TYPING.has(box.type)) return;
  d.text = `add a ${m[2] === 'word' ? 'word' : 'character'} counter for ${box.id}`;
}

/**
 * "default msg Hi my bike needs", "name box default Sam": the words after the first ones that
 * name one typing box are what it starts with. The shortest such name is taken; a request whose
 * next words would name the box too ("default message box hello") takes the longer one.
 */
function defaultFragment(d: Draft): void {
  const lead = /^default\s+(?:value\s+|text\s+)?(?:of\s+|for\s+)?(.+)$/i.exec(d.text);
  const tail = /^(?:the\s+)?(.+?)\s+default(?:s)?\s+(?:to\s+|=\s*|:\s*)?(.+)$/i.exec(d.text);
  if (tail && !STARTS_VERB.test(tail[1])) {
    const box = named(d, tail[1]);
    if (box && TYPING.has(box.type)) {
      d.text = `make ${box.id} default to ${quote(d, tail[2], true)}`;
      return;
    }
  }
  if (!lead) return;
  const words = lead[1].split(/\s+/);
  let found: { box: NodeRecord; at: number } | null = null;
  for (let at = 1; at < words.length; at++) {
    const box = named(d, words.slice(0, at).join(' '));
    if (box && TYPING.has(box.type)) found = { box, at };
    else if (found) break;
  }
  if (!found) return;
  const rest = words
    .slice(found.at)
    .join(' ')
    .replace(/^(?:to|=|:)\s*/i, '');
  if (!rest) return;
  d.text = `make ${found.box.id} default to ${quote(d, rest, true)}`;
}

/** "step slider max 50", "volume slider min 2": a bound of one slider, said with no verb. */
function sliderBound(d: Draft): void {
  const m =
    /^(?:the\s+)?(.+?)\s+(max|min|maximum|minimum)\s*(?:of\s+|=\s*|:\s*|to\s+)?(\d+)$/i.exec(
      d.text
    );
  if (!m || STARTS_VERB.test(m[1])) return;
  const slider = named(d, m[1]);
  if (!slider || slider.type !== 'Slider') return;
  d.text = `set the ${/^max/i.test(m[2]) ? 'max' : 'min'} of ${slider.id} to ${m[3]}`;
}

/**
 * "email box first", "send button last": one element put first or last among what holds it.
 * Only a whole request, only an element that is not a list (whose "first" may mean its order),
 * and only when it is not there already.
 */
function firstLast(d: Draft): void {
  const m = /^(?:the\s+)?(.+?)\s+(first|last)$/i.exec(d.text);
  if (!m || STARTS_VERB.test(m[1]) || /\b(?:newest|oldest|done|finished|unfinished)\b/i.test(m[1]))
    return;
  const node = named(d, m[1]);
  if (!node || node.parent === null || node.type === 'Each') return;
  const siblings = childrenOf(d.model, node.parent);
  const at = siblings.indexOf(node.id);
  if (at === (/first/i.test(m[2]) ? 0 : siblings.length - 1)) return;
  // Before the first of what holds it, not "to the top": the top of a row's card is elsewhere.
  d.text = /first/i.test(m[2])
    ? `move ${node.id} before ${siblings[0]}`
    : `move ${node.id} after ${siblings[siblings.length - 1]}`;
}

/** "done jobs go to bottom", "the clear button should go to the top": a wish to put it there. */
function goesTo(d: Draft): void {
  d.text = d.text.replace(
    /^(?:the\s+)?(.+?)\s+(?:go|goes|should go|to go|must go|need to go|needs to go)\s+(?:to\s+|at\s+)?(?:the\s+)?(?:very\s+)?(top|bottom)$/i,
    (said: string, what: string, end: string) =>
      // "sort them so finished ones go to the bottom" says more than where they go.
      STARTS_VERB.test(what) || /\b(?:so|that|which|when|if|and|then|sort|order|show)\b/i.test(what)
        ? said
        : `put ${what} at the ${end.toLowerCase()}`
  );
}

/** "to top above list": a place said with no article, and an end made precise by what follows. */
function placeWords(d: Draft): void {
  d.text = d.text
    .replace(/\b(to|at)\s+(top|bottom)\b(?!\s+of\b)/gi, '$1 the $2')
    .replace(
      /\b(above|below|under|over|underneath|beneath|before|after)\s+(list|heading|title|card|form|row|buttons?)$/i,
      '$1 the $2'
    )
    // "to the top, above the list": the top said more exactly by "above the list".
    .replace(/\b(?:to|at)\s+the\s+top,?\s+(?=(?:above|before|over)\s)/i, '')
    .replace(/\b(?:to|at)\s+the\s+bottom,?\s+(?=(?:below|under|underneath|beneath|after)\s)/i, '');
}

/** "add +5 button": an article before a label that starts with a sign or a digit. */
function signArticle(d: Draft): void {
  d.text = d.text.replace(/^add\s+(?=[+\-−]?\d+\s+button\b)/i, 'add a ');
}

// Looks that may come before a new element's type: "small heading …", "red button …".
const LOOK = '(?:(?:big|bigger|large|small|little|tiny|huge|bold|red|green|blue|grey|gray)\\s+)*';
const WHERE = String.raw`(?:(?:right\s+|just\s+)?(?:above|below|under|underneath|beneath|before|after|over)\s+\S.*|(?:at|to)\s+the\s+(?:top|bottom)(?:\s+of\s+.+)?)`;

/**
 * "small heading Bikes in above the list", "button Save at the bottom": a new element with its
 * text and its place, said with no verb. The text must be one no element shows yet (else the
 * words may name it), and the type a word for one.
 */
function newElement(d: Draft): void {
  if (STARTS_VERB.test(d.text)) return;
  const m = new RegExp(
    `^(${LOOK})(\\S+(?:\\s+(?:field|box|area))?)\\s+(.+?)\\s+(${WHERE})$`,
    'i'
  ).exec(d.text);
  if (!m || /⟦/.test(m[3])) return;
  const typed = leadingType(d.model, m[2]);
  // One element, said in the singular: "buttons one under the other" is a layout.
  if (!typed || typed.rest || typed.word !== m[2].toLowerCase()) return;
  if (typed.type === 'Each' || typed.type === 'If') return;
  const text = m[3].toLowerCase();
  const shown = readingOrder(d.model).some((n) =>
    Object.values(n.props).some((v) => typeof v === 'string' && v.toLowerCase() === text)
  );
  if (shown || /\b(?:and|then|but|that|which|who|so)\b/i.test(m[3])) return;
  d.text = `add a ${m[1]}${m[2]} ${quote(d, m[3])} ${m[4]}`;
}

/** "clear all button", "+5 button": a new button said by what it does, with no verb. */
function newButton(d: Draft): void {
  const m =
    /^((?:clear|empty|delete|remove|reset|sort|mark|check|uncheck|untick|tick)\s+all|[+\-−]\s?\d+)\s+button$/i.exec(
      d.text
    );
  if (!m || named(d, d.text)) return;
  d.text = `add a ${m[1]} button`;
}

/**
 * "add price field to each job", "each job needs customer name": a singular word for the items of
 * the app's one list, said as the plural that names the list.
 */
function eachItem(d: Draft): void {
  const plural = (word: string): string | null => {
    const many = /(?:s|x|ch|sh)$/i.test(word) ? `${word}es` : `${word}s`;
    const picked = pickList(scene(d), many);
    return picked && 'list' in picked ? many : null;
  };
  const needs =
    /^(?:each|every)\s+([a-z]+)\s+(?:needs|should have|must have|has to have|wants|gets)\s+(?:a\s+|an\s+)?(?:field\s+(?:for\s+)?)?([a-z][a-z ]{0,30}?)(?:\s+field)?$/i.exec(
      d.text
    );
  if (needs) {
    const many = plural(needs[1]);
    if (many) d.text = `add a ${needs[2]} field to the ${many}`;
    return;
  }
  d.text = d.text.replace(
    /\b(to|for|on)\s+(?:each|every)\s+([a-z]+)$/i,
    (said: string, to: string, word: string) => {
      const many = plural(word);
      return many ? `${to} the ${many}` : said;
    }
  );
}

/**
 * "title -> Bikes serviced today": a bare "title" names the one title the app shows (a heading's
 * own text or a card's title) when there is exactly one.
 */
function bareTitle(d: Draft): void {
  const m = /^(?:the\s+)?(?:title|header)\s*(?:->|→|=>|:)\s*(.+)$/i.exec(d.text);
  if (!m || named(d, 'title')) return;
  const titled = readingOrder(d.model).filter(
    (n) =>
      (n.type === 'Heading' && typeof n.props.text === 'string') ||
      (n.type === 'Card' && typeof n.props.title === 'string')
  );
  if (titled.length !== 1) return;
  const node = titled[0];
  const what = node.type === 'Card' ? `the title of ${node.id}` : node.id;
  d.text = `change ${what} to ${quote(d, m[1], true)}`;
}

/** Each phone reading, on the whole request. */
export function phoneWords(d: Draft): void {
  placeWords(d);
  signArticle(d);
  plusLayout(d);
  counterFragment(d);
  defaultFragment(d);
  sliderBound(d);
  goesTo(d);
  firstLast(d);
  newButton(d);
  newElement(d);
  eachItem(d);
  bareTitle(d);
}
