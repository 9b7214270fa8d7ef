/**
 * My pointer, sent to the others as I move over the canvas: in page coordinates (see
 * `pagePoint`), at most once a frame (see `perFrame`), and hidden when I leave.
 */
import type { Point } from '../../collab/presence';
import { perFrame } from '../presence-view';
import { pagePoint } from './geometry';

/** Sends and hides my pointer; `setPointer` is `studio.setPointer`. */
export interface MyPointer {
  /** A pointer move over the canvas. */
  move(event: { clientX: number; clientY: number }): void;
  /** The pointer left the canvas (or the canvas is gone). */
  hide(): void;
}

/** My pointer over `page`, sent through `setPointer`. */
export function myPointer(
  page: () => HTMLElement | undefined,
  setPointer: (point: Point | null) => void,
  schedule: (send: () => void) => unknown = (send) => requestAnimationFrame(send)
): MyPointer {
  const out = perFrame<{ x: number; y: number }>((client) => {
    const element = page();
    if (element) setPointer(pagePoint(client, element.getBoundingClientRect()));
  }, schedule);
  return {
    move: (event) => out.push({ x: event.clientX, y: event.clientY }),
    hide() {
      // A point still waiting for its frame would arrive after the null and show me again.
      out.cancel();
      setPointer(null);
    }
  };
}
