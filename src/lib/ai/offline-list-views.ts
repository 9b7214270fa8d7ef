/**
 * The offline recipes that change what a list shows or add a figure about it: show only some
 * items (for good, or with a Toggle or a Select a person flips), a search box, a count and a
 * total. The controls' state is `local` (each tab's own, never stored) in the app's root
 * component, as a filter should be. Any app with a list of the right shape. Pure.
 */
import type { Op, PropValue, StateType } from '../model/types';
import {
  afterList,
  beforeList,
  itemField,
  pickList,
  qualifier,
  singular,
  testOf,
  textField,
  wordsOf,
  type ListShape,
  type Qualifier
} from './offline-list-shape';
import { describeNode, type Scene } from './offline-refs';
import { progressCount } from './offline-list-count';
import { searchWording } from './offline-list-words';
import { splitPlacement, type Placement } from './offline-place';
import { capitalized, freeName, literal } from './offline-text';
import { ask, type RuleResult, type TempIds } from './offline-turn';

/** The list named and the condition said, or a question, or null (not about a list). */
function listAndCondition(
  scene: Scene,
  phrase: string
): { list: ListShape; which?: Qualifier } | { question: string } | null {
  const bare = phrase.replace(
    /\b(?:\w+ed|done|active|open|unfinished|remaining|pending|left|not|un\w+|that|which|are|is|ones?)\b/gi,
    ' '
  );
  const first = pickList(scene, bare);
  if (!first || 'question' in first) return first;
  const q = qualifier(first.list, phrase);
  if ('question' in q) return q;
  const again = pickList(scene, q.rest);
  if (!again || 'question' in again) return again;
  return { list: again.list, which: q.which };
}

/** The Each's `items` over the filtered list: the filter wraps what it showed before. */
function filtered(list: ListShape, test: string): string {
  const source = /^[\w.$]+$/.test(list.items) ? list.items : `(${list.items})`;
  return `${source}.filter((x) => ${test})`;
}

function setItems(list: ListShape, expr: string): Op {
  return { op: 'setProp', id: list.each.id, name: 'items', value: { $expr: expr } };
}

/** A new state field for a control: `local` in the root component, which alone has scopes. */
function controlField(
  scene: Scene,
  list: ListShape,
  base: string,
  type: StateType,
  initial: string | boolean
): { name: string; op: Op } {
  const { component } = list;
  const name = freeName(
    base,
    (n) => Object.hasOwn(component.state, n) || Object.hasOwn(component.handlers, n)
  );
  const local = component.id === scene.model.meta.root;
  return {
    name,
    op: {
      op: 'addState',
      component: component.name,
      name,
      type,
      initial,
      ...(local ? { scope: 'local' as const } : {})
    }
  };
}

function where(scene: Scene, list: ListShape, place: Placement | undefined, before: boolean) {
  if (place) return { parent: place.parent.id, index: place.index, words: place.words };
  const at = before ? beforeList(scene.model, list) : afterList(scene.model, list);
  return { ...at, words: `${before ? 'above' : 'below'} ${describeNode(list.each)}` };
}

