/**
 * Several instances behind a load balancer (issue 6): two studio servers on one PostgreSQL
 * database and one Redis, each with its own HTTP server and a real provider connected to it,
 * editing one app. A link made on A works on B; an edit on either reaches the other; after both
 * stop, a fresh instance loads a document with both edits; a link revoked on A is refused on B
 * (new connections, and B's open ones are closed); an app deleted on A closes B's connections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { currentModel } from '../../src/lib/model/store';
import { commitPlanned, originFor } from '../../src/lib/ops/write';
import { childrenOf, rootComponent } from '../../src/lib/model/types';
import {
  connect,
  linkFor,
  newApp,
  synced,
  until,
  type Peer,
  type Running
} from '../collab/harness';
import { eventually, freshPrefix, freshSchema, serviceUrls, startInstance } from './services';

const urls = serviceUrls();
let schema: Awaited<ReturnType<typeof freshSchema>>;
let prefix: string;
const running: Running[] = [];
const peers: Peer[] = [];

/** An instance on the shared database and Redis. */
async function instance(): Promise<Running> {
  const started = await startInstance({
    databaseUrl: schema.url,
    redisUrl: urls.redis,
    redisPrefix: prefix
  });
  running.push(started);
  return started;
}

async function stop(server: Running): Promise<void> {
  running.splice(running.indexOf(server), 1);
  await server.stop();
}

function peer(server: Running, appId: string, options: Parameters<typeof connect>[2]): Peer {
  const p = connect(server, appId, options);
  peers.push(p);
  return p;
}

function headingOf(doc: Y.Doc): string {
  const model = currentModel(doc).model;
  const root = rootComponent(model)!;
  return childrenOf(model, root.root).find((id) => model.nodes.get(id)!.type === 'Heading')!;
}

function propsOf(doc: Y.Doc, node: string): Record<string, unknown> {
  return currentModel(doc).model.nodes.get(node)?.props ?? {};
}

/** A person's edit of one prop, as the studio in their browser makes it. */
function write(peer: Peer, actor: string, node: string, name: string, value: unknown): void {
  const written = commitPlanned(
    peer.doc,
    [{ op: 'setProp', id: node, name, value }],
    originFor({ id: actor, role: 'editor' })
  );
  expect(written.ok).toBe(true);
}

beforeAll(async () => {
  schema = await freshSchema(urls.database);
  prefix = freshPrefix();
});

afterAll(async () => {
  for (const p of peers) p.destroy();
  for (const server of [...running]) await stop(server);
  await schema?.drop();
});

