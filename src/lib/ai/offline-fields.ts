/**
 * The offline recipes about one input and its state field: a character (or word) counter under a
 * text input, and a field's default value. The field is found by what the person calls it (its
 * name, or the label of the input bound to it) and by its type, on any app. Pure.
 */
import {
  childrenOf,
  type ComponentRecord,
  type JsonValue,
  type NodeRecord,
  type Op,
  type PropValue,
  type StateType
} from '../model/types';
import { formatType } from '../schema/statetype';
import { componentOf, describeNode, findElement, listNodes, type Scene } from './offline-refs';
import { unread } from './offline-edit';
import { camelName, carriesInstruction, joinWords, literal, plain } from './offline-text';
import { startWithout } from './offline-list-start';
import { counterBox, counterWording } from './offline-counter-box';
import { ask, type RuleResult, type TempIds } from './offline-turn';
import { withDigits } from './offline-numbers';

/** An input bound to a state field: the node, its component and the field's name. */
interface BoundInput {
  readonly node: NodeRecord;
  readonly component: ComponentRecord;
  readonly field: string;
}

export function boundField(node: NodeRecord): string | undefined {
  for (const value of Object.values(node.props))
    if (value && typeof value === 'object' && !Array.isArray(value) && '$bind' in value)
      return String(value.$bind);
  return undefined;
}

/** Every input bound to a field, optionally only those of some types. */
function boundInputs(scene: Scene, types?: readonly string[]): BoundInput[] {
  const out: BoundInput[] = [];
  for (const node of scene.model.nodes.values()) {
    if (types && !types.includes(node.type)) continue;
    const field = boundField(node);
    if (field) out.push({ node, component: componentOf(scene.model, node), field });
  }
  return out;
}

/** Words that name no field: articles and the words for an input. */
export const NOISE =
  /\b(?:the|my|a|an|field|box|input|area|text area|textarea|text box|text field|value|state)\b/gi;

/** The word a person would use for an input: its label or placeholder, lower case. */
function shownAs(node: NodeRecord): string[] {
  return ['label', 'placeholder']
    .map((k) => node.props[k])
    .filter((v): v is string => typeof v === 'string')
    .map((v) =>
      v
        .toLowerCase()
        .replace(/[^a-z0-9 ]+/g, '')
        .trim()
    );
}

/**
 * The bound input a phrase names: by its field's name, its label or placeholder, or as an
 * element reference; with no phrase, the only one of the types. Null: the phrase names none.
 */
