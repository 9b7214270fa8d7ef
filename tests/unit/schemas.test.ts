/**
 * The schemas are the one source of truth: the registry holds every element file, every default
 * fits its prop, the op schema and the planner know the same ops, the generated TypeScript types
 * are current, and every error code the source raises is in the catalog.
 */
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ELEMENTS } from '../../src/lib/schema/elements';
import { literalValidator, opsDefinition } from '../../src/lib/schema/validators';
import { OP_DEFINITIONS } from '../../src/lib/ops/input';
import { ERROR_CATALOG } from '../../src/lib/ops/errors';
import opsSchema from '../../schemas/ops.schema.json';

const root = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.(ts|svelte)$/.test(e.name)
        ? [join(dir, e.name)]
        : []
  );
}

describe('schema files', () => {
  // The product's Ajv skips this check (validateSchema: false, src/lib/schema/validators.ts).
  it('every file in schemas/ is a valid JSON Schema (draft 2020-12)', () => {
    const meta = new Ajv2020({ strict: false });
    const files = [
      'schemas/app.schema.json',
      'schemas/ops.schema.json',
      ...readdirSync(join(root, 'schemas/elements')).map((f) => `schemas/elements/${f}`)
    ];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const schema = JSON.parse(readFileSync(join(root, file), 'utf8'));
      expect(meta.validateSchema(schema), `${file}: ${meta.errorsText()}`).toBe(true);
    }
  });

  it('a schema that is not valid JSON Schema is caught', () => {
    const meta = new Ajv2020({ strict: false });
    expect(meta.validateSchema({ type: 'strnig', properties: [] })).toBe(false);
  });
});

describe('element schemas', () => {
  it('the registry holds every file in schemas/elements, and the 20 built-in types', () => {
    const files = readdirSync(join(root, 'schemas/elements'))
      .filter((f) => f.endsWith('.schema.json'))
      .map((f) => f.replace('.schema.json', ''));
    expect([...ELEMENTS.keys()].sort()).toEqual(files.sort());
    for (const t of [
      'Stack',
      'Grid',
      'Card',
      'Divider',
      'Spacer',
      'Heading',
      'Text',
      'Image',
      'Icon',
      'Badge',
      'Link',
      'Button',
      'TextInput',
      'TextArea',
      'Checkbox',
      'Toggle',
      'Select',
      'Slider',
      'NumberInput',
      'Each',
      'If'
    ]) {
      expect(ELEMENTS.has(t), t).toBe(true);
    }
  });

  for (const [type, schema] of ELEMENTS) {
    it(`${type}: every prop has kinds and an editor, and its default fits`, () => {
      for (const [name, prop] of Object.entries(schema.properties)) {
        expect(prop['x-kinds'].length, `${type}.${name}`).toBeGreaterThan(0);
        expect(prop['x-editor'], `${type}.${name}`).toMatch(
          /^(text|textarea|number|color|enum|toggle|icon|expression|handler|style)$/
        );
        if (prop['x-kinds'].includes('handler')) continue;
        expect(literalValidator(type, name)!(prop.default), `${type}.${name} default`).toBe(true);
      }
      if (schema['x-container'])
        expect(schema.properties.theme?.enum).toEqual(['inherit', 'light', 'dark']);
    });
  }
});

describe('op schema', () => {
  it('defines exactly the ops the planner applies', () => {
    const inSchema = (opsSchema.$defs.Op.oneOf as { $ref: string }[]).map((r) =>
      r.$ref.split('/').pop()
    );
    expect(inSchema.sort()).toEqual(Object.values(OP_DEFINITIONS).sort());
    for (const [op, def] of Object.entries(OP_DEFINITIONS)) {
      expect(
        (opsSchema.$defs as unknown as Record<string, { properties: { op: { const: string } } }>)[
          def
        ].properties.op.const
      ).toBe(op);
    }
  });

  it('accepts the DESIGN.md dark-mode example', () => {
    const ops = [
      { op: 'addState', component: 'App', name: 'dark', type: 'boolean', initial: false },
      {
        op: 'addNode',
        parent: 's1',
        index: 0,
        type: 'Toggle',
        props: { label: 'Dark mode', checked: { $bind: 'dark' } }
      },
      { op: 'setProp', id: 's1', name: 'theme', value: { $expr: "state.dark ? 'dark' : 'light'" } }
    ];
    for (const op of ops) expect(opsDefinition('Op')(op)).toBe(true);
  });

  it('the generated TypeScript types are up to date (npm run schemas)', () => {
    const out = execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/tsx/dist/cli.mjs'),
        join(root, 'scripts/gen-schema-types.ts'),
        '--check'
      ],
      { encoding: 'utf8' }
    );
    expect(out).toContain('up to date');
  });

  it('the precompiled validators are up to date (npm run schemas)', async () => {
    const { validatorsModule } = await import('../../scripts/gen-validators');
    const { code, types } = validatorsModule();
    expect(readFileSync(join(root, 'src/lib/schema/validators.generated.js'), 'utf8')).toBe(code);
    expect(readFileSync(join(root, 'src/lib/schema/validators.generated.d.ts'), 'utf8')).toBe(
      types
    );
  });
});

describe('error catalog', () => {
  it('holds every code the source raises', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(root, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'(E_[A-Z_]+)'/g)) used.add(m[1]);
    }
    const missing = [...used].filter((code) => !Object.hasOwn(ERROR_CATALOG, code));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(30);
  });
});
