/**
 * The rules HTTP enforced and raw Yjs writes got past (issue 12, point 3), written as the attacks:
 * each door now ends in the one judge (src/lib/ops/judge.ts), so a capability needs an owner
 * whether it comes as an op, as a raw write of the component's record, or as a restore of an
 * earlier state, and app data names declared fields only, whatever the request calls them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import {
  connect,
  linkFor,
  newApp,
  removeDir,
  snapshot,
  startServer,
  storedDoc,
  synced,
  until,
  type Peer,
  type Running
} from './harness';
import { docRoots } from '../../src/lib/model/ydoc';
import { rootComponent } from '../../src/lib/model/types';
import type { Actor } from '../../src/lib/ops/plan';

let server: Running;
let appId: string;
const peers: Peer[] = [];
const owner: Actor = { id: 'owner~judge', name: 'Owner', role: 'owner' };
const editor: Actor = { id: 'link:x~ed', name: 'Ed', role: 'editor' };

beforeAll(async () => {
  server = await startServer();
  appId = await newApp(server);
});

afterAll(async () => {
  for (const p of peers) p.destroy();
  await server.stop();
  removeDir(server.dir);
});

async function session() {
  return (await server.studio.session(appId))!;
}

describe('capabilities need an owner at every door', () => {
  it('an editor’s setCapabilities over HTTP: E_NEEDS_OWNER', async () => {
    const result = await (
      await session()
    ).apply(editor, [{ op: 'setCapabilities', component: 'App', capabilities: { clock: true } }]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0].code).toBe('E_NEEDS_OWNER');
  });

  it('an editor writing the component’s capabilities key over Yjs: refused, not stored, not broadcast', async () => {
    const s = await session();
    await s.flush();
    const link = await linkFor(server, appId, 'editor');
    const honest = connect(server, appId, { token: link.token, person: 'honest-01' });
    const mallory = connect(server, appId, { token: link.token, person: 'mallory-01' });
    peers.push(honest, mallory);
    await Promise.all([synced(honest), synced(mallory)]);
    const before = snapshot(s.doc);
    const stored = snapshot(await storedDoc(server, appId));
    const rootId = rootComponent(s.model)!.id;
    const record = mallory.doc.getMap<Y.Map<unknown>>('components').get(rootId)!;
    record.set('capabilities', { network: { origins: ['https://evil.example'] }, clock: true });
    await until(() => mallory.notices.length > 0, 'the server to refuse the write');
    expect(mallory.notices[0].errors[0].code).toBe('E_NEEDS_OWNER');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(snapshot(s.doc)).toBe(before);
    expect(snapshot(honest.doc)).toBe(before);
    expect(snapshot(await storedDoc(server, appId))).toBe(stored);
    expect(rootComponent(s.model)!.capabilities).toEqual({});
  });

  it('an editor restoring to before the owner revoked a capability: E_NEEDS_OWNER; the owner may', async () => {
    const s = await session();
    const grant = await s.apply(owner, [
      { op: 'setCapabilities', component: 'App', capabilities: { clock: true } }
    ]);
    expect(grant.ok).toBe(true);
    const revoke = await s.apply(owner, [
      { op: 'setCapabilities', component: 'App', capabilities: {} }
    ]);
    expect(revoke.ok).toBe(true);
    const revokedAt = docRoots(s.doc).history.length - 1;
    const before = snapshot(s.doc);
    const restored = await s.restoreTo(editor, revokedAt);
    expect(restored.ok).toBe(false);
    expect(!restored.ok && restored.errors[0].code).toBe('E_NEEDS_OWNER');
    expect(snapshot(s.doc)).toBe(before);
    expect(rootComponent(s.model)!.capabilities).toEqual({});
    const byOwner = await s.restoreTo(owner, revokedAt);
    expect(byOwner.ok).toBe(true);
    expect(rootComponent(s.model)!.capabilities).toEqual({ clock: true });
  });

  it('an editor’s own restore point, aimed at before the revocation: the restore is E_NEEDS_OWNER', async () => {
    // The attack on restore points that stay small (issue 13): an editor may write a restorable
    // entry, and a point that names a real earlier state passes every check of the point. Aimed
    // at the state before the owner revoked a capability, restoring it still meets the judge.
    const s = await session();
    expect(
      (
        await s.apply(owner, [
          { op: 'setCapabilities', component: 'App', capabilities: { clock: true } }
        ])
      ).ok
    ).toBe(true);
    const history = docRoots(s.doc).history;
    const revokedAt = history.length;
    expect(
      (await s.apply(owner, [{ op: 'setCapabilities', component: 'App', capabilities: {} }])).ok
    ).toBe(true);
    const link = await linkFor(server, appId, 'editor');
    const mallory = connect(server, appId, { token: link.token, person: 'mallory-rp' });
    peers.push(mallory);
    await synced(mallory);
    // Her entry's point: the revoking entry's state vector, and no deletions of its own.
    const revoking = history.get(revokedAt) as { restorePoint: string };
    const { sv } = Y.decodeSnapshot(fromBase64(revoking.restorePoint));
    const restorePoint = toBase64(Y.encodeSnapshot(Y.createSnapshot(Y.createDeleteSet(), sv)));
    const length = history.length;
    mallory.doc.getArray('history').push([
      {
        who: link.actor('mallory-rp').id,
        when: Date.now(),
        source: 'visual',
        summary: 'Nothing to see',
        ops: [],
        idMap: {},
        restorePoint
      }
    ]);
    await until(() => history.length === length + 1, 'her entry to be accepted');
    expect(mallory.notices).toEqual([]);
    const before = snapshot(s.doc);
    const restored = await s.restoreTo(editor, length);
    expect(!restored.ok && restored.errors[0].code).toBe('E_NEEDS_OWNER');
    expect(snapshot(s.doc)).toBe(before);
    expect(rootComponent(s.model)!.capabilities).toEqual({});
    // The point does reach that state: the owner, whom the judge lets grant, gets it back.
    expect((await s.restoreTo(owner, length)).ok).toBe(true);
    expect(rootComponent(s.model)!.capabilities).toEqual({ clock: true });
  });

  it('an editor’s undo of their own step passes the judge (capabilities untouched)', async () => {
    const s = await session();
    const edit = await s.apply(editor, [{ op: 'setMeta', name: 'title', value: 'Edited' }]);
    expect(edit.ok).toBe(true);
    const undone = await s.undo(editor);
    expect(undone.ok).toBe(true);
    expect(s.model.meta.title).not.toBe('Edited');
  });
});

describe('app data names declared fields only', () => {
  it('a field named constructor or __proto__ is a coded refusal, and nothing is written', async () => {
    const s = await session();
    const user: Actor = { id: 'link:u~user', role: 'user' };
    const before = snapshot(s.doc);
    for (const field of ['constructor', '__proto__', 'toString']) {
      const next = JSON.parse(`{"${field}": {"polluted": true}}`) as Record<string, never>;
      const result = await s.writeData(user, {}, next);
      expect(result.ok, field).toBe(false);
      expect(!result.ok && result.errors[0].code, field).toBe('E_DATA_TYPE');
    }
    expect(snapshot(s.doc)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a viewer writing data through the HTTP door: E_FORBIDDEN', async () => {
    const s = await session();
    const result = await s.writeData({ id: 'v', role: 'viewer' }, {}, { draft: 'hi' });
    expect(!result.ok && result.errors[0].code).toBe('E_FORBIDDEN');
  });
});
