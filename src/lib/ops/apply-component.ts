/**
 * Applying the component ops: addComponent, removeComponent, renameComponent. See apply.ts for
 * the rules every applier follows.
 */
import { ELEMENTS } from '../schema/elements';
import { checkValue } from '../schema/statetype';
import type { ComponentRecord, Op } from '../model/types';
import { componentRef, fail, type PlanState } from './apply';
import type { OpDescription } from './summary';
import { checkName, isRoot } from './definition-refs';

export function addComponent(
  state: PlanState,
  op: Extract<Op, { op: 'addComponent' }>,
  index: number
): OpDescription {
  const { draft } = state;
  if (ELEMENTS.has(op.name))
    fail(
      'E_NAME_RESERVED',
      `"${op.name}" is a built-in element type; pick another component name`,
      index,
      `/${index}/name`
    );
  if (draft.componentNamed(op.name))
    fail('E_NAME_TAKEN', `a component is already named "${op.name}"`, index, `/${index}/name`);
  if (op.id !== undefined && (draft.nodes.has(op.id) || state.tempIds.has(op.id))) {
    fail(
      draft.nodes.has(op.id) ? 'E_TEMP_ID_TAKEN' : 'E_TEMP_ID_DUPLICATE',
      `temporary id "${op.id}" is already in use; pick another`,
      index,
      `/${index}/id`
    );
  }
  const props = op.props ?? {};
  for (const [name, decl] of Object.entries(props)) {
    checkName(name, 'prop', index, `/${index}/props/${name}`);
    if (decl.default !== undefined) {
      const problem = checkValue(decl.type, decl.default);
      if (problem)
        fail(
          'E_STATE_TYPE_MISMATCH',
          `default of prop "${name}"${problem.path} ${problem.message}`,
          index,
          `/${index}/props/${name}/default`
        );
    }
  }
  const id = draft.newId('k');
  const rootId = draft.newId('Stack');
  if (op.id !== undefined) state.tempIds.set(op.id, rootId);
  const component: ComponentRecord = {
    id,
    name: op.name,
    root: rootId,
    props,
    state: {},
    handlers: {},
    capabilities: {}
  };
  draft.setComponent(component);
  draft.setNode({ id: rootId, type: 'Stack', component: id, parent: null, order: 'a0', props: {} });
  // The first component of an empty app is the app itself.
  if (!draft.meta.root) draft.meta = { ...draft.meta, root: id };
  return { kind: 'addComponent', name: op.name };
}

export function removeComponent(state: PlanState, name: string, index: number): OpDescription {
  const { draft } = state;
  const component = componentRef(state, name, index, `/${index}/name`);
  if (isRoot(state, component))
    fail(
      'E_REMOVE_ROOT_COMPONENT',
      `${name} is the app's root component and cannot be removed`,
      index,
      `/${index}/name`
    );
  const users = [...draft.nodes.values()].filter((n) => n.type === name);
  if (users.length > 0) {
    const shown = users
      .slice(0, 3)
      .map((n) => n.id)
      .join(', ');
    fail(
      'E_COMPONENT_IN_USE',
      `${name} is still used by node${users.length > 1 ? 's' : ''} ${shown}${users.length > 3 ? ` and ${users.length - 3} more` : ''}; remove those first`,
      index,
      `/${index}/name`
    );
  }
  for (const id of draft.subtree(component.root)) {
    draft.forget(id);
  }
  draft.components.delete(component.id);
  draft.touched.add(component.id);
  return { kind: 'removeComponent', name };
}

export function renameComponent(
  state: PlanState,
  name: string,
  newName: string,
  index: number
): OpDescription {
  const { draft } = state;
  const component = componentRef(state, name, index, `/${index}/name`);
  if (ELEMENTS.has(newName))
    fail(
      'E_NAME_RESERVED',
      `"${newName}" is a built-in element type; pick another component name`,
      index,
      `/${index}/newName`
    );
  if (newName !== name && draft.componentNamed(newName))
    fail('E_NAME_TAKEN', `a component is already named "${newName}"`, index, `/${index}/newName`);
  draft.setComponent({ ...component, name: newName });
  for (const node of [...draft.nodes.values()])
    if (node.type === name) draft.setNode({ ...node, type: newName });
  return { kind: 'renameComponent', name, newName };
}
