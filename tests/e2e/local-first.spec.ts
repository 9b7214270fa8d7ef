/**
 * The local-first edit loop (issue 13), as a person uses it: an inspector change of a literal
 * prop is planned in the browser and written to the replica, so it is on the canvas with no
 * request to the server's op route; the server gets it as a live update, judges it, stores it,
 * and a second browser sees it; the Undo button takes it back everywhere. A change that needs
 * the type checker (an expression) still goes to the server's op route.
 */
import type { Request } from '@playwright/test';
import * as decoding from 'lib0/decoding';
import { expect, test } from './fixtures';

/** Whether a Hocuspocus frame is a document update (message type sync, step "update"). */
function isUpdateFrame(payload: string | Buffer): boolean {
  if (typeof payload === 'string') return false;
  const decoder = decoding.createDecoder(new Uint8Array(payload));
  decoding.readVarString(decoder);
  return decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 2;
}

test('a literal inspector change is on the canvas without the op route, reaches a peer, and undoes', async ({
  page,
  browser,
  request
}) => {
  const created = await request.post('/api/apps', { data: { template: 'todo' } });
  const id = ((await created.json()) as { id: string }).id;
  const opRequests: string[] = [];
  page.on('request', (r: Request) => {
    if (r.method() === 'POST' && /\/api\/apps\/[^/]+\/ops$/.test(new URL(r.url()).pathname))
      opRequests.push(r.url());
  });
  let updatesSent = 0;
  page.on('websocket', (ws) =>
    ws.on('framesent', (frame) => {
      if (isUpdateFrame(frame.payload)) updatesSent++;
    })
  );
  await page.goto(`/apps/${id}`);
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'running');
  await expect(page.locator('[data-connection="online"]')).toBeVisible();

  // A second person (an editor's link) watching the same app.
  const made = await request.post(`/api/apps/${id}/links`, {
    data: { role: 'editor', expiresIn: 3600 }
  });
  const { url } = (await made.json()) as { url: string };
  const other = await (await browser.newContext()).newPage();
  await other.goto(url);
  await expect(other.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');
  // What the connection badge says from now on: an edit's own round trip takes milliseconds,
  // and the badge does not flash "Syncing…" (nor have a screen reader announce it) for it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { badgeSaid: string[] }).badgeSaid = seen;
    const pill = document.querySelector('[data-connection]')!;
    new MutationObserver(() => seen.push(pill.getAttribute('data-connection') ?? '')).observe(
      pill,
      { attributes: true, attributeFilter: ['data-connection'] }
    );
  });

  const heading = canvas.locator('h1').first();
  await heading.click();
  const text = page.locator('[data-inspector] [data-prop="text"]').locator('input').first();
  await text.fill('Groceries');
  await text.press('Enter');
  await expect(heading).toHaveText('Groceries');
  await expect(other.locator('[data-canvas] h1').first()).toHaveText('Groceries');
  expect(opRequests).toEqual([]);
  // Stored by the server (it judged the live update): the app file says so.
  await expect
    .poll(async () => JSON.stringify(await (await request.get(`/api/apps/${id}/file`)).json()))
    .toContain('Groceries');
  expect(
    await page.evaluate(() => (window as unknown as { badgeSaid: string[] }).badgeSaid)
  ).not.toContain('syncing');
  await expect(page.locator('[data-connection="online"]')).toBeVisible();

  // Undo takes it back here and there.
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect(heading).toHaveText('Todo');
  await expect(other.locator('[data-canvas] h1').first()).toHaveText('Todo');

  // An expression needs the server's type checker: it goes through the op route, and the
  // update in its answer is not sent back to the server over the socket.
  await page.waitForTimeout(300);
  const updatesBefore = updatesSent;
  await heading.click();
  await page.locator('[data-inspector] [data-prop="text"] [data-expr-toggle]').first().click();
  const expr = page.locator('[data-inspector] [data-prop="text"] [data-expr-input]');
  await expr.fill("'Todo: ' + state.items.length");
  await expr.press('Enter');
  await expect(heading).toHaveText('Todo: 2');
  expect(opRequests.length).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  expect(updatesSent - updatesBefore).toBe(0);
  await other.context().close();
});

