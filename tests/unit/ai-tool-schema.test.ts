/**
 * The propose_changes tool follows the op schema, scopes included (issue 15): the op list, each
 * op's fields and required fields, and the state scopes, read from schemas/ops.schema.json and
 * from the tool's input_schema the way the model reads it (following its own `$ref`s). A new op
 * or field in the schema that the tool does not carry fails here; so does a tool schema edited
 * by hand (shown on a tampered copy).
 */
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import opsSchema from '../../schemas/ops.schema.json';
import { systemPrompt } from '../../src/lib/ai/context';
import { PROPOSE_CHANGES_TOOL } from '../../src/lib/ai/tool';

type Schema = Record<string, unknown>;

/** One op as a schema describes it: its fields and which are required. */
interface OpShape {
  readonly fields: string[];
  readonly required: string[];
}

/** Follows a local `#/$defs/X` reference inside `root`. */
function resolve(root: Schema, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const match = /^#\/\$defs\/(.+)$/.exec(ref);
  const def = match ? (root.$defs as Record<string, Schema> | undefined)?.[match[1]] : undefined;
  if (!def) throw new Error(`unresolved reference ${ref}`);
  return resolve(root, def);
}

/** The ops of a batch schema (`{ type: array, items: Op }`), by op name, inside `root`. */
function opsOf(root: Schema, batch: Schema): Map<string, OpShape> {
  const op = resolve(root, batch.items as Schema);
  const out = new Map<string, OpShape>();
  for (const variant of op.oneOf as Schema[]) {
    const def = resolve(root, variant);
    const properties = def.properties as Record<string, Schema>;
    const name = properties.op.const as string;
    out.set(name, {
      fields: Object.keys(properties).sort(),
      required: [...((def.required as string[]) ?? [])].sort()
    });
  }
  return out;
}

/** The enum of StateScope as `root` spells it. */
function scopes(root: Schema): string[] {
  const def = (root.$defs as Record<string, Schema>).StateScope;
  return [...((def.enum as string[]) ?? [])].sort();
}

const input = PROPOSE_CHANGES_TOOL.input_schema as unknown as Schema;
const toolBatch = (input.properties as Record<string, Schema>).ops;
const fromSchema = opsOf(opsSchema as Schema, opsSchema as Schema);
const fromTool = opsOf(input, toolBatch);

/** What the tool lacks or has differently, op by op (empty when it follows the schema). */
function differences(tool: Map<string, OpShape>): string[] {
  const out: string[] = [];
  for (const [name, shape] of fromSchema) {
    const got = tool.get(name);
    if (!got) out.push(`missing op ${name}`);
    else {
      for (const f of shape.fields)
        if (!got.fields.includes(f)) out.push(`${name}: missing field ${f}`);
      if (JSON.stringify(got.required) !== JSON.stringify(shape.required))
        out.push(`${name}: required ${got.required} instead of ${shape.required}`);
    }
  }
  for (const name of tool.keys()) if (!fromSchema.has(name)) out.push(`extra op ${name}`);
  return out;
}

describe('the propose_changes tool follows the op schema', () => {
  it('has every op of the schema, each with the same fields and required fields', () => {
    expect(fromSchema.size).toBe((opsSchema.$defs.Op.oneOf as unknown[]).length);
    expect(differences(fromTool)).toEqual([]);
    expect([...fromTool.keys()].sort()).toEqual([...fromSchema.keys()].sort());
  });

  it('carries the scopes: addState takes one, setStateScope changes it, the same three values', () => {
    expect(scopes(input)).toEqual(scopes(opsSchema as Schema));
    expect(scopes(input)).toEqual(['local', 'person', 'shared']);
    expect(fromTool.get('addState')!.fields).toContain('scope');
    expect(fromTool.get('setStateScope')).toEqual(fromSchema.get('setStateScope'));
    expect(fromTool.get('setStateScope')!.required).toContain('scope');
  });

  it('validates scopes as the schema does', () => {
    const validate = new Ajv2020({ strict: false }).compile(input);
    const add = (scope: unknown) => ({
      summary: 'a filter',
      ops: [{ op: 'addState', component: 'App', name: 'query', type: 'string', initial: '', scope }]
    });
    expect(validate(add('local'))).toBe(true);
    expect(validate(add('person'))).toBe(true);
    expect(validate(add('cloud'))).toBe(false);
    const move = { op: 'setStateScope', component: 'App', name: 'dark', scope: 'person' };
    expect(validate({ summary: 'x', ops: [move] })).toBe(true);
    expect(validate({ summary: 'x', ops: [{ ...move, scope: undefined }] })).toBe(false);
  });

  it('fails when the tool drops an op or a field (a tampered copy)', () => {
    const tampered = structuredClone(input) as Schema & { $defs: Record<string, Schema> };
    delete (tampered.$defs.AddStateOp.properties as Schema).scope;
    tampered.$defs.Op.oneOf = (tampered.$defs.Op.oneOf as Schema[]).filter(
      (v) => v.$ref !== '#/$defs/SetStateScopeOp'
    );
    const toolOps = opsOf(tampered, (tampered.properties as Record<string, Schema>).ops);
    expect(differences(toolOps)).toEqual([
      'addState: missing field scope',
      'missing op setStateScope'
    ]);
  });

  it('names every op and the scope field in the system prompt too', () => {
    const prompt = systemPrompt();
    for (const name of fromSchema.keys()) expect(prompt).toContain(name);
    expect(prompt).toMatch(/scope/);
    for (const scope of scopes(opsSchema as Schema)) expect(prompt).toContain(scope);
  });
});
