/**
 * The offline recipes that act on a whole list: a button that clears it (all of it, or the
 * completed items), and sorting (the list shown in an order, or a button that sorts the data).
 * Each works on any app with a list of the right shape (offline-list-shape.ts); the handlers and
 * expressions are plain code over `state`, checked by the compile gate like any other. Pure.
 */
import type { Op, PropValue } from '../model/types';
import {
  afterList,
  itemField,
  listShapes,
  pickList,
  qualifier,
  testOf,
  wordsOf,
  type ListShape,
  type Qualifier
} from './offline-list-shape';
import { describeNode, type Scene } from './offline-refs';
import { defaultContainer, splitPlacement } from './offline-place';
import { capitalized, freeName, literal } from './offline-text';
import { ask, type RuleResult, type TempIds } from './offline-turn';

const ADD = '(?:add|create|insert|put|include|give me|make)\\s+(?:(?:a|an|one)\\s+)?(?:new\\s+)?';
const CLEAR_VERB =
  '(?:clear|delete|remove|erase|empties|empty|wipe|purge|get rid of|gets rid of|throw away|throws away|throw out|throws out|bin|bins|trash|trashes|dump|dumps)';
const SORT_VERB = '(?:sort|order|arrange|alphabeti[sz]e|reorder|reverse)';
const MARK_VERB = '(?:mark|check|tick|complete|finish|uncheck|untick|unmark)';

/** "add a clear all button", "add a delete completed button [below the list]". */
const NAMED_BUTTON = new RegExp(
  `^${ADD}((?:${CLEAR_VERB}|${SORT_VERB}|${MARK_VERB})(?:\\s+.+?)?)\\s+button\\b\\s*(.*)$`,
  'i'
);
/** "add a button that clears all the todos", "add a button to sort the items by name". */
const PURPOSE_BUTTON = new RegExp(
  `^${ADD}button\\s+(?:that|which|to|for|so (?:i|we|people|you) can)\\s+((?:${CLEAR_VERB}|${SORT_VERB}|${MARK_VERB})\\w*\\b.*)$`,
  'i'
);
/** "add a Z-A button that sorts the list backwards", "add a 'Start over' button that clears …". */
const LABELLED_PURPOSE = new RegExp(
  `^${ADD}(?!button\\b)(⟦\\d+⟧|[^\\s⟦]+(?:\\s+[^\\s⟦]+){0,2}?)\\s+button\\b\\s*(.*?)\\s*(?:that|which|to|so (?:i|we|people|you) can)\\s+((?:${CLEAR_VERB}|${SORT_VERB}|${MARK_VERB})\\w*\\b.*)$`,
  'i'
);
/** "let me clear the completed ones", "let me sort the todos by title". */
const LET_ME = new RegExp(
  `^(?:let|allow|help)\\s+(?:me|us|users|people|the user|everyone)\\s+(?:to\\s+)?((?:${CLEAR_VERB}|${SORT_VERB}|${MARK_VERB})\\b.*)$`,
  'i'
);
const ONCE = /\s+(?:at once|in one go|in one click|with one click|all at once)\b/gi;

/** "add a 'clear all' button": the quoted label read as the words of NAMED_BUTTON. */
function quotedButton(scene: Scene, text: string): RegExpExecArray | null {
  const m = new RegExp(`^${ADD}(⟦\\d+⟧)\\s+button\\b\\s*(.*)$`, 'i').exec(text);
  if (!m) return null;
  const label = literal(scene.u, m[1]);
  return NAMED_BUTTON.test(`add ${label} button`) ? m : null;
}

