/**
 * The drag controller shared by the palette, the outline and the canvas: one per studio
 * (`dragFor(studio)`), so a drag that starts in one panel can end in another.
 *
 * It runs on pointer events, not the HTML5 drag-and-drop API: a press starts tracking, a move of
 * more than 4 px starts the drag, every move finds the target under the pointer and asks
 * `dropOps` what a drop there would mean (green indicator) or why it is refused (red indicator
 * with the planner's message), release sends the batch through `studio.propose`, and Escape
 * cancels. Pointer events are what real mice, pens, touch and Playwright's `page.mouse` all give.
 */
import { acceptsChildren } from '../schema/elements';
import { childrenOf } from '../model/types';
import { dropOps, type Dragged, type DropPlan, type DropRefusal, type DropTarget } from './dnd';
import type { Studio } from './studio.svelte';

/** How far (px) the pointer must travel before a press becomes a drag, so clicks stay clicks. */
const THRESHOLD = 4;
/** The edge band (fraction of the size, capped in px) of a container that means before/after. */
const EDGE_FRACTION = 0.25;
const EDGE_MAX = 14;

/** Where the indicator is drawn, in viewport pixels: a line between elements or a box around one. */
export interface Indicator {
  readonly shape: 'line' | 'box';
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The drop the pointer is over: where, how it shows, and the planner's answer. */
export interface Hover {
  readonly target: DropTarget;
  readonly indicator: Indicator;
  readonly result: DropPlan | DropRefusal;
}

/** A press that has not moved far enough yet, or a drag in progress. */
interface Press {
  readonly dragged: Dragged;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly pointerId: number;
}

/** The drag state of one studio; the overlay reads it, the panels call `press`. */
export class DragController {
  /** What is being dragged, once the pointer has moved past the threshold. */
  dragged = $state.raw<Dragged | null>(null);
  /** The dragged thing in words, for the ghost that follows the pointer. */
  label = $state('');
  /** The pointer, in viewport pixels. */
  pointer = $state.raw({ x: 0, y: 0 });
  /** The drop under the pointer, if any. */
  hover = $state.raw<Hover | null>(null);

  /** Whether the last press ended as a drag (its release is then no click for the panels). */
  dropped = false;

  private readonly studio: Studio;
  private press: Press | null = null;
  private detach: (() => void) | null = null;

  constructor(studio: Studio) {
    this.studio = studio;
  }

  /** True while a drag is in progress (past the threshold). */
  get active(): boolean {
    return this.dragged !== null;
  }

