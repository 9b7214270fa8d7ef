/**
 * axe-core on every main page: no serious or critical violations. Each page is one line of
 * `PAGES`: a name and how a person gets there.
 */
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { link, newApp } from './apps';

type Opener = (page: Page, request: APIRequestContext) => Promise<void>;

/** Opens the studio of a new todo app in the given mode, the app running. */
function studio(mode: 'edit' | 'use'): Opener {
  return async (page, request) => {
    const id = await newApp(request);
    await page.goto(`/apps/${id}`);
    const canvas = page.locator('[data-canvas]');
    await expect(canvas).toHaveAttribute('data-live-state', 'running');
    if (mode === 'use') await page.locator('[data-mode-button="use"]').click();
    await expect(canvas).toHaveAttribute('data-canvas-mode', mode);
    // Something selected in Edit mode: the inspector shows its fields, which axe checks too.
    if (mode === 'edit') await page.locator('[data-outline-node]').nth(1).click();
  };
}

const PAGES: [name: string, open: Opener][] = [
  ['home', async (page) => void (await page.goto('/'))],
  ['studio, Edit mode', studio('edit')],
  ['studio, Use mode', studio('use')],
  // Every built-in element, as generated apps draw them: each control named, each input labelled.
  ['element gallery', async (page) => void (await page.goto('/elements'))],
  // The app page, as a user's link opens it (in a context of its own: no owner cookie).
  [
    'app page',
    async (page, request) => {
      const url = await link(request, await newApp(request), 'user');
      await page.context().clearCookies();
      await page.goto(url);
      await expect(page.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');
    }
  ]
];

for (const [name, open] of PAGES)
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 }
  ])
    test(`axe: ${name} at ${viewport.width}x${viewport.height} has no serious or critical violations`, async ({
      page,
      request
    }) => {
      await page.setViewportSize(viewport);
      await open(page, request);
      const result = await new AxeBuilder({ page }).analyze();
      const bad = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          rule: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 12).map((n) => n.target.join(' '))
        }));
      expect(bad, JSON.stringify(bad, null, 2)).toEqual([]);
      // A real check ran: axe passed rules on this page.
      expect(result.passes.length).toBeGreaterThan(10);
    });