/** A button request about a list: what it does (said after the verb), its label and its place. */
function buttonAsk(scene: Scene): { verb: string; what: string; label?: string } | null {
  const text = scene.u.text.replace(ONCE, '');
  // "add a Start over button at the bottom that throws away every task": a label of its own,
  // then (after any place) what it does.
  const labelled = LABELLED_PURPOSE.exec(text);
  if (labelled && !/^(?:button|new|a|an|one|the|another)$/i.test(labelled[1])) {
    const { verb, rest } = verbOf(labelled[3]);
    return {
      verb,
      what: `${rest} ${labelled[2]}`.trim(),
      label: literal(scene.u, labelled[1])
    };
  }
  const named = NAMED_BUTTON.exec(text) ?? quotedButton(scene, text);
  if (named) {
    const { verb, rest } = verbOf(literal(scene.u, named[1]));
    return {
      verb,
      what: `${rest} ${named[2]}`.trim(),
      label: literal(scene.u, named[1])
    };
  }
  const m = PURPOSE_BUTTON.exec(text) ?? LET_ME.exec(text);
  if (!m) return null;
  const { verb, rest } = verbOf(m[1]);
  return { verb, what: rest };
}

/** The verb a purpose starts with ("throws away", "clears") and the words after it. */
function verbOf(words: string): { verb: string; rest: string } {
  const m = new RegExp(`^(?:${CLEAR_VERB}|${SORT_VERB}|${MARK_VERB})\\w*\\b`, 'i').exec(words);
  const verb = m ? m[0] : words.split(/\s+/)[0];
  return { verb, rest: words.slice(verb.length).trim() };
}

/**
 * "add a button that clears all the todos", "add a clear completed button", "let me clear the
 * done ones": a handler that empties the list or keeps the items not done, and a button that runs
 * it, after the list unless a place is said. An existing handler with the same body is reused.
 */
export function clearList(scene: Scene, temps: TempIds): RuleResult {
  const rule = 'clear-list';
  const asked = buttonAsk(scene);
  if (!asked || !new RegExp(`^${CLEAR_VERB}`, 'i').test(asked.verb)) {
    // "delete all the todos" changes data, not the app: the planner offers the button instead.
    const direct = new RegExp(
      `^${CLEAR_VERB}\\s+(?:all|every|everything)\\b(?:\\s+(?:of\\s+)?(.*))?$`,
      'i'
    ).exec(scene.u.text);
    if (!direct) return null;
    const picked = pickList(scene, (direct[1] ?? '').replace(/\b(?:completed|done)\b/, ''));
    if (!picked || 'question' in picked) return null;
    return ask(
      rule,
      `I change the app, not the data in it, so I cannot delete the ${picked.list.field} themselves. I can add a button that does it: say "add a button that clears all the ${wordsOf(picked.list.field)}".`
    );
  }
  const split = splitPlacement(scene, asked.what, false);
  if (!split.ok) return ask(rule, split.text);
  // "a delete button" may be one per row, "a clear button" may empty the draft: ask what.
  if (listShapes(scene.model).length === 0) return null;
  if (!split.value.before && asked.label && !/\s/.test(asked.label.trim()))
    return ask(
      rule,
      `What should the ${asked.label.toLowerCase()} button ${asked.label.toLowerCase()}? Say "add a button that clears all the items" or "add a button that clears the done items"; a button on each row is "add a delete button to each row" with an AI model connected.`
    );
  const phrase = split.value.before.replace(/\b(?:all|every|everything|list|at once)\b/gi, ' ');
  const found = listWithQualifier(scene, phrase);
  if (!found) return null;
  if ('question' in found) return ask(rule, found.question);
  const { list, which } = found;
  if (which && which.value === false)
    return ask(
      rule,
      `Clear the ${list.field} that are ${which.words}? That throws away the ones still open; say "clear the ${wordsOf(which.field)} ones" if that is what you mean.`
    );
  const f = list.field;
  const body = which
    ? `state.${f} = state.${f}.filter((x) => !${testOf(which)});`
    : `state.${f} = [];`;
  const label = asked.label ?? (which ? `Clear ${wordsOf(which.field)}` : `Clear all`);
  const base = which ? `clear${capitalized(which.field)}` : `clearAll`;
  return buttonBatch(
    scene,
    rule,
    list,
    base,
    body,
    label,
    split.value.said ? split.value.place : undefined,
    temps,
    which ? `removes the ${f} that are ${which.words}` : `empties ${f}`
  );
}

