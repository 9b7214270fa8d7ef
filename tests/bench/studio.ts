/**
 * Studio benchmark (`npx tsx tests/bench/studio.ts`, after `npm run build`): the browser budgets
 * of DESIGN.md section 11 in a real browser (Debian's chromium through Playwright) against the
 * production server, `server.js` (adapter-node's handler plus the `/collab` WebSocket), so the
 * studio measured is a live one. Every studio page must show the connection online with a
 * `/collab` socket open and no error on it, or the run stops with exit 1 (as when the server
 * does not start); otherwise it always exits 0: budgets are reported, not asserted.
 *
 * Frames (ms from an input event's `timeStamp` to the end of the first frame drawn after the page
 * shows its effect, with the frame clock unthrottled (`LAUNCH`); × is the p95 over the baseline's
 * median; the `at 60 Hz` table repeats the baseline and the 2,000-node inspector change with
 * Chromium's 60 Hz clock):
 *   bare keystroke   the baseline: a key into a plain <input> on a blank page of the same browser.
 *   keystroke        a key typed (10 ms apart) into a bound input in Use mode, to the frame after
 *                    its `input` event (the field shows it; the app's own re-render comes back from
 *                    the sandbox later). 1,000 keys, twice: into the todo's `draft`, a `local`
 *                    field (kept in the tab: nothing is sent, the stored document must not change),
 *                    and into `note`, a shared `string` field (a Y.Text in the document) added with
 *                    a TextInput through the op route (the canvas writes it to its replica,
 *                    coalesced: 250 ms quiet, at most 1 s). During them the page's HTTP requests and
 *                    `/collab` frames sent (by kind) are counted, and the characters the field and
 *                    the stored document kept are compared with those typed.
 *   inspector change a text changed in the inspector (the todo's Heading, a Text of the 2,000-node
 *                    app): from the Enter that commits it to the frame after the canvas shows it.
 *                    A literal prop is local first: planned in the browser, written to its
 *                    replica (no op request; the server judges the live update afterwards) and
 *                    drawn from the model in the same task; the gate and the sandbox follow.
 *   palette drop     a Badge dragged from the palette onto the canvas: pointer up to the frame
 *                    showing it. Todo and 2,000 nodes.
 *   reach            the todo's inspector change made in one browser context, to the frame after
 *                    a second context's canvas shows it (both clocks are the machine's), with 20
 *                    editors connected; beside it the writer's own frame and the last of the
 *                    providers below to hold the change.
 * Open (ms from navigation start, in a fresh context, so nothing is cached): the canvas running
 *   with its elements drawn, and the badge online; the baseline is the todo template's studio.
 *   Four runs each (three of the 10,000-node app, which takes seconds): the p95 is the slowest.
 * Bytes: the stored Y.Doc (read from the server's SQLite file) and the JSON export before and
 *   after each 1,000 keystrokes (the shared note's per key too), and after 1,000 one-op batches
 *   (a Heading's text) through `POST /api/apps/:id/ops` with the owner's Bearer token, four in
 *   flight: the history they leave, and how much of it is restore points (`restorePoint`: a state
 *   vector and a delete set; or an old entry's whole `before` snapshot).
 *
 * Notes under the tables: for the inspector changes and palette drops, in how many runs the
 * change was drawn before any worker answered (the canvas draws a render-safe change from the
 * model, editor/view-patch.ts), when the browser gate and the sandbox answered after the input
 * (from the messages the page posts to its workers and their replies), and what the page sent; for each typing run, the canvas errors shown
 * while typing, whether the field kept focus, and which typed characters were lost; the history's
 * restore points and its bytes by field.
 *
 * The 20 editors of the reach row are the two pages and 18 Hocuspocus providers in this process
 * (tests/collab/harness.ts `connect`, with the owner token, each publishing a presence like a
 * studio's). Why not 18 more pages: each studio page runs its own render, sandbox worker and
 * presence UI, and on this two-core machine 20 of them would measure Chromium's CPU contention
 * rather than the change's way through the server; the server sees the same 20 connections,
 * sync and awareness traffic either way. The providers share this process with Playwright's
 * client, which is idle while it waits for the watching page.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { readModel } from '../../src/lib/model/ydoc';
import { toAppFile } from '../../src/lib/model/appfile';
import { connect, synced, type Peer } from '../collab/harness';
import { buildApp } from './apps';
import { ms, printTable, summarize, type Sample } from './measure';
import {
  arm,
  armFieldWatch,
  armKeystrokes,
  armWatcher,
  armWorkerLog,
  armWriter,
  CollabNotLive,
  fieldWatch,
  keystrokeTimes,
  openStudio,
  readClock,
  took,
  workerLog,
  type FieldWatch,
  type OpenStudio,
  type WorkerEvent
} from './studio-probes';
import {
  appFile,
  COLLAB_URL,
  createApp,
  headingOf,
  OWNER_TOKEN,
  rootViewOf,
  sendOps,
  ServerFailure,
  settledDoc,
  startServer,
  storedDoc,
  type BenchServer
} from './studio-server';

const started = performance.now();
const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run']
};
/**
 * The frame rows run with Chromium's frame clock unthrottled. At 60 Hz a change waits for the
 * next vsync, up to 16.7 ms, whatever it costs: a bare <input>'s p95 is 13–16 ms there, so a
 * budget of 16 ms would time the clock's phase, not the edit. Unthrottled, a frame is drawn as
 * soon as the main thread is free, and a row's time is the edit's own: the input's wait, the
 * work, and the style, layout and paint of the frame that shows it. The `at 60 Hz` rows
 * (`SIXTY_HZ`) show what a person sees on a 60 Hz screen, with their own baseline.
 */
