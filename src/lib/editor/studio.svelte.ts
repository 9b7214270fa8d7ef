/**
 * The studio's state in the browser, shared by every panel through Svelte context
 * (`setStudio` / `getStudio`): a replica of the app's Y.Doc, the model read from it, the
 * selection, the mode, what runs on the canvas, and the one way to change the app, `propose`.
 *
 * The replica is never written here (DESIGN section 1, the one edit path): a change goes to the
 * server as a batch of ops (or an undo, a redo, app data), the server plans, gates, dry-runs and
 * commits it, and its answer carries the Yjs update the replica applies. A refused batch comes
 * back as coded errors for the panel that made it to show where it happened.
 */
import { getContext, setContext } from 'svelte';
import * as Y from 'yjs';
import { currentModel } from '../model/store';
import { docRoots } from '../model/ydoc';
import type { AppModel, JsonValue } from '../model/types';
import { shareUnchanged } from './share';
import type { EditError } from '../ops/errors';
import type { HistoryEntry, EditSource } from '../ops/commit';
import type { LiveSource } from '../runtime/compiled';

/** What a change request came back with. */
export type Outcome =
  | { readonly ok: true; readonly summary: string | null; readonly idMap: Record<string, string> }
  | { readonly ok: false; readonly errors: readonly EditError[] };

/** A short message for the person, shown as a toast. */
export interface Notice {
  readonly id: number;
  readonly kind: 'info' | 'error';
  readonly text: string;
  readonly code?: string;
}

/** The server's answer to a change (see src/lib/server/http.ts `changeAnswer`). */
interface ChangeAnswer {
  ok: boolean;
  summary?: string | null;
  idMap?: Record<string, string>;
  errors?: EditError[];
  update?: string;
  live?: LiveSource;
  history?: { undo: number; redo: number };
}

function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  let raw = '';
  for (const b of bytes) raw += String.fromCharCode(b);
  return btoa(raw);
}

/** The origin of updates the server sent; nothing in the browser writes with another. */
const SERVER = Object.freeze({ from: 'server' });

export class Studio {
  /** The app's id (the `/apps/ID` in the URL). */
  readonly appId: string;
  /** The replica; read it, never write it (see the file comment). */
  readonly doc = new Y.Doc();
  /** The current model of the replica. */
  model = $state.raw<AppModel>(null as unknown as AppModel);
  /** What the canvas runs (compiled on the server). */
  live = $state.raw<LiveSource>({ ok: false, message: 'loading' });
  /** The selected node, if any. */
  selected = $state<string | null>(null);
  /** Use: the app as its users see it. Edit: select, drag, edit in place. */
  mode = $state<'use' | 'edit'>('edit');
  /** How many steps this person can undo and redo. */
  undoCount = $state(0);
  redoCount = $state(0);
  /** Requests in flight (the toolbar shows a busy state). */
  pending = $state(0);
  notices = $state<Notice[]>([]);
  /** The history log of the app, oldest first. */
  history = $state.raw<readonly HistoryEntry[]>([]);
  private noticeSeq = 0;
  private readonly fetcher: typeof fetch;

  constructor(
    appId: string,
    initial: { update: string; live: LiveSource; history?: { undo: number; redo: number } },
    fetcher: typeof fetch = fetch
  ) {
    this.appId = appId;
    this.fetcher = fetcher;
    Y.applyUpdate(this.doc, fromBase64(initial.update), SERVER);
    this.refresh();
    this.live = initial.live;
    this.undoCount = initial.history?.undo ?? 0;
    this.redoCount = initial.history?.redo ?? 0;
  }

  private refresh(): void {
    const next = currentModel(this.doc).model;
    // The replica's model is read afresh after every answer; handing the panels the previous
    // objects wherever nothing changed lets Svelte skip every outline row and canvas part that
    // reads them (a derived whose value is the same object does not wake its readers).
    this.model = this.model && next !== this.model ? shareUnchanged(this.model, next) : next;
    this.history = docRoots(this.doc).history.toArray() as HistoryEntry[];
    if (this.selected && !this.model.nodes.has(this.selected)) this.selected = null;
  }

