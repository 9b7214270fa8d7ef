/**
 * Helpers for the convergence fuzz test (and the benchmarks): a seeded PRNG, a simulated network
 * of Y.Doc peers with per-link queues and disconnects, a generator of random VALID batches against
 * a peer's current model, the model invariants, and a canonical form of a model for equality.
 *
 * Nothing here writes to a document except through commitBatch (and Y.applyUpdate for delivery).
 */
import * as Y from 'yjs';
import { commitBatch, originFor, type EditOrigin } from '../../src/lib/ops/commit';
import type { Verifier } from '../../src/lib/ops/plan';
import { seededIds, type IdSource } from '../../src/lib/model/ids';
import { compareSiblings } from '../../src/lib/model/order';
import { undoScope } from '../../src/lib/model/ydoc';
import { rootComponent, type AppModel, type NodeSpec, type Op } from '../../src/lib/model/types';
import type { StateType } from '../../src/lib/model/types';
import { TEMPLATES } from '../../src/lib/templates';
import { acceptsChildren, ELEMENTS, type PropSchema } from '../../src/lib/schema/elements';
import { checkProp, type PropContext } from '../../src/lib/schema/props';
import { checkValue } from '../../src/lib/schema/statetype';
import { literalValidator } from '../../src/lib/schema/validators';
import type { JsonValue, PropValue } from '../../src/lib/schema/types.generated';

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny, fast, seeded 32-bit PRNG giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded random source with the few helpers the generators need. */
export class Rng {
  private readonly float: () => number;
  constructor(readonly seed: number) {
    this.float = mulberry32(seed);
  }
  /** A float in [0, 1). */
  next(): number {
    return this.float();
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }
  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  /** Shuffles in place (Fisher-Yates) and returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  /** A short random word. */
  word(): string {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    let out = '';
    for (let i = this.range(1, 8); i > 0; i--) out += letters[this.int(26)];
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Documents and peers

/** The origin used when applying a peer's update that came over the simulated network. */
export const REMOTE = Symbol('remote');

/**
 * A Y.Doc whose client id comes from the seed. Yjs breaks ties between concurrent writes by
 * client id, so random ids would make a failing seed pass when run again.
 */
export function seededDoc(seed: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = (Math.floor(mulberry32(seed ^ 0x9e3779b9)() * 0x7fffffff) + 1) >>> 0;
  return doc;
}

/** A document holding the todo template, committed through commitBatch like any edit. */
export function templateDoc(name = 'todo', seed = 1): Y.Doc {
  const doc = seededDoc(seed);
  const result = commitBatch(doc, TEMPLATES[name], originFor({ id: 'template' }), {
    ids: seededIds(seed),
    source: 'template',
    now: 0,
    verify: PLAN_ONLY
  });
  if (!result.ok) throw new Error(`template ${name} failed: ${JSON.stringify(result.errors)}`);
  return doc;
}

/** One simulated person: their document replica, stable origin object and id source. */
export interface Peer {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly origin: EditOrigin;
  readonly ids: IdSource;
  readonly undo: Y.UndoManager;
}

export { undoScope };

/** Peers that all start from `base`'s state. Each gets its own seeded id source. */
export function makePeers(base: Y.Doc, count: number, seed: number): Peer[] {
  const update = Y.encodeStateAsUpdate(base);
  const peers: Peer[] = [];
  // Distinct client ids, in a seeded order unrelated to the peers' names (ties go by client id).
  const rank = new Rng(seed ^ 0x5bd1e995).shuffle(Array.from({ length: count }, (_, i) => i + 1));
  for (let i = 0; i < count; i++) {
    const doc = new Y.Doc();
    doc.clientID = (base.clientID + rank[i] * 7_919) % 0x7fffffff;
    Y.applyUpdate(doc, update, REMOTE);
    const name = `p${i}`;
    const origin = originFor({ id: name });
    peers.push({
      name,
      doc,
      origin,
      // Distinct per peer so concurrent adds on two peers do not draw the same ids.
      ids: seededIds((seed * 31 + i * 7919 + 1) >>> 0),
      undo: new Y.UndoManager(undoScope(doc), {
        trackedOrigins: new Set([origin]),
        captureTimeout: 0
      })
    });
  }
  return peers;
}

/**
 * The simulated network: every update a peer makes locally is queued on each link from it to
 * every other peer. Delivery is random in order and extent; a disconnected peer's links (both
 * ways) hold their messages until it reconnects. Updates are never relayed: each peer's own
 * updates reach everyone directly, as with a server that broadcasts.
 */
export class Network {
  private readonly queues = new Map<string, Uint8Array[]>();
  readonly online: boolean[];
  /** Called before each delivery, for tracing a failing seed. */
  onDeliver?: (from: number, to: number, update: Uint8Array) => void;

  constructor(readonly peers: readonly Peer[]) {
    this.online = peers.map(() => true);
    peers.forEach((peer, from) => {
      peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REMOTE) return;
        peers.forEach((_, to) => {
          if (to !== from) this.queue(from, to).push(update);
        });
      });
    });
  }

  private queue(from: number, to: number): Uint8Array[] {
    const key = `${from}>${to}`;
    let q = this.queues.get(key);
    if (!q) this.queues.set(key, (q = []));
    return q;
  }

  /** Messages waiting on all links. */
  pending(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /** Delivers a random subset of the queued messages on live links, in random order. */
  deliverSome(rng: Rng, fraction = 0.5): void {
    const keys = rng.shuffle([...this.queues.keys()].sort());
    for (const key of keys) {
      const [from, to] = key.split('>').map(Number);
      if (!this.online[from] || !this.online[to]) continue;
      const q = this.queues.get(key)!;
      if (q.length === 0) continue;
      const chosen: Uint8Array[] = [];
      const kept: Uint8Array[] = [];
      for (const m of q) (rng.chance(fraction) ? chosen : kept).push(m);
      this.queues.set(key, kept);
      for (const m of rng.shuffle(chosen)) this.apply(from, to, m);
    }
  }

  /** Reconnects everyone and delivers every queued message. */
  deliverAll(): void {
    this.online.fill(true);
    for (const [key, q] of this.queues) {
      const [from, to] = key.split('>').map(Number);
      this.queues.set(key, []);
      for (const m of q) this.apply(from, to, m);
    }
  }

  /**
   * What a provider does on (re)connect: every pair exchanges state vectors and sends what the
   * other lacks (y-protocols sync steps 1 and 2). Needed on top of delivering every update because
   * Yjs can leave structs pending forever after out-of-order delivery (see the named test).
   */
  syncAll(): void {
    this.online.fill(true);
    this.peers.forEach((from) => {
      this.peers.forEach((to) => {
        if (from === to) return;
        const missing = Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc));
        Y.applyUpdate(to.doc, missing, REMOTE);
      });
    });
  }

  private apply(from: number, to: number, update: Uint8Array): void {
    this.onDeliver?.(from, to, update);
    Y.applyUpdate(this.peers[to].doc, update, REMOTE);
  }
}

