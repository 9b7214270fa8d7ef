/**
 * The AI sidebar's conversation: each request a person sends is a turn, streamed from
 * `/api/assist` (assist-client.ts) into its status and its outcome (a proposal, a question, a
 * refusal, a failure). A proposal can be previewed on the canvas, applied in whole or in part
 * (each apply one change through `studio.server.applyProposal`, taking along what the chosen ops need:
 * ../ai/op-needs.ts), or discarded; after a partial apply the rest stays choosable. While a turn
 * runs, the others in the app see it in this person's presence ("Assistant (for NAME)").
 * AssistPanel.svelte draws it.
 */
import {
  existsIn,
  mergeNeeds,
  opNeeds,
  removalNeeds,
  withNeeded,
  type NeededChoice
} from '../ai/op-needs';
import { touchedNodes, withIds } from '../ai/op-refs';
import type { AssistMessage } from '../ai/protocol';
import type { AssistantPresence } from '../collab/presence';
import { streamAssist } from './assist-client';
import type { Studio } from './studio.svelte';
import { submitSuggestion } from './suggestions-client';

/** How long the others see "applied" before the assistant leaves their presence list (ms). */
const APPLIED_SHOWN_MS = 6000;

/** A proposal the assistant made (checked on the server before it arrived). */
export type Proposal = Extract<AssistMessage, { type: 'proposal' }>;

/** One request and what became of it. */
export interface AssistTurn {
  readonly id: number;
  readonly message: string;
  status: string;
  outcome: AssistMessage | null;
  /** For a proposal: which changes the person chose, and what became of it. */
  chosen: boolean[];
  /** Changes applied already (by an earlier, partial apply): fixed, and not applied again. */
  done: boolean[];
  /** The ids the applies so far gave the proposal's temporary node ids. */
  idMap: Record<string, string>;
  approved: boolean;
  /** The proposal is settled (all applied, or discarded): nothing more to choose. */
  result: { ok: boolean; text: string; code?: string } | null;
  /** The last apply while the proposal stays open: a partial one, or a refusal to try again. */
  note: { ok: boolean; text: string; code?: string } | null;
  busy: boolean;
}

/** The engine answering (Claude or the offline planner), as the assistant says it. */
export interface AssistEngine {
  readonly engine: 'claude' | 'offline';
  readonly note: string;
}

/** One conversation with the assistant about this studio's app. */
export class AssistThread {
  turns = $state<AssistTurn[]>([]);
  engine = $state<AssistEngine | null>(null);
  /** A request is being answered (one at a time). */
  running = $state(false);
  /** Sent with every request and applied proposal, so the server can follow the thread. */
  readonly conversationId = `c-${Math.random().toString(36).slice(2, 10)}`;
  private controller: AbortController | null = null;
  private seq = 0;

  /**
   * `suggest` (a user in the app page, issue 16): proposals are checked as an editor would apply
   * them, and kept as suggestions for the app's owners and editors instead of applied.
   */
  constructor(
    private readonly studio: Studio,
    readonly mode: 'apply' | 'suggest' = 'apply'
  ) {}

  /** Sends `message` as a new turn and streams the answer into it. */
  async send(message: string): Promise<void> {
    const studio = this.studio;
    studio.previewLive = null;
    const turn: AssistTurn = {
      id: ++this.seq,
      message,
      status: 'Sending…',
      outcome: null,
      chosen: [],
      done: [],
      idMap: {},
      approved: false,
      result: null,
      note: null,
      busy: false
    };
    this.turns = [...this.turns, turn];
    // The turn as the thread holds it (reactive): the stream writes into this one.
    const current = this.turns[this.turns.length - 1];
    this.running = true;
    this.present({ status: 'thinking', nodes: [] });
    const controller = new AbortController();
    this.controller = controller;
    try {
      for await (const event of streamAssist(
        {
          appId: studio.appId,
          message,
          selection: studio.selected,
          conversationId: this.conversationId,
          ...(this.mode === 'suggest' ? { suggest: true } : {})
        },
        studio.headers(),
        fetch,
        controller.signal
      )) {
        if (event.type === 'engine') this.engine = { engine: event.engine, note: event.note };
        else if (event.type === 'status') current.status = event.text;
        else {
          current.outcome = event;
          if (event.type === 'proposal') {
            current.chosen = event.ops.map(() => true);
            current.done = event.ops.map(() => false);
            studio.previewLive = event.live;
          }
        }
      }
    } catch (e) {
      current.outcome = {
        type: 'failed',
        text: controller.signal.aborted ? 'Stopped.' : `The assistant stopped: ${String(e)}`,
        errors: []
      };
    } finally {
      if (!current.outcome)
        current.outcome = {
          type: 'failed',
          text: 'The assistant ended without an answer.',
          errors: []
        };
      this.running = false;
      this.controller = null;
      // The others see the proposal's elements framed while it waits; any other answer ends it.
      const outcome = current.outcome;
      this.present(
        outcome?.type === 'proposal' ? { status: 'proposing', nodes: this.touched(outcome) } : null
      );
    }
  }

