/**
 * The one printer and parser of state types (src/lib/schema/statetype-text.ts): every shape of
 * state type prints as text that parses back to the same type; every text the parser reads
 * prints back as its canonical spelling; bad text is a coded error, never an exception.
 */
import { describe, expect, it } from 'vitest';
import type { StateType } from '../../src/lib/model/types';
import {
  formatStateType,
  MAX_TYPE_DEPTH,
  parseStateType
} from '../../src/lib/schema/statetype-text';
import { formatType } from '../../src/lib/schema/statetype';
import { opsDefinition } from '../../src/lib/schema/validators';

function parsed(text: string): StateType {
  const result = parseStateType(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const item: StateType = { object: { id: 'number', title: 'string', done: 'boolean' } };

/** Every shape, alone and nested in every other, with its canonical text. */
const SHAPES: [StateType, string][] = [
  ['number', 'number'],
  ['string', 'string'],
  ['boolean', 'boolean'],
  [{ array: 'string' }, 'string[]'],
  [{ array: { array: 'number' } }, 'number[][]'],
  [{ object: {} }, '{}'],
  [item, '{ id: number; title: string; done: boolean }'],
  [{ array: item }, '{ id: number; title: string; done: boolean }[]'],
  [{ enum: ['low', 'high'] }, '"low" | "high"'],
  [{ enum: ['only'] }, '"only"'],
  [{ enum: ['a', 2, -3, 1.5] }, '"a" | 2 | -3 | 1.5'],
  [
    { enum: ['say "hi"', 'back\\slash', 'new\nline', "it's"] },
    String.raw`"say \"hi\"" | "back\\slash" | "new\nline" | "it's"`
  ],
  [{ optional: 'number' }, 'number | null'],
  [{ optional: { enum: ['a', 'b'] } }, '"a" | "b" | null'],
  [{ optional: { optional: 'string' } }, '(string | null) | null'],
  [{ optional: { array: 'boolean' } }, 'boolean[] | null'],
  [{ array: { enum: ['a', 'b'] } }, '("a" | "b")[]'],
  [{ array: { enum: ['a'] } }, '"a"[]'],
  [{ array: { optional: 'number' } }, '(number | null)[]'],
  [{ array: { optional: { object: { n: 'string' } } } }, '({ n: string } | null)[]'],
  [{ object: { note: { optional: 'string' } } }, '{ note: string | null }'],
  [
    { object: { tags: { array: { enum: [1, 2] } }, kind: { enum: ['x', 'y'] }, n: 'number' } },
    '{ tags: (1 | 2)[]; kind: "x" | "y"; n: number }'
  ],
  [
    { object: { rows: { array: { object: { cells: { array: { optional: 'string' } } } } } } },
    '{ rows: { cells: (string | null)[] }[] }'
  ],
  [{ array: { array: { object: { a: { object: {} } } } } }, '{ a: {} }[][]']
];

describe('format then parse gives the same type', () => {
  it.each(SHAPES)('%j prints as %s', (type, text) => {
    expect(opsDefinition('StateType')(type), 'the fixture is a valid state type').toBe(true);
    expect(formatStateType(type)).toBe(text);
    expect(parsed(formatStateType(type))).toEqual(type);
  });

  it('the planner and the AI print with the same printer', () => {
    for (const [type] of SHAPES) expect(formatType(type)).toBe(formatStateType(type));
  });
});

describe('parse then format gives the canonical text', () => {
  it.each([
    ['  number ', 'number'],
    ['list of string', 'string[]'],
    ['list of list of number', 'number[][]'],
    [
      'list of { id: number, title: string, done: boolean }',
      '{ id: number; title: string; done: boolean }[]'
    ],
    ['list of "a" | "b"', '("a" | "b")[]'],
    ['optional number', 'number | null'],
    ['optional list of string', 'string[] | null'],
    ['null | number', 'number | null'],
    ["'a' | 2", '"a" | 2'],
    ['{ note?: string }', '{ note: string | null }'],
    ['{a:number,b:string,}', '{ a: number; b: string }'],
    ['(("a" | "b"))[]', '("a" | "b")[]'],
    ['{"array": {"object": {"id": "number"}}}', '{ id: number }[]'],
    ['"number"', 'number'],
    ['1e21 | 2', '1e+21 | 2']
  ])('%s reads as %s', (text, canonical) => {
    const type = parsed(text);
    expect(formatStateType(type)).toBe(canonical);
    // The canonical text is a fixed point.
    expect(formatStateType(parsed(canonical))).toBe(canonical);
  });
});

describe('bad text is a coded error', () => {
  it.each([
    ['', 'E_FIELD_MISSING'],
    ['   ', 'E_FIELD_MISSING'],
    ['text', 'E_FIELD_VALUE'],
    ['int', 'E_FIELD_VALUE'],
    ['bool[]', 'E_FIELD_VALUE'],
    ['numbr', 'E_FIELD_VALUE'],
    ['number | string', 'E_FIELD_VALUE'],
    ['null', 'E_FIELD_VALUE'],
    ['null[]', 'E_FIELD_VALUE'],
    ['"a" | "a"', 'E_FIELD_VALUE'],
    ['"open', 'E_FIELD_VALUE'],
    ['number]', 'E_FIELD_VALUE'],
    ['(number', 'E_FIELD_VALUE'],
    ['{ id: number', 'E_FIELD_VALUE'],
    ['{ id number }', 'E_FIELD_VALUE'],
    ['{ a: number; a: string }', 'E_FIELD_VALUE'],
    ['{ rows: { cells: string[ }[] }', 'E_FIELD_VALUE'],
    ['list of', 'E_FIELD_VALUE'],
    ['{"array": "nope"}', 'E_FIELD_VALUE'],
    ['{"object": {"a b": "number"}}', 'E_FIELD_VALUE']
  ])('%j is refused with %s', (text, code) => {
    const result = parseStateType(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(0);
    }
  });

  it('says where the syntax broke', () => {
    const result = parseStateType('{ id: numbr }');
    expect(result.ok ? '' : result.error.message).toMatch(/column 7: unknown type "numbr"/);
  });
});

describe('hostile text gets an answer, not a crash or a wrong type', () => {
  const deep = (n: number) => ({
    parens: '('.repeat(n) + 'number' + ')'.repeat(n),
    lists: 'number' + '[]'.repeat(n),
    objects: '{ a: '.repeat(n) + 'number' + ' }'.repeat(n),
    json: '{"array":'.repeat(n) + '"number"' + '}'.repeat(n)
  });

  it('a type pasted 100,000 levels deep is refused with a coded error (it overflowed the stack)', () => {
    for (const [form, text] of Object.entries(deep(100_000))) {
      const parsed = parseStateType(text);
      expect(parsed.ok, form).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.code).toBe('E_FIELD_VALUE');
        expect(parsed.error.message).toContain(`at most ${MAX_TYPE_DEPTH} levels`);
      }
    }
  });

  it('reads types up to the depth bound', () => {
    expect(parseStateType('number' + '[]'.repeat(MAX_TYPE_DEPTH - 1)).ok).toBe(true);
    expect(
      parseStateType(
        '{ a: '.repeat(MAX_TYPE_DEPTH - 1) + 'number' + ' }'.repeat(MAX_TYPE_DEPTH - 1)
      ).ok
    ).toBe(true);
  });

  it('refuses a field named __proto__ (it replaced the object’s prototype and vanished)', () => {
    for (const text of [
      '{ __proto__: { a: number }; b: string }',
      '{"object":{"__proto__":"number"}}'
    ]) {
      const parsed = parseStateType(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.error.message).toContain('"__proto__" cannot name a field');
    }
  });
});
