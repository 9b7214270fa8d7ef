/**
 * A seeded fuzz through the real server: 2 to 4 editors with real providers commit random valid
 * batches (planned on their own replica, as the studio does offline), drop their connection and
 * come back at random. After every step every replica reads a valid model; at the end all
 * replicas and the server hold the same document. An update the server refuses (a change that
 * conflicts with someone else's in a way the app cannot read) sends that peer back to the
 * server's copy, as the studio does; the run counts those.
 *
 * FUZZ_SERVER_SEEDS (default 3) and FUZZ_SERVER_STEPS (default 20) size it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentModel } from '../../src/lib/model/store';
import { commitPlanned, originFor } from '../../src/lib/ops/write';
import { modelViolations, randomBatch, Rng } from '../fuzz/peers';
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
  type Running
} from './harness';

const SEEDS = Number(process.env.FUZZ_SERVER_SEEDS ?? 3);
const STEPS = Number(process.env.FUZZ_SERVER_STEPS ?? 20);

let server: Running;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server.stop();
  removeDir(server.dir);
});

interface Editor {
  peer: Peer;
  person: string;
  actor: { id: string; role: 'editor' };
  online: boolean;
}

async function run(seed: number): Promise<{ refusals: number; commits: number }> {
  const rng = new Rng(seed);
  const appId = await newApp(server);
  const link = await linkFor(server, appId, 'editor');
  const editors: Editor[] = [];
  const join = async (person: string): Promise<Editor> => {
    const peer = connect(server, appId, { token: link.token, person });
    await synced(peer);
    return { peer, person, actor: link.actor(person) as Editor['actor'], online: true };
  };
  const count = rng.range(2, 4);
  for (let i = 0; i < count; i++) editors.push(await join(`fz${seed}-${i}-0001`));
  let refusals = 0;
  let commits = 0;
  const log: string[] = [];

  for (let step = 0; step < STEPS; step++) {
    const editor = rng.pick(editors);
    if (rng.chance(0.15)) {
      editor.online = !editor.online;
      log.push(`${editor.person} ${editor.online ? 'reconnects' : 'disconnects'}`);
      if (editor.online) void editor.peer.socket.connect();
      else editor.peer.socket.disconnect();
    }
    const ops = randomBatch(rng, currentModel(editor.peer.doc).model, {
      maxOps: 3,
      componentsAnywhere: false
    });
    if (ops.length > 0) {
      const written = commitPlanned(editor.peer.doc, ops, originFor(editor.actor));
      expect(written.ok, `${JSON.stringify(ops)}\n${log.slice(-6).join('\n')}`).toBe(true);
      commits++;
      log.push(`${editor.person} commits ${JSON.stringify(ops)}`);
    }
    // A refused peer starts again from the server's copy, as the studio does.
    for (const [i, e] of editors.entries()) {
      if (e.peer.notices.some((n) => n.type === 'refused')) {
        refusals++;
        e.peer.destroy();
        editors[i] = await join(`${e.person.slice(0, -4)}${String(refusals).padStart(4, '0')}`);
      }
    }
    for (const e of editors) {
      const problems = modelViolations(currentModel(e.peer.doc).model);
      expect(problems, `step ${step} on ${e.person}\n${log.slice(-6).join('\n')}`).toEqual([]);
    }
    await new Promise((resolve) => setTimeout(resolve, rng.int(40)));
  }

  // Everyone back online; everything delivered; all equal to the server.
  for (const e of editors)
    if (!e.online) {
      e.online = true;
      void e.peer.socket.connect();
    }
  const session = (await server.studio.session(appId))!;
  await until(
    () => {
      for (const [i, e] of editors.entries())
        if (e.peer.notices.some((n) => n.type === 'refused')) {
          refusals++;
          e.peer.destroy();
          editors.splice(i, 1);
          return false;
        }
      const expected = snapshot(session.doc);
      return editors.every((e) => e.peer.provider.isSynced && snapshot(e.peer.doc) === expected);
    },
    `seed ${seed}: every replica to equal the server`,
    30_000
  );
  expect(modelViolations(session.model)).toEqual([]);
  for (const e of editors) e.peer.destroy();
  return { refusals, commits };
}

describe('seeded fuzz through the server', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    it(`seed ${seed}: valid at every step, all equal at the end`, async () => {
      const { commits } = await run(seed);
      expect(commits).toBeGreaterThan(STEPS / 2);
    }, 120_000);
  }
});
