/**
 * The home page's template previews: each template the home page offers, opened in the real
 * studio in Use mode (the app as its users see it), its page photographed to
 * static/templates/<name>.png. Run with the other browser tests; the unit test
 * tests/unit/template-previews.test.ts checks every template has one, and this test that the
 * home page shows them.
 */
import { expect, test } from './fixtures';

test('every template is photographed from the studio and shown on the home page', async ({
  page,
  request
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  const names = await page
    .locator('[data-template]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-template')!));
  expect(names.length).toBeGreaterThanOrEqual(4);

  await page.setViewportSize({ width: 1200, height: 900 });
  for (const name of names) {
    const created = await request.post('/api/apps', { data: { template: name } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await page.goto(`/apps/${id}`);
    const canvas = page.locator('[data-canvas]');
    await expect(canvas).toHaveAttribute('data-live-state', 'running');
    await page.locator('[data-mode-button="use"]').click();
    await expect(canvas).toHaveAttribute('data-canvas-mode', 'use');
    const shot = await page
      .locator('[data-canvas-page]')
      .screenshot({ path: `static/templates/${name}.png`, scale: 'css' });
    expect(shot.length).toBeGreaterThan(1000);
  }

  // The home page draws each one (loaded, not a broken image).
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  for (const name of names) {
    const img = page.locator(`[data-template="${name}"] [data-template-preview]`);
    await expect(img).toBeVisible();
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth))
      .toBeGreaterThan(200);
  }
  await page.screenshot({ path: 'test-results/home-1440.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/home-1024.png' });
});
