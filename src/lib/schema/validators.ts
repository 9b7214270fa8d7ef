/**
 * Compiled JSON Schema validators (Ajv, draft 2020-12) for the op language, the app file and each
 * element prop's literal values. Compiled lazily and cached: a validator is built the first time
 * it is asked for.
 */
import { Ajv2020, type ValidateFunction, type ErrorObject } from 'ajv/dist/2020.js';
import opsSchema from '../../../schemas/ops.schema.json';
import appSchema from '../../../schemas/app.schema.json';
import { ELEMENTS } from './elements';

export type { ErrorObject };

// strict: false lets the schemas carry their `x-` editor hints, which Ajv does not know.
// validateSchema: false: the schemas are ours and fixed, so checking them against the JSON Schema
// meta-schema in every process (compiling it first) is work without news, about 80 ms of every
// cold start (a CLI command, a page); tests/unit/schemas.test.ts checks every schema file instead.
const ajv = new Ajv2020({ strict: false, allErrors: false, verbose: true, validateSchema: false });
ajv.addSchema(opsSchema, 'ops.schema.json');
ajv.addSchema(appSchema, 'app.schema.json');

const cache = new Map<string, ValidateFunction>();

function compiled(key: string, make: () => ValidateFunction): ValidateFunction {
  let fn = cache.get(key);
  if (!fn) {
    fn = make();
    cache.set(key, fn);
  }
  return fn;
}

/** The validator of one definition of ops.schema.json or app.schema.json (`AddNodeOp`, `Handler`, ...). */
export function opsDefinition(name: string): ValidateFunction {
  return compiled(`def:${name}`, () => {
    const fn =
      ajv.getSchema(`ops.schema.json#/$defs/${name}`) ??
      ajv.getSchema(`app.schema.json#/$defs/${name}`);
    if (!fn) throw new Error(`the schemas have no definition ${name}`);
    return fn;
  });
}

/** The validator of a whole app file. */
export function appFileValidator(): ValidateFunction {
  return compiled('app', () => ajv.getSchema('app.schema.json')!);
}

/** The validator of a literal value of one prop of a built-in element. */
export function literalValidator(type: string, prop: string): ValidateFunction | undefined {
  const schema = ELEMENTS.get(type)?.properties[prop];
  if (!schema) return undefined;
  return compiled(`el:${type}.${prop}`, () => {
    const literal = Object.fromEntries(
      Object.entries(schema).filter(([k]) => !k.startsWith('x-') && k !== 'default')
    );
    return ajv.compile(literal);
  });
}

/** One Ajv error in a sentence (`must be string`, `must be one of "a", "b"`). */
export function describeAjvError(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'pattern':
      return `does not have the allowed form (${String(p.pattern)})`;
    case 'additionalProperties':
      return `has a field "${String(p.additionalProperty)}" it does not take`;
    case 'required':
      return `needs the field "${String(p.missingProperty)}"`;
    default:
      return error.message ?? 'is not valid';
  }
}
