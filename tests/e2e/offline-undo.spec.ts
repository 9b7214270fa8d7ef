/**
 * My undo in the studio, offline as online (issue 13), as a person uses it: two steps made online
 * (a literal written in the browser first, an expression the server committed), a peer's change
 * between them, then the connection goes; both undos work offline, one redo, and back online the
 * server and a second browser end where this one did, the peer's change untouched, and the
 * History panel names who undid. A redo that brings code back is checked by the browser's gate.
 */
import { expect, test } from './fixtures';

test('offline, undo reaches the steps made before the connection went, never a peer’s, and syncs', async ({
  page,
  browser,
  request
}) => {
  const created = await request.post('/api/apps', { data: { template: 'todo' } });
  const id = ((await created.json()) as { id: string }).id;
  await page.goto(`/apps/${id}`);
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'running');
  await expect(page.locator('[data-connection="online"]')).toBeVisible();

  const made = await request.post(`/api/apps/${id}/links`, {
    data: { role: 'editor', expiresIn: 3600 }
  });
  const { url } = (await made.json()) as { url: string };
  const other = await (await browser.newContext()).newPage();
  await other.goto(url);
  const otherCanvas = other.locator('[data-canvas]');
  await expect(otherCanvas).toHaveAttribute('data-live-state', 'running');

  const heading = canvas.locator('h1').first();
  const undo = page.getByRole('button', { name: 'Undo', exact: true }).first();
  const redo = page.getByRole('button', { name: 'Redo', exact: true }).first();
  await expect(undo).toBeDisabled();

  // Step 1 (online, written in this browser first): a literal title.
  await heading.click();
  const text = page.locator('[data-inspector] [data-prop="text"]').locator('input').first();
  await text.fill('Groceries');
  await text.press('Enter');
  await expect(heading).toHaveText('Groceries');
  await expect(otherCanvas.locator('h1').first()).toHaveText('Groceries');

  // The peer changes the Add button's label meanwhile.
  await other.locator('[data-outline-node]', { hasText: 'Button' }).first().click();
  const label = other.locator('[data-inspector] [data-prop="label"]').locator('input').first();
  await label.fill('Put on list');
  await label.press('Enter');
  const peerButton = canvas.getByRole('button', { name: 'Put on list', exact: true });
  await expect(peerButton).toBeVisible();

  // Step 2 (online, committed by the server: an expression needs its type checker).
  await heading.click();
  await page.locator('[data-inspector] [data-prop="text"] [data-expr-toggle]').first().click();
  const expr = page.locator('[data-inspector] [data-prop="text"] [data-expr-input]');
  await expr.fill("'Todo: ' + state.items.length");
  await expr.press('Enter');
  await expect(heading).toHaveText('Todo: 2');
  await expect(undo).toBeEnabled();

  // The connection goes: both steps made before it are still mine to undo.
  await page.context().setOffline(true);
  await expect(page.locator('[data-connection="offline"]')).toBeVisible();
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(heading).toHaveText('Groceries');
  await undo.click();
  await expect(heading).toHaveText('Todo');
  await expect(undo).toBeDisabled();
  // The peer's change is not mine: still there.
  await expect(peerButton).toBeVisible();
  await redo.click();
  await expect(heading).toHaveText('Groceries');
  await expect(redo).toBeEnabled();
  // Nothing reached the server yet.
  await expect(otherCanvas.locator('h1').first()).toHaveText('Todo: 2');

  // Back online: the server and the second browser end where this one did.
  await page.context().setOffline(false);
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
  await expect(otherCanvas.locator('h1').first()).toHaveText('Groceries');
  await expect(otherCanvas.getByRole('button', { name: 'Put on list', exact: true })).toBeVisible();
  await expect
    .poll(async () => JSON.stringify(await (await request.get(`/api/apps/${id}/file`)).json()))
    .toContain('Groceries');
  const file = JSON.stringify(await (await request.get(`/api/apps/${id}/file`)).json());
  expect(file).not.toContain("'Todo: ' + state.items.length");
  expect(file).toContain('Put on list');

  // The History panel in the second browser: two undos and a redo, by the first person.
  await other.getByRole('tab', { name: 'History' }).click();
  const undone = other.locator('[data-history-entry][data-source="undo"]');
  await expect(undone).toHaveCount(3);
  await expect(undone.locator('.summary').nth(0)).toHaveText(/^Redid: /);
  await expect(undone.locator('.summary').nth(1)).toHaveText(/^Undid: /);
  await expect(undone.locator('.summary').nth(2)).toHaveText(/^Undid: /);
  const who = await undone.first().locator('[data-history-who]').getAttribute('data-history-who');
  expect(who).toMatch(/^owner/);
  await expect(undone.first().locator('[data-history-who]')).not.toContainText('(you)');
  // In the first browser the same entries are mine.
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(
    page.locator('[data-history-entry][data-source="undo"] [data-history-who]').first()
  ).toContainText('(you)');

  // Redo brings the expression back: code, checked by this browser's gate before it is written.
  await redo.click();
  await expect(heading).toHaveText('Todo: 2');
  await expect(otherCanvas.locator('h1').first()).toHaveText('Todo: 2');
  await expect(redo).toBeDisabled();
  await page.screenshot({ path: 'test-results/offline-undo-1440.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/offline-undo-1024.png' });
  await other.context().close();
});
