/**
 * The names an element answers to, for offline-refs.ts: the texts it shows, the state fields it
 * binds or lists, and, when none of those match, the words for a symbol label, the action it
 * runs, the field it shows alone, the words of the texts its expressions build ("the thank you
 * text" says "Thanks, …"), and "count" for an element showing how many. Words that mean the same
 * for naming ("completed" and "done", "delete" and "remove") are compared in one form. Pure.
 */
import type { NodeRecord } from '../model/types';

/** The props that hold an element's own text. */
export const TEXT_PROPS = ['text', 'label', 'title', 'placeholder', 'alt', 'name'];

/** The literal texts a node shows, and the state fields it binds or lists: how people name it. */
export function namesOf(node: NodeRecord): string[] {
  const out: string[] = [];
  for (const prop of TEXT_PROPS) {
    const v = node.props[prop];
    if (typeof v === 'string' && v.trim()) out.push(norm(v));
  }
  for (const v of Object.values(node.props)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const bound = (v as { $bind?: unknown }).$bind;
      if (typeof bound === 'string') out.push(norm(bound.replace(/([a-z])([A-Z])/g, '$1 $2')));
      const expr = (v as { $expr?: unknown }).$expr;
      if (node.type === 'Each' && typeof expr === 'string')
        for (const m of expr.matchAll(/state\.(\w+)/g)) out.push(norm(m[1]));
    }
  }
  return out;
}

/**
 * A name for matching: lower case, punctuation dropped. A label made only of symbols ("+", "−",
 * "×2") keeps them, so `the "+" button` still names the button labelled +.
 */
/** Symbols by the words people say for them: "the plus button" is the "+" button. */
const SYMBOLS: Readonly<Record<string, readonly string[]>> = {
  '+': ['plus', 'add one', 'up'],
  '−': ['minus', 'subtract', 'down', '-', '–'],
  '-': ['minus', 'subtract', 'down'],
  '–': ['minus', 'dash'],
  '×': ['times', 'multiply', 'close', 'x', '*'],
  '÷': ['divide'],
  '=': ['equals'],
  '✓': ['tick', 'check'],
  '←': ['back', 'left arrow'],
  '→': ['next', 'right arrow']
};

/**
 * Names a node answers to when none of its own texts match: a symbol label's words, the words of
 * the action it runs ("the increment button" runs `increment`), the state field a text shows
 * alone ("the count" shows `String(state.count)`).
 */
export function otherNames(node: NodeRecord): string[] {
  const out: string[] = [];
  for (const prop of TEXT_PROPS) {
    const v = node.props[prop];
    if (typeof v === 'string') out.push(...(SYMBOLS[v.trim()] ?? []));
  }
  for (const v of Object.values(node.props)) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
    const handler = (v as { $handler?: unknown }).$handler;
    if (typeof handler === 'string') out.push(norm(handler.replace(/([a-z0-9])([A-Z])/g, '$1 $2')));
    const expr = (v as { $expr?: unknown }).$expr;
    const shows =
      typeof expr === 'string' ? /^(?:String\()?state\.(\w+)\)?$/.exec(expr.trim()) : null;
    if (shows && TEXT_PROPS.some((p) => node.props[p] === v))
      out.push(norm(shows[1].replace(/([a-z0-9])([A-Z])/g, '$1 $2')));
  }
  return out;
}

/** A name for matching: lower case, punctuation dropped (a label of symbols keeps them). */
export function norm(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words || text.toLowerCase().replace(/\s+/g, ' ').trim();
}

// Words that name the same thing in a reference: "the clear completed button" is "Clear done".
const SAME: readonly (readonly [RegExp, string])[] = [
  [/\b(?:completed|complete|finished|ticked|checked(?: off)?|ticked off)\b/g, 'done'],
  [/\b(?:delete|erase|trash)\b/g, 'remove'],
  [/\bthank you\b|\bthankyou\b|\bthx\b/g, 'thanks'],
  [/\b(?:submit)\b/g, 'send'],
  [/\b(?:restart|start over|reset)\b/g, 'reset'],
  // "the number of items left" is a count; "the number" alone is whatever number is shown.
  [/\b(?:amount|number|total|tally)(?= of\b)/g, 'count']
];

/** A normalised name with words that mean the same for naming in one form. */
export function canon(name: string): string {
  let out = ` ${name} `;
  for (const [re, to] of SAME) out = out.replace(re, to);
  return out.replace(/\s+/g, ' ').trim();
}

const FILLER = new Set('of the a an how many much that which is are i have has my'.split(' '));

/**
 * Whether every word of a description ("the number of items left") is among the words an element
 * shows or computes with (`state.items.filter(…).length + ' left'`), in their canonical forms.
 */
export function describes(node: NodeRecord, text: string): boolean {
  const said = canon(text)
    .split(' ')
    .filter((w) => w && !FILLER.has(w));
  if (said.length === 0) return false;
  const strong: string[] = [];
  const own = new Set(descriptiveNames(node, strong).flatMap((n) => canon(n).split(' ')));
  // At least one word is what it shows (a text, or a count), not only a field it reads: "the
  // done text" is not the count of the items that are not done.
  const shown = new Set(strong.flatMap((n) => canon(n).split(' ')));
  return said.every((w) => own.has(w)) && said.some((w) => shown.has(w));
}

/**
 * Names by what an element shows (`strong`, when given, collects only its literal words and
 * "count"), for a description rather than a name: the words of the string
 * literals its text expression builds ("'Thanks, ' + state.name" answers to "thanks"), and
 * "count" for a text that shows how many (`….length`). Matched as whole words, last of all.
 */
export function descriptiveNames(node: NodeRecord, strong?: string[]): string[] {
  const out: string[] = [];
  for (const prop of TEXT_PROPS) {
    const v = node.props[prop];
    if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
    const expr = (v as { $expr?: unknown }).$expr;
    if (typeof expr !== 'string') continue;
    const literals = [...expr.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]);
    const fields = [...expr.matchAll(/\.([A-Za-z_]\w*)/g)].map((m) =>
      m[1].replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    );
    const words = norm([...literals, ...fields].join(' '));
    if (words) out.push(words);
    if (/\.length\b/.test(expr)) out.push('count');
    if (strong) strong.push(norm(literals.join(' ')), /\.length\b/.test(expr) ? 'count' : '');
  }
  return out;
}

/** Whether two words are one insertion, deletion, substitution or swap of neighbours apart. */
export function oneEdit(a: string, b: string): boolean {
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

/**
 * Whether a name said with a typo ("emial", "clear dnoe") is an element's name: the same number of
 * words, each the same or one edit away (words of four letters or more).
 */
export function nearlyNamed(node: NodeRecord, text: string): boolean {
  const said = text.split(' ');
  return namesOf(node).some((name) => {
    const own = name.split(' ');
    return (
      own.length === said.length &&
      own.some((w, i) => w !== said[i]) &&
      own.every(
        (w, i) =>
          w === said[i] ||
          // A plural is not a typo: "item" is one of the items, not the list of them.
          (w.length >= 4 &&
            oneEdit(w, said[i]) &&
            w.replace(/s$/, '') !== said[i].replace(/s$/, ''))
      )
    );
  });
}
