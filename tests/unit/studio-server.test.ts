/**
 * The studio's server side against a real SQLite database and a real sandbox: creating apps,
 * the edit path per app (refusals leave the document byte-identical), per-person undo that is
 * verified like a commit, app data checked against the state types, delete and undelete, and
 * what survives a restart.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { StudioServer } from '../../src/lib/server/studio';
import { toAppFile } from '../../src/lib/model/appfile';
import { templateModel } from '../../src/lib/templates';
import { childrenOf, rootComponent } from '../../src/lib/model/types';
import type { Actor } from '../../src/lib/ops/plan';

const dirs: string[] = [];
const servers: StudioServer[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'malleable-studio-'));
  dirs.push(dir);
  return dir;
}

function server(dir = ':memory:', demo = false): StudioServer {
  const s = new StudioServer(dir, { demo });
  servers.push(s);
  return s;
}

afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const ann: Actor = { id: 'ann', name: 'Ann', role: 'owner' };
const bob: Actor = { id: 'bob', name: 'Bob', role: 'editor' };

function bytes(doc: Y.Doc): string {
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
}

/** The first Heading of an app, and the root component's root node. */
async function heading(s: StudioServer, id: string) {
  const model = (await s.session(id))!.model;
  const root = rootComponent(model)!;
  const headingId = childrenOf(model, root.root).find(
    (n) => model.nodes.get(n)!.type === 'Heading'
  )!;
  return { model, root, headingId };
}

