/**
 * Elements named twice, by where they sit and by what they show (issue 15): "the second box,
 * Email, …", "the button in the middle of the row, Reset, …", "the checkbox, 'Send me news', …",
 * "the minus button, the first one in the row, …". The two names must agree on one element: then
 * the pair is read as that element (by its id); when the place names one element and the name
 * another, the request is a question, never a guess at which was meant. A pair where either half
 * names nothing is left as said. Pure.
 *
 * Places read here besides what offline-refs.ts reads: "the first box" (a box is a typing box as
 * well as a card), "the button in the middle of the row" and "the first one in the row".
 */
import { childrenOf, type AppModel, type NodeRecord } from '../model/types';
import { describeNode, findElement, leadingType, readingOrder } from './offline-refs';
import { literal, type Utterance } from './offline-text';
import { ask, type OfflineTurn } from './offline-turn';

const ORDINAL: Readonly<Record<string, number>> = {
  first: 0,
  second: 1,
  third: 2,
  fourth: 3,
  fifth: 4,
  last: -1
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const TYPING = new Set(['TextInput', 'TextArea', 'Select']);

const nth = <T>(list: readonly T[], at: number): T | undefined =>
  at < 0 ? list[list.length + at] : list[at];

/** The rows of the app: horizontal stacks, and the children of each. */
function rows(model: AppModel): NodeRecord[][] {
  return readingOrder(model)
    .filter((n) => n.type === 'Stack' && n.props.direction === 'horizontal')
    .map((row) => childrenOf(model, row.id).flatMap((id) => model.nodes.get(id) ?? []));
}

/** The type a word names ("button", "box"), or null. */
function typeOf(model: AppModel, word: string): string | null {
  const typed = leadingType(model, word);
  return typed && !typed.rest ? typed.type : null;
}

/**
 * Every element a place may name, each reading kept: "the first box" is the first card and the
 * first typing box. Empty when the words are no place this reads.
 */
function placed(model: AppModel, u: Utterance, phrase: string): NodeRecord[] {
  const p = literal(u, phrase).toLowerCase().trim();
  const scene = { model, selection: null, u };
  const out: NodeRecord[] = [];
  const found = findElement(scene, p);
  if (found.ok) out.push(found.value);
  // "the first box", "the second field": the nth typing box in reading order.
  const box =
    /^the\s+(first|second|third|fourth|fifth|last)\s+(?:text\s+)?(?:box|field|input)$/.exec(p);
  if (box) {
    const typing = readingOrder(model).filter((n) => TYPING.has(n.type));
    const hit = nth(typing, ORDINAL[box[1]]);
    if (hit && !out.includes(hit)) out.push(hit);
  }
  // "the button in the middle of the row", "the middle button": the middle one of a row's kind.
  const middle =
    /^the\s+(?:middle\s+(\w+)|(\w+)\s+in\s+the\s+middle)(?:\s+(?:of|in)\s+the\s+row)?$/.exec(p);
  if (middle) {
    const type = typeOf(model, middle[1] ?? middle[2]);
    for (const row of rows(model)) {
      const kind = row.filter((n) => n.type === type);
      if (kind.length >= 3 && kind.length % 2 === 1) out.push(kind[(kind.length - 1) / 2]);
    }
  }
  return out;
}

/** The element a name shows ("Email", "⟦0⟧"), when exactly one shows it; null otherwise. */
function shown(model: AppModel, u: Utterance, phrase: string): NodeRecord | null {
  const text = literal(u, phrase).trim().toLowerCase();
  const hits = readingOrder(model).filter((n) =>
    ['text', 'label', 'title', 'placeholder'].some(
      (k) => typeof n.props[k] === 'string' && (n.props[k] as string).toLowerCase() === text
    )
  );
  return hits.length === 1 ? hits[0] : null;
}

/** "the first one in the row": by place among the row that holds `of`, of its type. */
function inItsRow(model: AppModel, of: NodeRecord, phrase: string): NodeRecord | null {
  const m =
    /^the\s+(first|second|third|fourth|fifth|last)\s+(?:one|\w+)\s+(?:in|of)\s+the\s+row$/i.exec(
      phrase.trim()
    );
  if (!m) return null;
  const row = rows(model).find((r) => r.includes(of));
  return row
    ? (nth(
        row.filter((n) => n.type === of.type),
        ORDINAL[m[1].toLowerCase()]
      ) ?? null)
    : null;
}

// "the <place>, <name>,": a name between commas (or before the clause ends) after a place; not
// a list ("the name box, Email, and Message").
const PAIR =
  /\b([Tt]he\s+[^,;⟦]{2,60}?),\s+((?:the\s+)?(?:first|second|third|fourth|fifth|last)\s+(?:one|\w+)\s+(?:in|of)\s+the\s+row|⟦\d+⟧|[A-Z+−-][\w+−-]*(?:\s+[A-Z][\w-]*)?)\s*(?=,(?!\s*(?:and|or)\b)|;|$)/g;

interface Pair {
  readonly said: string;
  readonly place: readonly NodeRecord[];
  readonly named: NodeRecord | null;
}

function pairs(model: AppModel, u: Utterance): Pair[] {
  const out: Pair[] = [];
  for (const m of u.text.matchAll(PAIR)) {
    const place = placed(model, u, m[1]);
    if (place.length === 0) continue;
    const named = /\brow$/i.test(m[2])
      ? place.length === 1
        ? inItsRow(model, place[0], m[2])
        : null
      : shown(model, u, m[2]);
    out.push({ said: m[0], place, named });
  }
  return out;
}

/**
 * The request with each pair whose halves agree read as that element's id; pairs that disagree
 * or name nothing are left as said.
 */
export function appositions(model: AppModel, u: Utterance): Utterance {
  let text = u.text;
  for (const pair of pairs(model, u)) {
    if (!pair.named || !pair.place.includes(pair.named)) continue;
    // The comma that closed the pair goes with it: "the second box, Email, completely".
    text = text.replace(new RegExp(`${escape(pair.said)},?`), `the element ${pair.named.id}`);
  }
  return text === u.text ? u : { ...u, text };
}

/** A question when a place names one element and the name beside it another; null otherwise. */
export function placeNameClash(model: AppModel, u: Utterance): OfflineTurn | null {
  for (const pair of pairs(model, u)) {
    if (!pair.named || pair.place.includes(pair.named)) continue;
    const where = pair.place.map(describeNode).join(' or ');
    return ask(
      null,
      `"${literal(u, pair.said).replace(/,\s*$/, '')}" names two elements: by its place ${where}, by its name ${describeNode(pair.named)}. Which one do you mean? I have changed nothing.`
    );
  }
  return null;
}
