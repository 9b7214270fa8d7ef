/**
 * The browser compile gate without a browser: the worker's logic (`handleGateMessage` over a
 * replica fed with Yjs updates) gives what the server's compile gives, checks what a peer wrote,
 * recompiles only what changed; `BrowserGate` over an in-process fake worker; `keepLastGood`.
 */
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CompileGate } from '../../src/lib/code/gate';
import { currentModel } from '../../src/lib/model/store';
import { componentByName, rootComponent } from '../../src/lib/model/types';
import { commitBatch, originFor } from '../../src/lib/ops/commit';
import {
  compiledComponents,
  componentStamp,
  type LiveSource
} from '../../src/lib/runtime/compiled';
import { commitData } from '../../src/lib/runtime/live';
import { BrowserGate, keepLastGood } from '../../src/lib/editor/gate-client';
import type { GateAnswer, GateRequest } from '../../src/lib/editor/gate-protocol';
import {
  createGateReplica,
  handleGateMessage,
  type GateReplica
} from '../../src/lib/editor/gate-replica';
import { TEMPLATE_NAMES } from '../../src/lib/templates';
import { nodesOfType, templateDoc } from './helpers';
import { gateVerifier } from '../../src/lib/code/gate';

/** What the server's session would send the page for this document (session.ts compileLive). */
function serverLive(doc: Y.Doc): LiveSource {
  const { model } = currentModel(doc);
  const result = new CompileGate().compile(model, undefined, { modules: true });
  if (!result.ok) return { ok: false, message: result.errors[0].message };
  return {
    ok: true,
    components: [...compiledComponents(model, result.modules).values()],
    root: rootComponent(model)!.id,
    data: { ...model.data }
  };
}

/**
 * A LiveSource with its components in id order. Replicas of one document may list its components
 * in different orders (a Y.Map iterates in the order its entries were integrated, which for a
 * replica loaded from an update depends on the random client ids), so comparisons ignore it.
 */
