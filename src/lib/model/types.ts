/**
 * The plain, immutable snapshot of an app: what the planner reads and returns, what the CLI and
 * the studio render. The Y.Doc is the shared truth; this is a value computed from it.
 */
import type {
  Capabilities,
  Handler,
  JsonValue,
  PropDecl,
  PropValue,
  StateField,
  StateScope
} from '../schema/types.generated';

export type { Capabilities, Handler, JsonValue, PropDecl, PropValue, StateField, StateScope };
export type {
  Op,
  OpBatch,
  StateType,
  AppFile,
  NodeFile,
  ComponentFile,
  AddNodeOp,
  MoveNodeOp,
  NodeSpec
} from '../schema/types.generated';

/** The document schema version written into `meta.version`; readers migrate older ones up. */
export const DOC_VERSION = 1;

/** One element of a component's view. Children are derived (see AppModel.children). */
export interface NodeRecord {
  readonly id: string;
  /** A built-in element type (`Button`) or the name of a component of the app. */
  readonly type: string;
  /** Id of the component this node belongs to; fixed at creation. */
  readonly component: string;
  /** Parent node id; null only for a component's root node. */
  readonly parent: string | null;
  /** Fractional index among its siblings; ties are broken by id. */
  readonly order: string;
  readonly props: Readonly<Record<string, PropValue>>;
}

/** A component: a view (a tree of nodes under `root`), its state, handlers and capabilities. */
export interface ComponentRecord {
  readonly id: string;
  readonly name: string;
  /** Id of the component's root node. */
  readonly root: string;
  readonly props: Readonly<Record<string, PropDecl>>;
  readonly state: Readonly<Record<string, StateField>>;
  readonly handlers: Readonly<Record<string, Handler>>;
  readonly capabilities: Capabilities;
}

/** The app's title, theme and structure version. */
export interface AppMeta {
  readonly title: string;
  readonly theme: 'light' | 'dark' | 'system';
  readonly version: number;
  /** Id of the root component (the app itself); empty in an app with no component yet. */
  readonly root: string;
}

/** A whole app as an immutable value. */
export interface AppModel {
  readonly meta: AppMeta;
  /** Components by id. */
  readonly components: ReadonlyMap<string, ComponentRecord>;
  /** Nodes by id: only nodes reachable from a component root (see resolve.ts). */
  readonly nodes: ReadonlyMap<string, NodeRecord>;
  /** Child ids of each node that has children, in order. */
  readonly children: ReadonlyMap<string, readonly string[]>;
  /** The root component's persisted state (the app's data), field name to value. */
  readonly data: Readonly<Record<string, JsonValue>>;
}

const NO_CHILDREN: readonly string[] = Object.freeze([]);

/** The ordered child ids of a node (empty for a leaf). */
export function childrenOf(model: AppModel, id: string): readonly string[] {
  return model.children.get(id) ?? NO_CHILDREN;
}

const byName = new WeakMap<AppModel['components'], Map<string, ComponentRecord>>();

/** The component with this name, or undefined. Cached per snapshot. */
export function componentByName(model: AppModel, name: string): ComponentRecord | undefined {
  let index = byName.get(model.components);
  if (!index) {
    index = new Map([...model.components.values()].map((c) => [c.name, c]));
    byName.set(model.components, index);
  }
  return index.get(name);
}

/** The app's root component, if it has one. */
export function rootComponent(model: AppModel): ComponentRecord | undefined {
  return model.components.get(model.meta.root);
}

/** Where a state field's value lives: `shared` unless it says otherwise. */
export function scopeOf(field: StateField | undefined): StateScope {
  return field?.scope ?? 'shared';
}

const storedCache = new WeakMap<
  object,
  { state: ComponentRecord['state']; data: Readonly<Record<string, JsonValue>> }
>();

/**
 * The part of the app's data that lives in the document: the root component's `shared` fields.
 * `model.data` also holds each `local` and `person` field at its initial value (so a render on
 * the server, a dry run or an export of the definition sees every field); those values are never
 * written to the document. Cached per data object.
 */
export function storedData(model: AppModel): Readonly<Record<string, JsonValue>> {
  const root = rootComponent(model);
  if (!root || Object.values(root.state).every((f) => scopeOf(f) === 'shared')) return model.data;
  const cached = storedCache.get(model.data);
  if (cached?.state === root.state) return cached.data;
  const out: Record<string, JsonValue> = {};
  for (const [field, value] of Object.entries(model.data))
    if (scopeOf(root.state[field]) === 'shared') out[field] = value;
  storedCache.set(model.data, { state: root.state, data: out });
  return out;
}

/** An app with nothing in it yet: the starting point of every template. */
export function emptyModel(title = 'Untitled app'): AppModel {
  return {
    meta: { title, theme: 'system', version: DOC_VERSION, root: '' },
    components: new Map(),
    nodes: new Map(),
    children: new Map(),
    data: {}
  };
}

/** Ids of a node and everything under it, parents before children. */
export function subtreeIds(model: AppModel, id: string): string[] {
  const out: string[] = [];
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop()!;
    out.push(next);
    const kids = childrenOf(model, next);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}
