/**
 * Literal slots (issue 13, "work that follows the change"): the literal props of a component leave
 * its module text and travel beside it as a table (`Compiled.literals`). Two versions of a
 * component that differ only in literal values have the same module text, so a literal edit (a
 * Text's text, a Button's label, a style value, even a style set where there was none) changes
 * entries of the table: the sandbox updates them and patches the elements, with no module
 * generated, posted or evaluated.
 *
 * Two kinds of slot, both decided here and nowhere else, so the module form, the table and the
 * module cache key cannot disagree:
 * - every plain element and component instance has one slot holding the object of its literal
 *   props (`{}` when it has none, so the numbering depends on the tree alone); the module passes
 *   the slot number to `h` as its fourth argument and `h` merges the object into the props;
 * - an Each's `items` and an If's `when`, when literal, have a slot holding the value, read with
 *   `$lit(n)` where the module needs it.
 * An Each's `as` stays in the text: it names the loop variable. Slots are numbered in the order
 * the module form walks the view (depth first).
 */
import { childrenOf, type AppModel, type JsonValue } from '../model/types';

/** The runtime global a module reads a literal slot with; policy refuses `$` names in user code. */
export const LITERAL_READER = '$lit';

/**
 * One slot of a component's table: `prop` null for an element's literal props (an object), else
 * the Each's `items` or the If's `when` value.
 */
export interface LiteralSlot {
  readonly node: string;
  readonly prop: string | null;
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

/** Whether prop `prop` of an element of `type` holding `value` lives in the table. */
export function isSlotted(type: string, prop: string, value: unknown): boolean {
  if (prop === 'id' || value === undefined || !isLiteralValue(value)) return false;
  if (type === 'Each') return prop === 'items';
  if (type === 'If') return prop === 'when';
  return true;
}

/** Whether a node of `type` has one slot for all its literal props (every element but the logic ones). */
export const hasPropsSlot = (type: string): boolean => type !== 'Each' && type !== 'If';

/** Prop names in the order the module form prints them (sorted by code unit, as module.ts). */
export function sortedProps(props: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(props).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The key of a slot in the map `slotNumbers` returns (`prop` null: the element's props slot). */
export const slotKey = (node: string, prop: string | null): string => `${node}\0${prop ?? ''}`;

/** Sets an own data property, `__proto__` included (assignment would set the prototype). */
function setOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true
  });
}

/** Every slot of a component, in slot order (the module form's walk). */
export function literalSlots(model: AppModel, componentId: string): LiteralSlot[] {
  const component = model.components.get(componentId);
  if (!component || !model.nodes.has(component.root)) return [];
  const slots: LiteralSlot[] = [];
  const stack = [component.root];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const node = model.nodes.get(id);
    if (!node) continue;
    if (hasPropsSlot(node.type)) {
      const own: Record<string, JsonValue> = {};
      for (const prop of sortedProps(node.props)) {
        const value = node.props[prop];
        if (isSlotted(node.type, prop, value)) setOwn(own, prop, value);
      }
      slots.push({ node: id, prop: null, value: own });
    } else {
      const prop = node.type === 'Each' ? 'items' : 'when';
      const value = node.props[prop];
      if (isSlotted(node.type, prop, value))
        slots.push({ node: id, prop, value: value as JsonValue });
    }
    const kids = childrenOf(model, id);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return slots;
}

/** The values of a component's slots: `Compiled.literals`. */
export function componentLiterals(model: AppModel, componentId: string): JsonValue[] {
  return literalSlots(model, componentId).map((slot) => slot.value);
}

/** Slot numbers by `slotKey(node, prop)`, for the module form. */
export function slotNumbers(slots: readonly LiteralSlot[]): Map<string, number> {
  return new Map(slots.map((slot, i) => [slotKey(slot.node, slot.prop), i]));
}

/**
 * A node's props as the module text depends on them: an element's literal props dropped (they
 * are all in its slot), an Each's or If's slotted value replaced by a marker (whether it is there
 * decides what is printed).
 */
export function propShape(type: string, props: Readonly<Record<string, unknown>>): unknown {
  let shaped: Record<string, unknown> | null = null;
  for (const prop of Object.keys(props)) {
    if (!isSlotted(type, prop, props[prop])) continue;
    // A plain own property even for `__proto__` (a spread copies it as one).
    shaped ??= { ...props };
    if (hasPropsSlot(type)) delete shaped[prop];
    else setOwn(shaped, prop, 0);
  }
  return shaped ?? props;
}
