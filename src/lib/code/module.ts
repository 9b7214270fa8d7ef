/**
 * The module form: the plain script the sandbox evaluates for one component (README "Module
 * form"). Its completion value is the component object, `{ name, render, handlers }`; the view is
 * `h(type, props, children)` calls, `$each` and `$if` for the logic elements, `$on` and `$bind`
 * for handler and binding props. Built as a Babel AST from the model and printed with
 * @babel/generator, never by pasting strings of code, so user code can only ever land where an
 * expression or a statement belongs.
 *
 * Literal props are not printed (./literals.ts): an element's literal props are one slot of the
 * component's literal table, its number `h`'s fourth argument, so a literal edit leaves the text
 * as it was.
 *
 * SES refuses any source text containing `import(`, `<!--` or `-->` (and a direct-eval look-alike),
 * even inside a string. Policy refuses such user code; strings in code (`'<b>' + x`) are still
 * data and must load, so every string, template and regex is printed with those sequences broken
 * up by escapes, and the printed module is scanned before it is returned.
 */
import generate from '@babel/generator';
import * as t from '@babel/types';
import { childrenOf, type AppModel, type ComponentRecord, type JsonValue } from '../model/types';
import { GUARD_NAME, instrument } from './guard';
import { parseUnit } from './parse';
import { componentUnits, unitLabel } from './units';
import {
  isSlotted,
  LITERAL_READER,
  literalSlots,
  slotKey,
  slotNumbers,
  sortedProps
} from './literals';

/** The globals the runtime gives a component module, besides `$guard`. */
const H = 'h';
const EACH = '$each';
const IF = '$if';
const ON = '$on';
const BIND = '$bind';

const RENDER_PARAMS = ['state', 'props', 'caps'] as const;
const HANDLER_PARAMS = ['state', 'event', 'props', 'caps'] as const;

/** The parsed and guarded code of one component. */
interface ComponentCode {
  /** Expression props by `nodeId \0 prop`. */
  readonly exprs: ReadonlyMap<string, t.Expression>;
  /** Handler bodies by handler name. */
  readonly handlers: ReadonlyMap<string, t.Program>;
}

const exprKey = (node: string, prop: string) => `${node}\0${prop}`;

/** Parses and instruments every unit; a unit that does not parse is a caller's bug (the gate runs first). */
function componentCode(model: AppModel, component: ComponentRecord): ComponentCode {
  const exprs = new Map<string, t.Expression>();
  const handlers = new Map<string, t.Program>();
  for (const unit of componentUnits(model, component.id)) {
    const parsed = parseUnit(unit, component.name);
    if (!parsed.ok) {
      throw new Error(
        `moduleForm: ${unitLabel(unit, component.name)} does not parse; ` +
          'run the compile gate before building the module form'
      );
    }
    instrument(parsed.ast);
    if (unit.kind === 'expr') {
      const statement = parsed.ast.program.body[0] as t.ExpressionStatement;
      exprs.set(exprKey(unit.node, unit.prop), statement.expression);
    } else {
      handlers.set(unit.handler, parsed.ast.program);
    }
  }
  return { exprs, handlers };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A property key that always makes an own data property with exactly this name. */
function propertyKey(name: string): { key: t.Identifier | t.StringLiteral; computed: boolean } {
  // `{ __proto__: x }` sets the prototype instead of making a property; `{ ["__proto__"]: x }` does not.
  if (name === '__proto__') return { key: t.stringLiteral(name), computed: true };
  return {
    key: t.isValidIdentifier(name) ? t.identifier(name) : t.stringLiteral(name),
    computed: false
  };
}

function property(name: string, value: t.Expression): t.ObjectProperty {
  const { key, computed } = propertyKey(name);
  return t.objectProperty(key, value, computed);
}

/** A JSON value as a literal expression. */
function literal(value: JsonValue): t.Expression {
  if (value === null) return t.nullLiteral();
  if (typeof value === 'string') return t.stringLiteral(value);
  if (typeof value === 'boolean') return t.booleanLiteral(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`moduleForm: ${value} is not a JSON number`);
    return value < 0 || Object.is(value, -0)
      ? t.unaryExpression('-', t.numericLiteral(-value))
      : t.numericLiteral(value);
  }
  if (Array.isArray(value)) return t.arrayExpression(value.map(literal));
  return t.objectExpression(Object.entries(value).map(([k, v]) => property(k, literal(v))));
}

