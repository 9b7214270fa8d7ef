/**
 * Components with props, the way a person makes them: select a card on the canvas, "Make
 * component", and the canvas looks the same while the outline shows an instance; one undo brings
 * the card back. Then a prop declared on the component, read by it as `props.label`, edited on the
 * instance's inspector, changes what the instance renders. A selection that uses the app's state
 * is refused with the code that names what it uses.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newApp } from './apps';
import { addCard, appView } from './app-view';

/** Where the card sits and what it shows, to compare before and after. */
async function cardLook(page: Page, selector: string) {
  const el = page.locator(`[data-canvas] ${selector}`).first();
  const box = (await el.boundingBox())!;
  return {
    box: [box.x, box.y, box.width, box.height].map(Math.round),
    text: await el.innerText()
  };
}

test('make a component from a card, the canvas unchanged, one undo; a declared prop set on the instance', async ({
  page,
  request
}) => {
  const id = await newApp(request);
  const card = await addCard(request, id);
  await page.goto(`/apps/${id}`);
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'running');
  const before = await cardLook(page, `[data-node-id="${card}"]`);

  // Select the card on the canvas, then Make component (the name is suggested from its title).
  await canvas
    .locator(`[data-node-id="${card}"]`)
    .first()
    .click({ position: { x: 6, y: 6 } });
  await page.locator('[data-make-component-start]').click();
  await expect(page.getByLabel('New component name')).toHaveValue('Tips');
  await page.locator('[data-make-component]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/make-component.png' });
  await page.locator('[data-make-component-submit]').click();

  // An instance in the card's place: the canvas looks the same, the outline shows the instance
  // and the new component, and the instance is selected.
  const instance = canvas.locator('[data-component="Tips"]');
  await expect(instance).toHaveCount(1);
  await expect(canvas.locator(`[data-node-id="${card}"]`)).toHaveCount(0);
  expect(await cardLook(page, '[data-component="Tips"] > *')).toEqual(before);
  await expect(page.locator('[data-outline-component="Tips"]')).toBeVisible();
  const instanceId = await instance.getAttribute('data-node-id');
  await expect(page.locator(`[data-outline-node="${instanceId}"]`)).toContainText('Tips');
  await expect(page.locator('[data-inspector] [data-node-type]')).toHaveText('Tips');
  const [app, tips] = await appView(request, id);
  expect(app.view.children[0]).toMatchObject({ type: 'Tips', props: {} });
  expect(tips).toMatchObject({ name: 'Tips', view: { type: 'Card', props: { title: 'Tips' } } });

  // One undo: the card is back where it was, with its id; the component is gone.
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect(canvas.locator(`[data-node-id="${card}"]`)).toHaveCount(1);
  await expect(instance).toHaveCount(0);
  await expect(page.locator('[data-outline-component="Tips"]')).toHaveCount(0);
  expect(await cardLook(page, `[data-node-id="${card}"]`)).toEqual(before);

  // Again, and this time give Tips a prop the card's text reads.
  await canvas
    .locator(`[data-node-id="${card}"]`)
    .first()
    .click({ position: { x: 6, y: 6 } });
  await page.locator('[data-make-component-start]').click();
  await page.locator('[data-make-component-submit]').click();
  await expect(instance).toHaveCount(1);
  await expect(page.locator('[data-inspector]')).toContainText('Tips declares no props yet.');
  await page.locator('[data-open-component]').click();
  const declare = page.locator('[data-declare-prop]');
  await declare.getByLabel('Prop name').fill('label');
  await declare.getByLabel('Type').selectOption('text');
  await declare.getByRole('button', { name: 'Add prop' }).click();
  await expect(page.locator('[data-declared-prop="label"]')).toContainText('props.label');
  await page.screenshot({ path: 'docs/component-props.png' });
  expect((await appView(request, id))[1].props).toEqual({ label: { type: 'string', default: '' } });

  // The text inside Tips reads props.label (set as a script would; the expression box is the
  // inspector's own, tested elsewhere).
  const text = (await appView(request, id))[1].view.children[0];
  const setExpr = await request.post(`/api/apps/${id}/ops`, {
    data: {
      ops: [
        {
          op: 'setProp',
          id: text.id,
          name: 'text',
          value: { $expr: "props.label || 'Keep lists short.'" }
        }
      ]
    }
  });
  expect(setExpr.status()).toBe(200);

  // The instance's inspector has a field for the prop; typing in it changes what it renders.
  const secondId = await instance.getAttribute('data-node-id');
  await page.locator(`[data-outline-node="${secondId}"]`).click();
  await expect(page.locator('[data-inspector] [data-node-type]')).toHaveText('Tips');
  const field = page.locator('[data-inspector] [data-prop="label"]').getByRole('textbox').first();
  await field.fill('Two minutes a day');
  await field.press('Enter');
  await expect(instance).toContainText('Two minutes a day');
  await expect(instance).not.toContainText('Keep lists short.');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'docs/instance-props-1024.png' });
  expect((await appView(request, id))[0].view.children[0].props).toEqual({
    label: 'Two minutes a day'
  });
});

test('a selection that uses the app’s state is refused, naming what it uses', async ({
  page,
  request
}) => {
  const id = await newApp(request);
  await page.goto(`/apps/${id}`);
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'running');
  const [app] = await appView(request, id);
  // The todo template's row of input and Add button binds state.draft and calls a handler.
  const row = app.view.children.find(
    (n) => n.type === 'Stack' && n.children.some((c) => c.type === 'TextInput')
  )!;
  await page.locator(`[data-outline-node="${row.id}"]`).click();
  await page.locator('[data-make-component-start]').click();
  await page.locator('[data-make-component-submit]').click();
  const error = page.locator('[data-make-component-error]');
  await expect(error).toContainText('E_EXTRACT_REFERENCES');
  await expect(error).toContainText('state.draft');
  expect(await appView(request, id)).toHaveLength(1);
});
