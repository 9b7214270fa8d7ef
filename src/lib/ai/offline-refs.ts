/**
 * Which element a request means (where it goes is offline-place.ts). A reference is the
 * selection ("this", "it"), a node id, a type ("the heading"), a text ("the "Add" button", "the
 * clear done button"), optionally with an ordinal ("the second button"). Several matches are a
 * question naming them, never a guess. Pure: reads the model, writes nothing.
 */
import { ELEMENTS } from '../schema/elements';
import {
  childrenOf,
  rootComponent,
  type AppModel,
  type ComponentRecord,
  type NodeRecord
} from '../model/types';
import { an, joinWords, plain, type Utterance } from './offline-text';
import {
  canon,
  describes,
  nearlyNamed,
  namesOf,
  norm,
  otherNames,
  TEXT_PROPS
} from './offline-names';

/** What a request is about: the model, the selected node, the words. */
export interface Scene {
  readonly model: AppModel;
  readonly selection: NodeRecord | null;
  readonly u: Utterance;
}

/** A reference resolved, or the question to ask instead. */
export type Found<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly text: string };

/** Words people use for each element type, longest first so "text field" wins over "text". */
const TYPE_WORDS: readonly (readonly [string, string])[] = (
  [
    ['text field', 'TextInput'],
    ['text input', 'TextInput'],
    ['input field', 'TextInput'],
    ['text box', 'TextInput'],
    ['textbox', 'TextInput'],
    ['input', 'TextInput'],
    ['field', 'TextInput'],
    ['text area', 'TextArea'],
    ['multiline text field', 'TextArea'],
    ['multi-line text field', 'TextArea'],
    ['check box', 'Checkbox'],
    ['tickbox', 'Checkbox'],
    ['tick box', 'Checkbox'],
    ['switch', 'Toggle'],
    ['dropdown', 'Select'],
    ['drop-down', 'Select'],
    ['drop down', 'Select'],
    ['picker', 'Select'],
    ['menu', 'Select'],
    ['range', 'Slider'],
    ['header', 'Heading'],
    ['headline', 'Heading'],
    ['title', 'Heading'],
    ['paragraph', 'Text'],
    ['label', 'Text'],
    ['message', 'Text'],
    ['separator', 'Divider'],
    ['line', 'Divider'],
    ['rule', 'Divider'],
    ['space', 'Spacer'],
    ['row', 'Stack'],
    ['column', 'Stack'],
    ['group', 'Stack'],
    ['section', 'Stack'],
    ['container', 'Stack'],
    ['panel', 'Card'],
    ['box', 'Card'],
    ['picture', 'Image'],
    ['photo', 'Image'],
    ['img', 'Image'],
    ['tag', 'Badge'],
    ['chip', 'Badge'],
    ['pill', 'Badge'],
    ['hyperlink', 'Link'],
    ['list', 'Each'],
    ['loop', 'Each'],
    ['repeat', 'Each'],
    ['condition', 'If'],
    ['conditional', 'If'],
    ...[...ELEMENTS.keys()].map((type) => [type.toLowerCase(), type])
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

/** Type words, longest first, including the app's own components. */
function typeWords(model: AppModel): (readonly [string, string])[] {
  const components = [...model.components.values()].map(
    (c) => [c.name.toLowerCase(), c.name] as const
  );
  return [...components, ...TYPE_WORDS].sort((a, b) => b[0].length - a[0].length);
}

/** The element type a phrase starts with, and what follows it: "text field called x". */
export function leadingType(
  model: AppModel,
  phrase: string
): { type: string; word: string; rest: string } | null {
  const lower = phrase.toLowerCase();
  for (const [word, type] of typeWords(model)) {
    for (const form of [word, pluralOf(word)]) {
      if (lower === form || lower.startsWith(`${form} `))
        return { type, word, rest: phrase.slice(form.length).trim() };
    }
  }
  return null;
}

/** The element type a phrase ends with, and what comes before it: "clear done button". */
export function trailingType(
  model: AppModel,
  phrase: string
): { type: string; word: string; rest: string; plural: boolean } | null {
  const lower = phrase.toLowerCase();
  for (const [word, type] of typeWords(model)) {
    for (const form of [word, pluralOf(word)]) {
      if (lower === form || lower.endsWith(` ${form}`))
        return {
          type,
          word,
          rest: phrase.slice(0, phrase.length - form.length).trim(),
          plural: form !== word
        };
    }
  }
  return null;
}

/** "button" → "buttons", "text box" → "text boxes". */
function pluralOf(word: string): string {
  return /(?:x|s|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;
}

/** Nodes in reading order: the root component's view first, then the other components'. */
export function readingOrder(model: AppModel): NodeRecord[] {
  const root = rootComponent(model);
  const components = [...model.components.values()].sort((a, b) =>
    a === root ? -1 : b === root ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  );
  const out: NodeRecord[] = [];
  for (const component of components) {
    const stack = [component.root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      const node = model.nodes.get(id);
      if (!node) continue;
      out.push(node);
      const kids = childrenOf(model, id);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return out;
}

/**
 * Whether a phrase is, word for word, the literal text of some element ("Nothing to do yet." for
 * the Text that says it): such a phrase names that element whole, not by a word inside it.
 */
export function namesExactly(scene: Scene, phrase: string): boolean {
  const p = norm(plain(scene.u, phrase).replace(/^(?:the|a|an)\s+/i, ''));
  return Boolean(p) && readingOrder(scene.model).some((n) => namesOf(n).includes(p));
}

/** A node as a person reads it: `Button "Add" (b1x2y)`. */
export function describeNode(node: NodeRecord): string {
  for (const prop of TEXT_PROPS) {
    const v = node.props[prop];
    if (typeof v === 'string' && v.trim()) {
      const text = v.trim().length > 30 ? `${v.trim().slice(0, 29)}…` : v.trim();
      return `${node.type} "${text}" (${node.id})`;
    }
  }
  return `${node.type} ${node.id}`;
}

/** Several nodes named for a question, at most six of them. */
export function listNodes(nodes: readonly NodeRecord[]): string {
  const shown = nodes.slice(0, 6).map(describeNode);
  if (nodes.length > 6) shown.push(`${nodes.length - 6} more`);
  return joinWords(shown);
}

const SELECTION =
  /^(?:it|this|that|this one|that one|here|the selected(?: one| element| node| item| thing)?|selected(?: one| element)?|the selection|selection|the current(?: one| element)?|this element|that element|what i selected|what is selected)$/;
const ORDINALS: Record<string, number> = {
  first: 0,
  '1st': 0,
  second: 1,
  '2nd': 1,
  third: 2,
  '3rd': 2,
  fourth: 3,
  '4th': 3,
  fifth: 4,
  '5th': 4,
  last: -1
};
const NAMING =
  /^(?:labell?ed|called|named|titled|saying|that says|which says|reading|with (?:the )?(?:text|label|title))\s+/;

const NOTHING_SELECTED =
  'Nothing is selected. Select an element on the canvas, or name it: by type ("the heading"), by its text in quotes ("the "Add" button") or by its id.';

/** The element a phrase names, or the question to ask. */
export function findElement(scene: Scene, phrase: string): Found<NodeRecord> {
  const found = locate(scene, phrase, false);
  return found.ok ? { ok: true, value: found.value[0] } : found;
}

const EVERY = /^(?:all(?: of)?(?: the)?|every|each|both(?: of)?(?: the)?)\s+/;

/**
 * The elements a phrase names: one ("the Add button"), every one a plural or "all" covers ("the
 * delete buttons", "all the buttons"), or a list ("the Add button and the Clear done button").
 * Each part of a list must name something, or the whole is the question of the part that does not.
 */
export function findElements(scene: Scene, phrase: string): Found<NodeRecord[]> {
  const whole = locate(scene, phrase, true);
  if (whole.ok) return whole;
  const parts = phrase.split(/\s*(?:,\s*and|,|\band\b|&)\s+/i).filter((p) => p.trim());
  if (parts.length < 2) return whole;
  const out: NodeRecord[] = [];
  for (const part of parts) {
    const found = locate(scene, part, true);
    if (!found.ok) return whole;
    for (const n of found.value) if (!out.includes(n)) out.push(n);
  }
  return { ok: true, value: out };
}

function locate(scene: Scene, phrase: string, many: boolean): Found<NodeRecord[]> {
  const one = (value: NodeRecord): Found<NodeRecord[]> => ({ ok: true, value: [value] });
  const { model, selection } = scene;
  const raw = phrase.trim();
  // Node ids are case-sensitive and may be typed in backticks.
  const id = /^(?:(?:the )?(?:node|element|id) )?[`#]?([A-Za-z][A-Za-z0-9_-]*)`?$/.exec(raw)?.[1];
  if (id && model.nodes.has(id)) return one(model.nodes.get(id)!);

  let p = plain(scene.u, raw).replace(/'s$/, '');
  if (SELECTION.test(p)) return selection ? one(selection) : { ok: false, text: NOTHING_SELECTED };
  // "this button", "the selected heading": the selection, if it is one.
  const demonstrative = /^(?:this|that|the selected|selected) (.+)$/.exec(p);
  if (demonstrative) {
    const typed = leadingType(model, demonstrative[1]);
    if (typed && !typed.rest) {
      if (!selection) return { ok: false, text: NOTHING_SELECTED };
      if (selection.type === typed.type) return one(selection);
      return {
        ok: false,
        text: `The selected element is ${describeNode(selection)}, not ${an(typed.type)}. Which ${typed.word} do you mean?`
      };
    }
    if (!/^(?:the|selected)/.test(p)) p = demonstrative[1];
  }
  // "each row", "every item": the row a list repeats, not every horizontal Stack of the app.
  if (
    /^(?:each|every)\s+(?:list\s+)?(?:row|item|entry|line)$|^(?:the\s+)?(?:rows?|items?|entry|entries|lines?)\s+(?:in|of)\s+the\s+list$|^the rows$/.test(
      p
    )
  ) {
    const repeated = readingOrder(model).filter(
      (n) => n.parent !== null && model.nodes.get(n.parent)?.type === 'Each'
    );
    if (repeated.length === 1 && p !== 'the rows') return one(repeated[0]);
    // "the rows" with a list's row and others: which is meant is a question.
    const rows = readingOrder(model).filter(
      (n) => n.type === 'Stack' && n.props.direction === 'horizontal'
    );
    if (repeated.length === 1 && /^the rows$/.test(p) && rows.length > 1)
      return {
        ok: false,
        text: `Do you mean the list's row (${describeNode(repeated[0])}, repeated for each item: say "each row") or every row (${listNodes(rows)}: say "all the rows")?`
      };
  }
  let every = false;
  if (many && EVERY.test(p)) {
    every = true;
    p = p.replace(EVERY, '');
  }
  p = p.replace(/^(?:the|a|an|my|our|your|that|this|those|these)\s+/, '');

  let ordinal: number | undefined;
  const ord = /^(\S+)\s+(.+)$/.exec(p);
  if (ord && Object.hasOwn(ORDINALS, ord[1])) {
    ordinal = ORDINALS[ord[1]];
    p = ord[2];
  }
  // "the checkbox in each row": an element of a repeated row is one element, wherever it repeats.
  p = p.replace(/\s+(?:in|of|on|from)\s+(?:each|every|the|its)\s+(?:row|item|line|entry)s?$/, '');
  // "the count at the bottom": of several that match, the last in reading order.
  let where: 'first' | 'last' | undefined;
  const pos = /^(.+?)\s+(?:at|on|in)\s+the\s+(?:very\s+)?(top|bottom|end|start|beginning)$/.exec(p);
  if (pos && !readingOrder(model).some((n) => namesOf(n).includes(norm(p)))) {
    p = pos[1];
    where = /top|start|beginning/.test(pos[2]) ? 'first' : 'last';
  }

  // "button labelled Add", "Add button", "button", or a text alone.
  let type: string | undefined;
  let word = 'element';
  let text = p;
  let plural = false;
  const lead = leadingType(model, p);
  // "the message" when a TextArea is labelled Message: a loose word for a type ("message" is a
  // Text) gives way to an element whose text it is, word for word.
  const loose = lead && lead.rest === '' && lead.word !== lead.type.toLowerCase();
  const named = loose ? readingOrder(model).filter((n) => namesOf(n).includes(norm(p))) : [];
  if (named.length > 0 && ordinal === undefined && !every)
    return named.length === 1
      ? { ok: true, value: [named[0]] }
      : {
          ok: false,
          text: `Which one do you mean: ${listNodes(named)}? Say it with its type too, use "first"/"last", or select it.`
        };
  if (lead && (lead.rest === '' || NAMING.test(lead.rest))) {
    type = lead.type;
    word = lead.word;
    text = lead.rest.replace(NAMING, '');
    plural = lead.rest === '' && p.toLowerCase() !== lead.word;
  } else {
    const trail = trailingType(model, p);
    if (trail) {
      type = trail.type;
      word = trail.word;
      text = trail.rest;
      plural = trail.plural;
    }
  }
  // "the delete buttons", "all the buttons": every element the words cover.
  const all = many && (plural || every);
  text = norm(text.replace(/\b(?:one|element|thing)$/, ''));
  if (!type && !text)
    return { ok: false, text: `Which element do you mean by "${phrase.trim()}"?` };

  // "row" and "column" are Stacks of that direction.
  const direction = word === 'row' ? 'horizontal' : word === 'column' ? 'vertical' : undefined;
  const pool = readingOrder(model).filter(
    (n) =>
      (!type || n.type === type) &&
      (!direction || (n.props.direction === 'horizontal') === (direction === 'horizontal'))
  );
  // "the title" is a heading, or whatever shows a title of its own (a Card's): all of them.
  if (word === 'title' && !text)
    pool.push(
      ...readingOrder(model).filter(
        (n) => n.type !== 'Heading' && typeof n.props.title === 'string' && n.props.title.trim()
      )
    );
  let matches = pool;
  if (text) {
    matches = pool.filter((n) => namesOf(n).includes(text));
    // Whole words only: "count" is not the start of "Counter".
    if (matches.length === 0)
      matches = pool.filter((n) => namesOf(n).some((name) => ` ${name} `.includes(` ${text} `)));
    if (matches.length === 0) matches = pool.filter((n) => otherNames(n).includes(text));
    // "the clear completed button" for "Clear done", "the remove button" for "Delete".
    if (matches.length === 0)
      matches = pool.filter((n) => namesOf(n).some((name) => canon(name) === canon(text)));
    if (matches.length === 0)
      matches = pool.filter((n) =>
        namesOf(n).some((name) => ` ${canon(name)} `.includes(` ${canon(text)} `))
      );
    // "the Emial field": a typo of one element's name.
    if (matches.length === 0) {
      const near = pool.filter((n) => nearlyNamed(n, text));
      if (near.length === 1) matches = near;
    }
    // "the thank you text", "the count": the words of what it shows, when one element has them.
    if (matches.length === 0) {
      const described = pool.filter((n) => describes(n, text));
      if (described.length === 1 || (described.length > 1 && where)) matches = described;
    }
    // "the message box": a loose word for an input, so any input of that name ("field" stays a
    // state field's word for rename-field).
    if (matches.length === 0 && /^(?:box|input|text box)$/.test(word)) {
      const inputs = readingOrder(model).filter((n) =>
        Object.values(n.props).some((v) => v !== null && typeof v === 'object' && '$bind' in v)
      );
      const named = inputs.filter((n) => namesOf(n).includes(text));
      if (named.length > 0) matches = named;
    }
    // "the newsletter checkbox" when the app has one checkbox: "the X" is the only X, unless
    // the words name some other element exactly.
    // Not when the words hold a list or another element ("the reset button and the slider").
    if (
      matches.length === 0 &&
      type &&
      !all &&
      pool.length === 1 &&
      !/\b(?:and|or|with|plus|but|keep|leave|except|not|without|then|also)\b/.test(text) &&
      !text.split(' ').some((w) => leadingType(model, w)) &&
      !readingOrder(model).some((n) => namesOf(n).includes(text))
    )
      matches = pool;
  }
  const what = type ? an(type) : 'an element';
  if (matches.length === 0) {
    const others = pool.length > 0 && type ? ` The ${word}s here are: ${listNodes(pool)}.` : '';
    return {
      ok: false,
      text: `I could not find ${what}${text ? ` called "${text}"` : ''}.${others || ' Name it by its type, its text in quotes or its id, or select it on the canvas.'}`
    };
  }
  if (ordinal !== undefined) {
    const at = ordinal < 0 ? matches.length + ordinal : ordinal;
    if (at >= matches.length)
      return {
        ok: false,
        text: `There ${matches.length === 1 ? 'is only one' : `are only ${matches.length}`}: ${listNodes(matches)}. Which do you mean?`
      };
    return one(matches[at]);
  }
  // "the buttons at the bottom": which of them are, is not for a word rule to guess.
  if (all && where)
    return {
      ok: false,
      text: `Which of these do you mean by "at the ${where === 'last' ? 'bottom' : 'top'}": ${listNodes(matches)}? Name them by their texts ("the "${firstText(matches)}" ${type ? word : 'element'} and …").`
    };
  if (all) return { ok: true, value: matches };
  if (where && matches.length > 1) return one(matches[where === 'first' ? 0 : matches.length - 1]);
  if (matches.length === 1) return one(matches[0]);
  // Several match: the selected one is the one meant, when it is among them.
  if (selection && matches.includes(selection)) return one(selection);
  return {
    ok: false,
    text: `Which ${type ? word : 'one'} do you mean: ${listNodes(matches)}? Say it with its text in quotes (like "the "${firstText(matches)}" ${type ? word : 'element'}"), use "first"/"last", or select it.`
  };
}

function firstText(nodes: readonly NodeRecord[]): string {
  for (const n of nodes)
    for (const prop of TEXT_PROPS) {
      const v = n.props[prop];
      if (typeof v === 'string' && v.trim()) return v.trim();
    }
  return nodes[0].id;
}

/** The component a node belongs to. */
export function componentOf(model: AppModel, node: NodeRecord): ComponentRecord {
  return model.components.get(node.component)!;
}

/**
 * The handler a node's `onClick` names, with its name and component; null when the node runs
 * none (no onClick, an expression, or a name its component does not define).
 */
export function clickHandler(
  model: AppModel,
  node: NodeRecord
): {
  name: string;
  component: ComponentRecord;
  handler: ComponentRecord['handlers'][string];
} | null {
  const on = node.props.onClick;
  if (!on || typeof on !== 'object' || !('$handler' in on)) return null;
  const name = String(on.$handler);
  const component = componentOf(model, node);
  const handler = component.handlers[name];
  return handler ? { name, component, handler } : null;
}