describe('apps', () => {
  it('creates an app from each template and lists it', async () => {
    const s = server();
    for (const template of ['blank', 'counter', 'todo', 'form']) {
      const created = await s.create({ template });
      expect(created.ok, template).toBe(true);
    }
    expect((await s.store.list()).map((a) => a.template).sort()).toEqual([
      'blank',
      'counter',
      'form',
      'todo'
    ]);
  });

  it('seeds the demo app on a first start only', async () => {
    const dir = tempDir();
    const first = server(dir, true);
    expect((await first.store.list()).map((a) => a.title)).toEqual(['Todo (demo)']);
    await first.delete((await first.store.list())[0].id);
    const again = server(dir, true);
    expect(await again.store.list()).toEqual([]);
  });

  it('refuses an unknown template and a bad app file, storing nothing', async () => {
    const s = server();
    const unknown = await s.create({ template: 'spaceship' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors[0].code).toBe('E_FIELD_VALUE');
    const bad = await s.create({ file: { format: 'something-else' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0].code).toBe('E_APP_FORMAT');
    const badTitle = await s.create({ template: 'blank', title: '   ' });
    expect(badTitle.ok).toBe(false);
    expect(await s.store.list()).toEqual([]);
  });

  it('imports an app file and gives the same app back', async () => {
    const s = server();
    const file = toAppFile(templateModel('todo'));
    const created = await s.create({ file });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const back = toAppFile((await s.session(created.app.id))!.model);
    expect(back).toEqual(file);
  });

  it('deletes an app, which can be undeleted', async () => {
    const s = server();
    const created = await s.create({ template: 'counter' });
    if (!created.ok) throw new Error('create failed');
    const id = created.app.id;
    await expect(s.delete(id)).resolves.toBe(true);
    expect(await s.store.list()).toEqual([]);
    expect(await s.session(id)).toBeNull();
    expect(await s.store.undelete(id)).toBe(true);
    expect((await s.session(id))?.model.meta.title).toBe('Counter');
  });
});

describe('the edit path per app', () => {
  it('commits a batch and stores it, so a restart has it', async () => {
    const dir = tempDir();
    const s = server(dir);
    const created = await s.create({ template: 'todo' });
    if (!created.ok) throw new Error('create failed');
    const id = created.app.id;
    const { headingId } = await heading(s, id);
    const result = await (await s.session(id))!.apply(ann, [
      { op: 'setProp', id: headingId, name: 'text', value: 'Groceries' }
    ]);
    expect(result.ok).toBe(true);
    // The list shows the stored title of a renamed app.
    expect(
      (
        await (await s.session(id))!.apply(ann, [
          { op: 'setMeta', name: 'title', value: 'Shopping' }
        ])
      ).ok
    ).toBe(true);
    // Live edits are stored after a short quiet time; an HTTP answer waits for the store.
    await (await s.session(id))!.flush();
    expect((await s.store.get(id))!.title).toBe('Shopping');
    await s.close();
    const restarted = server(dir);
    const model = (await restarted.session(id))!.model;
    expect(model.nodes.get(headingId)!.props.text).toBe('Groceries');
  });

  it('refuses a bad batch with coded errors and leaves the document byte-identical', async () => {
    const s = server();
    const created = await s.create({ template: 'todo' });
    if (!created.ok) throw new Error('create failed');
    const session = (await s.session(created.app.id))!;
    const { headingId } = await heading(s, created.app.id);
    const before = bytes(session.doc);
    const cases: [unknown, string][] = [
      [[{ op: 'setProp', id: headingId, name: 'level', value: 'big' }], 'E_PROP_TYPE'],
      [[{ op: 'addNode', parent: 'zzzzz', type: 'Text' }], 'E_NODE_NOT_FOUND'],
      [[{ op: 'setProp', id: headingId, name: 'text', value: { $expr: 'state.nope' } }], 'E_TYPE'],
      [
        [{ op: 'setProp', id: headingId, name: 'text', value: { $expr: 'window.x' } }],
        'E_POLICY_GLOBAL'
      ],
      [[{ op: 'frobnicate' }], 'E_UNKNOWN_OP'],
      ['not a batch', 'E_BATCH_NOT_ARRAY']
    ];
    for (const [ops, code] of cases) {
      const result = await session.apply(ann, ops);
      expect(result.ok, code).toBe(false);
      if (!result.ok)
        expect(
          result.errors.map((e) => e.code),
          JSON.stringify(ops)
        ).toContain(code);
      expect(bytes(session.doc)).toBe(before);
    }
  });

  it('undoes only the asking person’s changes, and redo brings them back', async () => {
    const s = server();
    const created = await s.create({ template: 'todo' });
    if (!created.ok) throw new Error('create failed');
    const session = (await s.session(created.app.id))!;
    const { headingId, root } = await heading(s, created.app.id);
    expect(
      (await session.apply(ann, [{ op: 'setProp', id: headingId, name: 'text', value: 'A' }])).ok
    ).toBe(true);
    expect(
      (await session.apply(bob, [{ op: 'setProp', id: root.root, name: 'gap', value: 'lg' }])).ok
    ).toBe(true);
    expect(
      (await session.apply(ann, [{ op: 'setProp', id: headingId, name: 'level', value: 2 }])).ok
    ).toBe(true);
    expect(session.history(ann)).toEqual({ undo: 2, redo: 0 });

    const undone = await session.undo(ann);
    expect(undone).toEqual({ ok: true, summary: expect.stringContaining('level') });
    expect(session.model.nodes.get(headingId)!.props.level).toBe(1);
    await session.undo(ann);
    expect(session.model.nodes.get(headingId)!.props.text).toBe('Todo');
    // Bob's change is untouched by Ann's undo.
    expect(session.model.nodes.get(root.root)!.props.gap).toBe('lg');
    expect(await session.undo(ann)).toEqual({ ok: true, summary: null });

    await session.undo(ann, 'redo');
    await session.undo(ann, 'redo');
    expect(session.model.nodes.get(headingId)!.props).toMatchObject({ text: 'A', level: 2 });
    expect(session.history(ann)).toEqual({ undo: 2, redo: 0 });
    const entries = session.doc.getArray('history').toArray() as {
      source: string;
      summary: string;
    }[];
    expect(entries.filter((e) => e.source === 'undo').map((e) => e.summary.split(':')[0])).toEqual([
      'Undid',
      'Undid',
      'Redid',
      'Redid'
    ]);
  });

  it('refuses an undo that would break someone else’s later work, and keeps the document', async () => {
    const s = server();
    const created = await s.create({ template: 'blank' });
    if (!created.ok) throw new Error('create failed');
    const session = (await s.session(created.app.id))!;
    const root = rootComponent(session.model)!;
    expect(
      (
        await session.apply(ann, [
          { op: 'addState', component: 'App', name: 'count', type: 'number', initial: 1 }
        ])
      ).ok
    ).toBe(true);
    expect(
      (
        await session.apply(bob, [
          {
            op: 'addNode',
            parent: root.root,
            type: 'Text',
            props: { text: { $expr: 'String(state.count)' } }
          }
        ])
      ).ok
    ).toBe(true);
    const refused = await session.undo(ann);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0].code).toBe('E_UNDO_BLOCKED');
    expect(Object.keys(rootComponent(session.model)!.state)).toEqual(['count']);
    // The step stays on Ann's stack: once Bob's text is gone it can be undone.
    expect(session.history(ann).undo).toBe(1);
    expect((await session.undo(bob)).ok).toBe(true);
    expect((await session.undo(ann)).ok).toBe(true);
    expect(rootComponent(session.model)!.state).toEqual({});
  });

  it('writes app data that fits the state types and refuses what does not', async () => {
    const s = server();
    const created = await s.create({ template: 'counter' });
    if (!created.ok) throw new Error('create failed');
    const session = (await s.session(created.app.id))!;
    const field = Object.keys(rootComponent(session.model)!.state)[0];
    const prev = { ...session.model.data };
    expect((await session.writeData(ann, prev, { ...prev, [field]: 41 })).ok).toBe(true);
    expect(session.model.data[field]).toBe(41);
    const before = bytes(session.doc);
    for (const next of [{ [field]: 'forty' }, { nope: 1 }]) {
      const refused = await session.writeData(ann, session.model.data as never, next);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.errors[0].code).toBe('E_DATA_TYPE');
    }
    const viewer = await session.writeData({ id: 'v', role: 'viewer' }, prev, { [field]: 3 });
    expect(viewer.ok).toBe(false);
    expect(bytes(session.doc)).toBe(before);
    // Data written in Use mode is not a step of the definition's undo.
    expect(session.history(ann).undo).toBe(0);
  });
});
