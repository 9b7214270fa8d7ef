/**
 * Pure: what the pointer means on the canvas in Edit mode. A press starts a drag (the drag
 * controller decides when it becomes one), a release selects, and a second release on the same
 * element, soon and near, is a double click that opens the words in place. Selection and the
 * double click are read from releases, not from `click`/`dblclick`: a disabled control (an Add
 * button waiting for input) gets pointer events but no clicks, and it must still be selectable
 * and editable.
 */

/** The longest gap between two releases of a double click, in ms. */
export const DOUBLE_MS = 500;
/** How far apart (px) the two releases of a double click may be. */
export const DOUBLE_SLOP = 6;

/** A release that selected, kept to tell whether the next one makes a double click. */
export interface Release {
  /** The released element instance (`data-node-key`). */
  readonly key: string;
  /** The event's time stamp, in ms. */
  readonly at: number;
  readonly x: number;
  readonly y: number;
}

/** What a release means, and the release to remember for the next one. */
export interface ReleaseReading {
  readonly double: boolean;
  readonly last: Release | null;
}

/**
 * Reads a release of the primary button on the element instance `key` (null: on no element).
 * A double click is remembered as nothing, so a third release starts a new pair instead of
 * making another double click.
 */
export function readRelease(
  last: Release | null,
  key: string | null,
  at: number,
  point: { x: number; y: number }
): ReleaseReading {
  const double =
    key !== null &&
    last !== null &&
    last.key === key &&
    at - last.at < DOUBLE_MS &&
    Math.hypot(point.x - last.x, point.y - last.y) < DOUBLE_SLOP;
  return { double, last: key !== null && !double ? { key, at, x: point.x, y: point.y } : null };
}

/**
 * Whether an event the canvas stops in Edit mode also loses its default: focus, text selection,
 * checkbox toggles and link navigation all start from defaults. A pointer move is only stopped
 * from reaching the app; it starts none of those.
 */
export function stopsDefault(type: string, cancelable: boolean): boolean {
  return cancelable && type !== 'pointermove';
}

/** Keys typed in the inline editor: Enter saves (Shift+Enter adds a line if it has lines). */
export function inlineKeyAction(
  key: string,
  shift: boolean,
  multiline: boolean
): 'save' | 'cancel' | null {
  if (key === 'Escape') return 'cancel';
  if (key === 'Enter' && !(multiline && shift)) return 'save';
  return null;
}
