/**
 * A large app in the studio (issue 13, "work that follows the change" and "opening large
 * apps"), as a person works in it: the outline draws only the rows in view, scrolling it with
 * the wheel brings the others, a row far down selects its element; and an inspector change of a
 * literal is on the canvas before any worker (the compile gate, the sandbox) has answered,
 * drawn from the model alone, and stays after the sandbox's own view arrives.
 */
import type { APIRequestContext } from '@playwright/test';
import { link } from './apps';
import { expect, test } from './fixtures';

const NODES = 600;

interface NodeFile {
  id: string;
  type: string;
  props: Record<string, unknown>;
  children: NodeFile[];
}

/**
 * A todo app grown to about `nodes` nodes, as a script would: the template's file, its root
 * given sections of cards with texts, badges and buttons, imported as a new app. Its id and the
 * last Text, which sits far down the outline.
 */
async function bigApp(
  request: APIRequestContext,
  nodes: number
): Promise<{ id: string; lastText: string }> {
  const todo = await request.post('/api/apps', { data: { template: 'todo' } });
  const todoId = ((await todo.json()) as { id: string }).id;
  const file = (await (await request.get(`/api/apps/${todoId}/file`)).json()) as {
    components: { view: NodeFile }[];
  };
  let made = 0;
  let lastText = '';
  const next = (type: string, props: Record<string, unknown>, children: NodeFile[] = []) => {
    made++;
    return { id: `big${made.toString(36)}`, type, props, children };
  };
  const sections: NodeFile[] = [];
  while (made < nodes) {
    const cards: NodeFile[] = [];
    for (let c = 0; c < 4; c++) {
      const text = next('Text', { text: `Line ${made} of card ${c}` });
      lastText = text.id;
      cards.push(
        next('Card', { title: `Card ${made}` }, [
          next('Heading', { text: `Part ${made}`, level: 3 }),
          text,
          next('Badge', { text: `tag ${made}` }),
          next('Button', { label: `Go ${made}` })
        ])
      );
    }
    sections.push(next('Stack', { gap: 'sm' }, cards));
  }
  file.components[0].view.children.push(...sections);
  const created = await request.post('/api/apps', { data: { file } });
  expect(created.status()).toBe(201);
  return { id: ((await created.json()) as { id: string }).id, lastText };
}

/**
 * Logs when each worker message of the page arrives (the machine's clock, so two pages compare),
 * before the page's own listeners run.
 */
const WORKER_LOG = `
  window.__replies = [];
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () =>
        window.__replies.push(performance.timeOrigin + performance.now()));
    }
  };
`;

/** Records, on the machine's clock, when the canvas first shows `text` in the node `id`. */
function watchFor(id: string, text: string): string {
  return `(() => {
    window.__shown = 0;
    new MutationObserver((_, observer) => {
      const el = document.querySelector('[data-canvas] [data-node-id="${id}"]');
      if (el && el.textContent.includes(${JSON.stringify(text)})) {
        window.__shown = performance.timeOrigin + performance.now();
        observer.disconnect();
      }
    }).observe(document.querySelector('[data-canvas]'), { subtree: true, childList: true, characterData: true });
  })()`;
}