// ---------------------------------------------------------------------------------------------
// Canonical form and invariants

function sortValue(value: unknown): unknown {
  if (value instanceof Map)
    return sortValue(Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), v])));
  if (value instanceof Set) return [...value].map(sortValue);
  if (Array.isArray(value)) return value.map(sortValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      out[key] = sortValue((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** A canonical JSON of a model: map entries and object keys sorted, so equal models give equal text. */
export function canonicalModel(model: AppModel): string {
  return JSON.stringify(
    sortValue({
      meta: model.meta,
      components: model.components,
      nodes: model.nodes,
      children: model.children,
      data: model.data
    })
  );
}

/** Deep equality of JSON-like values and Maps, ignoring object key order (Map keys by lookup). */
export function deepEqual(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (x instanceof Map || y instanceof Map) {
    if (!(x instanceof Map && y instanceof Map) || x.size !== y.size) return false;
    for (const [k, v] of x) if (!y.has(k) || !deepEqual(v, y.get(k))) return false;
    return true;
  }
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!(Array.isArray(x) && Array.isArray(y)) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!deepEqual(x[i], y[i])) return false;
    return true;
  }
  const kx = Object.keys(x);
  if (kx.length !== Object.keys(y).length) return false;
  for (const k of kx) {
    if (!Object.hasOwn(y, k)) return false;
    if (!deepEqual((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]))
      return false;
  }
  return true;
}

/** True when two models are equal (the same as comparing their canonical JSON, but cheaper). */
export function sameModel(a: AppModel, b: AppModel): boolean {
  return (
    deepEqual(a.meta, b.meta) &&
    deepEqual(a.components, b.components) &&
    deepEqual(a.nodes, b.nodes) &&
    deepEqual(a.children, b.children) &&
    deepEqual(a.data, b.data)
  );
}

/** The first few differences between two canonical models, for failure messages. */
export function describeDiff(a: AppModel, b: AppModel): string {
  const out: string[] = [];
  const sections = ['meta', 'components', 'nodes', 'children', 'data'] as const;
  for (const section of sections) {
    const x = sortValue(a[section]) as Record<string, unknown>;
    const y = sortValue(b[section]) as Record<string, unknown>;
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    for (const key of [...keys].sort()) {
      const l = JSON.stringify(x[key]);
      const r = JSON.stringify(y[key]);
      if (l !== r) out.push(`${section}.${key}: ${l} != ${r}`);
      if (out.length >= 8) return out.join('\n');
    }
  }
  return out.join('\n');
}

/** Every way the model breaks the rules resolve() promises; empty when it is valid. */
export function modelViolations(model: AppModel): string[] {
  const problems: string[] = [];
  const { nodes, components, children } = model;
  const componentProps = (name: string) => {
    for (const c of components.values()) if (c.name === name) return c.props;
    return undefined;
  };
  if (components.size > 0 && !components.has(model.meta.root))
    problems.push(`meta.root ${model.meta.root} is not a component`);
  for (const c of components.values()) {
    const root = nodes.get(c.root);
    if (!root) problems.push(`component ${c.name} root ${c.root} is missing`);
    else if (root.parent !== null) problems.push(`component ${c.name} root has parent`);
    else if (root.component !== c.id) problems.push(`component ${c.name} root is in another`);
  }
  const names = new Set([...components.values()].map((c) => c.name));
  if (names.size !== components.size) problems.push('two components share a name');
  const usesGraph = new Map<string, Set<string>>();
  for (const node of nodes.values()) {
    if (!ELEMENTS.has(node.type)) {
      if (!names.has(node.type)) problems.push(`node ${node.id} has unknown type ${node.type}`);
      const owner = components.get(node.component)?.name ?? '';
      if (!usesGraph.has(owner)) usesGraph.set(owner, new Set());
      usesGraph.get(owner)!.add(node.type);
    }
    const c = components.get(node.component);
    if (!c) {
      problems.push(`node ${node.id} in missing component ${node.component}`);
      continue;
    }
    if (node.parent === null) {
      if (c.root !== node.id) problems.push(`node ${node.id} has no parent but is not a root`);
    } else {
      const parent = nodes.get(node.parent);
      if (!parent) problems.push(`node ${node.id} parent ${node.parent} is missing`);
      else {
        if (parent.component !== node.component)
          problems.push(`node ${node.id} parent ${parent.id} is in another component`);
        if (!acceptsChildren(parent.type))
          problems.push(`node ${node.id} parent ${parent.id} (${parent.type}) takes no children`);
      }
    }
    // No cycle: walking up reaches a root in at most nodes.size steps.
    let cursor: string | null = node.id;
    let steps = 0;
    while (cursor !== null && steps <= nodes.size) {
      cursor = nodes.get(cursor)?.parent ?? null;
      steps++;
    }
    if (cursor !== null) problems.push(`node ${node.id} is on a cycle`);
    const ctx: PropContext = { state: c.state, handlers: c.handlers, componentProps };
    for (const [name, value] of Object.entries(node.props)) {
      const problem = checkProp(node.type, name, value as PropValue, ctx);
      if (problem) problems.push(`node ${node.id} prop ${name}: ${problem.message}`);
    }
  }
  const seen = new Set<string>();
  for (const [parent, list] of children) {
    if (!nodes.has(parent)) problems.push(`children of missing node ${parent}`);
    if (list.length === 0) problems.push(`empty child list for ${parent}`);
    list.forEach((id, i) => {
      if (seen.has(id)) problems.push(`node ${id} appears twice in child lists`);
      seen.add(id);
      const node = nodes.get(id);
      if (!node) problems.push(`child ${id} of ${parent} is missing`);
      else if (node.parent !== parent) problems.push(`child ${id} listed under ${parent}`);
      if (i > 0 && node) {
        const prev = nodes.get(list[i - 1]);
        if (prev && compareSiblings(prev, node) >= 0)
          problems.push(`children of ${parent} out of order at ${i}`);
      }
    });
  }
  for (const node of nodes.values())
    if (node.parent !== null && !seen.has(node.id))
      problems.push(`node ${node.id} missing from its parent's child list`);
  // No component contains itself, directly or through others (it would render forever).
  const state = new Map<string, 'open' | 'done'>();
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'open') {
      problems.push(
        `component recursion: ${[...path.slice(path.indexOf(name)), name].join(' > ')}`
      );
      return;
    }
    state.set(name, 'open');
    for (const used of usesGraph.get(name) ?? []) visit(used, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of [...usesGraph.keys()].sort()) visit(name, []);
  const root = rootComponent(model);
  const fields = root?.state ?? {};
  for (const [field, decl] of Object.entries(fields)) {
    if (!Object.hasOwn(model.data, field)) problems.push(`data.${field} missing`);
    else {
      const problem = checkValue(decl.type, model.data[field]);
      if (problem) problems.push(`data.${field}${problem.path}: ${problem.message}`);
    }
  }
  for (const field of Object.keys(model.data))
    if (!Object.hasOwn(fields, field)) problems.push(`data.${field} has no state field`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Random valid batches

const LEAVES = [
  'Text',
  'Button',
  'Badge',
  'Heading',
  'Toggle',
  'Checkbox',
  'Divider',
  'Spacer',
  'Icon',
  'Link',
  'TextInput',
  'Slider'
];
const CONTAINERS = ['Stack', 'Card', 'Grid', 'If'];
/** Names the fuzz adds and removes, so template fields (bound, used by handlers) stay. */
export const STATE_POOL = ['f0', 'f1', 'f2', 'f3', 'f4'];
export const HANDLER_POOL = ['h0', 'h1', 'h2'];
export const COMPONENT_POOL = ['Widget', 'Panel'];

const STATE_TYPES: { type: StateType; initial: (rng: Rng) => JsonValue }[] = [
  { type: 'number', initial: (rng) => rng.int(100) },
  { type: 'string', initial: (rng) => rng.word() },
  { type: 'boolean', initial: (rng) => rng.chance(0.5) },
  { type: { enum: ['a', 'b', 'c'] }, initial: (rng) => rng.pick(['a', 'b', 'c']) },
  { type: { array: 'string' }, initial: (rng) => [rng.word(), rng.word()] },
  { type: { optional: 'number' }, initial: (rng) => (rng.chance(0.5) ? null : rng.int(9)) }
];

/** A random literal for one prop schema, checked against the prop's literal validator. */
function literalFor(
  rng: Rng,
  type: string,
  name: string,
  schema: PropSchema
): JsonValue | undefined {
  let value: JsonValue | undefined;
  const t = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (schema.enum) value = rng.pick(schema.enum);
  else if (t === 'boolean') value = rng.chance(0.5);
  else if (t === 'integer' || t === 'number') {
    const lo = typeof schema.minimum === 'number' ? schema.minimum : 1;
    const hi = typeof schema.maximum === 'number' ? schema.maximum : 100;
    value = t === 'integer' ? rng.range(lo, hi) : lo + Math.round(rng.next() * (hi - lo) * 10) / 10;
  } else if (t === 'string') value = rng.chance(0.1) ? '' : rng.word();
  else if (t === 'array') value = [rng.word(), rng.word()];
  if (value === undefined) return undefined;
  return literalValidator(type, name)!(value) ? value : undefined;
}

/** The literal-valued props of a built-in type. */
function literalProps(type: string): [string, PropSchema][] {
  return Object.entries(ELEMENTS.get(type)!.properties).filter(([, s]) =>
    s['x-kinds'].includes('literal')
  );
}

interface Bindable {
  /** Prop that takes a binding, and the state type it needs. */
  readonly prop: string;
  readonly type: 'boolean' | 'string' | 'number';
}
const BINDABLE: Record<string, Bindable> = {
  Toggle: { prop: 'checked', type: 'boolean' },
  Checkbox: { prop: 'checked', type: 'boolean' },
  TextInput: { prop: 'value', type: 'string' },
  Slider: { prop: 'value', type: 'number' }
};

const modelIds = new WeakMap<AppModel, { all: string[]; containers: string[] }>();

function idsOf(model: AppModel): { all: string[]; containers: string[] } {
  let ids = modelIds.get(model);
  if (!ids) {
    const all = [...model.nodes.keys()].sort();
    ids = { all, containers: all.filter((id) => acceptsChildren(model.nodes.get(id)!.type)) };
    modelIds.set(model, ids);
  }
  return ids;
}

/**
 * Builds a batch op by op against a model, keeping a small overlay of what the batch has done so
 * far (parents, child lists, removals, state fields, handlers) so every op it emits is valid when
 * planned after the ones before it. Nodes added by the batch get temporary ids (`N_1`), which real
 * ids (lower case) never equal. Nested children without a temporary id are counted, never named.
 */
export class BatchBuilder {
  readonly ops: Op[] = [];
  private readonly parent = new Map<string, string | null>();
  private readonly kids = new Map<string, string[]>();
  private readonly types = new Map<string, string>();
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];
  private readonly addedContainers: string[] = [];
  private readonly state: Map<string, StateType>;
  private readonly handlers: Set<string>;
  private readonly eventHandlers: Set<string>;
  private readonly boundInBatch = new Set<string>();
  private readonly handlersInBatch = new Set<string>();
  private temp = 0;
  private anon = 0;
  private readonly appName: string;
  private readonly appKey: string;
  private readonly rootId: string;
  /** Component of each node the batch added: the model id, or `new:Name` for a new component. */
  private readonly comp = new Map<string, string>();
  /** Live components: name → key (model id or `new:Name`) and root node. */
  private readonly components = new Map<string, { key: string; root: string }>();
  /** Component name → names of the components it has instances of (directly). */
  private readonly usesGraph = new Map<string, Set<string>>();
  /** Component name → number of instance nodes (never decremented: removal stays cautious). */
  private readonly instances = new Map<string, number>();

  constructor(
    readonly rng: Rng,
    readonly model: AppModel,
    /** Whether instances may go into any component, not only the app (see the named bug test). */
    readonly nestedInstances = false,
    /** Nodes of the model the batch must not move, remove or set props on. */
    readonly frozen: (id: string) => boolean = () => false
  ) {
    const app = rootComponent(model)!;
    this.appName = app.name;
    this.appKey = app.id;
    this.rootId = app.root;
    this.state = new Map(Object.entries(app.state).map(([k, f]) => [k, f.type]));
    this.handlers = new Set(Object.keys(app.handlers));
    // Handlers with parameters (`remove(item)`) only make sense inside an Each: never wire them.
    this.eventHandlers = new Set(
      Object.entries(app.handlers)
        .filter(([, h]) => (h.params ?? []).length === 0)
        .map(([name]) => name)
    );
    for (const c of model.components.values())
      this.components.set(c.name, { key: c.id, root: c.root });
    for (const node of model.nodes.values()) {
      if (ELEMENTS.has(node.type)) continue;
      this.instances.set(node.type, (this.instances.get(node.type) ?? 0) + 1);
      this.usesOf(model.components.get(node.component)!.name).add(node.type);
    }
  }

  private usesOf(name: string): Set<string> {
    let set = this.usesGraph.get(name);
    if (!set) this.usesGraph.set(name, (set = new Set()));
    return set;
  }
  /** True when component `user` contains `used`, directly or through others. */
  private usesComponent(user: string, used: string): boolean {
    const seen = new Set<string>();
    const stack = [user];
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (name === used) return true;
      if (seen.has(name)) continue;
      seen.add(name);
      stack.push(...(this.usesGraph.get(name) ?? []));
    }
    return false;
  }
  private compOf(id: string): string {
    return this.comp.get(id) ?? this.model.nodes.get(id)!.component;
  }
  private componentNameOf(key: string): string | undefined {
    for (const [name, c] of this.components) if (c.key === key) return name;
    return undefined;
  }

  // --- overlay reads

  private parentOf(id: string): string | null {
    return this.parent.has(id) ? this.parent.get(id)! : (this.model.nodes.get(id)?.parent ?? null);
  }
  private childrenOf(id: string): string[] {
    let list = this.kids.get(id);
    if (!list) {
      list = [...(this.model.children.get(id) ?? [])];
      this.kids.set(id, list);
    }
    return list;
  }
  private typeOf(id: string): string {
    return this.types.get(id) ?? this.model.nodes.get(id)!.type;
  }
  private live(id: string): boolean {
    return !this.removed.has(id);
  }
  /** True when `id` is `ancestor` or below it. */
  private within(id: string, ancestor: string): boolean {
    for (let c: string | null = id; c !== null; c = this.parentOf(c))
      if (c === ancestor) return true;
    return false;
  }

  /** A random live node (from the model or added by this batch), or undefined. */
  private pickNode(filter: (id: string) => boolean, containersOnly = false): string | undefined {
    const ids = idsOf(this.model);
    const fromModel = containersOnly ? ids.containers : ids.all;
    const fromBatch = containersOnly ? this.addedContainers : this.added;
    for (let attempt = 0; attempt < 20; attempt++) {
      const useBatch = fromBatch.length > 0 && (fromModel.length === 0 || this.rng.chance(0.3));
      const id = useBatch ? this.rng.pick(fromBatch) : this.rng.pick(fromModel);
      if (id !== undefined && this.live(id) && filter(id)) return id;
    }
    return undefined;
  }

  private newTemp(): string {
    return `N_${++this.temp}`;
  }

  // --- ops

  /** Adds a random node (a leaf, or a container with nested children) under a random container. */
  addNode(maxDepth = 2): boolean {
    const parent = this.pickNode(() => true, true);
    if (parent === undefined) return false;
    const siblings = this.childrenOf(parent);
    const index = this.rng.chance(0.5) ? this.rng.int(siblings.length + 1) : undefined;
    const spec = this.randomSpec(0, maxDepth);
    const op: Op = { op: 'addNode', parent, ...spec };
    if (index !== undefined) op.index = index;
    this.ops.push(op);
    this.register(spec, parent, index ?? siblings.length);
    return true;
  }

  private randomSpec(depth: number, maxDepth: number): NodeSpec {
    const container = depth < maxDepth && this.rng.chance(0.35);
    const type = container ? this.rng.pick(CONTAINERS) : this.rng.pick(LEAVES);
    const spec: NodeSpec = { type };
    const props: Record<string, PropValue> = {};
    const choices = literalProps(type);
    for (let i = this.rng.int(3); i > 0 && choices.length > 0; i--) {
      const [name, schema] = this.rng.pick(choices);
      const value = literalFor(this.rng, type, name, schema);
      if (value !== undefined) props[name] = value;
    }
    if (Object.keys(props).length > 0) spec.props = props;
    if (this.rng.chance(0.8)) spec.id = this.newTemp();
    if (container) {
      const children: NodeSpec[] = [];
      for (let i = this.rng.int(4); i > 0; i--) children.push(this.randomSpec(depth + 1, maxDepth));
      if (children.length > 0) spec.children = children;
    }
    return spec;
  }

  private register(spec: NodeSpec, parent: string, index: number): void {
    const id = spec.id ?? `?${++this.anon}`;
    this.parent.set(id, parent);
    this.types.set(id, spec.type);
    this.comp.set(id, this.compOf(parent));
    this.childrenOf(parent).splice(index, 0, id);
    this.kids.set(id, []);
    if (spec.id !== undefined) {
      this.added.push(id);
      if (acceptsChildren(spec.type)) this.addedContainers.push(id);
    }
    (spec.children ?? []).forEach((child, i) => this.register(child, id, i));
  }

  /** Removes a random non-root node (a leaf when `leavesOnly`). */
  removeNode(leavesOnly = false): boolean {
    const id = this.pickNode(
      (x) =>
        this.parentOf(x) !== null &&
        !this.frozen(x) &&
        (!leavesOnly || this.childrenOf(x).length === 0)
    );
    if (id === undefined) return false;
    this.ops.push({ op: 'removeNode', id });
    const parent = this.parentOf(id)!;
    const list = this.childrenOf(parent);
    list.splice(list.indexOf(id), 1);
    const stack = [id];
    while (stack.length > 0) {
      const next = stack.pop()!;
      this.removed.add(next);
      stack.push(...this.childrenOf(next));
    }
    return true;
  }

  /**
   * Moves a random non-root node: `anywhere` into a random container outside its subtree,
   * `reorder` within its own parent at a random index, `nephew` into a container inside one of
   * its siblings' subtrees (the move that forms a cycle when another peer does the reverse).
   */
  moveNode(mode: 'anywhere' | 'reorder' | 'nephew' = 'anywhere'): boolean {
    const id = this.pickNode((x) => this.parentOf(x) !== null && !this.frozen(x));
    if (id === undefined) return false;
    let target: string | undefined;
    if (mode === 'reorder') target = this.parentOf(id)!;
    else if (mode === 'nephew') {
      const siblings = this.childrenOf(this.parentOf(id)!).filter(
        (s) => s !== id && !s.startsWith('?') && acceptsChildren(this.typeOf(s))
      );
      if (siblings.length === 0) return false;
      const inside = this.containersUnder(this.rng.pick(siblings));
      target = this.rng.pick(inside);
    } else
      target = this.pickNode(
        (p) => this.compOf(p) === this.compOf(id) && !this.within(p, id),
        true
      );
    return this.moveTo(id, target);
  }

  /** Containers in a subtree (named ones only), the subtree's root first. */
  containersUnder(id: string): string[] {
    const out: string[] = [];
    const stack = [id];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next.startsWith('?')) continue;
      if (acceptsChildren(this.typeOf(next))) out.push(next);
      stack.push(...this.childrenOf(next));
    }
    return out;
  }

  /** Moves `id` under `target` at a random index, if that is a valid move. */
  moveTo(id: string, target: string | undefined, index?: number): boolean {
    // `?n` marks a nested child the batch added without a temporary id: it cannot be named.
    if (target === undefined || target.startsWith('?')) return false;
    if (!this.live(id) || !this.live(target) || this.frozen(id)) return false;
    if (this.parentOf(id) === null || !acceptsChildren(this.typeOf(target))) return false;
    if (this.compOf(id) !== this.compOf(target)) return false;
    if (this.within(target, id)) return false;
    const from = this.childrenOf(this.parentOf(id)!);
    const siblings = this.childrenOf(target).filter((x) => x !== id);
    const at = index ?? (this.rng.chance(0.6) ? this.rng.int(siblings.length + 1) : undefined);
    const op: Op = { op: 'moveNode', id, parent: target };
    if (at !== undefined) op.index = at;
    this.ops.push(op);
    from.splice(from.indexOf(id), 1);
    const list = this.childrenOf(target);
    list.splice(at ?? list.length, 0, id);
    this.parent.set(id, target);
    return true;
  }

  /** Sets a random prop of a random node: a literal, sometimes a binding or a handler. */
  setProp(): boolean {
    const id = this.pickNode((x) => ELEMENTS.has(this.typeOf(x)) && !this.frozen(x));
    if (id === undefined) return false;
    const type = this.typeOf(id);
    // Bindings and handlers name the app's state and handlers: only for the app's own nodes.
    const inApp = this.compOf(id) === this.appKey;
    const bindable = inApp ? BINDABLE[type] : undefined;
    if (bindable && this.rng.chance(0.3)) {
      const fields = [...this.state].filter(([, t]) => t === bindable.type).map(([k]) => k);
      if (fields.length > 0) {
        const field = this.rng.pick(fields);
        this.boundInBatch.add(field);
        this.ops.push({ op: 'setProp', id, name: bindable.prop, value: { $bind: field } });
        return true;
      }
    }
    if (inApp && type === 'Button' && this.eventHandlers.size > 0 && this.rng.chance(0.3)) {
      const handler = this.rng.pick([...this.eventHandlers].sort());
      this.handlersInBatch.add(handler);
      this.ops.push({ op: 'setProp', id, name: 'onClick', value: { $handler: handler } });
      return true;
    }
    const choices = literalProps(type);
    if (choices.length === 0) return false;
    const [name, schema] = this.rng.pick(choices);
    const value = literalFor(this.rng, type, name, schema);
    if (value === undefined) return false;
    this.ops.push({ op: 'setProp', id, name, value });
    return true;
  }

  /** Unsets a random prop the node's type has (set or not: unsetting an unset prop is valid). */
  unsetProp(): boolean {
    const id = this.pickNode((x) => ELEMENTS.has(this.typeOf(x)) && !this.frozen(x));
    if (id === undefined) return false;
    const names = Object.keys(ELEMENTS.get(this.typeOf(id))!.properties);
    this.ops.push({ op: 'unsetProp', id, name: this.rng.pick(names) });
    return true;
  }

  /** Adds a state field to the root component: `name`, or a free name from the pool. */
  addState(name?: string): boolean {
    const free = STATE_POOL.filter((n) => !this.state.has(n));
    if (name === undefined && free.length === 0) return false;
    const field = name ?? this.rng.pick(free);
    if (this.state.has(field)) return false;
    const { type, initial } = this.rng.pick(STATE_TYPES);
    this.ops.push({
      op: 'addState',
      component: this.appName,
      name: field,
      type,
      initial: initial(this.rng)
    });
    this.state.set(field, type);
    return true;
  }

  /** Moves a state field of the root between the document and each tab or person. */
  setStateScope(): boolean {
    const names = [...this.state.keys()];
    if (names.length === 0) return false;
    const name = this.rng.pick(names);
    const scope = this.rng.pick(['shared', 'local', 'person'] as const);
    this.ops.push({ op: 'setStateScope', component: this.appName, name, scope });
    return true;
  }

  /** Removes a state field of the pool that nothing binds. */
  removeState(): boolean {
    const bound = this.usedNames('$bind');
    const names = STATE_POOL.filter(
      (n) => this.state.has(n) && !bound.has(n) && !this.boundInBatch.has(n)
    );
    if (names.length === 0) return false;
    const name = this.rng.pick(names);
    this.ops.push({ op: 'removeState', component: this.appName, name });
    this.state.delete(name);
    return true;
  }

  /** Adds or replaces a handler: `name`, or one of the pool. */
  setHandler(name = this.rng.pick(HANDLER_POOL)): boolean {
    this.ops.push({
      op: 'setHandler',
      component: this.appName,
      name,
      body: `state.nextId += ${this.rng.range(1, 9)};`
    });
    this.handlers.add(name);
    this.eventHandlers.add(name);
    return true;
  }

  /** Removes a handler of the pool that no prop uses. */
  removeHandler(): boolean {
    const used = this.usedNames('$handler');
    const names = HANDLER_POOL.filter(
      (n) => this.handlers.has(n) && !used.has(n) && !this.handlersInBatch.has(n)
    );
    if (names.length === 0) return false;
    const name = this.rng.pick(names);
    this.ops.push({ op: 'removeHandler', component: this.appName, name });
    this.handlers.delete(name);
    this.eventHandlers.delete(name);
    return true;
  }

  /** Adds a component from the pool, with a temporary id on its root so later ops can fill it. */
  addComponent(): boolean {
    const free = COMPONENT_POOL.filter((n) => !this.components.has(n));
    if (free.length === 0) return false;
    const name = this.rng.pick(free);
    const root = this.newTemp();
    this.ops.push({ op: 'addComponent', name, id: root });
    const key = `new:${name}`;
    this.components.set(name, { key, root });
    this.parent.set(root, null);
    this.types.set(root, 'Stack');
    this.comp.set(root, key);
    this.kids.set(root, []);
    this.added.push(root);
    this.addedContainers.push(root);
    return true;
  }

  /**
   * Adds an instance of a component (not the app) into a container of the app, or, with
   * `nestedInstances`, into any component that it does not already contain.
   */
  addInstance(): boolean {
    const names = [...this.components.keys()].filter((n) => n !== this.appName).sort();
    if (names.length === 0) return false;
    const used = this.rng.pick(names);
    const parent = this.pickNode((p) => {
      const owner = this.componentNameOf(this.compOf(p));
      if (owner === undefined) return false;
      if (!this.nestedInstances) return owner === this.appName;
      return owner !== used && !this.usesComponent(used, owner);
    }, true);
    if (parent === undefined) return false;
    const index = this.rng.chance(0.5)
      ? this.rng.int(this.childrenOf(parent).length + 1)
      : undefined;
    const spec: NodeSpec = { type: used, id: this.newTemp() };
    const op: Op = { op: 'addNode', parent, ...spec };
    if (index !== undefined) op.index = index;
    this.ops.push(op);
    this.register(spec, parent, index ?? this.childrenOf(parent).length);
    this.instances.set(used, (this.instances.get(used) ?? 0) + 1);
    this.usesOf(this.componentNameOf(this.compOf(parent))!).add(used);
    return true;
  }

  /** Removes a component (not the app) that has no instances. */
  removeComponent(): boolean {
    const names = [...this.components.keys()]
      .filter((n) => n !== this.appName && (this.instances.get(n) ?? 0) === 0)
      .sort();
    if (names.length === 0) return false;
    const name = this.rng.pick(names);
    this.ops.push({ op: 'removeComponent', name });
    const stack = [this.components.get(name)!.root];
    while (stack.length > 0) {
      const next = stack.pop()!;
      this.removed.add(next);
      stack.push(...this.childrenOf(next));
    }
    this.components.delete(name);
    this.usesGraph.delete(name);
    return true;
  }

  /** Names a prop of the model refers to with `$bind` or `$handler` (in the root component). */
  private usedNames(kind: '$bind' | '$handler'): Set<string> {
    const out = new Set<string>();
    const app = rootComponent(this.model)!;
    for (const node of this.model.nodes.values()) {
      if (node.component !== app.id || this.removed.has(node.id)) continue;
      for (const value of Object.values(node.props)) {
        if (value && typeof value === 'object' && !Array.isArray(value) && kind in value)
          out.add((value as Record<string, string>)[kind]);
      }
    }
    return out;
  }
}

