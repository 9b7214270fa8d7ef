/**
 * Convergence fuzz: several peers edit one app through commitBatch while a simulated network
 * delivers their updates late, out of order, or not at all while a peer is offline. After every
 * step every peer's model must satisfy the model invariants; after every local commit the model
 * the commit returned must be what reading the document gives; at the end, with everything
 * delivered, every peer must hold the same document and read the same model.
 *
 * Peers edit nodes (add with nested children, remove, move, reorder, moves into a sibling's
 * subtree on two peers at once, the same node moved on two peers), props, state fields, handlers
 * and components, and sometimes undo or redo. Commits hand commitBatch the PLAN_ONLY verifier
 * instead of the compile gate (see peers.ts): this file tests the model and document layer.
 *
 * FUZZ_ITERATIONS sets the number of runs (default 150), FUZZ_SEED the first seed (a failing
 * run prints its seed: rerun it alone with FUZZ_SEED=<seed> FUZZ_ITERATIONS=1), FUZZ_STEPS the
 * steps per run (default 30).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commitBatch, originFor } from '../../src/lib/ops/commit';
import { seededIds } from '../../src/lib/model/ids';
import { currentModel } from '../../src/lib/model/store';
import { readModel } from '../../src/lib/model/ydoc';
import { acceptsChildren } from '../../src/lib/schema/elements';
import {
  componentByName,
  rootComponent,
  subtreeIds,
  type AppModel
} from '../../src/lib/model/types';
import {
  BatchBuilder,
  Network,
  Rng,
  canonicalModel,
  commitOn,
  describeDiff,
  makePeers,
  modelViolations,
  PLAN_ONLY,
  randomBatch,
  sameModel,
  templateDoc,
  undoScope,
  type Peer
} from './peers';

const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 150);
const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 1);
const STEPS = Number(process.env.FUZZ_STEPS ?? 30);
/** Failing seeds are collected up to this many, then the run stops. */
const MAX_FAILURES = 10;

class FuzzFailure extends Error {}

function must(condition: boolean, message: () => string): void {
  if (!condition) throw new FuzzFailure(message());
}

/** Containers (not component roots) of a model, sorted so picks repeat for a seed. */
function movableContainers(model: AppModel): string[] {
  return [...model.nodes.values()]
    .filter((n) => n.parent !== null && acceptsChildren(n.type))
    .map((n) => n.id)
    .sort();
}

/** Containers in the subtree of `id` (itself included). */
function containersUnder(model: AppModel, id: string): string[] {
  return subtreeIds(model, id).filter((x) => acceptsChildren(model.nodes.get(x)!.type));
}

/** True when `id` is `ancestor` or lies below it in the model. */
function isWithin(model: AppModel, id: string, ancestor: string): boolean {
  for (let c: string | null = id; c !== null; c = model.nodes.get(c)?.parent ?? null)
    if (c === ancestor) return true;
  return false;
}

/** Peers whose state vector is behind another peer's. */
function laggingPeers(peers: readonly Peer[]): Peer[] {
  const vectors = peers.map((p) => Y.decodeStateVector(Y.encodeStateVector(p.doc)));
  return peers.filter((_, i) =>
    vectors.some((other) =>
      [...other].some(([client, clock]) => (vectors[i].get(client) ?? 0) < clock)
    )
  );
}

/**
 * Runs one fuzz scenario; throws FuzzFailure (with the step and what broke) on a violation.
 * Returns how many peers Yjs left behind after every update had arrived.
 */
