/**
 * How the collaboration server loads and stores live documents: loaded once from the studio's
 * store; stored shortly after every change, retried with a backoff while the store fails (the
 * document stays in memory meanwhile); never for a document whose load failed; nothing after
 * `close()`, once everything pending was stored on the way down.
 */
import type { Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import { newerDocument } from '../model/format';
import { Refusal } from './collab-admission';
import { appIdOf, CLOSE } from '../collab/protocol';

/** What persistence asks of the studio server (a part of `CollabHost`). */
export interface PersistenceHost {
  /** The stored document of an app (one Yjs update), or null when there is none. */
  loadState(appId: string): Promise<Uint8Array | null>;
  /** Stores an app's whole document and its title. */
  storeState(appId: string, state: Uint8Array, title: string): Promise<void>;
}

/** The loads and stores of one collaboration server's documents. */
export class DocumentPersistence {
  private readonly failedLoads = new WeakSet<Document>();
  private readonly retries = new Map<string, ReturnType<typeof setTimeout>>();
  /** Set once everything was stored on the way down: nothing is written after it. */
  private closed = false;

  constructor(
    private readonly host: PersistenceHost,
    /** Delays between attempts while a store fails (ms); after the last, the next change retries. */
    private readonly retryDelays: readonly number[]
  ) {}

  /** Loads an app's stored document into a new live one (Hocuspocus's `onLoadDocument`). */
  async load(document: Document, documentName: string): Promise<void> {
    const appId = appIdOf(documentName);
    try {
      const state = appId ? await this.host.loadState(appId) : null;
      if (!state) throw new Error(`there is no stored document “${documentName}”`);
      Y.applyUpdate(document, state);
      // A document of a newer format is refused before anything reads it: guessing at its
      // shape would misread it, and a store of the misreading would overwrite the newer app.
      const newer = newerDocument(document.getMap<unknown>('meta').toJSON());
      if (newer) throw new Refusal(CLOSE.invalid, newer);
    } catch (e) {
      // Never store what a failed load left (an empty document over the real one).
      this.failedLoads.add(document);
      throw e;
    }
  }

  /** Whether a document loaded (one whose load failed is never stored). */
  loaded(document: Document): boolean {
    return !this.failedLoads.has(document);
  }

  /** Stores one document, retrying with a backoff while the store fails. */
  async store(document: Document): Promise<void> {
    if (!this.loaded(document) || document.isLoading) return;
    const appId = appIdOf(document.name);
    if (!appId) return;
    const pending = this.retries.get(document.name);
    if (pending) {
      clearTimeout(pending);
      this.retries.delete(document.name);
    }
    await document.saveMutex.runExclusive(() => this.write(document, appId));
  }

  /** Writes a document, retrying while the store fails (the caller holds its save mutex). */
  async write(document: Document, appId: string): Promise<void> {
    if (this.closed) return;
    const state = Y.encodeStateAsUpdate(document);
    const title = document.getMap<unknown>('meta').get('title');
    for (let attempt = 0; ; attempt++) {
      try {
        await this.host.storeState(appId, state, typeof title === 'string' ? title : '');
        return;
      } catch (e) {
        const delay = this.retryDelays[attempt];
        console.error(
          `malleable: storing ${document.name} failed (attempt ${attempt + 1}); the document stays in memory: ${String(e)}`
        );
        if (delay === undefined) {
          // Still failing: try again later even if nothing changes meanwhile.
          const timer = setTimeout(() => void this.store(document), 30_000);
          timer.unref?.();
          this.retries.set(document.name, timer);
          throw e;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** Stops the retries waiting for a later attempt (shutdown, before the last stores). */
  cancelRetries(): void {
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.retries.clear();
  }

  /** Writes nothing from now on (shutdown, after the last stores). */
  close(): void {
    this.closed = true;
  }
}
