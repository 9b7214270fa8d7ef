/**
 * Several people in one app: two editors with share links edit live both ways, see each other
 * (avatars, selection, pointer), and each undoes only their own change while the other keeps
 * editing; a viewer's link cannot change anything (UI and server); an editor who goes offline
 * keeps working, and what they did reaches the others on reconnect, even after closing the tab.
 */
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { link, newApp } from './apps';

interface FileNode {
  id: string;
  type: string;
  children?: FileNode[];
}

/** The token inside a share link's URL (for the API calls a script makes with it). */
function tokenOf(url: string): string {
  return new URL(url).searchParams.get('token')!;
}

/** The first node of `type` in the app file (depth first). */
async function nodeOf(request: APIRequestContext, id: string, type: string): Promise<string> {
  const file = (await (await request.get(`/api/apps/${id}/file`)).json()) as {
    components: { view: FileNode }[];
  };
  const walk = (node: FileNode): string | null =>
    node.type === type ? node.id : ((node.children ?? []).map(walk).find(Boolean) ?? null);
  for (const c of file.components) {
    const found = walk(c.view);
    if (found) return found;
  }
  throw new Error(`no ${type} in the app`);
}

/** Opens a share link's exact URL in a fresh context: no owner cookie, only the link. */
async function open(browser: Browser, url: string, name: string): Promise<Page> {
  const context = await browser.newContext();
  expect(await context.cookies()).toEqual([]);
  await context.addInitScript(
    ([n]) =>
      localStorage.setItem('malleable.person', JSON.stringify({ id: `p-${n}-0001`, name: n })),
    [name]
  );
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
  return page;
}

async function retitle(page: Page, node: string, text: string): Promise<void> {
  const target = page.locator(`[data-canvas] [data-node-id="${node}"]`).first();
  // The todo's Add button is disabled while the draft is empty: the canvas edits on pointer events.
  await target.dblclick({ force: true });
  const inline = page.locator('[data-inline-editor]');
  await inline.fill(text);
  await inline.press('Enter');
  await expect(target).toHaveText(text);
}

test('two editors edit live, see each other, and undo only their own change', async ({
  browser,
  request
}) => {
  const id = await newApp(request);
  const heading = await nodeOf(request, id, 'Heading');
  const button = await nodeOf(request, id, 'Button');
  const ann = await open(browser, await link(request, id, 'editor'), 'Ann');
  const bob = await open(browser, await link(request, id, 'editor'), 'Bob');
  // A third person watches with a viewer's link: they see everything live, and nobody sees them
  // (the server drops a viewer's awareness).
  const vic = await open(browser, await link(request, id, 'viewer'), 'Vic');
  await expect(vic.locator('[data-presence] [data-peer]:not([data-self])')).toHaveCount(2);

  // Presence: each editor sees the other's avatar, and not the viewer's.
  await expect(ann.locator('[data-presence] [data-peer]:not([data-self])')).toHaveCount(1);
  await expect(bob.locator('[data-presence] [data-peer]:not([data-self])')).toHaveCount(1);
  await expect(ann.locator('[data-presence] [data-peer]:not([data-self])')).toHaveAttribute(
    'title',
    /Bob/
  );

  // Ann's edit reaches Bob; Bob's edit reaches Ann.
  await retitle(ann, heading, 'Shopping');
  await expect(bob.locator(`[data-canvas] [data-node-id="${heading}"]`).first()).toHaveText(
    'Shopping'
  );
  await expect(vic.locator(`[data-canvas] [data-node-id="${heading}"]`).first()).toHaveText(
    'Shopping'
  );
  await vic.context().close();
  await retitle(bob, button, 'Put in basket');
  await expect(ann.locator(`[data-canvas] [data-node-id="${button}"]`).first()).toHaveText(
    'Put in basket'
  );

  // Ann's selection is outlined on Bob's canvas in her colour, with her name; her pointer too.
  await ann.locator(`[data-canvas] [data-node-id="${heading}"]`).first().click();
  await expect(bob.locator('[data-peer-selection]')).toContainText('Ann');
  const box = (await ann.locator('[data-canvas-page]').boundingBox())!;
  await ann.mouse.move(box.x + 40, box.y + 60);
  await ann.mouse.move(box.x + 60, box.y + 80);
  await expect(bob.locator('[data-peer-pointer]')).toContainText('Ann');
  // The README's picture of two people in one app.
  await bob.screenshot({ path: 'docs/collab.png' });

  // Ann undoes: her title goes back, Bob's button text stays; Bob keeps editing meanwhile.
  const undo = ann.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeEnabled();
  await Promise.all([undo.click(), retitle(bob, button, 'Add to basket')]);
  await expect(bob.locator(`[data-canvas] [data-node-id="${heading}"]`).first()).not.toHaveText(
    'Shopping'
  );
  await expect(ann.locator(`[data-canvas] [data-node-id="${button}"]`).first()).toHaveText(
    'Add to basket'
  );
  await expect(undo).toBeDisabled();
  // Redo brings Ann's change back, and Bob's stays.
  await ann.getByRole('button', { name: 'Redo' }).click();
  await expect(bob.locator(`[data-canvas] [data-node-id="${heading}"]`).first()).toHaveText(
    'Shopping'
  );
  await expect(bob.locator(`[data-canvas] [data-node-id="${button}"]`).first()).toHaveText(
    'Add to basket'
  );
  // The history shows everyone's changes, and filters by person.
  await ann.locator('[data-tab="history"]').click();
  const who = ann.locator('[data-history-entry] [data-history-who]');
  await expect(who.filter({ hasText: 'Bob' }).first()).toBeVisible();
  await expect(who.filter({ hasText: 'Ann (you)' }).first()).toBeVisible();
  const filter = ann.locator('[data-history-filter]');
  const bobId = await filter.locator('option', { hasText: 'Bob' }).getAttribute('value');
  await filter.selectOption(bobId!);
  await expect(who.filter({ hasText: 'Ann' })).toHaveCount(0);
  expect(await who.count()).toBeGreaterThanOrEqual(2);
  await ann.screenshot({ path: 'test-results/collab-history.png' });
  // Restoring to before Ann's title change: a new change, which reaches Bob.
  await filter.selectOption('');
  const entry = ann.locator('[data-history-entry]', { hasText: 'to "Shopping"' }).last();
  await entry.hover();
  await entry.locator('[data-history-restore]').click();
  await expect(bob.locator(`[data-canvas] [data-node-id="${heading}"]`).first()).toHaveText('Todo');
  await expect(ann.locator('[data-history-entry][data-source="restore"]')).toHaveCount(1);
  await ann.context().close();
  await bob.context().close();
});

