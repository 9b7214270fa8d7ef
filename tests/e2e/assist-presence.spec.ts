/**
 * The AI in presence (issue 15): while Ann's turn runs, Bob, in the same app in another browser,
 * sees "Assistant (for Ann)" among the people with its status, and a frame around the element
 * its proposal touches; after Ann applies, Bob's history shows the change under Ann, with her
 * request, and Ann undoes the whole turn in one step.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { link, newApp } from './apps';

/** Opens a share link in a fresh context as `name`. */
async function open(browser: Browser, url: string, name: string): Promise<Page> {
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

test('Bob sees Ann’s assistant at work, the element it touches, and the change under Ann', async ({
  browser,
  request
}) => {
  const id = await newApp(request);
  const ann = await open(browser, await link(request, id, 'editor'), 'Ann');
  const bob = await open(browser, await link(request, id, 'editor'), 'Bob');
  await expect(bob.locator('[data-presence] [data-peer]:not([data-self])')).toHaveCount(1);
  // Nobody's assistant is at work yet.
  await expect(bob.locator('[data-assistant]')).toHaveCount(0);

  const heading = ann.locator('[data-canvas] h1').first();
  const headingId = await heading.getAttribute('data-node-id');
  expect(headingId).toBeTruthy();

  // Ann's request takes a moment to reach the assistant (held back here, as a slow model is),
  // so Bob sees it thinking first.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await ann.route('**/api/assist', async (route) => {
    await held;
    await route.continue();
  });
  await ann.locator('[data-tab="assist"]').click();
  await ann.locator('[data-assist-input]').fill('Change the heading to "Groceries"');
  await ann.locator('[data-assist-input]').press('Enter');
  const assistant = bob.locator('[data-presence] [data-assistant]');
  await expect(assistant).toHaveAttribute('data-assistant-status', 'thinking');
  await expect(assistant).toContainText('thinking');
  await bob.screenshot({ path: 'test-results/assist-presence-thinking.png' });
  release();
  const proposal = ann.locator('[data-assist-proposal]').last();
  await expect(proposal).toBeVisible();

  // Bob: the assistant is a collaborator acting for Ann, proposing, and frames the heading.
  await expect(assistant).toHaveCount(1);
  await expect(assistant).toContainText('Assistant (for Ann)');
  await expect(assistant).toHaveAttribute('data-assistant-status', 'proposing');
  const frame = bob.locator(`[data-peer-selection^="assistant:"][data-for="${headingId}"]`);
  await expect(frame).toBeVisible();
  await expect(frame).toContainText('Assistant (for Ann)');
  // Ann does not see her own assistant as someone else.
  await expect(ann.locator('[data-assistant]')).toHaveCount(0);
  await bob.screenshot({ path: 'test-results/assist-presence-bob.png' });
  await bob.setViewportSize({ width: 1024, height: 768 });
  await bob.screenshot({ path: 'test-results/assist-presence-bob-1024.png' });

  // Ann applies: Bob sees it applied, the new heading, and the change under Ann in his history.
  await proposal.locator('[data-assist-apply]').click();
  await expect(proposal.locator('[data-assist-result]')).toContainText('Applied');
  await expect(assistant).toHaveAttribute('data-assistant-status', 'applied');
  await expect(bob.locator('[data-canvas] h1').first()).toHaveText('Groceries');
  await bob.locator('[data-tab="history"]').click();
  const entry = bob.locator('[data-history-entry][data-source="ai"]').first();
  await expect(entry).toContainText('Change the heading to "Groceries"');
  await expect(entry.locator('[data-history-who]')).toHaveText('Ann');
  // A moment later the assistant leaves Bob's list.
  await expect(assistant).toHaveCount(0, { timeout: 15_000 });

  // The turn is one undo step of Ann's.
  await ann.getByRole('button', { name: 'Undo' }).click();
  await expect(bob.locator('[data-canvas] h1').first()).toHaveText('Todo');

  await ann.context().close();
  await bob.context().close();
});
