/**
 * The handler stage of the dry run through the HTTP API (src/routes/api/apps/[id]/ops/+server.ts
 * called as SvelteKit calls it, over a studio server in a temporary DATA_DIR), as the attack: a
 * batch whose new handler loops forever, one whose handler throws, one whose handler writes a
 * string to a number field. Each is answered 422 with its code, the document is byte-identical
 * and the server keeps answering; a good handler is applied (issue 15).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootComponent } from '../../src/lib/model/types';
import type { StudioServer } from '../../src/lib/server/studio';
import { markOwner } from '../../src/lib/server/owner';

// The store opens its database on first use, under DATA_DIR: set it before anything loads it.
const dataDir = mkdtempSync(join(tmpdir(), 'malleable-ops-handlers-'));
process.env.DATA_DIR = dataDir;

type Handler = (event: unknown) => Promise<Response> | Response;
let POST: Handler;
let server: StudioServer;

beforeAll(async () => {
  POST = (await import('../../src/routes/api/apps/[id]/ops/+server')).POST as unknown as Handler;
  server = (await import('../../src/lib/server/studio')).studioServer();
});

afterAll(async () => {
  for (const app of await server.store.list()) await server.delete(app.id);
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(id: string, ops: unknown): Promise<Response> {
  const url = new URL(`http://studio.test/api/apps/${id}/ops`);
  const request = new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ops })
  });
  markOwner(request);
  return POST({ params: { id }, url, request, locals: { studio: server } });
}

/** A new handler and a button in the app's root that runs it. */
function button(root: string, name: string, body: string) {
  return [
    { op: 'setHandler', component: 'App', name, params: [], body },
    {
      op: 'addNode',
      parent: root,
      type: 'Button',
      props: { label: name, onClick: { $handler: name } }
    }
  ];
}

describe('POST /api/apps/:id/ops runs the new handlers before it applies them', () => {
  it('refuses a runaway, a throwing and an ill-typed handler with their codes; applies a good one', async () => {
    const created = await server.create({ template: 'counter' });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const id = created.app.id;
    const session = (await server.session(id))!;
    const root = rootComponent(session.model)!.root;
    const bytes = () => Buffer.from(Y.encodeStateAsUpdate(session.doc)).toString('base64');
    const before = bytes();

    const attacks: [string, string][] = [
      ['while (true) {}', 'E_HANDLER_CHECK_RUNAWAY'],
      // (`throw` and `new Error` never pass the policy; code that fails when run does.)
      ["state.count = JSON.parse('not json');", 'E_HANDLER_CHECK_THREW'],
      ['state.count = JSON.parse(\'"many"\');', 'E_HANDLER_CHECK_STATE_TYPE']
    ];
    for (const [body, code] of attacks) {
      const response = await post(id, button(root, 'attack', body));
      expect(response.status, code).toBe(422);
      const answer = (await response.json()) as { ok: boolean; errors: { code: string }[] };
      expect(answer.ok).toBe(false);
      expect(answer.errors.map((e) => e.code)).toEqual([code]);
      expect(bytes()).toBe(before);
      expect(rootComponent(session.model)!.handlers.attack).toBeUndefined();
    }

    const good = await post(id, button(root, 'triple', 'state.count *= 3;'));
    expect(good.status).toBe(200);
    expect(rootComponent(session.model)!.handlers.triple.body).toBe('state.count *= 3;');
  });
});
