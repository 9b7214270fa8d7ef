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
import type { AppModel, ComponentRecord } from '../model/types';
import { rootComponent } from '../model/types';
import type { Utterance } from './offline-text';

// The grammar's words people misspell; a word one edit away from exactly one of these (and not a
// word of the app's own texts) is read as it. Short words only by a swap of two letters.
const VOCABULARY = [
  'button',
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
  'add'
];
// Forms of those words that are words of their own: "buttons", "changed", "sliders".
const SUFFIX = /^(?:s|es|d|ed|r|er|ing|ly)$/;
// Real words one edit away from the vocabulary, which are never typos of it.
const REAL = new Set(
  'large lager enter remote chance charge glider slider slides slide goggle colon colons dad ten tee thy ant ado'.split(
    ' '
  )
);

/** Whether two words are one insertion, deletion, substitution or swap of neighbours apart. */
function oneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
    if (diff.length === 1) return a.length >= 6;
    return (
      diff.length === 2 &&
      diff[1] === diff[0] + 1 &&
      a[diff[0]] === b[diff[1]] &&
      a[diff[1]] === b[diff[0]]
    );
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1 || short.length < 4) return false;
  for (let i = 0; i < long.length; i++)
    if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

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
  const runsOn = /\s(?:and|then|but)\s+(?:the|a|an|it|this|that|its)\b/i.test(clause);
  let m = new RegExp(`^(.+?)${WISH}(?:${NAMED}|say|read|show)\\s+(.+)$`, 'i').exec(clause);
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

/** The one number field the app's handlers step (`state.count += …`), for "start counting". */
function countedField(component: ComponentRecord | undefined): string | null {
  if (!component) return null;
  const stepped = new Set<string>();
  for (const h of Object.values(component.handlers))
    for (const m of h.body.matchAll(/\bstate\.(\w+)\s*(?:\+=|-=|\+\+|--)/g)) stepped.add(m[1]);
  const numbers = [...stepped].filter((f) => component.state[f]?.type === 'number');
  return numbers.length === 1 ? numbers[0] : null;
}

/** The request in the grammar's own phrasing, where it was said another way. */
export function normalise(model: AppModel, u: Utterance): Utterance {
  const quotes = [...u.quotes];
  let end = u.end;
  const quote = (s: string) => {
    quotes.push(s.trim());
    return `⟦${quotes.length - 1}⟧`;
  };
  const own = ownWords(model);
  let text = u.text.replace(/(?<![⟦\d])\b[A-Za-z]{3,}\b/g, (w) => corrected(w, own));
  text = text
    .replace(/\bsearch ?(?:bar|field)\b|\bsearchbox\b/gi, 'search box')
    // "search box at the top": a thing wanted, with no verb, is a thing to add.
    .replace(/^(?:an?\s+)?(?=search box\b)/i, 'add a ');
  // "a search box to filter the todos": what a search box is for goes without saying.
  if (/\bsearch box\b/i.test(text))
    text = text.replace(
      /\s+(?:for|to|that)\s+(?:find|finds|finding|search|searches|searching|look(?:s|ing)?\s+(?:up|for|through)|filter|filters|filtering)\s+(?:(?:the|a|an|my|our|your)\s+)?[\w-]+/i,
      ''
    );
  // "start the message box off with the text: Hello!": a default value, the text as said.
  text = text
    .replace(/\s+off\s+(?=(?:with|at|from|as)\b)/i, ' ')
    .replace(/\b(with|to|at|as)\s+(?:the\s+)?(?:text|value|words?)\s*:\s*(.+)$/i, (_, p, v) => {
      const said = `${p} ${quote(`${v}${end ?? ''}`)}`;
      end = undefined;
      return said;
    });
  const counted =
    /^(?:start|begin)\s+(?:counting\s+|the count(?:er)?\s+)?(?:at|from)\s+(-?\d+)$/i.exec(text);
  const field = counted ? countedField(rootComponent(model)) : null;
  if (counted && field) text = `make ${field} start at ${counted[1]}`;
  // Wishes, clause by clause: "X should be red and bigger", "… and be called Jump".
  const clauses = text.split(new RegExp(`\\s+and\\s+(?=(?:[^,]+?${WISH}|${NAMED}\\s))`, 'i'));
  if (clauses.some((c) => new RegExp(`${WISH}|^${NAMED}\\s`, 'i').test(c))) {
    const read = clauses.map((c) => wish({ quote }, c) ?? c);
    text = read.join(' and ');
  }
  const out: Utterance = { text, quotes };
  return end ? { ...out, end } : out;
}