function call(callee: string, args: t.Expression[]): t.CallExpression {
  return t.callExpression(t.identifier(callee), args);
}

/** Builds the view expressions of one component. */
class ViewBuilder {
  constructor(
    private readonly model: AppModel,
    private readonly component: ComponentRecord,
    private readonly code: ComponentCode,
    /** Slot number of each literal prop (./literals.ts): read as `$lit(n)`, not printed. */
    private readonly slots: ReadonlyMap<string, number>
  ) {}

  /** One node: `h(...)`, or `$each(...)` / `$if(...)` for the logic elements. */
  node(id: string): t.Expression {
    const node = this.model.nodes.get(id);
    if (!node) throw new Error(`moduleForm: no node ${id}`);
    const props = node.props;
    if (node.type === 'Each') {
      const as = typeof props.as === 'string' ? props.as : 'item';
      const key = this.code.exprs.get(exprKey(id, 'key'));
      return call(EACH, [
        t.stringLiteral(id),
        this.value(id, 'items', props.items ?? []),
        key ? t.arrowFunctionExpression([t.identifier(as)], key) : t.nullLiteral(),
        t.arrowFunctionExpression([t.identifier(as)], this.children(id))
      ]);
    }
    if (node.type === 'If') {
      return call(IF, [
        t.stringLiteral(id),
        this.value(id, 'when', props.when ?? true),
        t.arrowFunctionExpression([], this.children(id))
      ]);
    }
    // Sorted, because prop order in the shared document differs between peers and the same
    // model must print the same text everywhere. Literal props are not printed: they are in the
    // element's slot (./literals.ts), whose number is `h`'s fourth argument.
    const names = sortedProps(props).filter(
      (name) => name !== 'id' && !isSlotted(node.type, name, props[name])
    );
    const object = t.objectExpression([
      property('id', t.stringLiteral(id)),
      ...names.map((name) => property(name, this.value(id, name, props[name])))
    ]);
    const slot = this.slots.get(slotKey(id, null));
    if (slot === undefined) throw new Error(`moduleForm: no literal slot for ${id}`);
    const args = [t.stringLiteral(node.type), object, this.children(id), t.numericLiteral(slot)];
    return call(H, args);
  }

  private children(id: string): t.ArrayExpression {
    return t.arrayExpression(childrenOf(this.model, id).map((child) => this.node(child)));
  }

  /** One prop value: an expression, a handler reference, a binding or a literal. */
  private value(id: string, prop: string, value: unknown): t.Expression {
    if (isObject(value) && typeof value.$expr === 'string') {
      const expr = this.code.exprs.get(exprKey(id, prop));
      if (!expr) throw new Error(`moduleForm: no parsed expression for ${id}.${prop}`);
      return expr;
    }
    if (isObject(value) && typeof value.$handler === 'string') {
      // The handler's params are loop variables; here they name the items of the loops around
      // this node, so the handler later runs with the item whose row fired the event.
      const handlers = this.component.handlers;
      const params = Object.hasOwn(handlers, value.$handler) ? handlers[value.$handler].params : [];
      return call(ON, [
        t.stringLiteral(value.$handler),
        t.arrayExpression(params.map((p) => t.identifier(p)))
      ]);
    }
    if (isObject(value) && typeof value.$bind === 'string') {
      const { key, computed } = propertyKey(value.$bind);
      return call(BIND, [
        t.stringLiteral(value.$bind),
        t.memberExpression(t.identifier('state'), key, computed)
      ]);
    }
    const slot = this.slots.get(slotKey(id, prop));
    if (slot !== undefined) return call(LITERAL_READER, [t.numericLiteral(slot)]);
    return literal(value as JsonValue);
  }
}

