/**
 * The shape of a list an app shows, read from its data and not from its names: the array-of-
 * objects state field an Each repeats over, the item's main text field, its toggled boolean
 * field, its number fields and its key. The list recipes (clear, sort, filter, search, count,
 * total) work on any app whose data has such a shape. Pure.
 */
import {
  childrenOf,
  rootComponent,
  type AppModel,
  type ComponentRecord,
  type NodeRecord,
  type PropValue,
  type StateType
} from '../model/types';
import { describeNode, leadingType, type Scene } from './offline-refs';
import { joinWords, plain } from './offline-text';
import type { Placement } from './offline-place';

/** A list the app shows, with the item fields the recipes need. */
export interface ListShape {
  readonly component: ComponentRecord;
  /** The array-of-objects state field. */
  readonly field: string;
  readonly item: Readonly<Record<string, StateType>>;
  /** The Each that repeats over it, and its `items` expression. */
  readonly each: NodeRecord;
  readonly items: string;
  /** The Each's loop variable. */
  readonly as: string;
  /** The string field the rows show (title, name, ...), if any. */
  readonly text?: string;
  /** The boolean fields; `flag` is the one the rows toggle (a checkbox's `checked`), if any. */
  readonly booleans: readonly string[];
  readonly flag?: string;
  /** Number fields other than the key. */
  readonly numbers: readonly string[];
  readonly key?: string;
}

const KEYS = /^(?:id|key|uid|uuid)$/i;
const TEXTY = /^(?:title|name|text|label|description|content|body|summary|task|subject)$/i;

function exprOf(value: PropValue | undefined): string | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && '$expr' in value
    ? String(value.$expr)
    : undefined;
}

/** A node and every node under it. */
function rowNodes(model: AppModel, id: string): NodeRecord[] {
  const node = model.nodes.get(id);
  if (!node) return [];
  return [node, ...childrenOf(model, id).flatMap((c) => rowNodes(model, c))];
}

/** Every expression under a node (the rows of an Each), for "which field do the rows show". */
function rowExprs(model: AppModel, id: string): string[] {
  return rowNodes(model, id).flatMap((n) => Object.values(n.props).flatMap((v) => exprOf(v) ?? []));
}

/** The lists the app shows, the root component's first. */
export function listShapes(model: AppModel): ListShape[] {
  const out: ListShape[] = [];
  const root = rootComponent(model);
  const components = [...model.components.values()].sort((a, b) =>
    a === root ? -1 : b === root ? 1 : 0
  );
  for (const component of components) {
    for (const [field, f] of Object.entries(component.state)) {
      const type = f.type;
      if (typeof type !== 'object' || !('array' in type)) continue;
      const el = type.array;
      if (typeof el !== 'object' || !('object' in el)) continue;
      const reads = new RegExp(`\\bstate\\.${field}\\b`);
      const each = [...model.nodes.values()].find(
        (n) =>
          n.type === 'Each' &&
          n.component === component.id &&
          reads.test(exprOf(n.props.items) ?? '')
      );
      if (!each) continue;
      const as = typeof each.props.as === 'string' ? each.props.as : 'item';
      const item = el.object;
      const names = Object.keys(item);
      const exprs = rowExprs(model, each.id).join('\n');
      const shown = (name: string) => new RegExp(`\\b${as}\\.${name}\\b`).test(exprs);
      const strings = names.filter((n) => item[n] === 'string');
      const text =
        strings.find((n) => shown(n) && TEXTY.test(n)) ??
        strings.find(shown) ??
        strings.find((n) => TEXTY.test(n)) ??
        (strings.length === 1 ? strings[0] : undefined);
      const booleans = names.filter((n) => item[n] === 'boolean');
      // The toggled one: the only boolean, else the one a row's `checked` reads.
      const checked = rowNodes(model, each.id).flatMap((n) => exprOf(n.props.checked) ?? []);
      const flag =
        booleans.length === 1
          ? booleans[0]
          : booleans.find((n) => checked.some((e) => e.trim() === `${as}.${n}`));
      const key = names.find((n) => KEYS.test(n));
      const numbers = names.filter((n) => item[n] === 'number' && n !== key);
      out.push({
        component,
        field,
        item,
        each,
        items: exprOf(each.props.items)!,
        as,
        text,
        booleans,
        flag,
        numbers,
        key
      });
    }
  }
  return out;
}

/** A word without its plural ending: "entries" → "entry", "todos" → "todo". */
export function singular(word: string): string {
  return word
    .toLowerCase()
    .replace(/ies$/, 'y')
    .replace(/(?<=[^s])s$/, '');
}

