/**
 * The home page as a person uses it: a new app from a template opens its studio; rename,
 * delete with undo, import of an app file (and of a file that is not one), export.
 */
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { OWNER_TOKEN } from './owner';

test('new from a template, rename, delete and undo, export and import', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-template="counter"]').click();
  await expect(page).toHaveURL(/\/apps\/[a-z2-9]{10}$/);
  const id = page.url().split('/').pop()!;
  await expect(page.locator('[data-canvas]')).toBeVisible();

  // The title in the studio's top bar renames the app (a setMeta op).
  await page.getByRole('button', { name: 'Counter' }).first().click();
  const title = page.getByLabel('App title');
  await title.fill('Tally');
  await title.press('Enter');
  await expect(page.getByRole('button', { name: 'Tally' })).toBeVisible();

  await page.goto('/');
  const row = page.locator(`[data-app-id="${id}"]`);
  await expect(row).toContainText('Tally');

  // Rename from the list, then delete and undo the delete.
  await row.locator('[data-rename-app]').click();
  const input = row.getByRole('textbox');
  await input.fill('Tally counter');
  await input.press('Enter');
  await expect(row).toContainText('Tally counter');
  await row.locator('[data-delete-app]').click();
  await expect(page.locator(`[data-app-id="${id}"]`)).toHaveCount(0);
  await page.locator('[data-undo-delete]').click();
  await expect(page.locator(`[data-app-id="${id}"]`)).toContainText('Tally counter');

  // Export, then import the file as a new app.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.locator('[data-export-app]').click()
  ]);
  const path = await download.path();
  const file = JSON.parse(readFileSync(path, 'utf8')) as { title: string; format: string };
  expect(file).toMatchObject({ format: 'malleable-app', title: 'Tally counter' });
  await page.locator('[data-import-file]').setInputFiles({
    name: 'tally.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...file, title: 'Imported tally' }))
  });
  await expect(page).toHaveURL(/\/apps\/[a-z2-9]{10}$/);
  expect(page.url()).not.toContain(id);
  await expect(page.getByRole('button', { name: 'Imported tally' })).toBeVisible();
});

test('importing a file that is not an app says why and adds nothing', async ({ page }) => {
  await page.goto('/');
  const before = await page.locator('[data-app-id]').count();
  await page.locator('[data-import-file]').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": "world"}')
  });
  await expect(page.locator('[data-home-error]')).toContainText('E_APP_FORMAT');
  await page.locator('[data-import-file]').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": ')
  });
  await expect(page.locator('[data-home-error]')).toContainText('E_JSON_PARSE');
  await expect(page.locator('[data-app-id]')).toHaveCount(before);
});

test('before the page’s code runs, the buttons that start an app are disabled, not dead', async ({
  browser
}) => {
  // The server's page without its code: what a person sees on a slow connection before it loads.
  const context = await browser.newContext({ javaScriptEnabled: false });
  expect((await context.request.get(`/?owner=${OWNER_TOKEN}`)).ok()).toBe(true);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('[data-template="blank"]')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Import an app file…' })).toBeDisabled();
  await context.close();
});
