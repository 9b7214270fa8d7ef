/**
 * The studio's keyboard shortcuts, on the window:
 * - Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redo: this person's own changes;
 * - Delete / Backspace removes the selected element, Ctrl/Cmd+D duplicates it,
 *   Ctrl/Cmd+C copies it and Ctrl/Cmd+V pastes the copy after the selection;
 * - arrow keys move the selection through the tree; Escape clears it.
 * Keys typed into a field (an input, the code editor) belong to that field, never to these.
 */
import { deleteOps, duplicateOps, NEW_NODE, neighbour, pasteOps, subtreeSpec } from './commands';
import type { NodeSpec } from './commands';
import type { Outcome, Studio } from './studio.svelte';

/** The copied element: kept per page (the system clipboard is written too, best effort). */
let copied: NodeSpec | null = null;

/** Whether a key event belongs to a text field or an editor rather than to the studio. */
function inField(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest('input, textarea, select, [contenteditable], .cm-editor');
}

/** Reports a refused command where it has no field of its own: a toast. */
function report(studio: Studio, outcome: Outcome, select?: boolean): void {
  if (!outcome.ok) {
    const first = outcome.errors[0];
    studio.notify('error', first?.message ?? 'refused', first?.code);
  } else if (select && outcome.idMap[NEW_NODE]) studio.select(outcome.idMap[NEW_NODE]);
}

/** Handles one keydown on the studio window. */
export function studioKeydown(studio: Studio, event: KeyboardEvent): void {
  if (event.defaultPrevented || inField(event.target)) return;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (mod && key === 'z') {
    event.preventDefault();
    void (event.shiftKey ? studio.redo() : studio.undo());
    return;
  }
  if (mod && key === 'y') {
    event.preventDefault();
    void studio.redo();
    return;
  }
  // The rest act on the canvas's elements, which only Edit mode selects.
  if (studio.mode !== 'edit') return;
  const selected = studio.selected;
  if (mod && key === 'v') {
    if (!copied) return;
    event.preventDefault();
    void studio
      .propose(pasteOps(studio.model, copied, selected))
      .then((o) => report(studio, o, true));
    return;
  }
  if (key === 'Escape') {
    if (selected) studio.select(null);
    return;
  }
  if (!selected) return;
  if (key === 'Delete' || key === 'Backspace') {
    event.preventDefault();
    void studio.propose(deleteOps(selected)).then((o) => report(studio, o));
  } else if (mod && key === 'd') {
    event.preventDefault();
    const ops = duplicateOps(studio.model, selected);
    if (!ops) studio.notify('error', 'The root of a component cannot be duplicated.');
    else void studio.propose(ops).then((o) => report(studio, o, true));
  } else if (mod && key === 'c') {
    event.preventDefault();
    copied = subtreeSpec(studio.model, selected);
    void navigator.clipboard?.writeText(JSON.stringify(copied)).catch(() => undefined);
    studio.notify('info', `Copied the ${copied.type}.`);
  } else if (
    key === 'ArrowUp' ||
    key === 'ArrowDown' ||
    key === 'ArrowLeft' ||
    key === 'ArrowRight'
  ) {
    const next = neighbour(studio.model, selected, key);
    event.preventDefault();
    if (next) studio.select(next);
  }
}
