/**
 * Hostile peers within their own role, through the real server and real providers (issue 12:
 * "cheap refusals first" and "plain data only"): a viewer's 300 KB update nested deep, an
 * editor's update nested 6,000 deep, forged and malformed history entries, meta stuffed with
 * shared types and keys, oversized and impersonating presence, and `__proto__` in data and in a
 * state field's `initial`. Each is refused with its code; nothing is stored or broadcast; the
 * server's event loop keeps turning (an honest editor's edit arrives, a timer keeps ticking);
 * the app keeps answering.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as devalue from 'devalue';
import { toBase64 } from 'lib0/buffer';
import { commitPlanned, originFor } from '../../src/lib/ops/write';
import { fromAppFile, toAppFile } from '../../src/lib/model/appfile';
import { readModel } from '../../src/lib/model/ydoc';
import { readPeer } from '../../src/lib/collab/presence';
import type { AppSession } from '../../src/lib/server/session';
import {
  connect,
  headingOf,
  linkFor,
  newApp,
  removeDir,
  snapshot,
  startServer,
  storedDoc,
  synced,
  textOf,
  until,
  type Peer,
  type Running
} from './harness';

let server: Running;
let appId: string;
let session: AppSession;
let honest: Peer;
let honestActor: { id: string; role: 'editor' };
let heading: string;
let rootId: string;
const peers: Peer[] = [];
let edits = 0;

function peer(options: Parameters<typeof connect>[2] = {}): Peer {
  const p = connect(server, appId, options);
  peers.push(p);
  return p;
}

beforeAll(async () => {
  server = await startServer();
  appId = await newApp(server);
  session = (await server.studio.session(appId))!;
  const link = await linkFor(server, appId, 'editor');
  honestActor = link.actor('honest-01') as { id: string; role: 'editor' };
  honest = peer({ token: link.token, person: 'honest-01', name: 'Hana' });
  await synced(honest);
  heading = headingOf(honest.doc);
  rootId = readModel(honest.doc).meta.root;
});

afterAll(async () => {
  for (const p of peers) p.destroy();
  await server.stop();
  removeDir(server.dir);
});

/** The honest editor changes the heading and the server has it. */
async function honestStillEdits(): Promise<void> {
  const text = `honest edit ${++edits}`;
  const written = commitPlanned(
    honest.doc,
    [{ op: 'setProp', id: heading, name: 'text', value: text }],
    originFor(honestActor)
  );
  expect(written.ok).toBe(true);
  await until(() => textOf(session.doc, heading) === text, 'the honest edit to reach the server');
}

/** A component's state map in a peer's copy. */
function stateMapOf(doc: Y.Doc): Y.Map<unknown> {
  return (doc.getMap('components').get(rootId) as Y.Map<unknown>).get('state') as Y.Map<unknown>;
}

/** Nested Y.Maps `depth` deep under the root component's state map, as one update. */
function deepUpdate(depth: number): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(session.doc));
  const sv = Y.encodeStateVector(doc);
  doc.transact(() => {
    let map = stateMapOf(doc);
    for (let i = 0; i < depth; i++) {
      const next = new Y.Map<unknown>();
      map.set('k', next);
      map = next;
    }
  });
  return Y.encodeStateAsUpdate(doc, sv);
}

/**
 * Connects a peer with `role`, lets it write with raw Yjs, and checks the refusal: its code,
 * nothing in the server's document, nothing at the honest editor's, nothing stored, and whether
 * the session's mirror was reached at all.
 */
async function refused(
  role: 'editor' | 'user' | 'viewer',
  write: (doc: Y.Doc) => void,
  code: string,
  options: { mirror: boolean } = { mirror: false }
): Promise<void> {
  await session.flush();
  const before = snapshot(session.doc);
  const honestBefore = snapshot(honest.doc);
  const stored = snapshot(await storedDoc(server, appId));
  const mallory = peer({ token: (await linkFor(server, appId, role)).token, person: 'mallory-1' });
  await synced(mallory);
  const receive = vi.spyOn(session, 'receive');
  try {
    write(mallory.doc);
    await until(() => mallory.notices.length > 0, `the server to refuse the ${role}’s update`);
    mallory.destroy();
    expect(mallory.notices[0].type).toBe('refused');
    expect(mallory.notices[0].errors[0].code).toBe(code);
    // Refused before the session: nothing of it was decoded into the mirror. (An empty sync
    // reply, two bytes, may still reach the session as the connection settles.)
    const written = receive.mock.calls.filter(([, update]) => update.byteLength > 2);
    if (!options.mirror) expect(written).toEqual([]);
  } finally {
    receive.mockRestore();
  }
  // Give a broadcast every chance to arrive before checking there was none.
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(snapshot(session.doc)).toBe(before);
  expect(snapshot(honest.doc)).toBe(honestBefore);
  await session.flush();
  expect(snapshot(await storedDoc(server, appId))).toBe(stored);
  await honestStillEdits();
}

