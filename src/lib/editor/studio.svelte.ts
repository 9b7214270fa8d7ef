/**
 * The studio's state in the browser, shared by every panel through Svelte context
 * (`setStudio` / `getStudio`): a replica of the app's Y.Doc, the model read from it, the
 * selection, the mode, what runs on the canvas, who else is here, and the one way to change the
 * app, `propose`.
 *
 * Online, a change goes to the server as a batch of ops (or an undo, a redo, app data); the
 * server plans, gates, dry-runs and commits it as this person (DESIGN section 1, the one edit
 * path), and the change comes back over the collaboration WebSocket (and in the answer). A
 * refused batch comes back as coded errors for the panel that made it to show where it happened.
 *
 * The replica is also a live Yjs document (DESIGN section 7): a Hocuspocus provider keeps it in
 * step with everyone else's edits, and y-indexeddb keeps it in this browser. Offline, a batch is
 * planned here and written to the replica directly; it reaches the server when the connection
 * is back, where it is checked like any peer's update (src/lib/collab/check.ts). Whatever the
 * replica holds, the canvas runs only what this browser's own compile gate passed
 * (gate-client.ts); a change that does not compile leaves the last good version running.
 */
import { getContext, setContext } from 'svelte';
import { version } from '$app/environment';
import { updated } from '$app/state';
import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import { currentModel } from '../model/store';
import { docRoots, undoScope } from '../model/ydoc';
import type { AppModel, JsonValue } from '../model/types';
import { shareUnchanged } from './share';
import type { EditError, ErrorCode } from '../ops/errors';
import { commitPlanned, originFor, type HistoryEntry, type EditSource } from '../ops/write';
import { componentStamp, type LiveSource } from '../runtime/compiled';
import { commitData } from '../runtime/live';
import { renderSafe } from '../ops/render-safe';
import { networkErrors } from '../code/network';
import {
  actorId,
  canEditDefinition,
  COLLAB_PATH,
  documentName,
  NAME_HEADER,
  PERSON_HEADER,
  readNotice,
  type Role
} from '../collab/protocol';
import { colorFor, readPeer, type Peer, type Point, type PresenceState } from '../collab/presence';
import { readHistory } from '../collab/history-entry';
import { BrowserGate, keepLastGood, type GateProblem } from './gate-client';

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

/** The origin of updates the server sent in an HTTP answer. */
const SERVER = Object.freeze({ from: 'server' });

/** What the page's server load hands the studio. */
export interface StudioInit {
  /** The whole document, one Yjs update in base64. */
  readonly update: string;
  /** The app compiled by the server's gate, for the first paint. */
  readonly live: LiveSource;
  readonly history?: { undo: number; redo: number };
  /** This person's role in the app: the share link's, or owner for the person at the machine. */
  readonly role?: Role;
  /** The share link's token the page was opened with (null: the person at the machine). */
  readonly token?: string | null;
  /** The actor id without the person part: `owner` or `link:ID`. */
  readonly base?: string;
}

/** Who this browser is: an id its tabs share (not a secret) and a display name. */
function personOf(role: Role): { id: string; name: string } {
  const fallback = { id: `p-${Math.random().toString(36).slice(2, 12)}`, name: '' };
  let stored: { id?: unknown; name?: unknown } = {};
  try {
    stored = JSON.parse(localStorage.getItem('malleable.person') ?? '{}');
  } catch {
    // No storage (private mode): a person per page.
  }
  const id =
    typeof stored.id === 'string' && /^[A-Za-z0-9-]{6,40}$/.test(stored.id)
      ? stored.id
      : fallback.id;
  const name =
    typeof stored.name === 'string' && stored.name.trim() !== ''
      ? stored.name.trim().slice(0, 60)
      : role === 'owner'
        ? 'Owner'
        : `Guest ${id.slice(-4).toUpperCase()}`;
  try {
    localStorage.setItem('malleable.person', JSON.stringify({ id, name }));
  } catch {
    // As above.
  }
  return { id, name };
}

/** A change of the replica's model, to draw before the sandbox has run it (`Studio.onModelChange`). */
export interface ModelChange {
  readonly before: AppModel;
  readonly after: AppModel;
  /** The browser gate's sequence of the write: a compiled app includes it once `includes`. */
  readonly seq: number;
}

