/**
 * The studio against web pages in the owner's own browser, in real Chromium. An attacker page,
 * served by a second HTTP server on another site (http://localhost:PORT, while the studio is at
 * 127.0.0.1) and on the same site (http://127.0.0.1:OTHERPORT, which gets the SameSite=Strict
 * cookie), is opened in the owner's logged-in context. It tries the collaboration WebSocket,
 * `fetch` no-cors with a Blob body (create an app, undo the owner's change, take the app back to
 * before its first change, undelete an app the owner deleted, ask the action builder's `check`
 * and `steps`), `sendBeacon`, and
 * framing the studio. Afterwards the server, asked as the owner, shows nothing happened. A page
 * reached through DNS rebinding (rebind.test mapped to 127.0.0.1) gets nothing either. The owner
 * logs in with the printed link, and nobody is the owner without it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { OWNER_TOKEN } from './owner';

/** What the attacker page found out, set on `window.attack` when it is done. */
interface AttackReport {
  socket: { opened: boolean; messages: number; closed: boolean };
  beacons: boolean[];
  fetched: string[];
  framed: boolean;
}

/**
 * The attacker's page: every attack a page can make on a server it cannot read, against the
 * studio at `studio` and its app `app` (an app id is no secret: a share token carries it).
 */
function attackerPage(studio: string, app: string, deleted: string): string {
  const script = `
const studio = ${JSON.stringify(studio)};
const app = ${JSON.stringify(app)};
const deleted = ${JSON.stringify(deleted)};
const report = { socket: { opened: false, messages: 0, closed: false }, beacons: [], fetched: [], framed: false };
const socketDone = new Promise((resolve) => {
  const ws = new WebSocket(studio.replace('http', 'ws') + '/collab?person=mallory-01');
  ws.onopen = () => { report.socket.opened = true; };
  ws.onmessage = () => { report.socket.messages++; };
  ws.onclose = () => { report.socket.closed = true; resolve(); };
});
const body = (value) => new Blob([JSON.stringify(value)]);
const shot = (path, value) =>
  fetch(studio + path, { method: 'POST', mode: 'no-cors', credentials: 'include', body: body(value) })
    .then(() => report.fetched.push(path), (e) => report.fetched.push(path + ': ' + e));
report.beacons.push(navigator.sendBeacon(studio + '/api/apps', body({ template: 'counter', title: 'Beaconed' })));
report.beacons.push(navigator.sendBeacon(studio + '/api/apps/' + app + '/undo', body({})));
const framed = new Promise((resolve) => {
  const frame = document.createElement('iframe');
  frame.src = studio + '/';
  frame.onload = () => { report.framed = true; resolve(); };
  document.body.append(frame);
});
Promise.all([
  socketDone,
  shot('/api/apps', { template: 'counter', title: 'Planted' }),
  shot('/api/apps/' + app + '/undo', {}),
  shot('/api/apps/' + app + '/restore-to', { index: 0 }),
  shot('/api/apps/' + deleted + '/undelete', {}),
  shot('/api/apps/' + app + '/check', { ops: [{ op: 'setMeta', name: 'title', value: 'x' }] }),
  shot('/api/apps/' + app + '/steps', { component: 'App', params: [], body: 'state.n = 1;' }),
  framed
]).then(() => { window.attack = report; });
`;
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Free kittens</title></head><body><h1>Free kittens</h1><script>${script}</script></body></html>`;
}

let attacker: Server;
let attackerPort: number;
let appId: string;
/** An app the owner deleted, which the attacker tries to bring back. */
let deletedId: string;
let studio: string;

/** The owner's apps, as the owner's script sees them. */
async function apps(request: APIRequestContext): Promise<{ id: string; title: string }[]> {
  const list = await request.get('/api/apps');
  expect(list.status()).toBe(200);
  return ((await list.json()) as { apps: { id: string; title: string }[] }).apps;
}

async function titleOf(request: APIRequestContext, id: string): Promise<string> {
  return ((await (await request.get(`/api/apps/${id}/file`)).json()) as { title: string }).title;
}

test.beforeAll(async ({ baseURL }) => {
  studio = baseURL!;
  attacker = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    res.end(attackerPage(studio, query.get('app') ?? '', query.get('deleted') ?? ''));
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerPort = (attacker.address() as AddressInfo).port;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => attacker.close(() => resolve()));
});

/** Opens the attacker page in the owner's context and waits for its report and the studio's answers. */
async function runAttack(page: Page, attackerOrigin: string): Promise<AttackReport> {
  const answers: { url: string; status: number }[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(`${studio}/api/`))
      answers.push({ url: response.url(), status: response.status() });
  });
  await page.goto(`${attackerOrigin}/?app=${appId}&deleted=${deletedId}`);
  await page.waitForFunction(() => (window as { attack?: unknown }).attack !== undefined);
  // Two beacons and six fetches reached the studio, and each was refused.
  await expect.poll(() => answers.length).toBeGreaterThanOrEqual(8);
  for (const answer of answers) expect(answer.status, answer.url).toBe(403);
  return page.evaluate(() => (window as unknown as { attack: AttackReport }).attack);
}

for (const site of ['another site', 'another port of the same site'] as const) {
  test(`a page on ${site} in the owner’s browser creates nothing, undoes nothing, frames nothing, joins nothing`, async ({
    page,
    request
  }) => {
    const attackerOrigin =
      site === 'another site'
        ? `http://localhost:${attackerPort}`
        : `http://127.0.0.1:${attackerPort}`;
    const created = await request.post('/api/apps', { data: { template: 'todo' } });
    appId = ((await created.json()) as { id: string }).id;
    const doomed = await request.post('/api/apps', { data: { template: 'counter' } });
    deletedId = ((await doomed.json()) as { id: string }).id;
    expect((await request.delete(`/api/apps/${deletedId}`)).status()).toBe(200);
    // The owner's last change, which the attacker wants undone.
    const edit = await request.post(`/api/apps/${appId}/ops`, {
      data: { ops: [{ op: 'setMeta', name: 'title', value: 'The owner’s title' }] }
    });
    expect(edit.status()).toBe(200);
    // The owner's browser holds the owner cookie (the fixture logged it in).
    await page.goto('/');
    await expect(page.locator('[data-template="todo"]')).toBeVisible();
    const before = await apps(request);

    const report = await runAttack(page, attackerOrigin);
    expect(report.socket).toEqual({ opened: false, messages: 0, closed: true });
    // Sent at once, so they finish in any order; each finished without an error the page could
    // read (no-cors), and none changed anything (checked below).
    expect([...report.fetched].sort()).toEqual(
      [
        '/api/apps',
        `/api/apps/${appId}/undo`,
        `/api/apps/${appId}/restore-to`,
        `/api/apps/${deletedId}/undelete`,
        `/api/apps/${appId}/check`,
        `/api/apps/${appId}/steps`
      ].sort()
    );

    // The frame did not render the studio: Chromium blocked it (frame-ancestors, X-Frame-Options).
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    expect(frame!.url().startsWith(studio)).toBe(false);
    expect(await frame!.locator('[data-template]').count()).toBe(0);

    // On the server: no app was created or undeleted, the owner's change is still there.
    expect((await apps(request)).map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());
    expect(before.map((a) => a.id)).not.toContain(deletedId);
    expect(await titleOf(request, appId)).toBe('The owner’s title');
    // The undo was there to take: the owner's own undo takes it.
    const undo = await request.post(`/api/apps/${appId}/undo`, { data: {} });
    expect(undo.status()).toBe(200);
    expect(await titleOf(request, appId)).not.toBe('The owner’s title');
    // And the deleted app was there to bring back: the owner's own undelete does.
    expect((await request.post(`/api/apps/${deletedId}/undelete`, { data: {} })).status()).toBe(
      200
    );
  });
}

