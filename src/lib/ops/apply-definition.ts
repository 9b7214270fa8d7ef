/**
 * Applying the ops that change a component's definition (components, state fields, handlers,
 * capabilities) and the app's meta. See apply.ts for the rules every applier follows.
 */
import { ELEMENTS } from '../schema/elements';
import { checkValue, formatType } from '../schema/statetype';
import { checkProp } from '../schema/props';
import type {
  ComponentRecord,
  JsonValue,
  NodeRecord,
  Op,
  PropValue,
  StateField,
  StateType
} from '../model/types';
import { scopeOf } from '../model/types';
import { componentRef, fail, propContext, type PlanState } from './apply';
import type { OpDescription } from './summary';

/** Words that cannot name a handler or state field: the generated code would not parse or would shadow what the sandbox gives. */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval undefined NaN Infinity ' +
    'state props event caps h constructor prototype __proto__'
  ).split(' ')
);

function checkName(name: string, what: string, index: number, path: string): void {
  if (RESERVED.has(name))
    fail(
      'E_NAME_RESERVED',
      `"${name}" is reserved and cannot name a ${what}; pick another name`,
      index,
      path
    );
}

/** Nodes of one component. */
function nodesOf(state: PlanState, component: ComponentRecord): NodeRecord[] {
  return state.draft.subtree(component.root).map((id) => state.draft.nodes.get(id)!);
}

/** Nodes of a component with a prop value of a given kind naming `target`. */
function usesOf(
  state: PlanState,
  component: ComponentRecord,
  kind: '$bind' | '$handler',
  target: string
): { node: NodeRecord; prop: string }[] {
  const out: { node: NodeRecord; prop: string }[] = [];
  for (const node of nodesOf(state, component)) {
    for (const [prop, value] of Object.entries(node.props)) {
      if (
        value &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        (value as Record<string, unknown>)[kind] === target
      )
        out.push({ node, prop });
    }
  }
  return out;
}

function listUses(uses: { node: NodeRecord; prop: string }[]): string {
  const shown = uses.slice(0, 3).map((u) => `${u.node.type} ${u.node.id}.${u.prop}`);
  return shown.join(', ') + (uses.length > 3 ? ` and ${uses.length - 3} more` : '');
}

/** The state field `name` of a component, or the op is refused. */
function stateField(
  component: ComponentRecord,
  name: string,
  index: number,
  path: string
): StateField {
  if (!Object.hasOwn(component.state, name)) {
    fail('E_STATE_NOT_FOUND', `${component.name} has no state field "${name}"`, index, path);
  }
  return component.state[name];
}

function isRoot(state: PlanState, component: ComponentRecord): boolean {
  return state.draft.meta.root === component.id;
}

function addComponent(
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

function removeComponent(state: PlanState, name: string, index: number): OpDescription {
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
    draft.nodes.delete(id);
    draft.children.delete(id);
  }
  draft.components.delete(component.id);
  draft.touched.add(component.id);
  return { kind: 'removeComponent', name };
}

