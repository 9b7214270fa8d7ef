/**
 * The assistant in presence ("Assistant (for Ann)", its status and the nodes it frames), forged
 * by raw peers against the real server: awareness frames written byte by byte, not through a
 * provider, so they say whatever an attacker wants. A viewer's presence never reaches anyone;
 * an editor cannot speak for Ann's client, cannot be shown as Ann (the server writes who the
 * connection is), cannot flood the room with thousands of assistants from one connection, and a
 * frame that is not an awareness update at all ends in a coded close. Ann's own assistant stays
 * as she set it, and the honest editor keeps editing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { documentName } from '../../src/lib/collab/protocol';
import { readPeer, type Peer as PresencePeer } from '../../src/lib/collab/presence';
import { assistantsOf } from '../../src/lib/editor/presence-view';
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
let hana: Peer;
let hanaActor: { id: string; role: 'editor' };
let ann: Peer;
let annActorId: string;
const peers: Peer[] = [];

/** One awareness entry as a raw peer writes it: any client id, any clock, any text as state. */
interface Entry {
  client: number;
  clock: number;
  state: string;
}

/** A Hocuspocus awareness message (type 1) for the app's document, carrying `entries`. */
function awarenessFrame(entries: readonly Entry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(update, e.client);
    encoding.writeVarUint(update, e.clock);
    encoding.writeVarString(update, e.state);
  }
  const message = encoding.createEncoder();
  encoding.writeVarString(message, documentName(appId));
  encoding.writeVarUint(message, 1);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

/** Sends raw bytes on a peer's socket, as the provider would send its own messages. */
function sendRaw(peer: Peer, bytes: Uint8Array): void {
  peer.socket.send(bytes);
}

/** The presences Hana's studio reads (what it would draw). */
function hanaSees(): PresencePeer[] {
  return [...hana.provider.awareness!.getStates()]
    .map(([client, state]) => readPeer(client, state))
    .filter((p): p is PresencePeer => p !== null);
}

/** Ann's assistant as Hana sees it. */
function annsAssistant() {
  return hanaSees().find((p) => p.clientId === ann.doc.clientID)?.assistant ?? null;
}

async function rawPeer(role: 'viewer' | 'editor', person: string, name: string) {
  const link = await linkFor(server, appId, role);
  const p = connect(server, appId, { token: link.token, person, name });
  peers.push(p);
  const notices: string[] = [];
  p.provider.on('stateless', ({ payload }: { payload: string }) => notices.push(payload));
  await synced(p);
  return { peer: p, notices, actorId: link.actor(person).id };
}

/** The honest editor changes the heading and the server has it. */
async function hanaStillEdits(text: string): Promise<void> {
  const written = commitPlanned(
    hana.doc,
    [{ op: 'setProp', id: heading, name: 'text', value: text }],
    originFor(hanaActor)
  );
  expect(written.ok).toBe(true);
  await until(
    async () => textOf((await server.studio.session(appId))!.doc, heading) === text,
    'the honest edit to reach the server'
  );
}

/** A studio presence with an assistant, claiming to be Ann's. */
function forged(status: string, nodes: unknown, user: Record<string, unknown> = {}): string {
  return JSON.stringify({
    user: { id: annActorId, name: 'Ann', role: 'owner', color: '#e5484d', ...user },
    selection: null,
    pointer: null,
    field: null,
    assistant: { status, nodes }
  });
}

beforeAll(async () => {
  server = await startServer();
  appId = await newApp(server);
  const link = await linkFor(server, appId, 'editor');
  hanaActor = link.actor('hana-0001') as { id: string; role: 'editor' };
  hana = connect(server, appId, { token: link.token, person: 'hana-0001', name: 'Hana' });
  peers.push(hana);
  await synced(hana);
  heading = headingOf(hana.doc);
  const annLink = await linkFor(server, appId, 'editor');
  annActorId = annLink.actor('ann-00001').id;
  ann = connect(server, appId, { token: annLink.token, person: 'ann-00001', name: 'Ann' });
  peers.push(ann);
  await synced(ann);
  ann.provider.setAwarenessField('assistant', { status: 'proposing', nodes: [heading] });
  await until(() => annsAssistant()?.status === 'proposing', 'Ann’s assistant');
});

afterAll(async () => {
  for (const p of peers) p.destroy();
  await server.stop();
  removeDir(server.dir);
});

describe('a raw viewer', () => {
  it('shows no assistant at all: neither its own nor one on Ann’s client', async () => {
    const { peer } = await rawPeer('viewer', 'view-0001', 'Vic');
    const own = 0x7ff0_0001;
    sendRaw(
      peer,
      awarenessFrame([
        { client: own, clock: 1, state: forged('applied', [heading]) },
        { client: ann.doc.clientID, clock: 1_000_000, state: forged('thinking', []) }
      ])
    );
    // The honest edit after it went through the same server: the frame was handled by then.
    await hanaStillEdits('after a raw viewer');
    expect(hanaSees().some((p) => p.clientId === own)).toBe(false);
    expect(annsAssistant()).toEqual({ status: 'proposing', nodes: [heading] });
    expect(assistantsOf(hanaSees()).map((a) => a.name)).toEqual(['Assistant (for Ann)']);
  });
});