/** A list found in a phrase with an optional done-like condition, or a question, or null. */
function listWithQualifier(
  scene: Scene,
  phrase: string
): { list: ListShape; which?: Qualifier } | { question: string } | null {
  // Read the condition against the only list when the phrase itself names none ("the done ones").
  const first = pickList(
    scene,
    phrase.replace(/\b(?:\w+ed|done|active|open|unfinished|remaining|pending)\b/gi, '')
  );
  if (!first) return null;
  if ('question' in first) return first;
  const q = qualifier(first.list, phrase);
  if ('question' in q) return q;
  const again = pickList(scene, q.rest);
  if (!again) return null;
  if ('question' in again) return again;
  return { list: again.list, which: q.which };
}

/** A handler (or the existing one with the same body) and a Button that runs it. */
function buttonBatch(
  scene: Scene,
  rule: string,
  list: ListShape,
  base: string,
  body: string,
  label: string,
  place: { parent: { id: string }; index: number | undefined; words: string } | undefined,
  temps: TempIds,
  does: string
): RuleResult {
  const { component } = list;
  const same = Object.entries(component.handlers).find(
    ([, h]) => h.params.length === 0 && h.body.replace(/\s+/g, ' ').trim() === body
  )?.[0];
  const name =
    same ??
    freeName(
      base,
      (n) => Object.hasOwn(component.handlers, n) || Object.hasOwn(component.state, n)
    );
  // Where said, else after the selection, else right after the list.
  const at = place ?? (scene.selection ? defaultContainer(scene) : undefined);
  const where = at
    ? { parent: at.parent.id, index: at.index, words: at.words }
    : { ...afterList(scene.model, list), words: `after ${describeNode(list.each)}` };
  const ops: Op[] = [];
  if (!same) ops.push({ op: 'setHandler', component: component.name, name, body });
  const props: Record<string, PropValue> = {
    label: capitalized(label),
    variant: 'secondary',
    onClick: { $handler: name }
  };
  ops.push({
    op: 'addNode',
    parent: where.parent,
    ...(where.index !== undefined ? { index: where.index } : {}),
    type: 'Button',
    id: temps.next(),
    props
  });
  return {
    kind: 'batch',
    rule,
    ops,
    summary: `Add a Button "${capitalized(label)}" ${where.words} that runs ${same ? `the existing handler ${name}` : `a new handler ${name}`}, which ${does}`
  };
}

/** How to order items: a comparator over `a` and `b`, or the list reversed. */
type Order = { compare: string; words: string } | { reverse: true; words: string };

const ALPHA = /\b(?:alphabetic(?:al)?(?:ly)?|a\s*(?:-|to)\s*z|by (?:name|title|text|label))\b/i;
const ZA = /\b(?:z\s*(?:-|to)\s*a|reverse alphabetic(?:al)?(?:ly)?)\b/i;
const NEWEST =
  /\b(?:newest|latest|most recent|recent)(?: ones?| items?)?(?: first| on top| at the top)?\b|\bby newest\b/i;
const OLDEST = /\b(?:oldest|earliest)(?: ones?)?(?: first)?\b/i;
const DESC =
  /\b(?:desc(?:ending)?|highest first|largest first|biggest first|most first|high to low|reversed?)\b/i;
const CREATED = /^(?:created(?:At)?|added(?:At)?|date|time|timestamp|when)$/i;

