/**
 * The studio's live connection (DESIGN section 7): the Hocuspocus provider that keeps the
 * replica in step with everyone else's edits, the copy that keeps it in this browser, the
 * browser's online and offline events, and what ends the connection for good (a share link
 * revoked, the server running a newer build, a change of mine the server refused).
 */
import * as Y from 'yjs';
import { updated } from '$app/state';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { BrowserCopy, clearBrowserCopy } from './browser-copy';
import type { EditError, ErrorCode } from '../ops/errors';
import { COLLAB_PATH, documentName, readNotice } from '../collab/protocol';
import type { Notice } from './notices.svelte';
import type { Person } from './studio-person';

/** The connection to the collaboration server, as the top bar shows it. */
export type ConnectionStatus = 'connecting' | 'online' | 'syncing' | 'offline';

/** How long my changes wait for the server before the badge says "Syncing…". */
const SYNCING_SHOWN_AFTER_MS = 500;

/** What the connection tells the studio. */
export interface ConnectionEvents {
  /** A toast for the person. */
  notify(kind: Notice['kind'], text: string, code?: string): void;
  /** The replica is in step with the server (again). */
  synced(): void;
  /** The connection went (`offline` true) or came back. */
  offlineChanged(offline: boolean): void;
  /** Someone's presence changed. */
  awarenessChanged(): void;
  /** Runs work in idle time once the canvas has first drawn the app (./first-draw.ts). */
  afterDrawn(run: () => void): void;
}

/** The replica's connection to the server and to this browser's own copy. */
export class StudioConnection {
  /** The collaboration connection. */
  status = $state<ConnectionStatus>('connecting');
  /** Set when the share link stopped working (revoked, expired): the studio is read-only. */
  lockedOut = $state<string | null>(null);
  /** Why: a link that stopped working, or this tab being older than the server (reload). */
  lockedCode = $state<ErrorCode | null>(null);
  /** The live provider; null before `start`, with no collaboration, and once it ended. */
  provider: HocuspocusProvider | null = null;
  private local: BrowserCopy | null = null;
  private destroyed = false;
  /** When my changes started waiting for the server (0: none wait); see `syncingShown`. */
  private unsyncedSince = 0;
  private versionChecked = false;

  constructor(
    private readonly appId: string,
    private readonly doc: Y.Doc,
    private readonly events: ConnectionEvents
  ) {}

  /** Whether changes go to the server now (else they are written here, to sync later). */
  get online(): boolean {
    return this.provider === null ? this.lockedOut === null : this.status !== 'offline';
  }

  /**
   * Opens the socket as `person` (with the share link's `token`, and this build's `version` for
   * the server to compare), and soon the browser's own copy, which starts from `whole`, the
   * update the page started the replica from.
   */
  start(person: Person, token: string | null, version: string, whole: Uint8Array): void {
    // The browser's own copy (IndexedDB, ./browser-copy.ts) keeps every update from now on; it
    // opens its database once the studio has drawn, or at once when the connection goes.
    this.local = new BrowserCopy(`malleable:${this.appId}`, this.doc, whole);
    this.events.afterDrawn(() => this.keepLocally());
    const params = `person=${encodeURIComponent(person.id)}&name=${encodeURIComponent(person.name)}&v=${encodeURIComponent(version)}`;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.provider = new HocuspocusProvider({
      url: `${scheme}://${location.host}${COLLAB_PATH}?${params}`,
      name: documentName(this.appId),
      document: this.doc,
      token: token ?? '',
      onStatus: () => this.updateStatus(),
      onClose: () => void this.checkVersion(),
      onSynced: () => {
        this.updateStatus();
        this.events.synced();
      },
      onUnsyncedChanges: () => this.updateStatus(),
      onStateless: ({ payload }) => this.onNotice(payload),
      onAuthenticationFailed: ({ reason }) =>
        this.lockOut(`This link no longer works (${reason}). Ask the owner for a new one.`),
      onAwarenessChange: () => this.events.awarenessChanged()
    });
    // The browser knows it lost the network before a socket notices: stop and start the
    // connection with it, so edits are kept here at once instead of waiting on a dead socket.
    window.addEventListener('offline', this.wentOffline);
    window.addEventListener('online', this.cameOnline);
    if (!navigator.onLine) this.wentOffline();
  }

  /** Keeps the replica in this browser's IndexedDB from now on (edits made offline survive). */
  private keepLocally(): void {
    if (this.destroyed) return;
    this.local?.open().catch((e) => console.warn('malleable: no copy in this browser', e));
  }

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
    const unsynced = socket === 'connected' && provider.isSynced && provider.hasUnsyncedChanges;
    if (!unsynced) this.unsyncedSince = 0;
    if (this.lockedOut !== null || socket === 'disconnected') this.status = 'offline';
    else if (socket === 'connecting')
      this.status = this.status === 'offline' ? 'offline' : 'connecting';
    else if (!provider.isSynced) this.status = 'syncing';
    else if (unsynced) this.status = this.syncingShown();
    else this.status = 'online';
    if ((was === 'offline') !== (this.status === 'offline')) {
      const offline = this.status === 'offline';
      this.events.offlineChanged(offline);
      if (offline) this.keepLocally();
    }
  }

  /**
   * My changes wait for the server: "Syncing…" once they have waited a while. An edit's own round
   * trip takes milliseconds, and showing it would flash the badge at every keystroke (and have a
   * screen reader announce it each time).
   */
  private syncingShown(): ConnectionStatus {
    const now = Date.now();
    if (this.unsyncedSince === 0) {
      this.unsyncedSince = now;
      setTimeout(() => this.updateStatus(), SYNCING_SHOWN_AFTER_MS);
    }
    const waited = now - this.unsyncedSince >= SYNCING_SHOWN_AFTER_MS;
    return this.status === 'syncing' || waited ? 'syncing' : 'online';
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
    this.events.notify(
      'error',
      `A change made here was not kept: ${first?.message ?? 'the server refused it'}`,
      first?.code
    );
    void this.resync(first);
  }

  /** Drops this browser's copy and reloads from the server's; the page says what was lost. */
  private async resync(error: EditError | undefined): Promise<void> {
    this.provider?.destroy();
    this.provider = null;
    // The browser's copy holds the refused change too; not started yet, it is cleared all the same.
    if (this.local) await this.local.clear();
    else await clearBrowserCopy(`malleable:${this.appId}`);
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

  /** Ends the connection for good: the studio is read-only, with `message` saying why. */
  private lockOut(message: string, code: ErrorCode = 'E_TOKEN_INVALID'): void {
    if (this.lockedOut !== null) return;
    this.lockedOut = message;
    this.lockedCode = code;
    this.provider?.destroy();
    this.provider = null;
    this.status = 'offline';
    this.events.notify('error', message, code);
  }

  /** Stops the live connection (the page is going away). */
  destroy(): void {
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', this.wentOffline);
      window.removeEventListener('online', this.cameOnline);
    }
    this.destroyed = true;
    this.provider?.destroy();
    this.provider = null;
    this.local?.destroy();
  }
}
