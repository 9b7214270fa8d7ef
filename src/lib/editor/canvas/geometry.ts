/**
 * Pure: the boxes the canvas draws over the app (frames, the inline editor, peers' pointers),
 * worked out from the rectangles the browser measured. No DOM here: the callers measure, these
 * place.
 */

/** A box in the canvas's own coordinates (scrolled content, not the window). */
export interface Frame {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** A rectangle as the browser measures it (`DOMRect`), in window coordinates. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** A frame label closer than this to the canvas's top is drawn under its frame, not over it. */
const LABEL_ROOM = 22;

/**
 * A window rectangle as a frame inside the canvas: relative to the canvas's box, plus how far
 * the canvas is scrolled (the frames are absolutely placed in the scrolled content).
 */
export function frameIn(rect: Box, origin: Box, scroll: { left: number; top: number }): Frame {
  return {
    left: rect.left - origin.left + scroll.left,
    top: rect.top - origin.top + scroll.top,
    width: rect.width,
    height: rect.height
  };
}

/** Whether a rectangle draws anything (an element with `display: contents` measures 0 × 0). */
export function hasSize(rect: Box): boolean {
  return rect.width > 0 || rect.height > 0;
}

/**
 * The smallest rectangle around those given that have a size, or null if none has: the box of
 * a node that draws none of its own (an Each, an If, a component instance).
 */
export function unionOf(rects: readonly Box[]): Box | null {
  const sized = rects.filter(hasSize);
  if (sized.length === 0) return null;
  const left = Math.min(...sized.map((r) => r.left));
  const top = Math.min(...sized.map((r) => r.top));
  const right = Math.max(...sized.map((r) => r.left + r.width));
  const bottom = Math.max(...sized.map((r) => r.top + r.height));
  return { left, top, width: right - left, height: bottom - top };
}

/** Whether a frame's label goes under it: there is no room above, at the canvas's top. */
export function labelBelow(frame: Frame): boolean {
  return frame.top < LABEL_ROOM;
}

/**
 * Where a pointer is on the page (the app's surface), in whole pixels: pointers travel between
 * people in page coordinates, since the page is centred and sits elsewhere in a wider window.
 */
export function pagePoint(client: { x: number; y: number }, page: Box): { x: number; y: number } {
  return { x: Math.round(client.x - page.left), y: Math.round(client.y - page.top) };
}

/**
 * The inline editor's box around the words it edits: a little larger on every side, and never
 * too narrow to type in (a one-letter Badge still gets a usable field).
 */
export function inlineEditorBox(frame: Frame): { left: number; top: number; width: number } {
  return { left: frame.left - 4, top: frame.top - 4, width: Math.max(frame.width + 8, 160) };
}

/**
 * The stacking slot of each name tag on the same node: several people selecting one element
 * get tags one above the other instead of on top of each other. `ids[i]` is the node the i-th
 * frame is on; the answer is its slot.
 */
export function stackSlots(ids: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const slot = seen.get(id) ?? 0;
    seen.set(id, slot + 1);
    return slot;
  });
}
