/**
 * Which ops of a proposal need which others, and what a partial apply must take along. Pure and
 * browser-safe: the sidebar computes it as the person ticks and unticks changes, and the server
 * plans the chosen ops again anyway (a need this misses is still refused there, with its reason).
 *
 * An op needs another when it uses what the other makes (op-refs.ts): a button's `onClick`
 * handler, the state field a `$bind` or a handler's body names, the parent an element is added
 * under, the component an element is an instance of. What the app already has is needed from
 * nobody: a button may call a handler whose new body was left out, since the old one stays.
 */
import type { AppModel } from '../model/types';
import { opRefs, refWords, sameRef, stateNamesIn, valueRefs, type OpRef } from './op-refs';

/** One op's need of another, by their indices in the batch. */
export interface OpNeed {
  /** The op that needs it. */
  readonly op: number;
  /** The op it needs. */
  readonly needs: number;
  /** What it needs, in words ("handler addItem"). */
  readonly what: string;
}

/** A choice of ops made whole. */
export interface NeededChoice {
  /** For each op: it is applied (chosen, or needed by one that is). */
  readonly apply: readonly boolean[];
  /** The ops taken along that were not chosen, each with the first chosen op that needs it. */
  readonly added: readonly OpNeed[];
}

/** Does the app already have what `ref` names? */
export type Exists = (ref: OpRef) => boolean;

/** `Exists` over an app model: its nodes, and its components' handlers and state fields. */
export function existsIn(model: AppModel): Exists {
  const components = [...model.components.values()];
  const inComponent = (name: string | undefined) =>
    components.filter((c) => !name || c.name === name);
  return (ref) => {
    switch (ref.kind) {
      case 'node':
        return model.nodes.has(ref.id);
      case 'component':
        return components.some((c) => c.name === ref.name);
      case 'handler':
        return inComponent(ref.component).some((c) => Object.hasOwn(c.handlers, ref.name));
      case 'state':
        return inComponent(ref.component).some((c) => Object.hasOwn(c.state, ref.name));
    }
  };
}

/** Most ops read for needs: a proposal is at most a few hundred (PROPOSAL_LIMITS). */
const MAX_OPS = 1000;

/**
 * Each op's needs among the other ops of `ops`: for op i, the ops that make something it uses
 * and the app does not already have. A use made by several ops needs the last one before it
 * (or, with none before it, the first after it).
 */
export function opNeeds(ops: readonly unknown[], exists: Exists = () => false): OpNeed[][] {
  const refs = ops.slice(0, MAX_OPS).map(opRefs);
  // Definitions by kind and name, so each use looks up its makers instead of scanning the batch
  // (a 200-op proposal is re-read at every tick of a checkbox).
  const makers = new Map<string, { index: number; def: OpRef }[]>();
  refs.forEach((r, index) => {
    for (const def of r.defines) {
      const list = makers.get(refKey(def)) ?? [];
      list.push({ index, def });
      makers.set(refKey(def), list);
    }
  });
  return refs.map((mine, i) => {
    const needs: OpNeed[] = [];
    for (const use of mine.uses) {
      if (mine.defines.some((d) => sameRef(use, d))) continue;
      const found = (makers.get(refKey(use)) ?? [])
        .filter((m) => m.index !== i && sameRef(use, m.def))
        .map((m) => m.index);
      if (found.length === 0 || exists(use)) continue;
      const before = found.filter((j) => j < i);
      const maker = before.length > 0 ? before[before.length - 1] : found[0];
      if (!needs.some((n) => n.needs === maker))
        needs.push({ op: i, needs: maker, what: refWords(use) });
    }
    return needs;
  });
}

function refKey(ref: OpRef): string {
  return `${ref.kind}\u0000${ref.kind === 'node' ? ref.id : ref.name}`;
}

/**
 * What removals need, read against the app: removing a handler or a state field needs the ops of
 * the batch that take away the app's uses of it (the removal of the button that calls it, or of
 * an element around it; the new value of the prop that names it; the new body, or the removal,
 * of a handler that reads the field). Without them the planner refuses the removal.
 */
