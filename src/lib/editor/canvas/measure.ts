/**
 * Reading the page's DOM for the overlays: which app element an event is on, and where an
 * element (or a node drawn in several places, or drawing no box of its own) sits, as a frame
 * in the canvas. The layers (the edit overlay, the peer layer, the inline editor) measure
 * through one of these; the placing itself is pure (`./geometry.ts`).
 */
import { rootComponent, subtreeIds, type AppModel } from '../../model/types';
import { loopVariables } from '../prop-fields';
import { frameIn, hasSize, unionOf, type Box, type Frame } from './geometry';

/** Measures the app's page inside the canvas (both elements may not be mounted yet). */
export class PageMeasure {
  /**
   * @param root the canvas element (frames are placed in its scrolled content)
   * @param page the page the app is drawn on
   * @param model the model now, to find what a node draws
   */
  constructor(
    private readonly root: () => HTMLElement | undefined,
    private readonly page: () => HTMLElement | undefined,
    private readonly model: () => AppModel
  ) {}

  /** Whether both the canvas and its page are in the DOM. */
  get ready(): boolean {
    return !!this.root() && !!this.page();
  }

  /** The app element (`data-node-id`) an event happened in, if it is on this page. */
  nodeElement(target: EventTarget | null): HTMLElement | null {
    const page = this.page();
    if (!page || !(target instanceof Element)) return null;
    const element = target.closest<HTMLElement>('[data-node-id]');
    return element && page.contains(element) ? element : null;
  }

  /** Every element of the page whose attribute `name` is `value`. */
  byAttribute(name: string, value: string): HTMLElement[] {
    const page = this.page();
    if (!page) return [];
    return [...page.querySelectorAll<HTMLElement>(`[${name}="${CSS.escape(value)}"]`)];
  }

  /** The last node looked up that is drawn once, and its element. */
  private found: { id: string; el: HTMLElement } | null = null;

  /**
   * Every element the node `id` is drawn as (several for the rows of an Each). A node drawn at
   * most once is found again without a search while its element is on the page: each search
   * reads every element of the page, and the overlays ask after every change.
   */
  elementsOf(id: string): HTMLElement[] {
    const found = this.found;
    if (found?.id === id && found.el.isConnected && found.el.dataset.nodeId === id)
      return [found.el];
    const all = this.byAttribute('data-node-id', id);
    this.found = all.length === 1 && drawnOnce(this.model(), id) ? { id, el: all[0]! } : null;
    return all;
  }

  /** A window rectangle as a frame in the canvas. */
  frameOf(rect: Box): Frame {
    const root = this.root();
    if (!root) return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
    return frameIn(rect, root.getBoundingClientRect(), {
      left: root.scrollLeft,
      top: root.scrollTop
    });
  }

  /** The page's own box, as a frame in the canvas (where the app's surface starts). */
  pageFrame(): Frame | null {
    const page = this.page();
    return page ? this.frameOf(page.getBoundingClientRect()) : null;
  }

  /** The box of a node that draws no box of its own (Each, If): around what it draws. */
  unionRect(id: string): Box | null {
    const rects: Box[] = [];
    for (const sub of subtreeIds(this.model(), id).slice(1))
      for (const el of this.elementsOf(sub)) rects.push(el.getBoundingClientRect());
    return unionOf(rects);
  }

  /** A box with a real size: a user component instance (display: contents) measures its content. */
  rectOf(el: HTMLElement): Box | null {
    const r = el.getBoundingClientRect();
    if (hasSize(r)) return r;
    const id = el.dataset.nodeId;
    return id ? this.unionRect(id) : null;
  }

  /** Where the node `id` is drawn first (or around what it draws), as a frame; null if nowhere. */
  frameOfNode(id: string): Frame | null {
    const element = this.elementsOf(id)[0];
    const rect = element ? this.rectOf(element) : this.unionRect(id);
    return rect ? this.frameOf(rect) : null;
  }
}

/**
 * Whether node `id` is drawn at most once: it belongs to the root component (a component's nodes
 * are drawn once per instance) and no Each around it repeats it.
 */
function drawnOnce(model: AppModel, id: string): boolean {
  const node = model.nodes.get(id);
  return (
    !!node && node.component === rootComponent(model)?.id && loopVariables(model, id).length === 0
  );
}