  /**
   * Starts tracking a press on something draggable. Only the primary button drags; the caller
   * keeps handling the click, which a drag swallows.
   */
  begin(event: PointerEvent, dragged: Dragged, label: string): void {
    if (event.button !== 0 || this.press) return;
    this.dropped = false;
    this.press = { dragged, label, x: event.clientX, y: event.clientY, pointerId: event.pointerId };
    const move = (e: PointerEvent) => this.move(e);
    const up = (e: PointerEvent) => this.release(e);
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !this.press) return;
      // Escape belongs to the drag here, not to the studio (which would clear the selection).
      e.preventDefault();
      e.stopPropagation();
      this.cancel();
    };
    const cancel = () => this.cancel();
    window.addEventListener('pointermove', move, true);
    window.addEventListener('pointerup', up, true);
    window.addEventListener('pointercancel', cancel, true);
    window.addEventListener('keydown', key, true);
    window.addEventListener('blur', cancel);
    this.detach = () => {
      window.removeEventListener('pointermove', move, true);
      window.removeEventListener('pointerup', up, true);
      window.removeEventListener('pointercancel', cancel, true);
      window.removeEventListener('keydown', key, true);
      window.removeEventListener('blur', cancel);
    };
  }

  /** Stops the drag without dropping. */
  cancel(): void {
    this.end();
  }

  private end(): void {
    this.detach?.();
    this.detach = null;
    this.press = null;
    this.dragged = null;
    this.hover = null;
  }

  private move(event: PointerEvent): void {
    const press = this.press;
    if (!press || event.pointerId !== press.pointerId) return;
    this.pointer = { x: event.clientX, y: event.clientY };
    if (!this.dragged) {
      if (Math.hypot(event.clientX - press.x, event.clientY - press.y) <= THRESHOLD) return;
      this.dragged = press.dragged;
      this.label = press.label;
      // While dragging, nothing under the pointer gets selected as text (DragOverlay's shield
      // also shows the grabbing cursor).
      window.getSelection()?.removeAllRanges();
    }
    event.preventDefault();
    this.hover = this.hoverAt(event.clientX, event.clientY);
  }

  private release(event: PointerEvent): void {
    const press = this.press;
    if (!press || event.pointerId !== press.pointerId) return;
    const dragged = this.dragged;
    const hover = dragged ? this.hoverAt(event.clientX, event.clientY) : null;
    this.end();
    this.dropped = dragged !== null;
    if (!dragged) return;
    swallowNextClick();
    if (!hover) return;
    if (!hover.result.ok) {
      this.studio.notify('error', hover.result.error.message, hover.result.error.code);
      return;
    }
    if (hover.result.ops.length === 0) return;
    const plan = hover.result;
    void this.studio.propose(plan.ops, 'visual').then((outcome) => {
      if (!outcome.ok) {
        const first = outcome.errors[0];
        this.studio.notify('error', first?.message ?? 'The drop was refused.', first?.code);
      } else if (plan.newId && outcome.idMap[plan.newId]) {
        this.studio.select(outcome.idMap[plan.newId]);
      } else if (dragged.kind === 'node') {
        this.studio.select(dragged.id);
      }
    });
  }

  /** The drop under a viewport point: an outline row, a canvas element, or the canvas page. */
  private hoverAt(x: number, y: number): Hover | null {
    const dragged = this.dragged;
    if (!dragged) return null;
    const hit = underShield(x, y);
    if (!hit) return null;
    const row = hit.closest<HTMLElement>('[data-outline-node]');
    if (row) return this.outlineHover(dragged, row, y);
    const canvas = hit.closest<HTMLElement>('[data-canvas]');
    if (!canvas || canvas.dataset.canvasMode !== 'edit') return null;
    const element = hit.closest<HTMLElement>('[data-node-id]');
    if (element && canvas.contains(element)) return this.canvasHover(dragged, element, x, y);
    // Over the page but no element: the end of the app's root.
    const root = this.studio.model.components.get(this.studio.model.meta.root)?.root;
    const surface = canvas.querySelector<HTMLElement>('[data-canvas-page]');
    if (!root || !surface) return null;
    return this.settle(
      dragged,
      { id: root, position: 'inside' },
      box(surface.getBoundingClientRect())
    );
  }

  private outlineHover(dragged: Dragged, row: HTMLElement, y: number): Hover | null {
    const id = row.dataset.outlineNode!;
    const node = this.studio.model.nodes.get(id);
    if (!node) return null;
    const rect = row.getBoundingClientRect();
    const container = acceptsChildren(node.type);
    const offset = (y - rect.top) / rect.height;
    let position: DropTarget['position'];
    if (node.parent === null) position = 'inside';
    else if (container) position = offset < 0.25 ? 'before' : offset > 0.75 ? 'after' : 'inside';
    else position = offset < 0.5 ? 'before' : 'after';
    // The line starts where the row's content does, so its depth reads at a glance.
    const content = row.querySelector<HTMLElement>('[data-outline-label]') ?? row;
    const left = content.getBoundingClientRect().left;
    const indicator: Indicator =
      position === 'inside'
        ? box(rect)
        : line(
            left,
            position === 'before' ? rect.top : rect.bottom,
            rect.right - left,
            'horizontal'
          );
    return this.settle(dragged, { id, position }, indicator);
  }

  private canvasHover(dragged: Dragged, element: HTMLElement, x: number, y: number): Hover | null {
    const id = element.dataset.nodeId!;
    const node = this.studio.model.nodes.get(id);
    if (!node) return null;
    const rect = element.getBoundingClientRect();
    // Before/after follow the direction the parent lays its children out in.
    const flow = element.parentElement ? flowOf(element.parentElement) : 'vertical';
    const along = flow === 'horizontal' ? x - rect.left : y - rect.top;
    const size = flow === 'horizontal' ? rect.width : rect.height;
    let position: DropTarget['position'];
    if (node.parent === null) position = 'inside';
    else if (acceptsChildren(node.type)) {
      const edge = Math.min(size * EDGE_FRACTION, EDGE_MAX);
      position = along < edge ? 'before' : along > size - edge ? 'after' : 'inside';
    } else position = along < size / 2 ? 'before' : 'after';
    if (position === 'inside') {
      const index = this.insideIndex(element, id, x, y);
      return this.settle(dragged, { id, position, index }, box(rect));
    }
    const start = position === 'before';
    const indicator =
      flow === 'horizontal'
        ? line(start ? rect.left : rect.right, rect.top, rect.height, 'vertical')
        : line(rect.left, start ? rect.top : rect.bottom, rect.width, 'horizontal');
    return this.settle(dragged, { id, position }, indicator);
  }

  /** Where among a container's children a point falls: before the first child past it. */
  private insideIndex(element: HTMLElement, id: string, x: number, y: number): number {
    const flow = flowOf(element);
    const kids = childrenOf(this.studio.model, id).filter(
      (kid) => !(this.dragged?.kind === 'node' && this.dragged.id === kid)
    );
    for (let i = 0; i < kids.length; i++) {
      const child = element.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(kids[i])}"]`);
      if (!child) continue;
      const r = child.getBoundingClientRect();
      const past = flow === 'horizontal' ? x < r.left + r.width / 2 : y < r.top + r.height / 2;
      if (past) return i;
    }
    return kids.length;
  }

  private settle(dragged: Dragged, target: DropTarget, indicator: Indicator): Hover {
    const last = this.hover;
    // The planner runs once per distinct target, not on every pointer move over the same spot.
    const same =
      last &&
      last.target.id === target.id &&
      last.target.position === target.position &&
      last.target.index === target.index;
    const result = same ? last.result : dropOps(this.studio.model, dragged, target);
    return { target, indicator, result };
  }
}

