/**
 * Pure: what a key means on the canvas in Edit mode, where the page itself is the one Tab stop
 * (the app's own controls are held out of the Tab order, see `./edit-focus.ts`). Arrows walk the
 * component's tree (up and down in reading order, left to the parent, right to the first child),
 * Enter goes to the first child, Escape to the parent (and from a component's root, to nothing),
 * Home and End to the first and last element, and Alt+ArrowUp / Alt+ArrowDown move the selected
 * element one place among its siblings: one `moveNode`, so one undo step each.
 */
import { childrenOf, rootComponent, type AppModel } from '../../model/types';
import { neighbour } from '../commands';

/** What a key on the canvas does: select another element, move the selected one, or nothing. */
export type CanvasKeyAction =
  | { readonly kind: 'select'; readonly id: string | null }
  | { readonly kind: 'move'; readonly ops: readonly unknown[] }
  | { readonly kind: 'none' };

/** The key event fields the canvas reads. */
export interface CanvasKey {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

const NONE: CanvasKeyAction = { kind: 'none' };

/** A tree in reading order: a node, then each child's subtree in turn. */
function readingOrder(model: AppModel, root: string | undefined): string[] {
  if (!root) return [];
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
 * The action of `event` on the canvas with `selected` selected (null: nothing). Keys with
 * Ctrl or Cmd are the studio's shortcuts (undo, copy, ...), not the canvas's.
 */
export function canvasKeyAction(
  model: AppModel,
  selected: string | null,
  event: CanvasKey
): CanvasKeyAction {
  if (event.ctrlKey || event.metaKey) return NONE;
  const { key } = event;
  const arrow =
    key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight';
  const node = selected ? model.nodes.get(selected) : undefined;
  if (!node) {
    // Nothing selected: any way in starts at the app's root element.
    if (arrow || key === 'Enter' || key === 'Home')
      return { kind: 'select', id: readingOrder(model, rootComponent(model)?.root)[0] ?? null };
    if (key === 'End')
      return { kind: 'select', id: readingOrder(model, rootComponent(model)?.root).at(-1) ?? null };
    return NONE;
  }
  if (event.altKey && (key === 'ArrowUp' || key === 'ArrowDown'))
    return moveAmongSiblings(model, node.id, key);
  if (event.altKey || event.shiftKey) return NONE;
  if (arrow) {
    const next = neighbour(model, node.id, key);
    return next ? { kind: 'select', id: next } : NONE;
  }
  if (key === 'Enter') {
    const first = childrenOf(model, node.id)[0];
    return first ? { kind: 'select', id: first } : NONE;
  }
  if (key === 'Escape') return { kind: 'select', id: node.parent };
  if (key === 'Home' || key === 'End') {
    const component = model.components.get(node.component);
    if (!component) return NONE;
    if (key === 'Home') return { kind: 'select', id: component.root };
    return { kind: 'select', id: readingOrder(model, component.root).at(-1) ?? null };
  }
  return NONE;
}

/**
 * One place up or down among the siblings. `moveNode` indexes among the other children (the
 * moved node left out), so the new index is simply one less or one more than the old one.
 */
function moveAmongSiblings(
  model: AppModel,
  id: string,
  key: 'ArrowUp' | 'ArrowDown'
): CanvasKeyAction {
  const parent = model.nodes.get(id)?.parent;
  if (!parent) return NONE;
  const siblings = childrenOf(model, parent);
  const at = siblings.indexOf(id);
  const to = key === 'ArrowUp' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= siblings.length) return NONE;
  return { kind: 'move', ops: [{ op: 'moveNode', id, parent, index: to }] };
}