export function whichInput(
  scene: Scene,
  phrase: string,
  types: readonly string[]
): BoundInput | { question: string } | null {
  const inputs = boundInputs(scene, types);
  const said = plain(scene.u, phrase).replace(NOISE, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  if (!said) {
    if (inputs.length === 1) return inputs[0];
    const areas = inputs.filter((i) => i.node.type === 'TextArea');
    if (areas.length === 1) return areas[0];
    if (inputs.length === 0) return { question: 'This app has no text input to count.' };
    return { question: `Which input: ${listNodes(inputs.map((i) => i.node))}?` };
  }
  const name = camelName(said);
  const named = inputs.filter(
    (i) => i.field.toLowerCase() === name.toLowerCase() || shownAs(i.node).includes(said)
  );
  if (named.length === 1) return named[0];
  if (named.length > 1) return { question: `Which one: ${listNodes(named.map((i) => i.node))}?` };
  const found = findElement(scene, phrase);
  if (found.ok) {
    const hit = inputs.find((i) => i.node.id === found.value.id);
    if (hit) return hit;
  }
  return null;
}

const COUNTER =
  /^(?:(?:add|create|put|include|give me|show|display)\s+(?:(?:a|an|the)\s+)?(?:live\s+)?(character|char|letter|word)s?\s*(?:counter|count|limit|counting|left|remaining)\b|(?:show|display|count)\s+(?:how many|the number of)\s+(characters|chars|letters|words)\b(?:\s+(?:there are|have been|were))?(?:\s+(?:are\s+)?typed)?|count\s+the\s+(characters|letters|words)\b)\s*(.*)$/i;
const LIMIT =
  /\s*\b(?:with\s+)?(?:a\s+)?(?:limit|max(?:imum)?|up to|out of|of)\s+(?:of\s+)?(\d+)(?:\s+(?:characters|chars|letters|words))?\b/i;

/**
 * "add a character counter for the message", "show how many characters are in the bio", "add a
 * word count to the notes box with a limit of 200": a Text right after the input, whose text is
 * the length of the bound field (and the limit, the text turning red past it).
 */
export function addCharCounter(scene: Scene, temps: TempIds): RuleResult {
  scene = withDigits(scene);
  const rule = 'character-counter';
  const box = counterBox(scene, temps);
  if (box) return box;
  // "the message box needs a little letter counter": the same request said as a need.
  const reworded = counterWording(scene.u.text);
  if (reworded) scene = { ...scene, u: { ...scene.u, text: reworded } };
  const m = COUNTER.exec(scene.u.text);
  if (!m) return null;
  const unit = (m[1] ?? m[2] ?? m[3]).toLowerCase().startsWith('word') ? 'words' : 'characters';
  let rest = m[4];
  // "how many characters are left": what remains of a limit.
  const left =
    /^\s*(?:are\s+|is\s+)?(?:left|remaining)\b/i.exec(rest) ??
    /^\s*(?:left|remaining)\b/i.exec(rest);
  if (left) rest = rest.slice(left[0].length);
  let limit: number | undefined;
  const lim = LIMIT.exec(rest);
  if (lim) {
    limit = Number(lim[1]);
    rest = rest.replace(lim[0], ' ');
  }
  const phrase = rest
    .replace(/^\s*(?:are\s+)?(?:for|to|on|of|in|under|below|beneath|next to|after|with)\s+/i, '')
    .trim();
  const input = whichInput(scene, phrase, ['TextInput', 'TextArea']);
  if (!input)
    return ask(
      rule,
      `I could not find a text input called "${literal(scene.u, phrase)}". The text inputs here are: ${listNodes(boundInputs(scene, ['TextInput', 'TextArea']).map((i) => i.node)) || 'none'}.`
    );
  if ('question' in input) return ask(rule, input.question);
  const { node, component, field } = input;
  if (component.state[field]?.type !== 'string')
    return ask(rule, `${describeNode(node)} holds ${field}, which is not text.`);
  const value = `state.${field}`;
  const length =
    unit === 'words'
      ? `(${value}.trim() ? ${value}.trim().split(/\\s+/).length : 0)`
      : `${value}.length`;
  if (left && !limit)
    return ask(rule, `Left of how many ${unit}? Say it with a limit: "… with a limit of 200".`);
  const text = left
    ? `(${limit} - ${length}) + ' ${unit} left'`
    : limit
      ? `${length} + ' / ${limit} ${unit}'`
      : `${length} + ' ${unit}'`;
  const props: Record<string, PropValue> = {
    text: { $expr: text },
    size: 'sm',
    tone: limit ? { $expr: `${length} > ${limit} ? 'danger' : 'muted'` } : 'muted'
  };
  const parent = node.parent!;
  const op: Op = {
    op: 'addNode',
    parent,
    index: childrenOf(scene.model, parent).indexOf(node.id) + 1,
    type: 'Text',
    id: temps.next(),
    props
  };
  return {
    kind: 'batch',
    rule,
    ops: [op],
    summary: left
      ? `Add a Text after ${describeNode(node)} showing how many of ${limit} ${unit} are left in ${field} (red past the limit)`
      : `Add a Text after ${describeNode(node)} showing how many ${unit} ${field} holds${limit ? ` out of ${limit} (red past it)` : ''}`
  };
}

const DEFAULTS: readonly RegExp[] = [
  // "set the step to 2 by default": a starting value, not the step's label.
  /^(?:set|change|make|put)\s+(.+?)\s+(?:to|as|at)\s+(.+?)\s+(?:by default|as (?:the|its) default|(?:at|from) the start|initially|to start with|when the app (?:opens|starts))$/i,
  /^(?:make|set|have|let)\s+(.+?)\s+(?:default|start|begin|start off)\s+(?:to|at|as|with|from|on)\s+(.+)$/i,
  /^(?:set|change|make|put)\s+(?:the\s+)?default(?:\s+value)?\s+(?:of|for)\s+(.+?)\s+(?:to|as|at)\s+(.+)$/i,
  /^(?:set|change|make)\s+the\s+(?:default|starting|initial|start)\s+(?:value\s+(?:of\s+)?)?(.+?)\s+(?:to|as|at)\s+(.+)$/i,
  /^(?:the\s+)?(.+?)\s+should\s+(?:start|begin|default|start off)\s+(?:at|to|as|with|from|on)\s+(.+)$/i,
  /^(?:start|begin)\s+(.+?)\s+(?:at|from|with|on)\s+(.+)$/i,
  /^default\s+(.+?)\s+to\s+(.+)$/i,
  /^(?:pre-?fill|prefill|pre-?populate)\s+(.+?)\s+with\s+(.+)$/i,
  /^(?:make|have|set)\s+(.+?)\s+((?:un)?checked|(?:un)?ticked|on|off|enabled|true|false)\s+by default$/i,
  /^(?:the\s+)?(.+?)\s+should\s+be\s+((?:un)?checked|(?:un)?ticked|on|off|enabled|true|false)\s+by default$/i,
  /^give\s+(.+?)\s+(?:a|the)\s+(?:default|starting|initial)(?:\s+value)?\s+(?:of|:)\s+(.+)$/i,
  /^(?:make|set|have)\s+(.+?)\s+(?:be\s+)?(\S+|⟦\d+⟧)\s+by default$/i
];

/** A value said for a field's type, or the reason it does not fit. */
export function valueFor(
  scene: Scene,
  raw: string,
  type: StateType
): { ok: true; value: JsonValue } | { ok: false; text: string } {
  const said = literal(scene.u, raw).trim();
  if (type === 'number') {
    const n = Number(said.replace(/,/g, ''));
    return said && Number.isFinite(n)
      ? { ok: true, value: n }
      : { ok: false, text: `"${said}" is not a number` };
  }
  if (type === 'boolean') {
    if (/^(?:true|on|yes|checked|ticked|enabled|selected)$/i.test(said))
      return { ok: true, value: true };
    if (/^(?:false|off|no|unchecked|unticked|disabled|empty)$/i.test(said))
      return { ok: true, value: false };
    return { ok: false, text: `"${said}" is not on or off` };
  }
  if (type === 'string') return { ok: true, value: said };
  if (typeof type === 'object' && 'enum' in type) {
    const hit = type.enum.find((v) => String(v).toLowerCase() === said.toLowerCase());
    return hit !== undefined
      ? { ok: true, value: hit }
      : { ok: false, text: `"${said}" is not one of ${joinWords(type.enum.map(String))}` };
  }
  // "make the list start empty": the one list value a sentence can say.
  if (
    typeof type === 'object' &&
    'array' in type &&
    /^(?:empty|nothing|none|no items)$/i.test(said)
  )
    return { ok: true, value: [] };
  return {
    ok: false,
    text: `a ${formatType(type)} gets its starting value in the data, not from a sentence`
  };
}

/**
 * "make the name default to Bob", "the count should start at 10", "make the newsletter checkbox
 * checked by default": the field's initial value (retypeState to the same type with a new
 * `initial`); the value people have now stays, a new copy of the app or a reset starts there.
 */
export function setDefault(scene: Scene): RuleResult {
  const rule = 'set-default';
  // A list's starting items, less some: the same kind of change, for a list.
  const without = startWithout(scene);
  if (without) return without;
  let m: RegExpExecArray | null = null;
  for (const re of DEFAULTS) if ((m = re.exec(scene.u.text))) break;
  if (!m) return null;
  const [, ref, raw] = m;
  const phrase = ref.replace(/^(?:the\s+)?default(?:\s+value)?\s+(?:of|for)\s+/i, '');
  const words = plain(scene.u, phrase).replace(NOISE, ' ').replace(/\s+/g, ' ').trim();
  // "set the starting value to 10" names no field: which one is the question, not a guess.
  if (!words)
    return ask(
      rule,
      `Which field should start at ${literal(scene.u, raw)}? Say it by its name or its input's label ("make the … default to …").`
    );
  // A state field by name, else the field an input named by its label or type is bound to.
  const owners = [...scene.model.components.values()].filter((c) =>
    Object.hasOwn(c.state, camelName(words))
  );
  let target: { component: ComponentRecord; field: string; node?: NodeRecord } | undefined;
  if (owners.length === 1) target = { component: owners[0], field: camelName(words) };
  else {
    const input = whichInput(scene, phrase, [
      'TextInput',
      'TextArea',
      'Checkbox',
      'Toggle',
      'Slider',
      'Select'
    ]);
    if (input && 'question' in input) return ask(rule, input.question);
    if (input) target = input;
  }
  if (!target) return null;
  if (carriesInstruction(scene.u, raw)) return unread(rule, literal(scene.u, raw));
  const { component, field } = target;
  const current = component.state[field];
  const value = valueFor(scene, raw, current.type);
  if (!value.ok)
    return ask(rule, `${field} holds a ${formatType(current.type)}, and ${value.text}.`);
  const offered = optionFor(scene, field, value.value);
  if (!offered.ok) return ask(rule, offered.text);
  value.value = offered.value;
  if (JSON.stringify(current.initial) === JSON.stringify(value.value))
    return ask(rule, `${field} already starts at ${JSON.stringify(value.value)}.`);
  return {
    kind: 'batch',
    rule,
    ops: [
      {
        op: 'retypeState',
        component: component.name,
        name: field,
        type: current.type,
        migrate: 'value',
        initial: value.value
      }
    ],
    summary: `Make ${field} of ${component.name} start at ${JSON.stringify(value.value)} (was ${JSON.stringify(current.initial)}; a new copy of the app starts there, the value in use now stays)`
  };
}

/** A value for a field a Select offers choices for: one of them (in its own spelling), or why not. */
export function optionFor(
  scene: Scene,
  field: string,
  value: JsonValue
): { ok: true; value: JsonValue } | { ok: false; text: string } {
  const select = [...scene.model.nodes.values()].find(
    (n) => n.type === 'Select' && boundField(n) === field && Array.isArray(n.props.options)
  );
  if (!select) return { ok: true, value };
  const options = select.props.options as JsonValue[];
  const option = options.find((o) => String(o).toLowerCase() === String(value).toLowerCase());
  return option !== undefined
    ? { ok: true, value: option }
    : {
        ok: false,
        text: `${describeNode(select)} offers ${joinWords(options.map(String))}, not "${String(value)}". Which of those?`
      };
}
