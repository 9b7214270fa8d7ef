/**
 * The studio's state in the browser, shared by every panel through Svelte context
 * (`setStudio` / `getStudio`): a replica of the app's Y.Doc, the model read from it, the
 * selection, the mode, what runs on the canvas, who else is here, and the one way to change the
 * app, `propose`.
 *
 * The replica is a live Yjs document (DESIGN section 7): a Hocuspocus provider keeps it in step
 * with everyone else's, ./browser-copy.ts keeps it in this browser. A render-safe batch is planned here
 * and written to it at once (local first); online, a batch with code goes to the server's op route
 * (plan, gate, dry run, commit as this person: DESIGN section 1); offline, every batch is planned
 * and gated here. Whatever reaches the server is judged like any peer's update
 * (src/lib/collab/check.ts), and the canvas runs only what this browser's own compile gate passed
 * (gate-client.ts): a change that does not compile leaves the last good version running.
 *
 * `Studio` composes the parts, each its own module: who this browser is (studio-person.ts), the
 * live connection (studio-connection.svelte.ts), presence (studio-presence.svelte.ts), the HTTP
 * change client (change-client.svelte.ts), writes made here and when the panels read them
 * (local-edits.ts, panel-reads.ts), my undo (my-undo.ts), changes only the server builds
 * (server-changes.ts), what the canvas runs (live-app.svelte.ts) and the toasts.
 */
import { FirstDraw } from './first-draw';
import { PanelReads } from './panel-reads';
import { getContext, setContext } from 'svelte';
import { version } from '$app/environment';
import * as Y from 'yjs';
import type { AppModel, JsonValue } from '../model/types';
import type { ErrorCode } from '../ops/errors';
import { originFor, type HistoryEntry, type EditSource } from '../ops/write';
import type { LiveSource } from '../runtime/compiled';
import { actorId, canEditDefinition, type Role } from '../collab/protocol';
import { colorFor, type AssistantPresence, type Peer, type Point } from '../collab/presence';
import type { GateProblem } from './gate-client';
import {
  ChangeClient,
  fromBase64,
  outcomeOf,
  refused,
  type ChangeAnswer,
  type Outcome
} from './change-client.svelte';
import { StudioConnection, type ConnectionStatus } from './studio-connection.svelte';
import { StudioPresence } from './studio-presence.svelte';
import { LocalEdits } from './local-edits';
import { MyUndo } from './my-undo';
import { ServerChanges } from './server-changes';
import { LiveApp } from './live-app.svelte';
import { TabMode, type StudioMode } from './tab-mode.svelte';
import { ReplicaModel, type ModelChange } from './replica-model.svelte';
import { Notices, type Notice } from './notices.svelte';
import { personHeaders, personOf, whyCannotEdit, type Person } from './studio-person';

export type { Outcome } from './change-client.svelte';
export type { Notice } from './notices.svelte';
export type { ConnectionStatus } from './studio-connection.svelte';
export type { ModelChange } from './replica-model.svelte';

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

/** The studio of one app in this tab: its replica, its state, and every way to change it. */
export class Studio {
  /** The app's id (the `/apps/ID` in the URL). */
  readonly appId: string;
  /** The replica; read it, never write it (see the file comment). */
  readonly doc = new Y.Doc();
  /** The selected node, if any. */
  selected = $state<string | null>(null);
  /**
   * Use: the app as its users see it. Edit: select, drag, edit in place. Kept for this tab
   * across a reload (sessionStorage), so a person testing their app stays in Use mode.
   */
  get mode(): StudioMode {
    return this.tabMode.mode;
  }
  set mode(mode: StudioMode) {
    this.tabMode.mode = mode;
  }
  /** How many steps this person can undo and redo. */
  undoCount = $state(0);
  redoCount = $state(0);
  /** An AI proposal's app, shown on the canvas instead of the live one while set. */
  previewLive = $state.raw<LiveSource | null>(null);
  /**
   * The data the canvas's sandbox holds now, every scope (set by the canvas, read when a field
   * becomes shared so the value this tab shows is the one stored). Not reactive.
   */
  heldData: Readonly<Record<string, JsonValue>> | null = null;
  /** Who this tab is. */
  readonly me: { id: string; name: string; color: string; role: Role };
  /** The share-link token the page was opened with (null: the person at the machine). */
  readonly token: string | null;

