/**
 * The calls of suggestions (issue 16), as this tab's person: keep a proposal as a suggestion,
 * list the suggestions one may see, preview one, decline one. Applying goes through the studio
 * (`Studio.applySuggestion`), so the replica and the undo counts follow like for any change.
 */
import type { ProposalDiff } from '../ai/protocol';
import type { LiveSource } from '../runtime/compiled';

/** A suggestion as the server shows it to this person. */
export interface SuggestionView {
  readonly id: string;
  readonly askerName: string;
  readonly request: string;
  readonly summary: string;
  readonly changes: readonly string[];
  readonly created: number;
  readonly status: 'pending' | 'applied' | 'declined';
  readonly note: string | null;
  readonly decidedBy: string | null;
  readonly decided: number | null;
  readonly changedSince?: boolean;
}

/** A reviewer's preview: the proposal against the app as it is now, or why it no longer fits. */
export type SuggestionPreview =
  | {
      readonly ok: true;
      readonly changes: readonly string[];
      readonly diff: ProposalDiff;
      readonly live: LiveSource;
      readonly changedSince: boolean;
    }
  | { readonly ok: false; readonly errors: readonly CodedError[]; readonly changedSince?: boolean };

/** A coded error as the server sends it. */
export interface CodedError {
  readonly code: string;
  readonly message: string;
}

/** Either what was asked for, or the coded errors of the refusal. */
export type Answer<T> = { ok: true; value: T } | { ok: false; errors: CodedError[] };

async function call<T>(
  url: string,
  headers: Record<string, string>,
  pick: (answer: Record<string, unknown>) => T,
  body?: unknown
): Promise<Answer<T>> {
  try {
    const response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' })
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok)
      return {
        ok: false,
        errors: (answer.errors as CodedError[] | undefined) ?? [
          { code: 'E_IO', message: `the server answered ${response.status}` }
        ]
      };
    return { ok: true, value: pick(answer) };
  } catch (e) {
    return {
      ok: false,
      errors: [{ code: 'E_IO', message: `the studio server cannot be reached: ${String(e)}` }]
    };
  }
}

/** Keeps a checked proposal as a suggestion for the app's owners and editors. */
export function submitSuggestion(
  appId: string,
  headers: Record<string, string>,
  suggestion: { request: string; ops: readonly unknown[] }
): Promise<Answer<SuggestionView>> {
  return call(
    `/api/apps/${appId}/suggestions`,
    headers,
    (a) => a.suggestion as SuggestionView,
    suggestion
  );
}

/** The suggestions this person may see (a reviewer: all of them; a user: their link's). */
export function listSuggestions(
  appId: string,
  headers: Record<string, string>
): Promise<Answer<SuggestionView[]>> {
  return call(`/api/apps/${appId}/suggestions`, headers, (a) => a.suggestions as SuggestionView[]);
}

/** A reviewer's preview of a pending suggestion. */
export function previewSuggestion(
  appId: string,
  headers: Record<string, string>,
  id: string
): Promise<Answer<SuggestionPreview>> {
  return call(
    `/api/apps/${appId}/suggestions/${encodeURIComponent(id)}`,
    headers,
    (a) => a as unknown as SuggestionPreview
  );
}

/** Declines a pending suggestion with a note its asker sees. */
export function declineSuggestion(
  appId: string,
  headers: Record<string, string>,
  id: string,
  note: string
): Promise<Answer<SuggestionView>> {
  return call(
    `/api/apps/${appId}/suggestions/${encodeURIComponent(id)}/decline`,
    headers,
    (a) => a.suggestion as SuggestionView,
    { note }
  );
}
