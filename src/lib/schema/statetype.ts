/**
 * State types (`"number"`, `{"array": T}`, ...): checking a value against one, the zero value of
 * one, and equality. Pure; shared by the planner, the app file loader and, later, the runtime.
 */
import { formatStateType } from './statetype-text';
import type { JsonValue, StateType } from './types.generated';

/** A problem with a value, located by a JSON-pointer-like path below the value. */
export interface TypeProblem {
  readonly path: string;
  readonly message: string;
  /** Set when the value is not plain JSON at all (see below), rather than of another type. */
  readonly code?: 'E_DATA_NOT_PLAIN';
}

/**
 * Why plain JSON only: lib0's decoder (Yjs maps holding JSON) builds objects by assignment, so
 * a key `__proto__` gives a decoded object a prototype, and reading `record.title` then reads it
 * through that prototype: `[{"__proto__": {"title": "x"}}]` passed as a list of `{title:
 * string}` and made `/apps/ID` answer 500 for everyone. Objects must have `Object.prototype` (or
 * null) as prototype, no own key `__proto__`, and fields are read as own properties only.
 * (The same rule for untyped values is src/lib/model/plain.ts; this folder imports nothing of
 * ours, so it is restated here for the typed walk.)
 */
function notPlain(value: unknown, path: string): TypeProblem | null {
  if (Array.isArray(value))
    return Object.getPrototypeOf(value) === Array.prototype
      ? null
      : {
          path,
          message: 'a list with a foreign prototype is not plain JSON',
          code: 'E_DATA_NOT_PLAIN'
        };
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    return {
      path,
      message: 'an object with a prototype (a key “__proto__”) is not plain JSON',
      code: 'E_DATA_NOT_PLAIN'
    };
  if (Object.hasOwn(value as object, '__proto__'))
    return {
      path: `${path}/__proto__`,
      message: 'the key “__proto__” is not allowed',
      code: 'E_DATA_NOT_PLAIN'
    };
  return null;
}

/**
 * Whether `type` is a state type at all (a field name from input may have found `constructor`),
 * built as plain JSON: then `'array' in type` below sees own keys only (Object.prototype has no
 * key of those names), and a type with a decoded prototype is no type.
 */
function isStateType(type: unknown): type is StateType {
  if (type === 'number' || type === 'string' || type === 'boolean') return true;
  if (!type || typeof type !== 'object' || Array.isArray(type)) return false;
  const proto = Object.getPrototypeOf(type);
  if (proto !== Object.prototype && proto !== null) return false;
  const t = type as Record<string, unknown>;
  if (Object.hasOwn(t, 'object')) return !!t.object && typeof t.object === 'object';
  return ['optional', 'enum', 'array'].some((k) => Object.hasOwn(t, k));
}

/** Returns the first way `value` fails to be a `type`, or null when it fits. */
export function checkValue(type: StateType, value: unknown, path = ''): TypeProblem | null {
  if (!isStateType(type)) return { path, message: 'the field has no known state type' };
  if (value !== null && typeof value === 'object') {
    const problem = notPlain(value, path);
    if (problem) return problem;
  }
  if (type === 'number') {
    return typeof value === 'number' && Number.isFinite(value)
      ? null
      : { path, message: `expected a number, got ${describe(value)}` };
  }
  if (type === 'string') {
    return typeof value === 'string'
      ? null
      : { path, message: `expected a string, got ${describe(value)}` };
  }
  if (type === 'boolean') {
    return typeof value === 'boolean'
      ? null
      : { path, message: `expected true or false, got ${describe(value)}` };
  }
  if ('optional' in type) {
    return value === null || value === undefined ? null : checkValue(type.optional, value, path);
  }
  if ('enum' in type) {
    return (type.enum as readonly unknown[]).includes(value)
      ? null
      : {
          path,
          message: `expected one of ${type.enum.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(value)}`
        };
  }
  if ('array' in type) {
    if (!Array.isArray(value)) return { path, message: `expected a list, got ${describe(value)}` };
    for (let i = 0; i < value.length; i++) {
      const problem = checkValue(type.array, value[i], `${path}/${i}`);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { path, message: `expected an object, got ${describe(value)}` };
  }
  const record = value as Record<string, unknown>;
  for (const [field, fieldType] of Object.entries(type.object)) {
    // Own fields only: never a value found through a prototype.
    const own = Object.hasOwn(record, field) ? record[field] : undefined;
    const problem = checkValue(fieldType, own, `${path}/${field}`);
    if (problem) return problem;
  }
  for (const field of Object.keys(record)) {
    if (!Object.hasOwn(type.object, field))
      return { path: `${path}/${field}`, message: `unexpected field "${field}"` };
  }
  return null;
}

/** The value a new field of this type starts with when nobody says otherwise. */
export function zeroValue(type: StateType): JsonValue {
  if (type === 'number') return 0;
  if (type === 'string') return '';
  if (type === 'boolean') return false;
  if ('optional' in type) return null;
  if ('enum' in type) return type.enum[0];
  if ('array' in type) return [];
  return Object.fromEntries(Object.entries(type.object).map(([k, t]) => [k, zeroValue(t)]));
}

/**
 * A state type as text: the one printer, `formatStateType` of ./statetype-text.ts, under the
 * name the planner's and the AI's messages have always called.
 */
export const formatType: (type: StateType) => string = formatStateType;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
