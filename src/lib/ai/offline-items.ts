/**
 * "let me mark todos as important", "add a priority field to the todo items": a field on the
 * items of a list the app shows (an Each over an array of objects in state). The item type gains
 * the field with a migration that fills it in, handlers that build items fill it too, and each
 * row gets a control that edits it. Pure.
 */
import { elementSchema } from '../schema/elements';
import { formatType } from '../schema/statetype';
import {
  childrenOf,
  rootComponent,
  type ComponentRecord,
  type JsonValue,
  type NodeRecord,
  type Op,
  type PropValue,
  type StateType
} from '../model/types';
import { describeNode, leadingType, type Scene } from './offline-refs';
import {
  an,
  camelName,
  capitalized,
  freeName,
  joinWords,
  labelFor,
  listOf,
  plain
} from './offline-text';
import { ask, type RuleResult, type TempIds } from './offline-turn';

/** A list the app shows: an array-of-objects state field and the Each that repeats over it. */
interface ListView {
  readonly component: ComponentRecord;
  readonly field: string;
  readonly item: Readonly<Record<string, StateType>>;
  readonly each: NodeRecord;
  /** The Each's loop variable. */
  readonly as: string;
}

function listViews(scene: Scene): ListView[] {
  const { model } = scene;
  const out: ListView[] = [];
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
      const each = [...model.nodes.values()].find((n) => {
        const items = n.props.items;
        return (
          n.type === 'Each' &&
          n.component === component.id &&
          items !== null &&
          typeof items === 'object' &&
          '$expr' in items &&
          new RegExp(`\\bstate\\.${field}\\b`).test(String(items.$expr))
        );
      });
      if (!each) continue;
      const as = typeof each.props.as === 'string' ? each.props.as : 'item';
      out.push({ component, field, item: el.object, each, as });
    }
  }
  return out;
}

const LIST_NOUNS = new Set(
  'todo todos to-do to-dos task tasks item items entry entries row rows record records thing things'.split(
    ' '
  )
);
const LIST_FILLER = new Set('each every all the my our of in a an list'.split(' '));

/** The list a phrase like "the todo items" or "each task" names, null if it names none. */
function whichList(scene: Scene, phrase: string): ListView | { question: string } | null {
  const words = plain(scene.u, phrase)
    .split(' ')
    .filter((w) => w && !LIST_FILLER.has(w));
  if (words.length === 0) return null;
  const singular = (w: string) => w.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  const lists = listViews(scene);
  const named = lists.filter((l) => words.some((w) => singular(w) === singular(l.field)));
  if (named.length === 1) return named[0];
  // "each job", "the orders": one word that is not an element type may name the only list's
  // items, as pickList() in offline-list-shape.ts reads it.
  // A singular word only after "each" or "every": "the form" is never the items.
  const loose =
    words.length === 1 &&
    lists.length === 1 &&
    (/[a-z]s$/i.test(words[0]) || /^\s*(?:each|every)\s/i.test(plain(scene.u, phrase))) &&
    !leadingType(scene.model, words[0]);
  if (!words.every((w) => LIST_NOUNS.has(w)) && !loose) return null;
  if (lists.length === 1) return lists[0];
  if (lists.length === 0)
    return {
      question:
        'This app shows no list of items (an Each over a list of objects in state), so there are no items to add a field to.'
    };
  return {
    question: `Which list: ${joinWords(lists.map((l) => `${l.field} (${describeNode(l.each)})`))}?`
  };
}

/** The field's type and control, from what was said: "important" is a flag, "priority" a choice. */
function fieldKind(
  name: string,
  hint: string,
  options: string[] | undefined
): { type: StateType; value: JsonValue; control: 'Checkbox' | 'Select' | 'TextInput' | 'Number' } {
  if (options && options.length > 0)
    return {
      type: { enum: [options[0], ...options.slice(1)] },
      value: options[0],
      control: 'Select'
    };
  if (
    /\b(?:checkbox|check box|flag|toggle|boolean|yes\/no|switch)\b/.test(hint) ||
    /^(?:is|has)[A-Z]|^(?:important|urgent|starred|favou?rite|flagged|pinned|archived|private|done|completed|read|seen|hidden)$/.test(
      name
    )
  )
    return { type: 'boolean', value: false, control: 'Checkbox' };
  if (/^priority$/i.test(name))
    return { type: { enum: ['low', 'normal', 'high'] }, value: 'normal', control: 'Select' };
  if (
    /\b(?:number|numeric|count|amount)\b/.test(hint) ||
    /^(?:quantity|amount|count|estimate|points|hours|minutes|price|cost|rating|score)$/.test(name)
  )
    return { type: 'number', value: 0, control: 'Number' };
  return { type: 'string', value: '', control: 'TextInput' };
}

const LET_ME =
  /^(?:(?:let|allow|help)\s+(?:me|us|users|people|the user|everyone)\s+(?:to\s+)?|(?:be able|make it possible)\s+to\s+)?(mark|flag|star|tag|label)\s+(.+?)\s+as\s+(.+)$/i;
