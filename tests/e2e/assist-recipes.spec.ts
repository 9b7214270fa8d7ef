/**
 * The offline planner's list recipes through the sidebar, the way a person uses them (issue 15):
 * on a todo app, "add a search box and sort the todos alphabetically" is one proposal; applied,
 * typing in the new search box filters the list on the canvas and the rows are A to Z. Then "add a
 * button that marks all the todos as done" adds a button whose new handler ticks every row.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function ask(page: Page, message: string): Promise<void> {
  await page.locator('[data-tab="assist"]').click();
  const input = page.locator('[data-assist-input]');
  await input.fill(message);
  await input.press('Enter');
}

async function applyLast(page: Page): Promise<void> {
  const proposal = page.locator('[data-assist-proposal]').last();
  await expect(proposal).toBeVisible();
  await proposal.locator('[data-assist-apply]').click();
  await expect(proposal.locator('[data-assist-result]')).toContainText('Applied');
}

test('search, sort and mark-all recipes work on the canvas after apply', async ({
  page,
  request
}) => {
  const created = await request.post('/api/apps', { data: { template: 'todo' } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-connection="online"]')).toBeVisible();

  await ask(page, 'add a search box and sort the todos alphabetically');
  const proposal = page.locator('[data-assist-proposal]').last();
  await expect(proposal).toContainText('search box');
  await expect(proposal).toContainText('A to Z');
  await applyLast(page);

  await page.locator('[data-mode-button="use"]').click();
  const canvas = page.locator('[data-canvas]');
  const rows = canvas.locator('input[type="checkbox"]');
  await expect(rows).toHaveCount(2);
  // A to Z: "Reshape this app" before "Try Malleable".
  await expect(canvas.locator('label').filter({ hasText: 'Reshape' })).toBeVisible();
  const labels = await canvas.locator('label').allTextContents();
  const reshape = labels.findIndex((t) => t.includes('Reshape'));
  const tryIt = labels.findIndex((t) => t.includes('Try Malleable'));
  expect(reshape).toBeGreaterThanOrEqual(0);
  expect(reshape).toBeLessThan(tryIt);
  await canvas.locator('input[type="search"]').fill('malle');
  await expect(rows).toHaveCount(1);
  await expect(canvas.locator('label').filter({ hasText: 'Try Malleable' })).toBeVisible();
  await page.screenshot({ path: 'test-results/assist-recipes-search.png' });
  await canvas.locator('input[type="search"]').fill('');
  await expect(rows).toHaveCount(2);

  await ask(page, 'add a button that marks all the todos as done');
  await applyLast(page);
  await page.locator('[data-mode-button="use"]').click();
  await canvas.getByRole('button', { name: 'Mark all done' }).click();
  await expect(canvas.locator('input[type="checkbox"]:checked')).toHaveCount(2);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/assist-recipes-1024.png' });
  const file = await (await request.get(`/api/apps/${id}/file`)).text();
  expect(file).toContain('markAllDone');
});
