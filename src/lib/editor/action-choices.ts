/**
 * Pure: what the no-code pickers offer, from the component's state types. Which fields a step, a
 * binding, an Each or a condition can use (only those of a fitting type, so a choice is never
 * offered and then refused), the loop item a handler runs for and the list it comes from, the
 * state type of a value source, and the type of a list made from an "add an item" step.
 */
import type { ActionStep, ItemPart, ValueSource } from '../code/action-steps';
import type { AppModel, ComponentRecord, JsonValue, StateType } from '../model/types';
import { elementSchema } from '../schema/elements';

/** A type with `optional` peeled off. */
function bare(type: StateType): StateType {
  return typeof type === 'object' && 'optional' in type ? bare(type.optional) : type;
}

/** Whether a state type is a list. */
export function isList(type: StateType): boolean {
  const t = bare(type);
  return typeof t === 'object' && 'array' in t;
}

/** The fields of a list's items (none when the items are not objects). */
export function itemFields(type: StateType): Record<string, StateType> {
  const t = bare(type);
  if (typeof t !== 'object' || !('array' in t)) return {};
  const item = bare(t.array);
  return typeof item === 'object' && 'object' in item ? { ...item.object } : {};
}

/** Whether a value of type `have` may go where `want` is held (same type; enums by their values). */
export function fits(want: StateType | undefined, have: StateType | undefined): boolean {
  if (want === undefined || have === undefined) return true;
  const w = bare(want);
  const h = bare(have);
  if (typeof w === 'object' && 'enum' in w) return false;
  if (typeof h === 'object' && 'enum' in h)
    return h.enum.every((v) => typeof v === (w === 'number' ? 'number' : 'string'));
  return JSON.stringify(w) === JSON.stringify(h);
}

/** The component's state fields whose type passes `test`, in declaration order. */
export function fieldsWhere(
  component: ComponentRecord | undefined,
  test: (type: StateType) => boolean
): string[] {
  return Object.entries(component?.state ?? {})
    .filter(([, field]) => test(field.type))
    .map(([name]) => name);
}

/** `state.NAME` as an expression, or null: the list an Each walks, when it is a plain field. */
export function plainField(expr: string): string | null {
  const match = /^\s*state\.([A-Za-z_$][\w$]*)\s*$/.exec(expr);
  return match ? match[1] : null;
}

/**
 * The list each loop variable of a component walks: `as` of each Each whose `items` is a plain
 * `state.LIST`. A handler's param of that name is "this item" of that list.
 */
export function loopLists(model: AppModel, component: ComponentRecord): Map<string, string> {
  const out = new Map<string, string>();
  for (const node of model.nodes.values()) {
    if (node.component !== component.id || node.type !== 'Each') continue;
    const items = node.props.items as { $expr?: unknown } | undefined;
    const list = typeof items?.$expr === 'string' ? plainField(items.$expr) : null;
    const as = typeof node.props.as === 'string' ? node.props.as : 'item';
    if (list && !out.has(as)) out.set(as, list);
  }
  return out;
}

/** What a value source holds, as a state type (undefined when it cannot be known). */
export function sourceType(
  source: ValueSource,
  component: ComponentRecord | undefined,
  event: Readonly<Record<string, string>> | undefined,
  loops: ReadonlyMap<string, string>
): StateType | undefined {
  switch (source.from) {
    case 'field':
      return component?.state[source.field]?.type;
    case 'literal':
      return typeof source.value as 'string' | 'number' | 'boolean';
    case 'event': {
      const type = event?.[source.key];
      return type === 'string' || type === 'number' || type === 'boolean' ? type : undefined;
    }
    case 'item': {
      const list = loops.get(source.item);
      const type = list ? component?.state[list]?.type : undefined;
      return type ? itemFields(type)[source.key] : undefined;
    }
    case 'nextId':
      return 'number';
  }
}

/** The type of a new list whose items are built by an add step's parts. */
export function listTypeOf(
  parts: readonly ItemPart[],
  typeOf: (source: ValueSource) => StateType | undefined
): StateType {
  const object: Record<string, StateType> = {};
  for (const part of parts) object[part.key] = typeOf(part.value) ?? 'string';
  return { array: { object } };
}

/** A literal's starting value for a type: '' for text, 0 for numbers, false for on/off. */
export function blankOf(type: StateType | undefined): string | number | boolean {
  const t = type === undefined ? 'string' : bare(type);
  if (t === 'number') return 0;
  if (t === 'boolean') return false;
  if (typeof t === 'object' && 'enum' in t) return t.enum[0];
  return '';
}

/** The initial value of a new field of a type (lists start empty). */
export function initialOf(type: StateType): JsonValue {
  return isList(type) ? [] : blankOf(type);
}

/** What the builder's pickers know about the handler being built. */
export interface BuilderContext {
  readonly component: ComponentRecord | undefined;
  /** The handler's params: the loop items it runs for. */
  readonly params: readonly string[];
  /** The fields of `event` the element sends, for a handler of an event prop. */
  readonly event: Readonly<Record<string, string>> | undefined;
  /** Loop variable → the list it walks (`loopLists`). */
  readonly loops: ReadonlyMap<string, string>;
}

