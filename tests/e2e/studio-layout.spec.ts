/**
 * The studio's room to work: the canvas at 1024 × 768 (narrower side columns, the left one
 * folds away, the sidebar widens for code; both choices remembered), and the inspector applying
 * text as it is typed, at typing speed, with no character lost and one undo step per burst.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newApp } from './apps';
import { OWNER_TOKEN } from './owner';

async function open(page: Page, id: string): Promise<void> {
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');
}

async function headingText(request: APIRequestContext, id: string): Promise<unknown> {
  const file = (await (await request.get(`/api/apps/${id}/file`)).json()) as {
    components: { view: { children: { type: string; props: Record<string, unknown> }[] } }[];
  };
  return file.components[0].view.children.find((c) => c.type === 'Heading')?.props.text;
}

async function width(page: Page, selector: string): Promise<number> {
  return (await page.locator(selector).boundingBox())!.width;
}

test('at 1024 × 768 the canvas gets the room; folding and widening are remembered', async ({
  page,
  request,
  browser
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const id = await newApp(request);
  await open(page, id);
  // Another tab in the same app with the heading selected, so its name tag shows on my canvas
  // next to my own selection's label.
  const other = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  expect((await other.request.get(`/?owner=${OWNER_TOKEN}`)).ok()).toBe(true);
  const peer = await other.newPage();
  await open(peer, id);
  await peer.locator('[data-outline-node]').nth(1).click();
  await page.locator('[data-outline-node]').nth(2).click();

  expect(await width(page, '.canvas-area')).toBeGreaterThanOrEqual(540);
  await page.screenshot({ path: 'test-results/studio-1024.png' });
  await other.close();

  await page.locator('[data-fold-left]').click();
  await expect(page.locator('#studio-outline')).toBeHidden();
  expect(await width(page, '.canvas-area')).toBeGreaterThanOrEqual(700);
  await page.screenshot({ path: 'test-results/studio-1024-folded.png' });

  // The Code tab with the sidebar widened: the editor gets half the window.
  await page.getByRole('tab', { name: 'Code' }).click();
  await page.locator('[data-widen-sidebar]').click();
  await expect(page.locator('[data-widen-sidebar]')).toHaveAttribute('aria-pressed', 'true');
  expect(await width(page, 'aside.right')).toBeGreaterThanOrEqual(500);
  await expect(page.locator('.cm-editor').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/studio-1024-code-wide.png' });

  // Another tab is narrow again; the Code tab is wide again.
  await page.getByRole('tab', { name: 'Inspect' }).click();
  expect(await width(page, 'aside.right')).toBeLessThan(300);

  // A reload keeps both choices.
  await page.reload();
  await expect(page.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');
  await expect(page.locator('#studio-outline')).toBeHidden();
  await page.getByRole('tab', { name: 'Code' }).click();
  await expect(page.locator('[data-widen-sidebar]')).toHaveAttribute('aria-pressed', 'true');
  expect(await width(page, 'aside.right')).toBeGreaterThanOrEqual(500);
  await page.locator('[data-fold-left]').click();
  await page.locator('[data-widen-sidebar]').click();
  await expect(page.locator('#studio-outline')).toBeVisible();
  expect(await width(page, 'aside.right')).toBeLessThan(300);
  await page.getByRole('tab', { name: 'Inspect' }).click();

  await page.setViewportSize({ width: 1440, height: 900 });
  expect(await width(page, '.canvas-area')).toBeGreaterThanOrEqual(700);
  await page.screenshot({ path: 'test-results/studio-1440.png' });
});

test('the inspector applies text as it is typed: 40 ms a key, nothing lost, one undo step', async ({
  page,
  request
}) => {
  const id = await newApp(request);
  await open(page, id);
  await page.locator('[data-outline-node]').nth(1).click();
  const field = page.locator('[data-inspector] [data-prop="text"] input').first();
  await expect(field).toHaveValue('Todo');
  await field.focus();
  await field.press('Control+a');
  await field.pressSequentially('Groceries and more', { delay: 40 });
  // No Enter, no blur: the change reaches the canvas and the server on its own.
  const heading = page.locator('[data-canvas-page] h1');
  await expect(heading).toHaveText('Groceries and more');
  await expect.poll(() => headingText(request, id)).toBe('Groceries and more');
  await expect(field).toHaveValue('Groceries and more');
  await expect(field).toBeFocused();

  // Typing on while the last change is on its way loses nothing.
  await field.pressSequentially(' to buy', { delay: 40 });
  await page.waitForTimeout(600);
  await field.pressSequentially(' today', { delay: 40 });
  await expect.poll(() => headingText(request, id)).toBe('Groceries and more to buy today');
  await expect(field).toHaveValue('Groceries and more to buy today');

  // The first burst was one step: undoing the two later ones and then it gives "Todo" back.
  await field.blur();
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await undo.click();
  await expect.poll(() => headingText(request, id)).toBe('Groceries and more to buy');
  await undo.click();
  await expect.poll(() => headingText(request, id)).toBe('Groceries and more');
  await undo.click();
  await expect.poll(() => headingText(request, id)).toBe('Todo');
  await expect(heading).toHaveText('Todo');
});
