/**
 * Pure: what a key does on a focused outline row (a tree item). Enter and Space select its
 * node, ArrowLeft collapses it (if it has children), ArrowRight expands it. Moving between rows
 * is the studio's arrow keys (`../commands.ts`), which move the selection; the focus follows.
 */

/** What a key on a row does, or null if the row leaves it to the studio. */
export type RowKeyAction = 'select' | 'collapse' | 'expand';

/** The action of `key` on a row whose node has children or not. */
export function rowKeyAction(key: string, hasChildren: boolean): RowKeyAction | null {
  if (key === 'Enter' || key === ' ') return 'select';
  if (key === 'ArrowLeft' && hasChildren) return 'collapse';
  if (key === 'ArrowRight') return 'expand';
  return null;
}
