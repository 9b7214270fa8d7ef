/**
 * The studio's element commands as pure functions of the model: the op batches behind Delete,
 * Duplicate, Copy and Paste, and where the arrow keys move the selection. Nothing here touches
 * the DOM or the document; keys.ts turns keystrokes into these and sends the batches.
 */
import { childrenOf, type AppModel, type JsonValue } from '../model/types';

/** A node and everything under it as an `addNode` spec (no ids: the copy gets fresh ones). */
export interface NodeSpec {
  readonly type: string;
  readonly props?: Record<string, JsonValue>;
  readonly children?: NodeSpec[];
}

/** The temporary id a pasted or duplicated node gets, so the studio can select it afterwards. */
export const NEW_NODE = 'new';

/** A node's subtree as a spec for `addNode`. */
export function subtreeSpec(model: AppModel, id: string): NodeSpec {
  const node = model.nodes.get(id)!;
  const kids = childrenOf(model, id);
  return {
    type: node.type,
    ...(Object.keys(node.props).length > 0
      ? { props: structuredClone(node.props) as Record<string, JsonValue> }
      : {}),
    ...(kids.length > 0 ? { children: kids.map((kid) => subtreeSpec(model, kid)) } : {})
  };
}

/** The index of a node among its siblings. */
function indexOf(model: AppModel, id: string): number {
  const parent = model.nodes.get(id)?.parent;
  return parent ? childrenOf(model, parent).indexOf(id) : 0;
}

/** Delete: remove the node and its subtree (the planner refuses a component's root). */
export function deleteOps(id: string): unknown[] {
  return [{ op: 'removeNode', id }];
}

/**
 * Duplicate: a copy of the subtree right after the node; null for a component's root, which
 * has no place beside it.
 */
export function duplicateOps(model: AppModel, id: string): unknown[] | null {
  const node = model.nodes.get(id);
  if (!node || !node.parent) return null;
  return [pasteAt(subtreeSpec(model, id), node.parent, indexOf(model, id) + 1)];
}

function pasteAt(spec: NodeSpec, parent: string, index: number): Record<string, unknown> {
  return {
    op: 'addNode',
    parent,
    index,
    id: NEW_NODE,
    type: spec.type,
    ...(spec.props ? { props: spec.props } : {}),
    ...(spec.children ? { children: spec.children } : {})
  };
}

/**
 * Paste: after the selected node, or at the end of the root component's root when nothing is
 * selected. (Into a selected container that has no children yet, it goes inside.)
 */
export function pasteOps(model: AppModel, spec: NodeSpec, selected: string | null): unknown[] {
  const node = selected ? model.nodes.get(selected) : undefined;
  if (!node) {
    const root = model.components.get(model.meta.root);
    if (!root) return [];
    return [pasteAt(spec, root.root, childrenOf(model, root.root).length)];
  }
  if (!node.parent) return [pasteAt(spec, node.id, childrenOf(model, node.id).length)];
  return [pasteAt(spec, node.parent, indexOf(model, node.id) + 1)];
}

/** The nodes of a component in reading order (depth first, parents before children). */
function readingOrder(model: AppModel, root: string): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const id = stack.pop()!;
    out.push(id);
    const kids = childrenOf(model, id);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/**
 * Where an arrow key takes the selection: up and down walk the component's tree in reading
 * order, left goes to the parent, right to the first child. Null when there is nowhere to go.
 */
export function neighbour(
  model: AppModel,
  id: string,
  key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'
): string | null {
  const node = model.nodes.get(id);
  if (!node) return null;
  if (key === 'ArrowLeft') return node.parent;
  if (key === 'ArrowRight') return childrenOf(model, id)[0] ?? null;
  const component = model.components.get(node.component);
  if (!component) return null;
  const order = readingOrder(model, component.root);
  const at = order.indexOf(id);
  return order[key === 'ArrowUp' ? at - 1 : at + 1] ?? null;
}
