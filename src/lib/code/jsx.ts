/**
 * The JSX form: one component as a TypeScript module a person or the AI reads and edits, every
 * element carrying its id. Built as a Babel AST (@babel/types) and printed by a small layout pass
 * that lets @babel/generator print every leaf (names, literals, function heads) and decides only
 * where lines break, so the same model always gives the same text. Props print in their element
 * schema's order (the model's key order is an accident of edit history).
 *
 * Code is shown as it is stored. Expressions and handler bodies are parsed into the AST, but
 * printed from their source text (bodies re-indented), never regenerated: regenerating would
 * reformat people's code and drop its comments, and importComponent would then see every unit as
 * changed. An expression that spells a JSON literal is printed in parentheses (`{(1)}`), so it
 * reads back as an expression and not as the literal `{1}`.
 *
 * Code that does not parse (a model that never passed the gate, or a peer's raw write) is printed
 * as it is too: the text then does not parse either, and importing it reports E_SYNTAX at that
 * very spot, instead of the code tab hiding the problem or changing what the code means.
 */
import generateModule from '@babel/generator';
import { parse, parseExpression } from '@babel/parser';
import * as t from '@babel/types';
import { elementSchema } from '../schema/elements';
import {
  childrenOf,
  componentByName,
  rootComponent,
  type AppModel,
  type ComponentRecord,
  type JsonValue,
  type NodeRecord,
  type PropValue,
  type StateType
} from '../model/types';

const generate = generateModule as unknown as (node: t.Node) => { code: string };

/** Lines longer than this break: objects and types over several lines, attributes one per line. */
const WIDTH = 100;
const INDENT = '  ';

/** The JSX form of one component (text ending with a newline); empty for an unknown id. */
export function componentJsx(model: AppModel, componentId: string): string {
  const component = model.components.get(componentId);
  if (!component) return '';
  const ast = componentAst(model, component);
  return ast.statements.map((s) => printStatement(s, ast.code)).join('\n\n') + '\n';
}

/** The JSX form of every component: the root component first, then the others by name. */
export function appJsx(model: AppModel): string {
  const root = rootComponent(model);
  const others = [...model.components.values()]
    .filter((c) => c !== root)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return (root ? [root, ...others] : others).map((c) => componentJsx(model, c.id)).join('\n');
}

/**
 * A handler body as the JSX form shows it and importJsx reads it back: leading and trailing blank
 * lines dropped, the indentation common to its lines removed, trailing space trimmed. A first
 * line that shares the line of the opening brace is taken without its leading space. Both sides
 * of a comparison go through this, so re-indenting a body is never a change.
 */
export function normalizeBody(text: string): string {
  const lines = text.split('\n');
  let firstOnBrace = false;
  if (lines.length > 0 && lines[0].trim() !== '') {
    firstOnBrace = true;
    lines[0] = lines[0].trimStart();
  }
  while (lines.length > 0 && lines[0].trim() === '') {
    lines.shift();
    firstOnBrace = false;
  }
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  let common: string | null = null;
  lines.forEach((line, i) => {
    if (line.trim() === '' || (i === 0 && firstOnBrace)) return;
    const lead = /^[ \t]*/.exec(line)![0];
    if (common === null) common = lead;
    else {
      let n = 0;
      while (n < common.length && n < lead.length && common[n] === lead[n]) n++;
      common = common.slice(0, n);
    }
  });
  const cut = (common ?? '') as string;
  return lines
    .map((line, i) =>
      line.trim() === '' ? '' : i === 0 && firstOnBrace ? line : line.slice(cut.length)
    )
    .join('\n')
    .trimEnd();
}

// ---------------------------------------------------------------------------------------------
// The AST

/** A component's statements, and the source text of the code units printed verbatim. */
interface ComponentAst {
  readonly statements: t.Statement[];
  /** Handler bodies (BlockStatement) and expression props (JSXExpressionContainer) → source. */
  readonly code: WeakMap<t.Node, string>;
}