/** `name(state, event, props, caps, ...params) { $guard(); BODY }` for one handler. */
function handlerMethod(
  name: string,
  params: readonly string[],
  body: t.Program | undefined
): t.ObjectMethod {
  const { key, computed } = propertyKey(name);
  const guard = t.expressionStatement(call(GUARD_NAME, []));
  return t.objectMethod(
    'method',
    key,
    [...HANDLER_PARAMS, ...params].map((p) => t.identifier(p)),
    // Directives stay directives of the method (printed before the guard call).
    t.blockStatement([guard, ...(body?.body ?? [])], body?.directives ?? []),
    computed
  );
}

// ---------------------------------------------------------------------------------------------
// Printing text SES accepts

const HEX_LT = '\\x3C';
const HEX_GT = '\\x3E';

/**
 * Breaks `import(` / `import/` and `eval(` inside literal text by escaping their last letter:
 * SES scans the raw source with regexps and refuses these even inside strings.
 */
function breakWords(raw: string, hex: '\\x' | '\\u00'): string {
  return raw
    .replace(/import(?=\s*[(/])/g, `impor${hex}74`)
    .replace(/eval(?=\s*\()/g, `eva${hex}6C`);
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}

/** A string's value as a double-quoted literal with no `<`, `>` or line terminators in it. */
function quoteString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    const code = value.charCodeAt(i);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '<') out += HEX_LT;
    else if (ch === '>') out += HEX_GT;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code === 0x2028 || code === 0x2029) out += `\\u${hex(code, 4)}`;
    else if (code >= 0xd800 && code <= 0xdbff && /[\udc00-\udfff]/.test(value[i + 1] ?? '')) {
      out += ch + value[++i];
    } else if (code >= 0xd800 && code <= 0xdfff) out += `\\u${hex(code, 4)}`;
    else out += ch;
  }
  return breakWords(`${out}"`, '\\x');
}

/**
 * Raw text of a template part or a directive, with `<` and `>` escaped. Escape-aware: `\<` (an
 * escaped `<`, which means `<`) becomes `\x3C`, not `\\x3C`.
 */
function escapeRawText(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\') {
      const next = raw[i + 1] ?? '';
      out += next === '<' ? HEX_LT : next === '>' ? HEX_GT : ch + next;
      i++;
    } else out += ch === '<' ? HEX_LT : ch === '>' ? HEX_GT : ch;
  }
  return breakWords(out, '\\x');
}

/**
 * A regex pattern with its literal `<` and `>` escaped. The `<` and `>` of syntax (lookbehind
 * `(?<=` / `(?<!`, group names `(?<name>`, `\k<name>`) stay, and a `-` right after `(?<!` is
 * escaped so `(?<!--)` cannot print `<!--`. Tracks character classes (nested ones with the v flag),
 * where `(?<` is plain text.
 */
function escapeRegExp(pattern: string, flags: string): string {
  const nestedClasses = flags.includes('v');
  let depth = 0;
  let out = '';
  let i = 0;
  const copyThroughGt = () => {
    const end = pattern.indexOf('>', i);
    const stop = end < 0 ? pattern.length : end + 1;
    out += pattern.slice(i, stop);
    i = stop;
  };
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (next === '<' || next === '>') {
        out += next === '<' ? HEX_LT : HEX_GT;
        i += 2;
      } else if (next === 'k' && pattern[i + 2] === '<' && depth === 0) {
        copyThroughGt();
      } else {
        out += ch + next;
        i += 2;
      }
    } else if (ch === '[') {
      if (depth === 0 || nestedClasses) depth++;
      out += ch;
      i++;
    } else if (ch === ']' && depth > 0) {
      depth--;
      out += ch;
      i++;
    } else if (depth === 0 && pattern.startsWith('(?<', i)) {
      const kind = pattern[i + 3];
      if (kind === '=' || kind === '!') {
        out += pattern.slice(i, i + 4);
        i += 4;
      } else copyThroughGt();
    } else {
      if (ch === '<') out += HEX_LT;
      else if (ch === '>') out += HEX_GT;
      else if (ch === '-' && depth === 0 && out.endsWith('<!')) out += '\\x2D';
      else out += ch;
      i++;
    }
  }
  // `\u0074`, not `\x74`: only the former is allowed inside a group name.
  return breakWords(out, '\\u00');
}

