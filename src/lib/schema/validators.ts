/**
 * JSON Schema validators (Ajv, draft 2020-12) for the op language, the app file and each element
 * prop's literal values: compiled ahead of time into validators.generated.js (scripts/
 * gen-validators.ts, `npm run schemas`; a test fails when it is out of date), so nothing compiles
 * a schema at run time. Ajv's options there: `strict: false` (the schemas carry `x-` editor
 * hints), `verbose: true` (errors carry their `parentSchema`, whose description the op errors
 * quote), first error only.
 */
import type { ValidateFunction, ErrorObject } from 'ajv/dist/2020.js';
import * as generated from './validators.generated.js';
import { ELEMENTS } from './elements';
import { validatorName } from './validator-names';

export type { ErrorObject };

const validators = generated as unknown as Readonly<Record<string, ValidateFunction | undefined>>;

/** The validator of one definition of ops.schema.json or app.schema.json (`AddNodeOp`, `Handler`, ...). */
export function opsDefinition(name: string): ValidateFunction {
  const fn = validators[validatorName.definition(name)];
  if (!fn) throw new Error(`the schemas have no definition ${name}`);
  return fn;
}

/** The validator of a whole app file. */
export function appFileValidator(): ValidateFunction {
  return validators[validatorName.app()]!;
}

/** The validator of a literal value of one prop of a built-in element. */
export function literalValidator(type: string, prop: string): ValidateFunction | undefined {
  if (!ELEMENTS.get(type)?.properties[prop]) return undefined;
  return validators[validatorName.literal(type, prop)];
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