function runScenario(seed: number, steps: number): number {
  const rng = new Rng(seed);
  const base = templateDoc('todo', seed);
  const peers = makePeers(base, rng.range(3, 5), seed);
  const net = new Network(peers);
  const log: string[] = [];
  const where = (step: number | string) =>
    `step ${step}; last actions:\n  ${log.slice(-8).join('\n  ')}`;

  const commit = (peer: Peer, ops: Parameters<typeof commitOn>[1], step: number) => {
    log.push(`${peer.name} commits ${JSON.stringify(ops)}`);
    let planned: AppModel;
    try {
      planned = commitOn(peer, ops, `step ${step}`);
    } catch (e) {
      throw new FuzzFailure(`${(e as Error).message}\n${where(step)}`);
    }
    // The model the commit hands to the cache must be exactly what reading the document gives.
    const read = readModel(peer.doc);
    must(
      sameModel(read, planned),
      () =>
        `commit model != read model on ${peer.name}:\n${describeDiff(planned, read)}\n${where(step)}`
    );
  };

  // Invariants are checked on each peer's current model (what the studio would render). A model
  // object that was already checked is skipped: the store hands out the same object until the
  // document changes, and commit() has proved a committed model equals a fresh read.
  const checked = new WeakSet<AppModel>();
  const checkAll = (step: number | string) => {
    for (const peer of peers) {
      const model = currentModel(peer.doc).model;
      if (checked.has(model)) continue;
      checked.add(model);
      const problems = modelViolations(model);
      must(
        problems.length === 0,
        () => `invariants broken on ${peer.name}:\n  ${problems.join('\n  ')}\n${where(step)}`
      );
    }
  };

  for (let step = 0; step < steps; step++) {
    if (rng.chance(0.1)) {
      const i = rng.int(peers.length);
      net.online[i] = !net.online[i];
      log.push(`${peers[i].name} ${net.online[i] ? 'reconnects' : 'disconnects'}`);
    }
    const kind = rng.next();
    if (kind < 0.12) crossMove(rng, peers, step, commit);
    else if (kind < 0.22) sameNodeMove(rng, peers, step, commit);
    else {
      for (let k = rng.range(1, 2); k > 0; k--) {
        const peer = rng.pick(peers);
        const ops = randomBatch(rng, currentModel(peer.doc).model);
        if (ops.length > 0) commit(peer, ops, step);
      }
    }
    if (rng.chance(0.06)) {
      const peer = rng.pick(peers);
      const redo = rng.chance(0.3);
      log.push(`${peer.name} ${redo ? 'redoes' : 'undoes'}`);
      if (redo) peer.undo.redo();
      else peer.undo.undo();
    }
    net.deliverSome(rng, rng.next());
    checkAll(step);
  }

  net.deliverAll();
  // Every update has arrived, yet Yjs can keep some pending forever after out-of-order delivery
  // (see the named Yjs test below). A peer that lags must show that signature; a state-vector
  // sync, which every provider runs on reconnect, then completes it.
  const lagging = laggingPeers(peers);
  for (const peer of lagging)
    must(
      peer.doc.store.pendingStructs !== null,
      () => `${peer.name} lags after every update arrived, with nothing pending\n${where('end')}`
    );
  net.syncAll();
  expectConverged(peers, where('end'));
  checkAll('end');
  // A last commit writes back any repairs the merged document needs; peers must still agree.
  const last = rng.pick(peers);
  const ops = randomBatch(rng, currentModel(last.doc).model, {
    maxOps: 2
  });
  if (ops.length > 0) commit(last, ops, steps);
  net.deliverAll();
  expectConverged(peers, where('after the final commit'));
  checkAll('after the final commit');
  return lagging.length;
}

/** Every peer has the same state vector and reads the same model. */
function expectConverged(peers: readonly Peer[], where: string): void {
  const vector = Buffer.from(Y.encodeStateVector(peers[0].doc)).toString('base64');
  const models = peers.map((p) => readModel(p.doc));
  peers.forEach((peer, i) => {
    must(
      Buffer.from(Y.encodeStateVector(peer.doc)).toString('base64') === vector,
      () => `state vector of ${peer.name} differs from ${peers[0].name} after sync\n${where}`
    );
    must(
      sameModel(models[i], models[0]) && canonicalModel(models[i]) === canonicalModel(models[0]),
      () =>
        `${peer.name} and ${peers[0].name} read different models after sync:\n${describeDiff(models[0], models[i])}\n${where}`
    );
  });
}

type Commit = (peer: Peer, ops: BatchBuilder['ops'], step: number) => void;

/** Two peers move two containers into each other's subtrees: a cycle once both arrive. */
function crossMove(rng: Rng, peers: readonly Peer[], step: number, commit: Commit): void {
  const [p, q] = rng.shuffle([...peers]).slice(0, 2);
  const mp = currentModel(p.doc).model;
  const mq = currentModel(q.doc).model;
  const shared = movableContainers(mp).filter((id) => mq.nodes.has(id));
  if (shared.length < 2) return;
  const a = rng.pick(shared);
  const candidates = shared.filter(
    (b) => b !== a && !isWithin(mp, b, a) && !isWithin(mp, a, b) && !isWithin(mq, b, a)
  );
  if (candidates.length === 0) return;
  const b = rng.pick(candidates);
  const bp = new BatchBuilder(rng, mp);
  bp.moveTo(a, rng.pick(containersUnder(mp, b)));
  const bq = new BatchBuilder(rng, mq);
  const intoA = containersUnder(mq, a).filter((t) => !isWithin(mq, t, b));
  if (intoA.length > 0 && !isWithin(mq, a, b)) bq.moveTo(b, rng.pick(intoA));
  if (bp.ops.length > 0) commit(p, bp.ops, step);
  if (bq.ops.length > 0) commit(q, bq.ops, step);
}

