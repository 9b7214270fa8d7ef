/**
 * State scopes and typing in Use mode (issue 13), as people do it, in two browsers:
 * - two people type into the todo's input (a `local` draft) at once, at people's speed: neither
 *   sees the other's draft, each keeps every character, and nothing of either draft is sent;
 * - two people type into one `shared` text field at once and both keep every character;
 * - 60 characters typed at 10 ms a key all arrive;
 * - the item one person adds (shared data) shows in the other browser;
 * - a `person` field (dark mode) is the same in a second tab of the same person, and not another
 *   person's.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { link, newApp } from './apps';

/** Opens a share link's URL as a person, in Use mode; records every WebSocket frame sent. */
async function openAs(
  browser: Browser,
  url: string,
  name: string
): Promise<{ page: Page; sent: string[] }> {
  const context = await browser.newContext();
  await context.addInitScript(
    ([n]) =>
      localStorage.setItem('malleable.person', JSON.stringify({ id: `p-${n}-0001`, name: n })),
    [name]
  );
  const page = await context.newPage();
  const sent: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', (frame) =>
      sent.push(
        typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('latin1')
      )
    )
  );
  await page.goto(url);
  await expect(page.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
  // A user's link opens the app page, already the app in use (issue 16); others the studio.
  if ((await page.locator('[data-app-page]').count()) === 0)
    await page.locator('[data-mode-button="use"]').click();
  await expect(page.locator('[data-canvas]')).toHaveAttribute('data-canvas-mode', 'use');
  return { page, sent };
}

const draftInput = (page: Page) => page.locator('[data-canvas] input[type="text"]').first();

test('two people type drafts at once: private, every character kept, nothing sent', async ({
  browser,
  request
}) => {
  const id = await newApp(request);
  const url = await link(request, id, 'user');
  const ann = await openAs(browser, url, 'Ann');
  const bob = await openAs(browser, url, 'Bob');

  const annText = 'Dinner with Ann at eight';
  const bobText = 'Buy bread for Bob';
  await draftInput(ann.page).click();
  await draftInput(bob.page).click();
  // Both at once, at a typing speed people have (about 30 ms a key).
  await Promise.all([
    draftInput(ann.page).pressSequentially(annText, { delay: 30 }),
    draftInput(bob.page).pressSequentially(bobText, { delay: 30 })
  ]);
  await expect(draftInput(ann.page)).toHaveValue(annText);
  await expect(draftInput(bob.page)).toHaveValue(bobText);
  // A while later, still each their own (nothing came over the wire to overwrite them).
  await ann.page.waitForTimeout(600);
  await expect(draftInput(ann.page)).toHaveValue(annText);
  await expect(draftInput(bob.page)).toHaveValue(bobText);
  for (const who of [ann, bob])
    for (const text of [annText, bobText])
      expect(who.sent.some((frame) => frame.includes(text.slice(0, 10)))).toBe(false);

  // Ann adds her item: it is shared data, so Bob sees it, and Bob's draft stays his.
  await draftInput(ann.page).press('Enter');
  await expect(draftInput(ann.page)).toHaveValue('');
  await expect(bob.page.locator('[data-canvas]')).toContainText(annText);
  await expect(draftInput(bob.page)).toHaveValue(bobText);
  await ann.page.context().close();
  await bob.page.context().close();
});

test('60 characters typed at 10 ms a key all arrive', async ({ browser, request }) => {
  const id = await newApp(request);
  const { page } = await openAs(browser, await link(request, id, 'user'), 'Cy');
  const text = 'The quick brown fox jumps over the lazy dog, then naps: 0123';
  expect(text).toHaveLength(60);
  await draftInput(page).click();
  await draftInput(page).pressSequentially(text, { delay: 10 });
  await expect(draftInput(page)).toHaveValue(text);
  await page.waitForTimeout(400);
  await expect(draftInput(page)).toHaveValue(text);
  await page.context().close();
});

