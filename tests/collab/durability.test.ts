/**
 * Nothing acknowledged or held by a client is lost: the server killed with `kill -9` 1 s and 9 s
 * after the last edit (clients still open), stopped with SIGTERM inside a long debounce, a store
 * that fails three times before it works, and a load that fails (the stored app is not
 * overwritten with an empty document).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import { StudioServer } from '../../src/lib/server/studio';
import { CollabServer, type CollabHost } from '../../src/lib/server/collab-server';
import { commitPlanned, originFor } from '../../src/lib/ops/write';
import { COLLAB_PATH, documentName } from '../../src/lib/collab/protocol';
import { connect, removeDir, synced, until, type Peer, headingOf, textOf } from './harness';

const dirs: string[] = [];
const children: ChildProcess[] = [];
const peers: Peer[] = [];

afterAll(() => {
  for (const p of peers) p.destroy();
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) removeDir(d);
});

/** A data directory with one todo app and an editor link, made by a server that is then closed. */
async function prepare(): Promise<{ dir: string; appId: string; token: string; jti: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'malleable-durable-'));
  dirs.push(dir);
  const studio = new StudioServer(dir, { demo: false });
  const created = await studio.create({ template: 'todo' });
  if (!created.ok) throw new Error('create failed');
  const made = await studio.links.create(created.app.id, 'editor', 3_600_000);
  if (!made.ok) throw new Error('link failed');
  await studio.close();
  return { dir, appId: created.app.id, token: made.token, jti: made.claims.jti };
}

/** Starts the server in its own process; resolves with its port once it listens. */
function start(
  dir: string,
  port = 0,
  env: Record<string, string> = {}
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'server-process.ts')],
    { env: { ...process.env, DATA_DIR: dir, PORT: String(port), ...env }, stdio: 'pipe' }
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (\d+)/.exec(out);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`the server exited early (${code}): ${out}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** The heading text of the app as stored on disk (read by a fresh server, then closed). */
async function storedText(dir: string, appId: string, node: string): Promise<unknown> {
  const studio = new StudioServer(dir, { demo: false });
  const state = await studio.store.loadState(appId);
  await studio.close();
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return textOf(doc, node);
}

function write(peer: Peer, actor: string, node: string, text: string): void {
  const written = commitPlanned(
    peer.doc,
    [{ op: 'setProp', id: node, name: 'text', value: text }],
    originFor({ id: actor, role: 'editor' })
  );
  expect(written.ok).toBe(true);
}

describe('kill -9 with clients still open', () => {
  for (const wait of [1000, 9000]) {
    it(`${wait / 1000} s after the last edit: nothing acknowledged or held by a client is lost`, async () => {
      const { dir, appId, token, jti } = await prepare();
      const first = await start(dir);
      const url = { url: `ws://127.0.0.1:${first.port}${COLLAB_PATH}` };
      const ann = connect(url, appId, { token, person: 'ann-0001' });
      const bob = connect(url, appId, { token, person: 'bob-0001' });
      peers.push(ann, bob);
      await Promise.all([synced(ann), synced(bob)]);
      const heading = headingOf(ann.doc);
      // Acknowledged: Bob has it, so the server had it.
      write(ann, `link:${jti}~ann-0001`, heading, 'acknowledged');
      await until(() => textOf(bob.doc, heading) === 'acknowledged', 'Bob to see the edit');
      await new Promise((resolve) => setTimeout(resolve, wait));
      first.child.kill('SIGKILL');
      await exited(first.child);
      // Held only by a client: written while the server is down.
      write(bob, `link:${jti}~bob-0001`, heading, 'held by Bob');
      const second = await start(dir, first.port);
      await until(
        () => textOf(ann.doc, heading) === 'held by Bob',
        'Ann to get Bob’s edit',
        20_000
      );
      // The restarted server stored both: the edit before the kill and the one Bob held.
      await until(
        async () => (await storedText(dir, appId, heading)) === 'held by Bob',
        'the restarted server to store what Bob held',
        20_000
      );
      const history = ann.doc.getArray<{ summary: string }>('history').toArray();
      expect(history.some((e) => e.summary.includes('acknowledged'))).toBe(true);
      ann.destroy();
      bob.destroy();
      second.child.kill('SIGTERM');
      await exited(second.child);
    }, 60_000);
  }
});

