/**
 * The layout pass of the JSX form: where lines break. @babel/generator prints every leaf (names,
 * literals, function heads); this decides only the breaks, per construct: a statement (an
 * interface one member a line, a top-level object one field a line, a function with its body as
 * stored, re-indented), a type or a value (flat when it fits in the width, else one member or
 * item a line), an element (attributes on one line when they fit, else one a line; children
 * indented). Code is printed from its source text, never regenerated (see jsx.ts).
 */
import generateModule from '@babel/generator';
import { parseExpression } from '@babel/parser';
import * as t from '@babel/types';

const generate = generateModule as unknown as (node: t.Node) => { code: string };

/** Lines longer than this break: objects and types over several lines, attributes one per line. */
const WIDTH = 100;
const INDENT = '  ';

/** One top-level statement of the module as text (`code` maps unit nodes to their source). */
export function printStatement(node: t.Statement, code: WeakMap<t.Node, string>): string {
  if (t.isTSInterfaceDeclaration(node)) {
    const members = node.body.body as t.TSPropertySignature[];
    if (members.length === 0) return `interface ${node.id.name} {}`;
    const lines = members.map((m) => `${INDENT}${member(m, 1)};`);
    return [`interface ${node.id.name} {`, ...lines, '}'].join('\n');
  }
  if (t.isVariableDeclaration(node)) {
    const decl = node.declarations[0];
    const head = generate(t.variableDeclaration('const', [t.variableDeclarator(decl.id)])).code;
    // The top-level objects (state, defaultProps, capabilities) always list one field a line.
    return `${head.replace(/;$/, '')} = ${value(decl.init as t.Expression, 0, 0, 1, true)};`;
  }
  if (t.isFunctionDeclaration(node)) {
    const head = functionHead(node);
    const body = code.get(node.body) ?? '';
    if (body === '') return `${head}{}`;
    return `${head}{\n${indentLines(body, INDENT)}\n}`;
  }
  if (t.isExportDefaultDeclaration(node)) {
    const fn = node.declaration as t.FunctionDeclaration;
    const view = (fn.body.body[0] as t.ReturnStatement).argument as t.JSXElement;
    const lines = element(view, 2, code);
    return `export default ${functionHead(fn)}{\n${INDENT}return (\n${lines.join('\n')}\n${INDENT});\n}`;
  }
  return generate(node).code;
}

/** `function name(params) ` as the generator prints it, without the body. */
function functionHead(node: t.FunctionDeclaration): string {
  const empty = t.functionDeclaration(node.id, node.params, t.blockStatement([]));
  return generate(empty).code.replace(/\{\}$/, '');
}

function indentLines(text: string, pad: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : pad + line))
    .join('\n');
}

function keyText(key: t.Node, computed = false): string {
  const text = generate(key).code;
  return computed ? `[${text}]` : text;
}

/** One member of an interface or type literal, `name: type`, at nesting `depth`. */
function member(m: t.TSPropertySignature, depth: number): string {
  const prefix = `${keyText(m.key)}: `;
  return prefix + type(m.typeAnnotation!.typeAnnotation, depth, depth * 2 + prefix.length, 1);
}

/** A type, on one line when it fits in the width from column `col` (with `tail` characters after it). */
function type(node: t.TSType, depth: number, col: number, tail: number): string {
  const flat = flatType(node);
  if (col + flat.length + tail <= WIDTH || !containsTypeLiteral(node)) return flat;
  if (t.isTSArrayType(node)) {
    const inner = type(node.elementType, depth, col, tail + 2);
    return t.isTSUnionType(node.elementType) ? `(${inner})[]` : `${inner}[]`;
  }
  if (t.isTSUnionType(node)) {
    return node.types.map((m) => type(m, depth, col, tail)).join(' | ');
  }
  if (t.isTSTypeLiteral(node)) {
    const pad = INDENT.repeat(depth + 1);
    const lines = (node.members as t.TSPropertySignature[]).map(
      (m) => `${pad}${member(m, depth + 1)};`
    );
    return `{\n${lines.join('\n')}\n${INDENT.repeat(depth)}}`;
  }
  return flat;
}

function containsTypeLiteral(node: t.TSType): boolean {
  if (t.isTSTypeLiteral(node)) return node.members.length > 0;
  if (t.isTSArrayType(node)) return containsTypeLiteral(node.elementType);
  if (t.isTSUnionType(node)) return node.types.some(containsTypeLiteral);
  return false;
}

