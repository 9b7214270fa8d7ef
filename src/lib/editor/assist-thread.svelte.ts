/**
 * The AI sidebar's conversation: each request a person sends is a turn, streamed from
 * `/api/assist` (assist-client.ts) into its status and its outcome (a proposal, a question, a
 * refusal, a failure). A proposal can be previewed on the canvas, applied in whole or in part
 * (one change through `studio.applyProposal`), or discarded. AssistPanel.svelte draws it.
 */
import type { AssistMessage } from '../ai/protocol';
import { streamAssist } from './assist-client';
import type { Studio } from './studio.svelte';
import { submitSuggestion } from './suggestions-client';

/** A proposal the assistant made (checked on the server before it arrived). */
export type Proposal = Extract<AssistMessage, { type: 'proposal' }>;

/** One request and what became of it. */
export interface AssistTurn {
  readonly id: number;
  readonly message: string;
  status: string;
  outcome: AssistMessage | null;
  /** For a proposal: which changes are chosen, and what became of it. */
  chosen: boolean[];
  approved: boolean;
  result: { ok: boolean; text: string; code?: string } | null;
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
      approved: false,
      result: null,
      busy: false
    };
    this.turns = [...this.turns, turn];
    // The turn as the thread holds it (reactive): the stream writes into this one.
    const current = this.turns[this.turns.length - 1];
    this.running = true;
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
    }
  }

  /** Stops the request being answered. */
  stop(): void {
    this.controller?.abort();
  }

  /** Applies the chosen changes of `proposal` (all of them: the proposal as it was made). */
  async apply(turn: AssistTurn, proposal: Proposal): Promise<void> {
    turn.busy = true;
    const all = turn.chosen.every(Boolean);
    const chosen = turn.chosen.flatMap((on, i) => (on ? [i] : []));
    const outcome = await this.studio.applyProposal(proposal.ops, {
      ...(all ? {} : { chosen }),
      prompt: turn.message,
      approved: turn.approved,
      conversationId: this.conversationId
    });
    turn.busy = false;
    turn.result = outcome.ok
      ? { ok: true, text: `Applied: ${outcome.summary ?? proposal.summary}` }
      : {
          ok: false,
          text: outcome.errors[0]?.message ?? 'The change was refused.',
          code: outcome.errors[0]?.code
        };
    if (outcome.ok) this.studio.notify('info', `Applied: ${outcome.summary ?? proposal.summary}`);
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

  /** Drops `turn`'s proposal: nothing changes, and the canvas shows the live app. */
  discard(turn: AssistTurn): void {
    turn.result = { ok: true, text: 'Discarded: nothing was changed.' };
    this.studio.previewLive = null;
  }

  /** Shows `proposal`'s app on the canvas, or the live one again. */
  togglePreview(proposal: Proposal): void {
    this.studio.previewLive = this.studio.previewLive === proposal.live ? null : proposal.live;
  }
}
