/**
 * Pure: the outline's rows and which of them to draw. Each component's tree is flattened into
 * rows (a node, how deep it sits, whether it shows children), skipping what sits under a
 * collapsed node. The list is virtual: a 2,000-node app would draw 2,000 rows, each reading the
 * model, so every edit would wake them all and the page would lay them out. Only the rows in
 * view (and a few either side) are drawn, at a fixed height, over a list as tall as all of them.
 */
import { childrenOf, type AppModel, type ComponentRecord } from '../../model/types';

/** One row: a node, how deep it sits, and whether it shows children. */
export interface Row {
  readonly id: string;
  readonly depth: number;
  /** How many children the node has (drawn or not). */
  readonly kids: number;
  /** Whether its children are drawn (not collapsed). */
  readonly open: boolean;
}

/** The height of a row, in px (the CSS draws rows this tall). */
export const ROW_HEIGHT = 28;
/** Rows drawn beyond each edge of the view, so a scroll shows no gap before they are drawn. */
export const OVERSCAN = 8;
/** The view's height while it is not measured yet, in px. */
const UNMEASURED_HEIGHT = 900;

/** The components of the outline: the app itself first, then the others by name. */
export function componentsInOrder(model: AppModel): ComponentRecord[] {
  const rootId = model.meta.root;
  return [...model.components.values()].sort((a, b) =>
    a.id === rootId ? -1 : b.id === rootId ? 1 : a.name.localeCompare(b.name)
  );
}

/** The rows of one component's tree, in order, skipping what sits under a collapsed node. */
export function treeRows(
  model: AppModel,
  component: ComponentRecord,
  collapsed: ReadonlySet<string>
): Row[] {
  const rows: Row[] = [];
  const stack: [string, number][] = [[component.root, 0]];
  while (stack.length > 0) {
    const [id, depth] = stack.pop()!;
    if (!model.nodes.has(id)) continue;
    const kids = childrenOf(model, id);
    const open = !collapsed.has(id);
    rows.push({ id, depth, kids: kids.length, open });
    if (open) for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], depth + 1]);
  }
  return rows;
}

/**
 * The rows of a list to draw, `start` (included) to `end` (not): those in view and
 * `OVERSCAN` either side. `listTop` is where the list starts in the scrolled content.
 */
export function rowWindow(
  count: number,
  listTop: number,
  scrollTop: number,
  viewHeight: number
): { start: number; end: number } {
  const height = viewHeight > 0 ? viewHeight : UNMEASURED_HEIGHT;
  const start = Math.max(0, Math.floor((scrollTop - listTop) / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(count, Math.ceil((scrollTop + height - listTop) / ROW_HEIGHT) + OVERSCAN);
  return { start, end: Math.max(start, end) };
}

/**
 * Where to scroll so that the row at `rowTop` (in the scrolled content) is in view: the
 * smallest move, or null if it is in view already.
 */
export function scrollToShow(rowTop: number, scrollTop: number, viewHeight: number): number | null {
  if (rowTop < scrollTop) return rowTop;
  if (rowTop + ROW_HEIGHT > scrollTop + viewHeight) return rowTop + ROW_HEIGHT - viewHeight;
  return null;
}
