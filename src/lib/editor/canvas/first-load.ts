/**
 * The sandbox's first load, posted as soon as the studio has read its replica (issue 13).
 *
 * The canvas sits in the middle of the studio's panels, so a load started when the canvas
 * hydrates waits for the top bar, the palette and the outline before it; a trace of opening a
 * 2,000-node app showed the worker idle for that long, and its view arriving after hydration
 * had ended. The page starts the load right after it makes the Studio; the canvas's
 * SandboxView then takes the client and the load in flight (`takeFirstLoad`) instead of
 * starting its own. Both compose the data the same way (`firstData`), from the replica, this
 * browser's `person` values and each field's initial value.
 */
import { SandboxClient, type ClientData, type ClientResult } from '../../runtime/client';
import { webWorkerPort } from '../../runtime/port';
import { browserPersonStore, composeData, type PersonStore } from '../../runtime/scopes';
import { rootComponent } from '../../model/types';
import type { LiveSource } from '../../runtime/compiled';
import type { Studio } from '../studio.svelte';
import { sandboxWorker } from '../early-sandbox';

/** A first load on its way: the client it was sent through, what it was sent, its answer. */
export interface FirstLoad {
  readonly studio: Studio;
  readonly live: LiveSource;
  readonly client: SandboxClient;
  readonly data: ClientData;
  readonly result: Promise<ClientResult>;
}

let started: FirstLoad | null = null;

/** This browser's `person` values of the studio's app (none outside a browser). */
export function personStoreOf(studio: Studio): PersonStore | null {
  return typeof localStorage === 'undefined'
    ? null
    : browserPersonStore(localStorage, studio.appId);
}

/** The data a first load runs with: the replica's shared data, this browser's person values. */
export function firstData(studio: Studio, person: PersonStore | null): ClientData {
  const data = composeData(
    rootComponent(studio.model),
    studio.model.data,
    null,
    person?.read() ?? null
  );
  // Copied out of the model, as plain JSON the worker can take as it is.
  return JSON.parse(JSON.stringify(data)) as ClientData;
}

/**
 * Posts the studio's compiled app to the sandbox worker started as the page loaded, unless there
 * is nothing to run yet (an app that did not compile, a proposal on preview, outside a browser).
 */
export function startFirstLoad(studio: Studio): void {
  const live = studio.previewLive === null ? studio.live : null;
  if (!live?.ok || typeof window === 'undefined' || typeof Worker === 'undefined') return;
  started?.client.dispose();
  started = null;
  let client: SandboxClient;
  try {
    client = new SandboxClient(webWorkerPort(sandboxWorker()));
  } catch {
    // The canvas starts its own and shows why it could not.
    return;
  }
  const data = firstData(studio, personStoreOf(studio));
  const result = client.load(live.components, live.root, data);
  started = { studio, live, client, data, result };
}

/**
 * The first load started for `studio` with `live`, once; null when there is none (or it was
 * started for another studio or app, which is then let go).
 */
export function takeFirstLoad(studio: Studio, live: LiveSource): FirstLoad | null {
  const first = started;
  started = null;
  if (!first) return null;
  if (first.studio === studio && first.live === live) return first;
  first.client.dispose();
  return null;
}
