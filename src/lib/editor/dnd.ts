/**
 * Drag and drop as pure functions of the model: what dropping something (a new element from the
 * palette, or an existing node) at a place (before, after or inside a node) means as a batch of
 * ops, or why it is refused. The drag controller asks this on every change of target, shows the
 * answer as a green or red indicator, and sends the batch on drop; nothing here touches the DOM.
 *
 * The planner is the judge (`planOps` on the current model, no commit): the checks made here
 * only turn a place into a parent and an index, so an answer never disagrees with what the
 * server would do. The server's compile gate still runs on the real proposal.
 */
import { childrenOf, type AppModel, type JsonValue, type NodeSpec } from '../model/types';
import { editError, type EditError, type ErrorCode } from '../ops/errors';
import { planOps } from '../ops/plan';
import { ELEMENTS, elementSchema, type ElementSchema } from '../schema/elements';
import { NEW_NODE } from './commands';
import { EACH_STARTER_TEXT } from './expr-choices';

/** What is being dragged: a new element of a type, or an existing node. */
export type Dragged =
  { readonly kind: 'new'; readonly type: string } | { readonly kind: 'node'; readonly id: string };

/** Where a drop lands relative to the target node. */
export type DropPosition = 'before' | 'after' | 'inside';

/** A place to drop: a node, and where relative to it; `index` places an inside drop. */
export interface DropTarget {
  readonly id: string;
  readonly position: DropPosition;
  /** For `inside`: the index among the target's children (default: at the end). */
  readonly index?: number;
}

/** A drop that the planner accepts; `ops` is empty when the drop would change nothing. */
export interface DropPlan {
  readonly ok: true;
  readonly ops: readonly Record<string, unknown>[];
  /** The parent the dragged element ends up in, and its index there. */
  readonly parent: string;
  readonly index: number;
  /** One line in words, from the planner ("Moved Button b1 to Stack s1"). */
  readonly summary: string;
  /** The temporary id a new element carries in `ops` (see `idMap` of the outcome). */
  readonly newId?: string;
}

/** A drop the planner refuses: its first error, code and message. */
export interface DropRefusal {
  readonly ok: false;
  readonly error: EditError;
}

/** Names of the props that carry an element's own words, best first. */
const TEXT_PROPS = ['text', 'label', 'title'];

/**
 * The prop that holds what an element says (Text.text, Button.label, Card.title...), read from
 * its schema: the first of text / label / title that takes a literal string edited as text.
 * Undefined for elements without one (Image, Stack, Each...).
 */
export function mainTextProp(type: string): { name: string; multiline: boolean } | undefined {
  const schema = elementSchema(type);
  if (!schema) return undefined;
  for (const name of TEXT_PROPS) {
    const prop = schema.properties[name];
    if (!prop || !prop['x-kinds'].includes('literal') || prop.type !== 'string') continue;
    if (prop['x-editor'] === 'text' || prop['x-editor'] === 'textarea')
      return { name, multiline: prop['x-editor'] === 'textarea' };
  }
  return undefined;
}

/**
 * A starter for a new element of a built-in type, so it is visible and valid the moment it
 * lands: its words set from the schema's default (or its type name when the default is empty,
 * e.g. a Checkbox labelled "Checkbox"), and for the logic elements, which draw nothing of their
 * own, a visible child (an Each also as many as its schema's `x-children.min` asks, over a
 * three-item list, so the repetition shows).
 */
export function starterSpec(type: string): NodeSpec {
  const schema = elementSchema(type);
  if (!schema) return { type };
  const props: Record<string, JsonValue> = {};
  const text = mainTextProp(type);
  if (text) {
    const fallback = schema.properties[text.name].default;
    props[text.name] =
      typeof fallback === 'string' && fallback !== '' ? fallback : humanName(schema.title);
  }
  const children: NodeSpec[] = [];
  if (schema['x-category'] === 'logic') {
    // An Each or If with nothing inside renders nothing, so it could not be seen to select.
    const min = Math.max(1, schema['x-children'].min ?? 0);
    const repeats = 'items' in schema.properties;
    if (repeats) props.items = { $expr: '[1, 2, 3]' };
    for (let i = 0; i < min; i++)
      children.push({
        type: 'Text',
        props: { text: repeats ? { $expr: EACH_STARTER_TEXT } : `Shown when the condition holds` }
      });
  }
  return {
    type,
    ...(Object.keys(props).length > 0 ? { props } : {}),
    ...(children.length > 0 ? { children } : {})
  };
}

