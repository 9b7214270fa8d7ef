/**
 * Logic without code (issue 16): the expense tracker built from the blank template with the
 * mouse and the keyboard only, and no typed code: no expression, handler body or type text is
 * typed (only labels, names and literal text). Inputs bound to new fields from Bind's "New
 * field…", an Add button whose action builder step adds an item to a new list, an Each picked
 * from the list fields, a row per expense with a Delete button ("Remove this item"), a total
 * picked as "sum of amount in expenses", and an If from the condition builder. A step the gate
 * refuses is refused at the step with its message. Then used: two expenses, the total, one
 * deleted; and in a second browser, on the app page a user's link opens.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { link } from './apps';

const SHOTS = process.env.E2E_SHOTS_DIR ?? 'test-results/expense-tracker';

interface FileNode {
  id: string;
  children?: FileNode[];
}

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

/** Inserts an element by the keyboard (palette search, Enter) after the selection; its new ids. */
async function insert(page: Page, request: APIRequestContext, appId: string, type: string) {
  const before = new Set(await storedIds(request, appId));
  const search = page.locator('[data-palette-search]');
  await search.fill(type);
  await search.press('Enter');
  await expect
    .poll(async () => (await storedIds(request, appId)).length)
    .toBeGreaterThan(before.size);
  await search.fill('');
  return (await storedIds(request, appId)).filter((id) => !before.has(id));
}

