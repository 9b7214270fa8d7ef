/**
 * Editing an element's words in place: a double click on a Text, a Button, a Heading... opens a
 * field over it with its main text prop (see `mainTextProp`); Enter saves it through
 * `studio.propose`, Esc and leaving Edit mode drop it. Words an expression computes are not
 * edited here: a notice sends the person to the inspector.
 */
import { elementSchema } from '../../schema/elements';
import { mainTextProp } from '../dnd';
import type { Studio } from '../studio.svelte';
import type { Frame } from './geometry';
import { inlineKeyAction } from './gestures';

/** The open editor: which prop of which node, what is typed, and where it is drawn. */
export interface InlineEdit {
  readonly id: string;
  readonly prop: string;
  readonly multiline: boolean;
  value: string;
  readonly original: string;
  /** The edited element's box in the canvas. */
  readonly frame: Frame;
  /** The element's font, so the words keep their size and face while typed. */
  readonly font: string;
  error: string;
  busy: boolean;
}

/** The canvas's inline text editor (at most one open). */
export class InlineText {
  /** The open editor, or null. */
  current = $state<InlineEdit | null>(null);

  constructor(private readonly studio: Studio) {}

  /**
   * Opens the editor on the app element `element` (drawn at `frame`), and selects its node; or
   * tells why its words cannot be edited here.
   */
  open(element: HTMLElement, frame: Frame): void {
    const id = element.dataset.nodeId;
    const node = id ? this.studio.model.nodes.get(id) : undefined;
    if (!node) return;
    const text = mainTextProp(node.type);
    const value = text ? node.props[text.name] : undefined;
    if (!text || (value !== undefined && typeof value !== 'string')) {
      if (text)
        this.studio.notify(
          'info',
          `This ${node.type}'s ${text.name} is computed by an expression; change it in the inspector.`
        );
      return;
    }
    const current =
      typeof value === 'string'
        ? value
        : String(elementSchema(node.type)?.properties[text.name]?.default ?? '');
    const style = getComputedStyle(element);
    this.current = {
      id: node.id,
      prop: text.name,
      multiline: text.multiline,
      value: current,
      original: current,
      frame,
      font: `${style.fontWeight} ${style.fontSize} / ${style.lineHeight} ${style.fontFamily}`,
      error: '',
      busy: false
    };
    this.studio.select(node.id);
  }

  /** Saves what was typed (closing the editor), or shows why it was refused. */
  async commit(): Promise<void> {
    const editor = this.current;
    if (!editor || editor.busy) return;
    if (editor.value === editor.original) {
      this.current = null;
      return;
    }
    editor.busy = true;
    const outcome = await this.studio.propose([
      { op: 'setProp', id: editor.id, name: editor.prop, value: editor.value }
    ]);
    // Closed or reopened on another element meanwhile: this answer is no longer shown.
    if (this.current !== editor) return;
    editor.busy = false;
    if (outcome.ok) this.current = null;
    else editor.error = outcome.errors[0]?.message ?? 'The change was refused.';
  }

  /** Closes the editor without saving. */
  cancel(): void {
    this.current = null;
  }

  /** A key typed in the editor. */
  keydown(event: KeyboardEvent): void {
    // Keys typed here belong to the editor, never to the studio's shortcuts.
    event.stopPropagation();
    const action = inlineKeyAction(event.key, event.shiftKey, this.current?.multiline ?? false);
    if (action === null) return;
    event.preventDefault();
    if (action === 'cancel') this.cancel();
    else void this.commit();
  }
}