/** The order a phrase asks for, or a question. */
function orderOf(
  scene: Scene,
  list: ListShape,
  phrase: string
): Order | { question: string } | null {
  const fields = Object.keys(list.item);
  const desc = DESC.test(phrase);
  const cmp = (field: string, down: boolean): Order => {
    const type = list.item[field];
    const [a, b] = down ? ['b', 'a'] : ['a', 'b'];
    const compare =
      type === 'number'
        ? `${a}.${field} - ${b}.${field}`
        : type === 'boolean'
          ? `Number(${a}.${field}) - Number(${b}.${field})`
          : typeof type === 'string' || (typeof type === 'object' && 'enum' in type)
            ? `String(${a}.${field}).toLowerCase().localeCompare(String(${b}.${field}).toLowerCase())`
            : '';
    return { compare, words: `by ${wordsOf(field)}${down ? ', descending' : ''}` };
  };
  if (ZA.test(phrase) || (ALPHA.test(phrase) && desc)) {
    if (!list.text) return { question: `The ${list.field} have no text field to sort by.` };
    return { ...cmp(list.text, true), words: 'Z to A' };
  }
  if (ALPHA.test(phrase)) {
    if (!list.text) return { question: `The ${list.field} have no text field to sort by.` };
    return { ...cmp(list.text, false), words: 'A to Z' };
  }
  const created =
    fields.find((f) => CREATED.test(f)) ??
    (list.key && list.item[list.key] === 'number' ? list.key : undefined);
  if (NEWEST.test(phrase))
    return created
      ? { ...cmp(created, true), words: 'newest first' }
      : { reverse: true, words: 'newest first' };
  if (OLDEST.test(phrase))
    return created
      ? { ...cmp(created, false), words: 'oldest first' }
      : {
          question: `The ${list.field} are kept oldest first already; sort them by something else?`
        };
  const by =
    /\bby\s+(.+?)(?:\s+(?:asc(?:ending)?|desc(?:ending)?|highest first|lowest first|largest first|smallest first|high to low|low to high|reversed?))?$/i.exec(
      phrase
    );
  if (by) {
    const field = itemField(scene, by[1], fields);
    if (!field)
      return {
        question: `The ${list.field} have no field "${literal(scene.u, by[1])}". They have ${fields.join(', ')}.`
      };
    if (typeof list.item[field] === 'object' && !('enum' in (list.item[field] as object)))
      return { question: `The ${wordsOf(field)} of the ${list.field} cannot be compared.` };
    return cmp(field, desc);
  }
  return null;
}

/** What remains of a sort phrase once the order words are taken out: the list's name. */
function listPart(phrase: string): string {
  return phrase
    .replace(/\bby\s+.+$/i, '')
    .replace(ZA, ' ')
    .replace(ALPHA, ' ')
    .replace(NEWEST, ' ')
    .replace(OLDEST, ' ')
    .replace(DESC, ' ')
    .replace(
      /\b(?:in|order|first|sorted|ascending|asc|so|that|the|shown|on top|always|keep)\b/gi,
      ' '
    )
    .replace(/\s+/g, ' ')
    .trim();
}

const SORT_VIEW = new RegExp(`^(${SORT_VERB})\\s+(.*)$`, 'i');
const SHOW_SORTED =
  /^(?:show|list|display|keep)\s+(.+?\b(?:sorted|ordered|in order|newest|latest|oldest|most recent|alphabetic\w*)\b.*)$/i;

/**
 * "sort the todos alphabetically", "show the newest items first", "sort the expenses by amount
 * descending": the list's Each shows a sorted copy (the data keeps its order). "add a sort A-Z
 * button" sorts the data itself with a handler.
 */