test('a 600-node app: the outline draws the rows in view, and a literal edit shows before any worker answers, here and in a peer', async ({
  page,
  browser,
  request
}) => {
  const { id, lastText } = await bigApp(request, NODES);
  await page.addInitScript(WORKER_LOG);
  await page.goto(`/apps/${id}`);
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'running');
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
  // A second person, an editor, watching the same app.
  const other = await (await browser.newContext()).newPage();
  await other.addInitScript(WORKER_LOG);
  await other.goto(await link(request, id, 'editor'));
  await expect(other.locator('[data-canvas]')).toHaveAttribute('data-live-state', 'running');
  await expect(other.locator('[data-connection="online"]')).toBeVisible();

  // Every node has a row in the list, but only those in view are drawn.
  const list = page.locator('[data-outline-rows]').first();
  const rows = Number(await list.getAttribute('data-outline-rows'));
  expect(rows).toBeGreaterThan(NODES * 0.8);
  const drawn = await page.locator('[data-outline-node]').count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(80);

  // The last Text of the app is far down the outline: the wheel brings its row.
  const target = { id: lastText };
  const row = page.locator(`[data-outline-node="${target.id}"]`);
  await expect(row).toHaveCount(0);
  const box = (await page.locator('[data-outline]').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 200 && (await row.count()) === 0; i++) await page.mouse.wheel(0, 400);
  await expect(row).toBeVisible();
  await row.click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-selection-frame]')).toHaveAttribute('data-for', target.id);
  expect(await page.locator('[data-outline-node]').count()).toBeLessThan(80);

  // A literal change: drawn in the task of the Enter, before any worker message arrives.
  const field = page.locator('[data-inspector] [data-prop="text"]').locator('input, textarea');
  await field.first().fill('Drawn first');
  await page.evaluate(watchFor(target.id, 'Drawn first'));
  await other.evaluate(watchFor(target.id, 'Drawn first'));
  await page.evaluate(`window.__pressed = 0; addEventListener('keydown', () =>
    (window.__pressed = performance.timeOrigin + performance.now()), { capture: true, once: true })`);
  await field.first().press('Enter');
  await expect.poll(() => page.evaluate('window.__shown')).toBeGreaterThan(0);
  const pressed = (await page.evaluate('window.__pressed')) as number;
  const firstReply = (at: typeof page) =>
    at.evaluate(`window.__replies.find((t) => t > ${pressed}) ?? Infinity`) as Promise<number>;
  const shown = (await page.evaluate('window.__shown')) as number;
  expect(shown).toBeGreaterThan(pressed);
  expect(shown).toBeLessThan(await firstReply(page));
  // The peer draws the change from its replica too, before its own workers have run it.
  await expect.poll(() => other.evaluate('window.__shown')).toBeGreaterThan(0);
  const seen = (await other.evaluate('window.__shown')) as number;
  expect(seen).toBeGreaterThan(pressed);
  expect(seen).toBeLessThan(await firstReply(other));

  // The workers' own version of the app agrees: the text stays, and the server stored it.
  await page.waitForTimeout(1_000);
  await expect(canvas.locator(`[data-node-id="${target.id}"]`).first()).toContainText(
    'Drawn first'
  );
  await expect
    .poll(async () => JSON.stringify(await (await request.get(`/api/apps/${id}/file`)).json()))
    .toContain('Drawn first');
  await expect(other.locator(`[data-canvas] [data-node-id="${target.id}"]`).first()).toContainText(
    'Drawn first'
  );
  await other.context().close();
});

/**
 * Logs the page's sandbox workers and what it posts to them: each worker made (its script's
 * name) and the type of each message sent.
 */
const POST_LOG = `
  window.__made = [];
  window.__posted = [];
  const Made = window.Worker;
  window.Worker = class extends Made {
    constructor(url, ...rest) {
      super(url, ...rest);
      window.__made.push(String(url).split('/').pop());
    }
  };
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    window.__posted.push(message && typeof message.t === 'string' ? message.t : typeof message);
    return post.call(this, message, ...rest);
  };
`;

test('opening a 600-node app starts one sandbox worker and sends it the app once', async ({
  page,
  request
}) => {
  const { id, lastText } = await bigApp(request, NODES);
  await page.addInitScript(POST_LOG);
  await page.goto(`/apps/${id}`);
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'running');
  await expect(canvas.locator(`[data-node-id="${lastText}"]`)).toContainText('Line');
  // The load the page posted as it made the studio is the one the canvas draws: no second
  // worker, no second load (./src/lib/editor/canvas/first-load.ts).
  const made = (await page.evaluate('window.__made')) as string[];
  expect(made.filter((name) => name.startsWith('web-worker'))).toHaveLength(1);
  const posted = (await page.evaluate('window.__posted')) as string[];
  expect(posted.filter((t) => t === 'load')).toEqual(['load']);
  // Use mode runs the app from that load: a click reaches its handler.
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
});

test('a sandbox worker that cannot start: the studio still opens, says why at once, and the rest works', async ({
  page,
  request
}) => {
  const { id } = await bigApp(request, 40);
  // The worker's script never arrives (a proxy that blocks it, a broken deploy).
  await page.route(/\/workers\/web-worker-[^/]*\.js$/, (route) => route.abort());
  const opened = Date.now();
  await page.goto(`/apps/${id}`);
  const canvas = page.locator('[data-canvas]');
  await expect(canvas).toHaveAttribute('data-live-state', 'failed', { timeout: 8_000 });
  // Well before the 10 s a silent worker is given: its failure is seen, not waited out.
  expect(Date.now() - opened).toBeLessThan(8_000);
  await expect(canvas).toContainText('could not start');
  await expect(canvas).toContainText('reload the page');
  await page.screenshot({ path: 'test-results/sandbox-did-not-start.png' });
  // The rest of the studio works: the outline lists the app, and the server is connected.
  await expect(page.locator('[data-outline-node]').first()).toBeVisible();
  await expect(page.locator('[data-connection="online"]')).toBeVisible();
});
