/**
 * The inspector's component parts, pure: the batches that declare and remove a component's props
 * and make a component from a selection, and the name it suggests. Components.svelte and
 * MakeComponent.svelte draw them; the planner checks each batch (the same ops the AI uses).
 */
import { ELEMENTS } from '../schema/elements';
import type { AppModel, JsonValue, NodeRecord, StateType } from '../model/types';

/** The prop types a person picks from, in words, with the state type and default behind each. */
export const PROP_KINDS: readonly {
  readonly kind: 'text' | 'number' | 'boolean';
  readonly type: StateType;
  readonly default: JsonValue;
}[] = [
  { kind: 'text', type: 'string', default: '' },
  { kind: 'number', type: 'number', default: 0 },
  { kind: 'boolean', type: 'boolean', default: false }
];

/** The word for a declared prop's type (`text` for a string), or its state type as written. */
export function propKindWord(type: StateType): string {
  return PROP_KINDS.find((k) => k.type === type)?.kind ?? JSON.stringify(type);
}

/** The batch that declares one prop of a kind, with that kind's empty default. */
export function declarePropOps(component: string, name: string, kind: string): unknown[] {
  const found = PROP_KINDS.find((k) => k.kind === kind) ?? PROP_KINDS[0];
  return [
    {
      op: 'declareProp',
      component,
      name: name.trim(),
      type: found.type,
      default: found.default
    }
  ];
}

/** The batch that removes a declared prop (and every instance's value for it). */
export function removeDeclaredPropOps(component: string, name: string): unknown[] {
  return [{ op: 'removeDeclaredProp', component, name }];
}

/** The batch behind "Make component": one op, so one undo step. */
export function extractOps(node: NodeRecord, name: string): unknown[] {
  return [{ op: 'extractComponent', id: node.id, name: name.trim() }];
}

/**
 * A free component name for a selection: its title or label in PascalCase when it has one
 * (`Card "Tips"` → `Tips`), else its type and `Part`, with a number when the name is taken.
 */
export function suggestComponentName(model: AppModel, node: NodeRecord): string {
  const words = [node.props.title, node.props.label, node.props.text]
    .find((v): v is string => typeof v === 'string' && /[A-Za-z]/.test(v))
    ?.match(/[A-Za-z0-9]+/g)
    ?.slice(0, 3);
  let base = words
    ? words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('')
    : `${node.type}Part`;
  if (!/^[A-Z]/.test(base)) base = `${node.type}${base}`;
  base = base.slice(0, 40);
  const taken = new Set([...model.components.values()].map((c) => c.name));
  const free = (n: string) => !taken.has(n) && !ELEMENTS.has(n);
  if (free(base)) return base;
  for (let i = 2; ; i++) if (free(`${base}${i}`)) return `${base}${i}`;
}

/**
 * The instance that took the place of an extracted node: the node of type `name` now at the
 * node's old position under its old parent (undefined when the batch was refused).
 */
export function instanceAt(
  model: AppModel,
  parent: string,
  order: string,
  name: string
): NodeRecord | undefined {
  for (const node of model.nodes.values())
    if (node.parent === parent && node.order === order && node.type === name) return node;
  return undefined;
}