export function sortList(scene: Scene, temps: TempIds): RuleResult {
  const rule = 'sort-list';
  const asked = buttonAsk(scene);
  const isSort = (verb: string) => new RegExp(`^${SORT_VERB}`, 'i').test(verb);
  if (asked && isSort(asked.verb)) {
    const split = splitPlacement(scene, asked.what, false);
    if (!split.ok) return ask(rule, split.text);
    const picked = pickList(scene, listPart(split.value.before));
    if (!picked) return null;
    if ('question' in picked) return ask(rule, picked.question);
    const { list } = picked;
    const order = orderOf(scene, list, `${split.value.before} ${asked.label ?? ''}`);
    if (!order)
      return ask(
        rule,
        `Sort the ${list.field} how: A to Z, newest first, or by a field (${Object.keys(list.item).join(', ')})?`
      );
    if ('question' in order) return ask(rule, order.question);
    const f = list.field;
    const body =
      'reverse' in order
        ? `state.${f} = [...state.${f}].reverse();`
        : `state.${f} = [...state.${f}].sort((a, b) => ${order.compare});`;
    if ('reverse' in order)
      return ask(
        rule,
        `The ${f} have no date or number id to tell the newest, so a button could only reverse them. Sort them by a field instead?`
      );
    return buttonBatch(
      scene,
      rule,
      list,
      `sort${capitalized(f)}`,
      body,
      asked.label ?? `Sort ${order.words}`,
      split.value.said ? split.value.place : undefined,
      temps,
      `sorts ${f} ${order.words}`
    );
  }
  const flagged = flagOrder(scene);
  if (flagged) return flagged;
  const m = SORT_VIEW.exec(scene.u.text);
  const shown = m ? null : SHOW_SORTED.exec(scene.u.text);
  if (!m && !shown) return null;
  const phrase = m
    ? `${m[2]}${/^alphabeti/i.test(m[1]) ? ' alphabetically' : ''}`
    : shown![1].replace(/\b(?:sorted|ordered)\b/gi, ' ');
  const reverse = Boolean(m && /^reverse$/i.test(m[1]));
  const picked = pickList(
    scene,
    listPart(reverse ? phrase.replace(/^(?:the\s+)?order\s+of\s+/i, '') : phrase)
  );
  if (!picked) return null;
  if ('question' in picked) return ask(rule, picked.question);
  const { list } = picked;
  if (reverse) {
    // Reversing a list shown reversed shows it in its own order again.
    const back = /^\[\.\.\.(.+)\]\.reverse\(\)$/s.exec(list.items)?.[1];
    const source = /^[\w.$]+$/.test(list.items) ? list.items : `(${list.items})`;
    return viewBatch(list, back ?? `[...${source}].reverse()`, 'in reverse order');
  }
  const order = orderOf(scene, list, phrase);
  if (!order)
    return ask(
      rule,
      `Sort the ${list.field} how: A to Z, newest first, or by a field (${Object.keys(list.item).join(', ')})?`
    );
  if ('question' in order) return ask(rule, order.question);
  // Sorting again replaces the earlier order instead of sorting a sorted copy.
  const inner =
    /^\[\.\.\.(.+)\]\.(?:sort\(\(a, b\) => .+\)|reverse\(\))$/s.exec(list.items)?.[1] ?? list.items;
  const source = /^[\w.$]+$/.test(inner) ? inner : `(${inner})`;
  const expr =
    'reverse' in order
      ? `[...${source}].reverse()`
      : `[...${source}].sort((a, b) => ${order.compare})`;
  return {
    kind: 'batch',
    rule,
    ops: [{ op: 'setProp', id: list.each.id, name: 'items', value: { $expr: expr } }],
    summary: `Show the ${list.field} in ${describeNode(list.each)} ${order.words} (the data keeps its order)`
  };
}

/**
 * "add a button that marks all the todos as done", "add an uncheck all button": a handler that
 * sets the toggled field (or the one said) on every item, and a button that runs it.
 */
