/**
 * The sandbox view: the app running in its sandbox worker, and the view it draws. Loads what
 * the server (or the browser's gate) compiled, hot-swaps only the components that changed,
 * reloads when the data moves under it, sends Use mode's events and splits the data they leave
 * by scope (runtime/scopes.ts): `local` fields stay in this tab, `person` fields go to this
 * browser's person store, `shared` fields are written to the replica (`./shared-writes.ts`).
 * A change the page can draw itself (./view-patch.ts) is drawn at once, in the task of the
 * edit, before any worker has answered.
 *
 * Construct it while a component initialises: its effects and listeners live as long as that
 * component.
 */
import { onMount, untrack } from 'svelte';
import { SandboxClient, type ClientData, type ClientResult } from '../../runtime/client';
import {
  splitChanges,
  type Compiled as CompiledComponent,
  type LiveSource
} from '../../runtime/compiled';
import { webWorkerPort } from '../../runtime/port';
import { keepSame, type ViewNode } from '../../runtime/view';
import { rootComponent, type JsonValue } from '../../model/types';
import { composeData, personStoreKey, scopePart, type PersonStore } from '../../runtime/scopes';
import type { ModelChange, Studio } from '../studio.svelte';
import { prepareView, patchView } from '../view-patch';
import { SharedWrites } from './shared-writes';
import { firstData, personStoreOf, takeFirstLoad } from './first-load';
import { previewData } from './preview-data';

/** A problem of the running app, with the error code the sandbox gave. */
export interface Failure {
  readonly message: string;
  readonly code: string;
  readonly component?: string;
}

type Data = Readonly<Record<string, JsonValue>>;
type Compiled = Extract<LiveSource, { ok: true }>;

/** The app in its sandbox, as the canvas draws it. */
export class SandboxView {
  /** The view the app draws now (null until the first load). */
  view = $state.raw<ViewNode | null>(null);
  /** Why the latest load failed (the last good view, if any, stays under it). */
  loadFailure = $state.raw<Failure | null>(null);
  /** Why the latest event failed in Use mode (the app keeps running). */
  eventFailure = $state.raw<Failure | null>(null);
  /** Bumped to draw the view from scratch (after a discarded event). */
  viewEpoch = $state(0);

  private client: SandboxClient | null = null;
  /** The data the sandbox holds now, so a model change that carries the same data reloads nothing. */
  private held: ClientData | null = null;
  private loadedLive: LiveSource | null = null;
  /** What `loadedLive` runs, as text: every server answer carries a fresh copy of the same app. */
  private loadedKey = '';
  private loadSeq = 0;
  /**
   * What the sandbox runs after its last good load or swap: each component's stamp and the
   * component itself, by id, and the root.
   */
  private running: {
    client: SandboxClient;
    texts: Map<string, string>;
    components: Map<string, CompiledComponent>;
    root: string;
  } | null = null;
  private loadChain: Promise<void> = Promise.resolve();
  private loadTicket = 0;
  /** Events sent to the sandbox whose results have not come back. */
  private eventsInFlight = 0;
  private eventsSettledWaiters: (() => void)[] = [];
  /**
   * Changes drawn here before the sandbox's view of them came (../view-patch.ts): a literal
   * prop, a new plain element, a move or a removal, made here or by a peer, shows in the next
   * frame. Until the browser's gate has compiled an app that includes one, a view the sandbox
   * sends (of an older app) gets the change drawn over it again, so it never flickers back.
   */
  private drawnFirst: ModelChange[] = [];
  /** The data the first load was started with, before any effect ran (see the constructor). */
  private firstData: ClientData | null = null;
  private readonly personStore: PersonStore | null;
  private readonly writes: SharedWrites;

