/**
 * The Y.Doc layout (DESIGN.md section 2) and the only code that reads or writes it:
 *
 *   meta        Y.Map   title, theme, version, root (component id)
 *   components  Y.Map   id → Y.Map { name, root, props: Y.Map, state: Y.Map, handlers: Y.Map, capabilities }
 *   nodes       Y.Map   id → { type, component, parent, order }   (one JSON value per node)
 *   props       Y.Map   "<node id>/<prop name>" → prop value         (one entry per prop)
 *   state       Y.Map   the root component's data, field → value
 *   history     Y.Array one entry per committed batch
 *
 * Flat on purpose: Yjs has no move, and nested arrays duplicate nodes under concurrent moves; here
 * a move is one write of one node's record, so a node's parent and order always change together.
 * Props live in one flat map with a key per prop, so concurrent edits of different props of one
 * node both survive, and no node needs a Y.Map of its own: loading costs one Yjs item per node
 * plus one per prop, which keeps a 10,000-node app's load inside its budget. A prop whose node
 * is gone is ignored on read (and back in view if an undo brings the node back).
 * Only `writeModel` (called by commitBatch) writes.
 */
import * as Y from 'yjs';
import {
  INSTANCE_PREFIX,
  resolve,
  type RawApp,
  type RawComponent,
  type RawNode,
  type Repairs
} from './resolve';
import {
  componentByName,
  rootComponent,
  storedData,
  type AppModel,
  type ComponentRecord,
  type JsonValue,
  type NodeRecord
} from './types';
import { ELEMENTS } from '../schema/elements';
import { isPlainObject } from './plain';
import { isTextField, stateValue, writeTextValue } from './textdata';

/** The shared types of one app's document. */
export function docRoots(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>('meta'),
    components: doc.getMap<Y.Map<unknown>>('components'),
    nodes: doc.getMap<unknown>('nodes'),
    props: doc.getMap<unknown>('props'),
    state: doc.getMap<unknown>('state'),
    history: doc.getArray<unknown>('history')
  };
}

/**
 * The shared types a person's undo manager tracks: the definition and the data, never the history
 * log (an undo is itself a history entry, not the removal of one).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function undoScope(doc: Y.Doc): Y.AbstractType<any>[] {
  const { meta, components, nodes, props, state } = docRoots(doc);
  return [meta, components, nodes, props, state];
}

function mapToRecord(value: unknown): Record<string, unknown> {
  return value instanceof Y.Map
    ? (Object.fromEntries(value.entries()) as Record<string, unknown>)
    : {};
}

/** The key of one prop in the `props` map. Ids and prop names never hold a `/`. */
export function propKey(node: string, prop: string): string {
  return `${node}/${prop}`;
}

/** Every stored prop, grouped by node id; keys of no known shape are skipped. */
function readRawProps(props: Y.Map<unknown>): Map<string, Record<string, unknown>> {
  const byNode = new Map<string, Record<string, unknown>>();
  props.forEach((value, key) => {
    const slash = key.indexOf('/');
    if (slash <= 0) return;
    const node = key.slice(0, slash);
    let record = byNode.get(node);
    if (!record) byNode.set(node, (record = {}));
    record[key.slice(slash + 1)] = value;
  });
  return byNode;
}

function readRawComponent(y: Y.Map<unknown>): RawComponent {
  return {
    name: y.get('name'),
    root: y.get('root'),
    props: mapToRecord(y.get('props')),
    state: mapToRecord(y.get('state')),
    handlers: mapToRecord(y.get('handlers')),
    capabilities: y.get('capabilities')
  };
}

