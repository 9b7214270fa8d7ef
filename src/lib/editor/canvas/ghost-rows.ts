/**
 * Ghost rows: in Edit mode an Each with no items and an If whose condition is false draw
 * nothing, so their children could only be edited blind in the outline. `withGhosts` returns the
 * view with one dimmed row in each such place, built from the model (not run in the sandbox):
 * the children as elements with their literal props, an expression shown as its source in the
 * words it would fill. Pure; the view it is given and the app's data are never changed, and only
 * the Edit-mode canvas calls it, so neither Use mode nor the app's users ever see a ghost.
 */
import { childrenOf, type AppModel } from '../../model/types';
import { elementSchema } from '../../schema/elements';
import type { ViewNode } from '../../runtime/view';

/** Why a row is a ghost: the list has no items, or the condition does not hold. */
export type GhostReason = 'list' | 'condition';

/** A view node that may be a ghost row (an `Item` the element draws dimmed, with a label). */
export type GhostViewNode = ViewNode & { readonly ghost?: GhostReason };

/** The key segment of ghost rows: `~` never appears in an id or an Each item key the sandbox makes. */
const GHOST = '~ghost';

/** Ghosts nested this deep stop: a model is a tree, but a component may place itself. */
const MAX_DEPTH = 64;

/**
 * `view` with a ghost row under every empty Each and false If; the same object when there is
 * none, so an unchanged view stays unchanged for whoever renders it.
 */
export function withGhosts(view: ViewNode, model: AppModel): ViewNode {
  return ghostInto(view, model);
}

/**
 * View subtrees known to hold no ghost, with the model's child lists they were checked against.
 * Whether a subtree holds one depends only on it (the same object: the canvas keeps unchanged
 * subtrees by identity) and on the model's child lists (one map, kept while the tree's shape is
 * unchanged: editor/share.ts), so after an edit only the path to what changed is walked again.
 * Subtrees with a ghost are built again every time: a ghost shows its children's props.
 */
const ghostless = new WeakMap<ViewNode, AppModel['children']>();

function ghostInto(node: ViewNode, model: AppModel): ViewNode {
  if (ghostless.get(node) === model.children) return node;
  const reason = emptyLogic(node, model);
  if (reason) return { ...node, children: [ghostRow(node, model, reason, node.key, 0)] };
  let changed = false;
  const children = node.children.map((child) => {
    const next = ghostInto(child, model);
    if (next !== child) changed = true;
    return next;
  });
  if (changed) return { ...node, children };
  ghostless.set(node, model.children);
  return node;
}

/** Whether `node` is an Each or If that draws nothing but has children in the model. */
function emptyLogic(node: ViewNode, model: AppModel): GhostReason | null {
  if (node.component || node.children.length > 0) return null;
  if (node.type !== 'Each' && node.type !== 'If') return null;
  if (childrenOf(model, node.id).length === 0) return null;
  return node.type === 'Each' ? 'list' : 'condition';
}

function ghostRow(
  logic: ViewNode,
  model: AppModel,
  reason: GhostReason,
  prefix: string,
  depth: number
): GhostViewNode {
  const key = `${prefix}/${GHOST}`;
  return {
    type: 'Item',
    id: logic.id,
    key,
    props: {},
    ghost: reason,
    children: childrenOf(model, logic.id).map((id) => modelNode(model, id, key, depth + 1))
  };
}

/** One model node (and its subtree) as a view node, drawn without running anything. */
function modelNode(model: AppModel, id: string, prefix: string, depth: number): ViewNode {
  const node = model.nodes.get(id);
  const key = `${prefix}/${id}`;
  if (!node || depth > MAX_DEPTH) return { type: 'Spacer', id, key, props: {}, children: [] };
  const schema = elementSchema(node.type);
  if (!schema) {
    // A user component: its box, empty (its view needs its props, which only a run has).
    return { type: node.type, id, key, props: {}, component: true, children: [] };
  }
  const view: ViewNode = {
    type: node.type,
    id,
    key,
    props: staticProps(node.type, node.props),
    children: childrenOf(model, id).map((kid) => modelNode(model, kid, key, depth + 1))
  };
  // A nested Each or If has no items or condition here either: its children are a ghost too.
  if (node.type === 'Each' || node.type === 'If')
    return view.children.length
      ? {
          ...view,
          children: [
            {
              type: 'Item',
              id,
              key: `${key}/${GHOST}`,
              props: {},
              ghost: node.type === 'Each' ? 'list' : 'condition',
              children: view.children
            } as GhostViewNode
          ]
        }
      : view;
  return view;
}

/**
 * The props a ghost element can show without running code: literals as they are, an expression
 * as `{source}` in a prop of words (never in an address: an expression's text is not a place to
 * load from); handlers and bindings are left out, so nothing in a ghost can act.
 */
function staticProps(
  type: string,
  props: Readonly<Record<string, unknown>>
): Record<string, unknown> {
  const schema = elementSchema(type);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props)) {
    const prop = schema?.properties[name];
    if (!prop) continue;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      out[name] = value;
      continue;
    }
    const expr = (value as { $expr?: unknown }).$expr;
    const words = prop['x-editor'] === 'text' || prop['x-editor'] === 'textarea';
    if (typeof expr === 'string' && words && prop.type === 'string' && !prop['x-url']) {
      const max = typeof prop.maxLength === 'number' ? prop.maxLength : 200;
      out[name] = `{${expr}}`.slice(0, max);
    }
  }
  return out;
}