function componentAst(model: AppModel, component: ComponentRecord): ComponentAst {
  const code = new WeakMap<t.Node, string>();
  const statements: t.Statement[] = [];
  const props = Object.entries(component.props);
  if (props.length > 0) {
    statements.push(
      interfaceOf(
        'Props',
        props.map(([name, decl]) => [name, decl.type])
      )
    );
    const defaults = props.filter(([, decl]) => decl.default !== undefined);
    if (defaults.length > 0)
      statements.push(
        constOf(
          'defaultProps',
          'Props',
          Object.fromEntries(defaults.map(([n, d]) => [n, d.default!]))
        )
      );
  }
  const fields = Object.entries(component.state);
  if (fields.length > 0) {
    statements.push(
      interfaceOf(
        'State',
        fields.map(([name, f]) => [name, f.type])
      )
    );
    statements.push(
      constOf('state', 'State', Object.fromEntries(fields.map(([n, f]) => [n, f.initial])))
    );
    // Where each value lives; a field it does not name is shared (the app's stored data).
    const scoped = fields.filter(([, f]) => f.scope && f.scope !== 'shared');
    if (scoped.length > 0)
      statements.push(
        constOf('scopes', null, Object.fromEntries(scoped.map(([n, f]) => [n, f.scope!])))
      );
  }
  if (Object.keys(component.capabilities).length > 0)
    statements.push(constOf('capabilities', null, component.capabilities as JsonValue));
  for (const [name, handler] of Object.entries(component.handlers)) {
    const block = t.blockStatement(parseBody(handler.body));
    code.set(block, normalizeBody(handler.body));
    statements.push(
      t.functionDeclaration(
        t.identifier(name),
        handler.params.map((p) => t.identifier(p)),
        block
      )
    );
  }
  const view = model.nodes.has(component.root)
    ? elementOf(model, model.nodes.get(component.root)!, code)
    : t.jsxElement(t.jsxOpeningElement(t.jsxIdentifier('Stack'), [], true), null, []);
  const params: t.Identifier[] = [];
  if (props.length > 0) {
    const p = t.identifier('props');
    p.typeAnnotation = t.tsTypeAnnotation(t.tsTypeReference(t.identifier('Props')));
    params.push(p);
  }
  statements.push(
    t.exportDefaultDeclaration(
      t.functionDeclaration(
        t.identifier(component.name),
        params,
        t.blockStatement([t.returnStatement(view)])
      )
    )
  );
  return { statements, code };
}

/** The statements of a handler body, or none when it does not parse (it is printed as text). */
function parseBody(body: string): t.Statement[] {
  try {
    return parse(body, { sourceType: 'script', allowReturnOutsideFunction: true }).program.body;
  } catch {
    return [];
  }
}

function interfaceOf(name: string, members: [string, StateType][]): t.TSInterfaceDeclaration {
  return t.tsInterfaceDeclaration(
    t.identifier(name),
    null,
    null,
    t.tsInterfaceBody(members.map(([key, type]) => memberOf(key, type)))
  );
}

function memberOf(key: string, type: StateType): t.TSPropertySignature {
  return t.tsPropertySignature(keyOf(key), t.tsTypeAnnotation(typeNode(type)));
}

/** A property key: a bare name when it is one, else a string. */
function keyOf(key: string): t.Identifier | t.StringLiteral {
  return t.isValidIdentifier(key, false) ? t.identifier(key) : t.stringLiteral(key);
}

/** A state type as a TypeScript type: `number`, `T[]`, `{ a: T }`, `"x" | "y"`, `T | null`. */
export function typeNode(type: StateType): t.TSType {
  if (type === 'number') return t.tsNumberKeyword();
  if (type === 'string') return t.tsStringKeyword();
  if (type === 'boolean') return t.tsBooleanKeyword();
  if ('optional' in type) return t.tsUnionType([typeNode(type.optional), t.tsNullKeyword()]);
  if ('enum' in type) {
    const members = type.enum.map((v): t.TSType =>
      typeof v === 'string'
        ? t.tsLiteralType(t.stringLiteral(v))
        : t.tsLiteralType(
            v < 0 || Object.is(v, -0)
              ? t.unaryExpression('-', t.numericLiteral(-v))
              : t.numericLiteral(v)
          )
    );
    return members.length === 1 ? members[0] : t.tsUnionType(members);
  }
  if ('array' in type) return t.tsArrayType(typeNode(type.array));
  return t.tsTypeLiteral(Object.entries(type.object).map(([k, v]) => memberOf(k, v)));
}