/** Rewrites every string, template, directive and regex of the tree to print without SES's tokens. */
function escapeLiterals(root: t.Node): void {
  // Changing a tagged template's raw text would change what the tag sees; those are left alone
  // and caught by the final scan (policy refuses such source text anyway).
  const tagged = new WeakSet<t.Node>();
  t.traverseFast(root, (node) => {
    if (t.isTaggedTemplateExpression(node)) {
      tagged.add(node.quasi);
    } else if (t.isStringLiteral(node)) {
      node.extra = { raw: quoteString(node.value), rawValue: node.value };
    } else if (t.isTemplateLiteral(node) && !tagged.has(node)) {
      for (const quasi of node.quasis) {
        quasi.value = { raw: escapeRawText(quasi.value.raw), cooked: quasi.value.cooked };
      }
    } else if (t.isDirectiveLiteral(node)) {
      const raw = node.extra?.raw;
      const quote = typeof raw === 'string' ? raw[0] : '"';
      node.extra = { raw: quote + escapeRawText(node.value) + quote, rawValue: node.value };
    } else if (t.isRegExpLiteral(node)) {
      node.pattern = escapeRegExp(node.pattern, node.flags);
    }
  });
}

/**
 * What SES refuses in source text: HTML comment tokens, `import` followed by `(` or a comment
 * (stricter than SES, which allows `x.import(`), and a direct-eval look-alike.
 */
const SES_REFUSED = /<!--|-->|\bimport\s*(?:\(|\/[/*])|(?:^|[^.])\beval\s*\(/;

/**
 * The module form of one component: a script whose completion value is
 * `{ name, render(state, props, caps), handlers: { name(state, event, props, caps, ...params) } }`.
 * Expects a component whose units passed the compile gate; throws (a caller's bug) when a unit
 * does not parse or the printed text would still contain a sequence SES refuses. Deterministic:
 * the same model gives the same text.
 */
export function moduleForm(model: AppModel, componentId: string): string {
  const component = model.components.get(componentId);
  if (!component) throw new Error(`moduleForm: no component ${componentId}`);
  const code = componentCode(model, component);
  const view = new ViewBuilder(
    model,
    component,
    code,
    slotNumbers(literalSlots(model, componentId))
  );

  const render = t.objectMethod(
    'method',
    t.identifier('render'),
    RENDER_PARAMS.map((p) => t.identifier(p)),
    t.blockStatement([
      t.returnStatement(
        model.nodes.has(component.root) ? view.node(component.root) : t.nullLiteral()
      )
    ])
  );
  const handlers = Object.keys(component.handlers)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => handlerMethod(name, component.handlers[name].params, code.handlers.get(name)));
  const program = t.program([
    t.expressionStatement(
      t.objectExpression([
        property('name', t.stringLiteral(component.name)),
        render,
        property('handlers', t.objectExpression(handlers))
      ])
    )
  ]);

  escapeLiterals(program);
  const text = generate(program, { comments: false }).code;
  const refused = SES_REFUSED.exec(text);
  if (refused) {
    throw new Error(
      `moduleForm: the module of ${component.name} contains ${JSON.stringify(refused[0].trim())}, ` +
        'which SES refuses; the policy stage should have refused the code it came from'
    );
  }
  return text;
}
