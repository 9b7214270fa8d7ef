/**
 * What the studio benchmark puts into a page: the owner's browser context, the studio opened with
 * proof that its collaboration connection is live, a count of what the page sends to the server,
 * and probes that time an input to the next animation frame after the canvas shows its effect.
 *
 * Probes are strings, not functions: tsx compiles functions with helpers the page does not have.
 * Times that cross pages use `performance.timeOrigin + performance.now()` (the machine's clock,
 * sub-millisecond), so two pages of one browser compare.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import * as decoding from 'lib0/decoding';
import { BASE, OWNER_TOKEN } from './studio-server';

/** The studio's collaboration connection is not live: the benchmark would measure a studio that
 * keeps reconnecting, so it stops (exit 1). */
export class CollabNotLive extends Error {}

/** A fresh browser context logged in as the owner (the cookie the start-up link sets). */
export function ownerContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1440, height: 900 },
    storageState: {
      cookies: [
        {
          name: 'malleable_owner',
          value: OWNER_TOKEN,
          domain: '127.0.0.1',
          path: '/',
          expires: -1,
          httpOnly: true,
          secure: false,
          sameSite: 'Strict'
        }
      ],
      origins: []
    }
  });
}

/** What a page sent to the server since the last `reset`. */
export interface Traffic {
  /** HTTP requests to the studio (`METHOD /path`), the page's and its workers'. */
  readonly requests: string[];
  /** WebSocket frames the page sent on `/collab`, and how many of each kind (`frameKind`) and
   * their bytes. */
  framesSent: number;
  readonly frameKinds: Map<string, number>;
  readonly frameBytes: Map<string, number>;
  /** Every `/collab` socket the page opened, and the errors and 404s seen on them. */
  readonly sockets: string[];
  readonly failures: string[];
  reset(): void;
}

const MESSAGE_TYPES = ['sync', 'awareness', 'auth', 'query awareness', '4', 'stateless'];
const SYNC_STEPS = ['sync step 1', 'sync step 2', 'update'];

/** What a Hocuspocus frame carries: the document name, then the message type (and sync step). */
function frameKind(payload: string | Buffer): string {
  if (typeof payload === 'string') return 'text';
  try {
    const decoder = decoding.createDecoder(new Uint8Array(payload));
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== 0) return MESSAGE_TYPES[type] ?? `type ${type}`;
    return SYNC_STEPS[decoding.readVarUint(decoder)] ?? 'sync';
  } catch {
    return 'unreadable';
  }
}

function watchTraffic(page: Page): Traffic {
  const traffic: Traffic = {
    requests: [],
    framesSent: 0,
    frameKinds: new Map(),
    frameBytes: new Map(),
    sockets: [],
    failures: [],
    reset() {
      this.requests.length = 0;
      this.framesSent = 0;
      this.frameKinds.clear();
      this.frameBytes.clear();
    }
  };
  page.on('request', (request) => {
    if (request.url().startsWith(BASE))
      traffic.requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/collab') && response.status() >= 400)
      traffic.failures.push(`${response.status()} on ${response.url()}`);
  });
  page.on('websocket', (ws) => {
    if (!new URL(ws.url()).pathname.startsWith('/collab')) return;
    traffic.sockets.push(ws.url());
    ws.on('framesent', ({ payload }) => {
      traffic.framesSent++;
      const kind = frameKind(payload);
      traffic.frameKinds.set(kind, (traffic.frameKinds.get(kind) ?? 0) + 1);
      const bytes = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
      traffic.frameBytes.set(kind, (traffic.frameBytes.get(kind) ?? 0) + bytes);
    });
    ws.on('socketerror', (error) => traffic.failures.push(`socket error: ${error}`));
  });
  return traffic;
}

/** Records when the canvas first runs with `__expectNodes` elements drawn, and when the
 * connection badge first says online. */
const OPEN_PROBE = `
  window.__loadedAt = 0;
  window.__onlineAt = 0;
  new MutationObserver((_, observer) => {
    if (!window.__onlineAt && document.querySelector('[data-connection="online"]'))
      window.__onlineAt = performance.now();
    const canvas = document.querySelector('[data-canvas][data-live-state="running"]');
    if (!window.__loadedAt && canvas &&
        canvas.querySelectorAll('[data-node-id]').length >= window.__expectNodes)
      window.__loadedAt = performance.now();
    if (window.__loadedAt && window.__onlineAt) observer.disconnect();
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

/**
 * Installed in every studio page before its own scripts: while `window.__wlog` is an array, every
 * message the page posts to a worker (the browser's compile gate, the sandbox) and every reply is
 * logged by its `t` with the time, so a probe can say where an edit's time went. Idle otherwise.
 */
const WORKER_PROBE = `
  window.__wlog = null;
  (() => {
    const log = (direction, message) => {
      const t = message && message.t;
      if (window.__wlog && typeof t === 'string') window.__wlog.push([direction, t, performance.now()]);
    };
    // The reply is logged by a listener added when the worker is made, so before the page's own:
    // the page's listener runs its microtasks (the next request, say) before later listeners.
    const Base = window.Worker;
    window.Worker = class extends Base {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (event) => log('in', event.data));
      }
    };
    const post = Base.prototype.postMessage;
    Base.prototype.postMessage = function (message, ...rest) {
      log('out', message);
      return post.call(this, message, ...rest);
    };
  })();
