/**
 * Ways of saying a request that mean one of the grammar's own phrasings, rewritten before any
 * rule reads it: typos in the grammar's words ("buton", "biger", "chnage"), a wish said about an
 * element ("the send button should be red" is "make the send button red"; "should be called
 * Jump" sets its text), "start X off with the text: Hello!" (a default value) and "start
 * counting from 10" (the starting value of the one number the app counts with). Pure.
 *
 * Every rewrite keeps the words' meaning and only changes their form, so a request the planner
 * did not read before is read the same way as its plain phrasing, and one it read is untouched.
 * New text is quoted (behind a marker), so a rewritten text is never read as grammar.
 */
import type { AppModel } from '../model/types';
import { childrenOf, rootComponent } from '../model/types';
import { findElement } from './offline-refs';
import { oneEdit } from './offline-names';
import { quote, type Draft } from './offline-draft';
import { terseWords } from './offline-terse';
import { asides } from './offline-asides';
import { numberWishes } from './offline-number-wish';
import { howMany } from './offline-how-many';
import { listSayings } from './offline-list-say';
import { between } from './offline-between';
import { inputWords } from './offline-input-words';
import { canon } from './offline-canon';
import { phoneWords } from './offline-phone';
import { teacherWords } from './offline-teacher';
import { saysLook } from './offline-style';
import { remarks } from './offline-remarks';
import { wants } from './offline-wants';
import { pairs } from './offline-pairs';
import { fieldWords } from './offline-field-words';
import { refWords } from './offline-ref-words';
import { afterWords } from './offline-after-send';
import { contrastWish } from './offline-contrast';
import type { Utterance } from './offline-text';

// The grammar's words people misspell; a word one edit away from exactly one of these (and not a
// word of the app's own texts) is read as it. Short words only by a swap of two letters.
const VOCABULARY = [
  'button',
  'buttons',
  'should',
  'bigger',
  'smaller',
  'larger',
  'change',
  'dropdown',
  'checkbox',
  'remove',
  'delete',
  'toggle',
  'slider',
  'textbox',
  'rename',
  'center',
  'centre',
  'colour',
  'color',
  'the',
  'and',
  'add',
  // Type words: "the headng", "the chekbox", "the paragrpah".
  'heading',
  'header',
  'title',
  'paragraph',
  'input',
  'field',
  'label',
  'switch',
  'select',
  'picture',
  'image',
  'divider',
  'counter',
  'message',
  'textarea',
  'section',
  'column',
  'align',
  'move'
];
// Forms of those words that are words of their own: "buttons", "changed", "sliders".
const SUFFIX = /^(?:s|es|d|ed|r|er|ing|ly)$/;
// Real words one edit away from the vocabulary, which are never typos of it.
const REAL = new Set(
  'large lager enter remote chance charge glider slider slides slide goggle colon colons dad ten tee thy ant ado tile titles tale fiend yield sealed heeding reading leading beading header heading mover movie aligned'.split(
    ' '
  )
);

/** The words of the app's own texts and names, which are never corrected. */
function ownWords(model: AppModel): Set<string> {
  const out = new Set<string>();
  const add = (s: string) => {
    for (const w of s.toLowerCase().split(/[^a-z]+/)) if (w) out.add(w);
  };
  for (const node of model.nodes.values())
    for (const v of Object.values(node.props)) if (typeof v === 'string') add(v);
  for (const c of model.components.values()) {
    add(c.name.replace(/([a-z])([A-Z])/g, '$1 $2'));
    for (const f of Object.keys(c.state)) add(f.replace(/([a-z])([A-Z])/g, '$1 $2'));
  }
  return out;
}

function corrected(word: string, own: Set<string>): string {
  const lower = word.toLowerCase();
  if (own.has(lower) || REAL.has(lower) || VOCABULARY.includes(lower)) return word;
  if (VOCABULARY.some((v) => lower.startsWith(v) && SUFFIX.test(lower.slice(v.length))))
    return word;
  const near = VOCABULARY.filter((v) => oneEdit(lower, v));
  return near.length === 1 ? near[0] : word;
}

// "should be", "must", "has to": a wish about an element, said of it.
const WISH = String.raw`\s+(?:should|must|needs? to|has to|ought to|is to)\s+`;
const NAMED = String.raw`(?:be\s+)?(?:called|named|labell?ed|titled)`;

