/**
 * Studio benchmark (`npx tsx tests/bench/studio.ts`): the visual-edit budget of DESIGN.md
 * section 11 in a real browser (Debian's chromium through Playwright) against the built server.
 *
 *   load        opening the studio of a 2,000- and a 10,000-node app: navigation start to the
 *               canvas running with every element drawn (the whole app rendered from scratch:
 *               the document, the sandbox load, the first full render). This is the baseline.
 *   edit        an inspector change of a Text on the 2,000-node app: from the key that commits it
 *               (Enter) to the next animation frame after the canvas shows the new text (the
 *               batch to the server, plan + gate + dry run + commit, the update back into the
 *               replica, the sandbox re-render, the DOM patch).
 *   drop        a palette item dropped onto the canvas: pointer up to the next frame showing it.
 *   small       the same inspector change on the todo template (a dozen elements).
 *
 * Budget: edit and drop p95 under 16 ms. Ratios are against `load` (2,000 nodes) from the same
 * run. Always exits 0: budgets are reported, not asserted.
 */
import { chromium, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModel } from '../../src/lib/model/ydoc';
import { toAppFile } from '../../src/lib/model/appfile';
import { buildApp } from './apps';
import { ms, printTable, summarize, type Sample } from './measure';

const PORT = 4191;
const BASE = `http://127.0.0.1:${PORT}`;
/** The bench studio's owner token: its script calls send it, its pages carry the owner cookie. */
const OWNER_TOKEN = 'malleable-bench-owner-token-0123456789abcdef';
const OWNER = { authorization: `Bearer ${OWNER_TOKEN}` };
const OWNER_PAGE = {
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
        sameSite: 'Strict' as const
      }
    ],
    origins: []
  }
};
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run']
};