test('a DNS-rebound page (rebind.test → 127.0.0.1) is refused for its Host, pages, API and socket', async ({
  baseURL,
  request
}) => {
  const port = new URL(baseURL!).port;
  const before = await apps(request);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--host-resolver-rules=MAP rebind.test 127.0.0.1'
    ]
  });
  try {
    const page = await browser.newPage();
    // The attacker's page after the rebinding is same-origin with whatever answers at
    // rebind.test: it could read every answer. The studio answers nothing there.
    const home = await page.goto(`http://rebind.test:${port}/`);
    expect(home!.status()).toBe(403);
    expect(await home!.text()).toContain('E_HOST_FORBIDDEN');
    const tried = await page.evaluate(async () => {
      const list = await fetch('/api/apps');
      const create = await fetch('/api/apps', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer guessed' },
        body: JSON.stringify({ template: 'counter' })
      });
      const opened = await new Promise<boolean>((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/collab`);
        ws.onopen = () => resolve(true);
        ws.onclose = () => resolve(false);
      });
      return { list: list.status, listBody: await list.text(), create: create.status, opened };
    });
    expect(tried).toMatchObject({ list: 403, create: 403, opened: false });
    expect(tried.listBody).toContain('E_HOST_FORBIDDEN');
    // The same browser reaches the studio at its own name (the rule above is what refused).
    const ok = await page.goto(`http://127.0.0.1:${port}/`);
    expect(ok!.status()).toBe(401);
  } finally {
    await browser.close();
  }
  expect((await apps(request)).length).toBe(before.length);
});

test('the owner logs in with the printed link; without it nobody is the owner', async ({
  browser,
  baseURL
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Not the owner: the page says to open the printed link, the API says so with a code.
  const home = await page.goto('/');
  expect(home!.status()).toBe(401);
  await expect(page.locator('body')).toContainText('E_LOGIN_REQUIRED');
  await expect(page.locator('body')).toContainText('the link the server printed');
  const api = await page.evaluate(async () => (await fetch('/api/apps')).status);
  expect(api).toBe(401);
  // A wrong secret is refused and sets nothing.
  expect((await page.goto(`/?owner=${OWNER_TOKEN}x`))!.status()).toBe(401);
  expect(await context.cookies()).toEqual([]);

  // The printed link: the cookie is set, the secret leaves the address bar, the studio opens.
  await page.goto(`/?owner=${OWNER_TOKEN}`);
  expect(page.url()).toBe(`${baseURL}/`);
  await expect(page.locator('[data-template="todo"]')).toBeVisible();
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({
    name: 'malleable_owner',
    httpOnly: true,
    sameSite: 'Strict',
    path: '/'
  });
  // HttpOnly: no script on the page (an app's, an extension's) can read it.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  // Every answer forbids framing and sends no Referer.
  const headers = (await page.goto('/'))!.headers();
  expect(headers['content-security-policy']).toBe("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  await context.close();
});
