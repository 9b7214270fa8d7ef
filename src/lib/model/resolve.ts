/**
 * From raw records (what the Y.Doc holds, written by any peer, possibly concurrently, possibly by
 * a hostile one) to a valid AppModel. The same raw input gives the same model on every peer:
 *
 * - A node whose component, type or parent is gone, or whose parent takes no children, is left
 *   out (with everything under it): removal wins. It stays in the document, so undoing the
 *   removal brings it back.
 * - Concurrent moves can form a cycle (A into B while B goes into A). The node of the cycle with
 *   the smallest id is re-attached to its component's root, so nothing is lost.
 * - An invalid prop value, state field, handler or data value is left out of the model; two
 *   components with the same name (concurrent adds) keep it in id order, later ones get a suffix.
 *
 * `repairs` lists the records whose model form differs from their raw form, so the next local
 * commit writes them back in full and the document converges on what every peer already reads.
 */
import { checkProp, type PropContext } from '../schema/props';
import { checkValue } from '../schema/statetype';
import { acceptsChildren, ELEMENTS } from '../schema/elements';
import { opsDefinition } from '../schema/validators';
import { compareSiblings, isOrderKey } from './order';
import type {
  AppMeta,
  AppModel,
  Capabilities,
  ComponentRecord,
  Handler,
  JsonValue,
  NodeRecord,
  PropDecl,
  PropValue,
  StateField
} from './types';
import { DOC_VERSION, scopeOf } from './types';
import { isPlainJson, isPlainObject } from './plain';
import { migrateDocument } from './format';

/** A node as stored: every field unchecked. `type` is an element name or `@` + component id. */
export interface RawNode {
  readonly type: unknown;
  readonly component: unknown;
  readonly parent: unknown;
  readonly order: unknown;
  readonly props: Readonly<Record<string, unknown>>;
}

/** A component as stored: every field unchecked. */
export interface RawComponent {
  readonly name: unknown;
  readonly root: unknown;
  readonly props: Readonly<Record<string, unknown>>;
  readonly state: Readonly<Record<string, unknown>>;
  readonly handlers: Readonly<Record<string, unknown>>;
  readonly capabilities: unknown;
}