describe('a raw editor', () => {
  it('cannot write over Ann’s client, even with a far newer clock', async () => {
    const { peer } = await rawPeer('editor', 'mall-0001', 'Mallory');
    sendRaw(
      peer,
      awarenessFrame([
        { client: ann.doc.clientID, clock: 1_000_000, state: forged('applied', ['nowhere']) }
      ])
    );
    await hanaStillEdits('after writing over Ann');
    expect(annsAssistant()).toEqual({ status: 'proposing', nodes: [heading] });
    const ofAnn = hanaSees().find((p) => p.clientId === ann.doc.clientID);
    expect(ofAnn).toMatchObject({ id: annActorId, name: 'Ann' });
  });

  it('claiming to be Ann’s assistant on its own client is shown as Mallory’s', async () => {
    const { peer, actorId } = await rawPeer('editor', 'mall-0002', 'Mallory');
    const own = 0x7ff0_0002;
    sendRaw(
      peer,
      awarenessFrame([{ client: own, clock: 1, state: forged('thinking', [heading]) }])
    );
    await until(() => hanaSees().some((p) => p.clientId === own), 'the raw editor’s presence');
    const shown = hanaSees().find((p) => p.clientId === own)!;
    expect(shown).toMatchObject({ id: actorId, name: 'Mallory', role: 'editor' });
    expect(shown.id).not.toBe(annActorId);
    const names = assistantsOf(hanaSees()).map((a) => a.name);
    expect(names.filter((n) => n === 'Assistant (for Ann)')).toHaveLength(1);
    expect(names).toContain('Assistant (for Mallory)');
    expect(annsAssistant()).toEqual({ status: 'proposing', nodes: [heading] });
    peer.destroy();
    await until(() => !hanaSees().some((p) => p.clientId === own), 'Mallory to leave');
  });

  it('cannot flood the room with assistants from one connection: a few clients, then closed', async () => {
    const { peer, notices } = await rawPeer('editor', 'mall-0003', 'Mallory');
    const base = 0x7ff1_0000;
    const flood = Array.from({ length: 2000 }, (_, i) => ({
      client: base + i,
      clock: 1,
      state: forged('proposing', [heading])
    }));
    sendRaw(peer, awarenessFrame(flood));
    await until(() => peer.closes.some((c) => /E_AWARENESS_INVALID/.test(c.reason)), 'the close');
    expect(notices.some((n) => n.includes('E_AWARENESS_INVALID'))).toBe(true);
    await hanaStillEdits('after a flood');
    const flooded = hanaSees().filter((p) => p.clientId >= base && p.clientId < base + 2000);
    expect(flooded.length).toBeLessThanOrEqual(4);
    expect(annsAssistant()).toEqual({ status: 'proposing', nodes: [heading] });
  });

  it('a huge or malformed assistant is dropped with a coded notice', async () => {
    const { peer, notices } = await rawPeer('editor', 'mall-0004', 'Mallory');
    const own = 0x7ff2_0001;
    const bad = [
      forged(
        'proposing',
        Array.from({ length: 50_000 }, (_, i) => `n${i}`)
      ),
      forged('proposing', 'not a list'),
      JSON.stringify({ assistant: { status: 'proposing', nodes: [heading], frames: 1 } })
    ];
    for (const [i, state] of bad.entries()) {
      sendRaw(peer, awarenessFrame([{ client: own, clock: i + 1, state }]));
      await until(
        () => notices.filter((n) => n.includes('E_AWARENESS_INVALID')).length > i,
        `notice ${i}`
      );
      expect(hanaSees().some((p) => p.clientId === own)).toBe(false);
    }
    await hanaStillEdits('after malformed assistants');
  });

  it('a frame that is not an awareness update closes the connection with a coded reason', async () => {
    for (const [i, state] of ['{"assistant":', 'x'.repeat(100), ''].entries()) {
      const { peer } = await rawPeer('editor', `mall-010${i}`, 'Mallory');
      sendRaw(peer, awarenessFrame([{ client: 0x7ff3_0000 + i, clock: 1, state }]));
      await until(() => peer.closes.length > 0, `the close ${i}`);
      expect(peer.closes[0].reason, state).toMatch(/^E_AWARENESS_INVALID/);
    }
    // A frame cut short inside its update.
    const { peer } = await rawPeer('editor', 'mall-0200', 'Mallory');
    const whole = awarenessFrame([
      { client: 0x7ff4_0000, clock: 1, state: forged('thinking', []) }
    ]);
    sendRaw(peer, whole.slice(0, whole.length - 10));
    await until(() => peer.closes.length > 0, 'the close of a cut frame');
    expect(peer.closes[0].reason).toMatch(/^E_AWARENESS_INVALID/);
    await hanaStillEdits('after malformed frames');
    expect(annsAssistant()).toEqual({ status: 'proposing', nodes: [heading] });
  });
});
