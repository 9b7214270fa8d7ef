/**
 * The collaboration tests' harness: a real StudioServer (SQLite, the compile gate, the sandbox)
 * behind a real HTTP server on loopback, and real Hocuspocus providers connecting to it over
 * WebSockets (Node has no WebSocket of its own: `ws` stands in, as STACK.md says).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { currentModel } from '../../src/lib/model/store';
import { childrenOf, rootComponent } from '../../src/lib/model/types';
import { StudioServer } from '../../src/lib/server/studio';
import type { CollabOptions } from '../../src/lib/server/collab-server';
import {
  COLLAB_PATH,
  documentName,
  readNotice,
  type Role,
  type ServerNotice
} from '../../src/lib/collab/protocol';

export interface Running {
  readonly studio: StudioServer;
  readonly http: Server;
  readonly port: number;
  readonly dir: string;
  readonly url: string;
  /** The studio's owner token: an owner peer passes it as its token (`connect`). */
  readonly ownerToken: string;
  stop(): Promise<void>;
}

/** Starts a studio server on a free loopback port, with its own data directory. */
export async function startServer(
  options: {
    dir?: string;
    collab?: CollabOptions;
    wrapStore?: NonNullable<ConstructorParameters<typeof StudioServer>[1]>['wrapStore'];
    port?: number;
  } = {}
): Promise<Running> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'malleable-collab-'));
  const studio = new StudioServer(dir, {
    demo: false,
    collab: { debounce: 50, maxDebounce: 200, ...options.collab },
    wrapStore: options.wrapStore
  });
  const http = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  http.on('upgrade', (req, socket, head) => {
    if (!studio.collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    studio,
    http,
    port,
    dir,
    url: `ws://127.0.0.1:${port}${COLLAB_PATH}`,
    ownerToken: studio.ownerToken,
    async stop() {
      http.closeAllConnections();
      await studio.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  };
}

/** Removes a data directory made by startServer. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface Peer {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
  /** Notices (refused, revoked) the server sent this peer. */
  readonly notices: ServerNotice[];
  /** Close events (code, reason) of the document connection. */
  readonly closes: { code: number; reason: string }[];
  authFailed: string | null;
  destroy(): void;
}

/**
 * A real provider for one app, as a person with `token`: a share link's, or `ownerToken` for the
 * owner. Without one it proves nothing and is refused (an address never makes an owner).
 */
export function connect(
  server: Pick<Running, 'url'>,
  appId: string,
  options: {
    token?: string;
    person?: string;
    name?: string;
    doc?: Y.Doc;
    /** Headers of the upgrade request (a cookie, an Origin), as a browser would send them. */
    headers?: Record<string, string>;
  } = {}
): Peer {
  const doc = options.doc ?? new Y.Doc();
  const params = new URLSearchParams();
  if (options.person) params.set('person', options.person);
  if (options.name) params.set('name', options.name);
  const headers = options.headers;
  const socket = new HocuspocusProviderWebsocket({
    url: `${server.url}?${params}`,
    WebSocketPolyfill: headers ? withHeaders(headers) : WebSocket
  });
  const notices: ServerNotice[] = [];
  const closes: { code: number; reason: string }[] = [];
  const peer: Peer = {
    doc,
    socket,
    notices,
    closes,
    authFailed: null,
    provider: new HocuspocusProvider({
      websocketProvider: socket,
      name: documentName(appId),
      document: doc,
      token: options.token ?? '',
      onStateless: ({ payload }) => {
        const notice = readNotice(payload);
        if (notice) notices.push(notice);
      },
      onAuthenticationFailed: ({ reason }) => {
        peer.authFailed = reason;
      },
      onClose: ({ event }) => {
        closes.push({ code: event.code, reason: event.reason });
      }
    }),
    destroy() {
      this.provider.destroy();
      socket.destroy();
    }
  };
  // A provider given its own websocket must be attached, or it never syncs (STACK.md).
  peer.provider.attach();
  return peer;
}

/** A `ws` WebSocket class whose upgrade requests carry `headers`. */
function withHeaders(headers: Record<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  } as typeof WebSocket;
}

/** Waits until `check` holds (polling), or fails with `what` after `ms`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 10_000
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until the peer has synced with the server. */
export function synced(peer: Peer, ms = 10_000): Promise<void> {
  return until(() => peer.provider.isSynced, 'the provider to sync', ms);
}

/** A share link for an app: its token, and the actor id a person gets with it. */
export async function linkFor(
  server: Running,
  appId: string,
  role: Role,
  expiresInMs = 3_600_000
): Promise<{ token: string; jti: string; actor: (person: string) => { id: string; role: Role } }> {
  // Awaited: the store may be asynchronous (PostgreSQL).
  const made = await server.studio.links.create(appId, role, expiresInMs);
  if (!made.ok) throw new Error(made.error.message);
  const jti = made.claims.jti;
  return { token: made.token, jti, actor: (person) => ({ id: `link:${jti}~${person}`, role }) };
}

/** The whole document state as one comparable value (key order differs between copies). */
export function snapshot(doc: Y.Doc): string {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.keys(value as object)
          .sort()
          .map((k) => [k, sort((value as Record<string, unknown>)[k])])
      );
    return value;
  };
  const out: Record<string, unknown> = {};
  for (const name of ['meta', 'components', 'nodes', 'props', 'state', 'history'])
    out[name] = sort(name === 'history' ? doc.getArray(name).toJSON() : doc.getMap(name).toJSON());
  return JSON.stringify(out);
}

/** Creates an app from a template on the server; its id. */
export async function newApp(server: Running, template = 'todo'): Promise<string> {
  const created = await server.studio.create({ template });
  if (!created.ok) throw new Error(created.errors[0].message);
  return created.app.id;
}

/** The stored document of an app, as a Y.Doc (empty when none is stored). */
export async function storedDoc(server: Running, appId: string): Promise<Y.Doc> {
  const state = await server.studio.store.loadState(appId);
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

/** The todo template's heading: the first Heading under the root component's root. */
export function headingOf(doc: Y.Doc): string {
  const model = currentModel(doc).model;
  const root = rootComponent(model)!;
  return childrenOf(model, root.root).find((id) => model.nodes.get(id)!.type === 'Heading')!;
}

/** A node's `text` prop as the document reads. */
export function textOf(doc: Y.Doc, node: string): unknown {
  return currentModel(doc).model.nodes.get(node)?.props.text;
}
