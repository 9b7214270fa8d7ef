/**
 * State types as text: the ONE printer (`formatStateType`) and the ONE parser (`parseStateType`)
 * of a state type, so the state panel, the inspector, the outline, the type check, the planner's
 * messages and the AI all spell a type the same way, and what any of them prints can be typed
 * back into a type box.
 *
 * The spelling is TypeScript's, because that is what the code tab shows next to JSX and what the
 * type boxes read: `number`, `string`, `boolean`, `string[]`, `{ id: number; title: string }[]`,
 * `"low" | "high"`, `number | null`. The parser also reads the word forms `list of T` and
 * `optional T`, and the op schema's JSON (`{"array": "number"}`).
 *
 * Round trip (tests/unit/statetype-text.test.ts): for every valid state type,
 * `parseStateType(formatStateType(t))` is `t`; for every text it reads, formatting the result
 * gives the canonical text. Bad text is a coded error (`E_FIELD_MISSING`, `E_FIELD_VALUE`) with
 * the column that broke, never an exception.
 */
import type { StateType } from './types.generated';

/** The codes `parseStateType` refuses with (entries of the catalog in ops/errors.ts). */
export type StateTypeErrorCode = 'E_FIELD_MISSING' | 'E_FIELD_VALUE';

/** A parsed state type, or the coded error to show under the type box. */
export type StateTypeParse =
  | { readonly ok: true; readonly value: StateType }
  | {
      readonly ok: false;
      readonly error: { readonly code: StateTypeErrorCode; readonly message: string };
    };

/** A name TypeScript reads as a property without quotes. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** The op schema's Name: what may name a field of an object type. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * How deep a typed state type may nest (lists, objects, optionals, parentheses). The planner
 * refuses ops nested past 64 levels of JSON (ops/input.ts), about 32 of types; and without a bound
 * a pasted `((((…` 100,000 deep overflows the parser's stack instead of getting an answer.
 */
export const MAX_TYPE_DEPTH = 32;

/**
 * Why `name` cannot name a field of an object type, or null. `__proto__` passes NAME, but data
 * with that key is refused everywhere (statetype.ts, model/plain.ts), and built by assignment it
 * would replace the object's prototype instead of being a field: the field would silently vanish.
 */
