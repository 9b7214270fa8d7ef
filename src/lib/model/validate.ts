/**
 * validateModel: every rule a model must keep, checked over a whole model at once. The planner
 * keeps these rules op by op; this check is for models that did not come through the planner
 * (app files, tests' invariants) and reports every break as a coded error with a path.
 */
import { editError, type EditError } from '../errors';
import { acceptsChildren, ELEMENTS } from '../schema/elements';
import { checkProp, type PropContext } from '../schema/props';
import { checkValue } from '../schema/statetype';
import {
  childrenOf,
  componentByName,
  type AppModel,
  type NodeRecord,
  type PropValue
} from './types';

const MAX_ID = /^[A-Za-z][A-Za-z0-9_-]{0,7}$/;

/** All the ways `model` breaks the model's rules (empty when it is valid). */

/**
 * A node as a person reads it in an error: its type and its literal label or text when it has
 * one (`Button "Add" (b7k2q)`), else its type and id.
 */
export function nodeName(
  node: Pick<NodeRecord, 'type' | 'id'> & Partial<Pick<NodeRecord, 'props'>>
): string {
  for (const prop of ['label', 'text', 'title', 'placeholder']) {
    const value = node.props?.[prop];
    if (typeof value === 'string' && value.trim()) {
      const text = value.trim();
      return `${node.type} "${text.length > 32 ? `${text.slice(0, 31)}…` : text}" (${node.id})`;
    }
  }
  return `${node.type} ${node.id}`;
}

export function validateModel(model: AppModel): EditError[] {
  const errors: EditError[] = [];
  const names = new Set<string>();
  for (const c of model.components.values()) {
    const at = `/components/${c.name}`;
    if (names.has(c.name))
      errors.push(editError('E_NAME_TAKEN', `two components are named "${c.name}"`, { path: at }));
    if (ELEMENTS.has(c.name))
      errors.push(
        editError('E_NAME_RESERVED', `component "${c.name}" has the name of a built-in element`, {
          path: at
        })
      );
    names.add(c.name);
    const root = model.nodes.get(c.root);
    if (!root || root.parent !== null || root.component !== c.id) {
      errors.push(
        editError('E_NODE_NOT_FOUND', `component ${c.name} has no root node "${c.root}"`, {
          path: `${at}/root`
        })
      );
    }
    for (const [field, decl] of Object.entries(c.state)) {
      const problem = checkValue(decl.type, decl.initial);
      if (problem)
        errors.push(
          editError(
            'E_STATE_TYPE_MISMATCH',
            `initial value of ${c.name}.${field}${problem.path} ${problem.message}`,
            { path: `${at}/state/${field}` }
          )
        );
    }
  }
  if (model.components.size > 0 && !model.components.has(model.meta.root)) {
    errors.push(
      editError('E_COMPONENT_NOT_FOUND', 'the app has no root component', { path: '/root' })
    );
  }
  const contexts = new Map<string, PropContext>();
  for (const node of model.nodes.values()) {
    const at = `/nodes/${node.id}`;
    if (!MAX_ID.test(node.id))
      errors.push(
        editError(
          'E_FIELD_VALUE',
          `node id "${node.id}" must be a letter then at most 7 letters, digits, _ or -`,
          { path: at }
        )
      );
    const owner = model.components.get(node.component);
    if (!owner) {
      errors.push(
        editError('E_COMPONENT_NOT_FOUND', `node ${node.id} belongs to no component`, { path: at })
      );
      continue;
    }
    if (!ELEMENTS.has(node.type) && !componentByName(model, node.type)) {
      errors.push(
        editError('E_UNKNOWN_TYPE', `node ${node.id} has unknown type "${node.type}"`, {
          path: `${at}/type`
        })
      );
      continue;
    }
    if (node.parent !== null) {
      const parent = model.nodes.get(node.parent);
      if (!parent)
        errors.push(
          editError('E_NODE_NOT_FOUND', `node ${node.id} has a missing parent "${node.parent}"`, {
            path: `${at}/parent`
          })
        );
      else if (!acceptsChildren(parent.type))
        errors.push(
          editError(
            'E_NOT_A_CONTAINER',
            `${parent.type} ${parent.id} takes no children but holds ${node.id}`,
            { path: `${at}/parent` }
          )
        );
      else if (parent.component !== node.component)
        errors.push(
          editError(
            'E_MOVE_ACROSS_COMPONENTS',
            `node ${node.id} is in another component than its parent`,
            { path: `${at}/parent` }
          )
        );
      else if (!childrenOf(model, parent.id).includes(node.id))
        errors.push(
          editError('E_NODE_NOT_FOUND', `node ${node.id} is missing from its parent's children`, {
            path: `${at}/parent`
          })
        );
    } else if (owner.root !== node.id) {
      errors.push(
        editError('E_NODE_NOT_FOUND', `node ${node.id} has no parent and is not a component root`, {
          path: `${at}/parent`
        })
      );
    }
    let ctx = contexts.get(owner.id);
    if (!ctx) {
      ctx = {
        state: owner.state,
        handlers: owner.handlers,
        componentProps: (name) => componentByName(model, name)?.props
      };
      contexts.set(owner.id, ctx);
    }
    for (const [name, value] of Object.entries(node.props)) {
      const problem = checkProp(node.type, name, value as PropValue, ctx);
      if (problem)
        errors.push(
          editError(problem.code, `${nodeName(node)}: ${problem.message}`, {
            path: `${at}/props/${name}`
          })
        );
    }
  }
  // Cycles: every node must reach its component root by walking up.
  for (const node of model.nodes.values()) {
    const seen = new Set<string>();
    let cursor: string | null = node.id;
    while (cursor !== null && !seen.has(cursor)) {
      seen.add(cursor);
      cursor = model.nodes.get(cursor)?.parent ?? null;
    }
    if (cursor !== null) {
      errors.push(
        editError('E_CYCLE', `node ${node.id} is inside a cycle of parents`, {
          path: `/nodes/${node.id}/parent`
        })
      );
      break;
    }
  }
  const root = model.components.get(model.meta.root);
  for (const [field, value] of Object.entries(model.data)) {
    const decl = root?.state[field];
    if (!decl)
      errors.push(
        editError(
          'E_STATE_NOT_FOUND',
          `data field "${field}" is not a state field of the root component`,
          { path: `/data/${field}` }
        )
      );
    else {
      const problem = checkValue(decl.type, value);
      if (problem)
        errors.push(
          editError('E_STATE_TYPE_MISMATCH', `data ${field}${problem.path} ${problem.message}`, {
            path: `/data/${field}${problem.path}`
          })
        );
    }
  }
  return errors;
}
