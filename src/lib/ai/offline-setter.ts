/**
 * The offline recipe for a button that does something to one state field: "add a button that
 * doubles the count", "… that sets the count to 100", "… that clears the message". The handler is
 * a one-line body over `state`, written only for a field of the type the action needs. Pure.
 */
import { formatType } from '../schema/statetype';
import { rootComponent, type ComponentRecord } from '../model/types';
import { countedField } from './offline-normal';
import { componentOf, findElement, type Scene } from './offline-refs';
import { splitPlacement } from './offline-place';
import { unread } from './offline-edit';
import { boundField, NOISE, optionFor, valueFor, whichInput } from './offline-fields';
import { camelName, carriesInstruction, freeName, literal, plain, quoteOf } from './offline-text';
import { ask, type Proposal, type RuleResult, type TempIds } from './offline-turn';
import { withDigits } from './offline-numbers';
import { formReset } from './offline-form-reset';

const DOES =
  /^(?:add|create|put|include|insert|give me)\s+(?:(?:a|an|one more|another|one)\s+)?(?:new\s+)?(?:(.+?)\s+)?button\s+(?:that|which|to)\s+(.+)$/i;

/** What a new button's handler does to a field, read from the words after "that". */
const ACTIONS: readonly {
  re: RegExp;
  field: number;
  amount?: number;
  kind: 'set' | 'double' | 'halve' | 'add' | 'subtract' | 'multiply' | 'toggle' | 'clear';
}[] = [
  {
    re: /^(?:sets?|changes?|puts?|makes?)\s+(.+?)\s+(?:to|=|equal to)\s+(.+)$/i,
    field: 1,
    amount: 2,
    kind: 'set'
  },
  { re: /^doubles?\s+(.+)$/i, field: 1, kind: 'double' },
  { re: /^halves?\s+(.+)$/i, field: 1, kind: 'halve' },
  { re: /^adds?\s+(\d+(?:\.\d+)?)\s+to\s+(.+)$/i, field: 2, amount: 1, kind: 'add' },
  // "adds 10", "takes away 5": to the number the app counts with.
  { re: /^adds?\s+(\d+(?:\.\d+)?)()$/i, field: 2, amount: 1, kind: 'add' },
  {
    re: /^(?:subtracts?|takes? away|removes?)\s+(\d+(?:\.\d+)?)()$/i,
    field: 2,
    amount: 1,
    kind: 'subtract'
  },
  {
    re: /^(?:subtracts?|takes?)\s+(\d+(?:\.\d+)?)\s+(?:from|off)\s+(.+)$/i,
    field: 2,
    amount: 1,
    kind: 'subtract'
  },
  {
    re: /^(?:increases?|increments?|raises?|bumps?)\s+(.+?)\s+by\s+(\d+(?:\.\d+)?)$/i,
    field: 1,
    amount: 2,
    kind: 'add'
  },
  {
    re: /^(?:decreases?|decrements?|lowers?|reduces?)\s+(.+?)\s+by\s+(\d+(?:\.\d+)?)$/i,
    field: 1,
    amount: 2,
    kind: 'subtract'
  },
  {
    re: /^(?:multiplies?|times)\s+(.+?)\s+by\s+(\d+(?:\.\d+)?)$/i,
    field: 1,
    amount: 2,
    kind: 'multiply'
  },
  { re: /^(?:toggles?|flips?|switches)\s+(.+)$/i, field: 1, kind: 'toggle' },
  { re: /^(?:clears?|empties|blanks?)\s+(.+)$/i, field: 1, kind: 'clear' }
];

/**
 * "add a button that doubles the count", "add a button that sets the count to 100", "add a
 * button that toggles the dark field": a handler that does that to the state field named (by its
 * name or its input's label) and a button that runs it. Only for a field of the type the action
 * needs; anything else is left to the other rules (which wire an existing action or ask).
 */
export function addSetterButton(scene: Scene, temps: TempIds): RuleResult {
  scene = withDigits(scene);
  const rule = 'button-action';
  const reset = formReset(scene, temps);
  if (reset) return reset;
  const m = DOES.exec(scene.u.text);
  if (!m) return addStepButtons(scene, temps);
  const split = splitPlacement(scene, m[2], false);
  const purpose = split.ok ? split.value.before : m[2];
  for (const action of ACTIONS) {
    const a = action.re.exec(purpose);
    if (!a) continue;
    const phrase = a[action.field];
    // "doubles it", "adds 10": the one number the app's handlers step, if there is one.
    const counted = /^(?:it|the (?:number|total|score))?$/i.test(phrase.trim())
      ? countedField(scene.model)
      : null;
    if (counted)
      return setterBatch(scene, temps, m, split, action, a, {
        component: rootComponent(scene.model)!,
        field: counted
      });
    const words = plain(scene.u, phrase).replace(NOISE, ' ').replace(/\s+/g, ' ').trim();
    if (!words) {
      // "clears the text box": an input named by its type alone, if it is bound to a field.
      const found = findElement(scene, phrase);
      const field = found.ok ? boundField(found.value) : undefined;
      if (!found.ok || !field) return null;
      return setterBatch(scene, temps, m, split, action, a, {
        component: componentOf(scene.model, found.value),
        field
      });
    }
    const owners = [...scene.model.components.values()].filter((c) =>
      Object.hasOwn(c.state, camelName(words))
    );
    let target: { component: ComponentRecord; field: string } | undefined =
      owners.length === 1 ? { component: owners[0], field: camelName(words) } : undefined;
    if (!target) {
      const input = whichInput(scene, phrase, [
        'TextInput',
        'TextArea',
        'Checkbox',
        'Toggle',
        'Slider',
        'Select'
      ]);
      if (input && 'question' in input) return ask(rule, input.question);
      target = input ?? undefined;
    }
    if (!target) return null;
    return setterBatch(scene, temps, m, split, action, a, target);
  }
  return null;
}

