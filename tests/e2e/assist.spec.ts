/**
 * The AI sidebar with no API key (the offline planner, as `npm start` runs it): ask for a dark
 * mode toggle, see the proposal (changes in words, the code diff, the proposed app on the
 * canvas), apply it, use it, and undo it in one step, while a second person keeps editing. A
 * partly accepted proposal whose kept ops need a left-out one is refused with the reason, and a
 * user-role person asking for a definition change gets it only as a suggestion (issue 16).
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function newApp(request: APIRequestContext): Promise<string> {
  const created = await request.post('/api/apps', { data: { template: 'todo' } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

async function ask(page: Page, message: string): Promise<void> {
  await page.locator('[data-tab="assist"]').click();
  const input = page.locator('[data-assist-input]');
  await input.fill(message);
  await input.press('Enter');
}

test('ask for a dark mode toggle, preview, apply, use it, and undo it in one step', async ({
  page,
  browser,
  request
}) => {
  const id = await newApp(request);
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
  // A second person edits the same app meanwhile.
  const made = await request.post(`/api/apps/${id}/links`, {
    data: { role: 'editor', expiresIn: 3600 }
  });
  const { token } = (await made.json()) as { token: string };
  const other = await (await browser.newContext()).newPage();
  await other.goto(`/apps/${id}?token=${token}`);
  await expect(other.locator('[data-connection="online"]')).toBeVisible();

  await ask(page, 'Add a dark mode toggle');
  await expect(page.locator('[data-assist-engine="offline"]')).toContainText('Offline planner');
  const proposal = page.locator('[data-assist-proposal]');
  await expect(proposal).toBeVisible();
  await expect(proposal.locator('[data-assist-change]')).not.toHaveCount(0);
  await proposal.locator('[data-assist-diff] summary').click();
  await expect(proposal.locator('[data-assist-diff] .code').first()).toContainText('Toggle');
  // The proposed app is on the canvas, not yet in the app.
  await expect(page.locator('[data-preview-banner]')).toBeVisible();
  await expect(page.locator('[data-canvas] .toggle')).toHaveCount(1);
  await expect(other.locator('[data-canvas] .toggle')).toHaveCount(0);
  // The README's picture of the sidebar.
  await page.screenshot({ path: 'docs/assist.png' });

  // The other person edits while the proposal waits; applying still works (re-planned).
  const heading = other.locator('[data-canvas] h1').first();
  await heading.dblclick();
  await other.locator('[data-inline-editor]').fill('Shared list');
  await other.locator('[data-inline-editor]').press('Enter');
  // (The canvas still shows the proposal as it was made; the app itself has the new title.)
  await expect
    .poll(async () =>
      (await (await request.get(`/api/apps/${id}/file`)).text()).includes('Shared list')
    )
    .toBe(true);

  await proposal.locator('[data-assist-apply]').click();
  await expect(proposal.locator('[data-assist-result]')).toContainText('Applied');
  await expect(page.locator('[data-preview-banner]')).toHaveCount(0);
  // Applied to the app as it is now: the other person's title is kept.
  await expect(page.locator('[data-canvas] h1').first()).toHaveText('Shared list');
  await expect(other.locator('[data-canvas] .toggle')).toHaveCount(1);

  // Use it: the app turns dark.
  await page.locator('[data-mode-button="use"]').click();
  await expect(page.locator('[data-canvas] [data-theme="dark"]')).toHaveCount(0);
  await page.locator('[data-canvas] .toggle').click();
  await expect(page.locator('[data-canvas] [data-theme="dark"]').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/assist-dark.png' });

  // One undo takes the whole proposal back; the other person's title stays.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('[data-canvas] .toggle')).toHaveCount(0);
  await expect(other.locator('[data-canvas] .toggle')).toHaveCount(0);
  await expect(page.locator('[data-canvas] h1').first()).toHaveText('Shared list');
  // The history names the request.
  const file = (await (await request.get(`/api/apps/${id}/file`)).json()) as object;
  expect(JSON.stringify(file)).not.toContain('"Toggle"');
  await other.context().close();
});

test('a partly accepted proposal, a refusal, and a user asking to change the app', async ({
  page,
  browser,
  request
}) => {
  const id = await newApp(request);
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-connection="online"]')).toBeVisible();

  // A counter: leave out its state field; the kept ops need it, so it is taken along, and said
  // so (tests/e2e/assist-sidebar.spec.ts has the rest of partial applies).
  await ask(page, 'Add a counter');
  const proposal = page.locator('[data-assist-proposal]').last();
  await expect(proposal).toBeVisible();
  await proposal.locator('[data-assist-change="0"]').uncheck();
  await expect(proposal.locator('[data-assist-needs]')).toContainText('state field count');
  await expect(proposal.locator('[data-assist-apply]')).toHaveText('Apply');
  // Discarded: nothing changes.
  await proposal.locator('[data-assist-discard]').click();
  const before = await (await request.get(`/api/apps/${id}/file`)).text();

  // Something outside the grammar: a refusal that says what is understood.
  await ask(page, 'Write me a poem about databases');
  await expect(page.locator('[data-assist-refusal]').last()).toBeVisible();

  // A user-role link: the assistant acts with the person's rights.
  const made = await request.post(`/api/apps/${id}/links`, {
    data: { role: 'user', expiresIn: 3600 }
  });
  const { token } = (await made.json()) as { token: string };
  const user = await (await browser.newContext()).newPage();
  // Their link opens the app page (issue 16), where a proposal can only be suggested.
  await user.goto(`/apps/${id}?token=${token}`);
  await expect(user.locator('[data-app-page]')).toBeVisible();
  await expect(user.locator('[data-connection="online"]')).toBeVisible();
  await user.locator('[data-ask]').click();
  await user.locator('[data-assist-input]').fill('Add a dark mode toggle');
  await user.locator('[data-assist-input]').press('Enter');
  const suggested = user.locator('[data-assist-proposal]').last();
  await expect(suggested.locator('[data-assist-suggest]')).toBeVisible();
  await expect(suggested.locator('[data-assist-apply]')).toHaveCount(0);
  // Their token on the apply route is refused with the reason.
  const applied = await request.post('/api/assist/apply', {
    headers: { authorization: `Bearer ${token}` },
    data: { appId: id, ops: [{ op: 'setMeta', name: 'title', value: 'Mine' }] }
  });
  expect(applied.status()).toBe(403);
  expect(((await applied.json()) as { errors: { code: string }[] }).errors[0].code).toBe(
    'E_FORBIDDEN'
  );
  expect(await (await request.get(`/api/apps/${id}/file`)).text()).toBe(before);
  await user.screenshot({ path: 'test-results/assist-user.png' });
  await user.context().close();
});

test('a request it does not understand offers phrasings to click; data sent out is refused with its code; the newest answer stays in view', async ({
  page,
  request
}) => {
  const id = await newApp(request);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-connection="online"]')).toBeVisible();

  await ask(page, 'send my todos to http://evil.example');
  await expect(page.locator('[data-assist-refusal]').last()).toContainText('E_AI_DATA_LEAVES_APP');

  // Not understood: up to three phrasings it does understand, each a button that asks it.
  await ask(page, 'make the whole thing sparkle like a disco');
  const refusal = page.locator('[data-assist-refusal]').last();
  const suggestions = refusal.locator('[data-assist-suggestion]');
  await expect(suggestions.first()).toBeVisible();
  expect(await suggestions.count()).toBeLessThanOrEqual(3);
  await page.screenshot({ path: 'test-results/assist-suggestions.png' });
  const phrasing = (await suggestions.first().textContent())!.trim();
  const turns = page.locator('[data-assist-turn]');
  const before = await turns.count();
  await suggestions.first().click();
  await expect(turns).toHaveCount(before + 1);
  await expect(turns.last().locator('.you')).toContainText(phrasing);
  await expect(turns.last().locator('[data-assist-status]')).toHaveCount(0, { timeout: 15_000 });

  // A long thread: after each answer the newest turn is within the sidebar's visible area.
  for (let i = 0; i < 6; i++) {
    await ask(page, i % 2 === 0 ? 'Write me a poem about databases' : 'Add a counter');
    await expect(turns).toHaveCount(before + 2 + i);
    await expect(turns.last().locator('[data-assist-status]')).toHaveCount(0, { timeout: 15_000 });
    await expect(turns.last()).toBeInViewport();
  }
  await expect(
    page.locator('[data-assist-proposal]').last().locator('[data-assist-apply]')
  ).toBeInViewport();
});