  /**
   * @param studio the page's studio
   * @param startWorker a sandbox worker (the first one prestarted as the page loads)
   */
  constructor(
    private readonly studio: Studio,
    private readonly startWorker: () => Worker
  ) {
    this.personStore = personStoreOf(studio);
    this.writes = new SharedWrites({
      write: (prev, next) => studio.writeData(prev, next),
      refused: (outcome) =>
        studio.notify(
          'error',
          outcome.errors[0]?.message ?? 'The data was refused.',
          outcome.errors[0]?.code
        ),
      settled: () => this.reloadIfDataMoved()
    });

    onMount(() => () => {
      this.client?.dispose();
      this.client = null;
    });

    // Drawn synchronously, in the task of the edit: the change shows in the next frame, not
    // after a round trip through the workers.
    onMount(() =>
      studio.onModelChange((edit) => {
        const view = this.view;
        if (!view || studio.previewLive !== null || this.loadFailure) return;
        const next = patchView(view, edit.before, edit.after);
        if (!next || next === view) return;
        this.view = next;
        this.drawnFirst.push(edit);
      })
    );

    // The first load started as the page made the studio (./first-load.ts), or starts now,
    // while the rest of the studio hydrates: effects run only once every panel is on the page,
    // and the sandbox's first evaluation (about 150 ms at 2,000 nodes) then overlaps that work
    // instead of following it.
    const first = studio.previewLive === null ? studio.live : null;
    if (first?.ok && typeof window !== 'undefined') {
      const early = takeFirstLoad(studio, first);
      if (early) this.client = early.client;
      const data = early?.data ?? firstData(studio, this.personStore);
      this.firstData = data;
      // At once, not after the chain's microtask: microtasks wait for the hydration to end.
      void this.load(first, () => data, early?.result ?? true);
    }

    // Reload when the server compiled something new, or when the data moved under the sandbox
    // (an undo of data, another tab); the echo of this canvas's own writeData reloads nothing.
    // What the effect below last looked at: a change of the model that leaves the app, the
    // preview and the data as they were (a visual edit) has nothing to reload, and is not worth
    // comparing the data as JSON for.
    let seen: readonly unknown[] = [];
    $effect(() => {
      // A proposal's preview runs with the app's data as it is now, and its new fields
      // (preview-data.ts); what is tried out in it stays (the sandbox's own data comes first).
      const preview = studio.previewLive;
      const live = preview ?? studio.live;
      const modelData = studio.model.data;
      const looked = [preview, live, modelData, rootComponent(studio.model)];
      if (looked.every((value, i) => value === seen[i])) return;
      seen = looked;
      const current = this.dataFor(modelData);
      untrack(() => {
        const data = preview?.ok ? previewData(preview, [this.held, current]) : current;
        const same = live === this.loadedLive || this.liveKey(live) === this.loadedKey;
        // Before the first load answers, the data it was sent with stands for what it holds.
        const holds = this.held ?? this.firstData;
        if (same && (this.writes.writing || sameData(holds, data))) return;
        void this.load(live, () => this.dataOf(live));
      });
    });

    // Another tab of mine changed a `person` value: show it here too.
    onMount(() => {
      const onStorage = (event: StorageEvent) => {
        if (event.key === personStoreKey(studio.appId)) this.reloadIfDataMoved();
      };
      const onHide = () => this.writes.flush();
      window.addEventListener('storage', onStorage);
      window.addEventListener('pagehide', onHide);
      return () => {
        window.removeEventListener('storage', onStorage);
        window.removeEventListener('pagehide', onHide);
        this.writes.flush();
      };
    });

    $effect(() => {
      if (studio.mode !== 'use') untrack(() => this.writes.flush());
    });
  }

  /** Sends an event of the app's view to its handler in the sandbox (Use mode only). */
  dispatch(ref: number, payload: unknown): void {
    // In Edit mode the app's own handlers never run (the canvas's capture handlers stop most
    // events first; this catches whatever an element dispatches by itself).
    const client = this.client;
    if (!client || this.studio.mode !== 'use') return;
    // The sandbox runs events one at a time, so an event's result starts from what the one
    // before it left: `held` when the result arrives, not when the event was sent (with keys
    // 10 ms apart several are on their way, and a base from when each was sent would make a
    // shared text write take this tab's own earlier keys for a peer's).
    this.eventsInFlight++;
    void client
      .dispatch(ref, $state.snapshot(payload))
      .then((result) => this.take(result, this.held))
      .finally(() => {
        if (--this.eventsInFlight > 0) return;
        const waiting = this.eventsSettledWaiters;
        this.eventsSettledWaiters = [];
        for (const resolve of waiting) resolve();
      });
  }

