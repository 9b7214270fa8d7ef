/**
 * Applying the state field ops: addState, removeState, renameState, retypeState (with its data
 * migration) and setStateScope. See apply.ts for the rules every applier follows.
 */
import { checkValue, formatType } from '../schema/statetype';
import { checkProp } from '../schema/props';
import type {
  ComponentRecord,
  JsonValue,
  Op,
  PropValue,
  StateField,
  StateType
} from '../model/types';
import { scopeOf } from '../model/types';
import { componentRef, fail, propContext, type PlanState } from './apply';
import type { OpDescription } from './summary';
import { checkName, isRoot, listUses, stateField, usesOf } from './definition-refs';

function withState(
  state: PlanState,
  component: ComponentRecord,
  fields: Record<string, StateField>
): ComponentRecord {
  const next = { ...component, state: fields };
  state.draft.setComponent(next);
  return next;
}

export function addState(
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
export function setStateScope(
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

export function removeState(
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

export function renameState(
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

export function retypeState(
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