/** One clause said as a wish, in the grammar's own form; null when it is not one. */
function wish(u: { quote: (s: string) => string }, clause: string): string | null {
  // A text that runs on into another clause ("Your name and the email one Your email") is not
  // quoted as one text: the clause stays as said, for the rules to read or ask about.
  // The wish is said of an element ("the send button should …"), not inside an instruction
  // ("add a checkbox that must be ticked …").
  const subject = new RegExp(`^(.+?)${WISH}`, 'i').exec(clause)?.[1] ?? '';
  if (
    /\b(?:that|which|who|where|when|if)\b/i.test(subject) ||
    /^(?:add|insert|create|put|place|make|change|set|remove|delete|move|show|hide|let|give|i|we|you)\b/i.test(
      subject
    )
  )
    return null;
  const runsOn = /\s(?:and|then|but)\s+(?:the|a|an|it|this|that|its)\b/i.test(clause);
  // "the slider label should be Speed": a text word before the wish makes "be" a text.
  let m = new RegExp(
    `^((?:.+?\\s)?(?:label|title|text|placeholder|caption|wording))${WISH}(?:be|become|read|say)\\s+(.+)$`,
    'i'
  ).exec(clause);
  // "the card title should be bigger" is a look of the element, never the text "bigger".
  if (m && saysLook(m[2])) return `make ${m[1]} ${m[2]}`;
  if (m) return runsOn ? null : `change ${m[1]} to ${u.quote(m[2])}`;
  m = new RegExp(`^(.+?)${WISH}(?:${NAMED}|say|read|show)\\s+(.+)$`, 'i').exec(clause);
  if (m) return runsOn ? null : `change ${m[1]} to ${u.quote(m[2])}`;
  m = new RegExp(`^${NAMED}\\s+(.+)$`, 'i').exec(clause);
  if (m) return runsOn ? null : `change it to ${u.quote(m[1])}`;
  m = new RegExp(`^(.+?)${WISH}(go|run|range)\\s+(from\\s+.+)$`, 'i').exec(clause);
  if (m) return `make ${m[1]} go ${m[3]}`;
  m = new RegExp(`^(.+?)${WISH}(?:be|look)\\s+(.+)$`, 'i').exec(clause);
  // "should be checked by default" is a default value, which its own rule reads.
  if (m && !/\bby default$|^(?:able|allowed)\b/i.test(m[2])) return `make ${m[1]} ${m[2]}`;
  return null;
}

/**
 * The one number field the app counts with: stepped by a handler (`state.count += …`) and shown
 * by an element (`String(state.count)`). A hidden counter such as `nextId` is not it.
 */
export function countedField(model: AppModel): string | null {
  const component = rootComponent(model);
  if (!component) return null;
  const stepped = new Set<string>();
  for (const h of Object.values(component.handlers))
    for (const m of h.body.matchAll(/\bstate\.(\w+)\s*(?:\+=|-=|\+\+|--)/g)) stepped.add(m[1]);
  const shown = (field: string) =>
    [...model.nodes.values()].some(
      (n) =>
        n.component === component.id &&
        Object.values(n.props).some(
          (v) =>
            v &&
            typeof v === 'object' &&
            '$expr' in v &&
            new RegExp(`\\bstate\\.${field}\\b`).test(String((v as { $expr: unknown }).$expr))
        )
    );
  const numbers = [...stepped].filter((f) => component.state[f]?.type === 'number' && shown(f));
  return numbers.length === 1 ? numbers[0] : null;
}

/** "searchbar", "a search box to filter the todos": the search box, what it is for unsaid. */
function searchWords(d: Draft): void {
  d.text = d.text
    .replace(/\bsearch ?(?:bar|field)\b|\bsearchbox\b/gi, 'search box')
    .replace(/^(?:an?\s+)?(?=search box\b)/i, 'add a ');
  if (/\bsearch box\b/i.test(d.text))
    d.text = d.text.replace(
      /\s+(?:for|to|that)\s+(?:find|finds|finding|search|searches|searching|look(?:s|ing)?\s+(?:up|for|through)|filter|filters|filtering)\s+(?:(?:the|a|an|my|our|your)\s+)?[\w-]+/i,
      ''
    );
}

/** "a button that ticks everything off": a thing asked for with no verb is a thing to add. */
function thingsWanted(d: Draft): void {
  d.text = d.text.replace(/\bthe (?:whole|entire|full|complete) /gi, 'the ');
  if (/^(?:a|an|one more|another)\s/i.test(d.text)) d.text = `add ${d.text}`;
  // "give the card a dark background": a look for the element.
  d.text = d.text.replace(
    /^give\s+(.+?)\s+an?\s+(\w+)\s+(?:background|look|colou?r|theme|style)$/i,
    'make $1 $2'
  );
}

