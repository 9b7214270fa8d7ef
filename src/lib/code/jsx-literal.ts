/**
 * JSON literals in the JSX form: a JSON value as a Babel expression (`literalNode`, for the
 * printer) and back (`readLiteral`, for the reader in import-element.ts), and property keys both
 * ways. A `__proto__` key is always a plain field in both directions, never the prototype.
 */
import * as t from '@babel/types';
import type { JsonValue } from '../model/types';

/** A property key as an identifier when it is one, else as a string. */
export function keyOf(key: string): t.Identifier | t.StringLiteral {
  return t.isValidIdentifier(key, false) ? t.identifier(key) : t.stringLiteral(key);
}

/** A JSON value as an expression. */
export function literalNode(value: JsonValue): t.Expression {
  if (value === null) return t.nullLiteral();
  if (typeof value === 'string') return t.stringLiteral(value);
  if (typeof value === 'boolean') return t.booleanLiteral(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return t.identifier(Number.isNaN(value) ? 'NaN' : 'Infinity');
    return value < 0 || Object.is(value, -0)
      ? t.unaryExpression('-', t.numericLiteral(-value))
      : t.numericLiteral(value);
  }
  if (Array.isArray(value)) return t.arrayExpression(value.map(literalNode));
  return t.objectExpression(
    Object.entries(value).map(([k, v]) =>
      // `__proto__: v` in an object literal sets the prototype; a computed key makes a field.
      k === '__proto__'
        ? t.objectProperty(t.stringLiteral(k), literalNode(v), true)
        : t.objectProperty(keyOf(k), literalNode(v))
    )
  );
}

/**
 * The JSON value an expression spells (strings, numbers, negative numbers, booleans, null, and
 * lists and objects of those), or undefined when it is anything else. Parentheses do not count.
 */
export function readLiteral(node: t.Node): JsonValue | undefined {
  if (t.isStringLiteral(node) || t.isNumericLiteral(node) || t.isBooleanLiteral(node))
    return node.value;
  if (t.isNullLiteral(node)) return null;
  if (t.isUnaryExpression(node) && node.operator === '-' && t.isNumericLiteral(node.argument))
    return -node.argument.value;
  if (t.isArrayExpression(node)) {
    const out: JsonValue[] = [];
    for (const e of node.elements) {
      const v = e ? readLiteral(e) : undefined;
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  }
  if (t.isObjectExpression(node)) {
    const entries: [string, JsonValue][] = [];
    for (const p of node.properties) {
      if (!t.isObjectProperty(p) || p.shorthand) return undefined;
      const key = literalKey(p.key, p.computed);
      const v = readLiteral(p.value);
      if (key === undefined || v === undefined) return undefined;
      // `__proto__: x` (not computed) sets the prototype in JavaScript: it spells no field.
      if (key === '__proto__' && !p.computed) return undefined;
      entries.push([key, v]);
    }
    // fromEntries defines own fields, so even a "__proto__" key stays a plain field.
    return Object.fromEntries(entries);
  }
  return undefined;
}

/** A property key as a string, or undefined when it is computed from something other than a string. */
export function literalKey(key: t.Node, computed: boolean): string | undefined {
  if (t.isStringLiteral(key)) return key.value;
  if (computed) return undefined;
  if (t.isIdentifier(key)) return key.name;
  if (t.isNumericLiteral(key)) return String(key.value);
  return undefined;
}