/** Both sizes of a screen, as a person would see it. */
async function shoot(page: Page, name: string) {
  for (const [width, height] of [
    [1440, 900],
    [1024, 768]
  ]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('the expense tracker from blank with no typed code, used here and in a second browser', async ({
  page,
  request,
  browser
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.locator('[data-template="blank"]').click();
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'running');
  const appId = page.url().split('/').pop()!;
  const inspector = page.locator('[data-inspector]');
  const prop = (name: string) => inspector.locator(`[data-prop="${name}"]`);
  const file = async () =>
    (await (await request.get(`/api/apps/${appId}/file`)).json()) as {
      components: {
        state: Record<string, { type: unknown; scope?: string }>;
        handlers: Record<string, { params: string[]; body: string }>;
      }[];
    };

  /** A literal text prop of the selection, typed and committed with Enter. */
  async function setText(name: string, text: string) {
    const box = prop(name).locator('input').first();
    await box.fill(text);
    await box.press('Enter');
    await expect(prop(name).locator('[data-field-error]')).toHaveCount(0);
  }

  /** Bind's "New field…": a field of the prop's type, local, made and bound in one batch. */
  async function bindNew(name: string) {
    const select = prop('value').locator('[data-bind-select]');
    await select.selectOption('__new__');
    const form = prop('value').locator('[data-new-bind-field]');
    await form.locator('[name="new-field-name"]').fill(name);
    await expect(form.locator('[name="new-field-scope"]')).toHaveValue('local');
    await form.getByRole('button', { name: 'Create and bind' }).click();
    await expect(select).toHaveValue(name);
  }

  // A description box bound to a new text field.
  const [descId] = await insert(page, request, appId, 'TextInput');
  await setText('label', 'Description');
  // Bind offers only text fields: none yet, so only "Not bound" and "New field…".
  await expect(prop('value').locator('[data-bind-select] option')).toHaveText([
    'Not bound',
    'New field…'
  ]);
  await bindNew('draftDesc');
  // Making the field and binding it was one step: one undo takes both back, redo brings both.
  const undo = page.getByRole('button', { name: 'Undo', exact: true }).first();
  const redo = page.getByRole('button', { name: 'Redo', exact: true }).first();
  await undo.click();
  await expect.poll(async () => Object.keys((await file()).components[0].state)).toEqual([]);
  await expect(prop('value').locator('[data-bind-select]')).toHaveValue('');
  await redo.click();
  await expect(prop('value').locator('[data-bind-select]')).toHaveValue('draftDesc');

  // An amount NumberInput bound to a new number field; the text field is not offered to it.
  const [amountId] = await insert(page, request, appId, 'NumberInput');
  await setText('label', 'Amount');
  await expect(prop('value').locator('[data-bind-select] option')).toHaveText([
    'Not bound',
    'New field…'
  ]);
  await prop('value').locator('[data-bind-select]').selectOption('__new__');
  await shoot(page, 'bind-new-field');
  await prop('value').locator('[name="new-field-name"]').fill('draftAmount');
  await prop('value').getByRole('button', { name: 'Create and bind' }).click();
  await expect(prop('value').locator('[data-bind-select]')).toHaveValue('draftAmount');
  let saved = await file();
  expect(saved.components[0].state.draftDesc).toMatchObject({ type: 'string', scope: 'local' });
  expect(saved.components[0].state.draftAmount).toMatchObject({ type: 'number', scope: 'local' });

  // An Add button: New handler… with one step, "Add an item to a new list expenses".
  const [addId] = await insert(page, request, appId, 'Button');
  await setText('label', 'Add');
  await prop('onClick').locator('[data-handler-select]').selectOption('__new__');
  const newHandler = prop('onClick').locator('[data-new-handler]');
  await newHandler.locator('[name="handler-name"]').fill('addExpense');
  await newHandler.getByLabel('Add a step').selectOption({ label: 'Add an item to a list' });
  await expect(newHandler.getByLabel('Step 1: list')).toHaveValue('__new__');
  await newHandler.getByLabel("Step 1: new list's name").fill('expenses');
  // The item is built from the draft fields, with a new id: nothing to type.
  await expect(newHandler.getByLabel('Step 1: desc')).toHaveValue('field:draftDesc');
  await expect(newHandler.getByLabel('Step 1: amount')).toHaveValue('field:draftAmount');
  await expect(newHandler.getByLabel('Step 1: id')).toHaveValue('nextId');
  await newHandler.getByLabel('Add a step').selectOption({ label: 'Reset a field' });
  await expect(newHandler.getByLabel('Step 2: field')).toHaveValue('draftDesc');
  await newHandler.locator('summary').click();
  await expect(newHandler.locator('[data-step-code]')).toHaveText(
    "state.expenses.push({ id: Math.max(0, ...state.expenses.map((x) => x.id)) + 1, desc: state.draftDesc, amount: state.draftAmount });\nstate.draftDesc = '';"
  );
  await expect(newHandler.getByRole('button', { name: 'Create' })).toBeEnabled();
  await expect(newHandler.locator('[data-step-error]')).toHaveCount(0);
  await shoot(page, 'action-builder');
  await newHandler.getByRole('button', { name: 'Create' }).click();
  await expect(newHandler).toHaveCount(0);
  await expect(prop('onClick').locator('[data-handler-select]')).toHaveValue('addExpense');
  saved = await file();
  expect(saved.components[0].state.expenses.type).toEqual({
    array: { object: { id: 'number', desc: 'string', amount: 'number' } }
  });

  // An Each over the list, picked from the list fields.
  const eachIds = await insert(page, request, appId, 'Each');
  await prop('items').locator('[data-expr-pick]').selectOption({ label: 'expenses' });
  await expect(prop('items').locator('[data-expr-input]')).toHaveValue('state.expenses');
  // Its row, built in the outline (the list is empty): the starter text shows the description.
  await page.locator(`[data-outline-node="${eachIds[1]}"]`).click();
  await prop('text').locator('[data-expr-pick]').selectOption({ label: "this item's desc" });
  await expect(prop('text').locator('[data-field-error]')).toHaveCount(0);
  const [rowAmountId] = await insert(page, request, appId, 'Text');
  await prop('text').locator('[data-expr-toggle]').click();
  await prop('text').locator('[data-expr-pick]').selectOption({ label: "this item's amount" });
  await expect(prop('text').locator('[data-expr-input]')).toHaveValue('String(item.amount)');
  expect(rowAmountId).toBeTruthy();

  // A Delete button per row: "Remove this item". First with a param that is not the loop's
  // item: the gate refuses the step, at the step, and Create is off.
  await insert(page, request, appId, 'Button');
  await setText('label', 'Delete');
  await prop('onClick').locator('[data-handler-select]').selectOption('__new__');
  const remove = prop('onClick').locator('[data-new-handler]');
  await expect(remove.locator('[name="handler-params"]')).toHaveValue('item');
  await remove.locator('[name="handler-name"]').fill('removeExpense');
  await remove.locator('[name="handler-params"]').fill('row');
  await remove.getByLabel('Add a step').selectOption({ label: 'Remove this item' });
  await expect(remove.locator('[data-step-error]')).toContainText('E_');
  await expect(remove.getByRole('button', { name: 'Create' })).toBeDisabled();
  await remove.locator('[name="handler-params"]').fill('item');
  await remove.getByRole('button', { name: 'Remove step 1' }).click();
  await remove.getByLabel('Add a step').selectOption({ label: 'Remove this item' });
  await expect(remove.getByLabel('Step 1: list')).toHaveValue('expenses');
  await expect(remove.getByRole('button', { name: 'Create' })).toBeEnabled();
  await expect(remove.locator('[data-step-error]')).toHaveCount(0);
  await remove.getByRole('button', { name: 'Create' }).click();
  await expect(prop('onClick').locator('[data-handler-select]')).toHaveValue('removeExpense');

  // The total after the list: "sum of amount in expenses".
  await page.locator(`[data-outline-node="${eachIds[0]}"]`).click();
  const [totalId] = await insert(page, request, appId, 'Text');
  await prop('text').locator('[data-expr-toggle]').click();
  await prop('text')
    .locator('[data-expr-pick]')
    .selectOption({ label: 'sum of amount in expenses' });
  await expect(prop('text').locator('[data-field-error]')).toHaveCount(0);

  // An If from the condition builder: shown when expenses is not empty.
  const ifIds = await insert(page, request, appId, 'If');
  const condition = prop('when').locator('[data-condition-builder]');
  await condition.getByLabel('Condition: field').selectOption('expenses');
  await condition.getByLabel('Condition: test').selectOption({ label: 'is not empty' });
  await expect(condition).toContainText('state.expenses.length > 0');
  await shoot(page, 'condition-builder');
  await condition.getByRole('button', { name: 'Use' }).click();
  await expect(prop('when').locator('[data-expr-input]')).toHaveValue('state.expenses.length > 0');

  // Handlers in the builder's subset open as steps in the state panel.
  await page.keyboard.press('Escape');
  await page.locator('[data-canvas]').click({ position: { x: 3, y: 3 } });
  await page.keyboard.press('Escape');
  const handlerRow = page.locator('[data-handler="addExpense"]');
  await expect(handlerRow.locator('[data-action-builder] [data-step]')).toHaveCount(2);
  // Edited as steps: one more step, saved; the code follows.
  await handlerRow.getByLabel('Add a step').selectOption({ label: 'Reset a field' });
  await handlerRow.getByLabel('Step 3: field').selectOption('draftAmount');
  await expect(handlerRow.locator('[data-step-error]')).toHaveCount(0);
  await handlerRow.getByRole('button', { name: 'Save' }).click();
  await expect
    .poll(async () => (await file()).components[0].handlers.addExpense.body)
    .toMatch(/state\.draftDesc = '';\nstate\.draftAmount = 0;$/);
  await expect(handlerRow.locator('[data-action-builder] [data-step]')).toHaveCount(3);
  saved = await file();
  expect(saved.components[0].handlers.removeExpense).toEqual({
    params: ['item'],
    body: 'state.expenses = state.expenses.filter((x) => x.id !== item.id);'
  });

  // Use it: two expenses, the total, delete one.
  await page.locator('[data-mode-button="use"]').click();
  await expect(canvas).toHaveAttribute('data-canvas-mode', 'use');
  const desc = canvas.locator(`[data-node-id="${descId}"] input`).first();
  const amount = canvas.locator(`[data-node-id="${amountId}"] input`).first();
  const addButton = canvas.locator(`[data-node-id="${addId}"]`).first();
  const total = canvas.locator(`[data-node-id="${totalId}"]`).first();
  await expect(canvas.getByText('Shown when the condition holds')).toHaveCount(0);
  await desc.fill('Coffee');
  await amount.fill('3.5');
  await addButton.click();
  await expect(canvas.getByText('Coffee')).toBeVisible();
  await expect(desc).toHaveValue('');
  await expect(amount).toHaveValue('0');
  await desc.fill('Lunch');
  await amount.fill('12');
  await addButton.click();
  await expect(canvas.getByText('Lunch')).toBeVisible();
  await expect(total).toHaveText('15.5');
  await expect(canvas.getByText('Shown when the condition holds')).toBeVisible();
  await canvas.getByRole('button', { name: 'Delete' }).first().click();
  await expect(canvas.getByText('Coffee')).toHaveCount(0);
  await expect(total).toHaveText('12');
  expect(ifIds.length).toBeGreaterThan(0);

  // A second browser, as a person who uses the app: the link the owner shares for it opens the
  // app page (the running app alone), where the shared list is live.
  const userLink = await link(request, appId, 'user');
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(userLink);
  await expect(second).toHaveURL(new RegExp(`/apps/${appId}/use`));
  const secondCanvas = second.locator('[data-canvas]');
  await expect(secondCanvas).toHaveAttribute('data-live-state', 'running');
  await expect(secondCanvas).toHaveAttribute('data-canvas-mode', 'use');
  await expect(secondCanvas.getByText('Lunch')).toBeVisible();
  await expect(secondCanvas.locator(`[data-node-id="${totalId}"]`).first()).toHaveText('12');
  await secondCanvas.locator(`[data-node-id="${descId}"] input`).first().fill('Taxi');
  await secondCanvas.locator(`[data-node-id="${amountId}"] input`).first().fill('8');
  await secondCanvas.locator(`[data-node-id="${addId}"]`).first().click();
  await expect(secondCanvas.locator(`[data-node-id="${totalId}"]`).first()).toHaveText('20');
  // The first browser sees the shared list change.
  await expect(total).toHaveText('20');
  await other.close();
});

test('the builder’s check and steps endpoints, attacked: coded errors, nothing stored, still answering', async ({
  request,
  playwright,
  baseURL
}) => {
  const created = await request.post('/api/apps', { data: { template: 'counter' } });
  const { id } = (await created.json()) as { id: string };
  const stored = async () =>
    JSON.stringify(await (await request.get(`/api/apps/${id}/file`)).json());
  const codes = async (response: { json(): Promise<unknown> }) =>
    ((await response.json()) as { errors: { code: string }[] }).errors.map((e) => e.code);
  const before = await stored();

  // A batch the gate takes is answered ok, and is not written.
  const adds = [
    { op: 'addState', component: 'App', name: 'spent', type: 'number', initial: 0 },
    { op: 'setHandler', component: 'App', name: 'spend', params: [], body: 'state.spent += 1;' }
  ];
  const ok = await request.post(`/api/apps/${id}/check`, { data: { ops: adds } });
  expect(ok.status()).toBe(200);
  expect(await stored()).toBe(before);
  // A step that cannot type-check (text into a number) is refused with E_TYPE, not written.
  const wrong = await request.post(`/api/apps/${id}/check`, {
    data: {
      ops: [
        { op: 'setHandler', component: 'App', name: 'bad', params: [], body: "state.count = 'x';" }
      ]
    }
  });
  expect(wrong.status()).toBe(422);
  expect(await codes(wrong)).toContain('E_TYPE');
  // Code that escapes the sandbox's rules is refused by the policy, not run, not written.
  const escape = await request.post(`/api/apps/${id}/check`, {
    data: {
      ops: [
        {
          op: 'setHandler',
          component: 'App',
          name: 'x',
          params: [],
          body: "globalThis.constructor.constructor('return process')()"
        }
      ]
    }
  });
  expect(escape.status()).toBe(422);
  // Not a batch, and not JSON.
  expect(
    (await request.post(`/api/apps/${id}/check`, { data: { ops: 'drop table' } })).status()
  ).toBe(400);
  const garbled = await request.post(`/api/apps/${id}/check`, {
    headers: { 'content-type': 'application/json' },
    data: Buffer.from('{"ops": [')
  });
  expect(await codes(garbled)).toContain('E_JSON_PARSE');

  // The reader: a body in the subset reads as steps, code outside it as null; nothing runs.
  const read = (data: unknown) => request.post(`/api/apps/${id}/steps`, { data });
  const steps = await read({ component: 'App', params: [], body: 'state.count += 1;' });
  expect(await steps.json()).toEqual({
    ok: true,
    steps: [{ do: 'increase', field: 'count', by: 1 }]
  });
  const code = await read({ component: 'App', params: [], body: "fetch('https://evil.example')" });
  expect(await code.json()).toEqual({ ok: true, steps: null });
  const deep = await read({
    component: 'App',
    params: [],
    body: `state.count = ${'['.repeat(5000)}`
  });
  expect(await deep.json()).toEqual({ ok: true, steps: null });
  for (const data of [
    { component: 'App', params: [], body: 42 },
    { component: 'App', params: [{}], body: '' },
    { params: [], body: '' }
  ]) {
    const refused = await read(data);
    expect(refused.status()).toBe(400);
    expect(await codes(refused)).toContain('E_FIELD_TYPE');
  }

  // A viewer may not ask the gate to judge changes; a stranger may not use either endpoint.
  const link = await request.post(`/api/apps/${id}/links`, { data: { role: 'viewer' } });
  const { token } = (await link.json()) as { token: string };
  const viewerCheck = await request.post(`/api/apps/${id}/check`, {
    headers: { authorization: `Bearer ${token}` },
    data: { ops: adds }
  });
  expect(viewerCheck.status()).toBe(403);
  const stranger = await playwright.request.newContext({ baseURL });
  for (const path of ['check', 'steps']) {
    const answer = await stranger.post(`/api/apps/${id}/${path}`, {
      data: { ops: adds, component: 'App', params: [], body: '' }
    });
    expect(answer.status()).toBeGreaterThanOrEqual(401);
    expect(answer.status()).toBeLessThan(500);
  }
  await stranger.dispose();

  // Nothing was stored, and the server still answers.
  expect(await stored()).toBe(before);
  expect((await request.get(`/api/apps/${id}/file`)).status()).toBe(200);
});