/** "call the box push-ups": the element's text, when the words before it name one element. */
function callIt(d: Draft): void {
  const call = /^(?:call|name|title|label)\s+(the\s+.+)$/i.exec(d.text);
  if (!call || /^the\s+(?:app|application|project|component|state|field|variable)\b/i.test(call[1]))
    return;
  const words = call[1].split(/\s+/);
  for (let i = words.length - 1; i >= 2; i--) {
    const ref = words.slice(0, i).join(' ');
    const scene = { model: d.model, selection: null, u: { text: d.text, quotes: d.quotes } };
    if (!findElement(scene, ref).ok) continue;
    d.text = `change ${ref} to ${quote(d, words.slice(i).join(' '), true)}`;
    return;
  }
}

/** "start the message box off with the text: Hello!", "start counting from 10": defaults. */
function startWords(d: Draft): void {
  d.text = d.text
    .replace(/\s+off\s+(?=(?:with|at|from|as)\b)/i, ' ')
    .replace(
      /\b(with|to|at|as)\s+(?:the\s+)?(?:text|value|words?)\s*:\s*(.+)$/i,
      (_, p: string, v: string) => `${p} ${quote(d, v, true)}`
    );
  // "make the list start empty": the app's one list field starts with no items.
  const empty =
    /^(?:make\s+|have\s+|let\s+)?(?:the\s+)?(list|items|\w+)\s+(?:start|begin)\s+(?:out\s+|off\s+)?(?:as\s+)?(empty|with nothing|with no items)$/i.exec(
      d.text
    );
  if (empty) {
    const component = rootComponent(d.model);
    const lists = Object.entries(component?.state ?? {}).filter(
      ([, f]) => typeof f.type === 'object' && 'array' in f.type
    );
    const named = lists.find(([name]) => name.toLowerCase() === empty[1].toLowerCase());
    const field =
      named ?? (/^(?:list|items)$/i.test(empty[1]) && lists.length === 1 ? lists[0] : null);
    if (field) d.text = `make ${field[0]} start as empty`;
  }
  // "start the counter at 10", alone or as one clause of several ("…, and when you press …").
  const field = countedField(d.model);
  if (field)
    d.text = d.text.replace(
      /(^|,\s+(?:and\s+)?|\s+and\s+)(?:start|begin)\s+(?:counting\s+|the count(?:er)?\s+)?(?:at|from)\s+(-?\d+)(?=\s*(?:,|$)|\s+and\s)/gi,
      (_, before: string, n: string) => `${before}make ${field} start at ${n}`
    );
}

/**
 * "a -5 button next to the minus", "a x2 button": a button named by what it does to the number
 * the app counts with, said as that ("that subtracts 5 from it"); "next to" a button is after it.
 */
function sumButtons(d: Draft): void {
  // "add a -10 and a +10 button": two buttons, each named by its sum.
  const two =
    /^add\s+(?:(?:a|an)\s+)?([-+−x×*]\s?\d+(?:\.\d+)?)\s+and\s+(?:(?:a|an|another)\s+)?([-+−x×*]\s?\d+(?:\.\d+)?)\s+buttons?$/i.exec(
      d.text
    );
  if (two && countedField(d.model)) {
    const texts = [`add a ${two[1]} button`, `add a ${two[2]} button`].map((text) => {
      const one: Draft = { ...d, text };
      sumButtons(one);
      return one.text;
    });
    d.text = texts.join('; ');
    return;
  }
  const m = /^add\s+(?:a|an|another)\s+([-+−x×*]\s?\d+(?:\.\d+)?)\s+button\b(.*)$/i.exec(d.text);
  if (!m || !countedField(d.model)) return;
  const [sign, n] = [m[1][0], m[1].slice(1).trim()];
  const does =
    sign === '+'
      ? `adds ${n}`
      : /[-−]/.test(sign)
        ? `subtracts ${n} from it`
        : `multiplies it by ${n}`;
  const rest = m[2].replace(/^\s*next to\b/i, ' after');
  const purpose = /^\s*(?:that|which|to)\b/i.test(rest) ? rest : ` that ${does}${rest}`;
  d.text = `add a ${quote(d, m[1])} button${purpose}`;
}

// A type that holds options: its options may follow a colon or sit between dashes.
const CHOICE = /\b(?:dropdown|drop-down|select|picker|menu|choice)\b/i;

/**
 * "a Country dropdown: UK, France", "a dropdown for reason - question, complaint, praise -":
 * the options said as options; "between the email and the message" (two neighbours) is after
 * the first of them.
 */
