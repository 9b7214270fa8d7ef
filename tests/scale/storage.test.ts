/**
 * The storage contract (src/lib/server/storage.ts), one test body run against both
 * implementations: SQLite (in memory) and PostgreSQL (a fresh schema of the test database).
 * Apps are created, listed, deleted and restored; documents load and save; links are inserted,
 * revoked and listed; and two saves of documents that diverged both survive (merge), also when
 * they race. PostgreSQL alone: two instances opening one empty database together, and a schema
 * written by a newer version.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import pg from 'pg';
import type { AppRecord, LinkRecord, Storage } from '../../src/lib/server/storage';
import { sqliteStorage } from '../../src/lib/server/storage-sqlite';
import { postgresStorage } from '../../src/lib/server/storage-postgres';
import { freshSchema, serviceUrls } from './services';

const urls = serviceUrls();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A storage of `kind` over an empty database, closed (and dropped) after the file. */
async function open(kind: 'sqlite' | 'postgres'): Promise<Storage> {
  if (kind === 'sqlite') {
    const storage = sqliteStorage(':memory:');
    cleanups.push(() => storage.close());
    return storage;
  }
  const schema = await freshSchema(urls.database);
  cleanups.push(() => schema.drop());
  const storage = postgresStorage(schema.url);
  cleanups.push(() => storage.close());
  await storage.ready;
  return storage;
}

function app(id: string, at: number, title = `App ${id}`): AppRecord {
  return { id, title, template: 'todo', created: at, updated: at, deleted: null };
}

function docWith(entries: Record<string, string>): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'Base');
  for (const [key, value] of Object.entries(entries)) doc.getMap('data').set(key, value);
  return doc;
}

