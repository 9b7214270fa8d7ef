/**
 * A literal edit reaches the sandbox as its changed slots (issue 13): a person edits a Text in the
 * inspector, the canvas and the running app (a user link, in another browser) show it, and the
 * message each page posts to its sandbox worker is the small `literals` request, not a swap of
 * the component's module. A probe wraps `Worker.prototype.postMessage` to record what is posted.
 */
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { addCard } from './app-view';

/** Records each message posted to a worker whose `t` is a sandbox request: its type and size. */
const SANDBOX_PROBE = `
  window.__sandboxPosts = [];
  const SANDBOX = new Set(['load', 'swap', 'literals', 'render', 'event', 'call', 'dryRun']);
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && typeof message === 'object' && SANDBOX.has(message.t)) {
      window.__sandboxPosts.push({ t: message.t, bytes: JSON.stringify(message).length });
    }
    return post.call(this, message, ...rest);
  };
`;

type Posted = { t: string; bytes: number };

async function link(request: APIRequestContext, id: string, role: string): Promise<string> {
  const made = await request.post(`/api/apps/${id}/links`, { data: { role, expiresIn: 3600 } });
  return ((await made.json()) as { url: string }).url;
}

test('a Text edited in the inspector shows on the canvas and in the running app, sent to the sandbox as a literals request', async ({
  page,
  browser,
  request
}) => {
  const created = await request.post('/api/apps', { data: { template: 'todo' } });
  const id = ((await created.json()) as { id: string }).id;
  await addCard(request, id);
  await page.addInitScript(SANDBOX_PROBE);
  await page.goto(`/apps/${id}`);
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'running');
  await expect(page.locator('[data-connection="online"]')).toBeVisible();

  // The running app, as a person with a user link sees it.
  const user = await (await browser.newContext()).newPage();
  await user.addInitScript(SANDBOX_PROBE);
  await user.goto(await link(request, id, 'user'));
  await expect(user.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');
  await expect(user.locator('[data-app-page]')).toBeVisible();

  const text = canvas.getByText('Keep lists short.');
  const nodeId = (await text.getAttribute('data-node-id'))!;
  await text.click();
  const field = page.locator('[data-inspector] [data-prop="text"]').locator('input, textarea');
  await expect(field.first()).toHaveValue('Keep lists short.');
  const postedBefore = ((await page.evaluate('window.__sandboxPosts')) as Posted[]).length;
  const userBefore = ((await user.evaluate('window.__sandboxPosts')) as Posted[]).length;
  await field.first().fill('Keep lists very short.');
  await field.first().press('Enter');

  const element = (at: typeof page) => at.locator(`[data-canvas] [data-node-id="${nodeId}"]`);
  await expect(element(page)).toHaveText('Keep lists very short.');
  await expect(element(user)).toHaveText('Keep lists very short.');

  // Each sandbox got the edit as a literals request of a few hundred bytes, and no swap.
  const sent = async (at: typeof page, from: number) => {
    const all = (await at.evaluate('window.__sandboxPosts')) as Posted[];
    return all.slice(from).filter((m) => m.t !== 'render' && m.t !== 'event');
  };
  await expect
    .poll(async () => (await sent(page, postedBefore)).map((m) => m.t))
    .toContain('literals');
  await expect
    .poll(async () => (await sent(user, userBefore)).map((m) => m.t))
    .toContain('literals');
  for (const posts of [await sent(page, postedBefore), await sent(user, userBefore)]) {
    expect(posts.map((m) => m.t)).toEqual(['literals']);
    expect(posts[0].bytes).toBeLessThan(1_000);
  }

  // The sandbox's own view holds the new text: a reload of the running app shows it too.
  await user.reload();
  await expect(element(user)).toHaveText('Keep lists very short.');
  await user.context().close();
});