async function startServer(dataDir: string): Promise<ChildProcess> {
  if (!existsSync('build/index.js') || !existsSync('build/sandbox/node-process.js'))
    throw new Error('build the studio first: npm run build');
  const server = spawn('node', ['build/index.js'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MALLEABLE_DEMO: '0',
      MALLEABLE_OWNER_TOKEN: OWNER_TOKEN,
      BODY_SIZE_LIMIT: '64M'
    },
    stdio: ['ignore', 'ignore', 'inherit']
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${BASE}/api/apps`, { headers: OWNER })).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('the studio server did not start');
}

async function createApp(nodes: number): Promise<{ id: string; textId: string }> {
  const model = readModel(buildApp(nodes, 42));
  // A Text that is always on screen: no Each or If above it.
  const shown = (id: string | null): boolean => {
    for (let at = id; at; at = model.nodes.get(at)!.parent)
      if (['Each', 'If'].includes(model.nodes.get(at)!.type)) return false;
    return true;
  };
  const textId = [...model.nodes.values()].find(
    (n) => n.type === 'Text' && typeof n.props.text === 'string' && shown(n.id)
  )!.id;
  const response = await fetch(`${BASE}/api/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...OWNER },
    body: JSON.stringify({ file: toAppFile(model) })
  });
  if (response.status !== 201)
    throw new Error(`create: ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  return { id, textId };
}

/** Records, in the page, when the canvas first runs with `count` elements drawn. */
const LOAD_PROBE = `
  window.__loadedAt = 0;
  new MutationObserver((_, observer) => {
    const canvas = document.querySelector('[data-canvas][data-live-state="running"]');
    if (canvas && canvas.querySelectorAll('[data-node-id]').length >= window.__expectNodes) {
      window.__loadedAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

async function load(page: Page, id: string, expect: number): Promise<number> {
  await page.addInitScript(`window.__expectNodes = ${expect};`);
  await page.addInitScript(LOAD_PROBE);
  await page.goto(`${BASE}/apps/${id}`);
  await page.waitForFunction(
    () => (window as unknown as { __loadedAt: number }).__loadedAt > 0,
    null,
    {
      timeout: 120_000,
      polling: 200
    }
  );
  return page.evaluate(() => (window as unknown as { __loadedAt: number }).__loadedAt);
}

/**
 * Arms a probe: from the next `trigger` event (capture phase) to the animation frame after
 * `done()` first holds in a mutation of the canvas.
 */
async function arm(page: Page, trigger: string, done: string): Promise<void> {
  // A string, not a function: tsx compiles functions with helpers the page does not have.
  await page.evaluate(`(() => {
    window.__took = 0;
    let t0 = 0;
    const start = () => {
      t0 = performance.now();
      window.removeEventListener(${JSON.stringify(trigger)}, start, true);
    };
    window.addEventListener(${JSON.stringify(trigger)}, start, true);
    const observer = new MutationObserver(() => {
      if (!t0 || !(${done})) return;
      observer.disconnect();
      requestAnimationFrame(() => (window.__took = performance.now() - t0));
    });
    observer.observe(document.querySelector('[data-canvas]'), {
      subtree: true, childList: true, characterData: true, attributes: true
    });
  })()`);
}

async function took(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __took: number }).__took > 0, null, {
    timeout: 30_000
  });
  return page.evaluate(() => (window as unknown as { __took: number }).__took);
}

/** Creates an app from a template; returns its id and its first Heading's id. */
async function createTemplate(name: string): Promise<{ id: string; headingId: string }> {
  const response = await fetch(`${BASE}/api/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...OWNER },
    body: JSON.stringify({ template: name })
  });
  const { id } = (await response.json()) as { id: string };
  const file = (await (await fetch(`${BASE}/api/apps/${id}/file`, { headers: OWNER })).json()) as {
    components: { view: { children: { id: string; type: string }[] } }[];
  };
  const heading = file.components[0].view.children.find((n) => n.type === 'Heading')!;
  return { id, headingId: heading.id };
}

/** Selects `nodeId` in the outline and changes its text `runs` times in the inspector. */
async function inspectorEdits(page: Page, nodeId: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  await page.locator(`[data-outline-node="${nodeId}"]`).click();
  const field = page
    .locator('[data-inspector] [data-prop="text"]')
    .locator('input, textarea')
    .first();
  for (let i = 0; i < runs; i++) {
    const text = `Edited ${i}`;
    await field.fill(text);
    await arm(
      page,
      'keydown',
      `document.querySelector('[data-canvas] [data-node-id="${nodeId}"]')?.textContent?.includes(${JSON.stringify(text)})`
    );
    await field.press('Enter');
    times.push(await took(page));
  }
  return times;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'malleable-bench-'));
  const server = await startServer(dataDir);
  const browser = await chromium.launch(LAUNCH);
  const rows: string[][] = [];
  try {
    const small = await createApp(2_000);
    const large = await createApp(10_000);

    const loads: Record<string, number[]> = { '2000': [], '10000': [] };
    for (let i = 0; i < 5; i++) {
      for (const [n, app] of [
        [2_000, small],
        [10_000, large]
      ] as const) {
        const page = await browser.newPage(OWNER_PAGE);
        loads[String(n)].push(await load(page, app.id, Math.min(n, 1_500)));
        await page.close();
      }
    }
    const baseline = summarize(loads['2000']);

    // The same inspector change on the todo template (a dozen elements): what a small app costs.
    const todo = await createTemplate('todo');
    const tiny = await browser.newPage(OWNER_PAGE);
    await load(tiny, todo.id, 5);
    const tinyEdits = await inspectorEdits(tiny, todo.headingId, 25);
    await tiny.close();

    const page = await browser.newPage(OWNER_PAGE);
    await load(page, small.id, 1_500);
    const edits = await inspectorEdits(page, small.textId, 25);

    const drops: number[] = [];
    const item = page.locator('[data-palette-item="Badge"]');
    for (let i = 0; i < 10; i++) {
      // The todo's heading, at the top of the page: the drop lands right after it.
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
      await page.mouse.up();
      drops.push(await took(page));
    }
    await page.close();

    const row = (name: string, sample: Sample, budget: string) => [
      name,
      String(sample.runs),
      ms(sample.median),
      ms(sample.p95),
      `${(sample.p95 / baseline.median).toFixed(2)}×`,
      budget
    ];
    rows.push(row('load 2,000 nodes (baseline)', baseline, ''));
    rows.push(row('load 10,000 nodes', summarize(loads['10000']), ''));
    const edit = summarize(edits);
    const drop = summarize(drops);
    const few = summarize(tinyEdits);
    rows.push(
      row(
        'inspector change, todo template',
        few,
        few.p95 < 16 ? 'p95 < 16 ms: ok' : 'p95 < 16 ms: MISSED'
      )
    );
    rows.push(
      row(
        'inspector change, 2,000 nodes',
        edit,
        edit.p95 < 16 ? 'p95 < 16 ms: ok' : 'p95 < 16 ms: MISSED'
      )
    );
    rows.push(
      row(
        'palette drop, 2,000 nodes',
        drop,
        drop.p95 < 16 ? 'p95 < 16 ms: ok' : 'p95 < 16 ms: MISSED'
      )
    );
  } finally {
    await browser.close();
    server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log('\nStudio in chromium (ms; ratio = p95 / median load of the 2,000-node app)\n');
  printTable(['measurement', 'runs', 'median', 'p95', 'vs load', 'budget'], rows);
}

await main();
