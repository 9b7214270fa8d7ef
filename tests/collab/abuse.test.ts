/**
 * Hostile connections against the real server: forged, foreign, expired and revoked tokens, a
 * 20 MB update, a flood before authentication and a flood after it. Each is refused or closed,
 * the connection is told why where it can be, nothing is stored or broadcast, and an honest
 * editor on the same app goes on working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { commitPlanned, originFor } from '../../src/lib/ops/write';
import {
  connect,
  linkFor,
  newApp,
  removeDir,
  snapshot,
  startServer,
  synced,
  until,
  type Peer,
  type Running,
  headingOf,
  textOf
} from './harness';

let server: Running;
let appId: string;
let honest: Peer;
let honestActor: { id: string; role: 'editor' };
let heading: string;
const peers: Peer[] = [];

function peer(options: Parameters<typeof connect>[2] = {}): Peer {
  const p = connect(server, appId, options);
  peers.push(p);
  return p;
}

async function serverSnapshot(): Promise<string> {
  return snapshot((await server.studio.session(appId))!.doc);
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
  server = await startServer({ collab: { rateBurst: 60, ratePerSecond: 30 } });
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

describe('tokens', () => {
  it('a forged token is refused before anything syncs', async () => {
    const { token } = await linkFor(server, appId, 'editor');
    const [body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { role: string };
    claims.role = 'owner';
    const forged = `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const mallory = peer({ token: forged, person: 'mallory-1' });
    await until(() => mallory.authFailed !== null, 'the forged token to be refused');
    expect(mallory.authFailed).toMatch(/E_TOKEN_INVALID/);
    expect(mallory.provider.isSynced).toBe(false);
    mallory.destroy();
  });

  it('another app’s token is refused', async () => {
    const other = await newApp(server, 'counter');
    const { token } = await linkFor(server, other, 'owner');
    const mallory = peer({ token, person: 'mallory-2' });
    await until(() => mallory.authFailed !== null, 'the foreign token to be refused');
    expect(mallory.authFailed).toMatch(/E_TOKEN_INVALID/);
    mallory.destroy();
  });

  it('a link that expires mid-session closes the connection, and later writes go nowhere', async () => {
    const link = await linkFor(server, appId, 'editor', 1500);
    const eve = peer({ token: link.token, person: 'eve-0001' });
    await synced(eve);
    await until(() => eve.notices.length > 0, 'the expiry notice', 5000);
    expect(eve.notices[0]).toMatchObject({ type: 'revoked' });
    expect(eve.notices[0].errors[0].code).toBe('E_TOKEN_EXPIRED');
    const before = await serverSnapshot();
    eve.doc.getMap('props').set(`${heading}/text`, 'after expiry');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await serverSnapshot()).toBe(before);
    eve.destroy();
    await honestStillEdits('after the expiry');
  });

  it('a link revoked mid-session closes its connections at once', async () => {
    const link = await linkFor(server, appId, 'editor');
    const rev = peer({ token: link.token, person: 'rev-0001' });
    await synced(rev);
    expect(await server.studio.revokeLink(appId, link.jti)).toBe(true);
    await until(() => rev.notices.length > 0, 'the revocation notice');
    expect(rev.notices[0].errors[0].code).toBe('E_TOKEN_REVOKED');
    const before = await serverSnapshot();
    rev.doc.getMap('props').set(`${heading}/text`, 'after revocation');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await serverSnapshot()).toBe(before);
    // A new connection with the revoked link is refused too.
    const again = peer({ token: link.token, person: 'rev-0002' });
    await until(() => again.authFailed !== null, 'the revoked link to be refused');
    expect(again.authFailed).toMatch(/E_TOKEN_REVOKED/);
    rev.destroy();
    again.destroy();
    await honestStillEdits('after the revocation');
  });
});

describe('floods and giants', () => {
  it('a 20 MB update closes the connection; nothing is stored or broadcast', async () => {
    const big = peer({ token: (await linkFor(server, appId, 'editor')).token, person: 'big-0001' });
    await synced(big);
    const before = await serverSnapshot();
    const honestBefore = snapshot(honest.doc);
    big.doc.getMap('props').set(`${heading}/text`, 'x'.repeat(20 * 1024 * 1024));
    await until(() => big.closes.length > 0 || !big.provider.isSynced, 'the giant to be dropped');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await serverSnapshot()).toBe(before);
    expect(snapshot(honest.doc)).toBe(honestBefore);
    big.destroy();
    await honestStillEdits('after the giant');
  });

  it('a flood before authentication closes the socket', async () => {
    const ws = new WebSocket(server.url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    // Sync messages addressed to the app, never preceded by an auth message.
    for (let i = 0; i < 500 && ws.readyState === WebSocket.OPEN; i++) {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, `app/${appId}`);
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint8Array(encoder, new Uint8Array(64));
      ws.send(encoding.toUint8Array(encoder));
    }
    const code = await closed;
    expect(code).toBeGreaterThanOrEqual(1000);
    await honestStillEdits('after the flood');
  });

  it('a flood of messages after authentication is cut off by the rate limit', async () => {
    const noisy = peer({
      token: (await linkFor(server, appId, 'editor')).token,
      person: 'noisy-01'
    });
    await synced(noisy);
    for (let i = 0; i < 300; i++) noisy.provider.setAwarenessField('pointer', { x: i, y: i });
    await until(
      () => noisy.closes.some((c) => /E_RATE_LIMITED/.test(c.reason)),
      'the rate limit to close the noisy connection'
    );
    noisy.destroy();
    await honestStillEdits('after the noise');
  });
});
