/**
 * The collaboration socket as a hostile web page would try it, against the real server: a page
 * on another origin (or another port of this host) opening `/collab` in the owner's browser, with
 * the owner's cookie; a DNS-rebound page whose requests say `Host: evil.example`; a loopback
 * connection with no proof at all. Each is refused (the first two before the WebSocket exists,
 * so nothing is sent to them), the owner's real proofs work, and an honest editor keeps working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { OWNER_COOKIE } from '../../src/lib/server/owner';
import { commitPlanned, originFor } from '../../src/lib/ops/write';
import {
  connect,
  headingOf,
  linkFor,
  newApp,
  removeDir,
  startServer,
  synced,
  textOf,
  until,
  type Peer,
  type Running
} from './harness';

let server: Running;
let appId: string;
let heading: string;
let honest: Peer;
let honestActor: { id: string; role: 'editor' };
const peers: Peer[] = [];

function peer(options: Parameters<typeof connect>[2]): Peer {
  const p = connect(server, appId, options);
  peers.push(p);
  return p;
}

/** What a raw WebSocket with `headers` got: the handshake's status, whether it opened, what it was sent. */
async function rawSocket(
  headers: Record<string, string>,
  query = ''
): Promise<{ status: number | null; opened: boolean; received: number; body: string }> {
  const ws = new WebSocket(`${server.url}?person=mallory-01${query}`, { headers });
  let received = 0;
  ws.on('message', () => received++);
  const outcome = await new Promise<{ status: number | null; opened: boolean; body: string }>(
    (resolve) => {
      ws.on('open', () => resolve({ status: 101, opened: true, body: '' }));
      ws.on('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? null, opened: false, body }));
      });
      ws.on('error', () => resolve({ status: null, opened: false, body: '' }));
    }
  );
  // Anything the server would push (awareness, the document) arrives right after opening.
  if (outcome.opened) await new Promise((resolve) => setTimeout(resolve, 100));
  ws.terminate();
  return { ...outcome, received };
}

/** The honest editor changes the heading and the server has it. */
async function honestStillEdits(text: string): Promise<void> {
  const written = commitPlanned(
    honest.doc,
    [{ op: 'setProp', id: heading, name: 'text', value: text }],
    originFor(honestActor)
  );
  expect(written.ok).toBe(true);
  await until(
    async () => textOf((await server.studio.session(appId))!.doc, heading) === text,
    'the honest edit to reach the server'
  );
}

beforeAll(async () => {
  server = await startServer();
  appId = await newApp(server);
  const link = await linkFor(server, appId, 'editor');
  honestActor = link.actor('honest-01') as { id: string; role: 'editor' };
  honest = peer({ token: link.token, person: 'honest-01' });
  await synced(honest);
  heading = headingOf(honest.doc);
});

afterAll(async () => {
  for (const p of peers) p.destroy();
  await server.stop();
  removeDir(server.dir);
});

describe('a page on another origin', () => {
  const cookie = () => `${OWNER_COOKIE}=${server.ownerToken}`;

  it('is refused with the owner’s cookie before the socket opens, and is sent nothing', async () => {
    const before = server.studio.collab.connectionCount;
    const attack = await rawSocket({ origin: 'http://evil.example', cookie: cookie() });
    expect(attack).toMatchObject({ status: 403, opened: false, received: 0 });
    expect(attack.body).toContain('E_ORIGIN_FORBIDDEN');
    expect(server.studio.collab.connectionCount).toBe(before);
    await honestStillEdits('after a foreign origin');
  });

  it('is refused from another port of this host (same site, so the cookie is sent)', async () => {
    const attack = await rawSocket({ origin: 'http://127.0.0.1:1', cookie: cookie() });
    expect(attack).toMatchObject({ status: 403, opened: false, received: 0 });
    expect(attack.body).toContain('E_ORIGIN_FORBIDDEN');
  });

  it('the same socket from the studio’s own origin opens (the check above is what refused)', async () => {
    const own = await rawSocket({ origin: `http://127.0.0.1:${server.port}`, cookie: cookie() });
    expect(own).toMatchObject({ status: 101, opened: true });
  });

  it('a real provider with a foreign Origin never authenticates, and its edit goes nowhere', async () => {
    const mallory = peer({
      token: server.ownerToken,
      person: 'mallory-02',
      headers: { origin: 'http://evil.example', cookie: cookie() }
    });
    // Written before the first attempt: a connection that got through would carry it.
    mallory.doc.getMap('meta').set('title', 'Renamed by a foreign page');
    await until(() => mallory.closes.length > 0, 'the refused handshake to close');
    expect(mallory.provider.isSynced).toBe(false);
    expect((await server.studio.session(appId))!.model.meta.title).not.toBe(
      'Renamed by a foreign page'
    );
    mallory.destroy();
  });
});

