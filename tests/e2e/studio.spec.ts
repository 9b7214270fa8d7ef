/**
 * The studio as a person uses it, with the mouse and the keyboard only: build the todo app
 * from a blank template (palette drags, in-place text, the inspector, state fields, handlers),
 * use it, then undo it step by step back to blank. A screenshot of the studio is saved for the
 * README on the way.
 */
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

interface FileNode {
  id: string;
  type: string;
  children?: FileNode[];
}

/** Every node id of the app's root component, parents first, as the stored app file has them. */
async function storedIds(request: APIRequestContext, appId: string): Promise<string[]> {
  const file = (await (await request.get(`/api/apps/${appId}/file`)).json()) as {
    components: { view: FileNode }[];
  };
  const out: string[] = [];
  const walk = (n: FileNode) => {
    out.push(n.id);
    for (const c of n.children ?? []) walk(c);
  };
  walk(file.components[0].view);
  return out;
}

/** Drags from the centre of `from` to a point of `to` (fractions of its box) with the mouse. */
async function drag(page: Page, from: Locator, to: Locator, at = { x: 0.5, y: 0.5 }) {
  const a = (await from.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 3 });
  await page.mouse.move(b.x + b.width * at.x, b.y + b.height * at.y, { steps: 8 });
  await expect(page.locator('[data-drop-indicator]')).toBeVisible();
  const valid = await page.locator('[data-drop-indicator]').getAttribute('data-valid');
  await page.mouse.up();
  return valid;
}

/** The ids of the canvas's elements, in document order, without repeats. */
async function canvasIds(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-canvas] [data-node-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')!));
  return [...new Set(ids)];
}

/** Drops a palette item and returns the ids of the nodes it made, parents first. */
async function insert(
  page: Page,
  request: APIRequestContext,
  appId: string,
  type: string,
  target: Locator,
  at = { x: 0.5, y: 0.5 }
): Promise<string[]> {
  const before = new Set(await storedIds(request, appId));
  const search = page.locator('[data-palette-search]');
  await search.fill(type);
  expect(await drag(page, page.locator(`[data-palette-item="${type}"]`), target, at)).toBe('true');
  await expect
    .poll(async () => (await storedIds(request, appId)).length)
    .toBeGreaterThan(before.size);
  await search.fill('');
  return (await storedIds(request, appId)).filter((id) => !before.has(id));
}