function renameComponent(
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

function withState(
  state: PlanState,
  component: ComponentRecord,
  fields: Record<string, StateField>
): ComponentRecord {
  const next = { ...component, state: fields };
  state.draft.setComponent(next);
  return next;
}

function addState(
  state: PlanState,
  op: Extract<Op, { op: 'addState' }>,
  index: number
): OpDescription {
  const component = componentRef(state, op.component, index, `/${index}/component`);
  checkName(op.name, 'state field', index, `/${index}/name`);
  if (Object.hasOwn(component.state, op.name))
    fail(
      'E_NAME_TAKEN',
      `${op.component} already has a state field "${op.name}"`,
      index,
      `/${index}/name`
    );
  const problem = checkValue(op.type, op.initial);
  if (problem)
    fail(
      'E_STATE_TYPE_MISMATCH',
      `initial value${problem.path} ${problem.message} (the field is ${formatType(op.type)})`,
      index,
      `/${index}/initial${problem.path}`
    );
  const scope = op.scope ?? 'shared';
  if (scope !== 'shared') rootOnlyScope(state, component, index, `/${index}/scope`);
  withState(state, component, {
    ...component.state,
    [op.name]:
      op.scope && op.scope !== 'shared'
        ? { type: op.type, initial: op.initial, scope: op.scope }
        : { type: op.type, initial: op.initial }
  });
  if (isRoot(state, component)) state.draft.setData(op.name, op.initial);
  return { kind: 'addState', component: op.component, name: op.name, type: op.type };
}

/** Scopes belong to the app's data: a component's own state lives in each of its instances. */
function rootOnlyScope(
  state: PlanState,
  component: ComponentRecord,
  index: number,
  path: string
): void {
  if (!isRoot(state, component))
    fail(
      'E_STATE_SCOPE',
      `only the app's own state (${rootName(state)}) has a scope: the state of ${component.name} lives in each of its instances, in the tab that shows it`,
      index,
      path
    );
}

function rootName(state: PlanState): string {
  return state.draft.components.get(state.draft.meta.root)?.name ?? 'the root component';
}

/**
 * Moves a field between the document (`shared`) and each tab or person (`local`, `person`).
 * Leaving `shared` deletes the value from the document (undo brings it back); the studio that
 * made the change keeps the value it shows (src/lib/runtime/scopes.ts). Becoming `shared` stores
 * `value`, by default the field's initial value, for everyone.
 */
function setStateScope(
  state: PlanState,
  op: Extract<Op, { op: 'setStateScope' }>,
  index: number
): OpDescription {
  const component = componentRef(state, op.component, index, `/${index}/component`);
  const field = stateField(component, op.name, index, `/${index}/name`);
  rootOnlyScope(state, component, index, `/${index}/component`);
  const from = scopeOf(field);
  if (op.value !== undefined) {
    if (op.scope !== 'shared')
      fail(
        'E_STATE_SCOPE',
        `"value" is stored for everyone, so it is given only when "${op.name}" becomes shared`,
        index,
        `/${index}/value`
      );
    const problem = checkValue(field.type, op.value);
    if (problem)
      fail(
        'E_STATE_TYPE_MISMATCH',
        `value${problem.path} ${problem.message} (the field is ${formatType(field.type)})`,
        index,
        `/${index}/value${problem.path}`
      );
  }
  if (from === op.scope && op.value === undefined)
    return { kind: 'setStateScope', component: op.component, name: op.name, scope: op.scope };
  const rest: StateField = { type: field.type, initial: field.initial };
  withState(state, component, {
    ...component.state,
    [op.name]: op.scope === 'shared' ? rest : { ...rest, scope: op.scope }
  });
  state.draft.setData(op.name, op.scope === 'shared' ? (op.value ?? field.initial) : field.initial);
  return { kind: 'setStateScope', component: op.component, name: op.name, scope: op.scope };
}

function removeState(
  state: PlanState,
  op: Extract<Op, { op: 'removeState' }>,
  index: number
): OpDescription {
  const component = componentRef(state, op.component, index, `/${index}/component`);
  stateField(component, op.name, index, `/${index}/name`);
  const uses = usesOf(state, component, '$bind', op.name);
  if (uses.length > 0)
    fail(
      'E_STATE_IN_USE',
      `state field "${op.name}" is bound to ${listUses(uses)}; unbind those first`,
      index,
      `/${index}/name`
    );
  const fields = { ...component.state };
  delete fields[op.name];
  withState(state, component, fields);
  if (isRoot(state, component)) state.draft.setData(op.name, undefined);
  return { kind: 'removeState', component: op.component, name: op.name };
}

function renameState(
  state: PlanState,
  op: Extract<Op, { op: 'renameState' }>,
  index: number
): OpDescription {
  const { draft } = state;
  const component = componentRef(state, op.component, index, `/${index}/component`);
  stateField(component, op.from, index, `/${index}/from`);
  checkName(op.to, 'state field', index, `/${index}/to`);
  if (Object.hasOwn(component.state, op.to))
    fail(
      'E_NAME_TAKEN',
      `${op.component} already has a state field "${op.to}"`,
      index,
      `/${index}/to`
    );
  // Keep the field's position: rebuild the record with the new key in the old one's place.
  const fields = Object.fromEntries(
    Object.entries(component.state).map(([k, v]) => [k === op.from ? op.to : k, v])
  );
  const next = withState(state, component, fields);
  for (const { node, prop } of usesOf(state, next, '$bind', op.from)) {
    draft.setNode({ ...node, props: { ...node.props, [prop]: { $bind: op.to } } });
  }
  if (isRoot(state, component)) {
    const value = draft.data[op.from];
    draft.setData(op.from, undefined);
    draft.setData(op.to, value);
  }
  return { kind: 'renameState', component: op.component, name: op.from, newName: op.to };
}

function retypeState(
  state: PlanState,
  op: Extract<Op, { op: 'retypeState' }>,
  index: number
): OpDescription {
  const { draft } = state;
  const component = componentRef(state, op.component, index, `/${index}/component`);
  const field = stateField(component, op.name, index, `/${index}/name`);
  const migrate = (value: JsonValue, what: string): JsonValue => {
    if (!checkValue(op.type, value)) return value;
    if (!state.migrate) {
      fail(
        'E_MIGRATE_UNAVAILABLE',
        `the ${what} of "${op.name}" is not a ${formatType(op.type)} and must be migrated, which needs the sandbox; give "initial" or apply this in the studio`,
        index,
        `/${index}/migrate`
      );
    }
    const result = state.migrate(op.migrate, value);
    if (!result.ok)
      fail(
        'E_MIGRATE_FAILED',
        `migrating the ${what} of "${op.name}" failed: ${result.message}`,
        index,
        `/${index}/migrate`
      );
    const problem = checkValue(op.type, result.value);
    if (problem)
      fail(
        'E_MIGRATE_FAILED',
        `migrating the ${what} of "${op.name}" gave a value that ${problem.message} (expected ${formatType(op.type)})`,
        index,
        `/${index}/migrate`
      );
    return result.value;
  };
  let initial: JsonValue;
  if (op.initial !== undefined) {
    const problem = checkValue(op.type, op.initial);
    if (problem)
      fail(
        'E_STATE_TYPE_MISMATCH',
        `initial value${problem.path} ${problem.message} (the field is ${formatType(op.type)})`,
        index,
        `/${index}/initial`
      );
    initial = op.initial;
  } else {
    initial = migrate(field.initial, 'initial value');
  }
  const next = withState(state, component, {
    ...component.state,
    [op.name]: { ...field, type: op.type, initial }
  });
  for (const { node, prop } of usesOf(state, next, '$bind', op.name)) {
    const problem = checkProp(
      node.type,
      prop,
      node.props[prop] as PropValue,
      propContext(state, next)
    );
    if (problem)
      fail(
        problem.code,
        `${problem.message}; unbind ${node.type} ${node.id}.${prop} first`,
        index,
        `/${index}/type`
      );
  }
  // A `local` or `person` field has no stored value to migrate: each tab starts it afresh.
  if (isRoot(state, component))
    draft.setData(
      op.name,
      scopeOf(field) === 'shared'
        ? migrate(draft.data[op.name] ?? initial, 'current data')
        : initial
    );
  return {
    kind: 'retypeState',
    component: op.component,
    name: op.name,
    type: op.type as StateType
  };
}

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