  private readonly person: Person;
  private readonly tabMode: TabMode;
  private readonly connection: StudioConnection;
  private readonly presence: StudioPresence;
  private readonly changes: ChangeClient;
  private readonly localEdits: LocalEdits;
  /** My undo over the replica for this tab's session (my-undo.ts); null without collaboration. */
  private myUndo: MyUndo | null = null;
  private readonly origin: ReturnType<typeof originFor>;
  private readonly running = new LiveApp();
  /** Changes only the server can build: a field rename, a proposal, a suggestion, a restore. */
  readonly server: ServerChanges;
  private readonly toasts = new Notices();
  /** Work held back until the canvas has first drawn the app (./first-draw.ts). */
  readonly firstDraw = new FirstDraw();
  private readonly replica = new ReplicaModel(this.doc, () =>
    this.running.running ? this.running.sequence : null
  );
  /** When the panels read the replica: a batch written here after the frame that draws it. */
  readonly reads: PanelReads;
  private stopEffects: (() => void) | null = null;

  constructor(
    appId: string,
    initial: StudioInit,
    options: { fetcher?: typeof fetch; collaborate?: boolean } = {}
  ) {
    this.appId = appId;
    const role = initial.role ?? 'owner';
    this.token = initial.token ?? null;
    const collaborate = options.collaborate ?? typeof window !== 'undefined';
    this.person = collaborate ? personOf(role) : { id: 'tester-0000', name: 'Tester' };
    const id = actorId(initial.base ?? 'owner', this.person.id);
    this.me = { id, name: this.person.name, color: colorFor(id), role };
    const origin = originFor({ id, name: this.person.name, role });
    this.origin = origin;
    this.changes = new ChangeClient(appId, options.fetcher ?? fetch, () => this.headers());
    this.localEdits = new LocalEdits(
      this.doc,
      origin,
      (kind, text, code) => this.notify(kind, text, code),
      (ops, actor) => this.running.check(ops, actor)
    );
    this.reads = new PanelReads({
      replica: this.replica,
      localEdits: this.localEdits,
      refresh: () => this.refresh(),
      history: () => this.history,
      noted: (entry) => {
        if (entry) this.running.noteChange(entry);
        void this.running.compile();
      },
      selectNow: (id) => this.select(id)
    });
    this.connection = new StudioConnection(appId, this.doc, {
      notify: (kind, text, code) => this.notify(kind, text, code),
      synced: () => void this.refreshCounts(),
      // My undo is this tab's own, online and offline (my-undo.ts): a lost connection keeps it.
      offlineChanged: (offline) => {
        if (!offline) void this.refreshCounts();
      },
      awarenessChanged: () => this.presence.read(),
      afterDrawn: (run) => this.firstDraw.afterDrawn(run)
    });
    this.presence = new StudioPresence(() => this.connection.provider);
    this.tabMode = new TabMode(appId);
    this.server = new ServerChanges(appId, {
      cannotEdit: () => (this.canEdit ? null : this.cannotEdit()),
      online: () => this.online,
      needsConnection: (what) => this.localEdits.needsConnection(what),
      send: (path, body) => this.send(path, body),
      endPreview: () => (this.previewLive = null),
      report: (outcome, verb) => this.toasts.report(outcome, verb)
    });
    const whole = fromBase64(initial.update);
    Y.applyUpdate(this.doc, whole, SERVER);
    this.refresh();
    this.running.live = initial.live;
    this.undoCount = initial.history?.undo ?? 0;
    this.redoCount = initial.history?.redo ?? 0;
    if (collaborate) this.collaborate(whole);
  }

  /** The current model of the replica. */
  get model(): AppModel {
    return this.replica.model;
  }
  /** The history log of the app, oldest first. */
  get history(): readonly HistoryEntry[] {
    return this.replica.history;
  }
  /** What the canvas runs (compiled on the server, or by this browser's gate). */
  get live(): LiveSource {
    return this.running.live;
  }
  /** Why the canvas runs an older version than the document holds, if it does. */
  get liveProblem(): GateProblem | null {
    return this.running.problem;
  }
  /** Requests in flight (the toolbar shows a busy state). */
  get pending(): number {
    return this.changes.pending;
  }
  /** The toasts showing now. */
  get notices(): Notice[] {
    return this.toasts.list;
  }
  /** Everyone else in this app's studio now (not this tab), in a stable order. */
  get peers(): Peer[] {
    return this.presence.peers;
  }
  /** The collaboration connection. */
  get status(): ConnectionStatus {
    return this.connection.status;
  }
  /** Set when the share link stopped working (revoked, expired): the studio is read-only. */
  get lockedOut(): string | null {
    return this.connection.lockedOut;
  }
  /** Why: a link that stopped working, or this tab being older than the server (reload). */
  get lockedCode(): ErrorCode | null {
    return this.connection.lockedCode;
  }

  /** Whether this person may change the app's definition (owners and editors). */
  get canEdit(): boolean {
    return canEditDefinition(this.me.role) && this.lockedOut === null;
  }

  /** Whether changes go to the server now (else they are written here, to sync later). */
  get online(): boolean {
    return this.connection.online;
  }

  /** Headers for the studio's calls to `/api`: the link's token and who this person is. */
  headers(): Record<string, string> {
    return personHeaders(this.token, this.person);
  }