/** How a container lays out its children, read from its computed style. */
function flowOf(element: HTMLElement): 'horizontal' | 'vertical' {
  const style = getComputedStyle(element);
  if (style.display.includes('flex'))
    return style.flexDirection.startsWith('row') ? 'horizontal' : 'vertical';
  if (style.display.includes('grid')) {
    const columns = style.gridTemplateColumns.split(' ').filter(Boolean).length;
    return columns > 1 ? 'horizontal' : 'vertical';
  }
  return 'vertical';
}

function box(rect: DOMRect): Indicator {
  return { shape: 'box', left: rect.left, top: rect.top, width: rect.width, height: rect.height };
}

function line(
  left: number,
  top: number,
  length: number,
  axis: 'horizontal' | 'vertical'
): Indicator {
  return axis === 'horizontal'
    ? { shape: 'line', left, top, width: length, height: 0 }
    : { shape: 'line', left, top, width: 0, height: length };
}

/** The click the browser fires after a drag's release must not select or insert anything. */
function swallowNextClick(): void {
  const stop = (e: Event) => {
    e.stopPropagation();
    e.preventDefault();
  };
  window.addEventListener('click', stop, { capture: true, once: true });
  // A release away from where the press started fires no click: do not eat a later one.
  setTimeout(() => window.removeEventListener('click', stop, true), 0);
}

const controllers = new WeakMap<Studio, DragController>();

/** The drag controller of a studio; the same one for every panel of the page. */
export function dragFor(studio: Studio): DragController {
  let controller = controllers.get(studio);
  if (!controller) {
    controller = new DragController(studio);
    controllers.set(studio, controller);
  }
  return controller;
}

/**
 * The element at a viewport point under DragOverlay's shield: the shield covers the window while
 * a drag is on (it carries the cursor), so the target is the first element below it.
 */
function underShield(x: number, y: number): Element | null {
  for (const element of document.elementsFromPoint(x, y))
    if (!element.hasAttribute('data-drag-shield')) return element;
  return null;
}
