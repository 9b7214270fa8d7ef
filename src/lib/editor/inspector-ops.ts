/**
 * The ops of each inspector and state panel action, as plain data: set or unset a prop, pick or
 * create a handler, bind, add / rename / retype / remove a state field, delete a node. What was
 * typed is parsed first (typed-input.ts), so a bad form gives a coded error and no ops; the
 * shell sends the ops with `studio.propose`.
 */
import { zeroValue } from '../schema/statetype';
import type { ComponentRecord, StateType } from '../model/types';
import {
  parseInitial,
  parseName,
  parseParams,
  parseStateType,
  refuse,
  type Parsed,
  type PropChange
} from './typed-input';

/** The ops that set or unset one prop. */
export function propChangeOps(nodeId: string, name: string, change: PropChange): unknown[] {
  return 'unset' in change
    ? [{ op: 'unsetProp', id: nodeId, name }]
    : [{ op: 'setProp', id: nodeId, name, value: change.set }];
}

/** Points a prop at an existing handler (`""` detaches it). */
export function pickHandlerOps(nodeId: string, prop: string, handler: string): unknown[] {
  return handler === ''
    ? [{ op: 'unsetProp', id: nodeId, name: prop }]
    : [{ op: 'setProp', id: nodeId, name: prop, value: { $handler: handler } }];
}

/** Binds a prop to a state field (`""` unbinds it, back to the default). */
export function bindOps(nodeId: string, prop: string, field: string): unknown[] {
  return field === ''
    ? [{ op: 'unsetProp', id: nodeId, name: prop }]
    : [{ op: 'setProp', id: nodeId, name: prop, value: { $bind: field } }];
}

/** What a person typed into a handler form. */
export interface HandlerInput {
  readonly name: string;
  /** Comma-separated. */
  readonly params: string;
  readonly body: string;
}

/** A setHandler op from a handler form, or the first problem with what was typed. */
export function setHandlerOp(component: string, input: HandlerInput): Parsed<unknown> {
  const name = parseName(input.name, 'handler');
  if (!name.ok) return name;
  const params = parseParams(input.params);
  if (!params.ok) return params;
  return {
    ok: true,
    value: {
      op: 'setHandler',
      component,
      name: name.value,
      params: params.value,
      body: input.body
    }
  };
}

/**
 * "New handler…" on an event prop: create the handler and point the prop at it in ONE batch,
 * so either both land or neither does (a handler the gate refuses leaves no dangling prop).
 */
export function createHandlerOps(
  component: ComponentRecord,
  nodeId: string,
  prop: string,
  input: HandlerInput
): Parsed<unknown[]> {
  const op = setHandlerOp(component.name, input);
  if (!op.ok) return op;
  const name = (op.value as { name: string }).name;
  if (Object.hasOwn(component.handlers, name))
    return refuse(
      'E_NAME_TAKEN',
      `${component.name} already has a handler "${name}"; pick it from the list or choose another name`
    );
  return {
    ok: true,
    value: [op.value, { op: 'setProp', id: nodeId, name: prop, value: { $handler: name } }]
  };
}

/** Removes a handler. */
export function removeHandlerOps(component: string, name: string): unknown[] {
  return [{ op: 'removeHandler', component, name }];
}

/** What a person typed into the add-state form. */
export interface StateInput {
  readonly name: string;
  readonly type: string;
  readonly initial: string;
}

/** An addState op from the form, or the first problem with it. */
export function addStateOps(component: string, input: StateInput): Parsed<unknown[]> {
  const name = parseName(input.name, 'state field');
  if (!name.ok) return name;
  const type = parseStateType(input.type);
  if (!type.ok) return type;
  const initial = parseInitial(input.initial, type.value);
  if (!initial.ok) return initial;
  return {
    ok: true,
    value: [
      { op: 'addState', component, name: name.value, type: type.value, initial: initial.value }
    ]
  };
}

/** Renames a state field; bindings and data follow on the server. */
export function renameStateOps(component: string, from: string, to: string): Parsed<unknown[]> {
  const name = parseName(to, 'state field');
  if (!name.ok) return name;
  return { ok: true, value: [{ op: 'renameState', component, from, to: name.value }] };
}

/** Retypes a state field, migrating its data with an expression of `value`. */
export function retypeStateOps(
  component: string,
  name: string,
  typeInput: string,
  migrate: string
): Parsed<unknown[]> {
  const type = parseStateType(typeInput);
  if (!type.ok) return type;
  const expression = migrate.trim();
  if (expression === '')
    return refuse(
      'E_FIELD_MISSING',
      'say how existing values become the new type, e.g. String(value); `value` keeps them'
    );
  return {
    ok: true,
    value: [{ op: 'retypeState', component, name, type: type.value, migrate: expression }]
  };
}

/** Removes a state field. */
export function removeStateOps(component: string, name: string): unknown[] {
  return [{ op: 'removeState', component, name }];
}

/** Deletes a node and its subtree. */
export function removeNodeOps(id: string): unknown[] {
  return [{ op: 'removeNode', id }];
}

/**
 * A migration expression to prefill when a field changes type: a conversion of `value` that
 * works for the common cases, for the person to adjust.
 */
export function suggestMigration(from: StateType, to: StateType): string {
  if (JSON.stringify(from) === JSON.stringify(to)) return 'value';
  if (to === 'string') return typeof from === 'string' ? 'String(value)' : 'JSON.stringify(value)';
  if (to === 'number') return from === 'boolean' ? '(value ? 1 : 0)' : 'Number(value) || 0';
  if (to === 'boolean') return 'Boolean(value)';
  if (typeof to === 'object' && 'array' in to)
    return typeof from === 'object' && 'array' in from ? 'value' : '[value]';
  if (typeof to === 'object' && 'optional' in to) return 'value';
  return JSON.stringify(zeroValue(to));
}
