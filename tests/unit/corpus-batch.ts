/**
 * Helpers for the hand-written correct batches of a request corpus (fresh5-correct-*.ts): a batch
 * is the ops a careful person would write for one request, and finds the template's nodes by type
 * and literal text the way the check language's selectors do.
 */
import { childrenOf, rootComponent, type AppModel, type Op } from '../../src/lib/model/types';

/** One correct answer to a request: ops built from the template's model. */
export type Batch = (model: AppModel) => Op[];

const TEXT_PROPS = ['label', 'text', 'title', 'placeholder'];

/** The id of the first node of this type (with this literal label, text, title or placeholder). */
export function id(model: AppModel, type: string, text?: string): string {
  for (const n of model.nodes.values())
    if (n.type === type && (text === undefined || TEXT_PROPS.some((k) => n.props[k] === text)))
      return n.id;
  throw new Error(`no ${type} ${text ?? ''} in the template`);
}

/** The id of a node's parent. */
export function parent(model: AppModel, nodeId: string): string {
  const p = model.nodes.get(nodeId)?.parent;
  if (!p) throw new Error(`${nodeId} has no parent`);
  return p;
}

/** A node's position among its siblings. */
export function index(model: AppModel, nodeId: string): number {
  return childrenOf(model, parent(model, nodeId)).indexOf(nodeId);
}

/** The id of the app component's root node, where a blank app's elements go. */
export function root(model: AppModel): string {
  const c = rootComponent(model);
  if (!c) throw new Error('no root component');
  return c.root;
}

export { childrenOf };