describe('a DNS-rebound page', () => {
  it('is refused for Host evil.example, with or without a port', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `localhost.evil.example`]) {
      const attack = await rawSocket({ host });
      expect(attack, host).toMatchObject({ status: 403, opened: false, received: 0 });
      expect(attack.body).toContain('E_HOST_FORBIDDEN');
    }
    await honestStillEdits('after a rebinding');
  });

  it('a loopback Host name opens (the check above is what refused)', async () => {
    const own = await rawSocket({ host: `localhost:${server.port}` });
    expect(own).toMatchObject({ status: 101, opened: true });
  });
});

describe('the owner is proven, never assumed from the address', () => {
  it('a loopback connection with no token and no cookie is refused', async () => {
    const anon = peer({ person: 'anon-0001' });
    await until(() => anon.authFailed !== null, 'the tokenless connection to be refused');
    expect(anon.authFailed).toMatch(/E_LOGIN_REQUIRED/);
    expect(anon.provider.isSynced).toBe(false);
    anon.destroy();
  });

  it('a wrong cookie or a wrong token is refused', async () => {
    const badCookie = peer({
      person: 'anon-0002',
      headers: { cookie: `${OWNER_COOKIE}=${server.ownerToken}x` }
    });
    const last = server.ownerToken.endsWith('A') ? 'B' : 'A';
    const badToken = peer({ person: 'anon-0003', token: server.ownerToken.slice(0, -1) + last });
    await until(
      () => badCookie.authFailed !== null && badToken.authFailed !== null,
      'both to be refused'
    );
    expect(badCookie.authFailed).toMatch(/E_LOGIN_REQUIRED/);
    expect(badToken.authFailed).toMatch(/E_TOKEN_INVALID/);
    badCookie.destroy();
    badToken.destroy();
  });

  it('the owner token, or the owner cookie, is the owner, and edits reach the honest editor', async () => {
    const byToken = peer({ token: server.ownerToken, person: 'owner-001' });
    const byCookie = peer({
      person: 'owner-002',
      headers: { cookie: `${OWNER_COOKIE}=${server.ownerToken}` }
    });
    await synced(byToken);
    await synced(byCookie);
    const owner = { id: 'owner~owner-001', role: 'owner' as const };
    const written = commitPlanned(
      byToken.doc,
      [{ op: 'setProp', id: heading, name: 'text', value: 'by the owner' }],
      originFor(owner)
    );
    expect(written.ok).toBe(true);
    await until(() => textOf(honest.doc, heading) === 'by the owner', 'the owner’s edit');
    await until(
      () => textOf(byCookie.doc, heading) === 'by the owner',
      'the cookie owner to see it'
    );
    await honestStillEdits('the honest editor, last');
    await until(() => textOf(byToken.doc, heading) === 'the honest editor, last', 'the owner');
  });
});

describe('a tab of another build (an old tab after an upgrade)', () => {
  it('is refused before the socket opens (E_VERSION_SKEW), and a tab of this build opens', async () => {
    server.studio.collab.setBuild('build-2');
    try {
      const own = {
        origin: `http://127.0.0.1:${server.port}`,
        cookie: `${OWNER_COOKIE}=${server.ownerToken}`
      };
      const old = await rawSocket(own, '&v=build-1');
      expect(old).toMatchObject({ status: 409, opened: false, received: 0 });
      expect(old.body).toContain('E_VERSION_SKEW');
      expect(await rawSocket(own, '&v=build-2')).toMatchObject({ status: 101, opened: true });
      await honestStillEdits('after an old tab');
    } finally {
      server.studio.collab.setBuild('');
    }
  });
});