const LAUNCH = {
  ...CHROMIUM,
  args: [...CHROMIUM.args, '--disable-gpu-vsync', '--disable-frame-rate-limit']
};
const SIXTY_HZ = CHROMIUM;
/** Opening the 10,000-node studio takes seconds: three runs of it keep the bench short. */
const LOAD_RUNS = (nodes: number) => (nodes >= 10_000 ? 3 : 4);
const EDIT_RUNS = 15;
const DROP_RUNS = 12;
const KEYSTROKES = 1_000;
const HISTORY_EDITS = 1_000;
/** Op batches in flight at once: each is its own commit and entry either way, and the server
 * answers only once the batch is stored, so one at a time would spend the bench's time waiting. */
const HISTORY_CLIENTS = 4;
const REACH_RUNS = 25;
const REACH_PEERS = 18;
/** The elements that make a big app "drawn": not all its nodes, since those in an If that is off
 * draw nothing. */
const DRAWN = (nodes: number) => Math.min(nodes, 1_500);

interface TimedRow {
  readonly what: string;
  readonly times: number[] | Error;
  readonly budget?: { readonly text: string; readonly p95: number };
}
interface CountRow {
  readonly what: string;
  readonly value: number | Error;
  readonly baseline: number | null;
  readonly budget?: { readonly text: string; readonly ok: (value: number) => boolean };
}
/** A count with thousands separators, for labels. */
const grouped = (value: number) => value.toLocaleString('en-US');
/** A ratio with three significant digits (a dropped character shows in 0.996×). */
const ratio = (value: number) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toPrecision(3);
const frames: TimedRow[] = [];
const opens: TimedRow[] = [];
/** The 60 Hz rows, with their own baseline first. */
const sixty: TimedRow[] = [];
const counts: CountRow[] = [];
const notes: string[] = [];
/** Where the run's own time went, by part. */
const spent: string[] = [];

