/**
 * Pure: the expressions the no-code pickers generate, so a person picks "the list expenses",
 * "draft is empty" or "sum of expenses' amount" and never types code. Every name comes from the
 * model (state fields, loop variables, item fields) and is checked to be an identifier before it
 * reaches the text; fixed values go through `jsLiteral`.
 */
import { isIdentifier, jsLiteral } from '../code/action-steps';
import {
  childrenOf,
  type AppModel,
  type ComponentRecord,
  type NodeRecord,
  type StateType
} from '../model/types';
import { fieldsWhere, isList, itemFields } from './action-choices';

/** One expression a picker offers: its words and its code. */
export interface ExprChoice {
  readonly label: string;
  readonly expr: string;
}

/** What a prop's value must be: the type its expression has to produce. */
export type Want = 'string' | 'number' | 'boolean' | 'list';

function named(...names: string[]): boolean {
  return names.every(isIdentifier);
}

/**
 * The values a prop of type `want` can show: state fields, this item's fields (for each loop
 * variable whose list is known), and for text and numbers the count of each list and the sum of
 * each number field of a list's items. Numbers shown as text go through `String(...)`.
 */
export function valueChoices(
  component: ComponentRecord | undefined,
  want: Want,
  loops: readonly { item: string; list: string }[]
): ExprChoice[] {
  const out: ExprChoice[] = [];
  const asText = (code: string, type: StateType) =>
    want === 'string' && type === 'number' ? `String(${code})` : code;
  const fitsWant = (type: StateType) =>
    want === 'list' ? isList(type) : type === want || (want === 'string' && type === 'number');
  for (const name of fieldsWhere(component, fitsWant)) {
    if (!named(name)) continue;
    out.push({ label: name, expr: asText(`state.${name}`, component!.state[name].type) });
  }
  for (const { item, list } of loops) {
    const type = component?.state[list]?.type;
    for (const [key, t] of Object.entries(type ? itemFields(type) : {})) {
      if (!fitsWant(t) || !named(item, key)) continue;
      out.push({ label: `this ${item}'s ${key}`, expr: asText(`${item}.${key}`, t) });
    }
  }
  if (want === 'string' || want === 'number') {
    for (const list of fieldsWhere(component, isList)) {
      if (!named(list)) continue;
      const wrap = (code: string) => (want === 'string' ? `String(${code})` : code);
      out.push({ label: `count of ${list}`, expr: wrap(`state.${list}.length`) });
      for (const [key, t] of Object.entries(itemFields(component!.state[list].type))) {
        if (t !== 'number' || !named(key)) continue;
        out.push({
          label: `sum of ${key} in ${list}`,
          expr: wrap(`state.${list}.reduce((sum, x) => sum + x.${key}, 0)`)
        });
      }
    }
  }
  return out;
}

/** The tests a condition can make, with their words. */
export const CONDITION_TESTS = [
  { test: 'empty', label: 'is empty' },
  { test: 'notEmpty', label: 'is not empty' },
  { test: 'on', label: 'is on' },
  { test: 'off', label: 'is off' },
  { test: 'equals', label: 'equals…' },
  { test: 'greater', label: 'is greater than…' }
] as const;

/** One test's key. */
export type ConditionTest = (typeof CONDITION_TESTS)[number]['test'];

/** The tests that make sense for a field of a type. */
export function testsFor(type: StateType | undefined): ConditionTest[] {
  if (type === 'boolean') return ['on', 'off'];
  if (type === 'number') return ['equals', 'greater'];
  if (type === 'string') return ['empty', 'notEmpty', 'equals'];
  if (type !== undefined && isList(type)) return ['empty', 'notEmpty'];
  return ['equals'];
}

/** A condition as an expression: `state.draft === ''`, `state.items.length > 0`, `!state.done`. */
export function conditionExpr(
  field: string,
  type: StateType | undefined,
  test: ConditionTest,
  value: string | number | boolean = ''
): string {
  if (!isIdentifier(field)) throw new TypeError(`"${field}" is not a field name`);
  const ref = `state.${field}`;
  const list = type !== undefined && isList(type);
  switch (test) {
    case 'empty':
      return list ? `${ref}.length === 0` : `${ref} === ''`;
    case 'notEmpty':
      return list ? `${ref}.length > 0` : `${ref} !== ''`;
    case 'on':
      return ref;
    case 'off':
      return `!${ref}`;
    case 'equals':
      return `${ref} === ${jsLiteral(type === 'number' ? Number(value) || 0 : value)}`;
    case 'greater':
      return `${ref} > ${jsLiteral(Number(value) || 0)}`;
  }
}

/** The text an Each's starter child shows for each item (./dnd.ts `starterSpec`). */
export const EACH_STARTER_TEXT = '`Item ${item}`';

/**
 * The ops that keep an Each's starter child readable when the Each is given `expr`, a list field
 * `state.NAME` whose items are objects: the starter shows each item whole, which reads "Item
 * [object Object]"; it shows the items' first text (or number) field instead. None when the list
 * holds plain values, or no child still shows the starter text (a person's own child is theirs).
 */
export function starterFollowsList(
  model: AppModel,
  each: NodeRecord,
  expr: string,
  component: ComponentRecord | undefined
): unknown[] {
  const list = /^state\.([A-Za-z_$][\w$]*)$/.exec(expr.trim())?.[1];
  const type =
    list && component && Object.hasOwn(component.state, list)
      ? component.state[list].type
      : undefined;
  if (!type) return [];
  const fields = Object.entries(itemFields(type));
  const [key] =
    fields.find(([name, t]) => t === 'string' && named(name)) ??
    fields.find(([name, t]) => t === 'number' && named(name)) ??
    [];
  const as = typeof each.props.as === 'string' && named(each.props.as) ? each.props.as : 'item';
  if (!key) return [];
  return childrenOf(model, each.id).flatMap((id) => {
    const text = model.nodes.get(id)?.props.text;
    const starter =
      typeof text === 'object' &&
      text !== null &&
      !Array.isArray(text) &&
      (text as { $expr?: unknown }).$expr === EACH_STARTER_TEXT;
    return starter ? [{ op: 'setProp', id, name: 'text', value: { $expr: `${as}.${key}` } }] : [];
  });
}