function optionWords(d: Draft): void {
  if (!/^(?:add|put|insert|create|place)\s/i.test(d.text) || !CHOICE.test(d.text)) return;
  d.text = d.text
    .replace(/\s+[-–—]\s+([^-–—:]+,[^-–—:]+?)\s+[-–—](?=\s|$)/, ' with options $1')
    .replace(
      /\b(dropdown|drop-down|select|picker|menu)((?:\s+(?:called|named|for|labell?ed)\s+[^:,]+?)?)\s*:\s*([^:]+?(?:,|\s(?:and|or)\s)[^:]+)$/i,
      '$1$2 with options $3'
    )
    // "a dropdown of pizza, sushi, tacos under it": options said with "of" or "with".
    .replace(
      /\b(dropdown|drop-down|select|picker|menu)\s+(?:of|listing|containing)\s+(?!options\b)([^,]+?(?:,\s*[^,]+?)+?(?:,?\s+(?:and|or)\s+[^,]+?)?)(?=\s+(?:under|below|above|after|before|at|inside|into)\s|$)/i,
      '$1 with options $2'
    );
  const between = /\s+between\s+(.+?)\s+and\s+(.+)$/i.exec(d.text);
  if (!between) return;
  const scene = { model: d.model, selection: null, u: { text: d.text, quotes: d.quotes } };
  const [a, b] = [findElement(scene, between[1]), findElement(scene, between[2])];
  if (!a.ok || !b.ok || a.value.parent !== b.value.parent || !a.value.parent) return;
  const kids = childrenOf(d.model, a.value.parent);
  if (kids.indexOf(b.value.id) !== kids.indexOf(a.value.id) + 1) return;
  d.text = `${d.text.slice(0, between.index)} after ${between[1]}`;
}

/** "make the number smaller": the element that shows the number the app counts with. */
function theNumber(d: Draft): void {
  if (!/\bthe number\b(?!\s+of\b)/i.test(d.text)) return;
  const scene = { model: d.model, selection: null, u: { text: d.text, quotes: d.quotes } };
  const field = countedField(d.model);
  if (!field || findElement(scene, 'the number').ok) return;
  const shows = [...d.model.nodes.values()].filter((n) =>
    Object.values(n.props).some(
      (v) =>
        v &&
        typeof v === 'object' &&
        '$expr' in v &&
        new RegExp(`^String\\(state\\.${field}\\)$|^state\\.${field}$`).test(
          String((v as { $expr: unknown }).$expr)
        )
    )
  );
  // "doubles the number", "the number should start at 5": said of the data, the number is the
  // field; said of the element ("make the number red") it is the element that shows it.
  if (DATA_VERB.test(d.text))
    d.text = d.text.replace(/\bthe number\b(?!\s+of\b)/gi, `the ${field}`);
  else if (shows.length === 1) d.text = d.text.replace(/\bthe number\b(?!\s+of\b)/gi, shows[0].id);
}

const DATA_VERB =
  /\b(?:doubles?|halves?|triples?|multipl\w*|divides?|increases?|decreases?|starts?|begins?|default\w*|go(?:es)?\s+(?:below|over|above|under|past|beyond|higher|lower)|limit\w*|max(?:imum)?|min(?:imum)?|reset\w*|sets?\b.*\bto\s+-?\d|adds?\s+-?\d+\s+to|subtracts?|takes?\s+-?\d+\s+(?:off|from)|(?:when|while|if|until|once)\s+the number\s+(?:is|reaches|gets|hits|equals))\b/i;

/**
 * "underneath the input instead of next to it": where a thing is now, said to explain where it
 * goes, adds nothing to the placement before it.
 */
function insteadOf(d: Draft): void {
  d.text = d.text.replace(
    /(\S)\s*,?\s+(?:instead of|rather than|and not)\s+(?:(?:being|sitting|staying)\s+)?(?:next to|beside|by|alongside|in|at|on|where|inside|above|below|under)\b[^,]*?(?=$|,)/i,
    '$1'
  );
}

/**
 * "put the checkbox on the right of each row", "place Reset on the far left": a side of the row
 * an element is already in is a move within it, not a new row or an alignment.
 */