/** Everything the document holds, unchecked. */
export function readRaw(doc: Y.Doc): RawApp {
  const roots = docRoots(doc);
  const props = readRawProps(roots.props);
  const nodes = new Map<string, RawNode>();
  roots.nodes.forEach((value, id) => {
    // A peer may have written anything here; resolve() checks every field. Plain objects only,
    // read through own keys: a decoded `__proto__` must not supply a node's type or parent.
    if (!isPlainObject(value)) return;
    const own = (key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);
    nodes.set(id, {
      type: own('type'),
      component: own('component'),
      parent: own('parent'),
      order: own('order'),
      props: props.get(id) ?? {}
    });
  });
  const components = new Map<string, RawComponent>();
  roots.components.forEach((y, id) => {
    if (y instanceof Y.Map) components.set(id, readRawComponent(y));
  });
  return {
    meta: Object.fromEntries(roots.meta.entries()),
    components,
    nodes,
    // A shared text field is a Y.Text (model/textdata.ts); the model reads its string.
    data: Object.fromEntries([...roots.state.entries()].map(([k, v]) => [k, stateValue(v)]))
  };
}

/** Reads and resolves the document into a valid model (see resolve.ts). */
export function readModel(doc: Y.Doc): AppModel {
  return resolve(readRaw(doc)).model;
}

/** How a node's type is stored: element names as they are, components as `@` + id (renames are one write). */
function storedType(node: NodeRecord, model: AppModel): string {
  if (ELEMENTS.has(node.type)) return node.type;
  return INSTANCE_PREFIX + componentByName(model, node.type)!.id;
}

/** Writes the differences between two records (`Record<string, JSON>`) into a Y.Map, key by key. */
function writeRecord(
  y: Y.Map<unknown>,
  prev: Readonly<Record<string, unknown>> | undefined,
  next: Readonly<Record<string, unknown>>,
  force: boolean
): void {
  for (const [key, value] of Object.entries(next)) {
    if (force || !prev || prev[key] !== value || !Object.hasOwn(prev, key)) y.set(key, value);
  }
  const stale = force ? [...y.keys()] : prev ? Object.keys(prev) : [];
  for (const key of stale) if (!Object.hasOwn(next, key)) y.delete(key);
}

function newMap(record: Readonly<Record<string, unknown>>): Y.Map<unknown> {
  const y = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(record)) y.set(key, value);
  return y;
}

/** A node's stored record: everything but its props. */
function nodeRecord(node: NodeRecord, model: AppModel) {
  return {
    type: storedType(node, model),
    component: node.component,
    parent: node.parent,
    order: node.order
  };
}

function componentToY(c: ComponentRecord): Y.Map<unknown> {
  const y = new Y.Map<unknown>();
  y.set('name', c.name);
  y.set('root', c.root);
  y.set('props', newMap(c.props));
  y.set('state', newMap(c.state));
  y.set('handlers', newMap(c.handlers));
  y.set('capabilities', c.capabilities);
  return y;
}

function childMap(y: Y.Map<unknown>, key: string): Y.Map<unknown> {
  let child = y.get(key);
  if (!(child instanceof Y.Map)) {
    child = new Y.Map<unknown>();
    y.set(key, child);
  }
  return child as Y.Map<unknown>;
}

/**
 * Writes the props of one node that differ from `prev`. With `stored` (a repair), writes all of
 * them and drops the stored props the model left out.
 */
function writeProps(
  props: Y.Map<unknown>,
  id: string,
  prev: Readonly<Record<string, unknown>> | undefined,
  next: Readonly<Record<string, unknown>>,
  stored?: Readonly<Record<string, unknown>>
): void {
  for (const [name, value] of Object.entries(next)) {
    if (stored || !prev || prev[name] !== value || !Object.hasOwn(prev, name)) {
      props.set(propKey(id, name), value);
    }
  }
  for (const name of Object.keys(stored ?? prev ?? {})) {
    if (!Object.hasOwn(next, name)) props.delete(propKey(id, name));
  }
}

function updateComponent(
  y: Y.Map<unknown>,
  prev: ComponentRecord | undefined,
  next: ComponentRecord,
  force: boolean
): void {
  if (force || prev?.name !== next.name) y.set('name', next.name);
  if (force || prev?.root !== next.root) y.set('root', next.root);
  if (force || prev?.props !== next.props)
    writeRecord(childMap(y, 'props'), prev?.props, next.props, force);
  if (force || prev?.state !== next.state)
    writeRecord(childMap(y, 'state'), prev?.state, next.state, force);
  if (force || prev?.handlers !== next.handlers)
    writeRecord(childMap(y, 'handlers'), prev?.handlers, next.handlers, force);
  if (force || prev?.capabilities !== next.capabilities) y.set('capabilities', next.capabilities);
}