function fieldNameProblem(name: string): string | null {
  if (!NAME.test(name)) return `"${name}" cannot name a field`;
  if (name === '__proto__') return '"__proto__" cannot name a field';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Printing

/**
 * A state type as people read it and type it: TypeScript spelling, e.g.
 * `{ id: number; title: string }[]`, `("a" | "b")[]`, `string | null`.
 */
export function formatStateType(type: StateType): string {
  if (typeof type === 'string') return type;
  if ('optional' in type) {
    const inner = formatStateType(type.optional);
    // `|` binds loosest, so only a nested optional needs parentheses to read back the same.
    return `${isOptional(type.optional) ? `(${inner})` : inner} | null`;
  }
  if ('enum' in type) return type.enum.map((v) => JSON.stringify(v)).join(' | ');
  if ('array' in type) {
    const inner = formatStateType(type.array);
    // A union needs parentheses before `[]`, or the brackets bind to its last member.
    return `${isUnion(type.array) ? `(${inner})` : inner}[]`;
  }
  const fields = Object.entries(type.object).map(
    ([name, t]) => `${IDENTIFIER.test(name) ? name : JSON.stringify(name)}: ${formatStateType(t)}`
  );
  return fields.length === 0 ? '{}' : `{ ${fields.join('; ')} }`;
}

function isOptional(type: StateType): boolean {
  return typeof type === 'object' && 'optional' in type;
}

function isUnion(type: StateType): boolean {
  return isOptional(type) || (typeof type === 'object' && 'enum' in type && type.enum.length > 1);
}

// ---------------------------------------------------------------------------------------------
// Parsing

/**
 * A state type typed by a person. The grammar (TypeScript-like; whitespace free):
 *
 *   type    := member ('|' member)*        all string/number literals → enum; `T | null` → optional
 *   member  := prefix '[]'*                 `T[]` is a list of T
 *   prefix  := 'list of' operand | 'optional' operand | primary
 *   primary := 'number' | 'string' | 'boolean' | '"text"' | 'text' (quoted) | number literal
 *            | 'null' | '{' (name '?'? ':' type (';' | ','))* '}' | '(' type ')'
 *
 * JSON of the op schema (`{"array": "number"}`) is accepted too. Errors are E_FIELD_VALUE with
 * the column that broke (E_FIELD_MISSING for empty text).
 */
export function parseStateType(text: string): StateTypeParse {
  const source = text.trim();
  if (source === '') return refuse('E_FIELD_MISSING', 'give the field a type, e.g. number');
  if (source.startsWith('{"') || source.startsWith('"')) {
    try {
      const json: unknown = JSON.parse(source);
      const problem = stateTypeProblem(json);
      if (!problem) return { ok: true, value: json as StateType };
      if (source.startsWith('{"')) return refuse('E_FIELD_VALUE', `not a state type: ${problem}`);
    } catch {
      // Not JSON: `"a" | "b"` is an enum in the typed syntax; fall through.
    }
  }
  const parser = new TypeParser(source);
  try {
    const type = parser.type();
    parser.skip();
    if (!parser.done()) parser.fail(`unexpected "${parser.rest()}"`);
    return { ok: true, value: type };
  } catch (e) {
    if (e instanceof TypeSyntaxError) return refuse('E_FIELD_VALUE', e.message);
    throw e;
  }
}

function refuse(code: StateTypeErrorCode, message: string): StateTypeParse {
  return { ok: false, error: { code, message } };
}

class TypeSyntaxError extends Error {}

/** What one member of a union is before the union decides: a type, a literal, or null. */
type Member = StateType | { literal: string | number } | { null: true };

class TypeParser {
  private at = 0;
  /** How many types are open around the one being read (MAX_TYPE_DEPTH bounds it). */
  private depth = 0;
  constructor(private readonly src: string) {}

  done(): boolean {
    return this.at >= this.src.length;
  }

  rest(): string {
    return this.src.slice(this.at, this.at + 20);
  }

  fail(message: string): never {
    throw new TypeSyntaxError(`type syntax at column ${this.at + 1}: ${message}`);
  }

  skip(): void {
    while (!this.done() && /\s/.test(this.src[this.at])) this.at++;
  }

  private eat(token: string): boolean {
    this.skip();
    if (this.src.startsWith(token, this.at)) {
      this.at += token.length;
      return true;
    }
    return false;
  }

  private word(): string | null {
    this.skip();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.at));
    return match ? match[0] : null;
  }

  type(): StateType {
    if (++this.depth > MAX_TYPE_DEPTH)
      this.fail(`a type nests at most ${MAX_TYPE_DEPTH} levels deep`);
    try {
      return this.union();
    } finally {
      this.depth--;
    }
  }

  private union(): StateType {
    const members: Member[] = [this.member()];
    while (this.eat('|')) members.push(this.member());
    const nulls = members.filter((m) => typeof m === 'object' && 'null' in m);
    const rest = members.filter((m) => !(typeof m === 'object' && 'null' in m));
    if (rest.length === 0) this.fail('a type cannot be only null');
    let type: StateType;
    if (rest.every((m) => typeof m === 'object' && 'literal' in m)) {
      const [first, ...others] = rest.map((m) => (m as { literal: string | number }).literal);
      const values: [string | number, ...(string | number)[]] = [first, ...others];
      if (new Set(values).size !== values.length) this.fail('an enum lists a value twice');
      type = { enum: values };
    } else if (rest.length === 1) {
      type = rest[0] as StateType;
    } else {
      this.fail('a union can only list literal values ("a" | "b") or add null');
    }
    return nulls.length > 0 ? { optional: type } : type;
  }

  private member(): Member {
    let base: Member;
    const word = this.word();
    if (word === 'list' && /^list\s+of\b/.test(this.src.slice(this.at))) {
      this.at += /^list\s+of/.exec(this.src.slice(this.at))![0].length;
      base = { array: this.operand() };
    } else if (word === 'optional') {
      this.at += word.length;
      base = { optional: this.operand() };
    } else base = this.primary();
    for (let lists = 0; this.eat('[]'); lists++) {
      if (this.depth + lists >= MAX_TYPE_DEPTH)
        this.fail(`a type nests at most ${MAX_TYPE_DEPTH} levels deep`);
      base = { array: this.asType(base) };
    }
    return base;
  }

  /**
   * The operand of `list of` / `optional`: a member, or a union of literals, so the word form
   * `list of "a" | "b"` (a list of an enum) reads as it was always written.
   */
  private operand(): StateType {
    const member = this.member();
    if (typeof member !== 'object' || !('literal' in member)) return this.asType(member);
    const values: [string | number, ...(string | number)[]] = [member.literal];
    while (this.eat('|')) {
      const next = this.member();
      if (typeof next !== 'object' || !('literal' in next))
        this.fail('an enum lists only literal values');
      values.push(next.literal);
    }
    return { enum: values };
  }

  /** A member where a type is needed: a lone literal is a one-value enum (`"a"[]`). */
  private asType(member: Member): StateType {
    if (typeof member === 'object' && 'literal' in member) return { enum: [member.literal] };
    if (typeof member === 'object' && 'null' in member)
      this.fail('null stands alone only in a union such as string | null');
    return member as StateType;
  }

  private primary(): Member {
    this.skip();
    if (this.done()) this.fail('a type is missing');
    const ch = this.src[this.at];
    if (ch === '(') {
      this.at++;
      const inner = this.type();
      if (!this.eat(')')) this.fail('expected ")"');
      return inner;
    }
    if (ch === '{') return this.object();
    if (ch === '"' || ch === "'") return { literal: this.quoted(ch) };
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.src.slice(this.at));
    if (number) {
      this.at += number[0].length;
      return { literal: Number(number[0]) };
    }
    const word = this.word();
    if (word === 'number' || word === 'string' || word === 'boolean') {
      this.at += word.length;
      return word;
    }
    if (word === 'null') {
      this.at += 4;
      return { null: true };
    }
    if (word === 'text') this.fail('"text" is not a type; did you mean string?');
    if (word === 'int' || word === 'integer' || word === 'float')
      this.fail(`"${word}" is not a type; did you mean number?`);
    if (word === 'bool') this.fail('"bool" is not a type; did you mean boolean?');
    this.fail(word ? `unknown type "${word}"` : `unexpected "${this.rest()}"`);
  }

  /** A quoted literal; a double-quoted one is read as JSON, so what the printer wrote reads back. */
  private quoted(quote: string): string {
    const start = ++this.at;
    while (!this.done() && this.src[this.at] !== quote) {
      if (this.src[this.at] === '\\') this.at++;
      this.at++;
    }
    if (this.done()) this.fail('a quoted value is not closed');
    const raw = this.src.slice(start, this.at);
    this.at++;
    if (quote === '"') {
      try {
        return JSON.parse(`"${raw}"`) as string;
      } catch {
        // Not a JSON escape (`\q`): read it the plain way below.
      }
    }
    return raw.replace(/\\(.)/g, '$1');
  }

  private object(): StateType {
    this.at++; // {
    const fields: Record<string, StateType> = {};
    for (;;) {
      if (this.eat('}')) break;
      const name = this.word();
      if (!name) this.fail('expected a field name or "}"');
      const bad = fieldNameProblem(name);
      if (bad) this.fail(bad);
      this.at += name.length;
      if (Object.hasOwn(fields, name)) this.fail(`field "${name}" is listed twice`);
      const optional = this.eat('?');
      if (!this.eat(':')) this.fail(`expected ":" after "${name}"`);
      const type = this.type();
      fields[name] = optional ? { optional: type } : type;
      if (this.eat(';') || this.eat(',')) continue;
      if (this.eat('}')) break;
      this.fail('expected ";" or "}"');
    }
    return { object: fields };
  }
}

