/**
 * The prop check's quick path (schema/props.ts `plainlyValid`) must never accept what the schema's
 * own validator refuses: every literal prop of every element, with values around each keyword.
 */
import { describe, expect, it } from 'vitest';
import { ELEMENTS } from '../../src/lib/schema/elements';
import { checkProp, type PropContext } from '../../src/lib/schema/props';
import { literalValidator } from '../../src/lib/schema/validators';

const ctx: PropContext = { state: {}, handlers: {}, componentProps: () => undefined };

function samples(schema: Record<string, unknown>): unknown[] {
  const values: unknown[] = ['', 'x', 'a'.repeat(5_000), 0, 1.5, -3, true, false, null, [], {}];
  values.push(NaN, Infinity, '😀'.repeat(300), 'https://example.com/a.png', '/logo.png');
  if (Array.isArray(schema.enum)) values.push(...schema.enum, `${schema.enum[0]}x`);
  if (typeof schema.maxLength === 'number')
    for (const n of [schema.maxLength - 1, schema.maxLength, schema.maxLength + 1])
      if (n >= 0) values.push('y'.repeat(n), '😀'.repeat(Math.ceil(n / 2)));
  return values;
}

describe('a literal prop is judged the same with and without the quick path', () => {
  it('agrees with the schema validator on every literal prop of every element', () => {
    let compared = 0;
    for (const [type, schema] of ELEMENTS)
      for (const [name, prop] of Object.entries(schema.properties)) {
        if (!prop['x-kinds'].includes('literal') || name === 'style') continue;
        const validate = literalValidator(type, name)!;
        for (const value of samples(prop as unknown as Record<string, unknown>)) {
          const problem = checkProp(type, name, value as never, ctx);
          if (!validate(value)) {
            expect(problem, `${type}.${name} = ${String(value).slice(0, 20)}`).not.toBeNull();
            compared++;
          } else if (problem) {
            // Accepted by the schema, refused for its address (x-url) only.
            expect(problem.code).toMatch(/E_PROP_TYPE|E_NETWORK/);
          }
        }
      }
    expect(compared).toBeGreaterThan(500);
  });
});