`;

/** A studio page that is open, drawn and live. */
export interface OpenStudio {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly traffic: Traffic;
  /** From navigation start: the canvas running with every element drawn; the badge online. */
  readonly loadedAt: number;
  readonly onlineAt: number;
  close(): Promise<void>;
}

/**
 * Opens an app's studio as the owner in a fresh context and waits until the canvas has drawn
 * `expectNodes` elements. Throws CollabNotLive unless the connection badge says online with a
 * `/collab` socket open and no error or 404 on it: a bench of a reconnecting studio is worthless.
 */
export async function openStudio(
  browser: Browser,
  appId: string,
  expectNodes: number
): Promise<OpenStudio> {
  const context = await ownerContext(browser);
  const page = await context.newPage();
  const traffic = watchTraffic(page);
  await page.addInitScript(`window.__expectNodes = ${expectNodes};`);
  await page.addInitScript(OPEN_PROBE);
  await page.addInitScript(WORKER_PROBE);
  await page.goto(`${BASE}/apps/${appId}`);
  // Drawn within 120 s and online within 30 s more; a refused handshake (a 404: the server
  // has no `/collab`) ends the wait at once.
  let [loadedAt, onlineAt] = [0, 0];
  for (let gaveUp = Date.now() + 120_000; ; await page.waitForTimeout(100)) {
    [loadedAt, onlineAt] = (await page.evaluate('[window.__loadedAt, window.__onlineAt]')) as [
      number,
      number
    ];
    if (loadedAt > 0 && onlineAt > 0) break;
    if (traffic.failures.some((f) => f.includes('404'))) break;
    if (loadedAt > 0) gaveUp = Math.min(gaveUp, Date.now() + 30_000);
    if (Date.now() > gaveUp) {
      if (loadedAt === 0) throw new Error(`the studio of ${appId} did not draw within 120 s`);
      break;
    }
  }
  const online = onlineAt > 0;
  if (!online || traffic.sockets.length === 0 || traffic.failures.length > 0) {
    const badge = await page.locator('[data-connection]').first().getAttribute('data-connection');
    throw new CollabNotLive(
      `the studio of ${appId} is not live (badge: ${badge}; /collab sockets opened: ` +
        `${traffic.sockets.length}; ${[...new Set(traffic.failures)].join('; ') || 'no error seen'})`
    );
  }
  return { page, context, traffic, loadedAt, onlineAt, close: () => context.close() };
}

/**
 * Page code that calls `then` when the frame after now has been drawn: in the animation frame,
 * a message to itself, which runs once that frame's style, layout and paint are done. A probe
 * that stopped its clock in the animation frame itself would leave out the rendering the change
 * costs, which on a page of 2,000 elements is most of it.
 */
export const afterFrame = (then: string) =>
  `requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => { ${then}; }; c.port2.postMessage(0); })`;

/**
 * Arms a probe: from the next `trigger` event to the end of the frame drawn after `done` (an
 * expression) first holds in a mutation of the canvas. Read it with `took`. Every probe starts at
 * the event's `timeStamp` (when the browser made it), not when a listener ran: a main thread
 * still busy with the last input delays the next one, and that wait is part of the latency.
 */
export async function arm(page: Page, trigger: string, done: string): Promise<void> {
  await page.evaluate(`(() => {
    window.__took = 0;
    let t0 = 0;
    const finish = () => {
      observer.disconnect();
      ${afterFrame('window.__took = performance.now() - t0')};
    };
    // When the change was first seen before this listener ran, if it was.
    let shownAt = 0;
    // A listener of the page registered earlier (a drag's pointerup on window) may draw the
    // change before this one runs: the event's own time stamp is the start either way, and a
    // change drawn after it is finished here. One shown before the input was made (a draft
    // the field applied on its own after a pause) cannot time this input: the probe says -1.
    const start = (event) => {
      t0 = event.timeStamp || performance.now();
      window.removeEventListener(${JSON.stringify(trigger)}, start, true);
      if (shownAt && shownAt < t0) {
        observer.disconnect();
        window.__took = -1;
      } else if (${done}) finish();
    };
    window.addEventListener(${JSON.stringify(trigger)}, start, true);
    const observer = new MutationObserver(() => {
      if (!(${done})) return;
      if (t0) finish();
      else shownAt ||= performance.now();
    });
    observer.observe(document.querySelector('[data-canvas]'), {
      subtree: true, childList: true, characterData: true, attributes: true
    });
  })()`);
}

/** The time of the probe `arm` set, once it has fired; -1: the change was shown before the input. */
export async function took(page: Page): Promise<number> {
  await page.waitForFunction('window.__took !== 0', null, { timeout: 30_000 });
  return (await page.evaluate('window.__took')) as number;
}

/**
 * Times every keystroke from its keydown (its `timeStamp`) to the end of the first frame drawn
 * after the `input` event it caused, when the field shows the character.
 */
export async function armKeystrokes(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const keys = (window.__keys = { times: [], pending: [] });
    document.addEventListener('keydown', (event) =>
      keys.pending.push(event.timeStamp || performance.now()), true);
    document.addEventListener('input', () => {
      const started = keys.pending.splice(0);
      ${afterFrame('const now = performance.now(); for (const t of started) keys.times.push(now - t)')};
    }, true);
  })()`);
}