test('a viewer’s link cannot change anything, in the studio or over HTTP', async ({
  browser,
  request,
  playwright,
  baseURL
}) => {
  const id = await newApp(request);
  const url = await link(request, id, 'viewer');
  const token = tokenOf(url);
  const viewer = await open(browser, url, 'Vic');
  await expect(viewer.locator('[data-role-badge="viewer"]')).toBeVisible();
  await expect(viewer.locator('[data-mode-button="edit"]')).toBeDisabled();
  await expect(viewer.locator('.studio')).toHaveAttribute('data-mode', 'use');
  // The app's fields and handlers are there to look at, with no buttons that would do nothing.
  await expect(viewer.locator('[data-state-type]').first()).toBeVisible();
  await expect(
    viewer.locator('[data-retype], [data-remove-state], [data-remove-handler]')
  ).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /add field/i })).toHaveCount(0);
  const heading = await nodeOf(request, id, 'Heading');
  const before = await (await request.get(`/api/apps/${id}/file`)).text();
  const refused = await request.post(`/api/apps/${id}/ops`, {
    headers: { authorization: `Bearer ${token}` },
    data: { ops: [{ op: 'setProp', id: heading, name: 'text', value: 'defaced' }] }
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { errors: { code: string }[] }).errors[0].code).toBe(
    'E_FORBIDDEN'
  );
  expect(await (await request.get(`/api/apps/${id}/file`)).text()).toBe(before);

  // Without the owner's proof nobody is the owner, not even from this machine: the viewer
  // cannot drop their token to get more, and a token opens only its own app.
  const stranger = await playwright.request.newContext({ baseURL });
  const refusedList = await stranger.get('/api/apps');
  expect(refusedList.status()).toBe(401);
  expect(((await refusedList.json()) as { errors: { code: string }[] }).errors[0].code).toBe(
    'E_LOGIN_REQUIRED'
  );
  const dropped = await stranger.post(`/api/apps/${id}/ops`, {
    data: { ops: [{ op: 'setProp', id: heading, name: 'text', value: 'defaced' }] }
  });
  expect(dropped.status()).toBe(401);
  const other = await newApp(request);
  const withToken = { authorization: `Bearer ${token}` };
  expect((await stranger.get(`/api/apps/${id}/file`, { headers: withToken })).status()).toBe(200);
  expect((await stranger.get(`/api/apps/${other}/file`, { headers: withToken })).status()).toBe(
    401
  );
  await stranger.dispose();
  expect(await (await request.get(`/api/apps/${id}/file`)).text()).toBe(before);
  await viewer.screenshot({ path: 'test-results/collab-viewer.png' });
  await viewer.context().close();
});