describe('shutdown and failing storage', () => {
  it('SIGTERM inside a long debounce stores the pending edit before exiting', async () => {
    const { dir, appId, token, jti } = await prepare();
    const server = await start(dir, 0, { DEBOUNCE_MS: '60000', MAX_DEBOUNCE_MS: '120000' });
    const ann = connect({ url: `ws://127.0.0.1:${server.port}${COLLAB_PATH}` }, appId, {
      token,
      person: 'ann-0001'
    });
    peers.push(ann);
    await synced(ann);
    const heading = headingOf(ann.doc);
    write(ann, `link:${jti}~ann-0001`, heading, 'before SIGTERM');
    await until(() => !ann.provider.hasUnsyncedChanges, 'the server to acknowledge');
    expect(await storedText(dir, appId, heading)).not.toBe('before SIGTERM');
    ann.destroy();
    server.child.kill('SIGTERM');
    await exited(server.child);
    expect(server.child.exitCode).toBe(0);
    expect(await storedText(dir, appId, heading)).toBe('before SIGTERM');
  }, 30_000);

  /** A collaboration server over a host whose storage can be made to fail. */
  async function faultyServer(host: Partial<CollabHost>, state: Uint8Array) {
    let stored: Uint8Array | null = state;
    const base: CollabHost = {
      appExists: () => true,
      loadState: async () => stored,
      storeState: async (_id, next) => {
        stored = next;
      },
      verifyToken: () => ({
        ok: false,
        error: { code: 'E_TOKEN_INVALID', message: 'no links here' }
      }),
      session: async () => null
    };
    const collab = new CollabServer(
      { ...base, ...host, storeState: host.storeState ?? base.storeState },
      { debounce: 20, maxDebounce: 100, retryDelays: [20, 40, 80, 160] }
    );
    const http = createServer();
    http.on('upgrade', (req, socket, head) => {
      if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const port = (http.address() as AddressInfo).port;
    return {
      collab,
      url: `ws://127.0.0.1:${port}${COLLAB_PATH}`,
      stored: () => stored,
      async stop() {
        http.closeAllConnections();
        await collab.destroy();
        http.close();
      }
    };
  }

  /** A todo app's whole document, and its heading's id. */
  async function appState(): Promise<{ state: Uint8Array; heading: string }> {
    const studio = new StudioServer(':memory:', { demo: false });
    const created = await studio.create({ template: 'todo' });
    if (!created.ok) throw new Error('create failed');
    const state = (await studio.store.loadState(created.app.id))!;
    await studio.close();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return { state, heading: headingOf(doc) };
  }

  it('a store that fails three times keeps the document in memory, then stores it', async () => {
    const { state, heading } = await appState();
    let failures = 0;
    let saved: Uint8Array | null = null;
    const server = await faultyServer(
      {
        storeState: async (_id, next) => {
          if (failures < 3) {
            failures++;
            throw new Error(`disk full (${failures})`);
          }
          saved = next;
        }
      },
      state
    );
    const appId = 'abcdefgh23';
    const doc = (await server.collab.document(appId)) as Y.Doc;
    doc.transact(() => doc.getMap('props').set(`${heading}/text`, 'kept through failures'));
    await until(() => saved !== null, 'the fourth attempt to store', 10_000);
    expect(failures).toBe(3);
    const back = new Y.Doc();
    Y.applyUpdate(back, saved!);
    expect(textOf(back, heading)).toBe('kept through failures');
    // The document stayed loaded all along: the same object answers.
    expect(server.collab.hocuspocus.documents.get(documentName(appId))).toBe(doc);
    await server.stop();
  });

  it('a failed load never stores an empty document over the app', async () => {
    const { state } = await appState();
    let loads = 0;
    const writes: Uint8Array[] = [];
    const server = await faultyServer(
      {
        loadState: async () => {
          loads++;
          if (loads === 1) throw new Error('the database is down');
          return state;
        },
        storeState: async (_id, next) => {
          writes.push(next);
        }
      },
      state
    );
    const appId = 'abcdefgh45';
    await expect(server.collab.document(appId)).rejects.toThrow(/down/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(writes).toEqual([]);
    // The next attempt loads the real document.
    const doc = (await server.collab.document(appId)) as Y.Doc;
    expect(doc.getMap('components').size).toBeGreaterThan(0);
    await server.stop();
  });
});
