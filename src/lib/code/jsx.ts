/**
 * The JSX form: one component as a TypeScript module a person or the AI reads and edits, every
 * element carrying its id. Built as a Babel AST (@babel/types) and printed by a small layout pass
 * (jsx-layout.ts) that lets @babel/generator print every leaf (names, literals, function heads)
 * and decides only where lines break, so the same model always gives the same text. Props print in their element
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
import { printStatement } from './jsx-layout';
import { keyOf, literalNode, readLiteral } from './jsx-literal';

export { readLiteral } from './jsx-literal';

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