const ONLY =
  /^(?:(?:only|just)\s+show|show\s+(?:only|just)|(?:only|just)\s+list|list\s+only|hide|don'?t\s+show|do\s+not\s+show|stop\s+showing)\s+(.+)$/i;
const TOGGLE =
  /^(?:add|create|put|include|give me)\s+(?:(?:a|an)\s+)?(toggle|switch|checkbox|check box|option|button)\s+(?:to|that|which|for)\s+(?:lets? (?:me|us|people) )?(hide|show only|only show|show)\s+(.+)$/i;
const LET_HIDE =
  /^(?:let|allow)\s+(?:me|us|users|people)\s+(?:to\s+)?(hide|show only|only show)\s+(.+)$/i;
const FILTER =
  /^(?:(?:add|create|put|include|give me)\s+(?:(?:a|an|some)\s+)?(?:filter (?:buttons?|dropdown|menu|select|tabs?)|filters?|(?:buttons|tabs)(?=\s+(?:for|to filter|to show)\b))|(?:let|allow)\s+(?:me|us|users|people)\s+(?:to\s+)?filter|make\s+(.+?)\s+filterable)\b\s*(.*)$/i;

/**
 * "only show the unfinished todos", "hide the completed ones": the list shows the items kept (for
 * good). "add a toggle to hide the done ones": a local boolean and a Toggle decide. "add a filter"
 * (or "let me filter the todos by done"): a local choice and a Select with All and the two values
 * of the toggled field (or the values of a choice field said with "by").
 */
export function filterList(scene: Scene, temps: TempIds): RuleResult {
  const rule = 'filter-list';
  const text = scene.u.text;
  const toggle = TOGGLE.exec(text) ?? LET_HIDE.exec(text);
  const only = toggle ? null : ONLY.exec(text);
  if (toggle || only) {
    const [verb, rest] = toggle
      ? toggle.length === 4
        ? [toggle[2], toggle[3]]
        : [toggle[1], toggle[2]]
      : [/^(?:hide|don|do|stop)/i.test(text) ? 'hide' : 'show', only![1]];
    const split = splitPlacement(scene, rest, false);
    if (!split.ok) return ask(rule, split.text);
    const found = listAndCondition(scene, split.value.before);
    if (!found) return null;
    if ('question' in found) return ask(rule, found.question);
    const { list, which } = found;
    if (!which)
      return toggle || /^hide|^don|^do not|^stop/i.test(text)
        ? ask(rule, `Which ${list.field} should be hidden: the done ones, or the ones not done?`)
        : null;
    // "hide the done ones" keeps the others.
    const keep: Qualifier =
      verb.toLowerCase() === 'hide'
        ? {
            ...which,
            value: !which.value,
            words: which.value ? `not ${wordsOf(which.field)}` : wordsOf(which.field)
          }
        : which;
    if (!toggle)
      return {
        kind: 'batch',
        rule,
        ops: [setItems(list, filtered(list, testOf(keep)))],
        summary: `Show only the ${list.field} that are ${keep.words} in ${describeNode(list.each)} (the others stay in the data)`
      };
    const label = `${verb.toLowerCase() === 'hide' ? 'Hide' : 'Show only'} ${which.words}`;
    const field = controlField(
      scene,
      list,
      `${verb.toLowerCase() === 'hide' ? 'hide' : 'only'}${capitalized(camel(which.words))}`,
      'boolean',
      false
    );
    const at = where(scene, list, split.value.said ? split.value.place : undefined, true);
    return {
      kind: 'batch',
      rule,
      ops: [
        field.op,
        setItems(list, `state.${field.name} ? ${filtered(list, testOf(keep))} : ${list.items}`),
        node(at, 'Toggle', { label, checked: { $bind: field.name } }, temps)
      ],
      summary: `Add a Toggle "${label}" ${at.words}, bound to a new local field ${field.name}: while it is on, ${describeNode(list.each)} shows only the ${list.field} that are ${keep.words}`
    };
  }
  const f = FILTER.exec(text);
  if (!f) return null;
  const asButtons = /\b(?:buttons|tabs?)\b/i.test(f[0].slice(0, f[0].length - f[2].length));
  const split = splitPlacement(scene, `${f[1] ?? ''} ${f[2]}`.trim(), false);
  if (!split.ok) return ask(rule, split.text);
  // "tabs for all, active and done": the choices are what a filter of the toggled field offers.
  // "a filter dropdown with All, Active and Done": the same choices, said for a dropdown.
  const choicesOnly =
    /^(?:with|for|to show)\s+(?:(?:all|active|done|completed?|open|finished|unfinished|pending|remaining|and|or)\b[\s,]*)+$/i;
  const before =
    asButtons || choicesOnly.test(split.value.before)
      ? split.value.before
          .replace(/^(?:for|with|to filter|to show)\s+/i, '')
          .replace(
            /\b(?:all|active|done|completed?|open|finished|unfinished|pending|remaining|and|or)\b|,/gi,
            ' '
          )
          .trim()
      : split.value.before;
  let by = /^(?:(.*?)\s+)?(?:by|on|for)\s+(.+)$/i.exec(before);
  // "a filter for the todos" names the list, not a field.
  const forList = by && !by[1] ? pickList(scene, by[2]) : null;
  if (forList && 'list' in forList) by = null;
  const picked = pickList(scene, by ? (by[1] ?? '') : before.replace(/^for\s+/i, ''));
  if (!picked) return null;
  if ('question' in picked) return ask(rule, picked.question);
  const { list } = picked;
  const fields = Object.keys(list.item);
  let field = by ? itemField(scene, by[2], fields) : undefined;
  // "filter the todos by text" is a search.
  const textual = by ? textField(scene, by[2], list) : undefined;
  if (textual && list.item[textual] === 'string')
    return searchBatch(
      scene,
      list,
      textual,
      split.value.said ? split.value.place : undefined,
      temps
    );
  if (by && !field) {
    const q = qualifier(list, by[2]);
    if (!('question' in q) && q.which && !q.rest) field = q.which.field;
  }
  if (by && !field)
    return ask(
      rule,
      `The ${list.field} have no field "${literal(scene.u, by[2])}". They have ${fields.join(', ')}.`
    );
  field ??= list.flag;
  if (!field)
    return ask(
      rule,
      `Filter the ${list.field} by what? Say "add a search box" to find them by text, or "add a filter by <field>" (${fields.join(', ')}).`
    );
  const type = list.item[field];
  let options: string[];
  let test: string;
  if (type === 'boolean') {
    const label = capitalized(wordsOf(field));
    // "All / Open / Done": the person's own word for the items not done names that choice.
    const own = /\b(open|active|pending|unfinished|to do|todo|remaining)\b/i.exec(
      split.value.before
    )?.[1];
    const not =
      field === list.flag && /^(?:done|completed?|finished)$/i.test(field)
        ? own
          ? capitalized(own.toLowerCase())
          : 'Active'
        : `Not ${wordsOf(field)}`;
    options = ['All', not, label];
    test = `x.${field} === (state.FIELD === ${JSON.stringify(label)})`;
  } else if (typeof type === 'object' && 'enum' in type) {
    options = ['All', ...type.enum.map(String)];
    test = `String(x.${field}) === state.FIELD`;
  } else
    return ask(
      rule,
      `The ${wordsOf(field)} of the ${list.field} is free text: say "add a search box for the ${list.field} by ${wordsOf(field)}" instead.`
    );
  const choice = controlField(scene, list, `show${capitalized(field)}`, 'string', 'All');
  const at = where(scene, list, split.value.said ? split.value.place : undefined, true);
  const filter = setItems(
    list,
    filtered(list, `state.${choice.name} === 'All' || ${test.replace(/FIELD/g, choice.name)}`)
  );
  if (asButtons) {
    // One button per choice, the chosen one in the primary look.
    const ops: Op[] = [choice.op, filter];
    const { component } = list;
    const taken = new Set<string>();
    const buttons = options.map((option) => {
      const name = freeName(
        `show${capitalized(camel(option.toLowerCase()))}`,
        (n) =>
          taken.has(n) || Object.hasOwn(component.handlers, n) || Object.hasOwn(component.state, n)
      );
      taken.add(name);
      ops.push({
        op: 'setHandler',
        component: component.name,
        name,
        body: `state.${choice.name} = ${JSON.stringify(option)};`
      });
      return {
        type: 'Button',
        props: {
          label: option,
          size: 'sm',
          variant: {
            $expr: `state.${choice.name} === ${JSON.stringify(option)} ? 'primary' : 'ghost'`
          },
          onClick: { $handler: name }
        }
      };
    });
    ops.push({
      op: 'addNode',
      parent: at.parent,
      ...(at.index !== undefined ? { index: at.index } : {}),
      type: 'Stack',
      id: temps.next(),
      props: { direction: 'horizontal', gap: 'xs' },
      children: buttons
    });
    return {
      kind: 'batch',
      rule,
      ops,
      summary: `Add a row of buttons ${options.map((o) => `"${o}"`).join(', ')} ${at.words}, each setting a new local field ${choice.name}: ${describeNode(list.each)} shows the ${list.field} whose ${wordsOf(field)} matches the chosen one`
    };
  }
  return {
    kind: 'batch',
    rule,
    ops: [
      choice.op,
      filter,
      node(at, 'Select', { label: `Show`, options, value: { $bind: choice.name } }, temps)
    ],
    summary: `Add a Select "Show" (${options.join(', ')}) ${at.words}, bound to a new local field ${choice.name}: ${describeNode(list.each)} shows the ${list.field} whose ${wordsOf(field)} matches the choice`
  };
}

function camel(words: string): string {
  return words.replace(/\s+(\w)/g, (_, c: string) => c.toUpperCase());
}

function node(
  at: { parent: string; index: number | undefined },
  type: string,
  props: Record<string, PropValue>,
  temps: TempIds
): Op {
  return {
    op: 'addNode',
    parent: at.parent,
    ...(at.index !== undefined ? { index: at.index } : {}),
    type,
    id: temps.next(),
    props
  };
}

const SEARCH =
  /^(?:(?:add|create|put|include|give me)\s+(?:(?:a|an)\s+)?(?:(?:way|option|place|ability)\s+to\s+)?(?:search|find|text filter|filter (?:box|field|bar|input))(?:\s+(?:box|field|bar|input|text field))?|(?:let|allow)\s+(?:me|us|users|people)\s+(?:to\s+)?(?:search|find|look up)|make\s+(.+?)\s+searchable)\b\s*(.*)$/i;

/**
 * "add a search box", "let me search the todos by title": a local text field, a search input
 * bound to it above the list, and the Each showing the items whose text contains it (any case).
 */
export function searchList(scene: Scene, temps: TempIds): RuleResult {
  const rule = 'search-list';
  const m = SEARCH.exec(searchWording(scene, scene.u.text));
  if (!m) return null;
  const split = splitPlacement(
    scene,
    `${m[1] ?? ''} ${m[2]}`.replace(/^\s*(?:for|to|in|through|on)\b/i, ' ').trim(),
    false
  );
  if (!split.ok) return ask(rule, split.text);
  const by = /^(?:(.*?)\s+)?(?:by|on|in)\s+(?:their\s+|the\s+|its\s+)?(.+)$/i.exec(
    split.value.before
  );
  const picked = pickList(
    scene,
    by ? (by[1] ?? '') : split.value.before.replace(/^(?:for|through)\s+/i, '')
  );
  if (!picked) return null;
  if ('question' in picked) return ask(rule, picked.question);
  const { list } = picked;
  const strings = Object.keys(list.item).filter((k) => list.item[k] === 'string');
  const field = by ? textField(scene, by[2], list) : list.text;
  if (!field)
    return ask(
      rule,
      by
        ? `The ${list.field} have no text field "${literal(scene.u, by[2])}" to search${strings.length ? `; they have ${strings.join(', ')}` : ''}.`
        : `The ${list.field} have no text field to search.`
    );
  return searchBatch(scene, list, field, split.value.said ? split.value.place : undefined, temps);
}

/** A local query, a search input bound to it, and the list filtered on `field` containing it. */
function searchBatch(
  scene: Scene,
  list: ListShape,
  field: string,
  place: Placement | undefined,
  temps: TempIds
): RuleResult {
  const rule = 'search-list';
  const query = controlField(scene, list, 'query', 'string', '');
  const at = where(scene, list, place, true);
  const placeholder = `Search ${wordsOf(list.field)}…`;
  return {
    kind: 'batch',
    rule,
    ops: [
      query.op,
      setItems(
        list,
        filtered(
          list,
          `x.${field}.toLowerCase().includes(state.${query.name}.trim().toLowerCase())`
        )
      ),
      node(at, 'TextInput', { kind: 'search', placeholder, value: { $bind: query.name } }, temps)
    ],
    summary: `Add a search box "${placeholder}" ${at.words}, bound to a new local field ${query.name}: ${describeNode(list.each)} shows the ${list.field} whose ${wordsOf(field)} contains what is typed`
  };
}

const COUNT =
  /^(?:(?:show|display|add|put|include|give me|i want to see|let me see)\s+(?:(?:a|an|the)\s+)?(?:(?:counter|count|text|label|line|number)\s+(?:that\s+(?:shows|says|counts)|showing|saying|counting|with)\s+)?(?:(?:total\s+)?(?:count|number|tally)\s+of\s+|how many\s+)|count\s+(?:up\s+)?(?=the\s|all\s|how\s)(?:how many\s+)?|(?:add|create|show|display)\s+(?:(?:a|an|the)\s+)?(.+?)\s+count\b)\s*(.*)$/i;
const TOTAL =
  /^(?:show|display|add|put|include|give me|i want to see|let me see|calculate)\s+(?:(?:a|an|the)\s+)?(?:grand\s+)?(?:total|sum)\b(?:\s+of)?\s*(.*)$|^(?:add up|sum up|sum)\s+(.+)$/i;

/** The words for a list's items: "todo"/"todos", "entry"/"entries", else "item"/"items". */
function nouns(list: ListShape): [string, string] {
  const plural = wordsOf(list.field);
  const one = singular(plural);
  return one !== plural ? [one, plural] : ['item', 'items'];
}

/**
 * "show how many todos are left", "add an item count", "show the total of the amounts": a Text
 * after the list whose text is an expression over the data (the count of the items, of the
 * items that are or are not done, or the sum of a number field).
 */
export function countList(scene: Scene, temps: TempIds): RuleResult {
  const rule = 'count-list';
  const progress = progressCount(scene, temps);
  if (progress) return progress;
  // "…, like 'Total: 5'": the shape of the line, its number where the count goes.
  const like = /,?\s+(?:so it (?:reads|looks|says)\s+)?like\s+(⟦\d+⟧)$/i.exec(scene.u.text);
  const shape = like ? /^(\D*?)\d+(\D*)$/.exec(literal(scene.u, like[1])) : null;
  if (like && !shape) return null;
  const text = like ? scene.u.text.slice(0, like.index) : scene.u.text;
  const c = COUNT.exec(text);
  const t = c ? null : TOTAL.exec(text);
  if (like && !c) return null;
  if (!c && !t) return null;
  const said = c ? `${c[1] ?? ''} ${c[2]}` : (t![1] ?? t![2] ?? '');
  const split = splitPlacement(
    scene,
    said
      .replace(/\b(?:there are|there is|in the list|so far|in total|altogether)\b/gi, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
    false
  );
  if (!split.ok) return ask(rule, split.text);
  const phrase = split.value.before;
  const at = (list: ListShape) =>
    where(scene, list, split.value.said ? split.value.place : undefined, false);
  if (c) {
    const found = listAndCondition(scene, phrase);
    if (!found) return null;
    if ('question' in found) return ask(rule, found.question);
    const { list, which } = found;
    const of = which
      ? `state.${list.field}.filter((x) => ${testOf(which)}).length`
      : `state.${list.field}.length`;
    const [one, many] = nouns(list);
    const expr = shape
      ? `${shape[1] ? `${JSON.stringify(shape[1])} + ` : ''}${of}${shape[2] ? ` + ${JSON.stringify(shape[2])}` : ''}`
      : which
        ? `${of} + ' ${which.words}'`
        : `${of} + (${of} === 1 ? ' ${one}' : ' ${many}')`;
    const place = at(list);
    return {
      kind: 'batch',
      rule,
      ops: [node(place, 'Text', { text: { $expr: expr }, tone: 'muted', size: 'sm' }, temps)],
      summary: `Add a Text ${place.words} showing how many ${list.field} there are${which ? ` that are ${which.words}` : ''}${shape ? ` (like "${shape[0]}")` : ''}`
    };
  }
  // A total: the number field named ("the amounts", "price"), of the list named or the only one.
  const [first, ...tail] = phrase.split(/\s+(?:of|for|in|on)\s+/i);
  let head = first.trim();
  const picked = pickList(scene, tail.join(' '));
  if (!picked) return null;
  if ('question' in picked) return ask(rule, picked.question);
  let chosen = picked.list;
  let field = itemField(scene, head, chosen.numbers);
  if (!field && !tail.length && head) {
    const asList = pickList(scene, head);
    if (
      asList &&
      'list' in asList &&
      singular(wordsOf(asList.list.field)) ===
        singular(head.replace(/^(?:the|all the|my|our)\s+/i, ''))
    ) {
      chosen = asList.list;
      head = '';
    }
  }
  if (!field && !head && chosen.numbers.length === 1) field = chosen.numbers[0];
  if (!field)
    return ask(
      rule,
      chosen.numbers.length
        ? `A total of which field of the ${chosen.field}: ${chosen.numbers.join(', ')}?`
        : `The ${chosen.field} have no number field to add up. Add one first ("add an amount field to the ${wordsOf(chosen.field)}").`
    );
  const place = at(chosen);
  const expr = `'Total: ' + state.${chosen.field}.reduce((sum, x) => sum + x.${field}, 0)`;
  return {
    kind: 'batch',
    rule,
    ops: [node(place, 'Text', { text: { $expr: expr }, weight: 'bold' }, temps)],
    summary: `Add a Text ${place.words} showing the total of the ${wordsOf(field)} of the ${chosen.field}`
  };
}
