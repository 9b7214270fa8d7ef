/**
 * The studio's change requests over HTTP: a batch of ops, an undo, a redo, app data, a rename
 * of state, an AI proposal or a restore is POSTed with this person's headers and the replica's
 * state vector, and the server answers with what changed (the update the replica lacks, the app
 * compiled again, this person's undo counts) or with coded errors. Studio applies the answer.
 */
import type { EditError, ErrorCode } from '../ops/errors';
import type { LiveSource } from '../runtime/compiled';

/** What a change request came back with. */
export type Outcome =
  | { readonly ok: true; readonly summary: string | null; readonly idMap: Record<string, string> }
  | { readonly ok: false; readonly errors: readonly EditError[] };

/** The server's answer to a change (see src/lib/server/http.ts `changeAnswer`). */
export interface ChangeAnswer {
  ok: boolean;
  summary?: string | null;
  idMap?: Record<string, string>;
  errors?: EditError[];
  update?: string;
  live?: LiveSource;
  history?: { undo: number; redo: number };
  /** The update of just what the server wrote for me (base64): one step of my undo. */
  mine?: string;
}

/** This person's undo and redo counts, as the server keeps them. */
export interface UndoCounts {
  readonly undo: number;
  readonly redo: number;
}

/** Bytes from base64 (a Yjs update in a JSON answer). */
export function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Bytes as base64 (the state vector in a request). */
export function toBase64(bytes: Uint8Array): string {
  let raw = '';
  for (const b of bytes) raw += String.fromCharCode(b);
  return btoa(raw);
}

/** A refusal with one coded error (the studio refuses some changes before asking). */
export function refused(code: ErrorCode, message: string): Outcome {
  return { ok: false, errors: [{ code, message }] };
}

/** An outcome that failed before any answer could be read. */
function unreachable(message: string): Outcome {
  return refused('E_IO', message);
}

/** Sends the studio's change requests for one app, and counts those in flight. */
export class ChangeClient {
  /** Requests in flight (the toolbar shows a busy state). */
  pending = $state(0);

  constructor(
    private readonly appId: string,
    private readonly fetcher: typeof fetch,
    private readonly headers: () => Record<string, string>
  ) {}

  /**
   * POSTs `body` (with `stateVector`, so the answer carries only what the replica lacks) to
   * `path`: a name under `/api/apps/ID/`, or an absolute path. `take` applies the answer and
   * says what it meant; a server that cannot be reached, an answer that is not JSON, or a `take`
   * that throws is an `E_IO` outcome.
   */
  async send(
    path: string,
    body: Record<string, unknown>,
    stateVector: Uint8Array,
    take: (answer: ChangeAnswer) => Outcome
  ): Promise<Outcome> {
    this.pending++;
    try {
      const url = path.startsWith('/') ? path : `/api/apps/${this.appId}/${path}`;
      const response = await this.fetcher(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.headers() },
        body: JSON.stringify({ ...body, sv: toBase64(stateVector) })
      });
      let answer: ChangeAnswer;
      try {
        answer = (await response.json()) as ChangeAnswer;
      } catch {
        return unreachable(`the server answered ${response.status}`);
      }
      return take(answer);
    } catch (e) {
      return unreachable(`the studio server cannot be reached: ${String(e)}`);
    } finally {
      this.pending--;
    }
  }

  /** This person's undo and redo counts from the server; null when there is no answer. */
  async undoCounts(): Promise<UndoCounts | null> {
    try {
      const response = await this.fetcher(`/api/apps/${this.appId}/undo`, {
        headers: this.headers()
      });
      if (!response.ok) return null;
      const answer = (await response.json()) as { history?: UndoCounts };
      return answer.history ?? null;
    } catch {
      // Offline: the counts stay as they are.
      return null;
    }
  }
}

/** What `answer` says: its summary and new ids, or its errors. */
export function outcomeOf(answer: ChangeAnswer): Outcome {
  if (answer.ok) return { ok: true, summary: answer.summary ?? null, idMap: answer.idMap ?? {} };
  return { ok: false, errors: answer.errors ?? [] };
}
