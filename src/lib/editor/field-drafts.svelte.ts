/**
 * The inspector's field drafts: what each prop field of the selected node holds between the
 * person's typing and the server's answer (the mode switched to, the typed text, the text last
 * refused with its errors, an open "New handler…" form), and the commits that turn a draft into a
 * batch for `studio.propose`. A refused batch changed nothing: the field keeps what the person
 * typed and shows the coded errors until they edit it again. Drafts belong to one node: the
 * inspector calls `reset` when the selection moves, before the fields are drawn again.
 */
import type { ValueKind } from '../schema/elements';
import type { ComponentRecord, JsonValue, NodeRecord } from '../model/types';
import type { EditError } from '../ops/errors';
import type { Studio } from './studio.svelte';
import {
  bindOps,
  createHandlerOps,
  literalAsExpression,
  loopVariables,
  parseExpression,
  parseLiteral,
  pickHandlerOps,
  propChangeOps,
  valueText,
  type FieldDescriptor,
  type Parsed,
  type PropChange
} from './inspector';

/**
 * How long typing must pause before a text field applies what it holds (issue 16: the inspector
 * applies as you type). Enter and blur apply at once. A burst of typing faster than this is one
 * change, so one undo step.
 */
export const APPLY_AFTER_MS = 300;

/** What one field holds between the person's typing and the server's answer. */
export interface FieldDraft {
  /** The mode the person switched to; undefined follows the value's own kind. */
  readonly mode?: ValueKind;
  /** Typed text not yet accepted; undefined shows the model's value. */
  readonly text?: string;
  /** The text last proposed and refused, so a blur after Enter does not ask again. */
  readonly refused?: string;
  readonly errors?: readonly EditError[];
  /** The "New handler…" form, when open. */
  readonly newHandler?: { name: string; params: string; body: string };
}

/** The drafts of the selected node's fields, and the commits of each kind of control. */
export class FieldDrafts {
  #ui = $state<Record<string, FieldDraft>>({});
  /** The pending apply-as-you-type of each field, by field name. */
  #timers: Record<string, ReturnType<typeof setTimeout>> = {};
  /** The text of each field being proposed now, so a blur meanwhile does not send it twice. */
  #sending: Record<string, string> = {};

  constructor(
    private readonly studio: Studio,
    private readonly node: () => NodeRecord | undefined,
    private readonly component: () => ComponentRecord | undefined
  ) {}

  /** The draft of one field (empty when untouched). */
  of(field: FieldDescriptor): FieldDraft {
    return this.#ui[field.name] ?? {};
  }

