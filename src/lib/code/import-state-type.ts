/**
 * The TypeScript types of the JSX form read back as state types: `number`, `string`, `boolean`,
 * `T[]` and `Array<T>`, `{ a: T; b?: U }`, `"x" | "y"` (an enum) and `T | null` (optional), the
 * inverse of jsx.ts's type printer. Anything else is an `E_IMPORT_JSX` naming what is allowed.
 */
import * as t from '@babel/types';
import type { StateType } from '../model/types';
import { literalKey } from './jsx-literal';
import { put, type Reader } from './import-read';

/** The members of an interface or object type: `name: Type` each, by name. */
export function readMembers(
  reader: Reader,
  members: t.TSTypeElement[]
): Record<string, { type: StateType; optional: boolean; node: t.Node }> {
  const out: Record<string, { type: StateType; optional: boolean; node: t.Node }> = {};
  for (const m of members) {
    const key = t.isTSPropertySignature(m) ? literalKey(m.key, m.computed) : undefined;
    if (!t.isTSPropertySignature(m) || key === undefined || !m.typeAnnotation) {
      reader.fail(m, 'each member must be `name: Type`');
      continue;
    }
    const type = readStateType(reader, m.typeAnnotation.typeAnnotation);
    if (type) put(out, key, { type, optional: !!m.optional, node: m });
  }
  return out;
}

/** A TypeScript type as a state type, or undefined (with an error) for what has none. */
export function readStateType(reader: Reader, node: t.TSType): StateType | undefined {
  const unsupported = () =>
    reader.fail(
      node,
      `unsupported type \`${reader.slice(node)}\`: use number, string, boolean, T[], { a: T }, "x" | "y" or T | null`
    );
  const inner = node as t.TSType & { typeAnnotation?: t.TSType };
  if ((node.type as string) === 'TSParenthesizedType')
    return readStateType(reader, inner.typeAnnotation!);
  if (t.isTSNumberKeyword(node)) return 'number';
  if (t.isTSStringKeyword(node)) return 'string';
  if (t.isTSBooleanKeyword(node)) return 'boolean';
  if (t.isTSArrayType(node)) {
    const element = readStateType(reader, node.elementType);
    return element && { array: element };
  }
  if (t.isTSTypeReference(node)) {
    const params =
      (node as { typeArguments?: t.TSTypeParameterInstantiation }).typeArguments ??
      (node as { typeParameters?: t.TSTypeParameterInstantiation }).typeParameters;
    if (
      t.isIdentifier(node.typeName) &&
      node.typeName.name === 'Array' &&
      params?.params.length === 1
    ) {
      const element = readStateType(reader, params.params[0]);
      return element && { array: element };
    }
    return unsupported();
  }
  if (t.isTSTypeLiteral(node)) {
    const fields = readMembers(reader, node.members);
    return {
      object: Object.fromEntries(
        Object.entries(fields).map(([k, f]) => [k, f.optional ? { optional: f.type } : f.type])
      )
    };
  }
  if (t.isTSLiteralType(node)) {
    const value = enumValue(node);
    return value === undefined ? unsupported() : { enum: [value] };
  }
  if (t.isTSUnionType(node)) {
    const members: t.TSType[] = [];
    const flatten = (n: t.TSType) => {
      if (t.isTSUnionType(n)) n.types.forEach(flatten);
      else if ((n.type as string) === 'TSParenthesizedType')
        flatten((n as t.TSType & { typeAnnotation: t.TSType }).typeAnnotation);
      else members.push(n);
    };
    flatten(node);
    const nullable = members.some((m) => t.isTSNullKeyword(m));
    const rest = members.filter((m) => !t.isTSNullKeyword(m));
    let type: StateType | undefined;
    if (rest.length === 1) type = readStateType(reader, rest[0]);
    else if (rest.length > 1) {
      const values = rest.map((m) => (t.isTSLiteralType(m) ? enumValue(m) : undefined));
      if (values.some((v) => v === undefined)) return unsupported();
      type = { enum: values as [string | number, ...(string | number)[]] };
    } else return unsupported();
    return type && (nullable ? { optional: type } : type);
  }
  return unsupported();
}

function enumValue(node: t.TSLiteralType): string | number | undefined {
  const l = node.literal;
  if (t.isStringLiteral(l)) return l.value;
  if (t.isNumericLiteral(l)) return l.value;
  if (t.isUnaryExpression(l) && l.operator === '-' && t.isNumericLiteral(l.argument))
    return -l.argument.value;
  return undefined;
}