function flatType(node: t.TSType): string {
  if (t.isTSArrayType(node)) {
    const inner = flatType(node.elementType);
    // A union needs parentheses before `[]`, or the brackets bind to its last member.
    return t.isTSUnionType(node.elementType) ? `(${inner})[]` : `${inner}[]`;
  }
  if (t.isTSUnionType(node)) return node.types.map(flatType).join(' | ');
  if (t.isTSTypeLiteral(node)) {
    const members = (node.members as t.TSPropertySignature[]).map(
      (m) => `${keyText(m.key)}: ${flatType(m.typeAnnotation!.typeAnnotation)}`
    );
    return members.length === 0 ? '{}' : `{ ${members.join('; ')} }`;
  }
  return generate(node).code;
}

/**
 * A literal expression (objects, arrays, leaves), on one line when it fits from column `col`
 * with `tail` characters after it; else one element a line, with trailing commas.
 */
function value(node: t.Expression, depth: number, col: number, tail: number, open = false): string {
  const isObject = t.isObjectExpression(node);
  const isArray = t.isArrayExpression(node);
  if (!isObject && !isArray) return generate(node).code;
  const items = isObject ? node.properties : node.elements;
  if (items.length === 0) return isObject ? '{}' : '[]';
  const flat = flatValue(node);
  if (!open && col + flat.length + tail <= WIDTH) return flat;
  const pad = INDENT.repeat(depth + 1);
  const lines = items.map((item) => {
    if (t.isObjectProperty(item)) {
      const prefix = `${keyText(item.key, item.computed)}: `;
      const start = pad.length + prefix.length;
      return `${pad}${prefix}${value(item.value as t.Expression, depth + 1, start, 1)},`;
    }
    return `${pad}${value(item as t.Expression, depth + 1, pad.length, 1)},`;
  });
  const [l, r] = isObject ? ['{', '}'] : ['[', ']'];
  return `${l}\n${lines.join('\n')}\n${INDENT.repeat(depth)}${r}`;
}

function flatValue(node: t.Expression): string {
  if (t.isObjectExpression(node)) {
    if (node.properties.length === 0) return '{}';
    const fields = (node.properties as t.ObjectProperty[]).map(
      (p) => `${keyText(p.key, p.computed)}: ${flatValue(p.value as t.Expression)}`
    );
    return `{ ${fields.join(', ')} }`;
  }
  if (t.isArrayExpression(node))
    return `[${node.elements.map((e) => flatValue(e as t.Expression)).join(', ')}]`;
  return generate(node).code;
}

/** An element and its children as lines at nesting `depth`: attributes on the tag's line unless too long. */
function element(node: t.JSXElement, depth: number, code: WeakMap<t.Node, string>): string[] {
  const pad = INDENT.repeat(depth);
  const open = node.openingElement;
  const name = generate(open.name).code;
  const end = node.children.length === 0 ? ' />' : '>';
  const attrs = (open.attributes as t.JSXAttribute[]).map((a) =>
    attribute(a, depth, pad.length, code)
  );
  const flat = `${pad}<${name} ${attrs.join(' ')}${end}`;
  const lines: string[] = [];
  if (flat.length <= WIDTH && !flat.includes('\n')) lines.push(flat);
  else {
    const inner = INDENT.repeat(depth + 1);
    lines.push(`${pad}<${name}`);
    for (const a of open.attributes as t.JSXAttribute[])
      lines.push(inner + attribute(a, depth + 1, inner.length, code));
    lines.push(pad + end.trim());
  }
  if (node.children.length === 0) return lines;
  for (const child of node.children) lines.push(...element(child as t.JSXElement, depth + 1, code));
  lines.push(`${pad}</${name}>`);
  return lines;
}

function attribute(
  node: t.JSXAttribute,
  depth: number,
  col: number,
  code: WeakMap<t.Node, string>
): string {
  const name = generate(node.name).code;
  const v = node.value;
  if (!t.isJSXExpressionContainer(v)) return generate(node).code;
  const source = code.get(v);
  if (source !== undefined) {
    // A line comment at the end would swallow the closing brace: end the line first.
    return `${name}={${source}${endsInLineComment(source) ? '\n' + INDENT.repeat(depth) : ''}}`;
  }
  const prefix = `${name}={`;
  return `${prefix}${value(v.expression as t.Expression, depth, col + prefix.length, 1)}}`;
}

function endsInLineComment(source: string): boolean {
  const last = source.slice(source.lastIndexOf('\n') + 1);
  if (!last.includes('//')) return false;
  try {
    parseExpression(`(${source})`, { sourceType: 'script' });
    return false;
  } catch {
    return true;
  }
}
