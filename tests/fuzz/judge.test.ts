/**
 * The two doors hold one verdict (DESIGN section 1, "one judge on the server"). Random changes to
 * a real app session (SQLite, the compile gate with TypeScript, the sandbox process), each made
 * once as an HTTP batch (`session.check`, the path `session.apply` writes through) and once as
 * the equivalent raw Yjs update (`session.receive`, what a peer's provider sends), as every
 * role, must be accepted by both or refused by both. The Yjs update is what a studio that
 * planned the batch for itself writes: the batch planned without the gate, written to a copy of
 * the document by a writer named as the acting person, and the update read off that copy.
 *
 * Invariants after every step: a refused update leaves the document byte-identical, the model
 * keeps its rules, and no capability changed unless an owner made the change.
 *
 * FUZZ_JUDGE_STEPS sets the steps (default 80), FUZZ_SEED the seed (printed on failure).
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StudioServer } from '../../src/lib/server/studio';
import { commitPlanned, originFor } from '../../src/lib/ops/write';
import { childrenOf, rootComponent, type AppModel } from '../../src/lib/model/types';
import { validateModel } from '../../src/lib/model/validate';
import type { Actor } from '../../src/lib/ops/plan';
import type { AppSession } from '../../src/lib/server/session';
import { Rng } from './peers';

const STEPS = Number(process.env.FUZZ_JUDGE_STEPS ?? 80);
const SEED = Number(process.env.FUZZ_SEED ?? 7);

const ROLES = ['owner', 'editor', 'user', 'viewer'] as const;

function bytes(doc: Y.Doc): string {
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
}

/** Nodes of the root component by element type, sorted so picks repeat for a seed. */
function nodesOf(model: AppModel, types: readonly string[]): string[] {
  return [...model.nodes.values()]
    .filter((n) => types.includes(n.type))
    .map((n) => n.id)
    .sort();
}

/** One random batch against `model`: mostly valid, some refused by the gate or the sandbox. */
function randomBatch(rng: Rng, model: AppModel, step: number): unknown[] {
  const root = rootComponent(model)!;
  const texts = nodesOf(model, ['Heading', 'Text']);
  const buttons = nodesOf(model, ['Button']);
  const containers = nodesOf(model, ['Stack', 'Card']);
  const removable = [...model.nodes.values()]
    .filter((n) => n.parent !== null && n.component === root.id)
    .map((n) => n.id)
    .sort();
  const caps = root.capabilities ?? {};
  const kinds = [
    () =>
      texts.length > 0 && {
        op: 'setProp',
        id: rng.pick(texts),
        name: 'text',
        value: `step ${step}`
      },
    () =>
      buttons.length > 0 && {
        op: 'setProp',
        id: rng.pick(buttons),
        name: 'label',
        value: `Go ${step}`
      },
    () =>
      texts.length > 0 && {
        op: 'setProp',
        id: rng.pick(texts),
        name: 'text',
        value: {
          $expr: rng.pick([
            "'items: ' + state.items.length",
            'state.draft.toUpperCase()',
            // Refused by the policy (an unknown name) and by the type check (no such field).
            'nope + 1',
            'state.nothing.deeper',
            // Type-checks, throws when rendered: the dry run's to find.
            "state.items.length >= 0 ? [][0].title : ''"
          ])
        }
      },
    () => ({
      op: 'addNode',
      parent: rng.pick(containers.length > 0 ? containers : [root.root]),
      type: rng.pick(['Text', 'Badge', 'Divider']),
      ...(rng.next() < 0.5 ? {} : { index: 0 })
    }),
    () => removable.length > 2 && { op: 'removeNode', id: rng.pick(removable) },
    () =>
      removable.length > 0 &&
      containers.length > 0 && {
        op: 'moveNode',
        id: rng.pick(removable),
        parent: rng.pick(containers),
        index: 0
      },
    () => ({
      op: 'addState',
      component: root.name,
      name: `f${step}`,
      type: 'number',
      initial: step
    }),
    () => ({
      op: 'setHandler',
      component: root.name,
      name: `h${step % 4}`,
      body: rng.pick(['state.draft = state.draft.trim();', 'state.nextId += 1;', 'launch();'])
    }),
    () => ({
      op: 'setStateScope',
      component: root.name,
      name: rng.pick(['draft', 'nextId', 'items']),
      scope: rng.pick(['shared', 'local', 'person'])
    }),
    // Always a real change of capabilities: a no-op grant has no Yjs equivalent (see below).
    () => ({
      op: 'setCapabilities',
      component: root.name,
      capabilities: { ...caps, clock: !caps.clock }
    }),
    () => ({ op: 'setMeta', name: 'title', value: `Title ${step}` }),
    () => ({ op: 'setMeta', name: 'theme', value: rng.pick(['light', 'dark']) })
  ];
  const ops: unknown[] = [];
  const size = 1 + Math.floor(rng.next() * 3);
  // A move into a container and that container's removal in one batch can empty the app, and
  // the later steps need elements to work on: a batch has moves or removals, not both.
  const has = (kind: string) => ops.some((o) => (o as { op: string }).op === kind);
  for (let tries = 0; ops.length < size && tries < 20; tries++) {
    const op = rng.pick(kinds)();
    if (!op) continue;
    if ((op.op === 'moveNode' && has('removeNode')) || (op.op === 'removeNode' && has('moveNode')))
      continue;
    ops.push(op);
  }
  return ops;
}

