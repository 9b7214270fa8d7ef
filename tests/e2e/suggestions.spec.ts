/**
 * Suggestions (issue 16), in two browsers against the built server with no API key (the offline
 * planner): a user asks the assistant on the app page for a button, and sends the proposal as a
 * suggestion; their token cannot apply it (403, nothing changes), nor can another site's page.
 * The owner sees it in the studio (who asked, the request, the preview and the diff) and applies
 * it: one change, the asker named in the history, and the user's app page shows the button. A
 * second suggestion is declined with a note, and the user sees the note. Writes
 * docs/suggestion.png.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { link, newApp } from './apps';

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

/** On the app page: asks the assistant, and sends its proposal as a suggestion. */
async function suggestFrom(user: Page, message: string): Promise<void> {
  const input = user.locator('[data-assist-input]');
  await input.fill(message);
  await input.press('Enter');
  const proposal = user.locator('[data-assist-proposal]').last();
  await expect(proposal.locator('[data-assist-apply]')).toHaveCount(0);
  await proposal.locator('[data-assist-suggest]').click();
  await expect(proposal.locator('[data-assist-result]')).toContainText('Suggested');
}

test('a user suggests a change, the owner applies it; a second is declined with a note the user sees', async ({
  browser,
  page,
  request
}) => {
  const id = await newApp(request);
  const url = await link(request, id, 'user');
  const token = new URL(url).searchParams.get('token')!;
  const user = await openAs(browser, url, 'Uma');
  const clearButtons = (p: Page) =>
    p.locator('[data-canvas]').getByRole('button', { name: 'Clear done' });
  const before = await clearButtons(user).count();
  const file = async () => (await request.get(`/api/apps/${id}/file`)).text();
  const original = await file();

  await user.locator('[data-ask]').click();
  await expect(user.locator('[data-ask-sidebar]')).toBeVisible();
  await suggestFrom(user, 'add a button to clear the done ones');
  const mine = user.locator('[data-my-suggestion]');
  await expect(mine).toHaveCount(1);
  await expect(mine.first()).toHaveAttribute('data-status', 'pending');
  await expect(mine.first()).toBeInViewport();
  expect(await file()).toBe(original);

  // The attack: the asker's own token on the apply and decline routes.
  const listed = await request.get(`/api/apps/${id}/suggestions`);
  const [suggestion] = ((await listed.json()) as { suggestions: { id: string }[] }).suggestions;
  for (const action of ['apply', 'decline']) {
    const tried = await request.post(`/api/apps/${id}/suggestions/${suggestion.id}/${action}`, {
      headers: { authorization: `Bearer ${token}` },
      data: {}
    });
    expect(tried.status()).toBe(403);
    expect(((await tried.json()) as { errors: { code: string }[] }).errors[0].code).toBe(
      'E_FORBIDDEN'
    );
  }
  // Another site's page, with the owner's credentials: refused at the boundary.
  const foreign = await request.post(`/api/apps/${id}/suggestions/${suggestion.id}/apply`, {
    headers: { origin: 'http://evil.example' },
    data: {}
  });
  expect(foreign.status()).toBe(403);
  expect(await file()).toBe(original);
  await expect(mine.first()).toHaveAttribute('data-status', 'pending');

  // The owner, in the studio: who asked, the request, the preview and the diff.
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
  await page.locator('[data-tab="suggestions"]').click();
  const card = page.locator(`[data-suggestion="${suggestion.id}"]`);
  await expect(card).toContainText('Uma');
  await expect(card.locator('[data-suggestion-request]')).toHaveText(
    'add a button to clear the done ones'
  );
  await card.locator('[data-suggestion-preview]').click();
  await expect(card.locator('[data-suggestion-diff]')).toContainText('Clear done');
  await expect(page.locator('[data-preview-banner]')).toBeVisible();
  await expect(clearButtons(page)).toHaveCount(before + 1);
  // The studio fits the window with the fifth tab (nothing scrolled sideways).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
  await page.screenshot({ path: 'docs/suggestion.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  await page.screenshot({ path: 'test-results/suggestion-1024.png' });
  await page.setViewportSize({ width: 1440, height: 900 });

  await card.locator('[data-suggestion-apply]').click();
  await expect(
    page.locator(`[data-suggestion="${suggestion.id}"][data-suggestion-status="applied"]`)
  ).toBeVisible();
  await expect(clearButtons(page)).toHaveCount(before + 1);
  // One change, in the history under the owner, naming the asker.
  await page.locator('[data-tab="history"]').click();
  await expect(page.locator('[data-history]').first()).toContainText(
    'Suggested by Uma: add a button to clear the done ones'
  );
  // The user's app page shows the button, and the suggestion as applied.
  await expect(clearButtons(user)).toHaveCount(before + 1);
  await expect(mine.first()).toHaveAttribute('data-status', 'applied');
  // Applied once: a second apply is refused.
  const twice = await request.post(`/api/apps/${id}/suggestions/${suggestion.id}/apply`, {
    data: {}
  });
  expect(twice.status()).toBe(409);

  // A second suggestion, declined with a note.
  await suggestFrom(user, 'change the heading to "Groceries"');
  await expect(mine).toHaveCount(2);
  await page.locator('[data-tab="suggestions"]').click();
  await page.locator('[data-suggestions-refresh]').click();
  const second = page.locator('[data-suggestion]').filter({ hasText: 'Groceries' }).first();
  await second.locator('[data-suggestion-decline]').click();
  await second
    .locator('[data-suggestion-note] textarea, textarea[data-suggestion-note]')
    .fill('We keep the name Todo; thanks!');
  await second.locator('[data-suggestion-decline-confirm]').click();
  await expect(page.locator('[data-suggestion][data-suggestion-status="declined"]')).toContainText(
    'We keep the name Todo; thanks!'
  );
  await expect(user.locator('[data-my-suggestion-note]')).toHaveText(
    'We keep the name Todo; thanks!'
  );
  await expect(user.locator('[data-my-suggestion-note]')).toBeInViewport();
  await expect(user.locator('[data-canvas]')).not.toContainText('Groceries');
  await user.screenshot({ path: 'test-results/suggestion-user.png' });
  await user.context().close();
});
