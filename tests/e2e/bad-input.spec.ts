/**
 * Bad input in the studio: each gets a clear, coded message where it happened, and the stored
 * app does not change. Also the code tab's round trip and components created, used and (only
 * when unused) deleted.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function open(page: Page, request: APIRequestContext, template = 'todo') {
  const created = await request.post('/api/apps', { data: { template } });
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');
  const file = async () => (await (await request.get(`/api/apps/${id}/file`)).json()) as unknown;
  return { id, file };
}

interface FileNode {
  id: string;
  type: string;
  children?: FileNode[];
}

test('a non-number, a policy breach and a type error in the inspector: inline, nothing saved', async ({
  page,
  request
}) => {
  const { file } = await open(page, request);
  const before = await file();
  const heading = page.locator('[data-canvas] h1[data-node-id]');
  await heading.click();
  const inspector = page.locator('[data-inspector]');

  const level = inspector.locator('[data-prop="level"]').locator('input, select').first();
  await level.fill('abc');
  await level.press('Enter');
  await expect(inspector.locator('[data-prop="level"] [data-field-error]')).toContainText(
    'E_PROP_TYPE'
  );

  const text = inspector.locator('[data-prop="text"]');
  await text.locator('[data-expr-toggle]').click();
  const expr = text.locator('[data-expr-input]');
  await expr.fill('window.location.href');
  await expr.press('Enter');
  await expect(text.locator('[data-field-error]')).toContainText('E_POLICY');
  await expr.fill('state.drafts.trim()');
  await expr.press('Enter');
  await expect(text.locator('[data-field-error]')).toContainText('E_TYPE');
  // What the person typed is still there to fix.
  await expect(expr).toHaveValue('state.drafts.trim()');
  expect(await file()).toEqual(before);
  await expect(heading).toHaveText('Todo');
});

test('the code tab: a syntax error and garbage are refused at their line; a real edit round-trips', async ({
  page,
  request
}) => {
  const { id, file } = await open(page, request);
  const before = await file();
  await page.locator('[data-tab="code"]').click();
  const editor = page.locator('[data-code-tab] .cm-content');
  await expect(editor).toContainText('export default function App');
  const { source } = (await (await request.get(`/api/apps/${id}/code?component=App`)).json()) as {
    source: string;
  };

  async function replaceText(text: string) {
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(text);
  }

  // A syntax error: one broken tag.
  const broken = source.replace('<Heading', '<Heading <');
  await replaceText(broken);
  await page.locator('[data-code-save]').click();
  const line = broken.split('\n').findIndex((l) => l.includes('<Heading <')) + 1;
  await expect(page.locator('[data-code-error]').first()).toContainText('E_SYNTAX');
  await expect(page.locator('[data-code-error]').first()).toContainText(`line ${line}`);
  await expect(page.locator('[data-code-tab] .cm-lintRange-error').first()).toBeVisible();
  expect(await file()).toEqual(before);

  // Garbage pasted over everything.
  await replaceText('hello, this is not a component at all');
  await page.keyboard.press('Control+s');
  await expect(page.locator('[data-code-error]').first()).toContainText('E_');
  expect(await file()).toEqual(before);

  // A real edit: the Add button's label, saved with Ctrl+S; the canvas follows.
  await replaceText(source.replace('label="Add"', 'label="Add item"'));
  await page.keyboard.press('Control+s');
  await expect(
    page.locator('[data-canvas]').getByRole('button', { name: 'Add item' })
  ).toBeVisible();
  await expect(page.locator('[data-code-errors]')).toHaveCount(0);
  // A literal change is local first: on the canvas at once, stored once the server has judged it.
  await expect.poll(async () => JSON.stringify(await file())).toContain('Add item');
  // One undo takes the code edit back.
  await page.locator('[data-canvas]').click({ position: { x: 5, y: 5 } });
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect(
    page.locator('[data-canvas]').getByRole('button', { name: 'Add', exact: true })
  ).toBeVisible();
  expect(await file()).toEqual(before);
});

test('a component in use cannot be deleted; unused, it can', async ({ page, request }) => {
  const { file } = await open(page, request, 'blank');
  await page.locator('[data-add-component]').click();
  await page.locator('[data-new-component]').fill('Row');
  await page.locator('[data-new-component]').press('Enter');
  await expect(page.locator('[data-outline-component="Row"]')).toBeVisible();

  // Place an instance of it in the app from the palette (keyboard: search, Enter).
  await page.locator('[data-palette-search]').fill('Row');
  await expect(page.locator('[data-palette-item="Row"]')).toBeVisible();
  await page.locator('[data-palette-search]').press('Enter');
  await expect.poll(async () => JSON.stringify(await file())).toContain('"type":"Row"');
  const before = await file();

  await page.locator('[data-outline-component="Row"] [data-remove-component]').click();
  await expect(page.locator('[data-component-error]')).toContainText('E_COMPONENT_IN_USE');
  expect(await file()).toEqual(before);

  // Delete the instance, then the component goes.
  const app = (before as { components: { name: string; view: FileNode }[] }).components.find(
    (c) => c.name === 'App'
  )!;
  const instance = app.view.children!.find((n) => n.type === 'Row')!;
  await page.locator(`[data-outline-node="${instance.id}"]`).click();
  await page.keyboard.press('Delete');
  await expect(page.locator(`[data-outline-node="${instance.id}"]`)).toHaveCount(0);
  await page.locator('[data-outline-component="Row"] [data-remove-component]').click();
  await expect(page.locator('[data-outline-component="Row"]')).toHaveCount(0);
});
