/**
 * The studio benchmark's server: the production server (`server.js`, as `npm run serve` runs it:
 * adapter-node's handler plus the `/collab` WebSocket on one port) on a fresh data directory,
 * with a known owner token, and what the benchmark asks of it over HTTP (create apps, send op
 * batches as the owner) and on disk (the stored Y.Doc of an app, read from its SQLite file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { documentName } from '../../src/lib/server/storage';
import type { Op } from '../../src/lib/model/types';

export const PORT = 4191;
export const BASE = `http://127.0.0.1:${PORT}`;
export const COLLAB_URL = `ws://127.0.0.1:${PORT}/collab`;
/** The bench studio's owner token: its script calls send it, its pages carry the owner cookie. */
export const OWNER_TOKEN = 'malleable-bench-owner-token-0123456789abcdef';
const OWNER = { authorization: `Bearer ${OWNER_TOKEN}` };
const JSON_OWNER = { 'content-type': 'application/json', ...OWNER };

/** The server could not be started: the benchmark cannot measure anything (exit 1). */
export class ServerFailure extends Error {}

export interface BenchServer {
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts `server.js` on a fresh data directory, with the environment of `npm run serve`
 * (`BODY_SIZE_LIMIT=8M`), no demo app and the bench's owner token; resolves once it answers.
 */
export async function startServer(): Promise<BenchServer> {
  if (!existsSync('build/handler.js') || !existsSync('build/sandbox/node-process.js'))
    throw new ServerFailure('build the studio first: npm run build');
  const dataDir = mkdtempSync(join(tmpdir(), 'malleable-bench-'));
  const child = spawn('node', ['server.js'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MALLEABLE_DEMO: '0',
      MALLEABLE_OWNER_TOKEN: OWNER_TOKEN,
      BODY_SIZE_LIMIT: '8M'
    },
    stdio: ['ignore', 'ignore', 'inherit']
  });
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  const server: BenchServer = { dataDir, stop: () => stop(child, dataDir) };
  for (let i = 0; i < 300 && exited === null; i++) {
    try {
      if ((await fetch(`${BASE}/api/apps`, { headers: OWNER })).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop();
  throw new ServerFailure(
    exited === null ? 'server.js did not answer within 30 s' : `server.js exited (${exited})`
  );
}

/** SIGTERM (the server stores every open app first), then the data directory goes. */
async function stop(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }
  rmSync(dataDir, { recursive: true, force: true });
}

/** Creates an app from an app file or a template; its id. */
export async function createApp(body: { file: unknown } | { template: string }): Promise<string> {
  const response = await fetch(`${BASE}/api/apps`, {
    method: 'POST',
    headers: JSON_OWNER,
    body: JSON.stringify(body)
  });
  if (response.status !== 201)
    throw new Error(`create: ${response.status} ${(await response.text()).slice(0, 300)}`);
  return ((await response.json()) as { id: string }).id;
}

/** The id of the first Heading under the root component's root (the todo's title). */
export async function headingOf(appId: string): Promise<string> {
  const file = (await appFile(appId)).json as {
    components: { view: { children: { id: string; type: string }[] } }[];
  };
  return file.components[0].view.children.find((n) => n.type === 'Heading')!.id;
}

/** The id of the root component's root view node (where the todo's Heading sits). */
export async function rootViewOf(appId: string): Promise<string> {
  const file = (await appFile(appId)).json as { components: { view: { id: string } }[] };
  return file.components[0].view.id;
}

/** The app's JSON export (`GET .../file`, what a person downloads) and its size in bytes. */
export async function appFile(appId: string): Promise<{ json: unknown; bytes: number }> {
  const response = await fetch(`${BASE}/api/apps/${appId}/file`, { headers: OWNER });
  const text = await response.text();
  if (!response.ok) throw new Error(`export: ${response.status} ${text.slice(0, 300)}`);
  return { json: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

/** Sends one op batch as the owner through the HTTP op route; throws unless it was applied. */
export async function sendOps(appId: string, ops: Op[]): Promise<void> {
  const response = await fetch(`${BASE}/api/apps/${appId}/ops`, {
    method: 'POST',
    headers: JSON_OWNER,
    body: JSON.stringify({ ops, source: 'visual' })
  });
  if (!response.ok)
    throw new Error(`ops: ${response.status} ${(await response.text()).slice(0, 300)}`);
  await response.arrayBuffer();
}

/** The stored Y.Doc of an app: its encoded bytes in the SQLite file, and the doc itself. */
export function storedDoc(server: BenchServer, appId: string): { bytes: number; doc: Y.Doc } {
  // Read-only, beside the server's own connection: WAL lets a reader in while it writes.
  const db = new Database(join(server.dataDir, 'malleable.db'), { readonly: true });
  try {
    const row = db.prepare('SELECT data FROM documents WHERE name = ?').get(documentName(appId)) as
      { data: Buffer } | undefined;
    if (!row) throw new Error(`no stored document for ${appId}`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(row.data));
    return { bytes: row.data.byteLength, doc };
  } finally {
    db.close();
  }
}

/**
 * The stored document once the server has stored the latest edits: live edits are stored after
 * a quiet spell (150 ms, at most 1 s), so this polls until two reads 1.5 s apart agree.
 */
export async function settledDoc(
  server: BenchServer,
  appId: string
): Promise<{ bytes: number; doc: Y.Doc }> {
  let last = storedDoc(server, appId);
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 1_500));
    const next = storedDoc(server, appId);
    if (next.bytes === last.bytes) return next;
    last = next;
  }
  return last;
}
