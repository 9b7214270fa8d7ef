/**
 * Applying one op to the draft, after checking what it means against the app: references exist,
 * types are known, values fit, names are free, no cycle. An op that fails throws OpFailure before
 * it writes anything to the draft, so one failed op never leaves half its work behind.
 * Node ops live here; component, state, handler and meta ops in apply-definition.ts.
 */
import { acceptsChildren, ELEMENTS } from '../schema/elements';
import { checkProp, type PropContext } from '../schema/props';
import type {
  AddNodeOp,
  ComponentRecord,
  JsonValue,
  MoveNodeOp,
  NodeRecord,
  NodeSpec,
  Op,
  PropValue
} from '../model/types';
import {
  catalogError,
  editError,
  type EditError,
  type ErrorCode,
  type MessageParams
} from '../errors';
import { nodeName } from '../model/validate';
import type { Draft } from './draft';
import type { Actor, Migrator } from './plan';
import { suggest } from './input';
import { applyDefinitionOp } from './apply-definition';
import type { OpDescription } from './summary';

/** Everything the op appliers share while a batch is planned. */
export interface PlanState {
  readonly draft: Draft;
  readonly actor: Actor;
  /** Temporary id → real id, for ops that name nodes added earlier in the batch. */
  readonly tempIds: Map<string, string>;
  /** Temporary ids of ops that failed → the failing op's index. */
  readonly failedTemps: Map<string, number>;
  created: number;
  readonly limits: { readonly nodes: number };
  readonly migrate?: Migrator;
  readonly descriptions: OpDescription[];
}

/** Thrown inside an applier to reject its op; caught by planOps, never escapes it. */
export class OpFailure extends Error {
  constructor(readonly error: EditError) {
    super(error.message);
  }
}

/** Rejects the current op with a message written for it. */
export function fail(code: ErrorCode, message: string, op: number, path: string): never {
  throw new OpFailure(editError(code, message, { op, path }));
}

/** Rejects the current op with the catalog's message for `code`. */
export function failWith<C extends ErrorCode>(
  code: C,
  params: MessageParams<C>,
  op: number,
  path: string
): never {
  throw new OpFailure(catalogError(code, params, { op, path }));
}

/** Applies one op; returns its description for the batch summary. */
export function applyOp(state: PlanState, op: Op, index: number): OpDescription {
  const role = state.actor.role ?? 'owner';
  // Roles: viewers change nothing; users change the app's data through its handlers, never its
  // definition, so no op is open to them; capabilities widen what code may reach: owners only.
  if (role === 'viewer' || role === 'user') {
    fail(
      'E_FORBIDDEN',
      `a ${role} may not change the app's definition; ask its owner for editor rights`,
      index,
      `/${index}`
    );
  }
  if (op.op === 'setCapabilities' && role !== 'owner') {
    fail(
      'E_NEEDS_OWNER',
      'changing what a component may reach (capabilities) needs the owner’s approval',
      index,
      `/${index}`
    );
  }
  switch (op.op) {
    case 'addNode':
      return addNode(state, op, index);
    case 'removeNode':
      return removeNode(state, op.id, index);
    case 'moveNode':
      return moveNode(state, op, index);
    case 'setProp':
      return setProp(state, op.id, op.name, op.value, index);
    case 'unsetProp':
      return setProp(state, op.id, op.name, undefined, index);
    default:
      return applyDefinitionOp(state, op, index);
  }
}

/** Resolves a node reference (a real id or a temporary id of this batch) or rejects the op. */
export function nodeRef(state: PlanState, ref: string, index: number, path: string): NodeRecord {
  const real = state.tempIds.get(ref) ?? ref;
  const node = state.draft.nodes.get(real);
  if (node) return node;
  const failedAt = state.failedTemps.get(ref);
  if (failedAt !== undefined)
    fail(
      'E_NODE_NOT_FOUND',
      `node "${ref}" was to be added by op ${failedAt}, which failed`,
      index,
      path
    );
  failWith(
    'E_NODE_NOT_FOUND',
    { id: ref, hint: suggest(ref, state.draft.nodes.keys()) },
    index,
    path
  );
}

/** Resolves a component by name or rejects the op. */
export function componentRef(
  state: PlanState,
  name: string,
  index: number,
  path: string
): ComponentRecord {
  const c = state.draft.componentNamed(name);
  if (c) return c;
  const hint = suggest(
    name,
    [...state.draft.components.values()].map((x) => x.name)
  );
  failWith('E_COMPONENT_NOT_FOUND', { name, hint }, index, path);
}

