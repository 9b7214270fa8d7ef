/**
 * Live editing through the real server with real providers: edits travel both ways, and every
 * role is enforced on what a connection writes with raw Yjs (DESIGN section 7). A refused
 * update is neither stored nor broadcast, the writer is told why, and honest peers go on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commitPlanned, originFor } from '../../src/lib/ops/write';
import {
  connect,
  linkFor,
  removeDir,
  snapshot,
  startServer,
  synced,
  until,
  newApp,
  storedDoc,
  type Peer,
  type Running,
  headingOf,
  textOf
} from './harness';

let server: Running;
let appId: string;
const peers: Peer[] = [];

function peer(options: Parameters<typeof connect>[2] = {}): Peer {
  const p = connect(server, appId, options);
  peers.push(p);
  return p;
}

async function serverDoc(): Promise<Y.Doc> {
  return (await server.studio.session(appId))!.doc;
}

/** Two honest editors, connected and synced. */
let ann: Peer;
let bob: Peer;
let annActor: { id: string; role: 'editor' };
let heading: string;

beforeAll(async () => {
  server = await startServer();
  appId = await newApp(server);
  const link = await linkFor(server, appId, 'editor');
  annActor = link.actor('ann-0001') as { id: string; role: 'editor' };
  ann = peer({ token: link.token, person: 'ann-0001', name: 'Ann' });
  bob = peer({ token: link.token, person: 'bob-0001', name: 'Bob' });
  await Promise.all([synced(ann), synced(bob)]);
  heading = headingOf(ann.doc);
});

afterAll(async () => {
  for (const p of peers) p.destroy();
  await server.stop();
  removeDir(server.dir);
});

/**
 * Connects a hostile peer with `role`, lets it write with raw Yjs, and checks the refusal: the
 * coded error, nothing in the server's document, nothing at Bob's, nothing stored.
 */
async function refused(
  role: 'editor' | 'user' | 'viewer',
  write: (doc: Y.Doc) => void,
  code: string | RegExp
): Promise<void> {
  await (await server.studio.session(appId))!.flush();
  const before = snapshot(await serverDoc());
  const bobBefore = snapshot(bob.doc);
  const stored = snapshot(await storedDoc(server, appId));
  const mallory = peer({ token: (await linkFor(server, appId, role)).token, person: 'mallory-1' });
  await synced(mallory);
  write(mallory.doc);
  await until(() => mallory.notices.length > 0, `the server to refuse the ${role}’s update`);
  mallory.destroy();
  const errors = mallory.notices[0].errors;
  expect(mallory.notices[0].type).toBe('refused');
  expect(errors[0].code).toMatch(code);
  // Give a broadcast every chance to arrive before checking there was none.
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(snapshot(await serverDoc())).toBe(before);
  expect(snapshot(bob.doc)).toBe(bobBefore);
  expect(snapshot(await storedDoc(server, appId))).toBe(stored);
}

describe('live editing through the server', () => {
  it('carries an editor’s change to the other editor and stores it soon after', async () => {
    const written = commitPlanned(
      ann.doc,
      [{ op: 'setProp', id: heading, name: 'text', value: 'Written by Ann' }],
      originFor(annActor)
    );
    expect(written.ok).toBe(true);
    await until(() => textOf(bob.doc, heading) === 'Written by Ann', 'Bob to see Ann’s text');
    expect(textOf(await serverDoc(), heading)).toBe('Written by Ann');
    await until(
      async () => textOf(await storedDoc(server, appId), heading) === 'Written by Ann',
      'the change to be stored'
    );
    expect(ann.notices).toEqual([]);
  });

  it('carries a change made over HTTP to every connected editor', async () => {
    const session = (await server.studio.session(appId))!;
    const result = await session.apply({ id: 'script', role: 'editor' }, [
      { op: 'setProp', id: heading, name: 'text', value: 'From a script' }
    ]);
    expect(result.ok).toBe(true);
    await until(
      () =>
        textOf(ann.doc, heading) === 'From a script' &&
        textOf(bob.doc, heading) === 'From a script',
      'both editors to see the scripted change'
    );
  });
});

describe('what a role may not write is refused whole', () => {
  it('a viewer writing a prop: E_FORBIDDEN', async () => {
    await refused(
      'viewer',
      (doc) => doc.getMap('props').set(`${heading}/text`, 'defaced'),
      'E_FORBIDDEN'
    );
  });

  it('a user writing the definition: E_FORBIDDEN', async () => {
    await refused(
      'user',
      (doc) => doc.getMap('props').set(`${heading}/text`, 'defaced'),
      'E_FORBIDDEN'
    );
  });

  it('a user writing app data of the wrong type: E_DATA_TYPE', async () => {
    await refused('user', (doc) => doc.getMap('state').set('items', 'not a list'), 'E_DATA_TYPE');
  });

  it('an editor writing garbage into the node map: E_PEER_INVALID', async () => {
    await refused('editor', (doc) => doc.getMap('nodes').set('zz9', 42), 'E_PEER_INVALID');
  });

  it('an editor writing a prop of the wrong type: E_PEER_INVALID', async () => {
    await refused(
      'editor',
      (doc) => doc.getMap('props').set(`${heading}/text`, { not: 'text' }),
      'E_PEER_INVALID'
    );
  });

  it('an editor writing outside the app’s roots: E_PEER_INVALID', async () => {
    await refused('editor', (doc) => doc.getMap('evil').set('x', 1), 'E_PEER_INVALID');
  });

  it('an editor writing an expression the policy refuses: E_POLICY_*', async () => {
    await refused(
      'editor',
      (doc) => doc.getMap('props').set(`${heading}/text`, { $expr: 'window.location.href' }),
      /^E_POLICY_/
    );
  });

  it('an editor rewriting the history log: E_HISTORY_LOCKED', async () => {
    await refused('editor', (doc) => doc.getArray('history').delete(0, 1), 'E_HISTORY_LOCKED');
  });

  it('an editor adding history under someone else’s name: E_HISTORY_LOCKED', async () => {
    await refused(
      'editor',
      (doc) =>
        doc
          .getArray('history')
          .push([{ who: 'owner', when: 1, source: 'visual', summary: 'x', ops: [], idMap: {} }]),
      'E_HISTORY_LOCKED'
    );
  });

  it('a user writing a local field’s value (a draft) into the document: E_STATE_SCOPE', async () => {
    await refused(
      'user',
      (doc) => doc.getMap('state').set('draft', 'half-typed words'),
      'E_STATE_SCOPE'
    );
  });

  it('a user may write app data that fits, and everyone gets it', async () => {
    const user = peer({ token: (await linkFor(server, appId, 'user')).token, person: 'uma-0001' });
    await synced(user);
    user.doc.getMap('state').set('nextId', 77);
    await until(() => bob.doc.getMap('state').get('nextId') === 77, 'Bob to get the data');
    expect(user.notices).toEqual([]);
    user.destroy();
  });

  it('after all that, the honest editors still edit and agree with the server', async () => {
    const written = commitPlanned(
      bob.doc,
      [{ op: 'setProp', id: heading, name: 'text', value: 'Still fine' }],
      originFor({ id: annActor.id.replace('ann-0001', 'bob-0001'), role: 'editor' })
    );
    expect(written.ok).toBe(true);
    await until(() => textOf(ann.doc, heading) === 'Still fine', 'Ann to see Bob’s text');
    const server = snapshot(await serverDoc());
    await until(() => snapshot(ann.doc) === server && snapshot(bob.doc) === server, 'all to agree');
  });
});