test('offline edits are kept in the browser and merge on reconnect, even after closing the tab', async ({
  browser,
  request
}) => {
  const id = await newApp(request);
  const heading = await nodeOf(request, id, 'Heading');
  const button = await nodeOf(request, id, 'Button');
  const annUrl = await link(request, id, 'editor');
  const ann = await open(browser, annUrl, 'Ann');
  const bob = await open(browser, await link(request, id, 'editor'), 'Bob');

  await ann.context().setOffline(true);
  await expect(ann.locator('[data-connection="offline"]')).toBeVisible();
  await retitle(ann, heading, 'Made offline');
  // Bob keeps editing meanwhile; he does not see Ann's change yet.
  await retitle(bob, button, 'Bob online');
  await expect(bob.locator(`[data-canvas] [data-node-id="${heading}"]`).first()).not.toHaveText(
    'Made offline'
  );

  // Back online: both changes everywhere.
  await ann.context().setOffline(false);
  await expect(bob.locator(`[data-canvas] [data-node-id="${heading}"]`).first()).toHaveText(
    'Made offline'
  );
  await expect(ann.locator(`[data-canvas] [data-node-id="${button}"]`).first()).toHaveText(
    'Bob online'
  );

  // Offline again, an edit, and the tab closed before the connection comes back.
  await ann.context().setOffline(true);
  await expect(ann.locator('[data-connection="offline"]')).toBeVisible();
  await retitle(ann, heading, 'Closed offline');
  await ann.close();
  await ann.context().setOffline(false);
  const again = await ann.context().newPage();
  await again.goto(annUrl);
  await expect(bob.locator(`[data-canvas] [data-node-id="${heading}"]`).first()).toHaveText(
    'Closed offline'
  );
  await expect(again.locator(`[data-canvas] [data-node-id="${heading}"]`).first()).toHaveText(
    'Closed offline'
  );
  await again.context().close();
  await bob.context().close();
});

test('the owner shares a link in the Share dialog, its holder opens that URL and edits live, and revoking it locks them out', async ({
  browser,
  page,
  request,
  baseURL
}) => {
  const id = await newApp(request);
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
  await page.locator('[data-share-open]').click();
  const dialog = page.locator('[data-share-dialog]');
  await expect(dialog).toBeVisible();
  await dialog.locator('[data-share-role]').selectOption('editor');
  await dialog.locator('[data-share-create]').click();
  // The URL the dialog shows is the address the owner's browser used (plain http here), never
  // an https:// one the server does not speak.
  const url = await dialog.locator('[data-share-url]').inputValue();
  expect(url.startsWith(`${baseURL}/apps/${id}?token=`)).toBe(true);
  await expect(dialog.locator('[data-share-link]')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/collab-share.png' });

  // The holder opens exactly that URL, in a browser without the owner's cookie, is here as an
  // editor, and edits live: the owner sees it.
  const holder = await open(browser, url, 'Hal');
  await expect(page.locator('[data-presence] [data-peer]:not([data-self])')).toHaveCount(1);
  await expect(holder.locator('[data-mode-button="edit"]')).toBeEnabled();
  const heading = await nodeOf(request, id, 'Heading');
  await retitle(holder, heading, 'Edited through the shared link');
  await expect(page.locator(`[data-canvas] [data-node-id="${heading}"]`).first()).toHaveText(
    'Edited through the shared link'
  );

  // Revoked: the holder's studio says so at once and stops changing anything.
  const linkId = await dialog.locator('[data-share-link]').getAttribute('data-share-link');
  await dialog.locator(`[data-share-revoke="${linkId}"]`).click();
  await expect(dialog.locator('[data-share-link]')).toHaveCount(0);
  await expect(holder.locator('[data-locked-out]')).toContainText('revoked');
  await expect(holder.locator('[data-connection="locked"]')).toBeVisible();
  await expect(holder.locator('[data-mode-button="edit"]')).toBeDisabled();
  await holder.screenshot({ path: 'test-results/collab-locked-out.png' });
  await holder.context().close();
});