describe('two instances on one database and one Redis', () => {
  let a: Running;
  let b: Running;
  let appId: string;
  let heading: string;

  it('carries edits both ways between people on different instances, and stores both', async () => {
    [a, b] = await Promise.all([instance(), instance()]);
    appId = await newApp(a);
    // The app made on A is in B's list: one database.
    expect((await b.studio.store.list()).map((app) => app.id)).toEqual([appId]);
    // A link made on A verifies on B: one signing secret, one list of links.
    const link = await linkFor(a, appId, 'editor');
    const ann = peer(a, appId, { token: link.token, person: 'ann-0001', name: 'Ann' });
    const bob = peer(b, appId, { token: link.token, person: 'bob-0001', name: 'Bob' });
    await Promise.all([synced(ann), synced(bob)]);
    expect([ann.authFailed, bob.authFailed]).toEqual([null, null]);
    heading = headingOf(ann.doc);

    write(ann, link.actor('ann-0001').id, heading, 'text', 'Written on A');
    await until(
      () => propsOf(bob.doc, heading).text === 'Written on A',
      'Bob (on B) to see A’s edit'
    );
    write(bob, link.actor('bob-0001').id, heading, 'level', 2);
    await until(() => propsOf(ann.doc, heading).level === 2, 'Ann (on A) to see B’s edit');
    await until(
      () => !ann.provider.hasUnsyncedChanges && !bob.provider.hasUnsyncedChanges,
      'both instances to acknowledge'
    );
    expect([ann.notices, bob.notices]).toEqual([[], []]);
    // Stored soon after by the instance each edit was made on, before any shutdown.
    await eventually(async () => {
      const stored = await b.studio.store.loadDoc(appId);
      const props = propsOf(stored!, heading);
      return props.text === 'Written on A' && props.level === 2;
    }, 'both edits to be stored');

    ann.destroy();
    bob.destroy();
    await Promise.all([stop(a), stop(b)]);
    const fresh = await instance();
    const stored = await fresh.studio.store.loadDoc(appId);
    expect(propsOf(stored!, heading)).toMatchObject({ text: 'Written on A', level: 2 });
    // The fresh instance serves it live too.
    const session = await fresh.studio.session(appId);
    expect(propsOf(session!.doc, heading)).toMatchObject({ text: 'Written on A', level: 2 });
    await stop(fresh);
  });

  it('refuses on B a link revoked on A, and closes B’s connections that came with it', async () => {
    [a, b] = await Promise.all([instance(), instance()]);
    const link = await linkFor(a, appId, 'editor');
    const onB = peer(b, appId, { token: link.token, person: 'cat-0001' });
    await synced(onB);

    expect(await a.studio.revokeLink(appId, link.jti)).toBe(true);
    // B's open connection: told and closed, through the announcement on Redis.
    await until(() => onB.notices.length > 0, 'B to close the revoked link’s connection');
    expect(onB.notices[0]).toMatchObject({
      type: 'revoked',
      errors: [{ code: 'E_TOKEN_REVOKED' }]
    });
    // What it writes afterwards goes nowhere.
    const heading = headingOf(onB.doc);
    write(onB, link.actor('cat-0001').id, heading, 'text', 'after the revocation');
    await new Promise((resolve) => setTimeout(resolve, 400));
    for (const server of [a, b])
      expect(propsOf((await server.studio.session(appId))!.doc, heading).text).toBe('Written on A');
    onB.destroy();
    // A new connection to B with the revoked link: refused, from the shared database.
    const again = peer(b, appId, { token: link.token, person: 'cat-0002' });
    await until(() => again.authFailed !== null, 'B to refuse the revoked link');
    expect(again.authFailed).toMatch(/E_TOKEN_REVOKED/);
    expect(await b.studio.links.verify(link.token, appId)).toMatchObject({
      ok: false,
      error: { code: 'E_TOKEN_REVOKED' }
    });
    again.destroy();
  });

  it('closes B’s connections to an app deleted on A', async () => {
    const link = await linkFor(a, appId, 'editor');
    const onB = peer(b, appId, { token: link.token, person: 'dan-0001' });
    await synced(onB);
    expect(await a.studio.delete(appId)).toBe(true);
    await until(() => onB.notices.length > 0, 'B to close the deleted app’s connection');
    expect(onB.notices[0]).toMatchObject({
      type: 'revoked',
      errors: [{ code: 'E_APP_NOT_FOUND' }]
    });
    expect(await b.studio.session(appId)).toBeNull();
    onB.destroy();
  });

  it('ignores an announcement the database does not back', async () => {
    expect(await a.studio.store.undelete(appId)).toBe(true);
    const link = await linkFor(a, appId, 'editor');
    const onB = peer(b, appId, { token: link.token, person: 'eve-0001' });
    await synced(onB);
    // Someone on Redis claims the link was revoked; the database says it is live.
    const { default: IORedis } = await import('ioredis');
    const forger = new IORedis(urls.redis);
    await forger.publish(
      `${prefix}#events`,
      JSON.stringify({ from: 'forger', event: { type: 'revoked', app: appId, jti: link.jti } })
    );
    await forger.publish(
      `${prefix}#events`,
      JSON.stringify({ from: 'forger', event: { type: 'deleted', app: appId } })
    );
    forger.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onB.notices).toEqual([]);
    await eventually(
      async () => (await b.studio.links.verify(link.token, appId)).ok,
      'still valid'
    );
    onB.destroy();
  });
});

describe('configuration from the environment', () => {
  it('studioServer() stores in PostgreSQL with DATABASE_URL and joins Redis with REDIS_URL', async () => {
    const own = await freshSchema(urls.database);
    const saved = { ...process.env };
    Object.assign(process.env, {
      DATABASE_URL: own.url,
      REDIS_URL: urls.redis,
      MALLEABLE_DEMO: '1',
      DATA_DIR: ':memory:'
    });
    const { studioServer, closeStudioServer } = await import('../../src/lib/server/studio');
    try {
      const studio = studioServer();
      // A first start on the empty database made the demo app, in PostgreSQL.
      expect((await studio.store.list()).map((app) => app.title)).toEqual(['Todo (demo)']);
      const other = await startInstance({ databaseUrl: own.url });
      try {
        expect((await other.studio.store.list()).map((app) => app.title)).toEqual(['Todo (demo)']);
      } finally {
        await other.stop();
      }
    } finally {
      await closeStudioServer();
      process.env = saved;
      await own.drop();
    }
  });
});
