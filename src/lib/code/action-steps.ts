/**
 * The action builder's steps: what a handler does, as plain data a person picks from lists (set
 * a field, toggle, increase, add an item, remove this item, ...), and the readable handler body
 * they generate. Pure and free of Babel, so the studio page imports it; reading a body back into
 * steps needs a parser and lives in `action-steps-read.ts` on the server.
 *
 * The generated body is ordinary handler code over `state` and passes the same gate as typed
 * code: the steps add no power, they only spell a small subset of it. Every name that reaches
 * the text is checked to be an identifier first (a field or item key typed as `a; fetch(x)`
 * must not become code).
 */

/** Where a step's value comes from. */
export type ValueSource =
  /** Another state field: `state.draft`. */
  | { readonly from: 'field'; readonly field: string }
  /** A fixed value typed or picked: `'Hello'`, `5`, `true`. */
  | { readonly from: 'literal'; readonly value: string | number | boolean }
  /** A field of the event the element sends: `event.value`. */
  | { readonly from: 'event'; readonly key: string }
  /** A field of the loop item the handler runs for: `item.amount`. */
  | { readonly from: 'item'; readonly item: string; readonly key: string }
  /** One more than the largest `key` in `list` (a new id): `Math.max(0, ...state.items.map((x) => x.id)) + 1`. */
  | { readonly from: 'nextId'; readonly list: string; readonly key: string };

/** One field of an item a step adds: `{ desc: state.draftDesc }`. */
export interface ItemPart {
  readonly key: string;
  readonly value: ValueSource;
}

/** One step of a handler, in the order the steps run. */
export type ActionStep =
  | { readonly do: 'set'; readonly field: string; readonly value: ValueSource }
  | { readonly do: 'toggle'; readonly field: string }
  | { readonly do: 'increase' | 'decrease'; readonly field: string; readonly by: number }
  | { readonly do: 'add'; readonly list: string; readonly item: readonly ItemPart[] }
  /** Removes the loop item `item` from `list`, found by its `key` field. */
  | { readonly do: 'remove'; readonly list: string; readonly item: string; readonly key: string }
  /** Sets `field` of the loop item `item` in `list` (found by its `key` field) to `value`. */
  | {
      readonly do: 'change';
      readonly list: string;
      readonly item: string;
      readonly key: string;
      readonly field: string;
      readonly value: ValueSource;
    }
  | { readonly do: 'clear'; readonly list: string }
  /** Sets `field` back to its initial value (`initial`, a JSON value). */
  | { readonly do: 'reset'; readonly field: string; readonly initial: unknown };

/** The kinds of step, in the order the builder offers them, with their words. */
export const STEP_KINDS: readonly { readonly do: ActionStep['do']; readonly label: string }[] = [
  { do: 'set', label: 'Set a field' },
  { do: 'toggle', label: 'Toggle a field' },
  { do: 'increase', label: 'Increase a number' },
  { do: 'decrease', label: 'Decrease a number' },
  { do: 'add', label: 'Add an item to a list' },
  { do: 'remove', label: 'Remove this item' },
  { do: 'change', label: "Change this item's field" },
  { do: 'clear', label: 'Clear a list' },
  { do: 'reset', label: 'Reset a field' }
];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Whether `name` can stand in the generated code as a name or a member (`state.NAME`). */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && name !== '__proto__';
}

/** A JSON value as a JavaScript literal; strings in single quotes, as people write them. */
export function jsLiteral(value: unknown): string {
  if (typeof value === 'string')
    return `'${value
      .replace(/\\/g, '\\\\')
      .replace(/'/g, "\\'")
      .replace(/\n/g, '\\n')
      .replace(/\r/g, '\\r')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029')}'`;
  if (typeof value === 'number' && !Number.isFinite(value)) return '0';
  if (value === undefined) return 'null';
  return JSON.stringify(value);
}

function name(text: string): string {
  if (!isIdentifier(text)) throw new TypeError(`"${text}" is not a name the steps can use`);
  return text;
}

/** The code of a value source. Throws (misuse) for a name that is not an identifier. */
export function valueCode(source: ValueSource): string {
  switch (source.from) {
    case 'field':
      return `state.${name(source.field)}`;
    case 'literal':
      return jsLiteral(source.value);
    case 'event':
      return `event.${name(source.key)}`;
    case 'item':
      return `${name(source.item)}.${name(source.key)}`;
    case 'nextId':
      return `Math.max(0, ...state.${name(source.list)}.map((x) => x.${name(source.key)})) + 1`;
  }
}

/** The one statement of a step. Throws (misuse) for a name that is not an identifier. */
export function stepCode(step: ActionStep): string {
  switch (step.do) {
    case 'set':
      return `state.${name(step.field)} = ${valueCode(step.value)};`;
    case 'toggle':
      return `state.${name(step.field)} = !state.${name(step.field)};`;
    case 'increase':
    case 'decrease':
      return `state.${name(step.field)} ${step.do === 'increase' ? '+=' : '-='} ${jsLiteral(step.by)};`;
    case 'add': {
      const parts = step.item.map((p) => `${name(p.key)}: ${valueCode(p.value)}`);
      return `state.${name(step.list)}.push({${parts.length ? ` ${parts.join(', ')} ` : ''}});`;
    }
    case 'remove': {
      const [list, key, item] = [name(step.list), name(step.key), name(step.item)];
      return `state.${list} = state.${list}.filter((x) => x.${key} !== ${item}.${key});`;
    }
    case 'change': {
      const [list, key, item, field] = [
        name(step.list),
        name(step.key),
        name(step.item),
        name(step.field)
      ];
      return `state.${list} = state.${list}.map((x) => (x.${key} === ${item}.${key} ? { ...x, ${field}: ${valueCode(step.value)} } : x));`;
    }
    case 'clear':
      return `state.${name(step.list)} = [];`;
    case 'reset':
      return `state.${name(step.field)} = ${jsLiteral(step.initial)};`;
  }
}

/** The handler body of a list of steps: one statement a line. */
export function stepsToBody(steps: readonly ActionStep[]): string {
  return steps.map(stepCode).join('\n');
}
