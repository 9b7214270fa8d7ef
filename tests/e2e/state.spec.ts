/**
 * A component's state in the studio: retype a field with a migration (the data follows),
 * rename a field (its data, bindings, expressions and handlers follow), rename a component, and one undo per step.
 */
import { expect, test } from './fixtures';

test('retype with a migration, rename a field and a component, undo each', async ({
  page,
  request
}) => {
  const created = await request.post('/api/apps', { data: { template: 'todo' } });
  const { id } = (await created.json()) as { id: string };
  const file = async () =>
    (await (await request.get(`/api/apps/${id}/file`)).json()) as {
      data: Record<string, unknown>;
      components: { name: string; state: Record<string, { type: unknown }> }[];
    };
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');

  // nextId: number → string would break the handler that counts with it: the type check
  // refuses it, inline, and nothing changes.
  const nextId = page.locator('[data-state-field="nextId"]');
  await nextId.locator('[data-retype]').click();
  await nextId.locator('[name="state-type"]').fill('string');
  await nextId.locator('[name="state-migrate"]').fill('String(value)');
  await nextId.getByRole('button', { name: 'Retype' }).last().click();
  await expect(nextId.locator('[data-field-error]')).toContainText('E_TYPE');
  await expect(nextId.locator('[data-state-type]')).toHaveText('number');
  expect((await file()).data.nextId).toBe(3);

  // A new field, retyped with a migration: the stored data follows.
  const add = page.locator('[data-add-state]');
  await add.locator('[name="state-name"]').fill('score');
  await add.locator('[name="state-type"]').fill('number');
  await add.locator('[name="state-initial"]').fill('7');
  await add.getByRole('button', { name: 'Add field' }).click();
  const score = page.locator('[data-state-field="score"]');
  await score.locator('[data-retype]').click();
  await score.locator('[name="state-type"]').fill('string');
  await score.locator('[name="state-migrate"]').fill('String(value) + " points"');
  await score.getByRole('button', { name: 'Retype' }).last().click();
  await expect(score.locator('[data-state-type]')).toHaveText('string');
  await expect.poll(async () => (await file()).data.score).toBe('7 points');
  // A migration whose result does not fit the new type is refused where it was typed.
  await score.locator('[data-retype]').click();
  await score.locator('[name="state-type"]').fill('number');
  await score.locator('[name="state-migrate"]').fill('value');
  await score.getByRole('button', { name: 'Retype' }).last().click();
  await expect(score.locator('[data-field-error]')).toContainText('E_');
  expect((await file()).data.score).toBe('7 points');

  // draft → text: the binding, the Add button's expression and the handler follow.
  const draft = page.locator('[data-state-field="draft"]');
  await draft.locator('[name="state-rename"]').fill('text');
  await draft.locator('[name="state-rename"]').press('Enter');
  await expect(page.locator('[data-state-field="text"]')).toBeVisible();
  const renamed = JSON.stringify(await file());
  expect(renamed).toContain('"$bind":"text"');
  expect(renamed).toContain('state.text.trim()');
  expect(renamed).not.toContain('draft');
  // A field nothing reads yet renames, and its data follows.
  const rename = score.locator('[name="state-rename"]');
  await rename.fill('points');
  await rename.press('Enter');
  await expect(page.locator('[data-state-field="points"]')).toBeVisible();
  await expect.poll(async () => (await file()).data.points).toBe('7 points');

  // The component App → TodoApp, in the outline (double-click, type, Enter).
  await page.locator('[data-outline-component="App"] button').first().dblclick();
  await page.locator('[data-rename-component]').fill('TodoApp');
  await page.locator('[data-rename-component]').press('Enter');
  await expect(page.locator('[data-outline-component="TodoApp"]')).toBeVisible();

  // Five undos: each step back (component, field, field, retype, add), the data with it.
  await page.locator('[data-canvas]').click({ position: { x: 3, y: 3 } });
  for (let i = 0; i < 5; i++)
    await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect(page.locator('[data-outline-component="App"]')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-state-field="draft"]')).toBeVisible();
  await expect(page.locator('[data-state-field="score"]')).toHaveCount(0);
  // The draft is local to each tab (issue 13): the app file holds only the shared data.
  await expect
    .poll(async () => Object.keys((await file()).data).sort())
    .toEqual(['items', 'nextId']);
});

test('a field added with the keyboard alone, typed at a person’s speed; a pasted 100,000-deep type is refused where it was typed', async ({
  page,
  request
}) => {
  const created = await request.post('/api/apps', { data: { template: 'todo' } });
  const { id } = (await created.json()) as { id: string };
  const fields = async () =>
    (
      (await (await request.get(`/api/apps/${id}/file`)).json()) as {
        components: { state: Record<string, unknown> }[];
      }
    ).components[0].state;
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');
  const add = page.locator('[data-add-state]');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // A paste of a type nested 100,000 deep: a coded error under the form, nothing added, and the
  // page keeps running (it threw "Maximum call stack size exceeded" before).
  await add.locator('[name="state-name"]').focus();
  await page.keyboard.type('deep', { delay: 40 });
  await page.keyboard.press('Tab');
  await page.keyboard.insertText('('.repeat(100_000) + 'number' + ')'.repeat(100_000));
  await page.keyboard.press('Enter');
  await expect(add.locator('[data-field-error]')).toContainText('E_FIELD_VALUE');
  await expect(add.locator('[data-field-error]')).toContainText('levels deep');
  expect(Object.keys(await fields())).not.toContain('deep');

  // Then, by keyboard alone: the type box cleared and typed again, Tab to the initial value,
  // Enter adds the field; the form empties for the next one.
  await add.locator('[name="state-type"]').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('{ done: boolean; label: string }[]', { delay: 40 });
  await page.keyboard.press('Tab');
  await page.keyboard.type('[]', { delay: 40 });
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-state-field="deep"] [data-state-type]')).toHaveText(
    '{ done: boolean; label: string }[]'
  );
  await expect(add.locator('[name="state-name"]')).toHaveValue('');
  expect((await fields()).deep).toEqual({
    type: { array: { object: { done: 'boolean', label: 'string' } } },
    initial: []
  });
  expect(errors).toEqual([]);
});