/** Two peers move the same node to different places at the same time. */
function sameNodeMove(rng: Rng, peers: readonly Peer[], step: number, commit: Commit): void {
  const [p, q] = rng.shuffle([...peers]).slice(0, 2);
  const mp = currentModel(p.doc).model;
  const mq = currentModel(q.doc).model;
  const shared = [...mp.nodes.values()]
    .filter((n) => n.parent !== null && mq.nodes.has(n.id) && mq.nodes.get(n.id)!.parent !== null)
    .map((n) => n.id)
    .sort();
  if (shared.length === 0) return;
  const x = rng.pick(shared);
  for (const [peer, model] of [
    [p, mp],
    [q, mq]
  ] as const) {
    const builder = new BatchBuilder(rng, model);
    const targets = movableContainers(model)
      .concat(rootComponent(model)!.root)
      .filter((t) => !isWithin(model, t, x));
    if (targets.length > 0 && builder.moveTo(x, rng.pick(targets))) commit(peer, builder.ops, step);
  }
}

describe('convergence fuzz', () => {
  it(
    `${ITERATIONS} seeded runs of ${STEPS} steps converge with the invariants after every step`,
    () => {
      const failures: string[] = [];
      let stuckRuns = 0;
      const started = performance.now();
      for (let i = 0; i < ITERATIONS && failures.length < MAX_FAILURES; i++) {
        const seed = FIRST_SEED + i;
        try {
          if (runScenario(seed, STEPS) > 0) stuckRuns++;
        } catch (e) {
          const message = e instanceof FuzzFailure ? e.message : String((e as Error).stack ?? e);
          failures.push(
            `seed ${seed} (rerun: FUZZ_SEED=${seed} FUZZ_ITERATIONS=1 npx vitest run tests/fuzz/convergence.test.ts): ${message}`
          );
        }
      }
      console.log(
        `convergence fuzz: ${ITERATIONS} runs (seeds ${FIRST_SEED}..${FIRST_SEED + ITERATIONS - 1}) in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
          `${stuckRuns} needed a state-vector sync after every update had arrived (Yjs pending structs)`
      );
      expect(failures, `failing seeds:\n${failures.join('\n\n')}`).toEqual([]);
    },
    Math.max(60_000, ITERATIONS * 1_000)
  );
});

describe('convergence: named scenarios', () => {
  /** The template plus `ops`, committed on a base doc; returns the doc and the batch's id map. */
  function baseWith(ops: unknown[]): { base: Y.Doc; ids: Readonly<Record<string, string>> } {
    const base = templateDoc('todo', 42);
    const result = commitBatch(base, ops, originFor({ id: 'setup' }), {
      ids: seededIds(43),
      verify: PLAN_ONLY
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return { base, ids: result.idMap };
  }

  function rootOf(doc: Y.Doc): string {
    return rootComponent(readModel(doc))!.root;
  }

  it('two peers moving A into B and B into A converge with no cycle and nothing lost', () => {
    const root = rootOf(templateDoc('todo', 42));
    const { base, ids } = baseWith([
      { op: 'addNode', parent: root, type: 'Card', id: 'A', props: { title: 'A' } },
      {
        op: 'addNode',
        parent: root,
        type: 'Card',
        id: 'B',
        props: { title: 'B' },
        children: [{ type: 'Text', id: 'T', props: { text: 'inside B' } }]
      }
    ]);
    const [a, b, t] = [ids.A, ids.B, ids.T];
    const peers = makePeers(base, 2, 7);
    const net = new Network(peers);
    const [p, q] = peers;
    commitOn(p, [{ op: 'moveNode', id: a, parent: b }], 'p moves A into B');
    commitOn(q, [{ op: 'moveNode', id: b, parent: a }], 'q moves B into A');
    net.deliverAll();

    const [mp, mq] = [readModel(p.doc), readModel(q.doc)];
    expect(canonicalModel(mp), describeDiff(mp, mq)).toBe(canonicalModel(mq));
    expect(modelViolations(mp)).toEqual([]);
    for (const id of [a, b, t]) expect(mp.nodes.has(id), `${id} is still in the model`).toBe(true);
    // The cycle is broken at its smallest id, which goes back under the component root.
    const [low, high] = a < b ? [a, b] : [b, a];
    expect(mp.nodes.get(low)!.parent).toBe(root);
    expect(mp.nodes.get(high)!.parent).toBe(low);

    // The next commit writes the repair back; both peers still agree, and the stored form now
    // reads the same without the cycle rule.
    commitOn(q, [{ op: 'setProp', id: t, name: 'text', value: 'after' }], 'q edits after sync');
    net.deliverAll();
    const [np, nq] = [readModel(p.doc), readModel(q.doc)];
    expect(canonicalModel(np), describeDiff(np, nq)).toBe(canonicalModel(nq));
    expect(modelViolations(np)).toEqual([]);
    expect((p.doc.getMap<{ parent: string }>('nodes').get(low) as { parent: string }).parent).toBe(
      root
    );
  });

  it('removing a Card while another peer adds into it converges, and undo brings both back', () => {
    const root = rootOf(templateDoc('todo', 42));
    const { base, ids } = baseWith([
      {
        op: 'addNode',
        parent: root,
        type: 'Card',
        id: 'C',
        props: { title: 'card' },
        children: [{ type: 'Text', id: 'K', props: { text: 'kept' } }]
      }
    ]);
    const [card, kept] = [ids.C, ids.K];
    const peers = makePeers(base, 2, 9);
    const net = new Network(peers);
    const [remover, adder] = peers;
    const origin = remover.origin;
    const undo = new Y.UndoManager(undoScope(remover.doc), { trackedOrigins: new Set([origin]) });

    commitOn(remover, [{ op: 'removeNode', id: card }], 'remove the card');
    const added = commitBatch(
      adder.doc,
      [{ op: 'addNode', parent: card, type: 'Text', id: 'X', props: { text: 'new' } }],
      adder.origin,
      { ids: adder.ids, verify: PLAN_ONLY }
    );
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
    const child = added.idMap.X;
    net.deliverAll();

    const [mr, ma] = [readModel(remover.doc), readModel(adder.doc)];
    expect(canonicalModel(mr), describeDiff(mr, ma)).toBe(canonicalModel(ma));
    expect(modelViolations(mr)).toEqual([]);
    expect(mr.nodes.has(card)).toBe(false);
    expect(mr.nodes.has(child), 'removal wins: the added child is not in the model').toBe(false);

    undo.undo();
    const back = readModel(remover.doc);
    expect(modelViolations(back)).toEqual([]);
    expect(back.nodes.has(card), 'undo brings the card back').toBe(true);
    expect(back.nodes.has(kept), 'with its own child').toBe(true);
    expect(back.nodes.get(child)?.parent, "and the other peer's child").toBe(card);
    net.deliverAll();
    const [ur, ua] = [readModel(remover.doc), readModel(adder.doc)];
    expect(canonicalModel(ur), describeDiff(ur, ua)).toBe(canonicalModel(ua));
  });
});

describe('convergence: Yjs behaviour the collab layer must allow for', () => {
  /**
   * Found by the fuzz (seeds 793 and 817 of 1000 with yjs 13.6.33) and reduced by hand to two
   * writers. Every update reaches the receiver, yet two of them stay pending for good: Yjs
   * records the pending C:0 as waiting for "A after clock 2" (the first A struct it holds,
   * minus one) when it only needs A:1, so A:1's arrival does not retry it, and A:2 then waits on
   * C:0. No later update retries them; a state-vector sync (y-protocols steps 1 and 2, what a
   * provider does on connect) re-sends C:0 and completes the document.
   */
  it('yjs 13.6.33: out-of-order updates can stay pending until a state-vector sync', () => {
    const a = new Y.Doc();
    a.clientID = 1;
    const c = new Y.Doc();
    c.clientID = 3;
    const updates: Uint8Array[] = [];
    const record = (u: Uint8Array, origin: unknown) => {
      if (origin !== 'sync') updates.push(u);
    };
    a.on('update', record);
    c.on('update', record);
    const sync = (from: Y.Doc, to: Y.Doc) =>
      Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'sync');

    a.getArray('list').insert(0, [1]); // A:0
    a.getArray('list').insert(0, [2]); // A:1
    sync(a, c);
    c.getArray('list').insert(0, [4]); // C:0, right of A:1
    sync(c, a);
    a.getArray('list').insert(0, [7]); // A:2, right of C:0
    a.getArray('list').insert(0, [8]); // A:3, right of A:2
    const [a0, a1, c0, a2, a3] = updates;

    const receiver = new Y.Doc();
    for (const u of [c0, a3, a0, a1, a2]) Y.applyUpdate(receiver, u);
    const complete = new Y.Doc();
    Y.applyUpdate(complete, Y.mergeUpdates(updates));
    const vector = (d: Y.Doc) => Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(d)));

    // If this starts to fail, Yjs has fixed the bug: keep the sync-on-connect anyway.
    expect(vector(receiver), 'yjs still leaves C:0 and A:2 pending').not.toEqual(vector(complete));
    expect(receiver.store.pendingStructs).not.toBeNull();

    sync(c, receiver);
    sync(a, receiver);
    expect(vector(receiver)).toEqual(vector(complete));
    expect(receiver.getArray('list').toJSON()).toEqual(complete.getArray('list').toJSON());
  });
});

/**
 * Two cases the fuzz found in resolve(), pinned as named tests: a component whose root node
 * arrives after the component record (updates delivered out of order), and two peers putting
 * instances of two components inside each other at the same time.
 */
describe('convergence: partial delivery and concurrent component recursion', () => {
  /** p0 adds Text T; p2 sees it, edits T and adds component Panel in one batch; p1 gets p2's update first. */
  function rootlessComponent() {
    const base = templateDoc('todo', 1);
    const [p0, p1, p2] = makePeers(base, 3, 1);
    const appRoot = rootComponent(readModel(base))!.root;
    const sent: Uint8Array[] = [];
    p0.doc.on('update', (u: Uint8Array) => sent.push(u));
    p2.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === p2.origin) sent.push(u);
    });
    commitOn(p0, [{ op: 'addNode', parent: appRoot, type: 'Text', id: 'T' }], 'p0 adds T');
    const [fromP0] = sent;
    Y.applyUpdate(p2.doc, fromP0);
    const t = [...readModel(p2.doc).nodes.values()].find(
      (n) => n.type === 'Text' && n.parent === appRoot
    )!.id;
    commitOn(
      p2,
      [
        { op: 'setProp', id: t, name: 'text', value: 'edited' },
        { op: 'addComponent', name: 'Panel' }
      ],
      'p2 edits T and adds Panel'
    );
    const fromP2 = sent[1];
    // p2's write of T's prop waits for p0's update; its later structs (Panel's root node) wait
    // with it, while the earlier ones (the component record) integrate at once.
    Y.applyUpdate(p1.doc, fromP2);
    return { p1, appRoot, fromP0 };
  }

  it('a component whose root node has not arrived is left out until it arrives', () => {
    const { p1 } = rootlessComponent();
    // Before the fix: ["component Panel root … is missing"]; resolve() now leaves the component
    // out until its root node is there.
    expect(modelViolations(readModel(p1.doc))).toEqual([]);
  });

  it('planOps meets no component without its root node', () => {
    const { p1, appRoot } = rootlessComponent();
    // Before the fix: TypeError "Cannot read properties of undefined (reading 'type')" from
    // uses() in apply.ts (and nodesOf() in apply-definition.ts for removeState), so commitBatch
    // threw instead of returning coded errors.
    const attempt = () =>
      commitBatch(p1.doc, [{ op: 'addNode', parent: appRoot, type: 'Panel' }], p1.origin, {
        ids: p1.ids,
        verify: PLAN_ONLY
      });
    expect(attempt).not.toThrow();
  });

  it('a component whose root node had not arrived is whole again once it arrives', () => {
    const { p1, fromP0 } = rootlessComponent();
    Y.applyUpdate(p1.doc, fromP0);
    expect(modelViolations(readModel(p1.doc))).toEqual([]);
  });

  it('concurrent instances of two components in each other: the larger instance id is left out', () => {
    const base = templateDoc('todo', 1);
    const setup = commitBatch(
      base,
      [
        { op: 'addComponent', name: 'Aa' },
        { op: 'addComponent', name: 'Bb' }
      ],
      originFor({ id: 'setup' }),
      { ids: seededIds(5), verify: PLAN_ONLY }
    );
    if (!setup.ok) throw new Error(JSON.stringify(setup.errors));
    const m0 = readModel(base);
    const aRoot = componentByName(m0, 'Aa')!.root;
    const bRoot = componentByName(m0, 'Bb')!.root;
    const [p, q] = makePeers(base, 2, 3);
    const net = new Network([p, q]);
    // Each is valid alone: the planner refuses the second once it has seen the first.
    commitOn(p, [{ op: 'addNode', parent: aRoot, type: 'Bb' }], 'p puts Bb inside Aa');
    commitOn(q, [{ op: 'addNode', parent: bRoot, type: 'Aa' }], 'q puts Aa inside Bb');
    net.deliverAll();
    const merged = readModel(p.doc);
    expect(sameModel(merged, readModel(q.doc))).toBe(true);
    // Before the fix: ["component recursion: Aa > Bb > Aa"], and the planner then even accepted
    // an Aa in App, which would render forever. resolve() now leaves out the instance node of
    // the cycle with the larger id.
    expect(modelViolations(merged)).toEqual([]);
  });
});
