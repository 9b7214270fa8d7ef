/**
 * Shared text fields (issue 13): a `shared` state field of type `string` is stored as a Y.Text
 * in the document's `state` map, so when two people type into it at once both keep every
 * character (Yjs merges the inserts), and the document grows with the characters typed, not with
 * a copy of the whole string per keystroke. Every other value is a plain JSON value in the map, as
 * before; a plain string stored by an older version is read as it is and becomes a Y.Text on its
 * next write.
 *
 * A write says what the writer started from (`base`) and what it wants (`next`). The edit between
 * the two (one replaced range: the common prefix and suffix are kept) is applied to the text as
 * it is now; when a peer changed the text meanwhile, the edit's position moves past the peer's
 * change, so neither person's characters are lost.
 */
import * as Y from 'yjs';
import type { JsonValue, StateField } from './types';

/** A value of the `state` map as the model reads it: a Y.Text is its string. */
export function stateValue(value: unknown): unknown {
  return value instanceof Y.Text ? value.toString() : value;
}

/** Whether a field's values are stored as a Y.Text. */
export function isTextField(decl: StateField | undefined): boolean {
  return !!decl && decl.type === 'string' && (decl.scope ?? 'shared') === 'shared';
}

/** One replaced range: `remove` characters at `index` give way to `insert`. */
export interface TextEdit {
  readonly index: number;
  readonly remove: number;
  readonly insert: string;
}

/** The single range that turns `from` into `to` (empty when they are equal). */
export function textEdit(from: string, to: string): TextEdit {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)
  )
    end++;
  return {
    index: start,
    remove: from.length - start - end,
    insert: to.slice(start, to.length - end)
  };
}

/**
 * `edit` (made against `base`) moved onto `current`, which a peer reached from `base` by its own
 * edit: after the peer's range it shifts by the peer's change of length; before it, it stays;
 * overlapping, it replaces what is left of its own range.
 */
export function rebase(edit: TextEdit, base: string, current: string): TextEdit {
  if (base === current) return edit;
  const peer = textEdit(base, current);
  const peerEnd = peer.index + peer.remove;
  const shift = peer.insert.length - peer.remove;
  if (edit.index >= peerEnd && !(edit.remove === 0 && edit.index === peer.index))
    return { ...edit, index: edit.index + shift };
  if (edit.index + edit.remove <= peer.index) return edit;
  // Overlapping ranges (both changed the same characters): the peer's insert stays, what is
  // left of my range after it is removed, and my insert follows it. What I removed before the
  // peer's range stays too: a lost deletion, never a lost character.
  const after = peer.index + peer.insert.length;
  const removeAfter = Math.max(0, edit.index + edit.remove - peerEnd);
  return {
    index: after,
    remove: Math.min(removeAfter, current.length - after),
    insert: edit.insert
  };
}

/** `text` after `edit`. */
export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.index) + edit.insert + text.slice(edit.index + edit.remove);
}

/**
 * The string a write of `next` over `base` leaves in the document when the text there is
 * `current` (what `writeTextValue` will make it).
 */
export function mergedText(current: string, base: string, next: string): string {
  return applyEdit(current, rebase(textEdit(base, next), base, current));
}

/**
 * Writes a string field: into its Y.Text by one edit (made against `base`, moved onto the text
 * as it is now), or as a new Y.Text where the map holds none yet. Must run in a transaction.
 */
export function writeTextValue(
  state: Y.Map<unknown>,
  field: string,
  base: JsonValue | undefined,
  next: string
): void {
  const stored = state.get(field);
  if (!(stored instanceof Y.Text)) {
    state.set(field, new Y.Text(next));
    return;
  }
  const current = stored.toString();
  const from = typeof base === 'string' ? base : current;
  const edit = rebase(textEdit(from, next), from, current);
  if (edit.remove > 0) stored.delete(edit.index, edit.remove);
  if (edit.insert.length > 0) stored.insert(edit.index, edit.insert);
}
