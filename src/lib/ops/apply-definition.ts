/**
 * Applying the ops that change a component's definition and the app's meta: the dispatch by op
 * family (components in apply-component.ts, state fields in apply-state.ts), and the handler,
 * capability and meta ops themselves. See apply.ts for the rules every applier follows.
 */
import { ELEMENTS } from '../schema/elements';
import type { Op } from '../model/types';
import { componentRef, fail, type PlanState } from './apply';
import type { OpDescription } from './summary';
import { checkName, listUses, usesOf } from './definition-refs';
import { addComponent, removeComponent, renameComponent } from './apply-component';
import { declareProp, removeDeclaredProp } from './apply-component-props';
import { extractComponent } from './apply-extract';
import { addState, removeState, renameState, retypeState, setStateScope } from './apply-state';

function setHandler(
  state: PlanState,
  op: Extract<Op, { op: 'setHandler' }>,
  index: number
): OpDescription {
  const component = componentRef(state, op.component, index, `/${index}/component`);
  checkName(op.name, 'handler', index, `/${index}/name`);
  // In the JSX form handlers are functions beside the component and the element types.
  if (ELEMENTS.has(op.name) || state.draft.componentNamed(op.name)) {
    fail(
      'E_NAME_TAKEN',
      `"${op.name}" is an element or component name; name the handler in camelCase, like "${op.name.charAt(0).toLowerCase()}${op.name.slice(1)}"`,
      index,
      `/${index}/name`
    );
  }
  const params = op.params ?? [];
  params.forEach((p, i) => checkName(p, 'parameter', index, `/${index}/params/${i}`));
  if (new Set(params).size !== params.length)
    fail(
      'E_NAME_TAKEN',
      'two parameters of the handler have the same name',
      index,
      `/${index}/params`
    );
  const existed = Object.hasOwn(component.handlers, op.name);
  state.draft.setComponent({
    ...component,
    handlers: { ...component.handlers, [op.name]: { params, body: op.body } }
  });
  return { kind: 'setHandler', component: op.component, name: op.name, existed };
}

function removeHandler(
  state: PlanState,
  op: Extract<Op, { op: 'removeHandler' }>,
  index: number
): OpDescription {
  const component = componentRef(state, op.component, index, `/${index}/component`);
  if (!Object.hasOwn(component.handlers, op.name))
    fail(
      'E_HANDLER_NOT_FOUND',
      `${op.component} has no handler "${op.name}"`,
      index,
      `/${index}/name`
    );
  const uses = usesOf(state, component, '$handler', op.name);
  if (uses.length > 0)
    fail(
      'E_HANDLER_IN_USE',
      `handler "${op.name}" is used by ${listUses(uses)}; remove those first`,
      index,
      `/${index}/name`
    );
  const handlers = { ...component.handlers };
  delete handlers[op.name];
  state.draft.setComponent({ ...component, handlers });
  return { kind: 'removeHandler', component: op.component, name: op.name };
}

/** Applies a component, state, handler, capability or meta op. */
export function applyDefinitionOp(
  state: PlanState,
  op: Exclude<Op, { op: 'addNode' | 'removeNode' | 'moveNode' | 'setProp' | 'unsetProp' }>,
  index: number
): OpDescription {
  switch (op.op) {
    case 'addComponent':
      return addComponent(state, op, index);
    case 'removeComponent':
      return removeComponent(state, op.name, index);
    case 'renameComponent':
      return renameComponent(state, op.name, op.newName, index);
    case 'declareProp':
      return declareProp(state, op, index);
    case 'removeDeclaredProp':
      return removeDeclaredProp(state, op, index);
    case 'extractComponent':
      return extractComponent(state, op, index);
    case 'addState':
      return addState(state, op, index);
    case 'removeState':
      return removeState(state, op, index);
    case 'renameState':
      return renameState(state, op, index);
    case 'retypeState':
      return retypeState(state, op, index);
    case 'setStateScope':
      return setStateScope(state, op, index);
    case 'setHandler':
      return setHandler(state, op, index);
    case 'removeHandler':
      return removeHandler(state, op, index);
    case 'setCapabilities': {
      const component = componentRef(state, op.component, index, `/${index}/component`);
      state.draft.setComponent({ ...component, capabilities: op.capabilities });
      return { kind: 'setCapabilities', component: op.component };
    }
    case 'setMeta': {
      if (op.name === 'theme' && !['light', 'dark', 'system'].includes(op.value)) {
        fail(
          'E_FIELD_VALUE',
          `theme must be "light", "dark" or "system", not ${JSON.stringify(op.value)}`,
          index,
          `/${index}/value`
        );
      }
      state.draft.meta = { ...state.draft.meta, [op.name]: op.value };
      return { kind: 'setMeta', name: op.name, value: op.value };
    }
  }
}
