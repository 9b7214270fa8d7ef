/**
 * The AI sidebar's proposals as a person handles them (issue 15, "The sidebar"): a partial apply
 * takes along what a chosen change needs, and says so; what was left out stays choosable and the
 * thread takes follow-ups; the preview runs the proposed app with the app's current data, and
 * its new toggle can be flipped.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newApp } from './apps';

async function ask(page: Page, message: string): Promise<void> {
  await page.locator('[data-tab="assist"]').click();
  const input = page.locator('[data-assist-input]');
  await input.fill(message);
  await input.press('Enter');
}

interface FileShape {
  components: { handlers?: Record<string, unknown>; state?: Record<string, unknown> }[];
}

async function appFile(request: APIRequestContext, id: string): Promise<string> {
  return (await request.get(`/api/apps/${id}/file`)).text();
}

test('a partial apply takes along what a chosen change needs, and the rest stays choosable', async ({
  page,
  request
}) => {
  const id = await newApp(request);
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-connection="online"]')).toBeVisible();

  // The counter: its state field, two handlers, and a row whose buttons call them.
  await ask(page, 'Add a counter');
  const proposal = page.locator('[data-assist-proposal]').last();
  await expect(proposal.locator('[data-assist-change]')).toHaveCount(4);
  const change = (i: number) => proposal.locator(`[data-assist-change="${i}"]`);

  // Leaving out a handler the row's button calls: the handler is taken along, and said so
  // (it used to refuse the whole batch, and the proposal could not be changed afterwards).
  await change(1).uncheck();
  const note = proposal.locator('[data-assist-needs]');
  await expect(note).toContainText('incrementCount');
  await expect(note).toContainText('needs');
  await expect(proposal.locator('[data-assist-needed="1"]')).toBeVisible();
  await page.screenshot({ path: 'test-results/assist-partial-note.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(note).toBeInViewport();
  await page.screenshot({ path: 'test-results/assist-partial-note-1024.png' });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Leave the row out too: nothing needs the handler any more, and the note goes.
  await change(3).uncheck();
  await expect(note).toHaveCount(0);
  await expect(proposal.locator('[data-assist-apply]')).toHaveText('Apply chosen');
  await proposal.locator('[data-assist-apply]').click();
  await expect(proposal.locator('[data-assist-result]')).toContainText('Applied');
  let file = JSON.parse(await appFile(request, id)) as FileShape;
  expect(Object.keys(file.components[0].handlers ?? {})).toContain('decrementCount');
  expect(Object.keys(file.components[0].handlers ?? {})).not.toContain('incrementCount');

  // What was applied is marked and fixed; what was left out can still be chosen and applied.
  await expect(change(0)).toBeDisabled();
  await expect(change(2)).toBeDisabled();
  await expect(change(1)).toBeEnabled();
  await change(3).check();
  // The row still needs incrementCount, which is not in the app yet: it is taken along again.
  await expect(note).toContainText('incrementCount');
  await expect(proposal.locator('[data-assist-apply]')).toHaveText('Apply the rest');
  await page.screenshot({ path: 'test-results/assist-partial-rest.png' });
  await proposal.locator('[data-assist-apply]').click();
  await expect(proposal.locator('[data-assist-result]')).toContainText('Applied');
  await expect(proposal.locator('[data-assist-apply]')).toHaveCount(0);
  file = JSON.parse(await appFile(request, id)) as FileShape;
  expect(Object.keys(file.components[0].handlers ?? {})).toEqual(
    expect.arrayContaining(['incrementCount', 'decrementCount'])
  );
  // The row works: + counts up.
  await page.locator('[data-mode-button="use"]').click();
  await page.locator('[data-canvas] button', { hasText: '+' }).click();
  await expect(page.locator('[data-canvas]')).toContainText('1');
  await expect(page.locator('[data-live-error]')).toHaveCount(0);

  // The thread takes a follow-up after a partial apply.
  await page.locator('[data-mode-button="edit"]').click();
  await ask(page, 'Make the add button secondary');
  await expect(page.locator('[data-assist-proposal]')).toHaveCount(2);
  await expect(
    page.locator('[data-assist-proposal]').last().locator('[data-assist-apply]')
  ).toBeEnabled();
});

test('choosing only the row takes everything it needs along; a refused apply leaves the proposal open', async ({
  page,
  request
}) => {
  const id = await newApp(request);
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
  await ask(page, 'Add a counter');
  const proposal = page.locator('[data-assist-proposal]').last();
  await expect(proposal.locator('[data-assist-change]')).toHaveCount(4);
  // The state field and both handlers are needed by the row: choosing only the row takes all.
  for (const i of [0, 1, 2]) await proposal.locator(`[data-assist-change="${i}"]`).uncheck();
  const note = proposal.locator('[data-assist-needs]');
  await expect(note).toContainText('state field count');
  await expect(proposal.locator('[data-assist-needed]')).toHaveCount(3);
  const before = await appFile(request, id);
  await proposal.locator('[data-assist-apply]').click();
  await expect(proposal.locator('[data-assist-result]')).toContainText('Applied');
  expect(await appFile(request, id)).not.toBe(before);

  // A proposal that no longer fits (someone removed its element meanwhile) is refused with its
  // code, nothing changes, and the proposal stays open to choose again or discard.
  await ask(page, 'Make the add button secondary');
  const second = page.locator('[data-assist-proposal]').last();
  await expect(second.locator('[data-assist-change]')).toHaveCount(1);
  const file = JSON.parse(await appFile(request, id)) as { components: { view: unknown }[] };
  const button = JSON.stringify(file).match(
    /"id":"([a-z0-9]+)","type":"Button","props":\{"label":"Add"/
  );
  expect(button).not.toBeNull();
  const removed = await request.post(`/api/apps/${id}/ops`, {
    data: { ops: [{ op: 'removeNode', id: button![1] }] }
  });
  expect(removed.status()).toBe(200);
  const unchanged = await appFile(request, id);
  await second.locator('[data-assist-apply]').click();
  await expect(second.locator('[data-assist-result]')).toContainText('E_NODE_NOT_FOUND');
  expect(await appFile(request, id)).toBe(unchanged);
  await expect(second.locator('[data-assist-change="0"]')).toBeEnabled();
  await expect(second.locator('[data-assist-apply]')).toBeEnabled();
  await second.locator('[data-assist-discard]').click();
  await expect(second.locator('[data-assist-result]')).toContainText('Discarded');
});

test('the preview runs the proposal with the app’s data, and its new toggle can be flipped', async ({
  page,
  request
}) => {
  const id = await newApp(request);
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
  // Data of this app that is not the template's: an item added in Use mode.
  await page.locator('[data-mode-button="use"]').click();
  await page.locator('[data-canvas] input[type="text"]').first().fill('Buy oat milk');
  await page.locator('[data-canvas] button', { hasText: 'Add' }).click();
  await expect.poll(async () => (await appFile(request, id)).includes('Buy oat milk')).toBe(true);
  // Something typed but not added (a `local` field) is kept in the preview as well.
  await page.locator('[data-canvas] input[type="text"]').first().fill('half typed');

  await ask(page, 'Add a dark mode toggle');
  await expect(page.locator('[data-preview-banner]')).toBeVisible();
  const canvas = page.locator('[data-canvas]');
  await expect(canvas.locator('.toggle')).toHaveCount(1);
  await expect(canvas).toContainText('Buy oat milk');
  await expect(canvas.locator('input[type="text"]').first()).toHaveValue('half typed');

  // Flip the new toggle in the preview: the proposed app turns dark, with no render error.
  await page.locator('[data-mode-button="use"]').click();
  await canvas.locator('.toggle').click();
  await expect(canvas.locator('[data-theme="dark"]').first()).toBeVisible();
  await expect(page.locator('[data-live-error]')).toHaveCount(0);
  await canvas.locator('.toggle').click();
  await expect(canvas.locator('[data-theme="dark"]')).toHaveCount(0);
  await expect(page.locator('[data-live-error]')).toHaveCount(0);

  // Another tab of this person stores its personal values meanwhile (a real `storage` event
  // here): the preview reloads with the app's data, and keeps its own new field. It used to
  // reload the proposed app with the live app's fields only, and the toggle's `checked` was
  // undefined: E_RENDER.
  await canvas.locator('.toggle').click();
  await expect(canvas.locator('[data-theme="dark"]').first()).toBeVisible();
  const tab = await page.context().newPage();
  await tab.goto('/');
  await tab.evaluate((key) => localStorage.setItem(key, '{}'), `malleable:person:${id}`);
  await tab.close();
  await page.waitForTimeout(500);
  await expect(page.locator('[data-live-error]')).toHaveCount(0);
  await expect(canvas.locator('.toggle')).toHaveCount(1);
  await expect(canvas.locator('[data-theme="dark"]').first()).toBeVisible();
  await canvas.locator('.toggle').click();
  await expect(canvas.locator('[data-theme="dark"]')).toHaveCount(0);
  await expect(page.locator('[data-live-error]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/assist-preview-toggle.png' });

  // Trying it out changed nothing in the app.
  expect(await appFile(request, id)).not.toContain('"dark"');
  await page.locator('[data-preview-banner] button').first().click();
  await expect(canvas.locator('.toggle')).toHaveCount(0);
  await expect(canvas).toContainText('Buy oat milk');
});

test('a link to another site is proposed with its origin, and applies once the owner approves', async ({
  page,
  request
}) => {
  const id = await newApp(request);
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
  await ask(page, 'add a link to the garden rota at https://rota.example.net/may');
  const proposal = page.locator('[data-assist-proposal]').last();
  await expect(proposal).toContainText('https://rota.example.net');
  // A new capability: Apply waits for the owner's tick (it used to fail at the gate instead).
  const apply = proposal.locator('[data-assist-apply]');
  await expect(apply).toBeDisabled();
  await page.screenshot({ path: 'test-results/assist-link-origin.png' });
  await proposal.locator('[data-assist-approve]').check();
  await apply.click();
  await expect(proposal.locator('[data-assist-result]')).toContainText('Applied');
  const link = page.locator('[data-canvas] a', { hasText: 'Garden rota' });
  await expect(link).toHaveAttribute('href', 'https://rota.example.net/may');
  const file = JSON.parse(await appFile(request, id)) as {
    components: { capabilities?: { network?: { origins: string[] } } }[];
  };
  expect(file.components[0].capabilities?.network?.origins).toEqual(['https://rota.example.net']);
});