/**
 * Writes the app's data: `next` over `prev` (what the writer read), field by field. A shared
 * `string` field goes into its Y.Text by one edit against `prev` (model/textdata.ts), so a
 * peer's concurrent typing in it is kept; every other value is set whole.
 */
export function writeData(
  state: Y.Map<unknown>,
  root: ComponentRecord | undefined,
  prev: Readonly<Record<string, unknown>>,
  next: Readonly<Record<string, unknown>>
): void {
  for (const [key, value] of Object.entries(next)) {
    if (Object.hasOwn(prev, key) && prev[key] === value) continue;
    const decl = root && Object.hasOwn(root.state, key) ? root.state[key] : undefined;
    if (isTextField(decl) && typeof value === 'string')
      writeTextValue(state, key, prev[key] as JsonValue | undefined, value);
    else state.set(key, value);
  }
  for (const key of Object.keys(prev)) if (!Object.hasOwn(next, key)) state.delete(key);
}

const NO_REPAIRS: Repairs = { nodes: new Set(), components: new Set() };

/**
 * Writes the difference between `prev` (the model read from this document) and `next` (a planned
 * model) into the document. Records are compared by identity: the planner copies only what it
 * changes, so this touches only changed records. Must run inside the commit's transaction.
 * Records in `repairs` are written in full, so the stored form converges on the resolved one.
 */
export function writeModel(
  doc: Y.Doc,
  prev: AppModel,
  next: AppModel,
  repairs: Repairs = NO_REPAIRS
): void {
  const roots = docRoots(doc);
  for (const [key, value] of Object.entries(next.meta)) {
    if (prev.meta[key as keyof AppModel['meta']] !== value || roots.meta.get(key) !== value)
      roots.meta.set(key, value);
  }
  if (prev.components !== next.components || repairs.components.size > 0) {
    for (const [id, c] of next.components) {
      const old = prev.components.get(id);
      const force = repairs.components.has(id);
      if (old === c && !force) continue;
      const y = roots.components.get(id);
      if (!old || !(y instanceof Y.Map)) roots.components.set(id, componentToY(c));
      else updateComponent(y, old, c, force);
    }
    for (const id of prev.components.keys())
      if (!next.components.has(id)) roots.components.delete(id);
  }
  if (prev.nodes !== next.nodes || repairs.nodes.size > 0) {
    // What is stored, read only when a repair needs it (to drop props the model left out).
    let stored: Map<string, Record<string, unknown>> | undefined;
    const storedProps = () => (stored ??= readRawProps(roots.props));
    for (const [id, n] of next.nodes) {
      const old = prev.nodes.get(id);
      const force = repairs.nodes.has(id);
      if (old === n && !force) continue;
      const record = nodeRecord(n, next);
      if (
        force ||
        !old ||
        old.parent !== n.parent ||
        old.order !== n.order ||
        storedType(old, prev) !== record.type
      ) {
        roots.nodes.set(id, record);
      }
      if (force || !old || old.props !== n.props) {
        writeProps(
          roots.props,
          id,
          old?.props,
          n.props,
          force ? (storedProps().get(id) ?? {}) : undefined
        );
      }
    }
    // A removed node's props stay where they are (nothing reads a prop whose node is gone).
    // Deleting them too would break per-person undo: after Bob removes a node whose text Ann
    // had set, Ann's undo and redo of her text could no longer bring her value back, since a
    // Yjs redo restores only what its own undo deleted. Bob's undo brings the node back with
    // the props it had.
    for (const id of prev.nodes.keys()) {
      if (next.nodes.has(id)) continue;
      roots.nodes.delete(id);
    }
  }
  // Only `shared` fields live in the document: a field's scope is part of the root component's
  // state declarations, so a change of scope (with the same data object) is written too.
  if (prev.data !== next.data || rootComponent(prev)?.state !== rootComponent(next)?.state)
    writeData(
      roots.state as Y.Map<unknown>,
      rootComponent(next),
      storedData(prev),
      storedData(next)
    );
}
