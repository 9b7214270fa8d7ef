/**
 * Applying the ops on a component's declared props: declareProp (add, retype or re-default one)
 * and removeDeclaredProp (the declaration and every instance's value for it). Declared props are
 * what an instance's inspector shows a field for and what the component reads as `props.<name>`.
 * See apply.ts for the rules every applier follows.
 */
import { checkValue, formatType } from '../schema/statetype';
import type { NodeRecord, Op } from '../model/types';
import { componentRef, fail, type PlanState } from './apply';
import type { OpDescription } from './summary';
import { checkName } from './definition-refs';
import { valueKind } from '../schema/props';

/** The nodes that are instances of a component. */
function instancesOf(state: PlanState, name: string): NodeRecord[] {
  return [...state.draft.nodes.values()].filter((n) => n.type === name);
}

export function declareProp(
  state: PlanState,
  op: Extract<Op, { op: 'declareProp' }>,
  index: number
): OpDescription {
  const { draft } = state;
  const component = componentRef(state, op.component, index, `/${index}/component`);
  checkName(op.name, 'prop', index, `/${index}/name`);
  if (op.default !== undefined) {
    const problem = checkValue(op.type, op.default);
    if (problem)
      fail(
        'E_STATE_TYPE_MISMATCH',
        `default of prop "${op.name}"${problem.path} ${problem.message} (${formatType(op.type)})`,
        index,
        `/${index}/default`
      );
  }
  // A retype may not leave an instance holding a literal of the old type: the instance would
  // render a value its component's code does not expect.
  for (const node of instancesOf(state, component.name)) {
    if (!Object.hasOwn(node.props, op.name)) continue;
    const value = node.props[op.name];
    if (valueKind(value) !== 'literal') continue;
    const problem = checkValue(op.type, value);
    if (problem)
      fail(
        'E_PROP_TYPE',
        `instance ${node.id} passes ${op.name}${problem.path} that ${problem.message} (${formatType(op.type)}); change or clear it first`,
        index,
        `/${index}/type`
      );
  }
  const existed = Object.hasOwn(component.props, op.name);
  const decl =
    op.default === undefined ? { type: op.type } : { type: op.type, default: op.default };
  draft.setComponent({ ...component, props: { ...component.props, [op.name]: decl } });
  return { kind: 'declareProp', component: component.name, name: op.name, existed };
}

export function removeDeclaredProp(
  state: PlanState,
  op: Extract<Op, { op: 'removeDeclaredProp' }>,
  index: number
): OpDescription {
  const { draft } = state;
  const component = componentRef(state, op.component, index, `/${index}/component`);
  if (!Object.hasOwn(component.props, op.name)) {
    const known = Object.keys(component.props);
    fail(
      'E_PROP_UNKNOWN',
      `${component.name} declares no prop "${op.name}"${known.length ? `; its props are ${known.join(', ')}` : ''}`,
      index,
      `/${index}/name`
    );
  }
  const props = { ...component.props };
  delete props[op.name];
  draft.setComponent({ ...component, props });
  // An instance's value for a prop that no longer exists would be refused on the next read.
  for (const node of instancesOf(state, component.name)) {
    if (!Object.hasOwn(node.props, op.name)) continue;
    const rest = { ...node.props };
    delete rest[op.name];
    draft.setNode({ ...node, props: rest });
  }
  return { kind: 'removeDeclaredProp', component: component.name, name: op.name };
}