export function removalNeeds(ops: readonly unknown[], model: AppModel): OpNeed[][] {
  const list = ops.slice(0, MAX_OPS);
  const out: OpNeed[][] = list.map(() => []);
  const removals = list.map(removalOf);
  if (!removals.some(Boolean)) return out;
  // One pass over the app and one over the batch, then lookups: a batch of 200 removals on an
  // app of thousands of elements costs no more than reading each once.
  const users = new Map<string, { node: string; prop: string }[]>();
  for (const node of model.nodes.values())
    for (const [prop, value] of Object.entries(node.props))
      for (const use of valueRefs(value)) {
        const key = `${use.kind}\u0000${(use as { name: string }).name}`;
        const found = users.get(key);
        if (found) found.push({ node: node.id, prop });
        else users.set(key, [{ node: node.id, prop }]);
      }
  const byTarget = new Map<string, number[]>();
  const index = (key: string, j: number) => {
    const found = byTarget.get(key);
    if (found) found.push(j);
    else byTarget.set(key, [j]);
  };
  list.forEach((op, j) => {
    const o = (op && typeof op === 'object' ? op : {}) as Record<string, unknown>;
    if (o.op === 'removeNode') index(`remove\u0000${String(o.id)}`, j);
    if (o.op === 'setProp' || o.op === 'unsetProp')
      index(`prop\u0000${String(o.id)}\u0000${String(o.name)}`, j);
    if (o.op === 'removeHandler')
      index(`handler\u0000${String(o.component)}\u0000${String(o.name)}`, j);
    if (o.op === 'setHandler' && typeof o.body === 'string')
      index(`body\u0000${String(o.component)}\u0000${String(o.name)}`, j);
  });
  const at = (key: string) => byTarget.get(key) ?? [];
  // The ops that stop the app using one removed thing, found once per thing (a batch that
  // removes the same handler 200 times reads its users once).
  const stoppers = new Map<string, number[]>();
  const stoppersOf = (removed: Removed): number[] => {
    const key = `${removed.kind}\u0000${removed.component}\u0000${removed.name}`;
    const known = stoppers.get(key);
    if (known) return known;
    const found = new Set<number>();
    for (const user of users.get(`${removed.kind}\u0000${removed.name}`) ?? []) {
      for (const id of ancestry(model, user.node))
        for (const j of at(`remove\u0000${id}`)) found.add(j);
      for (const j of at(`prop\u0000${user.node}\u0000${user.prop}`)) found.add(j);
    }
    if (removed.kind === 'state') {
      const component = [...model.components.values()].find((c) => c.name === removed.component);
      for (const [name, handler] of Object.entries(component?.handlers ?? {})) {
        if (!stateNamesIn(handler.body).includes(removed.name)) continue;
        for (const j of at(`handler\u0000${removed.component}\u0000${name}`)) found.add(j);
        for (const j of at(`body\u0000${removed.component}\u0000${name}`))
          if (!stateNamesIn(String((list[j] as { body: string }).body)).includes(removed.name))
            found.add(j);
      }
    }
    const sorted = [...found].sort((a, b) => a - b);
    stoppers.set(key, sorted);
    return sorted;
  };
  removals.forEach((removed, i) => {
    if (!removed) return;
    const what = `the change that stops the app using ${refWords(removed)}`;
    for (const j of stoppersOf(removed)) if (j !== i) out[i].push({ op: i, needs: j, what });
  });
  return out;
}

/** A handler or a state field, as a removal names it. */
type Removed = Extract<OpRef, { kind: 'handler' | 'state' }>;

/** The handler or state field `op` removes, if it removes one. */
function removalOf(op: unknown): Removed | null {
  if (!op || typeof op !== 'object') return null;
  const o = op as Record<string, unknown>;
  if (typeof o.name !== 'string' || typeof o.component !== 'string') return null;
  if (o.op === 'removeHandler') return { kind: 'handler', name: o.name, component: o.component };
  if (o.op === 'removeState') return { kind: 'state', name: o.name, component: o.component };
  return null;
}

/** A node and its ancestors, nearest first. */
function ancestry(model: AppModel, id: string): string[] {
  const line: string[] = [];
  for (
    let at: string | null = id;
    at && line.length < 1000;
    at = model.nodes.get(at)?.parent ?? null
  )
    line.push(at);
  return line;
}

/** `a` and `b` together: each op's needs of both, each needed op once. */
export function mergeNeeds(
  a: readonly (readonly OpNeed[])[],
  b: readonly (readonly OpNeed[])[]
): OpNeed[][] {
  return a.map((needs, i) => [
    ...needs,
    ...(b[i] ?? []).filter((n) => !needs.some((m) => m.needs === n.needs))
  ]);
}

/**
 * The ops to apply for a choice: the chosen ones not yet applied, and everything they need,
 * transitively. `done` marks ops applied already (by an earlier partial apply): what they made
 * is there, so nothing needs to take them along again.
 */
export function withNeeded(
  needs: readonly (readonly OpNeed[])[],
  chosen: readonly boolean[],
  done: readonly boolean[] = []
): NeededChoice {
  const apply = needs.map((_, i) => chosen[i] === true && done[i] !== true);
  const added: OpNeed[] = [];
  const queue = apply.flatMap((on, i) => (on ? [i] : []));
  for (let k = 0; k < queue.length; k++) {
    for (const need of needs[queue[k]] ?? []) {
      if (apply[need.needs] || done[need.needs]) continue;
      apply[need.needs] = true;
      added.push(need);
      queue.push(need.needs);
    }
  }
  return { apply, added };
}

/**
 * A taken-along op in words for the sidebar: "Also applies handler incrementCount (change 2),
 * which change 4 needs: Add a Stack …". `changes` are the proposal's changes in words.
 */
export function neededWords(need: OpNeed, changes: readonly string[]): string {
  const by = changes[need.op];
  return `Also applies ${need.what} (change ${need.needs + 1}), which change ${need.op + 1} needs${by ? `: ${clip(by)}` : ''}`;
}

function clip(words: string): string {
  return words.length > 70 ? `${words.slice(0, 69)}…` : words;
}