/**
 * The `addState` ops for the lists the steps add to that do not exist yet ("New list…" in an
 * add step): each typed from the parts of its first add step, starting empty. They go in the
 * same batch as the handler, so creating both is one undo step.
 */
export function newListOps(context: BuilderContext, steps: readonly ActionStep[]): unknown[] {
  const made = new Set<string>();
  const ops: unknown[] = [];
  for (const step of steps) {
    if (step.do !== 'add' || !step.list) continue;
    if (made.has(step.list) || Object.hasOwn(context.component?.state ?? {}, step.list)) continue;
    made.add(step.list);
    const type = listTypeOf(step.item, (s) =>
      sourceType(s, context.component, context.event, context.loops)
    );
    ops.push({
      op: 'addState',
      component: context.component?.name,
      name: step.list,
      type,
      initial: []
    });
  }
  return ops;
}

/** The lists of the component, the scalar fields, and fields of one type. */
function firstWhere(context: BuilderContext, test: (type: StateType) => boolean): string {
  return fieldsWhere(context.component, test)[0] ?? '';
}

const scalar = (type: StateType) => !isList(type);

/** `draftDesc` → `desc`: the item key a draft field fills; null for other names. */
export function draftKey(field: string): string | null {
  const match = /^draft([A-Z][\w$]*)$/.exec(field);
  return match ? match[1].charAt(0).toLowerCase() + match[1].slice(1) : null;
}

/**
 * The parts of an item for a list: one per field of its items, each from the draft field that
 * fills it (`draftDesc` for `desc`), a new id for a number `id`, else a blank fixed value. For a
 * list not made yet: an id and one part per draft field.
 */
export function partsFor(context: BuilderContext, list: string): ItemPart[] {
  const type = context.component?.state[list]?.type;
  const drafts = new Map(
    fieldsWhere(context.component, scalar).flatMap((f) => {
      const key = draftKey(f);
      return key ? [[key, f] as const] : [];
    })
  );
  if (!type) {
    return [
      { key: 'id', value: { from: 'nextId', list, key: 'id' } },
      ...[...drafts].map(([key, field]) => ({ key, value: { from: 'field', field } as const }))
    ];
  }
  return Object.entries(itemFields(type)).map(([key, t]) => {
    const draft = drafts.get(key);
    if (draft && fits(t, context.component?.state[draft]?.type))
      return { key, value: { from: 'field', field: draft } as const };
    if (key === 'id' && t === 'number')
      return { key, value: { from: 'nextId', list, key } as const };
    return { key, value: { from: 'literal', value: blankOf(t) } as const };
  });
}

/** The key field a list's items are found by: `id` when they have one, else the first. */
export function keyOf(context: BuilderContext, list: string): string {
  const type = context.component?.state[list]?.type;
  const keys = Object.keys(type ? itemFields(type) : {});
  return keys.includes('id') ? 'id' : (keys[0] ?? 'id');
}

/** A new step of a kind, filled with the likeliest choices (the person changes any of them). */
export function defaultStep(kind: ActionStep['do'], context: BuilderContext): ActionStep {
  const item = context.params.at(-1) ?? '';
  const loopList = context.loops.get(item) ?? firstWhere(context, isList);
  switch (kind) {
    case 'set': {
      const field = firstWhere(context, scalar);
      const type = context.component?.state[field]?.type;
      const fromEvent =
        context.event?.value !== undefined &&
        fits(
          type,
          sourceType({ from: 'event', key: 'value' }, undefined, context.event, context.loops)
        );
      return {
        do: 'set',
        field,
        value: fromEvent
          ? { from: 'event', key: 'value' }
          : { from: 'literal', value: blankOf(type) }
      };
    }
    case 'toggle':
      return { do: 'toggle', field: firstWhere(context, (t) => bare(t) === 'boolean') };
    case 'increase':
    case 'decrease':
      return { do: kind, field: firstWhere(context, (t) => bare(t) === 'number'), by: 1 };
    case 'add': {
      const list = firstWhere(context, isList);
      return { do: 'add', list, item: partsFor(context, list) };
    }
    case 'remove':
      return { do: 'remove', list: loopList, item, key: keyOf(context, loopList) };
    case 'change': {
      const key = keyOf(context, loopList);
      const type = context.component?.state[loopList]?.type;
      const [field, fieldType] = Object.entries(type ? itemFields(type) : {}).find(
        ([name]) => name !== key
      ) ?? ['', undefined];
      return {
        do: 'change',
        list: loopList,
        item,
        key,
        field,
        value: { from: 'literal', value: blankOf(fieldType) }
      };
    }
    case 'clear':
      return { do: 'clear', list: firstWhere(context, isList) };
    case 'reset': {
      const field = firstWhere(context, () => true);
      return { do: 'reset', field, initial: context.component?.state[field]?.initial ?? null };
    }
  }
}

/** The event fields a handler receives: those of the first event prop that uses it. */
export function handlerEvent(
  model: AppModel,
  component: ComponentRecord,
  handler: string
): Readonly<Record<string, string>> | undefined {
  for (const node of model.nodes.values()) {
    if (node.component !== component.id) continue;
    for (const [prop, value] of Object.entries(node.props)) {
      if ((value as { $handler?: unknown } | null)?.$handler !== handler) continue;
      return elementSchema(node.type)?.properties[prop]?.['x-event'];
    }
  }
  return undefined;
}