/** The keystroke times so far (ms), once the last frame has come. */
export async function keystrokeTimes(page: Page): Promise<number[]> {
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  return (await page.evaluate('window.__keys.times')) as number[];
}

/** The machine clock in a page (ms since the epoch, sub-millisecond). */
export const PAGE_CLOCK = 'performance.timeOrigin + performance.now()';

/** On the writing page: the clock at the next keydown (its `timeStamp`), read with `readClock`. */
export async function armWriter(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__sentAt = 0;
    const start = (event) => {
      window.__sentAt = performance.timeOrigin + (event.timeStamp || performance.now());
      window.removeEventListener('keydown', start, true);
    };
    window.addEventListener('keydown', start, true);
  })()`);
}

/** On a watching page: the clock at the end of the frame drawn after the canvas shows `done`. */
export async function armWatcher(page: Page, done: string): Promise<void> {
  await page.evaluate(`(() => {
    window.__seenAt = 0;
    const observer = new MutationObserver(() => {
      if (!(${done})) return;
      observer.disconnect();
      ${afterFrame('window.__seenAt = ' + PAGE_CLOCK)};
    });
    observer.observe(document.querySelector('[data-canvas]'), {
      subtree: true, childList: true, characterData: true, attributes: true
    });
  })()`);
}

/** A clock a probe set (`__sentAt`, `__seenAt`), once it is set. */
export async function readClock(page: Page, name: '__sentAt' | '__seenAt'): Promise<number> {
  await page.waitForFunction(`window.${name} > 0`, null, { timeout: 30_000 });
  return (await page.evaluate(`window.${name}`)) as number;
}

/** One entry of the worker log: a message out to a worker or in from one (its `t`), or the
 * input that started it; page time (ms). */
export type WorkerEvent = readonly ['out' | 'in' | 'input', string, number];

/** Starts the worker log, with the next `trigger` event's `timeStamp` as its first entry. */
export async function armWorkerLog(page: Page, trigger: string): Promise<void> {
  await page.evaluate(`(() => {
    window.__wlog = [];
    const start = (event) => {
      window.__wlog.unshift(['input', event.type, event.timeStamp || performance.now()]);
      window.removeEventListener(${JSON.stringify(trigger)}, start, true);
    };
    window.addEventListener(${JSON.stringify(trigger)}, start, true);
  })()`);
}

/** The worker log since `armWorkerLog`, and stops it. */
export async function workerLog(page: Page): Promise<WorkerEvent[]> {
  return (await page.evaluate(
    '(() => { const log = window.__wlog ?? []; window.__wlog = null; return log; })()'
  )) as WorkerEvent[];
}

/** What happened to a field while keys were typed into it. */
export interface FieldWatch {
  /** Errors the canvas showed (its `[data-live-error]` card), with the keys typed by then. */
  readonly errors: { at: number; text: string }[];
  /** Keys that had reached the field when it lost focus, or -1. */
  readonly lostAt: number;
  /** Whether the field still has focus, and is still in the page (not drawn afresh). */
  readonly focused: boolean;
  readonly connected: boolean;
}

/** Watches the focused field (after `armKeystrokes`): focus lost, errors the canvas shows. */
export async function armFieldWatch(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const keys = () => (window.__keys ? window.__keys.times.length : -1);
    const watch = (window.__fieldWatch = { field: document.activeElement, errors: [], lostAt: -1 });
    document.addEventListener('focusout', (event) => {
      if (event.target === watch.field && watch.lostAt < 0) watch.lostAt = keys();
    }, true);
    let last = '';
    new MutationObserver(() => {
      const card = document.querySelector('[data-canvas] [data-live-error]');
      const text = card ? card.textContent.replace(/[ \\n]+/g, ' ').trim() : '';
      if (text && text !== last) watch.errors.push({ at: keys(), text: text.slice(0, 200) });
      last = text;
    }).observe(document.querySelector('[data-canvas]'), {
      subtree: true, childList: true, characterData: true
    });
  })()`);
}

/** What `armFieldWatch` saw. */
export async function fieldWatch(page: Page): Promise<FieldWatch> {
  return (await page.evaluate(`(() => {
    const watch = window.__fieldWatch;
    return {
      errors: watch.errors,
      lostAt: watch.lostAt,
      focused: document.activeElement === watch.field,
      connected: watch.field.isConnected
    };
  })()`)) as FieldWatch;
}