/** The kinds of op the fuzz draws, with weights. */
const FUZZ_OPS: [number, (b: BatchBuilder) => boolean][] = [
  [5, (b) => b.addNode()],
  [0.5, (b) => b.removeNode()],
  [1.5, (b) => b.removeNode(true)],
  [3, (b) => b.moveNode('anywhere')],
  [2, (b) => b.moveNode('reorder')],
  [2, (b) => b.moveNode('nephew')],
  [4, (b) => b.setProp()],
  [1, (b) => b.unsetProp()],
  [1, (b) => b.addState()],
  [1, (b) => b.removeState()],
  [0.5, (b) => b.setStateScope()],
  [0.5, (b) => b.setHandler()],
  [0.5, (b) => b.removeHandler()],
  [0.8, (b) => b.addInstance()],
  [0.3, (b) => b.removeComponent()]
];
const FUZZ_WEIGHT = FUZZ_OPS.reduce((sum, [w]) => sum + w, 0);

/** Options of the random batches. */
export interface BatchOptions {
  readonly maxOps?: number;
  /**
   * Components anywhere (default true): addComponent together with other ops in one batch, and
   * instances inside any component. These reach the partial-delivery and recursion cases of
   * resolve() pinned by named tests; false keeps batches away from them.
   */
  readonly componentsAnywhere?: boolean;
}