test('offline, undo and redo take back and bring back my own steps, and the result syncs', async ({
  page,
  request
}) => {
  const created = await request.post('/api/apps', { data: { template: 'todo' } });
  const id = ((await created.json()) as { id: string }).id;
  await page.goto(`/apps/${id}`);
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'running');
  await expect(page.locator('[data-connection="online"]')).toBeVisible();

  await page.context().setOffline(true);
  await expect(page.locator('[data-connection="offline"]')).toBeVisible();
  const undo = page.getByRole('button', { name: 'Undo', exact: true }).first();
  const redo = page.getByRole('button', { name: 'Redo', exact: true }).first();
  // Nothing of mine to undo here yet: the button says so by being off.
  await expect(undo).toBeDisabled();

  const heading = canvas.locator('h1').first();
  // Selected once, as a person does: a second click within 500 ms of the first is a double click,
  // which opens the heading's words in place (and an edit that lands that fast made it one).
  await heading.click();
  const input = page.locator('[data-inspector] [data-prop="text"]').locator('input').first();
  const retitle = async (text: string) => {
    await input.fill(text);
    await input.press('Enter');
    await expect(heading).toHaveText(text);
  };
  await retitle('Offline one');
  await retitle('Offline two');
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(heading).toHaveText('Offline one');
  await undo.click();
  await expect(heading).toHaveText('Todo');
  await expect(undo).toBeDisabled();
  await redo.click();
  await expect(heading).toHaveText('Offline one');

  // Back online: the server ends where this browser ended.
  await page.context().setOffline(false);
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
  await expect
    .poll(async () => JSON.stringify(await (await request.get(`/api/apps/${id}/file`)).json()))
    .toContain('Offline one');
  const file = JSON.stringify(await (await request.get(`/api/apps/${id}/file`)).json());
  expect(file).not.toContain('Offline two');
});

test('offline before the gate worker started: my first edit starts it from the cache, and it syncs', async ({
  page,
  request
}) => {
  // The gate worker waits for idle time after the first draw; with none coming, only my first
  // write starts it, after the tab went offline, so its code can come only from the cache.
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const gateStarted = () => workers.some((url) => url.includes('gate-worker'));
  const created = await request.post('/api/apps', { data: { template: 'todo' } });
  const id = ((await created.json()) as { id: string }).id;
  await page.goto(`/apps/${id}`);
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'running');
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
  expect(gateStarted()).toBe(false);

  await page.context().setOffline(true);
  await expect(page.locator('[data-connection="offline"]')).toBeVisible();
  const heading = canvas.locator('h1').first();
  await heading.click();
  const input = page.locator('[data-inspector] [data-prop="text"]').locator('input').first();
  await input.fill('Written offline');
  await input.press('Enter');
  await expect(heading).toHaveText('Written offline');
  expect(gateStarted()).toBe(true);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.context().setOffline(false);
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
  await expect
    .poll(async () => JSON.stringify(await (await request.get(`/api/apps/${id}/file`)).json()))
    .toContain('Written offline');
});

test('a tab older than the server stops writing and asks to be reloaded', async ({
  page,
  request
}) => {
  const created = await request.post('/api/apps', { data: { template: 'todo' } });
  const id = ((await created.json()) as { id: string }).id;
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
  // The server is upgraded under the tab: its version is another, and the socket drops.
  await page.route('**/_app/version.json', (route) =>
    route.fulfill({ json: { version: 'a-newer-build' } })
  );
  await page.routeWebSocket(/\/collab/, (ws) => ws.close({ code: 1012, reason: 'restart' }));
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.locator('[data-locked-out]')).toContainText('reload this tab');
  await expect(page.locator('[data-connection="locked"]')).toContainText('Reload needed');
  // It writes nothing more: the editing panels are inert.
  await page.locator('[data-canvas] h1').first().click();
  const text = page.locator('[data-inspector] [data-prop="text"]').locator('input').first();
  await expect.poll(() => text.evaluate((el) => el.closest('[inert]') !== null)).toBe(true);
});