/** Runs one part of the bench; a failure is reported in its rows, unless the studio is not live. */
async function part<T>(name: string, body: () => Promise<T>): Promise<T | Error> {
  const t0 = performance.now();
  try {
    return await body();
  } catch (e) {
    if (e instanceof CollabNotLive || e instanceof ServerFailure) throw e;
    console.error(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    return e instanceof Error ? e : new Error(String(e));
  } finally {
    spent.push(`${name} ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
}

/** A 2,000- or 10,000-node app on the server, and a Text of it that is always on screen. */
async function bigApp(nodes: number): Promise<{ id: string; textId: string }> {
  const model = readModel(buildApp(nodes, 42));
  const shown = (id: string | null): boolean => {
    for (let at = id; at; at = model.nodes.get(at)!.parent)
      if (['Each', 'If'].includes(model.nodes.get(at)!.type)) return false;
    return true;
  };
  const textId = [...model.nodes.values()].find(
    (n) => n.type === 'Text' && typeof n.props.text === 'string' && shown(n.id)
  )!.id;
  return { id: await createApp({ file: toAppFile(model) }), textId };
}

const inspectorField = (page: Page) =>
  page.locator('[data-inspector] [data-prop="text"]').locator('input, textarea').first();
const showsText = (nodeId: string, text: string) =>
  `document.querySelector('[data-canvas] [data-node-id="${nodeId}"]')?.textContent?.includes(${JSON.stringify(text)})`;

/** Frames of one kind of edit, and each edit's worker log (where its time went). */
interface Edits {
  readonly times: number[];
  readonly logs: WorkerEvent[][];
}

/**
 * The outline row of a node, scrolled to with the mouse wheel as a person would: the outline
 * draws only the rows in view.
 */
async function outlineRow(page: Page, nodeId: string) {
  const row = page.locator(`[data-outline-node="${nodeId}"]`);
  const outline = page.locator('[data-outline]');
  const box = (await outline.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 400 && (await row.count()) === 0; i++) await page.mouse.wheel(0, 300);
  return row;
}

/**
 * Selects `nodeId` in the outline and changes its text `runs` times in the inspector; `selected`
 * runs between the two (a profile of the edits alone starts there).
 */
async function inspectorEdits(
  page: Page,
  nodeId: string,
  runs: number,
  selected?: () => Promise<void> | undefined
): Promise<Edits> {
  const edits: Edits = { times: [], logs: [] };
  await outlineRow(page, nodeId).then((row) => row.click());
  await selected?.();
  const field = inspectorField(page);
  // The field applies typed text by itself after a pause (APPLY_AFTER_MS): a run whose text was
  // shown before the Enter (the probe's -1, on a slow machine) is typed again.
  for (let i = 0, tries = 0; i < runs && tries < runs * 3; tries++) {
    const text = `Edited ${tries}`;
    await arm(page, 'keydown', showsText(nodeId, text));
    await armWorkerLog(page, 'keydown');
    await field.fill(text);
    await field.press('Enter');
    const time = await took(page);
    if (time < 0) continue;
    edits.times.push(time);
    edits.logs.push(await workerLog(page));
    i++;
  }
  return edits;
}

/** Drags a Badge from the palette to just after the canvas's first h1, `runs` times. */
async function paletteDrops(page: Page, runs: number): Promise<Edits> {
  const edits: Edits = { times: [], logs: [] };
  const item = page.locator('[data-palette-item="Badge"]');
  for (let i = 0; i < runs; i++) {
    const target = page.locator('[data-canvas] h1[data-node-id]').first();
    await target.scrollIntoViewIfNeeded();
    const from = (await item.boundingBox())!;
    const to = (await target.boundingBox())!;
    const before = await page.locator('[data-canvas] [data-node-id]').count();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + 10, to.y + to.height * 0.8, { steps: 5 });
    await arm(
      page,
      'pointerup',
      `document.querySelectorAll('[data-canvas] [data-node-id]').length > ${before}`
    );
    await armWorkerLog(page, 'pointerup');
    await page.mouse.up();
    edits.times.push(await took(page));
    edits.logs.push(await workerLog(page));
  }
  return edits;
}

/**
 * One edit from its worker log (ms after the input): when the canvas showed it (`drawn`), and
 * when the browser gate answered its compile and the sandbox its swap or load (the work that
 * follows, off the frame when the edit was drawn first). Null parts: no such message.
 */
function phases(
  log: WorkerEvent[],
  total: number
): {
  drawn: number;
  compiled: number | null;
  ran: number | null;
  firstReply: number | null;
} | null {
  const input = log.find((e) => e[0] === 'input')?.[2];
  if (input === undefined) return null;
  const after = (kind: 'in' | 'out', t: string | null, from = input) =>
    log.find((e) => e[0] === kind && (t === null || e[1] === t) && e[2] >= from)?.[2] ?? null;
  const compiled = after('in', 'compiled');
  const swap = log.find((e) => e[0] === 'out' && (e[1] === 'swap' || e[1] === 'load'))?.[2];
  const ran = swap === undefined ? null : after('in', 'view', swap);
  const firstReply = after('in', null);
  const since = (t: number | null) => (t === null ? null : t - input);
  return {
    drawn: total,
    compiled: since(compiled),
    ran: since(ran),
    firstReply: since(firstReply)
  };
}

/** The note on one kind of edit: drawn before any worker answered, the work after, what was sent. */
function editNote(what: string, edits: Edits, traffic: OpenStudio['traffic']): string {
  const split = edits.logs
    .map((log, i) => phases(log, edits.times[i]))
    .filter((p): p is NonNullable<ReturnType<typeof phases>> => p !== null);
  const first = split.filter((p) => p.firstReply === null || p.drawn < p.firstReply).length;
  const median = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length === 0 ? 'none' : `${ms(summarize(known).median)} ms`;
  };
  const where =
    split.length === 0
      ? 'no worker log'
      : `drawn before any worker answered in ${first} of ${split.length} runs; after the ` +
        `input (medians): browser gate compiled ${median(split.map((p) => p.compiled))}, ` +
        `sandbox view ${median(split.map((p) => p.ran))}`;
  return (
    `${what}: ${where}; requests: ${pathCounts(traffic.requests) || 'none'}; ` +
    `/collab frames sent: ${frameCounts(traffic.frameKinds, traffic.frameBytes) || 'none'}.`
  );
}

/** `2× POST /path, …` */
function pathCounts(requests: readonly string[]): string {
  const paths = new Map<string, number>();
  for (const r of requests) paths.set(r, (paths.get(r) ?? 0) + 1);
  return [...paths].map(([p, n]) => `${n}× ${p}`).join(', ');
}

/** `7 update (582 B), …` */
function frameCounts(kinds: Map<string, number>, bytes: Map<string, number>): string {
  return [...kinds]
    .map(([kind, sent]) => `${sent} ${kind} (${grouped(bytes.get(kind) ?? 0)} B)`)
    .join(', ');
}

/** The baseline of the frame rows: keys into a plain <input> on a blank page. */
async function bareKeystrokes(browser: Browser): Promise<number[]> {
  const page = await browser.newPage();
  try {
    await page.setContent('<input data-canvas aria-label="bare">');
    await page.locator('input').click();
    await armKeystrokes(page);
    await page.keyboard.type('the quick brown fox jumps over', { delay: 10 });
    return await keystrokeTimes(page);
  } finally {
    await page.close();
  }
}

/** Opens each app in a fresh context (no cached document), `LOAD_RUNS` times by size. */
async function loads(
  browser: Browser,
  sizes: { what: string; app: { id: string; nodes: number } }[]
): Promise<{ loaded: Map<string, number[]>; online: Map<string, number[]> }> {
  const loaded = new Map(sizes.map((s) => [s.what, [] as number[]]));
  const online = new Map(sizes.map((s) => [s.what, [] as number[]]));
  for (let i = 0; i < Math.max(...sizes.map((s) => LOAD_RUNS(s.app.nodes))); i++)
    for (const { what, app } of sizes) {
      if (i >= LOAD_RUNS(app.nodes)) continue;
      const studio = await openStudio(browser, app.id, DRAWN(app.nodes));
      loaded.get(what)!.push(studio.loadedAt);
      online.get(what)!.push(studio.onlineAt);
      await studio.close();
    }
  return { loaded, online };
}

/** Waits until the page has sent nothing for `quietMs`. */
async function quiet(studio: OpenStudio, quietMs = 1_500): Promise<void> {
  for (let seen = -1; seen !== studio.traffic.requests.length + studio.traffic.framesSent;) {
    seen = studio.traffic.requests.length + studio.traffic.framesSent;
    await studio.page.waitForTimeout(quietMs);
  }
}

/** What typing `KEYSTROKES` keys into a field of an open studio gave. */
interface Typing {
  readonly text: string;
  readonly times: number[];
  /** HTTP requests (`METHOD /path`) while typing and until the page was quiet. */
  readonly requests: string[];
  /** `/collab` frames sent while typing, by kind, and their bytes. */
  readonly kinds: Map<string, number>;
  readonly bytes: Map<string, number>;
  /** `/collab` frames sent from the first key until the page was quiet. */
  readonly framesUntilQuiet: number;
  readonly typingMs: number;
  /** What the field shows once the page is quiet. */
  readonly field: string;
  /** Errors the canvas showed while typing; whether the field kept focus. */
  readonly watch: FieldWatch;
}

/** Types `KEYSTROKES` keys, 10 ms apart, into `input` (clicked first) and counts what was sent. */
async function typeKeys(studio: OpenStudio, input: ReturnType<Page['locator']>): Promise<Typing> {
  await input.click();
  await quiet(studio, 500);
  await armKeystrokes(studio.page);
  await armFieldWatch(studio.page);
  studio.traffic.reset();
  const text = 'the quick brown fox jumps over the lazy dog '.repeat(30).slice(0, KEYSTROKES);
  const t0 = performance.now();
  await studio.page.keyboard.type(text, { delay: 10 });
  const typingMs = performance.now() - t0;
  const times = await keystrokeTimes(studio.page);
  const kinds = new Map(studio.traffic.frameKinds);
  const bytes = new Map(studio.traffic.frameBytes);
  const watch = await fieldWatch(studio.page);
  await quiet(studio);
  return {
    text,
    times,
    requests: [...studio.traffic.requests],
    kinds,
    bytes,
    framesUntilQuiet: studio.traffic.framesSent,
    typingMs,
    field: await input.inputValue(),
    watch
  };
}

/** The note on one typing run: time, requests by path, frames by kind, errors, keys lost. */
function typingNote(what: string, typed: Typing): string {
  const { watch } = typed;
  const focus =
    watch.lostAt < 0
      ? 'the field kept focus'
      : `the field lost focus after ${grouped(watch.lostAt)} keys` +
        `${watch.connected ? '' : ' (it was drawn afresh: a new element)'}` +
        `${watch.focused ? ', and had it back by the end' : '; the later keys went to the page'}`;
  const errors = watch.errors.map((e) => `after ${grouped(e.at)} keys: ${e.text}`).join('; ');
  return (
    `${what}: typing ${grouped(KEYSTROKES)} keys took ${(typed.typingMs / 1000).toFixed(1)} s; ` +
    `requests while typing and until quiet: ${pathCounts(typed.requests) || 'none'}; ` +
    `/collab frames sent while typing: ${frameCounts(typed.kinds, typed.bytes) || 'none'}; ` +
    `${typed.framesUntilQuiet} until quiet. Canvas errors while typing: ${errors || 'none'}; ` +
    `${focus}. The field: ${compareTyped(typed.text, typed.field).summary}.`
  );
}

const NONE = { text: 'none', ok: (v: number) => v === 0 };

/** 1,000 keys into the todo's bound input (`draft`, a `local` field) in Use mode: it stays in the
 * tab, so nothing may be sent and the stored document must not change. */
async function localDraft(server: BenchServer, browser: Browser): Promise<void> {
  const id = await createApp({ template: 'todo' });
  const studio = await openStudio(browser, id, 5);
  try {
    const stored = storedDoc(server, id);
    const before = stored.bytes;
    const historyBefore = stored.doc.getArray('history').length;
    const exportBefore = (await appFile(id)).bytes;
    await studio.page.locator('[data-mode-button="use"]').click();
    const typed = await typeKeys(
      studio,
      studio.page.locator('[data-canvas] input[placeholder="What needs doing?"]')
    );
    const after = await settledDoc(server, id);
    const draft = after.doc.getMap('state').get('draft');
    const keys = `${grouped(KEYSTROKES)} keystrokes (local draft)`;
    frames.push({
      what: `keystroke, todo local draft in Use mode (${grouped(KEYSTROKES)} keys)`,
      times: typed.times,
      budget: { text: 'p95 < 16 ms', p95: 16 }
    });
    counts.push(
      {
        what: `HTTP requests during ${keys}`,
        value: typed.requests.length,
        baseline: null,
        budget: NONE
      },
      {
        what: `/collab update frames sent during ${keys}`,
        value: typed.kinds.get('update') ?? 0,
        baseline: null,
        budget: NONE
      },
      {
        what: 'keys followed by an input event in the field (local draft)',
        value: typed.times.length,
        baseline: KEYSTROKES
      },
      {
        what: 'typed characters kept in the field, in order (local draft)',
        value: compareTyped(typed.text, typed.field).inOrder,
        baseline: KEYSTROKES
      },
      {
        what: 'draft characters in the stored doc (local: none)',
        value: draft === undefined ? 0 : String(draft).length,
        baseline: null,
        budget: NONE
      },
      {
        what: `stored Y.Doc bytes after ${keys} (vs before)`,
        value: after.bytes,
        baseline: before,
        budget: { text: 'unchanged', ok: (v) => v === before }
      },
      {
        what: `history entries after ${keys} (vs before)`,
        value: after.doc.getArray('history').length,
        baseline: historyBefore
      },
      {
        what: `JSON export bytes after ${keys} (vs before)`,
        value: (await appFile(id)).bytes,
        baseline: exportBefore
      }
    );
    notes.push(typingNote('Local draft', typed));
  } finally {
    await studio.close();
  }
}

/**
 * 1,000 keys into a shared `string` field (a Y.Text in the document): the todo plus a `note`
 * field and a TextInput bound to it, added through the op route. The canvas writes the typing to
 * its replica, coalesced (250 ms quiet, at most 1 s), so a few update frames go out and the
 * stored document grows with the characters, not with a copy of the text per key.
 */
async function sharedNote(server: BenchServer, browser: Browser): Promise<void> {
  const id = await createApp({ template: 'todo' });
  await sendOps(id, [
    { op: 'addState', component: 'App', name: 'note', type: 'string', initial: '' }
  ]);
  await sendOps(id, [
    {
      op: 'addNode',
      parent: await rootViewOf(id),
      index: 0,
      type: 'TextInput',
      props: { label: 'Note', value: { $bind: 'note' } }
    }
  ]);
  const studio = await openStudio(browser, id, 6);
  try {
    await studio.page.locator('[data-mode-button="use"]').click();
    const input = studio.page.locator('[data-canvas] label', { hasText: 'Note' }).locator('input');
    await input.waitFor();
    const start = await settledDoc(server, id);
    const before = start.bytes;
    const historyBefore = start.doc.getArray('history').length;
    const exportBefore = (await appFile(id)).bytes;
    const typed = await typeKeys(studio, input);
    const after = await settledDoc(server, id);
    const note = after.doc.getMap('state').get('note');
    // A shared string field is a Y.Text (model/textdata.ts); anything else is a finding.
    const text = note instanceof Y.Text ? note.toString() : typeof note === 'string' ? note : '';
    const stored = compareTyped(typed.text, text);
    const keys = `${grouped(KEYSTROKES)} keystrokes (shared note)`;
    frames.push({
      what: `keystroke, shared text field (Y.Text) in Use mode (${grouped(KEYSTROKES)} keys)`,
      times: typed.times,
      budget: { text: 'p95 < 16 ms', p95: 16 }
    });
    const updates = typed.kinds.get('update') ?? 0;
    counts.push(
      {
        what: `HTTP requests during ${keys}`,
        value: typed.requests.length,
        baseline: null,
        budget: NONE
      },
      {
        what: `/collab update frames sent during ${keys}`,
        value: updates,
        baseline: null
      },
      {
        what: 'keys followed by an input event in the field (shared note)',
        value: typed.times.length,
        baseline: KEYSTROKES
      },
      {
        what: 'typed characters kept in the field, in order (shared note)',
        value: compareTyped(typed.text, typed.field).inOrder,
        baseline: KEYSTROKES
      },
      {
        what: 'typed characters kept in the stored note, in order (Y.Text)',
        value: stored.inOrder,
        baseline: KEYSTROKES
      },
      {
        what: 'characters in the stored note not matched to a typed one',
        value: stored.extra,
        baseline: null,
        budget: NONE
      },
      {
        what: 'stored note is exactly the typed text up to character',
        value: stored.exactTo,
        baseline: KEYSTROKES
      },
      {
        what: `stored Y.Doc bytes after ${keys} (vs before)`,
        value: after.bytes,
        baseline: before
      },
      {
        what: '  stored Y.Doc bytes added per key typed',
        value: Number(((after.bytes - before) / KEYSTROKES).toFixed(2)),
        baseline: null
      },
      {
        what: '  stored Y.Doc bytes added per character of the stored note',
        value: Number(((after.bytes - before) / Math.max(1, text.length)).toFixed(2)),
        baseline: null
      },
      {
        what: `history entries after ${keys} (vs before)`,
        value: after.doc.getArray('history').length,
        baseline: historyBefore
      },
      {
        what: `JSON export bytes after ${keys} (vs before)`,
        value: (await appFile(id)).bytes,
        baseline: exportBefore
      }
    );
    const kind = note instanceof Y.Text ? 'a Y.Text' : `not a Y.Text but ${typeof note}`;
    const same =
      text === typed.field ? 'the field’s text' : `not the field’s text: ${stored.summary}`;
    notes.push(
      `${typingNote('Shared note', typed)} The stored note is ${kind}, ${same}; update frames ` +
        `averaged ${grouped(Math.round((typed.bytes.get('update') ?? 0) / Math.max(1, updates)))} B.`
    );
  } finally {
    await studio.close();
  }
}

/**
 * How much of what was typed `kept` holds: how far it is exactly the typed text (`exactTo`: the
 * index of the first difference), the typed characters it kept in order (the longest common
 * subsequence; the typed text repeats a sentence, so a duplicated character can pair with a later
 * typed one and count here), the characters it holds that pair with none, and which typed ones
 * it lost (index: character).
 */
function compareTyped(
  typed: string,
  kept: string
): { exactTo: number; inOrder: number; extra: number; summary: string } {
  const [n, m] = [typed.length, kept.length];
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i][j] =
        typed[i] === kept[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const lost: string[] = [];
  for (let i = 0, j = 0; i < n;)
    if (j < m && typed[i] === kept[j]) [i, j] = [i + 1, j + 1];
    else if (j < m && table[i][j + 1] >= table[i + 1][j]) j++;
    else lost.push(`${i}: ${JSON.stringify(typed[i++])}`);
  const inOrder = table[0][0];
  const extra = m - inOrder;
  let exactTo = 0;
  while (exactTo < Math.min(n, m) && typed[exactTo] === kept[exactTo]) exactTo++;
  const summary =
    inOrder === n && extra === 0
      ? `every key, in order`
      : `${grouped(m)} characters, the typed text exactly up to character ${grouped(exactTo)}; ` +
        `${grouped(inOrder)} of the ${grouped(n)} typed in order, ` +
        `${grouped(extra)} unmatched; lost (index: character): ` +
        (lost.length === 0
          ? 'none'
          : `${lost.slice(0, 8).join(', ')}${lost.length > 8 ? `, … (${grouped(lost.length)} in all)` : ''}`);
  return { exactTo, inOrder, extra, summary };
}

/** An entry's restore point: its `restorePoint` (state vector and deletions, base64), or the
 * whole `before` snapshot of an entry written before restore points; characters of each. */
function pointSizes(entry: unknown): { point: number; before: number } {
  const { restorePoint, before } = entry as { restorePoint?: unknown; before?: unknown };
  return {
    point: typeof restorePoint === 'string' ? restorePoint.length : 0,
    before: typeof before === 'string' ? before.length : 0
  };
}

/** The characters of the restore points (`restorePoint` and old `before`) in a history log. */
function restoreBytes(entries: unknown[]): number {
  let total = 0;
  for (const entry of entries) {
    const { point, before } = pointSizes(entry);
    total += point + before;
  }
  return total;
}

/** 1,000 one-op batches (a Heading's text, as the inspector sends it) through the op route. */
async function historyBytes(server: BenchServer): Promise<void> {
  const id = await createApp({ template: 'todo' });
  const heading = await headingOf(id);
  const before = storedDoc(server, id);
  const historyBefore = before.doc.getArray('history').length;
  const times: number[] = [];
  let next = 0;
  const client = async () => {
    for (let i = next++; i < HISTORY_EDITS; i = next++) {
      const t0 = performance.now();
      await sendOps(id, [{ op: 'setProp', id: heading, name: 'text', value: `Title ${i}` }]);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: HISTORY_CLIENTS }, client));
  const after = storedDoc(server, id);
  const history = after.doc.getArray('history');
  counts.push(
    {
      what: `stored Y.Doc bytes after ${grouped(HISTORY_EDITS)} op batches (vs before)`,
      value: after.bytes,
      baseline: before.bytes
    },
    {
      what: `history entries after ${grouped(HISTORY_EDITS)} op batches (vs before)`,
      value: history.length,
      baseline: historyBefore
    },
    {
      what: `history as JSON, bytes after ${grouped(HISTORY_EDITS)} op batches (vs before)`,
      value: JSON.stringify(history.toJSON()).length,
      baseline: JSON.stringify(before.doc.getArray('history').toJSON()).length
    },
    {
      what: `  of which restore points (\`restorePoint\` + \`before\`) (vs the whole history)`,
      value: restoreBytes(history.toJSON()),
      baseline: JSON.stringify(history.toJSON()).length
    }
  );
  const entries = history.toJSON().map(pointSizes);
  const describe = (sizes: number[]) =>
    sizes.length === 0
      ? ''
      : ` (the first ${grouped(sizes[0])} characters, the last ${grouped(sizes.at(-1)!)}, ` +
        `the largest ${grouped(Math.max(...sizes))}, ${grouped(Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length))} on average)`;
  const points = entries.map((e) => e.point).filter((size) => size > 0);
  const befores = entries.map((e) => e.before).filter((size) => size > 0);
  notes.push(
    `History restore points: ${points.length} of ${entries.length} entries carry a \`restorePoint\`` +
      `${describe(points)}; ${befores.length} an old whole \`before\` snapshot${describe(befores)}.`
  );
  // Where the rest of the history's bytes are: each field's JSON, over all entries.
  const fields = new Map<string, number>();
  for (const entry of history.toJSON() as Record<string, unknown>[])
    for (const [key, value] of Object.entries(entry))
      fields.set(key, (fields.get(key) ?? 0) + JSON.stringify(value).length + key.length + 4);
  notes.push(
    `History bytes by field (JSON, all entries): ` +
      [...fields]
        .sort((a, b) => b[1] - a[1])
        .map(([key, size]) => `${key} ${grouped(size)}`)
        .join(', ') +
      '.'
  );
  const round = summarize(times);
  notes.push(
    `${grouped(HISTORY_EDITS)} op batches through POST /api/apps/:id/ops, ${HISTORY_CLIENTS} in flight: ` +
      `median ${ms(round.median)} ms, p95 ${ms(round.p95)} ms per request.`
  );
}

/** The inspector change in one context, seen in a second, with 18 more editors connected. */
async function reach(browser: Browser): Promise<void> {
  const id = await createApp({ template: 'todo' });
  const heading = await headingOf(id);
  const peers: Peer[] = [];
  const writer = await openStudio(browser, id, 5);
  const watcher = await openStudio(browser, id, 5);
  try {
    let expected = '';
    let arrivals: number[] = [];
    for (let i = 0; i < REACH_PEERS; i++) {
      const peer = connect({ url: COLLAB_URL }, id, {
        token: OWNER_TOKEN,
        person: `bench-peer-${i}`,
        name: `Peer ${i}`
      });
      peer.provider.awareness?.setLocalState({
        user: { id: '', name: `Peer ${i}`, color: '#0090ff', role: 'owner' },
        selection: heading,
        pointer: null,
        field: null
      });
      let last = '';
      const texts = peer.doc.getMap('props');
      peer.doc.on('update', () => {
        // The raw prop, not the model: reading the model on every update would be the bench's
        // own cost, 18 times over, in the "last peer" time.
        if (expected === '' || last === expected || texts.get(`${heading}/text`) !== expected)
          return;
        last = expected;
        arrivals.push(performance.timeOrigin + performance.now());
      });
      peers.push(peer);
    }
    await Promise.all(peers.map((p) => synced(p)));
    if (peers.some((p) => p.authFailed !== null))
      throw new CollabNotLive(`a peer was refused: ${peers.find((p) => p.authFailed)!.authFailed}`);

    await writer.page.locator(`[data-outline-node="${heading}"]`).click();
    const field = inspectorField(writer.page);
    const seen: number[] = [];
    const local: number[] = [];
    const lastPeer: number[] = [];
    for (let i = -3; i < REACH_RUNS; i++) {
      const text = `Reach ${i}`;
      await field.fill(text);
      await armWatcher(watcher.page, showsText(heading, text));
      await armWriter(writer.page);
      await arm(writer.page, 'keydown', showsText(heading, text));
      arrivals = [];
      expected = text;
      await field.press('Enter');
      const sentAt = await readClock(writer.page, '__sentAt');
      const seenAt = await readClock(watcher.page, '__seenAt');
      const painted = await took(writer.page);
      for (let wait = 0; arrivals.length < REACH_PEERS && wait < 500; wait++)
        await new Promise((r) => setTimeout(r, 10));
      if (i < 0) continue; // warmup
      seen.push(seenAt - sentAt);
      local.push(painted);
      if (arrivals.length === REACH_PEERS) lastPeer.push(Math.max(...arrivals) - sentAt);
    }
    frames.push(
      { what: 'inspector change → painted in the writing page', times: local },
      {
        what: `inspector change → seen in a second context (${REACH_PEERS + 2} editors)`,
        times: seen,
        budget: { text: 'p95 < 50 ms', p95: 50 }
      },
      { what: `inspector change → last of the ${REACH_PEERS} node peers holds it`, times: lastPeer }
    );
  } finally {
    for (const peer of peers) peer.destroy();
    await writer.close();
    await watcher.close();
  }
}

/** Opens the studio of one app and makes the inspector changes and palette drops there. */
async function editsAndDrops(
  browser: Browser,
  what: string,
  app: { id: string; textId: string; nodes: number }
): Promise<void> {
  const budget = { text: 'p95 < 16 ms', p95: 16 };
  const studio = await openStudio(browser, app.id, DRAWN(app.nodes));
  const profile = await startProfile(studio, what);
  try {
    studio.traffic.reset();
    const edits = await part(`edits ${what}`, () =>
      inspectorEdits(studio.page, app.textId, EDIT_RUNS, () => profile?.stop('select'))
    );
    await profile?.stop('edits');
    frames.push({
      what: `inspector change, ${what}`,
      times: edits instanceof Error ? edits : edits.times,
      budget
    });
    if (!(edits instanceof Error))
      notes.push(editNote(`Inspector change, ${what}`, edits, studio.traffic));
    await studio.page.keyboard.press('Escape');
    await quiet(studio, 500);
    studio.traffic.reset();
    const drops = await part(`drops ${what}`, () => paletteDrops(studio.page, DROP_RUNS));
    frames.push({
      what: `palette drop, ${what}`,
      times: drops instanceof Error ? drops : drops.times,
      budget
    });
    if (!(drops instanceof Error))
      notes.push(editNote(`Palette drop, ${what}`, drops, studio.traffic));
    await profile?.stop('drops');
  } finally {
    await studio.close();
  }
}

/** The bare keystroke and the inspector change at 2,000 nodes again, with the frame clock at 60 Hz. */
async function atSixtyHz(app: { id: string; textId: string; nodes: number }): Promise<void> {
  const browser = await chromium.launch(SIXTY_HZ);
  try {
    sixty.push({
      what: 'bare keystroke, plain <input>, at 60 Hz (baseline)',
      times: await bareKeystrokes(browser)
    });
    const studio = await openStudio(browser, app.id, DRAWN(app.nodes));
    try {
      const edits = await inspectorEdits(studio.page, app.textId, EDIT_RUNS);
      sixty.push({ what: 'inspector change, 2,000 nodes, at 60 Hz', times: edits.times });
    } finally {
      await studio.close();
    }
  } finally {
    await browser.close();
  }
}

/** What a trace records: the main thread's tasks, script, style, layout and paint. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'];

/**
 * `STUDIO_BENCH_PROFILE=DIR`: the page's main thread is sampled (Chrome's CPU profiler) through
 * the edits and through the drops, written to DIR as `.cpuprofile` files (open them in Chrome's
 * DevTools, or with a build made with `--minify false` to read names). `STUDIO_BENCH_TRACE=DIR`
 * instead writes Chrome traces (`.trace.json`, DevTools' Performance panel), which also show the
 * style, layout and paint each edit cost.
 */
async function startProfile(
  studio: { context: BrowserContext; page: Page },
  what: string
): Promise<{ stop(part: string): Promise<void> } | null> {
  const traces = process.env.STUDIO_BENCH_TRACE;
  const browser = studio.context.browser();
  if (traces && browser) {
    const start = () =>
      browser.startTracing(studio.page, { categories: TRACE_CATEGORIES, screenshots: false });
    await start();
    return {
      async stop(part) {
        const name = `${part}-${what.replace(/[^a-z0-9]+/gi, '-')}.trace.json`;
        writeFileSync(join(traces, name), await browser.stopTracing());
        await start();
      }
    };
  }
  const dir = process.env.STUDIO_BENCH_PROFILE;
  if (!dir) return null;
  const cdp = await studio.context.newCDPSession(studio.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return {
    async stop(part) {
      const { profile } = await cdp.send('Profiler.stop');
      const name = `${part}-${what.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`;
      writeFileSync(join(dir, name), JSON.stringify(profile));
      await cdp.send('Profiler.start');
    }
  };
}

/**
 * `STUDIO_BENCH_ONLY=open,edits-2000` runs only those parts (open, edits-todo, edits-2000,
 * local-draft, shared-note, history, reach, sixty), to look at one of them while working on it; the
 * baseline rows always run. Unset: every part.
 */
const only = process.env.STUDIO_BENCH_ONLY?.split(',');
const wanted = (name: string): boolean => !only || only.includes(name);

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await chromium.launch(LAUNCH);
  try {
    frames.push({
      what: 'bare keystroke, plain <input> (baseline)',
      times: await part('bare', () => bareKeystrokes(browser))
    });
    const apps = await part('setup', async () => {
      const todo = await createApp({ template: 'todo' });
      return {
        todo: { id: todo, textId: await headingOf(todo), nodes: 5 },
        small: { ...(await bigApp(2_000)), nodes: 2_000 },
        large: wanted('open') ? { ...(await bigApp(10_000)), nodes: 10_000 } : null
      };
    });
    if (apps instanceof Error) throw apps;

    const sizes = [
      { what: 'todo template', app: apps.todo, budget: undefined },
      { what: '2,000 nodes', app: apps.small, budget: { text: 'p95 < 1 s', p95: 1_000 } },
      ...(apps.large
        ? [{ what: '10,000 nodes', app: apps.large, budget: { text: 'p95 < 3 s', p95: 3_000 } }]
        : [])
    ];
    // Opening is timed in Chromium as it runs for a person (60 Hz): unthrottled, the frames a
    // loading page draws (a spinner's animation among them) take a core of this two-core
    // machine for as long as it loads, which made an open up to twice as slow (measured).
    const opened = wanted('open')
      ? await part('open', async () => {
          const sixty = await chromium.launch(SIXTY_HZ);
          try {
            return await loads(sixty, sizes);
          } finally {
            await sixty.close();
          }
        })
      : null;
    if (opened !== null)
      for (const { what, budget } of sizes)
        opens.push({
          what: `open to interactive, ${what}${budget ? '' : ' (baseline)'}`,
          times: opened instanceof Error ? opened : opened.loaded.get(what)!,
          budget
        });
    if (opened !== null)
      for (const { what } of sizes)
        opens.push({
          what: `open to online badge, ${what}`,
          times: opened instanceof Error ? opened : opened.online.get(what)!
        });

    if (wanted('edits-todo')) await editsAndDrops(browser, 'todo template', apps.todo);
    if (wanted('edits-2000')) await editsAndDrops(browser, '2,000 nodes', apps.small);

    const typed = wanted('local-draft')
      ? await part('local draft', () => localDraft(server, browser))
      : null;
    if (typed instanceof Error)
      frames.push({ what: 'keystroke, todo local draft in Use mode', times: typed });
    const noted = wanted('shared-note')
      ? await part('shared note', () => sharedNote(server, browser))
      : null;
    if (noted instanceof Error)
      frames.push({ what: 'keystroke, shared text field in Use mode', times: noted });
    const stored = wanted('history') ? await part('history', () => historyBytes(server)) : null;
    if (stored instanceof Error)
      counts.push({ what: 'history after op batches', value: stored, baseline: null });
    const reached = wanted('reach') ? await part('reach', () => reach(browser)) : null;
    if (reached instanceof Error)
      frames.push({ what: 'inspector change → seen in a second context', times: reached });
    if (wanted('sixty')) await part('60 Hz', () => atSixtyHz(apps.small));
  } finally {
    await browser.close();
    await server.stop();
  }
}

function timedRows(rows: readonly TimedRow[]): string[][] {
  if (rows.length === 0) return [];
  const base = rows[0].times instanceof Error ? null : summarize(rows[0].times);
  return rows.map((r) => {
    if (r.times instanceof Error)
      return [r.what, '0', 'failed', '', '', r.budget?.text ?? '', r.times.message.slice(0, 80)];
    const s: Sample = summarize(r.times);
    return [
      r.what,
      String(s.runs),
      ms(s.median),
      ms(s.p95),
      base ? `${ratio(s.p95 / base.median)}×` : '-',
      r.budget?.text ?? '',
      r.budget ? (s.p95 < r.budget.p95 ? 'ok' : 'OVER') : ''
    ];
  });
}

try {
  await main();
} catch (e) {
  if (e instanceof ServerFailure || e instanceof CollabNotLive) {
    console.error(`\nStudio benchmark: ${e.message}`);
    process.exit(1);
  }
  console.error(`The benchmark stopped early: ${e instanceof Error ? e.stack : String(e)}\n`);
}

console.log(
  `\nStudio benchmark: chromium against server.js on loopback, ${os.cpus().length} cores, ` +
    `Node ${process.version}. × = p95 / median of the table's baseline row.\n`
);
const header = ['measurement', 'runs', 'median', 'p95', '×', 'budget', 'status'];
printTable(header, timedRows(frames));
console.log('');
printTable(header, timedRows(opens));
if (sixty.length > 0) {
  console.log('');
  printTable(header, timedRows(sixty));
}
console.log('');
printTable(
  ['measurement', 'value', 'baseline', '×', 'budget', 'status'],
  counts.map((c) =>
    c.value instanceof Error
      ? [c.what, 'failed', '', '', '', c.value.message.slice(0, 80)]
      : [
          c.what,
          String(c.value),
          c.baseline === null ? '' : String(c.baseline),
          c.baseline ? `${ratio(c.value / c.baseline)}×` : '',
          c.budget?.text ?? '',
          c.budget ? (c.budget.ok(c.value) ? 'ok' : 'OVER') : ''
        ]
  )
);
console.log('');
for (const note of notes) console.log(note);
console.log(
  `\nRun time ${((performance.now() - started) / 1000).toFixed(0)} s: ${spent.join(', ')}.`
);
process.exit(0);