/**
 * A random valid batch of 1 to `maxOps` ops against `model`. With `componentsAnywhere` (the
 * default), addComponent may come with other ops: mixed with edits of other peers' nodes, a
 * receiver that gets the batch before those peers' updates sees the component before its root.
 */
export function randomBatch(rng: Rng, model: AppModel, options: BatchOptions = {}): Op[] {
  const anywhere = options.componentsAnywhere ?? true;
  const builder = new BatchBuilder(rng, model, anywhere);
  if (rng.chance(anywhere ? 0.1 : 0.03)) {
    builder.addComponent();
    if (!anywhere && builder.ops.length > 0) return builder.ops;
  }
  const want = rng.range(1, options.maxOps ?? 5);
  for (let tries = 0; builder.ops.length < want && tries < want * 10; tries++) {
    let roll = rng.next() * FUZZ_WEIGHT;
    for (const [weight, make] of FUZZ_OPS) {
      roll -= weight;
      if (roll < 0) {
        make(builder);
        break;
      }
    }
  }
  return builder.ops;
}

/**
 * The verifier the fuzz hands to commitBatch instead of the compile gate: accept every planned
 * model. The fuzz is about the model and the document (plan, write, resolve, merge); the gate has
 * its own tests, costs a type check per batch, and may refuse models that concurrent merges
 * legitimately produce (a cycle broken by moving a node out of its Each).
 */
export const PLAN_ONLY: Verifier = () => [];

/** Commits a batch on a peer; throws with the errors and the batch if it does not plan. */
export function commitOn(peer: Peer, ops: Op[], context: string): AppModel {
  const result = commitBatch(peer.doc, ops, peer.origin, {
    ids: peer.ids,
    now: 0,
    verify: PLAN_ONLY
  });
  if (!result.ok)
    throw new Error(
      `${context}: commit on ${peer.name} refused: ${JSON.stringify(result.errors)}\nbatch: ${JSON.stringify(ops)}`
    );
  return result.model;
}
