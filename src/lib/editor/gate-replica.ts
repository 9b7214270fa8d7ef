/**
 * The browser compile gate's logic, environment-free so tests run it in Node: a replica of the
 * app's Y.Doc fed with Yjs updates, compiled on request with the gate core (parse, policy, loop
 * guard, module form; no TypeScript) into the `LiveSource` the canvas
 * runs, and the verdict on a batch before the page writes it (./gate-check.ts; what it leaves for
 * TypeScript runs in a worker of its own, ./typecheck-client.ts). ./gate-worker.ts is the thin Web Worker shell around `handleGateMessage`.
 *
 * Why the browser compiles at all: an edit made offline must show on the canvas before the server
 * has seen it, and code a peer wrote reaches this page through the document, not through this
 * page's server, so every client checks it against the policy before it runs it.
 *
 * Incremental: only components whose content changed since the last good compile go through the
 * gate (`componentKey`: without the type checker a component's errors and module depend on its own
 * content only); the others keep their module from that compile. A literal edit keeps the key
 * (the module reads literals through slots, ../code/literals.ts): only the network stage runs.
 */
import * as Y from 'yjs';
import { CompileGateCore, componentKey } from '../code/gate-core';
import { componentLiterals } from '../code/literals';
import { networkErrors } from '../code/network';
import { currentModel } from '../model/store';
import { rootComponent } from '../model/types';
import { editError } from '../ops/errors';
import { compiledComponents, componentStamp } from '../runtime/compiled';
import type { CompileOutcome, GateAnswer, GateRequest } from './gate-protocol';
import { checkBatch } from './gate-check';

/** The origin of every update the replica applies: all of them come from the page. */
const PAGE = Object.freeze({ from: 'page' });

/** The worker's state: its replica, its gate, and what the last good compile produced. */
export interface GateReplica {
  readonly doc: Y.Doc;
  readonly gate: CompileGateCore;
  /**
   * Component id → its `componentKey`, module form and literal values (as JSON) at the last
   * compile without errors.
   */
  good: ReadonlyMap<string, GoodComponent>;
  /** Why the last update did not apply, reported by the next compile. */
  fault: string | null;
}

/** One component as the last good compile left it. */
export interface GoodComponent {
  readonly key: string;
  readonly module: string;
  readonly literals: string;
}

/** A replica with an empty document and a gate with the policy on and no TypeScript. */
export function createGateReplica(): GateReplica {
  return { doc: new Y.Doc(), gate: new CompileGateCore(), good: new Map(), fault: null };
}

function isRequest(message: unknown): message is GateRequest {
  if (!message || typeof message !== 'object') return false;
  const m = message as Record<string, unknown>;
  if (typeof m.seq !== 'number') return false;
  if (m.t === 'check') return Array.isArray(m.ops) && !!m.actor && typeof m.actor === 'object';
  return m.t === 'compile' || (m.t === 'update' && m.update instanceof Uint8Array);
}

/** Compiles the replica as it stands; the components unchanged since the last good compile are skipped. */
export function compileReplica(replica: GateReplica): CompileOutcome {
  const { model } = currentModel(replica.doc);
  const keys = new Map<string, string>();
  const literals = new Map<string, string>();
  const changed = new Set<string>();
  const relabelled: string[] = [];
  for (const id of model.components.keys()) {
    const key = componentKey(model, id);
    const values = JSON.stringify(componentLiterals(model, id));
    keys.set(id, key);
    literals.set(id, values);
    const good = replica.good.get(id);
    if (good?.key !== key) changed.add(id);
    else if (good.literals !== values) relabelled.push(id);
  }
  const result = replica.gate.compile(model, changed, { modules: true });
  // A literal edit keeps the module (`componentKey` leaves literal values out), so the gate is
  // skipped; of its stages only the network one reads literal values (an image's address).
  const errors = [...result.errors, ...relabelled.flatMap((id) => networkErrors(model, id))];
  if (errors.length > 0)
    return {
      live: { ok: false, message: errors[0]?.message ?? 'the app does not compile' },
      errors
    };
  // In the order of model.components, as the server's compile gives them (session.ts compileLive).
  const modules = new Map<string, string>();
  const good = new Map<string, GoodComponent>();
  for (const [id, key] of keys) {
    const module = result.modules.get(id) ?? replica.good.get(id)!.module;
    modules.set(id, module);
    good.set(id, { key, module, literals: literals.get(id)! });
  }
  replica.good = good;
  const root = rootComponent(model);
  if (!root) {
    const message = 'the app has no root component';
    return {
      live: { ok: false, message },
      errors: [editError('E_COMPONENT_NOT_FOUND', message, { path: '/meta/root' })]
    };
  }
  const components = [...compiledComponents(model, modules).values()];
  return {
    live: { ok: true, components, root: root.id, data: { ...model.data } },
    errors: [],
    // Stamped here, off the page's main thread: the canvas compares stamps, not module texts.
    stamps: Object.fromEntries(components.map((c) => [c.id, componentStamp(c)]))
  };
}

/**
 * One message from the page: an update is applied (no answer), a compile or a check answered. Anything else
 * is ignored: only this studio's page can post to its worker, so a malformed message is a bug
 * there, and answering it would have no `seq` to echo.
 */
export function handleGateMessage(replica: GateReplica, message: unknown): GateAnswer | null {
  if (!isRequest(message)) return null;
  if (message.t === 'update') {
    try {
      Y.applyUpdate(replica.doc, message.update, PAGE);
    } catch (e) {
      replica.fault = `an update to the browser gate's replica did not apply: ${(e as Error).message}`;
    }
    return null;
  }
  if (message.t === 'check') {
    try {
      const { model } = currentModel(replica.doc);
      return {
        t: 'checked',
        seq: message.seq,
        ...checkBatch(replica.gate, model, message.ops, message.actor)
      };
    } catch (e) {
      // A planner or gate that throws is a bug; the page then writes without this verdict, and
      // the server still judges the update.
      return {
        t: 'failed',
        seq: message.seq,
        message: `the browser gate failed to check a batch: ${(e as Error).message}`
      };
    }
  }
  if (replica.fault) {
    const answer: GateAnswer = { t: 'failed', seq: message.seq, message: replica.fault };
    replica.fault = null;
    return answer;
  }
  try {
    return { t: 'compiled', seq: message.seq, ...compileReplica(replica) };
  } catch (e) {
    // A gate that throws is a bug (its failures are values); the page keeps what it runs.
    return {
      t: 'failed',
      seq: message.seq,
      message: `the browser gate failed to compile: ${(e as Error).message}`
    };
  }
}