  /** The existing elements `proposal` changes, as this replica has them (for the presence). */
  private touched(proposal: Proposal): string[] {
    const model = this.studio.model;
    return touchedNodes(proposal.ops).filter((id) => model.nodes.has(id));
  }

  private clearTimer: ReturnType<typeof setTimeout> | null = null;

  /** What the others see of this person's assistant; null: nothing (it left their list). */
  private present(assistant: AssistantPresence | null): void {
    if (this.clearTimer) clearTimeout(this.clearTimer);
    this.clearTimer = null;
    this.studio.setAssistant(assistant);
    if (assistant?.status === 'applied')
      this.clearTimer = setTimeout(() => {
        this.clearTimer = null;
        this.studio.setAssistant(null);
      }, APPLIED_SHOWN_MS);
  }

  /**
   * The ops of `turn`'s proposal to apply now: those chosen and not yet applied, and what they
   * need (op-needs.ts), with the ones taken along that the person left out.
   */
  selection(turn: AssistTurn, proposal: Proposal): NeededChoice {
    const model = this.studio.model;
    const needs = mergeNeeds(
      opNeeds(proposal.ops, existsIn(model)),
      removalNeeds(proposal.ops, model)
    );
    return withNeeded(needs, turn.chosen, turn.done);
  }

  /** Stops the request being answered. */
  stop(): void {
    this.controller?.abort();
  }

  /**
   * Applies the chosen changes of `proposal` and what they need, as one change (one undo step
   * of this person). A partial apply leaves the rest choosable; a refusal changes nothing and
   * leaves the choice open, with the reason.
   */
  async apply(turn: AssistTurn, proposal: Proposal): Promise<void> {
    const { apply } = this.selection(turn, proposal);
    const indices = apply.flatMap((on, i) => (on ? [i] : []));
    if (indices.length === 0) return;
    turn.busy = true;
    const whole = indices.length === proposal.ops.length;
    // Ops left out of an earlier apply refer to elements it added by their real ids now.
    const ops = indices.map((i) => withIds(proposal.ops[i], turn.idMap));
    const outcome = await this.studio.server.applyProposal(ops, {
      prompt: turn.message,
      approved: turn.approved,
      conversationId: this.conversationId
    });
    turn.busy = false;
    if (!outcome.ok) {
      turn.note = {
        ok: false,
        text: outcome.errors[0]?.message ?? 'The change was refused.',
        code: outcome.errors[0]?.code
      };
      return;
    }
    const summary = outcome.summary ?? proposal.summary;
    turn.idMap = { ...turn.idMap, ...outcome.idMap };
    turn.done = turn.done.map((was, i) => was || apply[i]);
    turn.chosen = turn.chosen.map((on, i) => on || apply[i]);
    const left = turn.done.filter((d) => !d).length;
    if (left === 0) {
      turn.note = null;
      turn.result = { ok: true, text: `Applied: ${whole ? proposal.summary : summary}` };
    } else {
      turn.note = {
        ok: true,
        text: `Applied ${indices.length} of ${proposal.ops.length} changes: ${summary}. The other ${left} can still be applied.`
      };
    }
    this.studio.notify('info', `Applied: ${summary}`);
    this.present({ status: 'applied', nodes: this.touched(proposal) });
  }

  /** Keeps `proposal` as a suggestion for the app's owners and editors (nothing changes now). */
  async suggest(turn: AssistTurn, proposal: Proposal): Promise<void> {
    turn.busy = true;
    const made = await submitSuggestion(this.studio.appId, this.studio.headers(), {
      request: turn.message,
      ops: proposal.ops
    });
    turn.busy = false;
    this.studio.previewLive = null;
    turn.result = made.ok
      ? { ok: true, text: 'Suggested: the app’s owner will see it, and you will see their answer.' }
      : { ok: false, text: made.errors[0]?.message ?? 'refused', code: made.errors[0]?.code };
    if (made.ok) this.suggested++;
  }

  /** How many suggestions this thread kept (the app page's list reloads when it grows). */
  suggested = $state(0);

  /** Drops `turn`'s proposal: nothing more changes, and the canvas shows the live app. */
  discard(turn: AssistTurn): void {
    const some = turn.done.some(Boolean);
    turn.result = {
      ok: true,
      text: some
        ? 'Discarded the rest: only what was applied changed.'
        : 'Discarded: nothing was changed.'
    };
    turn.note = null;
    this.studio.previewLive = null;
    this.present(null);
  }

  /** Shows `proposal`'s app on the canvas, or the live one again. */
  togglePreview(proposal: Proposal): void {
    this.studio.previewLive = this.studio.previewLive === proposal.live ? null : proposal.live;
  }
}