/** The whole document as stored. */
export interface RawApp {
  readonly meta: Readonly<Record<string, unknown>>;
  readonly components: ReadonlyMap<string, RawComponent>;
  readonly nodes: ReadonlyMap<string, RawNode>;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Records whose model form differs from the stored form. */
export interface Repairs {
  readonly nodes: ReadonlySet<string>;
  readonly components: ReadonlySet<string>;
}

/** The prefix that marks a node type as a user component (`@` + component id) in the document. */
export const INSTANCE_PREFIX = '@';

const COMPONENT_NAME = /^[A-Z][A-Za-z0-9]{0,63}$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

function validEntries<T>(
  record: Readonly<Record<string, unknown>>,
  def: string
): [Record<string, T>, boolean] {
  const validate = opsDefinition(def);
  const out: Record<string, T> = {};
  let dropped = false;
  for (const [key, value] of Object.entries(record)) {
    // Plain JSON first: the validator reads fields, and a decoded prototype would answer them.
    if (NAME.test(key) && isPlainJson(value) && validate(value)) out[key] = value as T;
    else dropped = true;
  }
  return [out, dropped];
}

function resolveComponents(raw: RawApp, repaired: Set<string>): Map<string, ComponentRecord> {
  const out = new Map<string, ComponentRecord>();
  const names = new Set<string>(ELEMENTS.keys());
  const fieldValidate = opsDefinition('StateType');
  const capsValidate = opsDefinition('Capabilities');
  for (const id of [...raw.components.keys()].sort()) {
    const c = raw.components.get(id)!;
    if (typeof c.name !== 'string' || !COMPONENT_NAME.test(c.name) || typeof c.root !== 'string')
      continue;
    // A component is whole only with its root node: a container of its own. Until that node
    // arrives (updates can land out of order) the component is left out, with its nodes.
    const root = raw.nodes.get(c.root);
    if (
      !root ||
      root.component !== id ||
      typeof root.type !== 'string' ||
      !acceptsChildren(root.type)
    )
      continue;
    let name = c.name;
    // Concurrent adds of one name: the smallest id keeps it, the others get the first free suffix.
    for (let n = 2; names.has(name); n++) name = `${c.name}${n}`;
    names.add(name);
    const [props, propsDropped] = validEntries<PropDecl>(c.props, 'PropDecl');
    const [handlers, handlersDropped] = validEntries<Handler>(c.handlers, 'Handler');
    const state: Record<string, StateField> = {};
    let stateDropped = false;
    for (const [key, field] of Object.entries(c.state)) {
      const f = field as StateField;
      // A state field and its `initial` must be plain JSON read through own keys: an editor's
      // `initial` with a decoded prototype passed the type check and broke the app's compile
      // after a restart (issue 12).
      if (
        NAME.test(key) &&
        isPlainJson(f) &&
        isPlainObject(f) &&
        Object.hasOwn(f, 'type') &&
        Object.hasOwn(f, 'initial') &&
        fieldValidate(f.type) &&
        !checkValue(f.type, f.initial)
      )
        state[key] = f;
      else stateDropped = true;
    }
    const capabilities =
      isPlainJson(c.capabilities) && capsValidate(c.capabilities)
        ? (c.capabilities as Capabilities)
        : {};
    if (
      name !== c.name ||
      propsDropped ||
      handlersDropped ||
      stateDropped ||
      capabilities !== c.capabilities
    )
      repaired.add(id);
    out.set(id, { id, name, root: c.root, props, state, handlers, capabilities });
  }
  return out;
}

/**
 * Concurrent edits can put an instance of A inside B while another peer puts one of B inside A:
 * each valid alone, together a view that renders forever. While the component graph has a
 * cycle, the instance node of the cycle with the largest id is left out (it stays in the
 * document, and is back once the other instance is removed).
 */
function breakInstanceCycles(
  components: ReadonlyMap<string, ComponentRecord>,
  nodes: Map<string, NodeRecord>,
  siblings: Map<string, NodeRecord[]>
): void {
  const byName = new Map([...components.values()].map((c) => [c.name, c.id]));
  for (;;) {
    // Edges: component id → [instanced component id, instance node].
    const edges = new Map<string, [string, NodeRecord][]>();
    for (const node of nodes.values()) {
      const target = ELEMENTS.has(node.type) ? undefined : byName.get(node.type);
      if (target === undefined) continue;
      let list = edges.get(node.component);
      if (!list) edges.set(node.component, (list = []));
      list.push([target, node]);
    }
    const cycle = findCycle(edges);
    if (!cycle) return;
    const victim = cycle.reduce((a, b) => (a.id > b.id ? a : b));
    nodes.delete(victim.id);
    const list = siblings.get(victim.parent!)!;
    list.splice(list.indexOf(victim), 1);
    if (list.length === 0) siblings.delete(victim.parent!);
  }
}

/** The instance nodes along one cycle of the component graph, or null when there is none. */
function findCycle(edges: ReadonlyMap<string, [string, NodeRecord][]>): NodeRecord[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const trail: NodeRecord[] = [];
  const visit = (component: string): NodeRecord[] | null => {
    state.set(component, 'open');
    for (const [target, node] of edges.get(component) ?? []) {
      trail.push(node);
      const seen = state.get(target);
      if (seen === 'open') return trail.slice(trail.findIndex((n) => n.component === target));
      if (seen === undefined) {
        const found = visit(target);
        if (found) return found;
      }
      trail.pop();
    }
    state.set(component, 'done');
    return null;
  };
  for (const component of [...edges.keys()].sort()) {
    if (state.has(component)) continue;
    const found = visit(component);
    if (found) return found;
  }
  return null;
}

/** Builds the model; see the file comment for the rules. */
export function resolve(stored: RawApp): { model: AppModel; repairs: Repairs } {
  // An older document is read through the format chain first, so the version stamped on the
  // model below is true. A newer one never gets here from storage (server/collab-persistence.ts).
  const raw = migrateDocument(stored);
  const repairedNodes = new Set<string>();
  const repairedComponents = new Set<string>();
  const components = resolveComponents(raw, repairedComponents);
  const nameOf = (cid: string) => components.get(cid)?.name;

  // 1. Per node: a known type, a live component, a sane order key.
  const typeOf = new Map<string, string>();
  for (const [id, n] of raw.nodes) {
    if (
      typeof n.type !== 'string' ||
      typeof n.component !== 'string' ||
      !components.has(n.component)
    )
      continue;
    if (!isOrderKey(n.order)) continue;
    const type = n.type.startsWith(INSTANCE_PREFIX)
      ? nameOf(n.type.slice(1))
      : ELEMENTS.has(n.type)
        ? n.type
        : undefined;
    if (type) typeOf.set(id, type);
  }

  // 2. Parents: walk up from every node; removal wins; cycles are broken at their smallest id.
  const parentOf = new Map<string, string | null>();
  const REACHABLE = 1;
  const EXCLUDED = 2;
  const status = new Map<string, number>();
  for (const c of components.values()) {
    if (typeOf.has(c.root) && raw.nodes.get(c.root)!.component === c.id) {
      status.set(c.root, REACHABLE);
      parentOf.set(c.root, null);
      if (raw.nodes.get(c.root)!.parent !== null) repairedNodes.add(c.root);
    }
  }
  const validParent = (id: string): string | undefined => {
    const n = raw.nodes.get(id)!;
    const p = n.parent;
    if (typeof p !== 'string' || !typeOf.has(p)) return undefined;
    if (raw.nodes.get(p)!.component !== n.component || !acceptsChildren(typeOf.get(p)!))
      return undefined;
    return p;
  };
  for (const start of typeOf.keys()) {
    if (status.has(start)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let cursor: string | undefined = start;
    let outcome = EXCLUDED;
    while (cursor !== undefined) {
      const known = status.get(cursor);
      if (known !== undefined) {
        outcome = known;
        break;
      }
      if (onPath.has(cursor)) {
        // A cycle: cursor .. end of path. Re-attach its smallest id to the component root.
        const cycle = path.slice(path.indexOf(cursor));
        const pick = cycle.reduce((a, b) => (a < b ? a : b));
        const root = components.get(raw.nodes.get(pick)!.component as string)!.root;
        if (status.get(root) === REACHABLE) {
          parentOf.set(pick, root);
          status.set(pick, REACHABLE);
          repairedNodes.add(pick);
        } else {
          status.set(pick, EXCLUDED);
        }
        // Walk again from the start; the cycle is now anchored (or excluded).
        path.length = 0;
        onPath.clear();
        cursor = start;
        continue;
      }
      path.push(cursor);
      onPath.add(cursor);
      cursor = validParent(cursor);
    }
    for (const id of path) {
      if (status.has(id)) continue;
      status.set(id, outcome);
      if (outcome === REACHABLE) parentOf.set(id, validParent(id)!);
    }
  }

  // 3. Records, with invalid props left out.
  const contexts = new Map<string, PropContext>();
  const componentProps = (name: string) => {
    for (const c of components.values()) if (c.name === name) return c.props;
    return undefined;
  };
  const nodes = new Map<string, NodeRecord>();
  const siblings = new Map<string, NodeRecord[]>();
  for (const [id, parent] of parentOf) {
    const n = raw.nodes.get(id)!;
    const cid = n.component as string;
    let ctx = contexts.get(cid);
    if (!ctx) {
      const c = components.get(cid)!;
      ctx = { state: c.state, handlers: c.handlers, componentProps };
      contexts.set(cid, ctx);
    }
    const type = typeOf.get(id)!;
    const props: Record<string, PropValue> = {};
    for (const [name, value] of Object.entries(n.props)) {
      if (NAME.test(name) && isPlainJson(value) && !checkProp(type, name, value as PropValue, ctx))
        props[name] = value as PropValue;
      else repairedNodes.add(id);
    }
    const record: NodeRecord = {
      id,
      type,
      component: cid,
      parent,
      order: n.order as string,
      props
    };
    nodes.set(id, record);
    if (parent !== null) {
      let list = siblings.get(parent);
      if (!list) siblings.set(parent, (list = []));
      list.push(record);
    }
  }
  breakInstanceCycles(components, nodes, siblings);
  const children = new Map<string, readonly string[]>();
  for (const [parent, list] of siblings)
    children.set(
      parent,
      list.sort(compareSiblings).map((n) => n.id)
    );

  // 4. Meta and data.
  // Own keys only: a meta key is a name a peer chose.
  const m = (key: string): unknown => (Object.hasOwn(raw.meta, key) ? raw.meta[key] : undefined);
  const metaRoot = m('root');
  const metaTitle = m('title');
  const metaTheme = m('theme');
  // A root component that is only incomplete (its root node still on the way) stays the root,
  // so no commit in between moves the app's root elsewhere.
  const rootId =
    typeof metaRoot === 'string' && (components.has(metaRoot) || raw.components.has(metaRoot))
      ? metaRoot
      : (([...components.values()].find((c) => c.name === 'App') ?? [...components.values()][0])
          ?.id ?? '');
  const meta: AppMeta = {
    title: typeof metaTitle === 'string' ? metaTitle.slice(0, 200) : 'Untitled app',
    theme: metaTheme === 'light' || metaTheme === 'dark' ? metaTheme : 'system',
    version: DOC_VERSION,
    root: rootId
  };
  const data: Record<string, JsonValue> = {};
  const rootState = components.get(rootId)?.state ?? {};
  for (const [field, decl] of Object.entries(rootState)) {
    // Only `shared` fields live in the document; a `local` or `person` field is its initial
    // value here (each tab or person holds their own), whatever a peer wrote under its name.
    const value =
      scopeOf(decl) === 'shared' && Object.hasOwn(raw.data, field) ? raw.data[field] : undefined;
    // checkValue refuses a value that is not plain JSON (a decoded `__proto__`): it is left out
    // like any other invalid peer value, so the app keeps answering and its export imports.
    data[field] =
      value !== undefined && !checkValue(decl.type, value) ? (value as JsonValue) : decl.initial;
  }
  return {
    model: { meta, components, nodes, children, data },
    repairs: { nodes: repairedNodes, components: repairedComponents }
  };
}