/** What prop checks need to know about a component. */
export function propContext(state: PlanState, component: ComponentRecord): PropContext {
  return {
    state: component.state,
    handlers: component.handlers,
    componentProps: (name) => state.draft.componentNamed(name)?.props
  };
}

function checkProps(
  state: PlanState,
  type: string,
  props: Record<string, PropValue>,
  ctx: PropContext,
  index: number,
  path: string
): void {
  for (const [name, value] of Object.entries(props)) {
    const problem = checkProp(type, name, value, ctx);
    if (problem) fail(problem.code, problem.message, index, `${path}/${name}`);
  }
}

/** True when component `user` contains an instance of `used`, directly or through others. */
export function uses(state: PlanState, user: string, used: string): boolean {
  const seen = new Set<string>();
  const stack = [user];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (name === used) return true;
    if (seen.has(name)) continue;
    seen.add(name);
    const c = state.draft.componentNamed(name);
    if (!c) continue;
    for (const id of state.draft.subtree(c.root)) {
      const type = state.draft.nodes.get(id)!.type;
      if (!ELEMENTS.has(type)) stack.push(type);
    }
  }
  return false;
}

function checkType(
  state: PlanState,
  type: string,
  owner: ComponentRecord,
  index: number,
  path: string
): void {
  if (ELEMENTS.has(type)) return;
  const component = state.draft.componentNamed(type);
  if (!component) {
    const hint = suggest(type, [
      ...ELEMENTS.keys(),
      ...[...state.draft.components.values()].map((c) => c.name)
    ]);
    failWith('E_UNKNOWN_TYPE', { type, hint }, index, path);
  }
  if (uses(state, type, owner.name)) {
    failWith('E_COMPONENT_RECURSION', { owner: owner.name, type }, index, path);
  }
}

function canHoldChildren(state: PlanState, parent: NodeRecord, index: number, path: string): void {
  if (!acceptsChildren(parent.type)) {
    failWith('E_NOT_A_CONTAINER', { parent: nodeName(parent) }, index, path);
  }
}

function addNode(state: PlanState, op: AddNodeOp, index: number): OpDescription {
  const { draft } = state;
  const parent = nodeRef(state, op.parent, index, `/${index}/parent`);
  canHoldChildren(state, parent, index, `/${index}/parent`);
  const owner = draft.components.get(parent.component)!;
  const ctx = propContext(state, owner);
  const siblings = draft.childrenOf(parent.id);
  const at = op.index ?? siblings.length;
  if (at > siblings.length) {
    failWith(
      'E_INDEX_RANGE',
      { index: at, parent: nodeName(parent), children: siblings.length },
      index,
      `/${index}/index`
    );
  }

  // Check the whole spec tree before writing anything.
  const specs: { spec: NodeSpec; path: string }[] = [];
  const temps = new Set<string>();
  const stack: { spec: NodeSpec; path: string }[] = [{ spec: op, path: `/${index}` }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const { spec, path } = item;
    specs.push(item);
    checkType(state, spec.type, owner, index, `${path}/type`);
    checkProps(
      state,
      spec.type,
      (spec.props ?? {}) as Record<string, PropValue>,
      ctx,
      index,
      `${path}/props`
    );
    if (spec.id !== undefined) {
      if (draft.nodes.has(spec.id) || state.tempIds.has(spec.id)) {
        const code = draft.nodes.has(spec.id) ? 'E_TEMP_ID_TAKEN' : 'E_TEMP_ID_DUPLICATE';
        failWith(code, { id: spec.id }, index, `${path}/id`);
      }
      if (temps.has(spec.id))
        fail(
          'E_TEMP_ID_DUPLICATE',
          `temporary id "${spec.id}" is used twice in this op`,
          index,
          `${path}/id`
        );
      temps.add(spec.id);
    }
    const children = spec.children ?? [];
    if (children.length > 0 && !acceptsChildren(spec.type)) {
      fail('E_NOT_A_CONTAINER', `${spec.type} takes no children`, index, `${path}/children`);
    }
    children.forEach((child, i) => stack.push({ spec: child, path: `${path}/children/${i}` }));
  }
  state.created += specs.length;
  if (state.created > state.limits.nodes) {
    fail(
      'E_BATCH_TOO_LARGE',
      `the batch creates more than ${state.limits.nodes} nodes; split it`,
      index,
      `/${index}`
    );
  }

  // Write: the top node at its index, children in spec order.
  const [topKey] = draft.orderKeysAt(parent.id, at, 1);
  const create = (spec: NodeSpec, parentId: string, order: string): NodeRecord => {
    const id = draft.newId(spec.type);
    if (spec.id !== undefined) state.tempIds.set(spec.id, id);
    const node: NodeRecord = {
      id,
      type: spec.type,
      component: owner.id,
      parent: parentId,
      order,
      props: { ...(spec.props as Record<string, PropValue>) }
    };
    draft.setNode(node);
    draft.link(node);
    const children = spec.children ?? [];
    if (children.length > 0) {
      const keys = draft.orderKeysAt(id, 0, children.length);
      children.forEach((child, i) => create(child, id, keys[i]));
    }
    return node;
  };
  const top = create(op, parent.id, topKey);
  return { kind: 'add', node: top, parent, count: specs.length };
}