describe('deep updates are refused before any mirror, and the event loop keeps turning', () => {
  it('a viewer’s 300 KB update nested deep: E_FORBIDDEN', async () => {
    const update = deepUpdate(27_000);
    expect(update.byteLength).toBeGreaterThan(300_000);
    // A timer on the server's side (same process): it must keep ticking while the update is
    // judged, and the honest editor's edit must arrive in the meantime.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      await refused('viewer', (doc) => Y.applyUpdate(doc, update), 'E_FORBIDDEN');
      const seen = ticks;
      await honestStillEdits();
      expect(ticks).toBeGreaterThan(seen);
    } finally {
      clearInterval(timer);
    }
    expect(stateMapOf(honest.doc).has('k')).toBe(false);
  });

  it('an editor’s update nested 6,000 deep: E_PEER_TOO_DEEP', async () => {
    const update = deepUpdate(6000);
    await refused('editor', (doc) => Y.applyUpdate(doc, update), 'E_PEER_TOO_DEEP');
    expect(stateMapOf(session.doc).has('k')).toBe(false);
  });
});

describe('history entries', () => {
  const entry = (who: string, fields: Record<string, unknown>) => ({
    who,
    when: Date.now(),
    source: 'visual',
    summary: 'x',
    ops: [],
    idMap: {},
    ...fields
  });
  it('a user appends nothing: a bad when, a numeric name, a forged restorable entry', async () => {
    for (const fields of [{ when: 'soon' }, { name: 42 }, { before: 'AAEC' }])
      await refused(
        'user',
        (doc) => doc.getArray('history').push([entry('any', fields)]),
        'E_FORBIDDEN'
      );
  });

  it('an editor’s entries are checked field by field: E_HISTORY_INVALID', async () => {
    for (const fields of [{ when: 'soon' }, { name: 42 }, { source: 'magic' }]) {
      const link = await linkFor(server, appId, 'editor');
      const hostile = peer({ token: link.token, person: 'mallory-2' });
      await synced(hostile);
      hostile.doc.getArray('history').push([entry(link.actor('mallory-2').id, fields)]);
      await until(() => hostile.notices.length > 0, 'the entry to be refused');
      hostile.destroy();
      expect(hostile.notices[0].errors[0].code).toBe('E_HISTORY_INVALID');
    }
    await honestStillEdits();
  });
});

describe('restore points (issue 13)', () => {
  it('an honest editor’s offline entry carries a point the server accepts, and it restores', async () => {
    await honestStillEdits();
    const history = session.doc.getArray<{ restorePoint?: string; who: string }>('history');
    const then = textOf(session.doc, heading);
    await honestStillEdits();
    const index = history.length - 1;
    expect(history.get(index)).toMatchObject({ who: honestActor.id });
    expect(typeof history.get(index).restorePoint).toBe('string');
    expect(await session.restoreTo({ id: 'owner~pb', role: 'owner' }, index)).toMatchObject({
      ok: true
    });
    expect(textOf(session.doc, heading)).toBe(then);
    // Once the restore reached her, her next edit wins over it as any later edit does.
    await until(() => textOf(honest.doc, heading) === then, 'the restore to reach the editor');
    await honestStillEdits();
  });

  it('an editor’s forged point (live content deleted, changes the app lacks, garbage): E_HISTORY_INVALID', async () => {
    // The item holding the heading's text now, as the peer reads it off its own copy.
    const textItem = (doc: Y.Doc) =>
      (doc.getMap('props') as unknown as { _map: Map<string, Y.Item> })._map.get(`${heading}/text`)!
        .id;
    const forgeries: ((doc: Y.Doc) => string)[] = [
      (doc) => {
        const ds = Y.createDeleteSet();
        const { client, clock } = textItem(doc);
        ds.clients.set(client, [{ clock, len: 1 }] as never);
        return toBase64(Y.encodeSnapshot(Y.createSnapshot(ds, Y.snapshot(doc).sv)));
      },
      (doc) => {
        const sv = new Map(Y.snapshot(doc).sv).set(textItem(doc).client, 1e6);
        return toBase64(Y.encodeSnapshot(Y.createSnapshot(Y.createDeleteSet(), sv)));
      },
      () => 'AAEC'
    ];
    for (const forge of forgeries) {
      await session.flush();
      const before = snapshot(session.doc);
      const stored = snapshot(await storedDoc(server, appId));
      const link = await linkFor(server, appId, 'editor');
      const hostile = peer({ token: link.token, person: 'mallory-3' });
      await synced(hostile);
      hostile.doc.getArray('history').push([
        {
          who: link.actor('mallory-3').id,
          when: Date.now(),
          source: 'visual',
          summary: 'x',
          ops: [],
          idMap: {},
          restorePoint: forge(hostile.doc)
        }
      ]);
      await until(() => hostile.notices.length > 0, 'the entry to be refused');
      hostile.destroy();
      expect(hostile.notices[0].errors[0].code).toBe('E_HISTORY_INVALID');
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(snapshot(session.doc)).toBe(before);
      await session.flush();
      expect(snapshot(await storedDoc(server, appId))).toBe(stored);
    }
    await honestStillEdits();
  });
});

