/**
 * The Y.Doc layout (DESIGN.md section 2) and the only code that reads or writes it:
 *
 *   meta        Y.Map   title, theme, version, root (component id)
 *   components  Y.Map   id → Y.Map { name, root, props: Y.Map, state: Y.Map, handlers: Y.Map, capabilities }
 *   nodes       Y.Map   id → Y.Map { type, component, parent, order, props: Y.Map }
 *   state       Y.Map   the root component's data, field → value
 *   history     Y.Array one entry per committed batch
 *
 * Flat on purpose: Yjs has no move, and nested arrays duplicate nodes under concurrent moves; here
 * a move is two field writes on one node. Fields are written one by one so concurrent edits of
 * different props of one node both survive. Only `writeModel` (called by commitBatch) writes.
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
import { componentByName, type AppModel, type ComponentRecord, type NodeRecord } from './types';
import { ELEMENTS } from '../schema/elements';

/** The shared types of one app's document. */
export function docRoots(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>('meta'),
    components: doc.getMap<Y.Map<unknown>>('components'),
    nodes: doc.getMap<Y.Map<unknown>>('nodes'),
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
  const { meta, components, nodes, state } = docRoots(doc);
  return [meta, components, nodes, state];
}

function mapToRecord(value: unknown): Record<string, unknown> {
  return value instanceof Y.Map
    ? (Object.fromEntries(value.entries()) as Record<string, unknown>)
    : {};
}

/** Reads one stored node; every field stays unchecked. */
export function readRawNode(y: Y.Map<unknown>): RawNode {
  return {
    type: y.get('type'),
    component: y.get('component'),
    parent: y.get('parent'),
    order: y.get('order'),
    props: mapToRecord(y.get('props'))
  };
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
  const nodes = new Map<string, RawNode>();
  roots.nodes.forEach((y, id) => {
    if (y instanceof Y.Map) nodes.set(id, readRawNode(y));
  });
  const components = new Map<string, RawComponent>();
  roots.components.forEach((y, id) => {
    if (y instanceof Y.Map) components.set(id, readRawComponent(y));
  });
  return {
    meta: Object.fromEntries(roots.meta.entries()),
    components,
    nodes,
    data: Object.fromEntries(roots.state.entries())
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

function nodeToY(node: NodeRecord, model: AppModel): Y.Map<unknown> {
  const y = new Y.Map<unknown>();
  y.set('type', storedType(node, model));
  y.set('component', node.component);
  y.set('parent', node.parent);
  y.set('order', node.order);
  y.set('props', newMap(node.props));
  return y;
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

function updateNode(
  y: Y.Map<unknown>,
  prev: NodeRecord | undefined,
  next: NodeRecord,
  prevModel: AppModel,
  model: AppModel,
  force: boolean
): void {
  const type = storedType(next, model);
  if (force || !prev || storedType(prev, prevModel) !== type) y.set('type', type);
  if (force || prev?.component !== next.component) y.set('component', next.component);
  if (force || prev?.parent !== next.parent) y.set('parent', next.parent);
  if (force || prev?.order !== next.order) y.set('order', next.order);
  if (force || prev?.props !== next.props)
    writeRecord(childMap(y, 'props'), prev?.props, next.props, force);
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
    for (const [id, n] of next.nodes) {
      const old = prev.nodes.get(id);
      const force = repairs.nodes.has(id);
      if (old === n && !force) continue;
      const y = roots.nodes.get(id);
      if (!old || !(y instanceof Y.Map)) roots.nodes.set(id, nodeToY(n, next));
      else updateNode(y, old, n, prev, next, force);
    }
    for (const id of prev.nodes.keys()) if (!next.nodes.has(id)) roots.nodes.delete(id);
  }
  if (prev.data !== next.data)
    writeRecord(roots.state as Y.Map<unknown>, prev.data, next.data, false);
}