test('a person field is the same in each tab of that person, and only theirs', async ({
  browser,
  request
}) => {
  const id = await newApp(request);
  // The owner adds a dark-mode toggle whose field is kept per person.
  const root = (
    (await (await request.get(`/api/apps/${id}/file`)).json()) as {
      components: { view: { id: string } }[];
    }
  ).components[0].view.id;
  const applied = await request.post(`/api/apps/${id}/ops`, {
    data: {
      ops: [
        {
          op: 'addState',
          component: 'App',
          name: 'dark',
          type: 'boolean',
          initial: false,
          scope: 'person'
        },
        {
          op: 'addNode',
          parent: root,
          index: 0,
          type: 'Toggle',
          props: { label: 'Dark mode', checked: { $bind: 'dark' } }
        }
      ]
    }
  });
  expect(applied.status()).toBe(200);
  const url = await link(request, id, 'user');
  const dee = await openAs(browser, url, 'Dee');
  const second = await dee.page.context().newPage();
  await second.goto(url);
  await expect(second.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');
  const eve = await openAs(browser, url, 'Eve');

  const toggle = (page: Page) => page.locator('[data-canvas] [role="switch"]').first();
  await expect(toggle(dee.page)).not.toBeChecked();
  await toggle(dee.page).click();
  await expect(toggle(dee.page)).toBeChecked();
  // Dee's other tab follows (the same browser profile: her person store); Eve's does not.
  await expect(toggle(second)).toBeChecked();
  await eve.page.waitForTimeout(500);
  await expect(toggle(eve.page)).not.toBeChecked();
  // Stored nowhere on the server: the app file has no `dark` value.
  const file = (await (await request.get(`/api/apps/${id}/file`)).json()) as {
    data: Record<string, unknown>;
  };
  expect(file.data).not.toHaveProperty('dark');
  await dee.page.context().close();
  await eve.page.context().close();
});

test('two people type into one shared text field at once and both keep every character', async ({
  browser,
  request
}) => {
  const id = await newApp(request);
  const root = (
    (await (await request.get(`/api/apps/${id}/file`)).json()) as {
      components: { view: { id: string } }[];
    }
  ).components[0].view.id;
  const applied = await request.post(`/api/apps/${id}/ops`, {
    data: {
      ops: [
        { op: 'addState', component: 'App', name: 'note', type: 'string', initial: '' },
        {
          op: 'addNode',
          parent: root,
          index: 0,
          type: 'TextInput',
          props: { label: 'Shared note', value: { $bind: 'note' } }
        }
      ]
    }
  });
  expect(applied.status()).toBe(200);
  const url = await link(request, id, 'user');
  const ann = await openAs(browser, url, 'Ann');
  const note = (page: Page) => page.locator('[data-canvas] input[type="text"]').first();
  // Alone first, fast: 60 keys 10 ms apart, every one kept in order, here and stored.
  const fast = 'Quick notes: eggs, flour, sugar, butter, milk, salt, yeast!!';
  expect(fast).toHaveLength(60);
  await note(ann.page).click();
  await note(ann.page).pressSequentially(fast, { delay: 10 });
  await expect(note(ann.page)).toHaveValue(fast);
  const stored = async () =>
    ((await (await request.get(`/api/apps/${id}/file`)).json()) as { data: { note: string } }).data
      .note;
  await expect.poll(stored).toBe(fast);
  await note(ann.page).fill('');
  await expect.poll(stored).toBe('');
  const bob = await openAs(browser, url, 'Bob');
  const annText = 'Ann: soup. ';
  const bobText = 'Bob: bread.';
  await note(ann.page).click();
  await note(bob.page).click();
  await Promise.all([
    note(ann.page).pressSequentially(annText, { delay: 40 }),
    note(bob.page).pressSequentially(bobText, { delay: 40 })
  ]);
  // Both browsers settle on one text holding every character of each, each in its order.
  const inOrder = (text: string, within: string) => {
    let at = 0;
    for (const ch of within) if (text[at] === ch) at++;
    return at === text.length;
  };
  await expect
    .poll(async () => {
      const [a, b] = [await note(ann.page).inputValue(), await note(bob.page).inputValue()];
      return a === b && a.length === annText.length + bobText.length;
    })
    .toBe(true);
  const final = await note(ann.page).inputValue();
  expect(inOrder(annText, final), final).toBe(true);
  expect(inOrder(bobText, final), final).toBe(true);
  // Stored as the server has it.
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/apps/${id}/file`)).json()) as { data: { note: string } })
          .data.note
    )
    .toBe(final);
  await ann.page.context().close();
  await bob.page.context().close();
});

test('the state panel moves the draft to shared with the value this tab shows, and undo moves it back', async ({
  page,
  request
}) => {
  const id = await newApp(request);
  const file = async () =>
    (
      (await (await request.get(`/api/apps/${id}/file`)).json()) as {
        data: Record<string, unknown>;
      }
    ).data;
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');
  await page.locator('[data-mode-button="use"]').click();
  await draftInput(page).pressSequentially('Pasta', { delay: 20 });
  // Back in Edit mode with nothing selected, the inspector shows the app's state.
  await page.locator('[data-mode-button="edit"]').click();
  const scope = page.locator('[data-state-field="draft"] [data-state-scope]');
  await expect(scope).toHaveValue('local');
  expect(await file()).not.toHaveProperty('draft');

  await scope.selectOption('shared');
  await expect(scope).toHaveValue('shared');
  await expect.poll(async () => (await file()).draft).toBe('Pasta');
  await expect(draftInput(page)).toHaveValue('Pasta');

  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect(scope).toHaveValue('local');
  await expect.poll(async () => Object.hasOwn(await file(), 'draft')).toBe(false);
});