  /** The data a render starts from: the replica's shared data, this tab's local values, mine. */
  private dataFor(shared: Data): Record<string, JsonValue> {
    return composeData(
      rootComponent(this.studio.model),
      this.writes.over(shared),
      this.held,
      this.personStore?.read() ?? null
    );
  }

  private currentData(): Record<string, JsonValue> {
    return this.dataFor(this.studio.model.data);
  }

  /** The data to load `live` with: a proposal's preview has its own (preview-data.ts). */
  private dataOf(live: LiveSource): Record<string, JsonValue> {
    const preview = this.studio.previewLive;
    return preview?.ok && live === preview
      ? previewData(preview, [this.held, this.currentData()])
      : this.currentData();
  }

  /** Loads the last app again if its data is no longer what the sandbox holds. */
  private reloadIfDataMoved(): void {
    const live = this.loadedLive;
    if (live && !sameData(this.held, this.dataOf(live)))
      void this.load(live, () => this.dataOf(live));
  }

  private eventsSettled(): Promise<void> {
    return this.eventsInFlight === 0
      ? Promise.resolve()
      : new Promise((resolve) => this.eventsSettledWaiters.push(resolve));
  }

  private startClient(): SandboxClient | null {
    try {
      return new SandboxClient(webWorkerPort(this.startWorker()));
    } catch (e) {
      this.loadFailure = {
        code: 'E_WATCHDOG',
        message: `The sandbox could not start: ${String(e)}`
      };
      return null;
    }
  }

  /**
   * Loads one at a time, and only the latest of those waiting: two loads at once would each
   * start the sandbox afresh (renumbering the view's handler refs under an event in flight).
   * A load waits for the events on their way and reads its data only then: data read before a
   * keystroke's result came back would load the app without that keystroke.
   */
  private load(
    live: LiveSource,
    data: () => Data,
    now: boolean | Promise<ClientResult> = false
  ): Promise<void> {
    this.loadedLive = live;
    this.loadedKey = this.liveKey(live);
    const ticket = ++this.loadTicket;
    // `now`: the first load, with nothing before it in the chain and no event on its way; its
    // answer, when the page already sent it (./first-load.ts).
    const run = now
      ? this.loadNow(live, data(), now === true ? null : now)
      : this.loadChain.then(async () => {
          await this.eventsSettled();
          if (ticket === this.loadTicket) await this.loadNow(live, data());
        });
    this.loadChain = run.catch(() => {});
    return run;
  }