function removeNode(state: PlanState, ref: string, index: number): OpDescription {
  const { draft } = state;
  const node = nodeRef(state, ref, index, `/${index}/id`);
  if (node.parent === null) {
    const owner = draft.components.get(node.component)!;
    fail(
      'E_REMOVE_ROOT',
      `${nodeName(node)} is the root of component ${owner.name}; remove the component instead`,
      index,
      `/${index}/id`
    );
  }
  const parent = draft.nodes.get(node.parent)!;
  const ids = draft.subtree(node.id);
  draft.unlink(node);
  for (const id of ids) {
    draft.forget(id);
  }
  draft.touched.add(node.component);
  return { kind: 'remove', node, parent, count: ids.length };
}

function moveNode(state: PlanState, op: MoveNodeOp, index: number): OpDescription {
  const { draft } = state;
  const node = nodeRef(state, op.id, index, `/${index}/id`);
  const parent = nodeRef(state, op.parent, index, `/${index}/parent`);
  if (node.parent === null)
    fail(
      'E_REMOVE_ROOT',
      `${nodeName(node)} is a component root and cannot move`,
      index,
      `/${index}/id`
    );
  if (parent.component !== node.component) {
    fail(
      'E_MOVE_ACROSS_COMPONENTS',
      `${nodeName(node)} belongs to another component than ${nodeName(parent)}; remove it and add a copy instead`,
      index,
      `/${index}/parent`
    );
  }
  canHoldChildren(state, parent, index, `/${index}/parent`);
  for (
    let cursor: string | null = parent.id;
    cursor !== null;
    cursor = draft.nodes.get(cursor)!.parent
  ) {
    if (cursor === node.id)
      fail(
        'E_CYCLE',
        `cannot move ${nodeName(node)} into itself or its own descendant ${nodeName(parent)}`,
        index,
        `/${index}/parent`
      );
  }
  const siblings = draft.childrenOf(parent.id).filter((id) => id !== node.id);
  const at = op.index ?? siblings.length;
  if (at > siblings.length) {
    fail(
      'E_INDEX_RANGE',
      `index ${at} is past the end: ${nodeName(parent)} has ${siblings.length} other children`,
      index,
      `/${index}/index`
    );
  }
  const from = draft.nodes.get(node.parent)!;
  const [order] = draft.orderKeysAt(parent.id, at, 1, node.id);
  draft.unlink(node);
  const moved: NodeRecord = { ...draft.nodes.get(node.id)!, parent: parent.id, order };
  draft.setNode(moved);
  draft.link(moved);
  return { kind: 'move', node: moved, parent, from, index: at };
}

function setProp(
  state: PlanState,
  ref: string,
  name: string,
  value: PropValue | undefined,
  index: number
): OpDescription {
  const { draft } = state;
  const node = nodeRef(state, ref, index, `/${index}/id`);
  const owner = draft.components.get(node.component)!;
  if (value === undefined) {
    const problem = checkProp(node.type, name, null, propContext(state, owner));
    if (problem?.code === 'E_PROP_UNKNOWN' || problem?.code === 'E_UNKNOWN_TYPE')
      fail(problem.code, problem.message, index, `/${index}/name`);
    if (!Object.hasOwn(node.props, name)) return { kind: 'unset', node, name };
    const props = { ...node.props };
    delete props[name];
    draft.setNode({ ...node, props });
    return { kind: 'unset', node, name };
  }
  const problem = checkProp(node.type, name, value, propContext(state, owner));
  if (problem)
    fail(
      problem.code,
      problem.message,
      index,
      problem.code === 'E_PROP_UNKNOWN' ? `/${index}/name` : `/${index}/value`
    );
  draft.setNode({ ...node, props: { ...node.props, [name]: value } });
  return { kind: 'set', node, name, value: value as JsonValue };
}