/** The built-in element types by palette category, in the schemas' category order. */
export function elementsByCategory(): {
  category: ElementSchema['x-category'];
  types: ElementSchema[];
}[] {
  const order: ElementSchema['x-category'][] = ['layout', 'content', 'input', 'logic'];
  return order.map((category) => ({
    category,
    types: [...ELEMENTS.values()]
      .filter((s) => s['x-category'] === category)
      // The titles are the schemas' own plain English words: a plain comparison orders them,
      // without starting the locale collator while the studio opens.
      .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
  }));
}

/** Where a drop puts the dragged element: parent and index, in the terms of the planner. */
function placeOf(
  model: AppModel,
  dragged: Dragged,
  target: DropTarget
): { parent: string; index: number } | DropRefusal {
  const node = model.nodes.get(target.id);
  if (!node) {
    return refusal('E_NODE_NOT_FOUND', `no node has id "${target.id}"; it may have been removed`);
  }
  // Beside a component's root there is no place: the drop goes to the root's first or last slot.
  const inside = target.position === 'inside' || node.parent === null;
  // moveNode indexes among the other children, so the dragged node itself is left out.
  const without = (parent: string) =>
    childrenOf(model, parent).filter((id) => dragged.kind !== 'node' || id !== dragged.id);
  if (inside) {
    const kids = without(node.id);
    const wanted =
      target.position === 'before' ? 0 : target.position === 'after' ? kids.length : target.index;
    const index = Math.min(Math.max(wanted ?? kids.length, 0), kids.length);
    return { parent: node.id, index };
  }
  const parent = node.parent!;
  if (dragged.kind === 'node' && dragged.id === node.id) {
    // Before or after itself: where it already is.
    return { parent, index: childrenOf(model, parent).indexOf(node.id) };
  }
  const at = without(parent).indexOf(node.id);
  return { parent, index: target.position === 'before' ? at : at + 1 };
}

/**
 * The op batch for dropping `dragged` at `target`, checked by the planner against `model`; or the
 * planner's refusal (E_NOT_A_CONTAINER into an element without children, E_CYCLE into its own
 * subtree, E_REMOVE_ROOT for a component's root, E_UNKNOWN_TYPE, ...). A node dropped where it
 * already is gives a plan with no ops.
 */
export function dropOps(
  model: AppModel,
  dragged: Dragged,
  target: DropTarget
): DropPlan | DropRefusal {
  const place = placeOf(model, dragged, target);
  if ('ok' in place) return place;
  const { parent, index } = place;
  let op: Record<string, unknown>;
  if (dragged.kind === 'new') {
    op = { op: 'addNode', parent, index, id: NEW_NODE, ...starterSpec(dragged.type) };
  } else {
    const node = model.nodes.get(dragged.id);
    if (node && node.parent === parent && childrenOf(model, parent).indexOf(node.id) === index)
      return { ok: true, ops: [], parent, index, summary: 'Nothing to move' };
    op = { op: 'moveNode', id: dragged.id, parent, index };
  }
  const plan = planOps(model, [op]);
  if (!plan.ok) return { ok: false, error: plan.errors[0] };
  return {
    ok: true,
    ops: [op],
    parent,
    index,
    summary: plan.summary,
    ...(dragged.kind === 'new' ? { newId: NEW_NODE } : {})
  };
}

/**
 * Where a keyboard insert from the palette goes: right after the selected node, inside it when
 * it is a component's root, and at the end of the app's root when nothing is selected.
 */
export function insertTarget(model: AppModel, selected: string | null): DropTarget | null {
  const node = selected ? model.nodes.get(selected) : undefined;
  if (node)
    return node.parent === null
      ? { id: node.id, position: 'inside' }
      : { id: node.id, position: 'after' };
  const root = model.components.get(model.meta.root);
  return root ? { id: root.root, position: 'inside' } : null;
}

/** A type name in words: `TextInput` → `Text input`. */
export function humanName(type: string): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function refusal(code: ErrorCode, message: string): DropRefusal {
  return { ok: false, error: editError(code, message) };
}
