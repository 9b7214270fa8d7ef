/**
 * Applying extractComponent: a node and everything inside it become a new component, and an
 * instance of that component takes the node's place (same parent, same position), in one op, so
 * "Make component from selection" is one undo step. See apply.ts for the rules every applier
 * follows.
 *
 * The moved nodes are copies with new ids, and the originals are removed: a node's component is
 * fixed at creation (the document stores it once, and the judge treats a node that changed
 * component as a different node), so nothing here rewrites one in place.
 *
 * A new component has no state, no handlers and no props of its own, so a subtree that uses the
 * state, handlers, props or loop variables of where it sits is refused (E_EXTRACT_REFERENCES,
 * naming each use) instead of being moved into a component where those names mean nothing.
 */
import { ELEMENTS } from '../schema/elements';
import { valueKind } from '../schema/props';
import type { ComponentRecord, NodeRecord, Op, PropValue } from '../model/types';
import { nodeName } from '../model/validate';
import { fail, failWith, nodeRef, type PlanState } from './apply';
import type { OpDescription } from './summary';

/** Each `as` name of the Each elements around `node` (outside the subtree being moved). */
function loopNamesAbove(state: PlanState, node: NodeRecord): string[] {
  const out: string[] = [];
  let current = node.parent ? state.draft.nodes.get(node.parent) : undefined;
  while (current) {
    if (current.type === 'Each')
      out.push(typeof current.props.as === 'string' ? current.props.as : 'item');
    current = current.parent ? state.draft.nodes.get(current.parent) : undefined;
  }
  return out;
}

/** An expression with its quoted strings emptied, so words inside text are not read as uses. */
function codeOnly(source: string): string {
  return source.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
}

/**
 * What one prop value uses of its surroundings, in words (`state.items`, `handler addItem`,
 * `loop variable todo`). Conservative: a `state`/`props` word in the code counts even when it
 * would not be read, so nothing that would break is ever moved.
 */
function usesOf(value: PropValue, loops: readonly string[]): string[] {
  switch (valueKind(value)) {
    case 'handler':
      return [`handler ${(value as { $handler: string }).$handler}`];
    case 'bind':
      return [`state.${(value as { $bind: string }).$bind} (bound)`];
    case 'expr': {
      const code = codeOnly((value as { $expr: string }).$expr);
      const out = new Set<string>();
      for (const m of code.matchAll(/(?<![\w$.])(state|props)\b\s*(?:\.\s*([A-Za-z_$][\w$]*))?/g))
        out.add(m[2] ? `${m[1]}.${m[2]}` : m[1]);
      for (const name of loops)
        if (new RegExp(`(?<![\\w$.])${name}(?![\\w$])`).test(code))
          out.add(`loop variable ${name}`);
      return [...out];
    }
    default:
      return [];
  }
}

export function extractComponent(
  state: PlanState,
  op: Extract<Op, { op: 'extractComponent' }>,
  index: number
): OpDescription {
  const { draft } = state;
  const node = nodeRef(state, op.id, index, `/${index}/id`);
  if (node.parent === null) failWith('E_EXTRACT_ROOT', { id: node.id }, index, `/${index}/id`);
  if (ELEMENTS.has(op.name))
    fail(
      'E_NAME_RESERVED',
      `"${op.name}" is a built-in element type; pick another component name`,
      index,
      `/${index}/name`
    );
  if (draft.componentNamed(op.name))
    fail('E_NAME_TAKEN', `a component is already named "${op.name}"`, index, `/${index}/name`);

  const ids = draft.subtree(node.id);
  const loops = loopNamesAbove(state, node);
  const uses: string[] = [];
  for (const id of ids) {
    const n = draft.nodes.get(id)!;
    for (const [prop, value] of Object.entries(n.props))
      for (const use of usesOf(value, loops)) uses.push(`${use} (${nodeName(n)}.${prop})`);
  }
  if (uses.length > 0) {
    const shown =
      uses.slice(0, 4).join(', ') + (uses.length > 4 ? ` and ${uses.length - 4} more` : '');
    failWith('E_EXTRACT_REFERENCES', { uses: shown }, index, `/${index}/id`);
  }

  state.created += 1;
  if (state.created > state.limits.nodes)
    fail(
      'E_BATCH_TOO_LARGE',
      `the batch creates more than ${state.limits.nodes} nodes; split it`,
      index,
      `/${index}`
    );

  const component: ComponentRecord = {
    id: draft.newId('k'),
    name: op.name,
    root: '',
    props: {},
    state: {},
    handlers: {},
    capabilities: {}
  };
  // Copies in pre-order (subtree() lists a parent before its children), each under its parent's copy.
  const copies = new Map<string, string>();
  for (const id of ids) {
    const original = draft.nodes.get(id)!;
    const copy: NodeRecord = {
      id: draft.newId(original.type),
      type: original.type,
      component: component.id,
      parent: id === node.id ? null : copies.get(original.parent!)!,
      order: id === node.id ? 'a0' : original.order,
      props: original.props
    };
    copies.set(id, copy.id);
    draft.setNode(copy);
    draft.link(copy);
  }
  draft.setComponent({ ...component, root: copies.get(node.id)! });

  draft.unlink(node);
  for (const id of ids) {
    draft.forget(id);
  }
  const instance: NodeRecord = {
    id: draft.newId(op.name),
    type: op.name,
    component: node.component,
    parent: node.parent,
    order: node.order,
    props: {}
  };
  draft.setNode(instance);
  draft.link(instance);
  // A temporary id of this batch that named the node now names the instance in its place.
  for (const [temp, real] of state.tempIds)
    if (real === node.id) state.tempIds.set(temp, instance.id);
  return {
    kind: 'extractComponent',
    name: op.name,
    node,
    instance,
    count: ids.length
  };
}