  /** Selects a node (or nothing). */
  select(id: string | null): void {
    this.selected = id && this.model.nodes.has(id) ? id : null;
  }

  /** Shows a toast; errors stay until dismissed or replaced, information for a few seconds. */
  notify(kind: Notice['kind'], text: string, code?: string): void {
    const notice: Notice = { id: ++this.noticeSeq, kind, text, ...(code ? { code } : {}) };
    this.notices = [...this.notices.slice(-3), notice];
    setTimeout(() => this.dismiss(notice.id), kind === 'error' ? 8000 : 3000);
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  private async send(path: string, body: Record<string, unknown>): Promise<Outcome> {
    this.pending++;
    try {
      const response = await this.fetcher(`/api/apps/${this.appId}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, sv: toBase64(Y.encodeStateVector(this.doc)) })
      });
      let answer: ChangeAnswer;
      try {
        answer = (await response.json()) as ChangeAnswer;
      } catch {
        return {
          ok: false,
          errors: [{ code: 'E_IO', message: `the server answered ${response.status}` }]
        };
      }
      if (answer.update) Y.applyUpdate(this.doc, fromBase64(answer.update), SERVER);
      if (answer.live) this.live = answer.live;
      if (answer.history) {
        this.undoCount = answer.history.undo;
        this.redoCount = answer.history.redo;
      }
      this.refresh();
      if (answer.ok)
        return { ok: true, summary: answer.summary ?? null, idMap: answer.idMap ?? {} };
      return { ok: false, errors: answer.errors ?? [] };
    } catch (e) {
      return {
        ok: false,
        errors: [{ code: 'E_IO', message: `the studio server cannot be reached: ${String(e)}` }]
      };
    } finally {
      this.pending--;
    }
  }

  /**
   * Proposes a batch of ops (the only way a panel changes the app). On success the replica is
   * updated before this resolves; on refusal nothing changed and the errors say why. The caller
   * shows refusals where they happened; `notify` is for changes without a place (keyboard).
   */
  propose(ops: readonly unknown[], source: EditSource = 'visual'): Promise<Outcome> {
    return this.send('ops', { ops, source });
  }

  /** Undoes this person's last step; a step that cannot be undone now is reported. */
  async undo(): Promise<Outcome> {
    const outcome = await this.send('undo', {});
    this.report(outcome, 'Undid');
    return outcome;
  }

  async redo(): Promise<Outcome> {
    const outcome = await this.send('redo', {});
    this.report(outcome, 'Redid');
    return outcome;
  }

  private report(outcome: Outcome, verb: string): void {
    if (!outcome.ok)
      this.notify('error', outcome.errors[0]?.message ?? 'refused', outcome.errors[0]?.code);
    else if (outcome.summary) this.notify('info', `${verb}: ${outcome.summary}`);
  }

  /** Stores the app data the app's handlers produced in Use mode. */
  writeData(prev: Record<string, JsonValue>, next: Record<string, JsonValue>): Promise<Outcome> {
    return this.send('data', { prev, next });
  }

  /**
   * Renames a state field, and every expression and handler of the component that reads it
   * (the rewrite needs Babel, so the server builds that batch).
   */
  renameState(component: string, from: string, to: string): Promise<Outcome> {
    return this.send('rename-state', { component, from, to });
  }

  /** Renames the app (a `setMeta` op). */
  rename(title: string): Promise<Outcome> {
    return this.propose([{ op: 'setMeta', name: 'title', value: title }]);
  }
}

const KEY = Symbol('studio');

/** Makes `studio` the context of the panels below the calling component. */
export function setStudio(studio: Studio): Studio {
  return setContext(KEY, studio);
}

/** The studio of the page this panel is on. */
export function getStudio(): Studio {
  const studio = getContext<Studio | undefined>(KEY);
  if (!studio) throw new Error('getStudio() outside a studio page');
  return studio;
}
