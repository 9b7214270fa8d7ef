/**
 * Styling an element from the inspector's Style section: padding, background and radius picked
 * from the design tokens show on the canvas (computed style), each change is one undo step, and
 * the Code tab shows the style in the JSX. A style outside the tokens, CSS text or a `__proto__`
 * key sent over the API is refused with its code and nothing is stored.
 * Screenshots of the section at 1440×900 and 1024×768 go to docs/.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newApp } from './apps';
import { addCard } from './app-view';

async function computed(page: Page, id: string) {
  return page
    .locator(`[data-canvas] [data-node-id="${id}"]`)
    .first()
    .evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        padding: s.paddingTop,
        radius: s.borderTopLeftRadius,
        background: s.backgroundColor
      };
    });
}

test('padding, background and radius from the Style section, on the canvas, in the code, one undo each', async ({
  page,
  request
}) => {
  const id = await newApp(request);
  const card = await addCard(request, id);
  await page.goto(`/apps/${id}`);
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'running');
  const before = await computed(page, card);

  await canvas
    .locator(`[data-node-id="${card}"]`)
    .first()
    .click({ position: { x: 6, y: 6 } });
  const section = page.locator('[data-style-section]');
  await expect(section).toBeVisible();
  await expect(section.getByRole('heading', { name: 'Style' })).toBeVisible();

  await section.getByLabel('Padding', { exact: true }).selectOption('xl');
  await expect.poll(async () => (await computed(page, card)).padding).toBe('32px');
  await section.getByLabel('Background', { exact: true }).selectOption('accent-soft');
  await expect
    .poll(async () => (await computed(page, card)).background)
    .not.toBe(before.background);
  await section.getByLabel('Radius', { exact: true }).selectOption('full');
  await expect.poll(async () => (await computed(page, card)).radius).toBe('9999px');
  const styled = await computed(page, card);
  // accent-soft is the theme's own token, not a colour from the data.
  const accentSoft = await canvas.evaluate((el) => {
    const probe = document.createElement('div');
    probe.style.background = 'var(--color-accent-soft)';
    el.querySelector('[data-node-id]')!.appendChild(probe);
    const value = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return value;
  });
  expect(styled.background).toBe(accentSoft);

  // The file holds token words only.
  const stored = JSON.stringify(await (await request.get(`/api/apps/${id}/file`)).json());
  expect(stored).toContain('"style":{"padding":"xl","radius":"full","background":"accent-soft"}');

  await section.scrollIntoViewIfNeeded();
  // The sidebar scrolled to the section, not the studio: the page itself never scrolls (a tall
  // inspector once scrolled the whole studio up, leaving the window's lower half blank).
  expect(
    await page.evaluate(() => [
      window.scrollY,
      document.scrollingElement!.scrollHeight - innerHeight
    ])
  ).toEqual([0, 0]);
  await page.screenshot({ path: 'docs/style-section.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/style-section-1024.png' });
  await page.setViewportSize({ width: 1440, height: 900 });

  // The Code tab shows the style in the JSX.
  await page.getByRole('tab', { name: 'Code' }).click();
  const code = page.locator('[data-code-tab] .cm-content');
  await expect(code).toContainText('style={{');
  await expect(code).toContainText('padding: "xl"');
  await expect(code).toContainText('background: "accent-soft"');
  await page.getByRole('tab', { name: 'Inspect' }).click();

  // One undo per change: the radius goes first, then the background, then the padding.
  const undo = page.getByRole('button', { name: 'Undo', exact: true }).first();
  await undo.click();
  await expect.poll(async () => (await computed(page, card)).radius).toBe(before.radius);
  expect((await computed(page, card)).padding).toBe('32px');
  await undo.click();
  await expect.poll(async () => (await computed(page, card)).background).toBe(before.background);
  expect((await computed(page, card)).padding).toBe('32px');
  await undo.click();
  await expect.poll(async () => (await computed(page, card)).padding).toBe(before.padding);
  await expect(section.getByLabel('Padding', { exact: true })).toHaveValue('');
});

test('a style outside the tokens is refused with its code and nothing is stored', async ({
  request
}) => {
  const id = await newApp(request);
  const card = await addCard(request, id);
  const before = await (await request.get(`/api/apps/${id}/file`)).text();
  const attacks: unknown[] = [
    { background: 'url(https://evil.example/track.png)' },
    { color: 'expression(alert(1))' },
    { padding: '4px; position: fixed' },
    JSON.parse('{"__proto__": {"padding": "md"}}'),
    { position: 'fixed' },
    'padding: 4px'
  ];
  for (const value of attacks) {
    const res = await request.post(`/api/apps/${id}/ops`, {
      data: { ops: [{ op: 'setProp', id: card, name: 'style', value }] }
    });
    expect(res.status(), JSON.stringify(value)).toBe(422);
    const { errors } = (await res.json()) as { errors: { code: string }[] };
    expect(['E_STYLE_VALUE', 'E_PROP_TYPE']).toContain(errors[0].code);
  }
  // A raw body whose own __proto__ key JSON.parse keeps, as a hostile client would send it.
  const raw = await request.post(`/api/apps/${id}/ops`, {
    headers: { 'content-type': 'application/json' },
    data: `{"ops":[{"op":"setProp","id":"${card}","name":"style","value":{"__proto__":{"background":"url(x)"}}}]}`
  });
  expect(raw.status()).toBe(422);
  expect(await (await request.get(`/api/apps/${id}/file`)).text()).toBe(before);
  // The server keeps answering, and a style of tokens still goes through.
  const ok = await request.post(`/api/apps/${id}/ops`, {
    data: { ops: [{ op: 'setProp', id: card, name: 'style', value: { padding: 'md' } }] }
  });
  expect(ok.status()).toBe(200);
});

test('a background that follows the app’s state, as an expression of tokens; CSS text in one is refused', async ({
  page,
  request
}) => {
  const id = await newApp(request);
  const card = await addCard(request, id);
  await page.goto(`/apps/${id}`);
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'running');
  const tokenColour = (token: string) =>
    canvas.evaluate((el, token) => {
      const probe = document.createElement('div');
      probe.style.background = `var(--color-${token})`;
      el.querySelector('[data-node-id]')!.appendChild(probe);
      const value = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return value;
    }, token);
  const soft = (tone: string) =>
    canvas.evaluate((el, tone) => {
      const probe = document.createElement('div');
      probe.style.background = `color-mix(in srgb, var(--color-${tone}) 14%, var(--color-surface-raised))`;
      el.querySelector('[data-node-id]')!.appendChild(probe);
      const value = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return value;
    }, tone);
  const background = () =>
    canvas
      .locator(`[data-node-id="${card}"]`)
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);

  await canvas
    .locator(`[data-node-id="${card}"]`)
    .first()
    .click({ position: { x: 6, y: 6 } });
  const section = page.locator('[data-style-section]');
  await section.locator('[data-style-expression]').click();
  const box = section.getByLabel('Style expression');
  // CSS text inside an expression style is refused by the compile gate, under the box.
  await box.fill("({ background: 'url(https://evil.example/x.png)' })");
  await section.locator('[data-style-apply]').click();
  await expect(section.locator('[data-style-error]')).toContainText('E_TYPE');
  expect(JSON.stringify(await (await request.get(`/api/apps/${id}/file`)).json())).not.toContain(
    'evil.example'
  );

  // Two todos: success-soft; one: danger-soft, as the list changes in Use mode.
  await box.fill(
    "({ padding: 'lg', background: state.items.length > 1 ? 'success-soft' : 'danger-soft' })"
  );
  await section.locator('[data-style-apply]').click();
  await expect(section.locator('[data-style-error]')).toHaveCount(0);
  await expect.poll(background).toBe(await soft('success'));
  await page.getByRole('radio', { name: 'Use' }).click();
  await expect(canvas).toHaveAttribute('data-canvas-mode', 'use');
  await canvas.getByRole('button', { name: 'Delete' }).first().click();
  await expect.poll(background).toBe(await soft('danger'));
  expect(await background()).not.toBe(await tokenColour('surface-raised'));

  // Back to tokens: one step, the expression gone.
  await page.getByRole('radio', { name: 'Edit' }).click();
  await expect(canvas).toHaveAttribute('data-canvas-mode', 'edit');
  await canvas
    .locator(`[data-node-id="${card}"]`)
    .first()
    .click({ position: { x: 6, y: 6 } });
  await section.locator('[data-style-tokens]').click();
  await expect(section.getByLabel('Padding', { exact: true })).toHaveValue('');
  expect(JSON.stringify(await (await request.get(`/api/apps/${id}/file`)).json())).not.toContain(
    'success-soft'
  );
});