function constOf(name: string, type: string | null, value: JsonValue): t.VariableDeclaration {
  const id = t.identifier(name);
  if (type) id.typeAnnotation = t.tsTypeAnnotation(t.tsTypeReference(t.identifier(type)));
  return t.variableDeclaration('const', [t.variableDeclarator(id, literalNode(value))]);
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

function elementOf(model: AppModel, node: NodeRecord, code: WeakMap<t.Node, string>): t.JSXElement {
  const attrs = [t.jsxAttribute(t.jsxIdentifier('id'), t.stringLiteral(node.id))];
  for (const name of propOrder(model, node)) attrs.push(attributeOf(name, node.props[name], code));
  const kids = childrenOf(model, node.id)
    .map((id) => model.nodes.get(id))
    .filter((n): n is NodeRecord => n !== undefined)
    .map((n) => elementOf(model, n, code));
  const name = t.jsxIdentifier(node.type);
  return t.jsxElement(
    t.jsxOpeningElement(name, attrs, kids.length === 0),
    kids.length === 0 ? null : t.jsxClosingElement(t.jsxIdentifier(node.type)),
    kids
  );
}

/**
 * The order props are printed in: the element schema's (or the component's declared) order, then
 * any others by name. The model's own key order depends on the order of past edits (a prop set
 * later comes last), so printing by it would make the same props read differently.
 */
function propOrder(model: AppModel, node: NodeRecord): string[] {
  const declared = Object.keys(
    elementSchema(node.type)?.properties ?? componentByName(model, node.type)?.props ?? {}
  );
  const rank = new Map(declared.map((name, i) => [name, i]));
  return Object.keys(node.props).sort((a, b) => {
    const ra = rank.get(a) ?? Infinity;
    const rb = rank.get(b) ?? Infinity;
    if (ra !== rb) return ra - rb;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** A string that reads back the same as a bare JSX attribute string (no quotes, entities, escapes). */
function bareString(value: string): boolean {
  return !/["&\\\p{Cc}\p{Cs}\u2028\u2029]/u.test(value);
}

function attributeOf(
  name: string,
  value: PropValue,
  code: WeakMap<t.Node, string>
): t.JSXAttribute {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (typeof record.$expr === 'string') {
      const source = record.$expr.trim();
      let expression: t.Expression | t.JSXEmptyExpression;
      try {
        expression = parseExpression(source, { sourceType: 'script' });
      } catch {
        expression = t.jsxEmptyExpression();
      }
      const container = t.jsxExpressionContainer(expression);
      // An expression that spells a literal (`1`, `"x"`) is parenthesized, or it would read back
      // as that literal, which the prop may not even accept (`src={1}` vs `src={(1)}`).
      code.set(
        container,
        !t.isJSXEmptyExpression(expression) && readLiteral(expression) !== undefined
          ? `(${source})`
          : source
      );
      return t.jsxAttribute(t.jsxIdentifier(name), container);
    }
    if (typeof record.$handler === 'string')
      return t.jsxAttribute(
        t.jsxIdentifier(name),
        t.jsxExpressionContainer(t.identifier(record.$handler))
      );
    if (typeof record.$bind === 'string')
      return t.jsxAttribute(
        t.jsxNamespacedName(t.jsxIdentifier('bind'), t.jsxIdentifier(name)),
        t.jsxExpressionContainer(
          t.memberExpression(t.identifier('state'), t.identifier(record.$bind))
        )
      );
  }
  if (typeof value === 'string' && bareString(value))
    return t.jsxAttribute(t.jsxIdentifier(name), t.stringLiteral(value));
  return t.jsxAttribute(
    t.jsxIdentifier(name),
    t.jsxExpressionContainer(literalNode(value as JsonValue))
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

// ---------------------------------------------------------------------------------------------
// The layout pass: where lines break. Leaves are printed by @babel/generator.

function printStatement(node: t.Statement, code: WeakMap<t.Node, string>): string {
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