test('build the todo app from blank, use it, and undo it back to blank', async ({
  page,
  request
}) => {
  await page.goto('/');
  await page.locator('[data-template="blank"]').click();
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'running');
  const appId = page.url().split('/').pop()!;
  const [rootId] = await canvasIds(page);
  const root = canvas.locator(`[data-node-id="${rootId}"]`);

  // The app's title, in the top bar.
  await page.getByRole('button', { name: 'Untitled app' }).click();
  await page.getByLabel('App title').fill('Groceries');
  await page.getByLabel('App title').press('Enter');
  await expect(page.getByRole('button', { name: 'Groceries' })).toBeVisible();

  // State fields and handlers, with nothing selected: the component's own panel.
  await page.keyboard.press('Escape');
  const addState = page.locator('[data-add-state]');
  for (const [name, type, initial] of [
    ['items', '{ id: number; title: string; done: boolean }[]', '[]'],
    ['draft', 'string', '""'],
    ['nextId', 'number', '1']
  ]) {
    await addState.locator('[name="state-name"]').fill(name);
    await addState.locator('[name="state-type"]').fill(type);
    await addState.locator('[name="state-initial"]').fill(initial);
    await addState.getByRole('button', { name: 'Add field' }).click();
    await expect(page.locator(`[data-state-field="${name}"]`)).toBeVisible();
  }
  const addHandler = page.locator('[data-add-handler]');
  for (const [name, params, body] of [
    [
      'addItem',
      '',
      "const title = state.draft.trim();\nif (!title) return;\nstate.items.push({ id: state.nextId, title, done: false });\nstate.nextId += 1;\nstate.draft = '';"
    ],
    [
      'toggle',
      'item',
      'const found = state.items.find((x) => x.id === item.id);\nif (found) found.done = !found.done;'
    ]
  ]) {
    await addHandler.locator('[name="handler-name"]').fill(name);
    await addHandler.locator('[name="handler-params"]').fill(params);
    // These bodies are beyond the action builder's steps: written as code.
    await addHandler.getByRole('button', { name: 'Code' }).click();
    await addHandler.locator('[name="handler-body"]').fill(body);
    await addHandler.getByRole('button', { name: 'Add handler' }).click();
    await expect(page.locator(`[data-handler="${name}"]`)).toBeVisible();
  }

  // A heading, titled in place.
  const [headingId] = await insert(page, request, appId, 'Heading', root);
  const heading = canvas.locator(`[data-node-id="${headingId}"]`);
  await heading.dblclick();
  const inline = page.locator('[data-inline-editor]');
  await inline.fill('Todo');
  await inline.press('Enter');
  await expect(heading).toHaveText('Todo');

  // A text input bound to the draft, which adds on Enter.
  const [inputId] = await insert(page, request, appId, 'TextInput', heading, { x: 0.5, y: 0.95 });
  await canvas.locator(`[data-node-id="${inputId}"]`).first().click();
  const inspector = page.locator('[data-inspector]');
  await inspector.locator('[data-prop="value"] [data-bind-select]').selectOption('draft');
  await inspector.locator('[data-prop="onSubmit"] [data-handler-select]').selectOption('addItem');
  const placeholder = inspector.locator('[data-prop="placeholder"]').locator('input').first();
  await placeholder.fill('What needs doing?');
  await placeholder.press('Enter');

  // An "Add" button.
  const [buttonId] = await insert(
    page,
    request,
    appId,
    'Button',
    canvas.locator(`[data-node-id="${inputId}"]`),
    {
      x: 0.5,
      y: 0.95
    }
  );
  const button = canvas.locator(`[data-node-id="${buttonId}"]`);
  await button.dblclick();
  await page.locator('[data-inline-editor]').fill('Add');
  await page.locator('[data-inline-editor]').press('Enter');
  await expect(button).toContainText('Add');
  await button.click();
  await inspector.locator('[data-prop="onClick"] [data-handler-select]').selectOption('addItem');

  // A list: Each over the items, with a checkbox per item.
  const eachAdded = await insert(page, request, appId, 'Each', button, { x: 0.5, y: 0.95 });
  await page.locator(`[data-outline-node="${eachAdded[0]}"]`).click();
  const eachId = eachAdded[0];
  const items = inspector.locator('[data-prop="items"] [data-expr-input]');
  await items.fill('state.items');
  await items.press('Enter');
  await expect(inspector.locator('[data-field-error]')).toHaveCount(0);
  const eachRow = page.locator(`[data-outline-node="${eachId}"]`);
  const [checkboxId] = await insert(page, request, appId, 'Checkbox', eachRow);
  await page.locator(`[data-outline-node="${checkboxId}"]`).click();
  for (const [prop, expr] of [
    ['label', 'item.title'],
    ['checked', 'item.done']
  ]) {
    const field = inspector.locator(`[data-prop="${prop}"]`);
    if ((await field.locator('[data-expr-input]').count()) === 0)
      await field.locator('[data-expr-toggle]').click();
    await field.locator('[data-expr-input]').fill(expr);
    await field.locator('[data-expr-input]').press('Enter');
    await expect(field.locator('[data-field-error]')).toHaveCount(0);
  }
  await inspector.locator('[data-prop="onChange"] [data-handler-select]').selectOption('toggle');
  // The Each came with a starter child; select it in the outline and delete it with the keyboard.
  await page.locator(`[data-outline-node="${eachAdded[1]}"]`).click();
  await page.keyboard.press('Delete');
  await expect(page.locator(`[data-outline-node="${eachAdded[1]}"]`)).toHaveCount(0);

  // Use it: add two items and check one.
  await page.locator('[data-mode-button="use"]').click();
  await expect(canvas).toHaveAttribute('data-canvas-mode', 'use');
  const field = canvas.locator(`[data-node-id="${inputId}"] input`).first();
  await field.fill('Buy milk');
  await canvas.locator(`[data-node-id="${buttonId}"]`).first().click();
  await field.fill('Call Sam');
  await field.press('Enter');
  await expect(canvas.getByText('Buy milk')).toBeVisible();
  await expect(canvas.getByText('Call Sam')).toBeVisible();
  await canvas.getByText('Buy milk').click();
  await expect(canvas.getByRole('checkbox', { name: 'Buy milk' })).toBeChecked();

  // Back in Edit mode with the list selected: the picture of the studio in the README.
  await page.locator('[data-mode-button="edit"]').click();
  await page.locator(`[data-outline-node="${eachId}"]`).click();
  await expect(page.locator('[data-selection-frame]')).toBeVisible();
  await page.screenshot({ path: 'docs/studio.png' });

  // Undo every step, back to the blank app.
  const undo = page.getByRole('button', { name: 'Undo', exact: true }).first();
  let steps = 0;
  while (await undo.isEnabled()) {
    await page.keyboard.press('Control+z');
    steps++;
    await expect.poll(() => page.locator('[data-busy="true"]').count()).toBe(0);
    if (steps > 60) break;
  }
  expect(steps).toBeGreaterThan(10);
  expect(await canvasIds(page)).toEqual([rootId]);
  await expect(page.getByRole('button', { name: 'Untitled app' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-state-field]')).toHaveCount(0);
  await expect(page.locator('[data-handler]')).toHaveCount(0);
});

test('an Each dropped from the palette and given a list of tasks shows each task’s title', async ({
  page,
  request
}) => {
  await page.goto('/');
  await page.locator('[data-template="todo"]').click();
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'running');
  const appId = page.url().split('/').pop()!;
  const [rootId] = await canvasIds(page);
  const root = canvas.locator(`[data-node-id="${rootId}"]`);
  const titles = await canvas.locator('label.checkbox').allTextContents();
  expect(titles.length).toBeGreaterThan(0);

  const [eachId] = await insert(page, request, appId, 'Each', root, { x: 0.5, y: 0.97 });
  // Dropped over [1, 2, 3]: the starter shows each item whole.
  await expect(canvas.getByText('Item 1', { exact: true })).toBeVisible();
  // An Each draws no box of its own: it is picked in the outline.
  await page.locator(`[data-outline-node="${eachId}"]`).click();
  await page.getByLabel('Items: pick a value').selectOption({ label: 'items' });
  for (const title of titles)
    await expect(canvas.getByText(title.trim(), { exact: true })).toHaveCount(2);
  await expect(canvas.getByText(/object Object/)).toHaveCount(0);
  await expect(canvas.getByText('Item 1', { exact: true })).toHaveCount(0);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/each-given-a-list.png' });
});