function sideWords(d: Draft): void {
  d.text = d.text.replace(
    /^(?:put|place|have|keep)\s+(.+?)\s+((?:on|to|at)\s+the\s+(?:(?:far|very)\s+(?:right|left)\b.*|(?:right|left)(?:[\s-]+(?:hand\s+)?(?:side|end))?\s+of\s+(?:each|every|its|their)\s+(?:own\s+)?rows?))$/i,
    (_, what: string, where: string) =>
      // "to the right end of its row": the layout rules read "on the right of X" as a new row.
      `move ${what} ${where.replace(/^(?:on|to|at)\s+the\s+(?:(?:far|very)\s+)?(right|left)\b(?:[\s-]+(?:hand\s+)?(?:side|end))?(?:\s+of\s+.*)?$/i, 'to the $1 end of its row')}`
  );
  // "move + to the left" when + sits in a row with others: that end of its row, not an alignment.
  const side =
    /^(?:move|put|place)\s+(.+?)\s+(?:to|on)\s+the\s+(right|left)(?:[\s-]+(?:hand\s+)?side)?$/i.exec(
      d.text
    );
  if (!side) return;
  const found = findElement({ model: d.model, selection: null, u: d }, side[1]);
  const parent = found.ok && found.value.parent ? d.model.nodes.get(found.value.parent) : undefined;
  if (parent?.props.direction === 'horizontal' && childrenOf(d.model, parent.id).length > 1)
    d.text = `move ${side[1]} to the ${side[2]} end of its row`;
}

/**
 * "minus should say -1 and plus +1": after "and", another element and its text with the wish
 * left out. Said in full ("… and plus should say +1"), so the two texts are not run together.
 */
function elidedWish(d: Draft): void {
  const m = new RegExp(
    `^(.+?${WISH})(say|read|show|be called|be named|be labell?ed|be titled)\\s+(.+?)\\s+and\\s+(?:the\\s+)?(.+)$`,
    'i'
  ).exec(d.text);
  if (!m) return;
  const scene = { model: d.model, selection: null, u: { text: d.text, quotes: d.quotes } };
  const first = findElement(scene, m[1].replace(new RegExp(`${WISH}$`, 'i'), ''));
  const words = m[4].split(/\s+/);
  for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
    const ref = words.slice(0, k).join(' ');
    const found = findElement(scene, ref);
    if (!found.ok || (first.ok && found.value.id === first.value.id)) continue;
    const text = words
      .slice(k)
      .join(' ')
      .replace(/^(?:should\s+|to\s+)?(?:say|says|read|reads|show|shows|be|become|as|:)\s+/i, '');
    if (text) d.text = `${m[1]}${m[2]} ${m[3]} and ${ref} should ${m[2]} ${text}`;
    return;
  }
}

/** Wishes, clause by clause: "X should be red and bigger", "… and be called Jump". */
function wishes(d: Draft): void {
  contrastWish(d);
  elidedWish(d);
  // "… should say Tidy up and be red": the second wish borrows the subject.
  const clauses = d.text
    .split(new RegExp(`\\s+and\\s+(?=(?:[^,]+?${WISH}|${NAMED}\\s|(?:be|look)\\s+\\S+$))`, 'i'))
    .map((c, i) => (i > 0 ? c.replace(/^(?:be|look)\s+(?=\S+$)/i, 'make it ') : c));
  if (!clauses.some((c) => new RegExp(`${WISH}|^${NAMED}\\s`, 'i').test(c))) return;
  // The last clause's text ends the request, with its "?" or "!" ("… should be What's next?").
  d.text = clauses
    .map((c, i) => wish({ quote: (t) => quote(d, t, i === clauses.length - 1) }, c) ?? c)
    .join(' and ');
}

/** The request in the grammar's own phrasing, where it was said another way. */
export function normalise(model: AppModel, u: Utterance): Utterance {
  const own = ownWords(model);
  const d: Draft = {
    model,
    text: u.text.replace(/(?<![⟦\d])\b[A-Za-z]{3,}\b(?!['’])/g, (w) => corrected(w, own)),
    quotes: [...u.quotes],
    end: u.end
  };
  // canon first: the other steps read the forms it writes ("the X should be Y", "add a …").
  // Wordy forms it would misread ("labelled 'X' instead, and …") are said plainly before it.
  for (const step of [
    teacherWords,
    canon,
    phoneWords,
    remarks,
    wants,
    pairs,
    fieldWords,
    refWords,
    afterWords,
    asides,
    numberWishes,
    howMany,
    listSayings,
    between,
    inputWords,
    searchWords,
    thingsWanted,
    terseWords,
    callIt,
    startWords,
    sumButtons,
    optionWords,
    theNumber,
    insteadOf,
    sideWords,
    // Again, for what the steps above named by id ("the number" is the text that shows it).
    teacherWords,
    wishes
  ])
    step(d);
  const out: Utterance = { text: d.text, quotes: d.quotes };
  return d.end ? { ...out, end: d.end } : out;
}