/** Why a JSON value is not a StateType of the op schema, or null. */
function stateTypeProblem(value: unknown, depth = 0): string | null {
  if (depth > MAX_TYPE_DEPTH) return `a type nests at most ${MAX_TYPE_DEPTH} levels deep`;
  if (value === 'number' || value === 'string' || value === 'boolean') return null;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `${JSON.stringify(value)} is not number, string, boolean or an object`;
  const keys = Object.keys(value);
  if (keys.length !== 1) return 'use exactly one of array, object, enum, optional';
  const record = value as Record<string, unknown>;
  switch (keys[0]) {
    case 'array':
      return stateTypeProblem(record.array, depth + 1);
    case 'optional':
      return stateTypeProblem(record.optional, depth + 1);
    case 'enum': {
      const values = record.enum;
      if (!Array.isArray(values) || values.length === 0)
        return 'enum needs a non-empty list of values';
      if (!values.every((v) => typeof v === 'string' || typeof v === 'number'))
        return 'enum values are strings or numbers';
      return null;
    }
    case 'object': {
      const fields = record.object;
      if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
        return 'object needs a map of field types';
      for (const [name, type] of Object.entries(fields)) {
        const problem = fieldNameProblem(name) ?? stateTypeProblem(type, depth + 1);
        if (problem) return problem;
      }
      return null;
    }
    default:
      return `unknown key "${keys[0]}"`;
  }
}