function byId(live: LiveSource): LiveSource {
  if (!live.ok) return live;
  return { ...live, components: [...live.components].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

let seq = 0;
function compile(replica: GateReplica): Extract<GateAnswer, { t: 'compiled' }> {
  const answer = handleGateMessage(replica, { t: 'compile', seq: ++seq });
  if (answer?.t !== 'compiled')
    throw new Error(`expected an outcome, got ${JSON.stringify(answer)}`);
  return answer;
}

function push(replica: GateReplica, update: Uint8Array): void {
  expect(handleGateMessage(replica, { t: 'update', seq: ++seq, update })).toBeNull();
}

/** A peer's replica of `doc` that writes without the gate, and its changes since `doc`'s state. */
function peerOf(doc: Y.Doc): { peer: Y.Doc; since: () => Uint8Array } {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  const vector = Y.encodeStateVector(doc);
  return { peer, since: () => Y.encodeStateAsUpdate(peer, vector) };
}

const ada = originFor({ id: 'ada', name: 'Ada', role: 'editor' });
const skipGate = { verify: () => [] };

describe('browser gate worker logic', () => {
  for (const name of TEMPLATE_NAMES) {
    it(`compiles the ${name} template to what the server sends`, () => {
      const { doc } = templateDoc(name);
      const replica = createGateReplica();
      push(replica, Y.encodeStateAsUpdate(doc));
      const answer = compile(replica);
      expect(answer.errors).toEqual([]);
      expect(byId(answer.live)).toEqual(byId(serverLive(doc)));
    });
  }

  it('refuses what a peer wrote past its gate, names the error, then takes the fix', () => {
    const { doc } = templateDoc('counter');
    const replica = createGateReplica();
    push(replica, Y.encodeStateAsUpdate(doc));
    expect(compile(replica).live.ok).toBe(true);

    const { peer, since } = peerOf(doc);
    const heading = nodesOfType(currentModel(peer).model, 'Heading')[0];
    const bad = commitBatch(
      peer,
      [{ op: 'setProp', id: heading.id, name: 'text', value: { $expr: 'window.location.href' } }],
      ada,
      skipGate
    );
    expect(bad.ok).toBe(true);
    push(replica, since());
    const refused = compile(replica);
    expect(refused.errors.map((e) => e.code)).toEqual(['E_POLICY_GLOBAL']);
    expect(refused.errors[0].path).toBe(`/nodes/${heading.id}/props/text`);
    expect(refused.live).toEqual({ ok: false, message: refused.errors[0].message });

    commitBatch(
      peer,
      [{ op: 'setProp', id: heading.id, name: 'text', value: { $expr: 'String(state.step)' } }],
      ada,
      { verify: gateVerifier() }
    );
    push(replica, since());
    const fixed = compile(replica);
    expect(fixed.errors).toEqual([]);
    expect(byId(fixed.live)).toEqual(byId(serverLive(peer)));
  });

  it('applies updates in any order, as Yjs does', () => {
    const { doc } = templateDoc('todo');
    const replica = createGateReplica();
    const base = Y.encodeStateAsUpdate(doc);
    const vector = Y.encodeStateVector(doc);
    const heading = nodesOfType(currentModel(doc).model, 'Heading')[0];
    commitBatch(doc, [{ op: 'setProp', id: heading.id, name: 'text', value: 'Chores' }], ada, {
      verify: gateVerifier()
    });
    // The change arrives before the document it changes: Yjs holds it until it can apply.
    push(replica, Y.encodeStateAsUpdate(doc, vector));
    push(replica, base);
    expect(byId(compile(replica).live)).toEqual(byId(serverLive(doc)));
  });

  it('sends only the components changed since the last good compile through the gate', () => {
    const { doc } = templateDoc('todo');
    const origin = originFor({ id: 'alice', name: 'Alice', role: 'owner' });
    const added = commitBatch(
      doc,
      [
        { op: 'addComponent', name: 'Greeting', id: 'greeting' },
        { op: 'addNode', parent: 'greeting', type: 'Text', props: { text: { $expr: '"hi"' } } }
      ],
      origin,
      { verify: gateVerifier() }
    );
    expect(added.ok).toBe(true);
    const replica = createGateReplica();
    const gateCompile = vi.spyOn(replica.gate, 'compile');
    const changedOf = (call: number) =>
      [...(gateCompile.mock.calls[call][1] ?? [])].map(
        (id) => currentModel(doc).model.components.get(id)!.name
      );
    push(replica, Y.encodeStateAsUpdate(doc));
    compile(replica);
    expect(changedOf(0).sort()).toEqual(['App', 'Greeting']);

    const greeting = componentByName(currentModel(doc).model, 'Greeting')!;
    const text = nodesOfType(currentModel(doc).model, 'Text').find(
      (n) => n.component === greeting.id
    )!;
    const vector = Y.encodeStateVector(doc);
    commitBatch(
      doc,
      [{ op: 'setProp', id: text.id, name: 'text', value: { $expr: 'nope' } }],
      origin,
      skipGate
    );
    push(replica, Y.encodeStateAsUpdate(doc, vector));
    expect(compile(replica).errors.map((e) => e.code)).toEqual(['E_POLICY_GLOBAL']);
    expect(changedOf(1)).toEqual(['Greeting']);
    // Still broken: Greeting is checked again (the gate's unit cache makes that cheap), App is not.
    expect(compile(replica).live.ok).toBe(false);
    expect(changedOf(2)).toEqual(['Greeting']);

    const again = Y.encodeStateVector(doc);
    commitBatch(doc, [{ op: 'setProp', id: text.id, name: 'text', value: 'hi' }], origin, {
      verify: gateVerifier()
    });
    push(replica, Y.encodeStateAsUpdate(doc, again));
    const fixed = compile(replica);
    expect(changedOf(3)).toEqual(['Greeting']);
    expect(byId(fixed.live)).toEqual(byId(serverLive(doc)));
    compile(replica);
    expect(changedOf(4)).toEqual([]);
  });

  it('takes a literal edit without the gate: same module, new literal table, network still checked', () => {
    const { doc } = templateDoc('todo');
    const origin = originFor({ id: 'alice', name: 'Alice', role: 'owner' });
    const root = rootComponent(currentModel(doc).model)!;
    const added = commitBatch(
      doc,
      [{ op: 'addNode', parent: root.root, type: 'Image', props: { src: '/logo.png', alt: 'x' } }],
      origin,
      { verify: gateVerifier() }
    );
    expect(added.ok).toBe(true);
    const replica = createGateReplica();
    push(replica, Y.encodeStateAsUpdate(doc));
    const first = compile(replica).live;
    if (!first.ok) throw new Error(first.message);
    const gateCompile = vi.spyOn(replica.gate, 'compile');

    const heading = nodesOfType(currentModel(doc).model, 'Heading')[0];
    let vector = Y.encodeStateVector(doc);
    commitBatch(
      doc,
      [{ op: 'setProp', id: heading.id, name: 'text', value: 'Renamed' }],
      origin,
      skipGate
    );
    push(replica, Y.encodeStateAsUpdate(doc, vector));
    const relabelled = compile(replica).live;
    if (!relabelled.ok) throw new Error(relabelled.message);
    expect([...(gateCompile.mock.calls[0][1] ?? [])]).toEqual([]);
    const before = first.components.find((c) => c.id === root.id)!;
    const after = relabelled.components.find((c) => c.id === root.id)!;
    expect(after.source).toBe(before.source);
    expect(JSON.stringify(after.literals)).toContain('"text":"Renamed"');
    expect(byId(relabelled)).toEqual(byId(serverLive(doc)));

    // A peer that points the image at an origin the app was not granted is still refused.
    const image = nodesOfType(currentModel(doc).model, 'Image')[0];
    vector = Y.encodeStateVector(doc);
    const src = 'https://elsewhere.example/track.png';
    commitBatch(doc, [{ op: 'setProp', id: image.id, name: 'src', value: src }], origin, skipGate);
    push(replica, Y.encodeStateAsUpdate(doc, vector));
    const refused = compile(replica);
    expect(refused.live.ok).toBe(false);
    expect(refused.errors.map((e) => e.code)).toEqual(['E_NETWORK_ORIGIN']);
  });

  it('stamps each component, so a change of one component changes its stamp only', () => {
    const { doc } = templateDoc('todo');
    const origin = originFor({ id: 'alice', name: 'Alice', role: 'owner' });
    commitBatch(doc, [{ op: 'addComponent', name: 'Greeting', id: 'greeting' }], origin, {
      verify: gateVerifier()
    });
    const replica = createGateReplica();
    push(replica, Y.encodeStateAsUpdate(doc));
    const first = compile(replica);
    if (!first.live.ok) throw new Error('the todo app compiles');
    // The stamps are those the page computes for the server's app (the first paint).
    const server = serverLive(doc);
    if (!server.ok) throw new Error('the server compiles it too');
    for (const c of server.components) expect(first.stamps?.[c.id]).toBe(componentStamp(c));
    const model = currentModel(doc).model;
    const app = rootComponent(model)!;
    const greeting = componentByName(model, 'Greeting')!;

    // A literal in App: App's stamp changes, Greeting's does not.
    const heading = nodesOfType(model, 'Heading').find((n) => n.component === app.id)!;
    const vector = Y.encodeStateVector(doc);
    commitBatch(
      doc,
      [{ op: 'setProp', id: heading.id, name: 'text', value: 'Groceries' }],
      origin,
      { verify: gateVerifier() }
    );
    push(replica, Y.encodeStateAsUpdate(doc, vector));
    const second = compile(replica);
    expect(second.stamps?.[app.id]).not.toBe(first.stamps?.[app.id]);
    expect(second.stamps?.[greeting.id]).toBe(first.stamps?.[greeting.id]);

    // Data only: no stamp changes.
    const before = Y.encodeStateVector(doc);
    const data = currentModel(doc).model.data;
    expect(commitData(doc, data, { ...data, nextId: 9 }, origin)).toEqual(['nextId']);
    push(replica, Y.encodeStateAsUpdate(doc, before));
    const third = compile(replica);
    expect(third.live.ok && third.live.data.nextId).toBe(9);
    expect(third.stamps).toEqual(second.stamps);
  });

  it('reports an update that does not apply on the next compile, once', () => {
    const replica = createGateReplica();
    push(replica, new Uint8Array([1, 2, 3, 4, 5, 250, 251]));
    const failed = handleGateMessage(replica, { t: 'compile', seq: 41 });
    expect(failed).toMatchObject({ t: 'failed', seq: 41 });
    expect(failed?.t === 'failed' && failed.message).toMatch(/did not apply/);
    const { doc } = templateDoc('counter');
    push(replica, Y.encodeStateAsUpdate(doc));
    expect(byId(compile(replica).live)).toEqual(byId(serverLive(doc)));
  });

  it('answers an app without a root component with a coded error', () => {
    const answer = compile(createGateReplica());
    expect(answer.live.ok).toBe(false);
    expect(answer.errors.map((e) => e.code)).toEqual(['E_COMPONENT_NOT_FOUND']);
  });

  it('ignores messages that are not requests', () => {
    const replica = createGateReplica();
    for (const junk of [null, 7, {}, { t: 'compile' }, { t: 'update', seq: 1, update: 'x' }])
      expect(handleGateMessage(replica, junk)).toBeNull();
  });
});

describe('keepLastGood', () => {
  const good: LiveSource = { ok: true, components: [], root: 'r', data: {} };
  const newer: LiveSource = { ok: true, components: [], root: 'r2', data: {} };
  const broken = {
    live: { ok: false as const, message: '`window` is not available in app code' },
    errors: [
      {
        code: 'E_POLICY_GLOBAL' as const,
        message: '`window` is not available in app code',
        path: '/nodes/b3/props/text'
      }
    ]
  };

  it('runs the new version when it compiled', () => {
    expect(
      keepLastGood(good, { live: newer, errors: [] }, 'Ada: Set the text of Button b3')
    ).toEqual({ live: newer, problem: null });
  });

  it('keeps the last good version running when the new one fails, and names the change', () => {
    expect(keepLastGood(good, broken, 'Ada: Set the text of Button b3')).toEqual({
      live: good,
      problem: {
        message: '`window` is not available in app code',
        code: 'E_POLICY_GLOBAL',
        change: 'Ada: Set the text of Button b3'
      }
    });
  });

  it('shows the failure when nothing ran before', () => {
    const { live, problem } = keepLastGood(null, broken, null);
    expect(live).toBe(broken.live);
    expect(problem).toEqual({
      message: broken.errors[0].message,
      code: 'E_POLICY_GLOBAL',
      change: null
    });
    expect(keepLastGood({ ok: false, message: 'loading' }, broken, null).live).toBe(broken.live);
  });
});

type Listener = (event: { data?: unknown; message?: string; preventDefault(): void }) => void;

/** A Worker that runs the worker's logic in this process; `hold` keeps answers until `flush`. */
class FakeWorker {
  readonly replica = createGateReplica();
  readonly listeners = new Map<string, Listener[]>();
  readonly posted: GateRequest[] = [];
  held: GateAnswer[] = [];
  hold = false;
  terminated = false;

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, event: { data?: unknown; message?: string }): void {
    for (const l of this.listeners.get(type) ?? []) l({ ...event, preventDefault() {} });
  }
  postMessage(request: GateRequest): void {
    const copy = structuredClone(request);
    this.posted.push(copy);
    queueMicrotask(() => {
      const answer = handleGateMessage(this.replica, copy);
      if (!answer) return;
      if (this.hold) this.held.push(answer);
      else this.emit('message', { data: structuredClone(answer) });
    });
  }
  /** Delivers the held answers in `order` (indexes into the held list). */
  flush(order: number[]): void {
    const held = this.held;
    this.held = [];
    for (const i of order) this.emit('message', { data: structuredClone(held[i]) });
  }
  terminate(): void {
    this.terminated = true;
  }
}

function gateWith(worker: FakeWorker): BrowserGate {
  return new BrowserGate(() => worker as unknown as Worker);
}

describe('BrowserGate', () => {
  it('compiles what was pushed, in a worker', async () => {
    const worker = new FakeWorker();
    const gate = gateWith(worker);
    const { doc } = templateDoc('form');
    gate.push(Y.encodeStateAsUpdate(doc));
    const outcome = await gate.compile();
    expect(outcome.errors).toEqual([]);
    expect(byId(outcome.live)).toEqual(byId(serverLive(doc)));
    expect(worker.posted.map((r) => [r.t, r.seq])).toEqual([
      ['update', 1],
      ['compile', 2]
    ]);
    gate.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('posts the updates of a task once it is over, and before any request after them', async () => {
    const worker = new FakeWorker();
    const gate = gateWith(worker);
    const { doc } = templateDoc('todo');
    gate.push(Y.encodeStateAsUpdate(doc));
    // Within the edit's task nothing is posted: the frame that shows the edit does not wait.
    expect(worker.posted).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(worker.posted.map((r) => [r.t, r.seq])).toEqual([['update', 1]]);
    // Two edits in one task, then a compile: the updates go first, in order.
    const root = rootComponent(currentModel(doc).model)!;
    doc.on('update', (u: Uint8Array) => gate.push(u));
    commitBatch(
      doc,
      [{ op: 'setMeta', name: 'title', value: 'One' }],
      originFor({ id: 'a', role: 'owner' }),
      { verify: gateVerifier() }
    );
    commitBatch(
      doc,
      [{ op: 'setMeta', name: 'title', value: 'Two' }],
      originFor({ id: 'a', role: 'owner' }),
      { verify: gateVerifier() }
    );
    const outcome = await gate.compile();
    expect(worker.posted.map((r) => r.t)).toEqual(['update', 'update', 'update', 'compile']);
    expect(worker.posted.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(outcome.upTo).toBe(4);
    expect(outcome.live.ok && outcome.live.root).toBe(root.id);
    // Disposed with updates waiting: none is posted to the stopped worker.
    gate.push(Y.encodeStateAsUpdate(doc));
    gate.dispose();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(worker.posted).toHaveLength(4);
  });

  it('takes a newer answer for every compile before it and drops stale ones', async () => {
    const worker = new FakeWorker();
    worker.hold = true;
    const gate = gateWith(worker);
    const { doc } = templateDoc('counter');
    gate.push(Y.encodeStateAsUpdate(doc));
    const first = gate.compile();
    const second = gate.compile();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(worker.held.map((a) => a.seq)).toEqual([2, 3]);
    worker.flush([1, 0]);
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual(b);
    expect(byId(a.live)).toEqual(byId(serverLive(doc)));
  });

  it('rejects with a clear error when the worker cannot start', async () => {
    const gate = new BrowserGate(() => {
      throw new Error('Worker is not defined');
    });
    gate.push(new Uint8Array([0, 0]));
    await expect(gate.compile()).rejects.toThrow(
      /could not start its worker: Worker is not defined/
    );
  });

  it('starts the bundled module worker by default (absent in Node: a rejection, not a throw)', async () => {
    const gate = new BrowserGate();
    await expect(gate.compile()).rejects.toThrow(/could not start its worker/);
  });

  it('rejects waiting and later compiles when the worker fails to load', async () => {
    const worker = new FakeWorker();
    worker.hold = true;
    const gate = gateWith(worker);
    const waiting = gate.compile();
    worker.emit('error', { message: '' });
    await expect(waiting).rejects.toThrow(/worker failed to load/);
    await expect(gate.compile()).rejects.toThrow(/worker failed to load/);
    expect(worker.terminated).toBe(true);
  });

  it('rejects a compile the worker could not do, and goes on', async () => {
    const worker = new FakeWorker();
    const gate = gateWith(worker);
    gate.push(new Uint8Array([1, 2, 3, 4, 5, 250, 251]));
    await expect(gate.compile()).rejects.toThrow(/did not apply/);
    const { doc } = templateDoc('counter');
    gate.push(Y.encodeStateAsUpdate(doc));
    expect(byId((await gate.compile()).live)).toEqual(byId(serverLive(doc)));
  });

  it('starts its worker when the page is first idle, or at once for a check, with what waited in order', async () => {
    const { doc } = templateDoc('todo');
    let made = 0;
    let idle: (() => void) | null = null;
    const worker = new FakeWorker();
    const make = () => {
      made++;
      return worker as unknown as Worker;
    };
    // Idle comes: the worker starts and gets the updates pushed before.
    const gate = new BrowserGate(make, undefined, (start) => (idle = start));
    gate.push(Y.encodeStateAsUpdate(doc));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(made).toBe(0);
    idle!();
    expect(made).toBe(1);
    expect(worker.posted.map((r) => [r.t, r.seq])).toEqual([['update', 1]]);
    idle!();
    expect(made).toBe(1);
    gate.dispose();

    // A compile before the page was idle waits for it; a check starts the worker at once.
    const second = new FakeWorker();
    let idleAgain: (() => void) | null = null;
    const early = new BrowserGate(
      () => second as unknown as Worker,
      undefined,
      (start) => (idleAgain = start)
    );
    early.push(Y.encodeStateAsUpdate(doc));
    const compiled = early.compile();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(second.posted).toEqual([]);
    idleAgain!();
    const outcome = await compiled;
    expect(second.posted.map((r) => r.t)).toEqual(['update', 'compile']);
    expect(byId(outcome.live)).toEqual(byId(serverLive(doc)));
    const third = new FakeWorker();
    const checking = new BrowserGate(
      () => third as unknown as Worker,
      undefined,
      () => {}
    );
    checking.push(Y.encodeStateAsUpdate(doc));
    const errors = await checking.check([{ op: 'setMeta', name: 'title', value: 'Later' }], {
      id: 'a',
      role: 'owner'
    });
    expect(errors).toEqual([]);
    expect(third.posted.map((r) => r.t)).toEqual(['update', 'check']);
    // Disposed before it started: it never starts.
    let late: (() => void) | null = null;
    let started = 0;
    const never = new BrowserGate(
      () => {
        started++;
        return new FakeWorker() as unknown as Worker;
      },
      undefined,
      (start) => (late = start)
    );
    never.dispose();
    late!();
    expect(started).toBe(0);
  });

  it('rejects what is waiting when disposed', async () => {
    const worker = new FakeWorker();
    worker.hold = true;
    const gate = gateWith(worker);
    const waiting = gate.compile();
    gate.dispose();
    await expect(waiting).rejects.toThrow(/disposed/);
  });
});
