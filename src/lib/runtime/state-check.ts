/**
 * The state check: what comes back from the worker (a handler's new state) and what a caller
 * hands in (the data to render) is checked against the component's declared state types before
 * the host renders it or anyone commits it. A mismatch is `E_STATE_TYPE_MISMATCH` and changes
 * nothing. The worker runs guest code, so its state is normalised to JSON first: a subverted
 * worker could send anything structured clone carries.
 */
import type { ComponentRecord, JsonValue, StateType } from '../model/types';
import { checkValue } from '../schema/statetype';
import { fail, type Failure } from './failure';

/** The app's data: the root component's state, field → value. */
export type AppData = Readonly<Record<string, JsonValue>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A component's new state, from the worker, as the app's data: JSON-normalised (the worker sends
 * plain data, but a subverted one could send anything structured clone carries), every declared
 * field present (a missing optional one is `null`, as the document would read it), and checked
 * against the declared types.
 */
export function checkState(
  component: ComponentRecord,
  state: unknown,
  what: string
): { ok: true; data: Record<string, JsonValue> } | Failure {
  let value: unknown;
  try {
    value = JSON.parse(JSON.stringify(state ?? null));
  } catch {
    value = undefined;
  }
  if (!isRecord(value)) return mismatch(component, `${what} is not an object of state fields`);
  const data = value as Record<string, JsonValue>;
  for (const [field, decl] of Object.entries(component.state)) {
    if (data[field] === undefined && typeof decl.type === 'object' && 'optional' in decl.type) {
      data[field] = null;
    }
  }
  const problem = checkData(component, data, what);
  return problem ?? { ok: true, data };
}

/**
 * Data handed in by the caller (read from the document, already plain JSON): checked against
 * the declared types, not copied, so rendering a large app's data costs no extra copy.
 */
export function checkGiven(
  component: ComponentRecord,
  data: AppData
): { ok: true; data: AppData } | Failure {
  if (!isRecord(data)) return mismatch(component, 'the app data is not an object of state fields');
  return checkData(component, data, 'the app data') ?? { ok: true, data };
}

function checkData(component: ComponentRecord, data: unknown, what: string): Failure | null {
  const types: Record<string, StateType> = {};
  for (const [field, decl] of Object.entries(component.state)) types[field] = decl.type;
  const problem = checkValue({ object: types }, data);
  if (!problem) return null;
  const field = `state${problem.path.split('/').join('.')}`;
  return mismatch(component, `${what}: ${field} is wrong, ${problem.message}`);
}

function mismatch(component: ComponentRecord, message: string): Failure {
  return fail('E_STATE_TYPE_MISMATCH', `${message}; nothing was changed`, {
    component: component.name
  });
}