/** The connection to the collaboration server, as the top bar shows it. */
export type ConnectionStatus = 'connecting' | 'online' | 'syncing' | 'offline';

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
  /**
   * Use: the app as its users see it. Edit: select, drag, edit in place. Kept for this tab
   * across a reload (sessionStorage), so a person testing their app stays in Use mode.
   */
  #mode = $state<'use' | 'edit'>('edit');
  get mode(): 'use' | 'edit' {
    return this.#mode;
  }
  set mode(mode: 'use' | 'edit') {
    this.#mode = mode;
    try {
      sessionStorage.setItem(`malleable.mode:${this.appId}`, mode);
    } catch {
      // No storage (a test, private mode): the mode lasts as long as the page.
    }
  }
  /** How many steps this person can undo and redo. */
  undoCount = $state(0);
  redoCount = $state(0);
  /** Requests in flight (the toolbar shows a busy state). */
  pending = $state(0);
  notices = $state<Notice[]>([]);
  /** The history log of the app, oldest first. */
  history = $state.raw<readonly HistoryEntry[]>([]);
  /** Everyone else in this app's studio now (not this tab), in a stable order. */
  peers = $state.raw<Peer[]>([]);
  /** The collaboration connection. */
  status = $state<ConnectionStatus>('connecting');
  /** An AI proposal's app, shown on the canvas instead of the live one while set. */
  previewLive = $state.raw<LiveSource | null>(null);
  /**
   * The data the canvas's sandbox holds now, every scope (set by the canvas, read when a field
   * becomes shared so the value this tab shows is the one stored). Not reactive.
   */
  heldData: Readonly<Record<string, JsonValue>> | null = null;
  /**
   * Who draws each change of the model before the sandbox answers (./view-patch.ts): the model
   * before and after, and the gate sequence of the write.
   */
  // Listeners, called by hand: nothing reads the set reactively.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly modelChanges = new Set<(change: ModelChange) => void>();
  /** For each app the browser's gate compiled: the gate sequence it includes (see `includes`). */
  private readonly liveUpTo = new WeakMap<LiveSource, number>();
  /** For each app: its components' stamps, from the gate or computed here once (see `stamps`). */
  private readonly liveStamps = new WeakMap<LiveSource, Readonly<Record<string, string>>>();
  /** Why the canvas runs an older version than the document holds, if it does. */
  liveProblem = $state.raw<GateProblem | null>(null);
  /** Set when the share link stopped working (revoked, expired): the studio is read-only. */
  lockedOut = $state<string | null>(null);
  /** Why: a link that stopped working, or this tab being older than the server (reload). */
  lockedCode = $state<ErrorCode | null>(null);
  /** Who this tab is. */
  readonly me: { id: string; name: string; color: string; role: Role };
  /** The share-link token the page was opened with (null: the person at the machine). */
  readonly token: string | null;
  private readonly person: { id: string; name: string };
  private readonly origin;
  private noticeSeq = 0;
  private readonly fetcher: typeof fetch;
  private provider: HocuspocusProvider | null = null;
  private local: IndexeddbPersistence | null = null;
  private gate: BrowserGate | null = null;
  /**
   * My undo while offline (issue 13): the steps I made here since the connection went, one per
   * batch or data write, each taking back only what my origin wrote. Online, undo is the server's
   * (its stacks hold my steps from every door); this one starts empty at each disconnect, so it
   * never takes back a step the server already undid.
   */
  private offlineUndo: Y.UndoManager | null = null;
  private compiling = false;
  private compileAgain = false;
  private lastChange: string | null = null;
  private refreshQueued = false;
  private presence: PresenceState | null = null;
  private stopEffects: (() => void) | null = null;

  constructor(
    appId: string,
    initial: StudioInit,
    options: { fetcher?: typeof fetch; collaborate?: boolean } = {}
  ) {
    this.appId = appId;
    this.fetcher = options.fetcher ?? fetch;
    const role = initial.role ?? 'owner';
    this.token = initial.token ?? null;
    const collaborate = options.collaborate ?? typeof window !== 'undefined';
    this.person = collaborate ? personOf(role) : { id: 'tester-0000', name: 'Tester' };
    const id = actorId(initial.base ?? 'owner', this.person.id);
    this.me = { id, name: this.person.name, color: colorFor(id), role };
    this.origin = originFor({ id, name: this.person.name, role });
    try {
      if (sessionStorage.getItem(`malleable.mode:${appId}`) === 'use') this.#mode = 'use';
    } catch {
      // As in `mode`.
    }
    const whole = fromBase64(initial.update);
    Y.applyUpdate(this.doc, whole, SERVER);
    this.refresh();
    this.live = initial.live;
    this.undoCount = initial.history?.undo ?? 0;
    this.redoCount = initial.history?.redo ?? 0;
    if (collaborate) this.collaborate(whole);
  }

  /** Whether this person may change the app's definition (owners and editors). */
  get canEdit(): boolean {
    return canEditDefinition(this.me.role) && this.lockedOut === null;
  }

  /** Headers for the studio's calls to `/api`: the link's token and who this person is. */
  headers(): Record<string, string> {
    return {
      ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      [PERSON_HEADER]: this.person.id,
      [NAME_HEADER]: encodeURIComponent(this.person.name)
    };
  }

  /**
   * Starts the live connection, presence, the compile gate (handed `whole`, the document as the
   * page got it, which the replica holds now: encoding it again costs a quarter of a second at
   * 2,000 nodes), and soon the browser's own copy.
   */
  private collaborate(whole: Uint8Array): void {
    this.gate = new BrowserGate();
    this.gate.push(whole);
    // The browser's own copy (IndexedDB) writes the whole document when it starts: once the
    // studio has drawn, or at once when the connection goes.
    const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1_000));
    idle(() => this.keepLocally(), { timeout: 3_000 });
    const offlineUndo = new Y.UndoManager(undoScope(this.doc), {
      // Yjs' own set of origins, read by Yjs only: nothing here is reactive.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      trackedOrigins: new Set([this.origin]),
      captureTimeout: 0
    });
    const counts = () => {
      if (this.status !== 'offline') return;
      this.undoCount = offlineUndo.undoStack.length;
      this.redoCount = offlineUndo.redoStack.length;
    };
    offlineUndo.on('stack-item-added', counts);
    offlineUndo.on('stack-item-popped', counts);
    this.offlineUndo = offlineUndo;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.gate?.push(update);
      // An HTTP answer refreshes the panels itself; everything else (peers over the socket, the
      // browser's own copy, offline writes) is picked up here.
      if (origin !== SERVER && !this.applyingAnswer) this.queueRefresh();
    });
    const params = `person=${encodeURIComponent(this.person.id)}&name=${encodeURIComponent(this.person.name)}&v=${encodeURIComponent(version)}`;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.provider = new HocuspocusProvider({
      url: `${scheme}://${location.host}${COLLAB_PATH}?${params}`,
      name: documentName(this.appId),
      document: this.doc,
      token: this.token ?? '',
      onStatus: () => this.updateStatus(),
      onClose: () => void this.checkVersion(),
      onSynced: () => {
        this.updateStatus();
        void this.refreshCounts();
      },
      onUnsyncedChanges: () => this.updateStatus(),
      onStateless: ({ payload }) => this.onNotice(payload),
      onAuthenticationFailed: ({ reason }) =>
        this.lockOut(`This link no longer works (${reason}). Ask the owner for a new one.`),
      onAwarenessChange: () => this.readPeers()
    });
    this.presence = {
      user: { id: this.me.id, name: this.me.name, color: this.me.color, role: this.me.role },
      selection: null,
      pointer: null,
      field: null
    };
    this.provider.setAwarenessField('user', this.presence.user);
    // Publish the selection whenever it changes, wherever it was changed from.
    this.stopEffects = $effect.root(() => {
      $effect(() => {
        const selection = this.selected;
        this.publish({ selection });
      });
    });
    // The browser knows it lost the network before a socket notices: stop and start the
    // connection with it, so edits are kept here at once instead of waiting on a dead socket.
    window.addEventListener('offline', this.wentOffline);
    window.addEventListener('online', this.cameOnline);
    if (!navigator.onLine) this.wentOffline();
  }

  /** Keeps the replica in this browser's IndexedDB from now on (edits made offline survive). */
  private keepLocally(): void {
    if (this.local || this.destroyed) return;
    this.local = new IndexeddbPersistence(`malleable:${this.appId}`, this.doc);
  }

  private destroyed = false;

  private readonly wentOffline = () => {
    this.keepLocally();
    this.provider?.configuration.websocketProvider.disconnect();
    this.updateStatus();
  };

  private readonly cameOnline = () => {
    void this.provider?.configuration.websocketProvider.connect();
    this.updateStatus();
  };

  private updateStatus(): void {
    const provider = this.provider;
    if (!provider) return;
    const was = this.status;
    const socket = provider.configuration.websocketProvider.status;
    if (this.lockedOut !== null || socket === 'disconnected') this.status = 'offline';
    else if (socket === 'connecting')
      this.status = this.status === 'offline' ? 'offline' : 'connecting';
    else if (!provider.isSynced || provider.hasUnsyncedChanges) this.status = 'syncing';
    else this.status = 'online';
    if ((was === 'offline') !== (this.status === 'offline')) {
      // Offline, undo starts afresh here; back online, the server's stacks are the truth again
      // (the offline steps reach it as one step of mine).
      this.offlineUndo?.clear();
      if (this.status === 'offline') {
        this.undoCount = this.redoCount = 0;
        this.keepLocally();
      } else void this.refreshCounts();
    }
  }

  private onNotice(payload: string): void {
    const notice = readNotice(payload);
    if (!notice) return;
    const first = notice.errors[0];
    if (notice.type === 'revoked') {
      const why = first?.message ?? 'it stopped working';
      this.lockOut(
        `This share link no longer works (${why}): the app is read-only here. Ask the owner for a new link.`,
        first?.code ?? 'E_TOKEN_REVOKED'
      );
      return;
    }
    // The server refused what this browser wrote (offline, or a change that conflicted): it is
    // in this replica but nowhere else, and nothing can build on it. Start again from the
    // server's copy, and say what was not kept.
    this.notify(
      'error',
      `A change made here was not kept: ${first?.message ?? 'the server refused it'}`,
      first?.code
    );
    void this.resync(first);
  }

  private async resync(error: EditError | undefined): Promise<void> {
    this.provider?.destroy();
    this.provider = null;
    // The browser's copy holds the refused change too; not started yet, it is cleared all the same.
    if (this.local) await this.local.clearData();
    else await clearDocument(`malleable:${this.appId}`);
    try {
      sessionStorage.setItem(
        'malleable.notice',
        JSON.stringify({
          text: `A change made here was not kept: ${error?.message ?? ''}`,
          code: error?.code
        })
      );
    } catch {
      // Nothing to carry over then.
    }
    location.reload();
  }

  /**
   * After the socket closed: is the server running another build (this tab is old)? Then this
   * tab writes nothing more (it could plan with rules the server no longer has) and asks to be
   * reloaded; what it kept in this browser syncs from the reloaded page.
   */
  private async checkVersion(): Promise<void> {
    if (this.lockedOut !== null || this.versionChecked) return;
    this.versionChecked = true;
    try {
      if (await updated.check())
        this.lockOut(
          'Malleable was updated on the server: reload this tab to keep editing. Your changes are kept in this browser.',
          'E_VERSION_SKEW'
        );
    } catch {
      // No answer (offline): the next close asks again.
    } finally {
      setTimeout(() => (this.versionChecked = false), 5000);
    }
  }

  private versionChecked = false;
  /** Set while an HTTP answer's update is applied (it refreshes the panels itself). */
  private applyingAnswer = false;

  private lockOut(message: string, code: ErrorCode = 'E_TOKEN_INVALID'): void {
    if (this.lockedOut !== null) return;
    this.lockedOut = message;
    this.lockedCode = code;
    this.provider?.destroy();
    this.provider = null;
    this.status = 'offline';
    this.notify('error', message, code);
  }

  private readPeers(): void {
    const awareness = this.provider?.awareness;
    if (!awareness) return;
    const mine = awareness.clientID;
    const peers: Peer[] = [];
    for (const [client, state] of awareness.getStates()) {
      if (client === mine) continue;
      const peer = readPeer(client, state);
      if (peer) peers.push(peer);
    }
    peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
    this.peers = peers;
  }

  private publish(change: Partial<Omit<PresenceState, 'user'>>): void {
    if (!this.provider || !this.presence) return;
    for (const [key, value] of Object.entries(change)) {
      if (JSON.stringify(this.presence[key as keyof PresenceState]) === JSON.stringify(value))
        continue;
      this.presence = { ...this.presence, [key]: value };
      this.provider.setAwarenessField(key, value);
    }
  }

  /** My pointer over the canvas (page coordinates), or null when it leaves. */
  setPointer(point: Point | null): void {
    this.publish({ pointer: point });
  }

  /** The inspector field I am editing, or null. */
  setField(key: string | null): void {
    this.publish({ field: key });
  }

  private queueRefresh(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    queueMicrotask(() => {
      this.refreshQueued = false;
      const before = this.history.length;
      const model = this.model;
      this.refresh();
      this.changed(model);
      // Read through the validator: one malformed entry already stored must not throw here.
      const latest = this.history.length > before ? readHistory(this.history.slice(-1))[0] : null;
      if (latest?.ok)
        this.lastChange = `${latest.entry.name ?? latest.entry.who}: ${latest.entry.summary}`;
      void this.compile();
    });
  }

  /** Compiles the replica in the browser's gate; the canvas keeps the last good version. */
  private async compile(): Promise<void> {
    if (!this.gate) return;
    if (this.compiling) {
      this.compileAgain = true;
      return;
    }
    this.compiling = true;
    try {
      do {
        this.compileAgain = false;
        const outcome = await this.gate.compile();
        const kept = keepLastGood(this.live, outcome, this.lastChange);
        if (kept.live === outcome.live) {
          this.liveUpTo.set(kept.live, outcome.upTo);
          if (outcome.stamps) this.liveStamps.set(kept.live, outcome.stamps);
        }
        this.live = kept.live;
        this.liveProblem = kept.problem;
      } while (this.compileAgain);
    } catch (e) {
      // Without a working gate here, the server's compiled answers still reach the canvas.
      console.warn('malleable: the browser compile gate failed', e);
      this.gate?.dispose();
      this.gate = null;
    } finally {
      this.compiling = false;
    }
  }

  /** This person's undo and redo counts from the server (after a reconnect, say). */
  private async refreshCounts(): Promise<void> {
    try {
      const response = await this.fetcher(`/api/apps/${this.appId}/undo`, {
        headers: this.headers()
      });
      if (!response.ok) return;
      const answer = (await response.json()) as { history?: { undo: number; redo: number } };
      if (answer.history) {
        this.undoCount = answer.history.undo;
        this.redoCount = answer.history.redo;
      }
    } catch {
      // Offline: the counts stay as they are.
    }
  }

  /** Whether changes go to the server now (else they are written here, to sync later). */
  get online(): boolean {
    return this.provider === null ? this.lockedOut === null : this.status !== 'offline';
  }

  /** Stops the live connection (the page is going away). */
  destroy(): void {
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', this.wentOffline);
      window.removeEventListener('online', this.cameOnline);
    }
    this.destroyed = true;
    this.stopEffects?.();
    this.provider?.destroy();
    this.provider = null;
    void this.local?.destroy();
    this.gate?.dispose();
  }

  /** The snapshot of the replica `model` was made from (see `refresh`). */
  private modelRead: AppModel | null = null;

  private refresh(): void {
    const next = currentModel(this.doc).model;
    // The replica's model is read afresh after every answer; handing the panels the previous
    // objects wherever nothing changed lets Svelte skip every outline row and canvas part that
    // reads them (a derived whose value is the same object does not wake its readers). The
    // same snapshot again (nothing changed since) is the model as it is.
    if (next !== this.modelRead)
      this.model =
        this.model && this.modelRead
          ? shareUnchanged(this.model, next, this.modelRead)
          : this.model
            ? shareUnchanged(this.model, next)
            : next;
    this.modelRead = next;
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
      const url = path.startsWith('/') ? path : `/api/apps/${this.appId}/${path}`;
      const response = await this.fetcher(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.headers() },
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
      const model = this.model;
      if (answer.update) {
        // The server has this update already: applied as the provider's own, so the provider
        // does not send it back to be checked again (it skips updates of its own origin).
        this.applyingAnswer = true;
        try {
          Y.applyUpdate(this.doc, fromBase64(answer.update), this.provider ?? SERVER);
        } finally {
          this.applyingAnswer = false;
        }
      }
      if (answer.live) {
        // Compiled by the server after this request: as new as everything this page wrote
        // before it (my earlier writes went out on the socket first).
        if (this.gate) this.liveUpTo.set(answer.live, this.gate.sequence);
        this.live = answer.live;
      }
      if (answer.history) {
        this.undoCount = answer.history.undo;
        this.redoCount = answer.history.redo;
      }
      this.refresh();
      this.changed(model);
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
  async propose(ops: readonly unknown[], source: EditSource = 'visual'): Promise<Outcome> {
    if (!this.canEdit) return this.refusal('E_FORBIDDEN', this.cannotEdit());
    const local = this.online ? this.commitFirstHere(ops, source) : null;
    if (local) return local;
    if (this.online) {
      const outcome = await this.send('ops', { ops, source });
      if (outcome.ok || outcome.errors[0]?.code !== 'E_IO' || this.provider === null)
        return outcome;
      // The server could not be reached: keep the change here, as offline.
    }
    return this.commitHere(ops, source);
  }

  /**
   * Local first (issue 13): a batch that cannot change what any code does (literal props of
   * built-in elements, moves, removals, new built-in elements; ops/render-safe.ts) needs no
   * compiler and no dry run, only the planner (schemas, places, handler parameters) and the
   * network rule for addresses, which run here. So it is written to the replica at once with my
   * origin: the canvas shows it in the next frame, the browser's gate compiles it, and the
   * provider sends it on, where the server judges it as it judges any peer's update (a refusal
   * resets my replica and says which change was not kept). Other batches (code, state, user
   * components) go to the server, whose gate has the type checker. Null: not such a batch, or it
   * did not plan here (the server then gives the answer).
   */
  private commitFirstHere(ops: readonly unknown[], source: EditSource): Outcome | null {
    if (this.provider === null || this.gate === null) return null;
    if (this.status === 'offline' || this.status === 'connecting') return null;
    if (!renderSafe(this.model, ops)) return null;
    // The title is also the app list's: a rename goes through the op route, whose answer comes
    // once it is stored, so the home page a person goes back to shows the new name.
    if (ops.some((op) => (op as { op?: unknown }).op === 'setMeta')) return null;
    const result = commitPlanned(this.doc, ops, this.origin, {
      source,
      verify: (model, touched) => [...touched].flatMap((id) => networkErrors(model, id))
    });
    if (!result.ok) return null;
    const before = this.model;
    this.refresh();
    this.changed(before);
    // The server's undo stack for me gains this step when the update arrives there.
    this.undoCount++;
    this.redoCount = 0;
    return { ok: true, summary: result.summary, idMap: { ...result.idMap } };
  }

  /**
   * Calls `listener` with each change of the model, so the canvas can draw it in the next frame:
   * a render-safe batch written here first, in the task of the edit; a peer's change (or
   * anything else the replica received), once it is read. Returns the unsubscribe.
   */
  onModelChange(listener: (change: ModelChange) => void): () => void {
    this.modelChanges.add(listener);
    return () => this.modelChanges.delete(listener);
  }

  /** Tells the listeners that the model moved on from `before` (see `onModelChange`). */
  private changed(before: AppModel): void {
    if (before === this.model || this.gate === null) return;
    const change: ModelChange = { before, after: this.model, seq: this.gate.sequence };
    for (const listener of this.modelChanges) listener(change);
  }

  /**
   * Whether the canvas running `live` already shows a change of gate sequence `seq`: true for an
   * app the browser's gate compiled after it, or one the server answered with after it; false
   * for an older one (the page's first, or a compile that was on its way).
   */
  includes(live: LiveSource, seq: number): boolean {
    return (this.liveUpTo.get(live) ?? 0) >= seq;
  }

  /**
   * Each component of a compiled app by id, as its `componentStamp`: the canvas compares them to
   * tell which components changed. The browser's gate stamps what it compiles (in its worker);
   * an app from the server (the first paint, an op route's answer) is stamped here, once.
   */
  stamps(live: Extract<LiveSource, { ok: true }>): Readonly<Record<string, string>> {
    let stamps = this.liveStamps.get(live);
    if (!stamps) {
      stamps = Object.fromEntries(live.components.map((c) => [c.id, componentStamp(c)]));
      this.liveStamps.set(live, stamps);
    }
    return stamps;
  }

  /** Plans and writes a batch in this browser (offline); it syncs when the connection is back. */
  private commitHere(ops: readonly unknown[], source: EditSource): Outcome {
    const result = commitPlanned(this.doc, ops, this.origin, { source });
    if (!result.ok) return { ok: false, errors: result.errors };
    this.refresh();
    this.notify('info', 'Saved in this browser; it syncs when the connection is back.');
    return { ok: true, summary: result.summary, idMap: { ...result.idMap } };
  }

  private cannotEdit(): string {
    if (this.lockedOut !== null) return this.lockedOut;
    return this.me.role === 'viewer'
      ? 'This link is view only: it cannot change the app.'
      : 'This link lets you use the app and change its data, not change the app itself.';
  }

  private refusal(code: ErrorCode, message: string): Outcome {
    return { ok: false, errors: [{ code, message }] };
  }

  /** Offline: undoes or redoes my last step made here since the connection went. */
  private undoHere(which: 'undo' | 'redo'): Outcome {
    const manager = this.offlineUndo;
    const stack = which === 'undo' ? manager?.undoStack : manager?.redoStack;
    if (!manager || !stack || stack.length === 0)
      return this.offlineRefusal(
        which === 'undo' ? 'Undoing a step made before going offline' : 'Redo'
      );
    if (which === 'undo') manager.undo();
    else manager.redo();
    this.refresh();
    this.notify(
      'info',
      `${which === 'undo' ? 'Undid' : 'Redid'} in this browser; it syncs when the connection is back.`
    );
    return { ok: true, summary: null, idMap: {} };
  }

  /** Undoes this person's last step; a step that cannot be undone now is reported. */
  async undo(): Promise<Outcome> {
    if (!this.online) return this.undoHere('undo');
    const outcome = await this.send('undo', {});
    this.report(outcome, 'Undid');
    return outcome;
  }

  async redo(): Promise<Outcome> {
    if (!this.online) return this.undoHere('redo');
    const outcome = await this.send('redo', {});
    this.report(outcome, 'Redid');
    return outcome;
  }

  private offlineRefusal(what: string): Outcome {
    const outcome = this.refusal(
      'E_OFFLINE',
      `${what} needs the connection to the server; it is back soon.`
    );
    this.notify('error', outcome.ok ? '' : outcome.errors[0].message, 'E_OFFLINE');
    return outcome;
  }

  private report(outcome: Outcome, verb: string): void {
    if (!outcome.ok)
      this.notify('error', outcome.errors[0]?.message ?? 'refused', outcome.errors[0]?.code);
    else if (outcome.summary) this.notify('info', `${verb}: ${outcome.summary}`);
  }

  /** Stores the app data the app's handlers produced in Use mode. */
  async writeData(
    prev: Record<string, JsonValue>,
    next: Record<string, JsonValue>
  ): Promise<Outcome> {
    if (this.me.role === 'viewer' || this.lockedOut !== null)
      return this.refusal('E_FORBIDDEN', 'This link is view only: the app’s data is not saved.');
    // Trying out a proposal on the canvas changes nothing for real.
    if (this.previewLive !== null) return { ok: true, summary: null, idMap: {} };
    // Local first: the data goes into the replica with my origin (one step of my undo), and the
    // provider sends it on; the server judges it like any peer's update, and a refusal resets
    // my replica and says which change was not kept. Without a live connection (a page with no
    // collaboration), the HTTP data route is the way.
    if (this.provider === null) return this.send('data', { prev, next });
    commitData(this.doc, prev, next, this.origin);
    this.refresh();
    return { ok: true, summary: null, idMap: {} };
  }

  /**
   * Renames a state field, and every expression and handler of the component that reads it
   * (the rewrite needs Babel, so the server builds that batch).
   */
  renameState(component: string, from: string, to: string): Promise<Outcome> {
    if (!this.canEdit) return Promise.resolve(this.refusal('E_FORBIDDEN', this.cannotEdit()));
    if (!this.online)
      return Promise.resolve(
        this.refusal(
          'E_OFFLINE',
          'Renaming a field rewrites code on the server; try again when online.'
        )
      );
    return this.send('rename-state', { component, from, to });
  }

  /**
   * Applies an AI proposal (or the ops at `chosen`) as one change of this person, with the
   * request in the history; planned again on the server against the app as it is now.
   */
  async applyProposal(
    ops: readonly unknown[],
    options: { chosen?: number[]; prompt: string; approved?: boolean; conversationId?: string }
  ): Promise<Outcome> {
    if (!this.canEdit) return this.refusal('E_FORBIDDEN', this.cannotEdit());
    if (!this.online) return this.offlineRefusal('Applying a proposal');
    this.previewLive = null;
    return this.send('/api/assist/apply', { appId: this.appId, ops, ...options });
  }

  /** Restores the app to just before history entry `index` (a new change; undo takes it back). */
  async restoreTo(index: number): Promise<Outcome> {
    if (!this.canEdit) return this.refusal('E_FORBIDDEN', this.cannotEdit());
    if (!this.online) return this.offlineRefusal('Restoring');
    const outcome = await this.send('restore-to', { index });
    this.report(outcome, 'Done');
    return outcome;
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
