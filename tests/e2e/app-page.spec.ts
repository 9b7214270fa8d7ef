/**
 * The app page (issue 16), in real browsers against the built server: a user-role link opens the
 * running app alone (no studio panels, no Reshape, an Ask button), typing data there is live for
 * the owner in the studio; the old studio address with a user's token lands there too. The owner
 * sees Reshape, which opens the studio on the same app; a viewer's app page has no Ask. The owner
 * makes a "use this app" link in the Share dialog. Writes docs/app-page.png.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { link, newApp } from './apps';

/** Opens `url` in a new browser context as a named person; waits for the app to run. */
async function openAs(browser: Browser, url: string, name: string): Promise<Page> {
  const context = await browser.newContext();
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

test('a user link opens the app alone; typing data there is live for the owner', async ({
  browser,
  page,
  request
}) => {
  const id = await newApp(request);
  const url = await link(request, id, 'user');
  expect(new URL(url).pathname).toBe(`/apps/${id}/use`);
  const user = await openAs(browser, url, 'Uma');

  await expect(user.locator('[data-app-page]')).toBeVisible();
  await expect(user.locator('[data-canvas]')).toHaveAttribute('data-canvas-mode', 'use');
  // None of the studio: no palette, outline, inspector tabs, modes, share; no Reshape.
  for (const studioPart of [
    '[aria-label="Palette and outline"]',
    '[data-tab="inspect"]',
    '[data-mode-button="edit"]',
    '[data-share-open]',
    '[data-reshape]'
  ])
    await expect(user.locator(studioPart)).toHaveCount(0);
  await expect(user.locator('[data-ask]')).toBeVisible();
  // The app has the page's width, less the page's own margins (no side panels).
  const width = await user.locator('main.app').evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeGreaterThan(1400);

  // The owner watches in the studio.
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-connection="online"]')).toBeVisible();

  const input = user.locator('[data-canvas] input[type="text"]').first();
  await input.click();
  await input.pressSequentially('Water the plants', { delay: 20 });
  await input.press('Enter');
  await expect(user.locator('[data-canvas]')).toContainText('Water the plants');
  await expect(page.locator('[data-canvas]')).toContainText('Water the plants');
  await user.screenshot({ path: 'docs/app-page.png' });
  await user.setViewportSize({ width: 1024, height: 768 });
  await user.screenshot({ path: 'test-results/app-page-1024.png' });

  // The studio's address with a user's token opens the app page, the token kept.
  const token = new URL(url).searchParams.get('token')!;
  await user.goto(`/apps/${id}?token=${token}`);
  await expect(user).toHaveURL(new RegExp(`/apps/${id}/use\\?token=`));
  await expect(user.locator('[data-app-page]')).toBeVisible();
  await expect(user.locator('[data-canvas]')).toContainText('Water the plants');
  await user.context().close();
});

test('the owner sees Reshape, which opens the studio; an editor too; a viewer gets no Ask', async ({
  browser,
  page,
  request
}) => {
  const id = await newApp(request);
  await page.goto(`/apps/${id}/use`);
  await expect(page.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');
  await expect(page.locator('[data-ask]')).toBeVisible();
  await page.locator('[data-reshape]').click();
  await expect(page).toHaveURL(new RegExp(`/apps/${id}$`));
  await expect(page.locator('[aria-label="Palette and outline"]')).toBeVisible();
  await expect(page.locator('[data-canvas]')).toHaveAttribute('data-canvas-mode', 'edit');

  // An editor's "use this app" link: the app page, with Reshape into the studio.
  const made = await request.post(`/api/apps/${id}/links`, {
    data: { role: 'editor', expiresIn: 3600, page: 'app' }
  });
  const editorUrl = ((await made.json()) as { url: string }).url;
  expect(new URL(editorUrl).pathname).toBe(`/apps/${id}/use`);
  const editor = await openAs(browser, editorUrl, 'Eve');
  await editor.locator('[data-reshape]').click();
  await expect(editor).toHaveURL(new RegExp(`/apps/${id}\\?token=`));
  await expect(editor.locator('[aria-label="Palette and outline"]')).toBeVisible();
  await editor.context().close();

  // A viewer may only look: no Ask, no Reshape; typing into the app changes nothing stored.
  const viewerMade = await request.post(`/api/apps/${id}/links`, {
    data: { role: 'viewer', expiresIn: 3600, page: 'app' }
  });
  const viewer = await openAs(browser, ((await viewerMade.json()) as { url: string }).url, 'Vic');
  await expect(viewer.locator('[data-app-page]')).toBeVisible();
  await expect(viewer.locator('[data-ask]')).toHaveCount(0);
  await expect(viewer.locator('[data-reshape]')).toHaveCount(0);
  await viewer.context().close();

  // A page that is not a page of this API is refused with its code, and nothing is made.
  const bad = await request.post(`/api/apps/${id}/links`, {
    data: { role: 'user', expiresIn: 3600, page: 'admin' }
  });
  expect(bad.status()).toBe(422);
  expect(((await bad.json()) as { errors: { code: string }[] }).errors[0].code).toBe(
    'E_FIELD_VALUE'
  );
});

test('the owner makes a "use this app" link in the Share dialog', async ({ browser, page }) => {
  const created = await page.request.post('/api/apps', { data: { template: 'todo' } });
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
  await page.locator('[data-share-open]').click();
  const appOnly = page.locator('[data-share-app-only]');
  await expect(appOnly).not.toBeChecked();
  await page.locator('[data-share-role]').selectOption('user');
  await expect(appOnly).toBeChecked();
  await expect(appOnly).toBeDisabled();
  await page.locator('[data-share-create]').click();
  const url = await page.locator('[data-share-url]').inputValue();
  expect(new URL(url).pathname).toBe(`/apps/${id}/use`);
  const user = await openAs(browser, url, 'Uma');
  await expect(user.locator('[data-app-page]')).toBeVisible();
  await user.context().close();
});