  /** Drops every draft (another node was selected). */
  reset(): void {
    for (const timer of Object.values(this.#timers)) clearTimeout(timer);
    this.#timers = {};
    this.#ui = {};
  }

  patch(name: string, change: Partial<FieldDraft>): void {
    this.#ui[name] = { ...this.#ui[name], ...change };
  }

  /** The mode a field shows: the one switched to, else its value's own. */
  modeOf(field: FieldDescriptor): ValueKind {
    return this.#ui[field.name]?.mode ?? field.mode;
  }

  /** What a field's box shows in a mode: the typed text, else the value (or the default). */
  shownText(field: FieldDescriptor, mode: ValueKind): string {
    const typed = this.#ui[field.name]?.text;
    if (typed !== undefined) return typed;
    // A value of another kind than the mode shown (an expression while the person switched to
    // a literal) shows as the default, not as its source in the wrong box.
    if (field.valueKind !== null && field.valueKind !== mode) {
      return mode === 'expr' ? literalAsExpression(field.default) : valueText(field, undefined);
    }
    return valueText(field, field.value);
  }

  /** Proposes ops for a field; on refusal the typed text stays and the errors show. */
  async send(field: FieldDescriptor, ops: unknown[], text?: string): Promise<boolean> {
    if (text !== undefined) this.#sending[field.name] = text;
    // The panels read a batch written here after the frame that draws it: until then the
    // model still has the old value, which the field must not show for a frame.
    const outcome = await this.studio
      .propose(ops, 'visual')
      .then(async (done) => {
        if (done.ok) await this.studio.reads.settled();
        return done;
      })
      .finally(() => {
        if (this.#sending[field.name] === text) delete this.#sending[field.name];
      });
    // Characters typed while the change was on its way stay in the field (and apply next): only
    // the text that was sent gives way to the model's value.
    const now = this.#ui[field.name]?.text;
    const overtaken = text !== undefined && now !== undefined && now !== text;
    if (outcome.ok) {
      if (!overtaken)
        this.patch(field.name, { text: undefined, refused: undefined, errors: undefined });
      return true;
    }
    if (!overtaken) this.patch(field.name, { refused: text, errors: outcome.errors });
    return false;
  }

  private refuseLocally(field: FieldDescriptor, parsed: Parsed<unknown>, text?: string): void {
    if (!parsed.ok) this.patch(field.name, { refused: text, errors: [parsed.error] });
  }

  private async commitChange(
    field: FieldDescriptor,
    parsed: Parsed<PropChange>,
    text?: string
  ): Promise<void> {
    const node = this.node();
    if (!node) return;
    if (!parsed.ok) return this.refuseLocally(field, parsed, text);
    const change = parsed.value;
    // Nothing to do when the value is what the node already has.
    if ('unset' in change ? field.value === undefined : sameValue(change.set, field.value)) {
      this.patch(field.name, { text: undefined, refused: undefined, errors: undefined });
      return;
    }
    await this.send(field, propChangeOps(node.id, field.name, change), text);
  }

  /**
   * Commits the typed text of a text-like control: at once on Enter or blur, `quiet` after a
   * pause in typing, when half-typed text that does not parse yet waits without an error.
   */
  commitText(field: FieldDescriptor, mode: ValueKind, quiet = false): void {
    clearTimeout(this.#timers[field.name]);
    delete this.#timers[field.name];
    const node = this.node();
    if (!node) return;
    const state = this.#ui[field.name];
    const text = state?.text;
    // Untouched, the same text was just refused, or it is on its way: nothing new to ask.
    if (text === undefined || (state?.errors && state.refused === text)) return;
    if (this.#sending[field.name] === text) return;
    const parsed =
      mode === 'expr' ? parseExpression(text) : parseLiteral(this.studio.model, node, field, text);
    if (quiet && !parsed.ok) return;
    void this.commitChange(field, parsed, text);
  }

  /** Commits a control that changes at once (a select, a switch). */
  commitNow(field: FieldDescriptor, input: string | boolean): void {
    const node = this.node();
    if (!node) return;
    const text = typeof input === 'string' ? input : undefined;
    this.patch(field.name, { text });
    void this.commitChange(field, parseLiteral(this.studio.model, node, field, input), text);
  }

  /** Text typed into a field; editing again clears the old refusal: it described other text. */
  typed(field: FieldDescriptor, text: string): void {
    this.patch(field.name, { text, errors: undefined, refused: undefined });
    // Applied as the person types, once they pause (the mode read now: the `{ }` toggle may move).
    const mode = this.modeOf(field);
    clearTimeout(this.#timers[field.name]);
    this.#timers[field.name] = setTimeout(() => this.commitText(field, mode, true), APPLY_AFTER_MS);
  }

  /** Enter commits (Shift+Enter is a new line in a text area); Escape drops the draft. */
  keydown(event: KeyboardEvent, field: FieldDescriptor, mode: ValueKind): void {
    const multiline = event.currentTarget instanceof HTMLTextAreaElement;
    if (event.key === 'Enter' && !(multiline && event.shiftKey)) {
      event.preventDefault();
      this.commitText(field, mode);
    } else if (event.key === 'Escape') {
      // Back to what the app has; the studio's Escape (deselect) is for outside fields.
      event.stopPropagation();
      this.patch(field.name, { text: undefined, errors: undefined, refused: undefined });
    }
  }

  /** The `{ }` toggle: literal ↔ expression, the expression starting from the literal. */
  switchMode(field: FieldDescriptor): void {
    const next: ValueKind = this.modeOf(field) === 'expr' ? 'literal' : 'expr';
    const text =
      next === 'expr'
        ? field.valueKind === 'expr'
          ? valueText(field, field.value)
          : literalAsExpression(
              field.valueKind === 'literal' ? (field.value as JsonValue) : field.default
            )
        : undefined;
    this.patch(field.name, { mode: next, text, errors: undefined, refused: undefined });
  }

  /** A handler picked for an event prop, or `__new__` to open the "New handler…" form. */
  pickHandler(field: FieldDescriptor, choice: string): void {
    const node = this.node();
    if (!node) return;
    if (choice === '__new__') {
      this.patch(field.name, {
        errors: undefined,
        newHandler: {
          name: '',
          params: loopVariables(this.studio.model, node.id).join(', '),
          body: ''
        }
      });
      return;
    }
    this.patch(field.name, { newHandler: undefined });
    void this.send(field, pickHandlerOps(node.id, field.name, choice));
  }

  /**
   * Creates the handler of the open form and points the prop at it, in one batch; `before` are
   * ops that go first in the same batch (the lists an action builder's steps make).
   */
  async createHandler(field: FieldDescriptor, before: readonly unknown[] = []): Promise<void> {
    const node = this.node();
    const component = this.component();
    const form = this.#ui[field.name]?.newHandler;
    if (!node || !component || !form) return;
    const ops = createHandlerOps(component, node.id, field.name, form);
    if (!ops.ok) return this.refuseLocally(field, ops);
    if (await this.send(field, [...before, ...ops.value]))
      this.patch(field.name, { newHandler: undefined });
  }

  /** Binds a prop to a state field (`""` unbinds it). */
  bind(field: FieldDescriptor, choice: string): void {
    const node = this.node();
    if (!node) return;
    // The field follows the value's kind once the server took it; a refusal keeps the old mode.
    void this.send(field, bindOps(node.id, field.name, choice)).then((ok) => {
      if (ok) this.patch(field.name, { mode: undefined });
    });
  }

  /** What the handler select shows: the open form, the handler set, or none. */
  handlerValue(field: FieldDescriptor): string {
    if (this.#ui[field.name]?.newHandler) return '__new__';
    return field.valueKind === 'handler' ? valueText(field, field.value) : '';
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