const LET_ME_SET =
  /^(?:(?:let|allow|help)\s+(?:me|us|users|people|the user|everyone)\s+(?:to\s+)?|(?:be able|make it possible)\s+to\s+)(?:set|give|rate|assign|pick|choose|add|record|track|note|enter|write|type|attach)\s+(?:(?:a|an|the)\s+)?(.+?)\s+(?:for|on|to|of|in)\s+(.+)$/i;
const ADD_TO =
  /^(?:add|create|put|attach|give)\s+(?:(?:a|an|the|new)\s+)*(.+?)\s+(?:to|on|for|in)\s+(?:each|every|all|the|my|our|\s)*(.+)$/i;
const GIVE_EACH = /^give\s+(?:each|every|all|the|my)\s+(.+?)\s+(?:a|an)\s+(.+)$/i;
const OPTIONS =
  /\s*(?:\bwith (?:the )?(?:options|choices|values)\b|\boptions\b|\bchoices\b)\s*:?\s+(.+)$/i;

/**
 * "let me mark todos as important", "add a priority field to the todo items": the list's item
 * type gains a field (retypeState, with a migration that fills it in every existing item),
 * handlers that build items fill it too, and each row gets a control that edits it.
 */
export function addItemField(scene: Scene, temps: TempIds): RuleResult {
  const rule = 'add-item-field';
  const { u } = scene;
  let text = u.text;
  let options: string[] | undefined;
  const opts = OPTIONS.exec(text);
  if (opts) {
    options = listOf(u, opts[1]);
    text = text.slice(0, opts.index).trim();
  }
  let fieldWords: string;
  let listWords: string;
  let flag = false;
  const mark = LET_ME.exec(text);
  const set = LET_ME_SET.exec(text);
  const give = GIVE_EACH.exec(text);
  const add = ADD_TO.exec(text);
  if (mark) {
    [fieldWords, listWords, flag] = [mark[3], mark[2], true];
  } else if (set) {
    [fieldWords, listWords] = [set[1], set[2]];
  } else if (give) {
    [fieldWords, listWords] = [give[2], give[1]];
  } else if (add) {
    [fieldWords, listWords] = [add[1], add[2]];
  } else return null;
  const list = whichList(scene, listWords);
  if (!list) return null;
  if ('question' in list) return ask(rule, list.question);

  const said = plain(u, fieldWords);
  // "a badge saying new next to …": a text and a place, never a field's name.
  if (
    /\b(?:saying|says|reads|reading|labell?ed|called|named|that|which|next|beside|under|below|above)\b/.test(
      said
    )
  )
    return null;
  // "an edit button to each todo": an element in each row, not a field of the items.
  if (
    /\b(?:button|badge|tag|pill|link|image|picture|icon|heading|divider|line|card|row)s?$/.test(
      said
    )
  )
    return null;
  const hint = said;
  const base = said
    .replace(
      /\b(?:field|property|attribute|column|flag|checkbox|check box|toggle|option|setting|value|dropdown|select|boolean|number|numeric|text|yes\/no|switch)\b/g,
      ' '
    )
    .trim();
  const name = camelName(base || said);
  if (!name) return ask(rule, 'What should the new field be called?');
  if (Object.hasOwn(list.item, name))
    return ask(
      rule,
      `The ${list.field} already have a field "${name}". Which other field should they get?`
    );
  const kind = flag
    ? ({ type: 'boolean', value: false, control: 'Checkbox' } as const)
    : fieldKind(name, hint, options);
  return itemFieldBatch(scene, list, name, kind, temps);
}