export function markAll(scene: Scene, temps: TempIds): RuleResult {
  const rule = 'mark-all';
  const asked = buttonAsk(scene);
  if (!asked || !new RegExp(`^${MARK_VERB}`, 'i').test(asked.verb)) return null;
  const split = splitPlacement(scene, asked.what, false);
  if (!split.ok) return ask(rule, split.text);
  // "every job" is all the jobs: a singular after "every" names the list as its plural does.
  const what = split.value.before.replace(/\b(?:every|each)\s+([a-z]+)\b/i, (all, word: string) =>
    /s$/i.test(word) ? all : `all ${word}s`
  );
  if (!/\b(?:all|every|everything|each)\b/i.test(what)) return null;
  const off = /^un/i.test(asked.verb);
  const said = /^(?:mark|unmark)$/i.test(asked.verb) ? what : `${what} ${off ? '' : 'done'}`;
  const phrase = said.replace(/\b(?:all|every|everything|each|as|off)\b/gi, ' ');
  const found = listWithQualifier(scene, off ? `${phrase} done` : phrase);
  if (!found || 'question' in found || !found.which)
    return found && 'question' in found ? ask(rule, found.question) : null;
  const { list, which } = found;
  const value = off ? !which.value : which.value;
  const f = list.field;
  const body = `state.${f} = state.${f}.map((x) => ({ ...x, ${which.field}: ${value} }));`;
  const word = wordsOf(which.field);
  const base = `${value ? 'markAll' : 'unmarkAll'}${capitalized(which.field)}`;
  const label = asked.label ?? `${value ? 'Mark all' : 'Unmark all'} ${word}`;
  return buttonBatch(
    scene,
    rule,
    list,
    base,
    body,
    label,
    split.value.said ? split.value.place : undefined,
    temps,
    `sets ${which.field} to ${value} on every item of ${f}`
  );
}

function viewBatch(list: ListShape, expr: string, words: string): RuleResult {
  return {
    kind: 'batch',
    rule: 'sort-list',
    ops: [{ op: 'setProp', id: list.each.id, name: 'items', value: { $expr: expr } }],
    summary: `Show the ${list.field} in ${describeNode(list.each)} ${words} (the data keeps its order)`
  };
}

const FLAG_PLACE =
  /^(?:put|move|show|keep|place|sort|list|order)\s+(.+?)\s+(?:(?:at|to|on)\s+the\s+(bottom|end|top|start)(?:\s+of\s+(?:the\s+)?(?:list|.+))?|(last|first|on top|at the end))$/i;
const FLAG_SO =
  /^(?:sort|order)\s+(.+?)\s+(?:so(?: that)?|with)\s+(.+?)\s+(?:are\s+|go\s+|come\s+|stay\s+|sit\s+)?(?:(?:at|on|to)\s+(?:the\s+)?)?(bottom|end|top|start|last|first)$/i;

/**
 * "put the completed items at the bottom", "sort the todos so done ones are last": the list
 * shown with the items of one value of a yes/no field after (or before) the others.
 */
function flagOrder(scene: Scene): RuleResult {
  const so = FLAG_SO.exec(scene.u.text);
  const put = so ? null : FLAG_PLACE.exec(scene.u.text);
  if (!so && !put) return null;
  const phrase = so ? `${so[1]} ${so[2]}` : put![1];
  const where = (so ? so[3] : (put![2] ?? put![3])).toLowerCase();
  const found = listWithQualifier(scene, phrase);
  if (!found || 'question' in found || !found.which) return null;
  const { list, which } = found;
  const down = ['bottom', 'end', 'last', 'at the end'].includes(where);
  // Number(false) < Number(true): ascending puts the true ones last.
  const trueLast = down === which.value;
  const [a, b] = trueLast ? ['a', 'b'] : ['b', 'a'];
  const inner =
    /^\[\.\.\.(.+)\]\.(?:sort\(\(a, b\) => .+\)|reverse\(\))$/s.exec(list.items)?.[1] ?? list.items;
  const source = /^[\w.$]+$/.test(inner) ? inner : `(${inner})`;
  return viewBatch(
    list,
    `[...${source}].sort((a, b) => Number(${a}.${which.field}) - Number(${b}.${which.field}))`,
    `with the ones ${which.words} ${down ? 'last' : 'first'}`
  );
}
