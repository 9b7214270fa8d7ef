/**
 * What the offline planner answers, and the small pieces its rules share: temporary ids for the
 * nodes a batch adds, and the proposal a rule builds before the planner checks it.
 */
import type { AppModel, JsonValue, Op } from '../model/types';
import type { ErrorCode } from '../ops/errors';

/** One answer of the offline planner to one request. */
export type OfflineTurn =
  | { readonly kind: 'batch'; readonly ops: Op[]; readonly summary: string; readonly rule: string }
  /** The request was understood but is ambiguous or cannot be done as said: ask which. */
  | { readonly kind: 'question'; readonly text: string; readonly rule: string | null }
  /**
   * Not done. With a `code` (E_AI_…), a request no engine carries out, and `text` says why;
   * without, a request outside the grammar, and `suggestions` are the (at most three) phrasings
   * nearest to it that the planner does understand.
   */
  | {
      readonly kind: 'refusal';
      readonly text: string;
      readonly code?: ErrorCode;
      readonly suggestions: readonly string[];
    };

/** A batch a rule proposes, with the pure form of each migration it asks for (for the self-check). */
export interface Proposal {
  readonly kind: 'batch';
  readonly ops: Op[];
  readonly summary: string;
  readonly rule: string;
  /** `retypeState` migrate expression → the same migration as a function, to plan the batch. */
  readonly migrations?: ReadonlyMap<string, (value: JsonValue) => JsonValue>;
  /**
   * The element the request was about, when no op names it ("make the name box optional" edits
   * a handler and the Send button): "it" in the next instruction is this one, not the button.
   */
  readonly about?: string;
}

/** What a rule returns: a proposal, a question, or null when the request is not its kind. */
export type RuleResult = Proposal | Extract<OfflineTurn, { kind: 'question' }> | null;

/** A question from a rule. */
export function ask(rule: string | null, text: string): Extract<OfflineTurn, { kind: 'question' }> {
  return { kind: 'question', text, rule };
}

/**
 * Temporary ids for the nodes a batch adds (`new1`, `new2`, ...), never an id the app already
 * has: the planner maps them to real ids (Plan.idMap), so later ops of the batch and the sidebar
 * can name the new nodes. Deterministic, unlike the real ids the planner makes.
 */
export class TempIds {
  private count = 0;
  constructor(private readonly model: AppModel) {}

  next(): string {
    for (;;) {
      const id = `new${++this.count}`;
      if (!this.model.nodes.has(id)) return id;
    }
  }
}