function forked(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

function contentOf(state: Uint8Array | null): { meta: unknown; data: unknown } {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return { meta: doc.getMap('meta').toJSON(), data: doc.getMap('data').toJSON() };
}

function link(jti: string, app: string, created: number, expires: number): LinkRecord {
  return { jti, app, role: 'editor', created, expires, revoked: null };
}

describe.each(['sqlite', 'postgres'] as const)('the storage contract on %s', (kind) => {
  it('creates, lists, gets, deletes and restores apps', async () => {
    const storage = await open(kind);
    expect(storage.kind).toBe(kind);
    expect(await storage.apps.isEmpty()).toBe(true);
    expect(await storage.apps.list()).toEqual([]);
    const state = Y.encodeStateAsUpdate(docWith({}));
    await storage.apps.create(app('aaaaaaaaaa', 1000), state);
    await storage.apps.create(app('bbbbbbbbbb', 3000), state);
    await storage.apps.create(app('cccccccccc', 2000), state);
    expect(await storage.apps.isEmpty()).toBe(false);
    expect((await storage.apps.list()).map((a) => a.id)).toEqual([
      'bbbbbbbbbb',
      'cccccccccc',
      'aaaaaaaaaa'
    ]);
    expect(await storage.apps.get('aaaaaaaaaa')).toEqual(app('aaaaaaaaaa', 1000));
    expect(await storage.apps.get('zzzzzzzzzz')).toBeNull();
    // A second app with the same id is refused, and leaves the first as it was.
    await expect(storage.apps.create(app('aaaaaaaaaa', 5000, 'Other'), state)).rejects.toThrow();
    expect((await storage.apps.get('aaaaaaaaaa'))!.title).toBe('App aaaaaaaaaa');

    expect(await storage.apps.delete('bbbbbbbbbb', 4000)).toBe(true);
    expect(await storage.apps.delete('bbbbbbbbbb', 4500)).toBe(false);
    expect(await storage.apps.delete('zzzzzzzzzz', 4500)).toBe(false);
    expect((await storage.apps.list()).map((a) => a.id)).toEqual(['cccccccccc', 'aaaaaaaaaa']);
    expect((await storage.apps.get('bbbbbbbbbb'))!.deleted).toBe(4000);
    expect(await storage.apps.undelete('bbbbbbbbbb')).toBe(true);
    expect(await storage.apps.undelete('bbbbbbbbbb')).toBe(false);
    expect(await storage.apps.get('bbbbbbbbbb')).toEqual(app('bbbbbbbbbb', 3000));
    // Deleted apps still count: deleting every app does not make a first start again.
    for (const id of ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc'])
      await storage.apps.delete(id, 6000);
    expect(await storage.apps.isEmpty()).toBe(false);
  });

  it('stores a first start’s app only into an empty database', async () => {
    const storage = await open(kind);
    const state = Y.encodeStateAsUpdate(docWith({}));
    expect(await storage.apps.createFirst(app('dddddddddd', 1000), state)).toBe(true);
    expect(await storage.apps.createFirst(app('eeeeeeeeee', 2000), state)).toBe(false);
    expect((await storage.apps.list()).map((a) => a.id)).toEqual(['dddddddddd']);
    expect(contentOf(await storage.documents.load('dddddddddd'))).toEqual(contentOf(state));
  });

  it('loads and saves documents, with the title and change time', async () => {
    const storage = await open(kind);
    const doc = docWith({ a: '1' });
    await storage.apps.create(app('ffffffffff', 1000), Y.encodeStateAsUpdate(doc));
    expect(contentOf(await storage.documents.load('ffffffffff'))).toEqual({
      meta: { title: 'Base' },
      data: { a: '1' }
    });
    expect(await storage.documents.load('zzzzzzzzzz')).toBeNull();
    doc.getMap('data').set('b', '2');
    doc.getMap('meta').set('title', 'Renamed');
    await storage.documents.save('ffffffffff', Y.encodeStateAsUpdate(doc), {
      title: 'Renamed',
      at: 2000
    });
    expect(contentOf(await storage.documents.load('ffffffffff'))).toEqual({
      meta: { title: 'Renamed' },
      data: { a: '1', b: '2' }
    });
    expect(await storage.apps.get('ffffffffff')).toMatchObject({
      title: 'Renamed',
      updated: 2000,
      created: 1000
    });
    // Saving for an app that has no document stores nothing.
    await storage.documents.save('zzzzzzzzzz', Y.encodeStateAsUpdate(doc), {
      title: 'Ghost',
      at: 3000
    });
    expect(await storage.documents.load('zzzzzzzzzz')).toBeNull();
    expect(await storage.apps.get('zzzzzzzzzz')).toBeNull();
  });

  it('keeps both of two diverging documents, stored one after the other or at once', async () => {
    const storage = await open(kind);
    const base = Y.encodeStateAsUpdate(docWith({ kept: 'base', gone: 'base' }));
    await storage.apps.create(app('gggggggggg', 1000), base);
    await storage.apps.create(app('hhhhhhhhhh', 1000), base);

    // One after the other: the second writer never saw the first one's edits.
    const one = forked(base);
    const other = forked(base);
    one.getMap('data').set('one', 'A');
    one.getMap('meta').set('title', 'Renamed by one');
    other.getMap('data').set('other', 'B');
    other.getMap('data').delete('gone');
    await storage.documents.save('gggggggggg', Y.encodeStateAsUpdate(one), {
      title: 'Renamed by one',
      at: 2000
    });
    await storage.documents.save('gggggggggg', Y.encodeStateAsUpdate(other), {
      title: 'Base',
      at: 3000
    });
    expect(contentOf(await storage.documents.load('gggggggggg'))).toEqual({
      meta: { title: 'Renamed by one' },
      data: { kept: 'base', one: 'A', other: 'B' }
    });
    // The merged document's title, not the older one the last writer held.
    expect((await storage.apps.get('gggggggggg'))!.title).toBe('Renamed by one');

    // At once, many times over (PostgreSQL: separate connections racing for the row lock).
    const writers = Array.from({ length: 6 }, (_, i) => {
      const doc = forked(base);
      doc.getMap('data').set(`writer${i}`, String(i));
      return doc;
    });
    await Promise.all(
      writers.map((doc, i) =>
        storage.documents.save('hhhhhhhhhh', Y.encodeStateAsUpdate(doc), {
          title: 'Base',
          at: 4000 + i
        })
      )
    );
    const merged = contentOf(await storage.documents.load('hhhhhhhhhh'));
    expect(merged.data).toEqual({
      kept: 'base',
      gone: 'base',
      ...Object.fromEntries(writers.map((_, i) => [`writer${i}`, String(i)]))
    });
  });

  it('replaces without merging only while the row is the saver’s base, and never loses edits', async () => {
    const storage = await open(kind);
    const base = Y.encodeStateAsUpdate(docWith({ kept: 'base' }));
    await storage.apps.create(app('iiiiiiiiii', 1000), base);
    // A document that loaded `base` saves twice: each answer is the base of its next save.
    const mine = forked(base);
    mine.getMap('data').set('mine', '1');
    const first = Y.encodeStateAsUpdate(mine);
    expect(
      await storage.documents.save('iiiiiiiiii', first, { title: 'Base', at: 2000, base })
    ).toEqual({ base: first });
    // Another instance stores an edit this document has not seen.
    const theirs = forked(base);
    theirs.getMap('data').set('theirs', '2');
    theirs.getMap('data').delete('kept');
    const stored = await storage.documents.save('iiiiiiiiii', Y.encodeStateAsUpdate(theirs), {
      title: 'Base',
      at: 3000
    });
    expect(stored.base).toBeNull();
    // This document's base is stale now: its next save merges, and says the merge grew it.
    mine.getMap('data').set('mine', '3');
    const second = await storage.documents.save('iiiiiiiiii', Y.encodeStateAsUpdate(mine), {
      title: 'Base',
      at: 4000,
      base: first
    });
    expect(second.base).toBeNull();
    expect(contentOf(await storage.documents.load('iiiiiiiiii')).data).toEqual({
      mine: '3',
      theirs: '2'
    });
    // Once the document has everything stored (it synced), a save is its base again.
    Y.applyUpdate(mine, (await storage.documents.load('iiiiiiiiii'))!);
    const caughtUp = Y.encodeStateAsUpdate(mine);
    expect(
      await storage.documents.save('iiiiiiiiii', caughtUp, { title: 'Base', at: 5000, base: null })
    ).toEqual({ base: caughtUp });
    // A base that is not the row (a wrong claim) is not trusted: the row's edits survive.
    const stranger = forked(base);
    stranger.getMap('data').set('stranger', '4');
    await storage.documents.save('iiiiiiiiii', Y.encodeStateAsUpdate(stranger), {
      title: 'Base',
      at: 6000,
      base
    });
    expect(contentOf(await storage.documents.load('iiiiiiiiii')).data).toEqual({
      mine: '3',
      theirs: '2',
      stranger: '4'
    });
  });

  it('inserts, finds, lists and revokes links', async () => {
    const storage = await open(kind);
    await storage.links.insert(link('link-one', 'app1', 1000, 10_000));
    await storage.links.insert(link('link-two', 'app1', 2000, 10_000));
    await storage.links.insert(link('link-old', 'app1', 500, 1500));
    await storage.links.insert(link('link-else', 'app2', 1000, 10_000));
    await expect(storage.links.insert(link('link-one', 'app2', 1, 2))).rejects.toThrow();
    expect(await storage.links.find('link-one')).toEqual(link('link-one', 'app1', 1000, 10_000));
    expect(await storage.links.find('nope')).toBeNull();
    expect((await storage.links.list('app1', 3000)).map((l) => l.jti)).toEqual([
      'link-two',
      'link-one'
    ]);
    expect(await storage.links.revoke('app2', 'link-one', 4000)).toBe(false);
    expect(await storage.links.revoke('app1', 'link-one', 4000)).toBe(true);
    expect(await storage.links.revoke('app1', 'link-one', 5000)).toBe(false);
    expect((await storage.links.find('link-one'))!.revoked).toBe(4000);
    expect((await storage.links.list('app1', 3000)).map((l) => l.jti)).toEqual(['link-two']);
    expect((await storage.links.list('app2', 3000)).map((l) => l.jti)).toEqual(['link-else']);
  });

  it('keeps suggestions per app, counts pending ones per link, and decides each once', async () => {
    const storage = await open(kind);
    const suggestion = (id: string, app: string, created: number, askerLink = 'link:a') => ({
      id,
      app,
      asker: `${askerLink}~p-1`,
      askerLink,
      askerName: 'Uma',
      request: 'add a “button”',
      ops: [{ op: 'setMeta', name: 'title', value: 'É' }],
      summary: 'Renamed',
      changes: ['Renamed the app'],
      stateVector: 'AA==',
      created,
      status: 'pending' as const,
      note: null,
      decidedBy: null,
      decided: null
    });
    await storage.suggestions.insert(suggestion('s1', 'app1', 1000));
    await storage.suggestions.insert(suggestion('s2', 'app1', 2000));
    await storage.suggestions.insert(suggestion('s3', 'app1', 3000, 'link:b'));
    await storage.suggestions.insert(suggestion('s4', 'app2', 1000));
    await expect(storage.suggestions.insert(suggestion('s1', 'app2', 1))).rejects.toThrow();
    expect(await storage.suggestions.get('app1', 's1')).toEqual(suggestion('s1', 'app1', 1000));
    expect(await storage.suggestions.get('app2', 's1')).toBeNull();
    expect((await storage.suggestions.list('app1', 10)).map((s) => s.id)).toEqual([
      's3',
      's2',
      's1'
    ]);
    expect((await storage.suggestions.list('app1', 2)).map((s) => s.id)).toEqual(['s3', 's2']);
    expect(await storage.suggestions.pendingCount('app1', 'link:a')).toBe(2);
    const decision = { status: 'declined' as const, note: 'No, thanks', by: 'Ann', at: 5000 };
    expect(await storage.suggestions.decide('app2', 's1', decision)).toBe(false);
    expect(await storage.suggestions.decide('app1', 's1', decision)).toBe(true);
    expect(await storage.suggestions.decide('app1', 's1', { ...decision, status: 'applied' })).toBe(
      false
    );
    expect(await storage.suggestions.get('app1', 's1')).toMatchObject({
      status: 'declined',
      note: 'No, thanks',
      decidedBy: 'Ann',
      decided: 5000
    });
    expect(await storage.suggestions.pendingCount('app1', 'link:a')).toBe(1);
  });

  it('keeps one shared signing secret (PostgreSQL) or none (SQLite keeps a file)', async () => {
    const storage = await open(kind);
    const first = await storage.sharedSecret(() => Buffer.alloc(32, 1));
    const second = await storage.sharedSecret(() => Buffer.alloc(32, 2));
    if (kind === 'sqlite') expect([first, second]).toEqual([null, null]);
    else expect([first, second]).toEqual([Buffer.alloc(32, 1), Buffer.alloc(32, 1)]);
  });
});

describe('PostgreSQL with several instances', () => {
  it('makes the schema once when instances open one empty database together', async () => {
    const schema = await freshSchema(urls.database);
    cleanups.push(() => schema.drop());
    const instances = Array.from({ length: 4 }, () => postgresStorage(schema.url));
    for (const storage of instances) cleanups.push(() => storage.close());
    await Promise.all(instances.map((storage) => storage.ready));
    const state = Y.encodeStateAsUpdate(docWith({}));
    const made = await Promise.all(
      instances.map((storage, i) => storage.apps.createFirst(app(`first${i}xxxxx`, 1000), state))
    );
    expect(made.filter(Boolean)).toHaveLength(1);
    expect(await instances[0].apps.list()).toHaveLength(1);
  });

  it('refuses a database written by a newer version', async () => {
    const schema = await freshSchema(urls.database);
    cleanups.push(() => schema.drop());
    const first = postgresStorage(schema.url);
    await first.ready;
    await first.close();
    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    await client.query("UPDATE malleable_meta SET value = '99' WHERE key = 'schema'");
    await client.end();
    const newer = postgresStorage(schema.url);
    cleanups.push(() => newer.close());
    await expect(newer.ready).rejects.toThrow(/newer Malleable \(schema 99\)/);
    await expect(newer.apps.list()).rejects.toThrow(/newer Malleable/);
  });
});
