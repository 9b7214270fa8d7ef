/**
 * Literal slots (issue 13, "work that follows the change"): the literal props of a component leave
 * its module text. The module form reads each one through a slot, `$lit(n)`, and the values travel
 * beside the code as a table (`Compiled.literals`). Two versions of a component that differ only
 * in literal values have the same module text, so a literal edit (a Text's text, a Button's label,
 * a style value) changes one entry of the table: the sandbox updates it and renders again, with no
 * module generated, posted or evaluated.
 *
 * Which props are slotted is decided here and nowhere else, so the module form, the table and the
 * module cache key cannot disagree: every prop of a plain element or component instance except
 * `id`, an Each's `items` and an If's `when`, when the value is a literal (not `{$expr}`,
 * `{$handler}` or `{$bind}`). An Each's `as` stays in the text: it names the loop variable.
 * Slots are numbered in the order the module form walks the view (depth first, props sorted).
 */
import { childrenOf, type AppModel, type JsonValue } from '../model/types';

/** The runtime global a module reads a literal slot with; policy refuses `$` names in user code. */
export const LITERAL_READER = '$lit';

/** One literal prop a component's module reads through a slot. */
export interface LiteralSlot {
  readonly node: string;
  readonly prop: string;
  readonly value: JsonValue;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Whether a prop value is a literal (data), not an expression, a handler or a binding. */
export function isLiteralValue(value: unknown): boolean {
  if (!isObject(value)) return true;
  return (
    typeof value.$expr !== 'string' &&
    typeof value.$handler !== 'string' &&
    typeof value.$bind !== 'string'
  );
}

/** Whether prop `prop` of an element of `type` holding `value` is read through a slot. */
export function isSlotted(type: string, prop: string, value: unknown): boolean {
  if (prop === 'id' || value === undefined || !isLiteralValue(value)) return false;
  if (type === 'Each') return prop === 'items';
  if (type === 'If') return prop === 'when';
  return true;
}

/** Prop names in the order the module form prints them (sorted by code unit, as module.ts). */
export function sortedProps(props: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(props).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The key of a slot in the map `slotNumbers` returns. */
export const slotKey = (node: string, prop: string): string => `${node}\0${prop}`;

/** Every literal slot of a component, in slot order (the module form's walk). */
export function literalSlots(model: AppModel, componentId: string): LiteralSlot[] {
  const component = model.components.get(componentId);
  if (!component || !model.nodes.has(component.root)) return [];
  const slots: LiteralSlot[] = [];
  const stack = [component.root];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const node = model.nodes.get(id);
    if (!node) continue;
    for (const prop of sortedProps(node.props)) {
      const value = node.props[prop];
      if (isSlotted(node.type, prop, value))
        slots.push({ node: id, prop, value: value as JsonValue });
    }
    const kids = childrenOf(model, id);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return slots;
}

/** The values of a component's literal slots: `Compiled.literals`. */
export function componentLiterals(model: AppModel, componentId: string): JsonValue[] {
  return literalSlots(model, componentId).map((slot) => slot.value);
}

/** Slot numbers by `slotKey(node, prop)`, for the module form. */
export function slotNumbers(slots: readonly LiteralSlot[]): Map<string, number> {
  return new Map(slots.map((slot, i) => [slotKey(slot.node, slot.prop), i]));
}

/**
 * A node's props with every slotted value replaced by a marker: what the module text depends on.
 * The marker keeps the prop's name (it is printed) and drops its value (it is not).
 */
export function propShape(type: string, props: Readonly<Record<string, unknown>>): unknown {
  let shaped: Record<string, unknown> | null = null;
  for (const prop of Object.keys(props)) {
    if (!isSlotted(type, prop, props[prop])) continue;
    shaped ??= { ...props };
    // A plain own property even for `__proto__` (a spread copies it as one; assignment would not).
    Object.defineProperty(shaped, prop, {
      value: 0,
      enumerable: true,
      writable: true,
      configurable: true
    });
  }
  return shaped ?? props;
}
