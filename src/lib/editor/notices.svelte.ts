/**
 * The studio's toasts (Toasts.svelte shows them): short messages for changes with no field of
 * their own to report in, such as keyboard commands, undo, and what happened offline.
 */
import type { Outcome } from './change-client.svelte';

/** A short message for the person, shown as a toast. */
export interface Notice {
  readonly id: number;
  readonly kind: 'info' | 'error';
  readonly text: string;
  readonly code?: string;
}

/** The notices showing now, newest last; each goes by itself after a while. */
export class Notices {
  /** What Toasts.svelte shows: the last four at most. */
  list = $state<Notice[]>([]);
  #seq = 0;

  /** Shows a toast; errors stay until dismissed or replaced, information for a few seconds. */
  notify(kind: Notice['kind'], text: string, code?: string): void {
    const notice: Notice = { id: ++this.#seq, kind, text, ...(code ? { code } : {}) };
    this.list = [...this.list.slice(-3), notice];
    setTimeout(() => this.dismiss(notice.id), kind === 'error' ? 8000 : 3000);
  }

  /** Toasts what became of a change without a place of its own: `verb` and its summary. */
  report(outcome: Outcome, verb: string): void {
    if (!outcome.ok)
      this.notify('error', outcome.errors[0]?.message ?? 'refused', outcome.errors[0]?.code);
    else if (outcome.summary) this.notify('info', `${verb}: ${outcome.summary}`);
  }

  /** Takes notice `id` away (its close button, or its time is up). */
  dismiss(id: number): void {
    this.list = this.list.filter((n) => n.id !== id);
  }
}
