/**
 * The browser's own copy of an app (issue 13, local first), as a person meets it: the connection
 * goes, they change the heading (kept in this browser), close the tab before the connection comes
 * back, and open the app again later, online. The change they made offline is on the canvas and
 * reaches the server; nothing of it was lost with the tab.
 */
import { expect, test } from './fixtures';

test('an edit made offline survives closing the tab and syncs when the app is opened again', async ({
  page,
  request
}) => {
  const created = await request.post('/api/apps', { data: { template: 'todo' } });
  const id = ((await created.json()) as { id: string }).id;
  await page.goto(`/apps/${id}`);
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'running');
  await expect(page.locator('[data-connection="online"]')).toBeVisible();

  await page.context().setOffline(true);
  await expect(page.locator('[data-connection="offline"]')).toBeVisible();
  const heading = canvas.locator('h1').first();
  await heading.click();
  const text = page.locator('[data-inspector] [data-prop="text"]').locator('input').first();
  await text.fill('Packed offline');
  await text.press('Enter');
  await expect(heading).toHaveText('Packed offline');
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  // The copy is written as the edit is made: wait until IndexedDB holds more than the document
  // it started from, then close the tab with the connection still gone.
  await expect
    .poll(() =>
      page.evaluate(
        (name) =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open(name);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('updates')) return resolve(0);
              const count = db.transaction('updates').objectStore('updates').count();
              count.onsuccess = () => resolve(count.result);
            };
            open.onerror = () => resolve(-1);
          }),
        `malleable:${id}`
      )
    )
    .toBeGreaterThan(1);
  const title = async () =>
    (
      (await (await request.get(`/api/apps/${id}/file`)).json()) as {
        components: { view: { children?: { props?: { text?: unknown } }[] } }[];
      }
    ).components[0].view.children?.[0]?.props?.text;
  expect(await title()).toBe('Todo');
  await page.close();

  const again = await page.context().newPage();
  await again.context().setOffline(false);
  await again.goto(`/apps/${id}`);
  await expect(again.locator('[data-canvas] h1').first()).toHaveText('Packed offline');
  await expect(again.locator('[data-connection="online"]')).toBeVisible();
  await expect.poll(title).toBe('Packed offline');
});