  private async loadNow(
    live: LiveSource,
    data: Data,
    sent: Promise<ClientResult> | null = null
  ): Promise<void> {
    this.loadedLive = live;
    this.loadedKey = this.liveKey(live);
    if (!live.ok) {
      this.loadFailure = { code: 'E_MODULE', message: live.message };
      return;
    }
    const seq = ++this.loadSeq;
    // `live` is plain JSON as the server sent it (held raw, never proxied), so the worker can
    // take it as it is; the data is copied out of the model.
    const source = live;
    const plainData = JSON.parse(JSON.stringify(data)) as ClientData;
    this.client ??= this.startClient();
    if (!this.client) return;
    // After a good load, only what changed goes to the sandbox (hot swap), and the view comes
    // back as a diff: an edit of one element redraws that element, not the whole app.
    const texts = this.componentTexts(source);
    const previous = this.running;
    this.running = null;
    let result: ClientResult;
    if (previous && previous.client === this.client) {
      const changed = source.components.filter((c) => previous.texts.get(c.id) !== texts.get(c.id));
      const removed = [...previous.texts.keys()].filter((id) => !texts.has(id));
      // A literal edit (a text, a label, a style value) sends only the slots that changed: no
      // module is posted or evaluated (issue 13). Anything else is a swap of whole components.
      const split = splitChanges(previous.components, changed, { complete: false });
      const literalOnly =
        removed.length === 0 &&
        split.structural.length === 0 &&
        split.literals.length > 0 &&
        source.root === previous.root;
      result = literalOnly
        ? await this.client.literals(split.literals, plainData)
        : await this.client.swap(changed, removed, source.root, plainData);
      if (!result.ok && result.error.code !== 'E_WATCHDOG')
        result = await this.client.load(source.components, source.root, plainData);
    } else {
      result = await (sent ?? this.client.load(source.components, source.root, plainData));
    }
    if (!result.ok && result.error.code === 'E_WATCHDOG') {
      // The worker is gone (stopped for taking too long): a fresh one gets one more try.
      this.client.dispose();
      this.client = this.startClient();
      if (!this.client) return;
      result = await this.client.load(source.components, source.root, plainData);
    }
    if (result.ok && this.client) {
      // A plain value, compared against and never changed: nothing reads it reactively.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      const components = new Map(source.components.map((c) => [c.id, c]));
      this.running = { client: this.client, texts, components, root: source.root };
    }
    if (seq !== this.loadSeq) return;
    if (result.ok) {
      this.drawnFirst = this.drawnFirst.filter((edit) => !this.studio.includes(live, edit.seq));
      this.show(result.view);
      this.held = result.data;
      this.studio.heldData = this.held;
      this.loadFailure = null;
      this.eventFailure = null;
    } else {
      this.loadFailure = result.error;
    }
  }

  /** Shows a view from the sandbox, with the changes drawn first still over it. */
  private show(next: ViewNode): void {
    let shown = next;
    if (this.studio.previewLive === null)
      for (const edit of this.drawnFirst)
        shown = patchView(shown, edit.before, edit.after) ?? shown;
    // The sandbox confirming what the page drew first redraws nothing (runtime/view.ts).
    this.view = keepSame(this.view, shown);
    // The next edit's patch needs the view's index of keys: built in idle time, not in the
    // edit's task (the first edit after an open or a reload was the slowest).
    this.studio.firstDraw.afterDrawn(() => {
      if (this.view) prepareView(this.view);
    });
  }

  /** An event's result: the new view, and its data split by scope. */
  private take(result: ClientResult, prev: ClientData | null): void {
    if (!result.ok) {
      this.eventFailure = result.error;
      // The event was discarded, but the controls it touched (a ticked checkbox, typed text)
      // already show it: draw the last good view afresh so they show the data again.
      this.viewEpoch++;
      if (result.error.code === 'E_WATCHDOG') {
        // Start again from the last good version and data.
        this.client?.dispose();
        this.client = null;
        const live = this.loadedLive;
        if (live) void this.load(live, () => this.dataOf(live));
      }
      return;
    }
    this.show(result.view);
    this.eventFailure = null;
    this.held = result.data;
    this.studio.heldData = this.held;
    if (!prev || sameData(prev, result.data) || this.studio.previewLive !== null) return;
    const root = rootComponent(this.studio.model);
    const person = scopePart(root, result.data, 'person');
    const store = this.personStore;
    if (store && !sameData(scopePart(root, prev, 'person'), person))
      store.write({ ...store.read(), ...person });
    const prevShared = scopePart(root, prev, 'shared');
    const nextShared = scopePart(root, result.data, 'shared');
    if (!sameData(prevShared, nextShared)) this.writes.queue(prevShared, nextShared);
  }

  /** Each component of a compiled app by id, as its stamp (`studio.stamps`). */
  private componentTexts(live: Compiled): Map<string, string> {
    // A plain value, compared against and never changed: nothing reads it reactively.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    return new Map(Object.entries(this.studio.stamps(live)));
  }

  /** The whole compiled app as one short string, to tell a new answer with the same app from a change. */
  private liveKey(live: LiveSource): string {
    if (!live.ok) return `failed: ${live.message}`;
    const stamps = this.studio.stamps(live);
    return [live.root, ...live.components.map((c) => `${c.id}=${stamps[c.id]}`)].join('\u0000');
  }
}

function sameData(a: ClientData | null, b: ClientData | null): boolean {
  return a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}
