/**
 * The AI in presence, as the attack (issue 15): a person's awareness carries their assistant's
 * status and the nodes its proposal touches, and every other studio frames those nodes. Through
 * the real server and real providers: a hostile editor's 100,000-node list, a 10 KB node id, an
 * unknown status and extra fields are dropped before anyone sees them, the sender is told, and
 * an honest peer's assistant still arrives whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPeer, MAX_ASSISTANT_NODES } from '../../src/lib/collab/presence';
import {
  connect,
  headingOf,
  linkFor,
  newApp,
  removeDir,
  startServer,
  synced,
  until,
  type Peer,
  type Running
} from './harness';

let server: Running;
let appId: string;
let honest: Peer;
let heading: string;
const peers: Peer[] = [];

beforeAll(async () => {
  server = await startServer();
  appId = await newApp(server);
  const link = await linkFor(server, appId, 'editor');
  honest = connect(server, appId, { token: link.token, person: 'honest-01', name: 'Hana' });
  peers.push(honest);
  await synced(honest);
  heading = headingOf(honest.doc);
});

afterAll(async () => {
  for (const p of peers) p.destroy();
  await server.stop();
  removeDir(server.dir);
});

describe('an assistant in presence', () => {
  it('an honest assistant arrives; hostile ones are dropped and their sender told', async () => {
    const link = await linkFor(server, appId, 'editor');
    const ann = connect(server, appId, { token: link.token, person: 'ann-00001', name: 'Ann' });
    peers.push(ann);
    await synced(ann);
    const client = ann.doc.clientID;
    const seen = () => honest.provider.awareness!.getStates().get(client);

    ann.provider.setAwarenessField('assistant', { status: 'proposing', nodes: [heading] });
    await until(() => seen()?.assistant?.status === 'proposing', 'the honest assistant');
    expect(readPeer(client, seen())?.assistant).toEqual({ status: 'proposing', nodes: [heading] });
    expect(readPeer(client, seen())?.name).toBe('Ann');

    // Each hostile state is dropped on the server: Hana keeps seeing the last good one.
    const hostile = [
      { status: 'proposing', nodes: Array.from({ length: 100_000 }, (_, i) => `n${i}`) },
      { status: 'proposing', nodes: Array.from({ length: MAX_ASSISTANT_NODES + 1 }, () => 'n') },
      { status: 'proposing', nodes: ['x'.repeat(10_000)] },
      { status: 'hacking', nodes: [] },
      { status: 'thinking', nodes: [], extra: 'y'.repeat(4000) }
    ];
    // Each from a fresh connection (three dropped states close one): the notice comes, Hana
    // never sees it, and the sender's honest state afterwards still arrives.
    for (const [i, bad] of hostile.entries()) {
      const evil = connect(server, appId, { token: link.token, person: `evil-0000${i}` });
      peers.push(evil);
      const notices: string[] = [];
      evil.provider.on('stateless', ({ payload }: { payload: string }) => notices.push(payload));
      await synced(evil);
      const evilClient = evil.doc.clientID;
      evil.provider.setAwarenessField('assistant', bad);
      await until(() => notices.some((n) => n.includes('E_AWARENESS_INVALID')), `notice ${i}`);
      expect(honest.provider.awareness!.getStates().get(evilClient)?.assistant ?? null).toBeNull();
      evil.provider.setAwarenessField('assistant', { status: 'thinking', nodes: [`ok${i}`] });
      await until(
        () =>
          honest.provider.awareness!.getStates().get(evilClient)?.assistant?.nodes?.[0] ===
          `ok${i}`,
        `the good state after ${i}`
      );
      evil.destroy();
    }
    // Ann's own assistant was never replaced by any of it.
    expect(readPeer(client, seen())?.assistant).toEqual({ status: 'proposing', nodes: [heading] });
    for (const state of honest.provider.awareness!.getStates().values())
      expect(JSON.stringify(state).length).toBeLessThan(8192);
  });
});
