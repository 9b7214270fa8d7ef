/**
 * The first two checks of a batch, before anything looks at the app: the batch is an array of
 * bounded size and nesting (input), and each op has the shape ops.schema.json gives it (shape).
 * A hostile batch (10 MB of ops, children nested thousands deep) is refused here in linear time
 * with a bounded stack, before Ajv or the planner recurse into it.
 */
import { catalogError, editError, type EditError } from '../errors';
import { opsDefinition, describeAjvError, type ErrorObject } from '../schema/validators';
import type { Op } from '../model/types';

/** Limits on one batch. */
export const BATCH_LIMITS = {
  /** Approximate JSON size of the whole batch. */
  bytes: 2_000_000,
  ops: 2000,
  /** Nesting of JSON values (children specs count two levels each). */
  depth: 64,
  /** Nodes created by one batch, nested children included. */
  nodes: 5000
} as const;

/** Every op name with its schema definition. */
export const OP_DEFINITIONS: Readonly<Record<Op['op'], string>> = {
  addNode: 'AddNodeOp',
  removeNode: 'RemoveNodeOp',
  moveNode: 'MoveNodeOp',
  setProp: 'SetPropOp',
  unsetProp: 'UnsetPropOp',
  addComponent: 'AddComponentOp',
  removeComponent: 'RemoveComponentOp',
  renameComponent: 'RenameComponentOp',
  declareProp: 'DeclarePropOp',
  removeDeclaredProp: 'RemoveDeclaredPropOp',
  extractComponent: 'ExtractComponentOp',
  addState: 'AddStateOp',
  removeState: 'RemoveStateOp',
  renameState: 'RenameStateOp',
  retypeState: 'RetypeStateOp',
  setStateScope: 'SetStateScopeOp',
  setHandler: 'SetHandlerOp',
  removeHandler: 'RemoveHandlerOp',
  setCapabilities: 'SetCapabilitiesOp',
  setMeta: 'SetMetaOp'
};

/** Walks a JSON value iteratively, measuring depth and size; stops early past the limits. */
function measure(value: unknown): { depth: number; bytes: number; tooDeepAt?: string } {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  let bytes = 0;
  let depth = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    depth = Math.max(depth, item.depth);
    if (item.depth > BATCH_LIMITS.depth) return { depth, bytes, tooDeepAt: item.path };
    const v = item.value;
    if (typeof v === 'string') bytes += v.length + 2;
    else if (v === null || typeof v !== 'object') bytes += 8;
    else if (Array.isArray(v)) {
      bytes += 2 + v.length;
      for (let i = 0; i < v.length; i++)
        stack.push({ value: v[i], depth: item.depth + 1, path: `${item.path}/${i}` });
    } else {
      for (const [k, child] of Object.entries(v)) {
        bytes += k.length + 4;
        stack.push({ value: child, depth: item.depth + 1, path: `${item.path}/${k}` });
      }
    }
    if (bytes > BATCH_LIMITS.bytes) return { depth, bytes };
  }
  return { depth, bytes };
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(
        row[j] + 1,
        row[j - 1] + 1,
        prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1)
      );
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The closest of `candidates` to `word`, if it is close enough to be a likely typo. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3))
    ? best
    : undefined;
}

function shapeError(error: ErrorObject, opIndex: number, opName: string): EditError {
  const path = `/${opIndex}${error.instancePath}`;
  const field = error.instancePath
    ? `field ${error.instancePath.slice(1).replaceAll('/', '.')}`
    : 'op';
  const described = (error.parentSchema as { description?: string } | undefined)?.description;
  switch (error.keyword) {
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      return catalogError(
        'E_FIELD_MISSING',
        { owner: opName, field: missing },
        {
          op: opIndex,
          path: `${path}/${missing}`
        }
      );
    }
    case 'additionalProperties': {
      const extra = String((error.params as { additionalProperty: string }).additionalProperty);
      return catalogError(
        'E_FIELD_UNKNOWN',
        { owner: opName, field: extra },
        {
          op: opIndex,
          path: `${path}/${extra}`
        }
      );
    }
    case 'type':
      return editError('E_FIELD_TYPE', `${opName} ${field} ${describeAjvError(error)}`, {
        op: opIndex,
        path
      });
    case 'anyOf':
    case 'oneOf':
      return editError(
        'E_FIELD_VALUE',
        `${opName} ${field} is not valid${described ? `: ${described}` : ''}`,
        { op: opIndex, path }
      );
    default:
      return editError('E_FIELD_VALUE', `${opName} ${field} ${describeAjvError(error)}`, {
        op: opIndex,
        path
      });
  }
}

/** Checks the batch as a whole and the shape of each op. Returns the typed ops, or every error. */
export function checkBatchInput(
  batch: unknown
): { ok: true; ops: Op[] } | { ok: false; errors: EditError[] } {
  if (!Array.isArray(batch)) {
    return {
      ok: false,
      errors: [catalogError('E_BATCH_NOT_ARRAY', {})]
    };
  }
  if (batch.length > BATCH_LIMITS.ops) {
    return {
      ok: false,
      errors: [
        editError(
          'E_BATCH_TOO_LARGE',
          `the batch has ${batch.length} ops; at most ${BATCH_LIMITS.ops} are allowed, so split it`
        )
      ]
    };
  }
  const size = measure(batch);
  if (size.tooDeepAt !== undefined) {
    const op = Number(size.tooDeepAt.split('/')[1]);
    return {
      ok: false,
      errors: [
        catalogError('E_TOO_DEEP', { depth: BATCH_LIMITS.depth }, { op, path: size.tooDeepAt })
      ]
    };
  }
  if (size.bytes > BATCH_LIMITS.bytes) {
    return {
      ok: false,
      errors: [
        editError(
          'E_BATCH_TOO_LARGE',
          `the batch is over ${BATCH_LIMITS.bytes / 1_000_000} MB; split it into smaller batches`
        )
      ]
    };
  }
  const errors: EditError[] = [];
  batch.forEach((op: unknown, i) => {
    if (op === null || typeof op !== 'object' || Array.isArray(op)) {
      errors.push(
        catalogError(
          'E_OP_NOT_OBJECT',
          { index: i },
          {
            op: i,
            path: `/${i}`
          }
        )
      );
      return;
    }
    const name = (op as { op?: unknown }).op;
    if (typeof name !== 'string' || !Object.hasOwn(OP_DEFINITIONS, name)) {
      const hint =
        typeof name === 'string' ? suggest(name, Object.keys(OP_DEFINITIONS)) : undefined;
      errors.push(
        editError(
          'E_UNKNOWN_OP',
          typeof name === 'string'
            ? `unknown op "${name}"${hint ? `; did you mean "${hint}"?` : `; known ops: ${Object.keys(OP_DEFINITIONS).join(', ')}`}`
            : `op ${i} has no "op" field naming the operation`,
          { op: i, path: `/${i}/op` }
        )
      );
      return;
    }
    const validate = opsDefinition(OP_DEFINITIONS[name as Op['op']]);
    if (!validate(op)) {
      // Inside an anyOf (prop values, state types) the branch errors say little; the anyOf says what is wanted.
      const all = validate.errors!;
      errors.push(
        shapeError(
          all.find((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf') ?? all[0],
          i,
          name
        )
      );
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, ops: batch as Op[] };
}
