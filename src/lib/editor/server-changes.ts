/**
 * The studio's changes that only the server can build, each one change of this person: a field
 * rename (the rewrite of the code that reads it needs Babel), an AI proposal or a user's
 * suggestion (planned again there against the app as it is now), and a restore point (the
 * server keeps the history's restore points). Each needs the right to edit and the connection;
 * without either it is refused here, with nothing sent.
 */
import { refused, type Outcome } from './change-client.svelte';

/** What these changes need of the studio. */
export interface ServerChangeHost {
  /** Why this person may not change the definition now, or null if they may. */
  cannotEdit(): string | null;
  /** Whether the server can be reached now. */
  online(): boolean;
  /** The refusal of `what` while offline (a toast says it too). */
  needsConnection(what: string): Outcome;
  /** Sends a change request to the app's route `path` (or an absolute `/api/...` path). */
  send(path: string, body: Record<string, unknown>): Promise<Outcome>;
  /** The canvas shows the live app again (an applied proposal is no longer a preview). */
  endPreview(): void;
  /** A toast for `outcome`, its summary after `verb`. */
  report(outcome: Outcome, verb: string): void;
}

/** The server-built changes of one studio (see the file comment). */
export class ServerChanges {
  constructor(
    private readonly appId: string,
    private readonly host: ServerChangeHost
  ) {}

  /** Renames a state field, and every expression and handler of the component that reads it. */
  renameState(component: string, from: string, to: string): Promise<Outcome> {
    const refusal = this.cannot(null);
    if (refusal) return Promise.resolve(refusal);
    if (!this.host.online())
      return Promise.resolve(
        refused('E_OFFLINE', 'Renaming a field rewrites code on the server; try again when online.')
      );
    return this.host.send('rename-state', { component, from, to });
  }

  /** Applies an AI proposal (or the ops at `chosen`), with the request in the history. */
  applyProposal(
    ops: readonly unknown[],
    options: { chosen?: number[]; prompt: string; approved?: boolean; conversationId?: string }
  ): Promise<Outcome> {
    const refusal = this.cannot('Applying a proposal');
    if (refusal) return Promise.resolve(refusal);
    this.host.endPreview();
    return this.host.send('/api/assist/apply', { appId: this.appId, ops, ...options });
  }

  /** Applies a user's suggestion (issue 16); the asker is named in the history. */
  applySuggestion(id: string, options: { approved?: boolean } = {}): Promise<Outcome> {
    const refusal = this.cannot('Applying a suggestion');
    if (refusal) return Promise.resolve(refusal);
    this.host.endPreview();
    return this.host.send(`suggestions/${encodeURIComponent(id)}/apply`, { ...options });
  }

  /** Restores the app to just before history entry `index` (a new change; undo takes it back). */
  async restoreTo(index: number): Promise<Outcome> {
    const refusal = this.cannot('Restoring');
    if (refusal) return refusal;
    const outcome = await this.host.send('restore-to', { index });
    this.host.report(outcome, 'Done');
    return outcome;
  }

  /** The refusal for a person who may not edit, or (when `offline` names the change) offline. */
  private cannot(offline: string | null): Outcome | null {
    const why = this.host.cannotEdit();
    if (why !== null) return refused('E_FORBIDDEN', why);
    if (offline !== null && !this.host.online()) return this.host.needsConnection(offline);
    return null;
  }
}
