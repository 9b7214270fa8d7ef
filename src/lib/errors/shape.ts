/**
 * The shape stage: each op against schemas/ops.schema.json, and each record a peer or a file
 * writes against the shape the app reads. A wrong form is a 400; a value of the right form that
 * is not allowed (E_FIELD_VALUE) is a 422, like the plan's refusals.
 */
import { didYouMean, stageEntries } from './entry';

/** The shape stage's codes. */
export const SHAPE_ERRORS = stageEntries('shape', {
  E_OP_NOT_OBJECT: {
    status: 400,
    meaning: 'An op must be a JSON object with an "op" field.',
    message: ({ index }: { index: number }) => `op ${index} must be an object with an "op" field`
  },
  E_UNKNOWN_OP: {
    status: 400,
    meaning: 'The "op" field names no known operation.',
    message: ({ name, hint }: { name: string; hint?: string }) =>
      `unknown op "${name}"${didYouMean(hint)}`
  },
  E_FIELD_MISSING: {
    status: 400,
    meaning: 'A required field of the op is missing.',
    message: ({ owner, field }: { owner: string; field: string }) =>
      `${owner} needs the field "${field}"`
  },
  E_FIELD_UNKNOWN: {
    status: 400,
    meaning: 'The op has a field its operation does not take.',
    message: ({ owner, field }: { owner: string; field: string }) =>
      `${owner} takes no field "${field}"`
  },
  E_FIELD_TYPE: {
    status: 400,
    meaning: 'A field has the wrong JSON type.',
    message: ({ field, expected }: { field: string; expected: string }) =>
      `${field} must be ${expected}`
  },
  E_FIELD_VALUE: {
    // The form is right and the value is not allowed: unprocessable, as a plan refusal is.
    status: 422,
    meaning: 'A field has the right type but a value outside what is allowed.',
    message: ({ field, allowed }: { field: string; allowed: string }) =>
      `${field} must be ${allowed}`
  },
  E_PEER_INVALID: {
    status: 400,
    meaning:
      'A live update writes a record the app cannot read (a malformed node, prop, component or value), or outside the app’s document.',
    message: ({ where, why }: { where: string; why: string }) =>
      `the live update writes ${where} the app cannot read: ${why}`
  },
  E_HISTORY_INVALID: {
    status: 400,
    meaning:
      'A history entry has a field of the wrong type or size, an unknown source, or is restorable when its author may not restore.',
    message: ({ why }: { why: string }) => `the history entry is refused: ${why}`
  },
  E_META_INVALID: {
    status: 400,
    meaning: 'The app’s meta may only hold its title, theme and version, each a short plain value.',
    message: ({ key }: { key: string }) =>
      `the app’s meta may not hold “${key}” as written: only its title, theme and version, each a short plain value`
  },
  E_DATA_NOT_PLAIN: {
    status: 400,
    meaning:
      'A value is not plain JSON (an object with a prototype, or a key such as `__proto__` that is not its own).',
    message: ({ where, why }: { where: string; why: string }) => `${where}: ${why}`
  }
});
