/**
 * The studio without a mouse, and the parts of an app that draw nothing: Tab goes through every
 * panel without a trap, the canvas selection moves and reorders by keys (one undo step each),
 * and an empty Each and a false If show their children as ghost rows in Edit mode only.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newApp } from './apps';

interface FileNode {
  id: string;
  type: string;
  props?: Record<string, unknown>;
  children?: FileNode[];
}

async function file(request: APIRequestContext, id: string) {
  return (await (await request.get(`/api/apps/${id}/file`)).json()) as {
    components: { view: FileNode }[];
    data: Record<string, unknown>;
  };
}

async function open(page: Page, id: string): Promise<void> {
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');
}

/** What has focus, as a short readable tag. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    if (el.matches('[data-canvas-page]')) return 'canvas';
    if (el.closest('[data-canvas-page]')) return `app:${el.tagName}`;
    if (el.getAttribute('role') === 'tab') return `tab:${el.textContent?.trim()}`;
    if (el.matches('[data-outline-node]')) return 'outline';
    if (el.closest('[data-palette], .palette')) return 'palette';
    return `${el.tagName}:${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20)}`;
  });
}

test('Tab reaches every panel with no trap in the canvas; the sidebar tabs by arrow keys', async ({
  page,
  request
}) => {
  await open(page, await newApp(request));
  await page.locator('[data-mode-button="edit"]').focus();
  const seen: string[] = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    seen.push(now);
    if (now.startsWith('tab:')) break;
  }
  // The outline, the canvas (once: none of the app's own inputs), then the sidebar's tabs.
  expect(seen).toContain('outline');
  expect(seen.filter((s) => s === 'canvas')).toHaveLength(1);
  expect(seen.filter((s) => s.startsWith('app:'))).toEqual([]);
  expect(seen.at(-1)).toBe('tab:Inspect');
  for (const name of ['Code', 'History', 'Assist']) {
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe(`tab:${name}`);
  }
  // And back out of the sidebar the same way: Shift+Tab from the tabs is not stuck either.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).not.toMatch(/^tab:/);
});

test('the canvas selection moves by keys and reorders with Alt+arrows, one undo step each', async ({
  page,
  request
}) => {
  const id = await newApp(request);
  await open(page, id);
  const before = (await file(request, id)).components[0].view;
  const [heading, row] = before.children!;
  const canvas = page.locator('[data-canvas-page]');
  await canvas.focus();
  const frame = page.locator('[data-selection-frame]');
  const outlineSelected = page.locator('[data-outline-node][aria-selected="true"]');

  await page.keyboard.press('ArrowDown');
  await expect(outlineSelected).toHaveAttribute('data-outline-node', before.id);
  await page.keyboard.press('Enter');
  await expect(outlineSelected).toHaveAttribute('data-outline-node', heading.id);
  await expect(frame).toHaveAttribute('data-for', heading.id);
  await expect(page.locator('[data-canvas-selection]')).toHaveText('Heading: Todo');
  await page.keyboard.press('ArrowDown');
  await expect(frame).toHaveAttribute('data-for', row.id);

  // Alt+ArrowUp: the row goes above the heading; the selection and the focus stay with it.
  await page.keyboard.press('Alt+ArrowUp');
  await expect
    .poll(async () => (await file(request, id)).components[0].view.children!.map((c) => c.id))
    .toEqual([row.id, heading.id, ...before.children!.slice(2).map((c) => c.id)]);
  await expect(frame).toHaveAttribute('data-for', row.id);
  expect(await focused(page)).toBe('canvas');
  // At the top already: nothing moves.
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowDown');
  await expect
    .poll(async () => (await file(request, id)).components[0].view.children!.map((c) => c.id))
    .toEqual(
      [heading.id, ...before.children!.slice(2, 3).map((c) => c.id), row.id].concat(
        before.children!.slice(3).map((c) => c.id)
      )
    );
  // Each move was one undo step: three undos bring the original order back, and no further.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await file(request, id)).components[0].view.children!.map((c) => c.id))
    .toEqual(before.children!.map((c) => c.id));

  // Escape goes to the parent, and from the root to nothing.
  await canvas.focus();
  await page.keyboard.press('Escape');
  await expect(frame).toHaveAttribute('data-for', before.id);
  await page.keyboard.press('Escape');
  await expect(frame).toHaveCount(0);
});

test('an empty Each and a false If show ghost rows in Edit mode only, editable, data untouched', async ({
  page,
  request
}) => {
  const id = await newApp(request);
  const root = (await file(request, id)).components[0].view.id;
  const made = await request.post(`/api/apps/${id}/ops`, {
    data: {
      ops: [
        {
          op: 'addState',
          component: 'App',
          name: 'notes',
          type: { array: { object: { text: 'string' } } },
          initial: []
        },
        {
          op: 'addNode',
          parent: root,
          type: 'Each',
          id: 'notes',
          props: { items: { $expr: 'state.notes' }, as: 'note', key: { $expr: 'note.text' } },
          children: [{ type: 'Text', id: 'noteText', props: { text: { $expr: 'note.text' } } }]
        },
        {
          op: 'addNode',
          parent: root,
          type: 'If',
          id: 'some',
          props: { when: { $expr: 'state.notes.length > 0' } },
          children: [{ type: 'Badge', id: 'count', props: { text: 'You have notes' } }]
        }
      ]
    }
  });
  expect(made.status()).toBe(200);
  const { idMap } = (await made.json()) as { idMap: Record<string, string> };
  await open(page, id);

  // (The todo template has a false If of its own, "Nothing to do yet": a ghost too.)
  const list = page.locator(`[data-ghost-row="list"][data-node-id="${idMap.notes}"]`);
  const condition = page.locator(`[data-ghost-row="condition"][data-node-id="${idMap.some}"]`);
  await expect(list).toBeVisible();
  await expect(list).toContainText('Empty list');
  await expect(list).toContainText('{note.text}');
  await expect(condition).toContainText('You have notes');
  await expect(condition).toContainText('Condition is false');

  // Picking a ghost child selects and frames it, and the inspector edits it.
  await condition.getByText('You have notes').click();
  const frame = page.locator('[data-selection-frame]');
  await expect(frame).toHaveAttribute('data-for', idMap.count);
  const box = (await frame.boundingBox())!;
  const badge = (await condition.locator(`[data-node-id="${idMap.count}"]`).boundingBox())!;
  expect(Math.abs(box.x - badge.x)).toBeLessThan(8);
  expect(Math.abs(box.width - badge.width)).toBeLessThan(16);
  await page.screenshot({ path: 'test-results/ghost-rows-1440.png' });

  // Use mode, and so any user of the app: no ghost, nothing drawn for either.
  await page.locator('[data-mode-button="use"]').click();
  await expect(page.locator('[data-canvas]')).toHaveAttribute('data-canvas-mode', 'use');
  await expect(page.locator('[data-ghost-row]')).toHaveCount(0);
  await expect(page.locator('[data-canvas-page]')).not.toContainText('You have notes');
  const data = (await file(request, id)).data;
  expect(data.notes).toEqual([]);
});