/**
 * The raw Yjs update a studio would send for `ops` by `actor`: planned without the gate on a copy
 * of the document, by a writer allowed everything but named as `actor` (the history entry names
 * its author). Null when the batch does not even plan (there is then nothing to send).
 */
function yjsUpdate(doc: Y.Doc, ops: unknown, actor: Actor): Uint8Array | null {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const vector = Y.encodeStateVector(copy);
  const written = commitPlanned(
    copy,
    ops,
    originFor({ id: actor.id, name: actor.name, role: 'owner' })
  );
  const update = written.ok ? Y.encodeStateAsUpdate(copy, vector) : null;
  copy.destroy();
  return update;
}

const servers: StudioServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function freshSession(): Promise<AppSession> {
  const studio = new StudioServer(':memory:', { demo: false });
  servers.push(studio);
  const created = await studio.create({ template: 'todo' });
  if (!created.ok) throw new Error('no app');
  return (await studio.session(created.app.id))!;
}

describe('one judge: an HTTP batch and the same change as a raw Yjs update get one verdict', () => {
  it(`agrees over ${STEPS} random changes as every role (seed ${SEED})`, async () => {
    const session = await freshSession();
    const rng = new Rng(SEED);
    const tally = { agreedOk: 0, agreedRefused: 0, skipped: 0 };
    for (let step = 0; step < STEPS; step++) {
      const role = ROLES[step % ROLES.length];
      const actor: Actor = { id: `fuzz-${role}`, name: `Fuzz ${role}`, role };
      const model = session.model;
      const ops = randomBatch(rng, model, step);
      const update = yjsUpdate(session.doc, ops, actor);
      if (!update) {
        tally.skipped++;
        continue;
      }
      const where = `seed ${SEED} step ${step} as ${role}: ${JSON.stringify(ops)}`;
      const http = await session.check(actor, ops);
      const before = bytes(session.doc);
      const capsBefore = JSON.stringify(rootComponent(model)!.capabilities ?? {});
      const live = await session.receive(actor, update);
      const codes = (r: { ok: boolean; errors?: readonly { code: string }[] }) =>
        r.ok ? 'accepted' : `refused ${r.errors!.map((e) => e.code).join(',')}`;
      expect(live.ok, `${where}\nHTTP ${codes(http)}, Yjs ${codes(live)}`).toBe(http.ok);
      if (!http.ok) {
        // A role refusal is the same refusal at both doors.
        const roleCode = (r: typeof http) =>
          !r.ok && r.errors.some((e) => e.code === 'E_FORBIDDEN' || e.code === 'E_NEEDS_OWNER');
        expect(
          roleCode(live as typeof http),
          `${where}\nHTTP ${codes(http)}, Yjs ${codes(live)}`
        ).toBe(roleCode(http));
        expect(bytes(session.doc), `${where}: a refused update left a trace`).toBe(before);
        tally.agreedRefused++;
      } else tally.agreedOk++;
      const after = session.model;
      expect(validateModel(after), where).toEqual([]);
      if (role !== 'owner')
        expect(JSON.stringify(rootComponent(after)!.capabilities ?? {}), where).toBe(capsBefore);
      expect(childrenOf(after, rootComponent(after)!.root).length, where).toBeGreaterThan(0);
    }
    // The run must have exercised both verdicts, or it proves nothing.
    expect(tally.agreedOk).toBeGreaterThan(3);
    expect(tally.agreedRefused).toBeGreaterThan(3);
  }, 300_000);
});
