/**
 * The containers of a model with nothing inside yet: in Edit mode the page marks them
 * (`data-empty-container`) so they stay visible and take drops.
 */
import { childrenOf, type AppModel } from '../../model/types';
import { acceptsChildren } from '../../schema/elements';

/**
 * Computed once per shape: a node's emptiness and its type change only with the child lists (a
 * new or replaced node changes its parent's list), and the model shares the whole child map
 * while the shape stays (../share.ts), so a text or prop change costs a lookup.
 */
const cache = new WeakMap<AppModel['children'], ReadonlySet<string>>();

/** The ids of the containers of `model` with no children. */
export function emptyContainers(model: AppModel): ReadonlySet<string> {
  let ids = cache.get(model.children);
  if (!ids) {
    const found = new Set<string>();
    for (const node of model.nodes.values())
      if (acceptsChildren(node.type) && childrenOf(model, node.id).length === 0) found.add(node.id);
    ids = found;
    cache.set(model.children, ids);
  }
  return ids;
}

/**
 * Marks the elements of `want`'s containers on `page`, and unmarks those marked before that are
 * no longer empty. Touches only those elements, not every element of the page. `marked`: whether
 * the last call marked any; with none marked then and none wanted now, the page is not searched
 * (each search reads every element of a large page). Returns whether any are marked now.
 */
export function markEmpty(
  page: HTMLElement,
  want: ReadonlySet<string>,
  elementsOf: (id: string) => HTMLElement[],
  marked = true
): boolean {
  if (!marked && want.size === 0) return false;
  for (const el of page.querySelectorAll<HTMLElement>('[data-empty-container]'))
    if (!want.has(el.dataset.nodeId ?? '')) el.removeAttribute('data-empty-container');
  let any = false;
  for (const id of want)
    for (const el of elementsOf(id)) {
      any = true;
      if (!el.hasAttribute('data-empty-container')) el.setAttribute('data-empty-container', '');
    }
  return any;
}
