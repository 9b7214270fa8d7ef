/**
 * `POST /api/apps/ID/data` (src/routes/api/apps/[id]/data/+server.ts), called as SvelteKit calls
 * it, over a studio server in a temporary DATA_DIR: app data that is not plain JSON (an own key
 * `__proto__`, which the next copy by assignment would turn into a prototype) is refused with
 * E_DATA_NOT_PLAIN, a field named `constructor` is a coded 4xx rather than a 500, and the app
 * keeps answering afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as devalue from 'devalue';
import type { StudioServer } from '../../src/lib/server/studio';
import { markOwner } from '../../src/lib/server/owner';

// The store opens its database on first use, under DATA_DIR: set it before anything loads it.
const dataDir = mkdtempSync(join(tmpdir(), 'malleable-data-'));
process.env.DATA_DIR = dataDir;

type Handler = (event: unknown) => Promise<Response> | Response;
let POST: Handler;
let server: StudioServer;
let id: string;

beforeAll(async () => {
  POST = (await import('../../src/routes/api/apps/[id]/data/+server')).POST as unknown as Handler;
  server = (await import('../../src/lib/server/studio')).studioServer();
  const created = await server.create({ template: 'todo' });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  id = created.app.id;
});

afterAll(async () => {
  for (const app of await server.store.list()) await server.delete(app.id);
  rmSync(dataDir, { recursive: true, force: true });
});

/** Posts a raw JSON text as the person at the machine. */
async function post(text: string): Promise<{ status: number; codes: string[] }> {
  const url = new URL(`http://studio.test/api/apps/${id}/data`);
  const request = new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: text
  });
  markOwner(request);
  const response = await POST({ params: { id }, url, request, locals: { studio: server } });
  const answer = (await response.json()) as { errors?: { code: string }[] };
  return { status: response.status, codes: (answer.errors ?? []).map((e) => e.code) };
}

/** The app still answers: its model's data serialises as the page sends it. */
async function appAnswers(): Promise<void> {
  const session = (await server.session(id))!;
  expect(() => devalue.stringify(session.live())).not.toThrow();
  expect(session.model.data.items).toHaveLength(2);
}

describe('POST /data', () => {
  it('a list of items with __proto__ is refused: 400 E_DATA_NOT_PLAIN', async () => {
    const answer = await post(
      '{"prev": {}, "next": {"items": [{"__proto__": {"id": 1, "title": "x", "done": false}}]}}'
    );
    expect(answer).toEqual({ status: 400, codes: ['E_DATA_NOT_PLAIN'] });
    await appAnswers();
  });

  it('a field named constructor is a coded 4xx, not a 500', async () => {
    const answer = await post('{"prev": {}, "next": {"constructor": 1}}');
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.codes[0]).toBe('E_DATA_TYPE');
    await appAnswers();
  });

  it('plain data that fits is written', async () => {
    const answer = await post('{"prev": {"nextId": 3}, "next": {"nextId": 12}}');
    expect(answer.status).toBe(200);
    expect((await server.session(id))!.model.data.nextId).toBe(12);
  });

  it('a local field’s value (the todo’s draft) is never stored: 422 E_STATE_SCOPE', async () => {
    const answer = await post('{"prev": {"draft": ""}, "next": {"draft": "private words"}}');
    expect(answer).toEqual({ status: 422, codes: ['E_STATE_SCOPE'] });
    const session = (await server.session(id))!;
    expect(session.model.data.draft).toBe('');
    expect(session.doc.getMap('state').has('draft')).toBe(false);
  });
});