/** The words of a camelCase name: "dueDate" → "due date". */
export function wordsOf(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

const GENERIC = new Set(
  'todo to-do task item entry row record thing list one them all everything'.split(' ')
);
const FILLER = new Set('the my our your all every each of in a an list'.split(' '));

/**
 * The list a phrase names ("the todos", "the expenses", "the list", "" for the only one), or the
 * question to ask. A phrase naming no list and not a generic word is null: not this rule's words.
 */
export function pickList(
  scene: Scene,
  phrase: string
): { list: ListShape } | { question: string } | null {
  const lists = listShapes(scene.model);
  const words = plain(scene.u, phrase)
    .split(/\s+/)
    .filter((w) => w && !FILLER.has(w.toLowerCase()));
  const named = lists.filter((l) =>
    words.some(
      (w) => singular(w) === singular(l.field) || singular(w) === singular(wordsOf(l.field))
    )
  );
  if (named.length === 1) return { list: named[0] };
  // One plural word that is not an element type may name the app's only list ("the groceries").
  const loose =
    words.length === 1 &&
    lists.length === 1 &&
    /[a-z]s$/i.test(words[0]) &&
    !leadingType(scene.model, words[0]);
  if (!words.every((w) => GENERIC.has(singular(w))) && !loose) return null;
  if (lists.length === 1) return { list: lists[0] };
  if (lists.length === 0)
    return {
      question:
        'This app shows no list (an Each over a list of objects in state), so there is nothing to do that to. Build the list first.'
    };
  return {
    question: `Which list: ${joinWords(lists.map((l) => `${l.field} (${describeNode(l.each)})`))}?`
  };
}

/** The item field a phrase names ("the amounts", "price", "due date"), among `names`. */
export function itemField(
  scene: Scene,
  phrase: string,
  names: readonly string[]
): string | undefined {
  const said = plain(scene.u, phrase)
    .toLowerCase()
    .replace(/\b(?:the|its|their|field|value|values|column)\b/g, ' ')
    .trim()
    .split(/\s+/)
    .map(singular)
    .join(' ');
  if (!said) return undefined;
  return names.find((n) => singular(wordsOf(n)) === said || singular(n) === said.replace(/ /g, ''));
}

/** The field a phrase names, or the text field when it says only "text", "name" or "title". */
export function textField(scene: Scene, phrase: string, list: ListShape): string | undefined {
  const strings = Object.keys(list.item).filter((k) => list.item[k] === 'string');
  const named = itemField(scene, phrase, strings);
  if (named) return named;
  return /^(?:the\s+)?(?:text|name|title|words?|content)s?$/i.test(plain(scene.u, phrase).trim())
    ? list.text
    : undefined;
}

/** Where a new element about a list goes: right after the list's Each. */
export function afterList(model: AppModel, list: ListShape): { parent: string; index: number } {
  const parent = list.each.parent!;
  return { parent, index: childrenOf(model, parent).indexOf(list.each.id) + 1 };
}

/**
 * Where a new line about a list goes: the place the request said (`said`), else right below the
 * list's Each; `words` for the summary.
 */
export function belowList(
  model: AppModel,
  list: ListShape,
  split: { readonly place: Placement; readonly said: boolean }
): { parent: string; index: number | undefined; words: string } {
  return split.said
    ? { parent: split.place.parent.id, index: split.place.index, words: split.place.words }
    : { ...afterList(model, list), words: `below ${describeNode(list.each)}` };
}

/** Where a control for a list goes: right before the list's Each. */
export function beforeList(model: AppModel, list: ListShape): { parent: string; index: number } {
  const parent = list.each.parent!;
  return { parent, index: childrenOf(model, parent).indexOf(list.each.id) };
}

const DONE = new Set(
  'done completed complete finished checked ticked crossed bought purchased resolved closed'.split(
    ' '
  )
);
const NOT_DONE = new Set(
  'active open unfinished incomplete uncompleted undone unchecked unticked remaining pending outstanding left'.split(
    ' '
  )
);
const NEGATION = new Set(['not', "aren't", 'arent', "isn't", 'isnt', 'un', 'non']);
const QUALIFIER_FILLER = new Set(
  'that which who are is have has been marked as yet ones one the all of off'.split(' ')
);

/** A condition on the toggled field said with the items: "the completed ones", "unpaid". */
export interface Qualifier {
  readonly field: string;
  /** The value the items kept have. */
  readonly value: boolean;
  /** The words of the condition, for labels: "done", "not done". */
  readonly words: string;
}

/**
 * Reads a done-like condition out of a phrase about items ("the completed todos", "items that are
 * not done", "unpaid expenses"): the boolean field it is about and the value, and the words left
 * over (the list's name). A done word on a list with no single toggled field is the question.
 */
export function qualifier(
  list: ListShape,
  phrase: string
): { rest: string; which?: Qualifier } | { question: string } {
  const tokens = phrase.toLowerCase().split(/\s+/).filter(Boolean);
  let negated = false;
  let hit: { field: string | undefined; positive: boolean; word: string } | undefined;
  const rest: string[] = [];
  const own = (w: string) =>
    list.booleans.find((b) => singular(w) === singular(b) || w === wordsOf(b).replace(/ /g, ''));
  for (const token of tokens) {
    const w = token.replace(/[^a-z'-]/g, '');
    if (NEGATION.has(w)) negated = true;
    else if (own(w)) hit = { field: own(w), positive: true, word: w };
    else if (DONE.has(w)) hit = { field: list.flag, positive: true, word: w };
    else if (NOT_DONE.has(w)) hit = { field: list.flag, positive: false, word: w };
    else if (/^(?:un|in|non-?)/.test(w) && own(w.replace(/^(?:un|in|non-?)/, '')))
      hit = { field: own(w.replace(/^(?:un|in|non-?)/, '')), positive: false, word: w };
    else if (!QUALIFIER_FILLER.has(w)) rest.push(token);
  }
  if (!hit) return { rest: rest.join(' ') };
  if (!hit.field)
    return {
      question:
        list.booleans.length === 0
          ? `The ${list.field} have no yes/no field to tell "${hit.word}" ones apart. Add one first ("let me mark ${list.field} as ${hit.word}").`
          : `Which field says an item is "${hit.word}": ${joinWords(list.booleans)}? Say it by its name.`
    };
  const value = hit.positive !== negated;
  const label = wordsOf(hit.field);
  return {
    rest: rest.join(' '),
    which: { field: hit.field, value, words: value ? label : `not ${label}` }
  };
}

/** The filter test for a qualifier, over the loop variable `x`. */
export function testOf(which: Qualifier): string {
  return `${which.value ? '' : '!'}x.${which.field}`;
}