/** The handler and button of addSetterButton for the field found. */
function setterBatch(
  scene: Scene,
  temps: TempIds,
  m: RegExpExecArray,
  split: ReturnType<typeof splitPlacement>,
  action: (typeof ACTIONS)[number],
  a: RegExpExecArray,
  target: { component: ComponentRecord; field: string }
): RuleResult {
  const rule = 'button-action';
  if (!split.ok) return ask(rule, split.text);
  const { component, field } = target;
  const type = component.state[field].type;
  const f = `state.${field}`;
  let body: string;
  let label: string;
  if (action.kind === 'set') {
    const raw = a[action.amount!];
    // Unquoted "and"/"then" in a value may be a second instruction: quotes say it is not.
    if (
      carriesInstruction(scene.u, raw) ||
      (quoteOf(scene.u, raw.trim()) === undefined && /\b(?:and|then)\b/i.test(raw))
    )
      return unread(rule, literal(scene.u, raw));
    const value = valueFor(scene, raw, type);
    if (!value.ok) return ask(rule, `${field} holds a ${formatType(type)}, and ${value.text}.`);
    const offered = optionFor(scene, field, value.value);
    if (!offered.ok) return ask(rule, offered.text);
    value.value = offered.value;
    body = `${f} = ${JSON.stringify(value.value)};`;
    label = `Set ${wordsOfName(field)} to ${String(value.value)}`;
  } else if (action.kind === 'toggle' || action.kind === 'clear') {
    const want = action.kind === 'toggle' ? 'boolean' : 'string';
    if (type !== want)
      return ask(
        rule,
        `${field} holds a ${formatType(type)}, so it cannot be ${action.kind === 'toggle' ? 'toggled' : 'cleared'}.`
      );
    body = action.kind === 'toggle' ? `${f} = !${f};` : `${f} = '';`;
    label = `${action.kind === 'toggle' ? 'Toggle' : 'Clear'} ${wordsOfName(field)}`;
  } else {
    if (type !== 'number') return ask(rule, `${field} holds a ${formatType(type)}, not a number.`);
    const n = action.amount ? Number(a[action.amount]) : 0;
    body = {
      double: `${f} *= 2;`,
      halve: `${f} /= 2;`,
      add: `${f} += ${n};`,
      subtract: `${f} -= ${n};`,
      multiply: `${f} *= ${n};`
    }[action.kind];
    const shown = capitalizedFirst(wordsOfName(field));
    label = {
      double: `Double ${wordsOfName(field)}`,
      halve: `Halve ${wordsOfName(field)}`,
      add: `${shown} +${n}`,
      subtract: `${shown} −${n}`,
      multiply: `${shown} ×${n}`
    }[action.kind];
  }
  if (m[1]) label = literal(scene.u, m[1].replace(/^(?:the|a|an)\s+/i, ''));
  const name = freeName(
    camelName(label.replace(/[+]/g, ' plus ').replace(/[−-]/g, ' minus ')) || 'action',
    (n) => Object.hasOwn(component.handlers, n) || Object.hasOwn(component.state, n)
  );
  const place = split.value.place;
  return {
    kind: 'batch',
    rule,
    ops: [
      { op: 'setHandler', component: component.name, name, body },
      {
        op: 'addNode',
        parent: place.parent.id,
        ...(place.index !== undefined ? { index: place.index } : {}),
        type: 'Button',
        id: temps.next(),
        props: { label: capitalizedFirst(label), onClick: { $handler: name } }
      }
    ],
    summary: `Add a Button "${capitalizedFirst(label)}" ${place.words} that runs a new handler ${name}: ${body}`
  };
}

function wordsOfName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function capitalizedFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const PAIR =
  /^(?:add|create|put|give me|i want|i need)\s+(?:(?:a|an)\s+)?([+\-−]\s?\d+(?:\.\d+)?)\s+(?:button\s+)?(?:and|&|,)\s+(?:(?:a|an)\s+)?([+\-−]\s?\d+(?:\.\d+)?)\s+buttons?(.*)$/i;
const PAIR_FOR =
  /^(?:add|create|put|give me)\s+(?:two\s+)?buttons\s+(?:for|that do|saying)\s+([+\-−]\s?\d+(?:\.\d+)?)\s+(?:and|&|,)\s+([+\-−]\s?\d+(?:\.\d+)?)(.*)$/i;

/**
 * "add a -10 and a +10 button", "add +5 and -5 buttons": each a button named by its sum, as
 * "add a -10 button" is, planned one after the other into one batch.
 */
function addStepButtons(scene: Scene, temps: TempIds): RuleResult {
  const m = PAIR.exec(scene.u.text) ?? PAIR_FOR.exec(scene.u.text);
  if (!m) return null;
  const ops: Proposal['ops'] = [];
  const said: string[] = [];
  for (const sum of [m[1], m[2]]) {
    const label = sum.replace(/\s/g, '').replace('−', '-');
    const n = label.slice(1);
    const verb = label.startsWith('-') ? `subtracts ${n} from it` : `adds ${n} to it`;
    const quotes = [...scene.u.quotes, label];
    const text = `add a ⟦${quotes.length - 1}⟧ button that ${verb}${m[3] ?? ''}`.trim();
    const result = addSetterButton({ ...scene, u: { ...scene.u, text, quotes } }, temps);
    if (!result) return null;
    if (result.kind === 'question') return result;
    ops.push(...result.ops);
    said.push(result.summary);
  }
  return { kind: 'batch', rule: 'button-action', ops, summary: said.join(', and then ') };
}