function itemFieldBatch(
  scene: Scene,
  list: ListView,
  name: string,
  kind: ReturnType<typeof fieldKind>,
  temps: TempIds
): RuleResult {
  const rule = 'add-item-field';
  const { model } = scene;
  const { component, field, item, each, as } = list;
  // The row's handler finds the item by its key: the `id` field, or the Each's `key` expression.
  const keyExpr = each.props.key;
  const keyField = Object.hasOwn(item, 'id')
    ? 'id'
    : keyExpr && typeof keyExpr === 'object' && '$expr' in keyExpr
      ? new RegExp(`^${as}\\.(\\w+)$`).exec(String(keyExpr.$expr))?.[1]
      : undefined;
  if (!keyField || !Object.hasOwn(item, keyField))
    return ask(
      rule,
      `The ${field} have no id field to tell them apart, so a control in each row could not say which one it changes. Add an id field first.`
    );

  const literalValue = JSON.stringify(kind.value);
  const migrate = `value.map((x) => ({ ...x, ${name}: ${literalValue} }))`;
  const fill = (value: JsonValue): JsonValue =>
    Array.isArray(value)
      ? value.map((x) =>
          x && typeof x === 'object' && !Array.isArray(x) ? { ...x, [name]: kind.value } : x
        )
      : value;
  const ops: Op[] = [
    {
      op: 'retypeState',
      component: component.name,
      name: field,
      type: { array: { object: { ...item, [name]: kind.type } } },
      migrate,
      initial: fill(component.state[field].initial)
    }
  ];
  // Handlers that build a whole item must now give the new field too, or the type check fails.
  const fields = Object.keys(item);
  for (const [handler, h] of Object.entries(component.handlers)) {
    const body = withField(h.body, fields, `${name}: ${literalValue}`);
    if (body !== h.body)
      ops.push({
        op: 'setHandler',
        component: component.name,
        name: handler,
        params: [...h.params],
        body
      });
  }

  const free = (n: string) =>
    Object.hasOwn(component.handlers, n) || Object.hasOwn(component.state, n);
  const handler = freeName(
    `${kind.control === 'Checkbox' ? 'toggle' : 'set'}${capitalized(name)}`,
    free
  );
  const find = `const found = state.${field}.find((x) => x.${keyField} === ${as}.${keyField});\n`;
  const current = `${as}.${name}`;
  let control: { type: string; props: Record<string, PropValue> };
  let body: string;
  const label = labelFor(name);
  switch (kind.control) {
    case 'Checkbox':
      control = {
        type: 'Checkbox',
        props: { checked: { $expr: current }, label, onChange: { $handler: handler } }
      };
      body = `${find}if (found) found.${name} = event.checked;`;
      break;
    case 'Select': {
      const values = (kind.type as { enum: (string | number)[] }).enum.map(String);
      control = {
        type: 'Select',
        props: { value: { $expr: current }, options: values, onChange: { $handler: handler } }
      };
      // Narrowed by comparison, so the type check sees a value of the field's own type.
      const allowed = values.map((v) => `value === ${JSON.stringify(v)}`).join(' || ');
      body = `${find}const value = event.value;\nif (found && (${allowed})) found.${name} = value;`;
      break;
    }
    case 'Number':
      control = {
        type: 'TextInput',
        props: {
          kind: 'number',
          value: { $expr: `String(${current})` },
          placeholder: label,
          onInput: { $handler: handler }
        }
      };
      body = `${find}const value = Number(event.value);\nif (found && isFinite(value)) found.${name} = value;`;
      break;
    default:
      control = {
        type: 'TextInput',
        props: { value: { $expr: current }, placeholder: label, onInput: { $handler: handler } }
      };
      body = `${find}if (found) found.${name} = event.value;`;
  }
  ops.push({ op: 'setHandler', component: component.name, name: handler, params: [as], body });

  // Into the row: the Each's one container child, before its trailing buttons (Delete stays last).
  const rows = childrenOf(model, each.id);
  const row = rows.length === 1 ? model.nodes.get(rows[0]) : undefined;
  const parent = row && elementSchema(row.type)?.['x-container'] ? row : each;
  const kids = childrenOf(model, parent.id);
  let index = kids.length;
  while (index > 0 && model.nodes.get(kids[index - 1])?.type === 'Button') index--;
  ops.push({
    op: 'addNode',
    parent: parent.id,
    index,
    type: control.type,
    props: control.props,
    id: temps.next()
  });
  return {
    kind: 'batch',
    rule,
    ops,
    migrations: new Map([[migrate, fill]]),
    summary: `Give every item of ${field} a field ${name} (${formatType(kind.type)}, ${JSON.stringify(kind.value)} for the existing ones), and ${an(control.type)} in each row of ${describeNode(each)} that sets it`
  };
}

/**
 * Adds `entry` to every object literal in `body` whose keys are exactly `fields` (an item being
 * built, like `{ id: state.nextId, title, done: false }`). Strings and templates are skipped over;
 * a literal with a spread already copies every field and is left alone.
 */
export function withField(body: string, fields: readonly string[], entry: string): string {
  const want = new Set(fields);
  const opens: number[] = [];
  const inserts: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      for (i++; i < body.length && body[i] !== ch; i++) if (body[i] === '\\') i++;
      continue;
    }
    if (ch === '{') opens.push(i);
    else if (ch === '}') {
      const open = opens.pop();
      if (open === undefined) continue;
      const keys = topLevelKeys(body.slice(open + 1, i));
      if (keys && keys.length === want.size && keys.every((k) => want.has(k))) inserts.push(i);
    }
  }
  let out = body;
  for (const at of inserts.sort((a, b) => b - a)) {
    const head = out.slice(0, at).replace(/[\s,]*$/, '');
    out = `${head}, ${entry}${out.slice(at).startsWith('}') && /\s$/.test(out.slice(0, at)) ? ' ' : ''}${out.slice(at)}`;
  }
  return out;
}

/** The keys of an object literal's source between its braces, or null if it is not one. */
function topLevelKeys(inner: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      for (i++; i < inner.length && inner[i] !== ch; i++) if (inner[i] === '\\') i++;
    } else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  const keys: string[] = [];
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    const m = /^(?:([A-Za-z_$][\w$]*)|'([^']*)'|"([^"]*)")\s*(?::|$)/.exec(part);
    if (!m || part.startsWith('...')) return null;
    if (/^[A-Za-z_$][\w$]*$/.test(part) || part.includes(':')) keys.push(m[1] ?? m[2] ?? m[3]);
    else return null;
  }
  return keys.length > 0 ? keys : null;
}