  /**
   * Starts the compile gate (handed `whole`, the document as the page got it, which the replica
   * holds now: encoding it again costs a quarter of a second at 2,000 nodes), offline undo, the
   * live connection, presence, and soon the browser's own copy.
   */
  private collaborate(whole: Uint8Array): void {
    this.running.start(whole, (run) => this.firstDraw.afterDrawn(run));
    this.myUndo = new MyUndo(this.doc, this.origin, (undo, redo) => {
      this.undoCount = undo;
      this.redoCount = redo;
    });
    this.undoCount = this.redoCount = 0;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.running.push(update);
      // An HTTP answer refreshes the panels itself; everything else (peers over the socket, the
      // browser's own copy, offline writes) is picked up here.
      if (origin !== SERVER && !this.replica.receiving && !this.reads.writing) this.reads.queue();
    });
    this.connection.start(this.person, this.token, version, whole);
    const { id, name, color, role } = this.me;
    this.presence.start({ id, name, color, role });
    this.stopEffects = this.presence.follow(() => this.selected);
  }

  /** My pointer over the canvas (page coordinates), or null when it leaves. */
  setPointer(point: Point | null): void {
    this.presence.publish({ pointer: point });
  }

  /** The inspector field I am editing, or null. */
  setField(key: string | null): void {
    this.presence.publish({ field: key });
  }

  /** My AI turn as the others see it ("Assistant (for me)"), or null when none runs. */
  setAssistant(assistant: AssistantPresence | null): void {
    this.presence.publish({ assistant });
  }

  /** This person's undo and redo counts from the server (without my own undo: no collaboration). */
  private async refreshCounts(): Promise<void> {
    if (this.myUndo) return;
    const counts = await this.changes.undoCounts();
    if (!counts) return;
    this.undoCount = counts.undo;
    this.redoCount = counts.redo;
  }

  /** Stops the live connection (the page is going away). */
  destroy(): void {
    this.stopEffects?.();
    this.myUndo?.destroy();
    this.connection.destroy();
    this.running.dispose();
  }

  /** Reads the replica again; a selected node that is gone is no longer selected. */
  private refresh(): void {
    this.replica.read();
    if (this.selected && !this.model.nodes.has(this.selected)) this.selected = null;
  }

  /** Selects a node (or nothing); one written here is selected once the panels read it. */
  select(id: string | null): void {
    if (this.reads.holdSelection(id)) return;
    this.selected = id && this.model.nodes.has(id) ? id : null;
  }

  /** Shows a toast; errors stay until dismissed or replaced, information for a few seconds. */
  notify(kind: Notice['kind'], text: string, code?: string): void {
    this.toasts.notify(kind, text, code);
  }

  /** Takes a toast away. */
  dismiss(id: number): void {
    this.toasts.dismiss(id);
  }

  /** Sends a change request and applies the server's answer to the replica and the panels. */
  private send(path: string, body: Record<string, unknown>): Promise<Outcome> {
    this.reads.settle();
    return this.changes.send(path, body, Y.encodeStateVector(this.doc), (answer) =>
      this.take(answer)
    );
  }

  /** Applies a change answer: its update, the app compiled again, my undo counts. */
  private take(answer: ChangeAnswer): Outcome {
    const model = this.model;
    // The server has this update already: applied as the provider's own, so the provider does
    // not send it back to be checked again (it skips updates of its own origin).
    const origin = this.connection.provider ?? SERVER;
    const update = answer.update ? fromBase64(answer.update) : null;
    const receive = () => update && this.replica.receive(update, origin);
    // What the server wrote for me is one step of my undo (my-undo.ts `adopt`).
    if (answer.mine && this.myUndo)
      this.myUndo.adopt(fromBase64(answer.mine), answer.summary ?? null, receive);
    else receive();
    if (answer.live) this.running.fromServer(answer.live);
    if (answer.history && !this.myUndo) {
      this.undoCount = answer.history.undo;
      this.redoCount = answer.history.redo;
    }
    this.refresh();
    this.replica.changed(model);
    return outcomeOf(answer);
  }

  /**
   * Proposes a batch of ops (the only way a panel changes the app). On success the replica is
   * updated before this resolves; on refusal nothing changed and the errors say why. The caller
   * shows refusals where they happened; `notify` is for changes without a place (keyboard).
   */
  async propose(ops: readonly unknown[], source: EditSource = 'visual'): Promise<Outcome> {
    if (!this.canEdit) return refused('E_FORBIDDEN', this.cannotEdit());
    this.reads.settle();
    const local = this.online ? this.commitFirstHere(ops, source) : null;
    if (local) return local;
    if (this.online) {
      this.running.warmTypes();
      const outcome = await this.send('ops', { ops, source });
      if (outcome.ok || outcome.errors[0]?.code !== 'E_IO' || this.connection.provider === null)
        return outcome;
      // The server could not be reached: keep the change here, as offline.
    }
    // Offline: planned and written here; it syncs when the connection is back.
    const outcome = await this.localEdits.write(ops, source);
    if (outcome.ok) {
      this.myUndo?.label(outcome.summary);
      this.refresh();
    }
    return outcome;
  }

  /**
   * Local first (issue 13): a render-safe batch is written to the replica at once
   * (`LocalEdits.writeRenderSafe`, before any await: the canvas shows it in the next frame); the
   * provider sends it on. Null: not such a batch, or it did not plan here (the server then gives
   * the answer). A batch with code goes to the op route while online, though the browser could
   * type-check it: only the server's dry run tells an expression that throws when the view renders
   * (`state.items[9].title`), and the op route shows that at the field with nothing lost, where a
   * live update it refuses would reset the replica and lose the change. Offline, code is judged
   * by the browser's gate, TypeScript included (`LocalEdits.write`).
   */
  private commitFirstHere(ops: readonly unknown[], source: EditSource): Outcome | null {
    if (this.connection.provider === null || !this.running.running) return null;
    if (this.status === 'offline' || this.status === 'connecting') return null;
    // The canvas draws it now; the panels read it after the frame that shows it.
    const outcome = this.reads.write(ops, source);
    if (outcome?.ok) this.myUndo?.label(outcome.summary);
    return outcome;
  }

  /**
   * Calls `listener` with each change of the model, so the canvas can draw it in the next frame:
   * a render-safe batch written here first, in the task of the edit; a peer's change (or
   * anything else the replica received), once it is read. Returns the unsubscribe.
   */
  onModelChange(listener: (change: ModelChange) => void): () => void {
    return this.replica.onChange(listener);
  }

  /** Whether the canvas running `live` already shows the write of gate sequence `seq`. */
  includes(live: LiveSource, seq: number): boolean {
    return this.running.includes(live, seq);
  }

  /** Each component of a compiled app by id, as its `componentStamp` (see `LiveApp.stamps`). */
  stamps(live: Extract<LiveSource, { ok: true }>): Readonly<Record<string, string>> {
    return this.running.stamps(live);
  }

  private cannotEdit(): string {
    return this.lockedOut ?? whyCannotEdit(this.me.role);
  }

  /** Undoes this person's last step; a step that cannot be undone now is reported. */
  undo(): Promise<Outcome> {
    return this.step('undo');
  }

  /** Redoes this person's last undone step; as `undo`. */
  redo(): Promise<Outcome> {
    return this.step('redo');
  }

  /**
   * My undo runs here, online and offline (my-undo.ts): judged in this browser first, then
   * written to the replica with its history entry; the provider sends it on (offline: when the
   * connection is back) and the server judges it like any peer's update. Without collaboration
   * (no replica of mine to undo in), the server's undo route does it.
   */
  private async step(which: 'undo' | 'redo'): Promise<Outcome> {
    if (this.myUndo) {
      if (!this.canEdit) return refused('E_FORBIDDEN', this.cannotEdit());
      this.reads.settle();
      const before = this.model;
      const result = await this.myUndo.step(which);
      const outcome: Outcome = result.ok
        ? { ok: true, summary: result.summary, idMap: {} }
        : { ok: false, errors: result.errors };
      if (result.ok && result.summary !== null) {
        this.refresh();
        this.replica.changed(before);
      }
      this.toasts.report(outcome, which === 'undo' ? 'Undid' : 'Redid');
      return outcome;
    }
    if (!this.online) return this.localEdits.needsConnection(which === 'undo' ? 'Undo' : 'Redo');
    const outcome = await this.send(which, {});
    this.toasts.report(outcome, which === 'undo' ? 'Undid' : 'Redid');
    return outcome;
  }

  /** Stores the app data the app's handlers produced in Use mode. */
  async writeData(
    prev: Record<string, JsonValue>,
    next: Record<string, JsonValue>
  ): Promise<Outcome> {
    if (this.me.role === 'viewer' || this.lockedOut !== null)
      return refused('E_FORBIDDEN', 'This link is view only: the app’s data is not saved.');
    // Trying out a proposal on the canvas changes nothing for real.
    if (this.previewLive !== null) return { ok: true, summary: null, idMap: {} };
    // Local first: the data goes into the replica with my origin (one step of my undo), and the
    // provider sends it on; the server judges it like any peer's update, and a refusal resets
    // my replica and says which change was not kept. Without a live connection (a page with no
    // collaboration), the HTTP data route is the way.
    if (this.connection.provider === null) return this.send('data', { prev, next });
    this.reads.settle();
    this.localEdits.writeData(prev, next);
    this.refresh();
    return { ok: true, summary: null, idMap: {} };
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