describe('meta', () => {
  it('an editor stamping a newer format version (which would lock the app on its next load): E_META_INVALID', async () => {
    await refused('editor', (doc) => doc.getMap('meta').set('version', 2), 'E_META_INVALID');
    await refused('editor', (doc) => doc.getMap('meta').set('version', 0), 'E_META_INVALID');
    await honestStillEdits();
  });

  it('a subdocument, a Y.Text and 60,000 keys: E_META_INVALID', async () => {
    await refused(
      'editor',
      (doc) => doc.getMap('meta').set('title', new Y.Doc()),
      'E_META_INVALID'
    );
    await refused(
      'editor',
      (doc) => doc.getMap('meta').set('title', new Y.Text('x')),
      'E_META_INVALID'
    );
    await refused(
      'editor',
      (doc) =>
        doc.transact(() => {
          const meta = doc.getMap('meta');
          for (let i = 0; i < 60_000; i++) meta.set(`k${i}`, i);
        }),
      'E_META_INVALID'
    );
  });
});

describe('presence', () => {
  it('a 1.5 MB field never reaches another peer; the sender is told, and closed if it goes on', async () => {
    const link = await linkFor(server, appId, 'editor');
    const big = peer({ token: link.token, person: 'big-00001' });
    const payloads: string[] = [];
    big.provider.on('stateless', ({ payload }: { payload: string }) => payloads.push(payload));
    await synced(big);
    const client = big.doc.clientID;
    big.provider.setAwarenessField('field', 'x'.repeat(1_500_000));
    await until(() => payloads.some((p) => p.includes('E_AWARENESS_INVALID')), 'the notice');
    // A small state from the same peer afterwards arrives, so the big one had its chance.
    big.provider.setAwarenessField('field', null);
    big.provider.setAwarenessField('selection', heading);
    await until(
      () => honest.provider.awareness!.getStates().get(client)?.selection === heading,
      'the small state to arrive'
    );
    for (const state of honest.provider.awareness!.getStates().values())
      expect(JSON.stringify(state).length).toBeLessThan(8192);
    // Two more oversized states: the connection is closed.
    big.provider.setAwarenessField('junk', 'x'.repeat(10_000));
    big.provider.setAwarenessField('junk', 'y'.repeat(10_000));
    await until(() => big.closes.some((c) => /E_AWARENESS_INVALID/.test(c.reason)), 'the close');
    big.destroy();
    await honestStillEdits();
  });

  it('a guest named “Owner” does not appear as the owner', async () => {
    const link = await linkFor(server, appId, 'user');
    const guest = peer({ token: link.token, person: 'guest-001', name: 'Owner' });
    await synced(guest);
    guest.provider.setAwarenessField('selection', heading);
    const client = guest.doc.clientID;
    await until(
      () => honest.provider.awareness!.getStates().get(client)?.selection === heading,
      'the guest’s presence'
    );
    const shown = readPeer(client, honest.provider.awareness!.getStates().get(client));
    expect(shown?.name).not.toBe('Owner');
    expect(shown?.name).toBe('Owner (user link)');
    expect(shown?.role).toBe('user');
    guest.destroy();
  });
});

describe('__proto__ in data', () => {
  const POISON = '[{"__proto__": {"id": 1, "title": "x", "done": false}}]';

  /** The app still answers: the page's data serialises, the export imports. */
  function appStillAnswers(): void {
    expect(() => devalue.stringify(session.live())).not.toThrow();
    const file = JSON.parse(JSON.stringify(toAppFile(session.model)));
    expect(fromAppFile(file).ok).toBe(true);
  }

  it('through a user’s provider: E_DATA_NOT_PLAIN', async () => {
    await refused(
      'user',
      (doc) => doc.getMap('state').set('items', JSON.parse(POISON)),
      'E_DATA_NOT_PLAIN'
    );
    appStillAnswers();
  });

  it('through a state field’s initial in an editor’s update: E_DATA_NOT_PLAIN', async () => {
    await refused(
      'editor',
      (doc) =>
        stateMapOf(doc).set('evil', {
          type: { array: { object: { id: 'number' } } },
          initial: JSON.parse('[{"__proto__": {"id": 1}}]')
        }),
      'E_DATA_NOT_PLAIN'
    );
    appStillAnswers();
  });
});
