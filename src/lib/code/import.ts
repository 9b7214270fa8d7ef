/**
 * The JSX form back to ops: parse an edited component module (@babel/parser, `jsx` and
 * `typescript`), read it into plain data (state, handlers, capabilities, the element tree with
 * typed prop values), then diff it by id against the model's component of the same name and
 * return the smallest batch that makes the model say what the text says. Pure: text and model in,
 * ops or coded errors out; the batch still goes through planOps and the gate like any other.
 *
 * Reading rules (the inverse of jsx.ts): `name="x"` and `{json literal}` are literals, `{handler}`
 * on a prop that takes handlers is a handler, `bind:name={state.field}` a binding, anything else
 * an expression holding its source text. Code is taken from the source as written, so what a
 * person typed is what the model stores.
 *
 * Decisions: an element whose id is unknown, or whose type changed, is new (it gets a fresh id;
 * the old node, if any, is removed). A top-level element of a new component that is not a Stack
 * goes inside the new root Stack. Declared props of an existing component cannot change (no op
 * does that yet). A state field gone and another added is a remove and an add (renameState is not
 * guessed).
 */
import { parse } from '@babel/parser';
import * as t from '@babel/types';
import { elementSchema } from '../schema/elements';
import { zeroValue } from '../schema/statetype';
import {
  childrenOf,
  componentByName,
  scopeOf,
  subtreeIds,
  type AppModel,
  type Capabilities,
  type ComponentRecord,
  type JsonValue,
  type NodeSpec,
  type Op,
  type PropDecl,
  type PropValue,
  type StateScope,
  type StateType
} from '../model/types';
import { editError, type EditError } from '../ops/errors';
import { codeFrame, describeSyntaxError } from './frame';
import { literalKey, normalizeBody, readLiteral } from './jsx';

/** The ops that make the model match the text, or why the text cannot be read. */
export type ImportResult =
  { ok: true; ops: Op[]; component: string } | { ok: false; errors: EditError[] };

/** Reads an edited JSX-form module and diffs it against the model's component of that name. */
export function importComponent(source: string, model: AppModel): ImportResult {
  let file: t.File;
  try {
    file = parse(source, { sourceType: 'module', plugins: ['jsx', 'typescript'] });
  } catch (e) {
    const { message, frame } = describeSyntaxError(e, source);
    return {
      ok: false,
      errors: [
        editError('E_SYNTAX', `the component does not parse: ${message}`, {
          frame
        })
      ]
    };
  }
  const reader = new Reader(source);
  const read = reader.module(file);
  if (!read || reader.errors.length > 0) return { ok: false, errors: reader.errors };
  const existing = componentByName(model, read.name);
  checkIds(reader, model, read, existing);
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  const ops = new Differ(model, read, existing, reader).diff();
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  return { ok: true, ops, component: read.name };
}

// ---------------------------------------------------------------------------------------------
// Reading the module

/** One element of the text. */
interface ReadElement {
  readonly node: t.JSXElement;
  readonly type: string;
  /** The id attribute, if any (may name no node, or a node of another type: then it is new). */
  readonly id?: string;
  readonly props: Record<string, PropValue>;
  readonly children: ReadElement[];
}

interface ReadHandler {
  readonly params: string[];
  readonly body: string;
}

/** A component as the text says it. */
interface ReadComponent {
  readonly name: string;
  readonly nameNode: t.Node;
  /** Declared props (interface Props + defaultProps), in text order. */
  readonly props: Record<string, PropDecl>;
  readonly propsNode?: t.Node;
  readonly state: Record<string, { type: StateType; initial: JsonValue; scope?: StateScope }>;
  readonly handlers: Record<string, ReadHandler>;
  readonly capabilities: Capabilities;
  readonly view: ReadElement;
}

/** Reads the parts of a module; collects every problem as an E_IMPORT_JSX with a frame. */
class Reader {
  readonly errors: EditError[] = [];

  constructor(readonly source: string) {}

  fail(node: t.Node | null | undefined, message: string): undefined {
    const loc = node?.loc?.start ?? { line: 1, column: 0 };
    this.errors.push(
      editError('E_IMPORT_JSX', message, {
        frame: codeFrame(this.source, loc.line, loc.column, message)
      })
    );
    return undefined;
  }

  slice(node: t.Node): string {
    return this.source.slice(node.start!, node.end!);
  }

  module(file: t.File): ReadComponent | undefined {
    let types: Record<string, { type: StateType; optional: boolean; node: t.Node }> | undefined;
    let propTypes: typeof types;
    let propsNode: t.Node | undefined;
    let initial: Record<string, JsonValue> | undefined;
    let stateNode: t.Node | undefined;
    let defaults: Record<string, JsonValue> = {};
    let capabilities: Capabilities = {};
    let scopes: Record<string, JsonValue> = {};
    let scopesNode: t.Node | undefined;
    const handlers: Record<string, ReadHandler> = {};
    let component: { name: string; nameNode: t.Node; jsx: t.JSXElement } | undefined;

    for (const statement of file.program.body) {
      if (t.isTSInterfaceDeclaration(statement) || t.isTSTypeAliasDeclaration(statement)) {
        const name = statement.id.name;
        if (name !== 'State' && name !== 'Props') {
          this.fail(
            statement,
            `unexpected type ${name}: a component declares only State and Props`
          );
          continue;
        }
        const members = t.isTSInterfaceDeclaration(statement)
          ? statement.body.body
          : t.isTSTypeLiteral(statement.typeAnnotation)
            ? statement.typeAnnotation.members
            : this.fail(statement.typeAnnotation, `${name} must be an object type`);
        if (!members) continue;
        const fields = this.members(members);
        if (name === 'State') {
          types = fields;
          stateNode = statement;
        } else {
          propTypes = fields;
          propsNode = statement;
        }
      } else if (t.isVariableDeclaration(statement)) {
        const decl = statement.declarations[0];
        const name = t.isIdentifier(decl.id) ? decl.id.name : '';
        if (statement.declarations.length !== 1 || statement.kind !== 'const' || !decl.init) {
          this.fail(
            statement,
            'only `const state`, `const scopes`, `const defaultProps` and `const capabilities` may be declared'
          );
          continue;
        }
        if (
          name !== 'state' &&
          name !== 'scopes' &&
          name !== 'defaultProps' &&
          name !== 'capabilities'
        ) {
          this.fail(
            statement,
            `unexpected constant ${name}: only state, scopes, defaultProps and capabilities are read`
          );
          continue;
        }
        const value = readLiteral(decl.init);
        if (
          value === undefined ||
          value === null ||
          typeof value !== 'object' ||
          Array.isArray(value)
        ) {
          this.fail(
            decl.init,
            `${name} must be an object of literal values (numbers, strings, booleans, null, lists, objects)`
          );
          continue;
        }
        if (name === 'state') {
          initial = value as Record<string, JsonValue>;
          stateNode ??= statement;
        } else if (name === 'scopes') {
          scopes = value as Record<string, JsonValue>;
          scopesNode = decl.init;
        } else if (name === 'defaultProps') defaults = value as Record<string, JsonValue>;
        else capabilities = value as Capabilities;
      } else if (t.isFunctionDeclaration(statement)) {
        const handler = this.handler(statement);
        if (handler) put(handlers, statement.id!.name, handler);
      } else if (t.isExportDefaultDeclaration(statement)) {
        const fn = statement.declaration;
        if (!t.isFunctionDeclaration(fn) || !fn.id) {
          this.fail(
            statement,
            'the default export must be `export default function Name() { return (...); }`'
          );
          continue;
        }
        const body = fn.body.body;
        const ret = body.length === 1 && t.isReturnStatement(body[0]) ? body[0].argument : null;
        if (!ret || !t.isJSXElement(ret)) {
          this.fail(
            fn.body,
            `${fn.id.name} must only return one JSX element: \`return (<Stack id="...">...</Stack>);\``
          );
          continue;
        }
        component = { name: fn.id.name, nameNode: fn.id, jsx: ret };
      } else if (!t.isEmptyStatement(statement)) {
        this.fail(
          statement,
          'unexpected statement: a component module holds State, state, handler functions and `export default function`'
        );
      }
    }
    if (!component) {
      if (this.errors.length === 0)
        this.fail(
          file.program,
          'no `export default function Name() { return (...); }`: which component is this?'
        );
      return undefined;
    }
    // Read the view last: handlers may be declared after the component.
    const view = this.element(component.jsx, new Set(Object.keys(handlers)));
    if (!view) return undefined;

    const state: ReadComponent['state'] = {};
    for (const [name, field] of Object.entries(types ?? {})) {
      const type = field.optional ? { optional: field.type } : field.type;
      const scope = Object.hasOwn(scopes, name) ? scopes[name] : 'shared';
      if (scope !== 'shared' && scope !== 'local' && scope !== 'person')
        this.fail(
          scopesNode!,
          `the scope of "${name}" must be 'shared', 'local' or 'person', not ${JSON.stringify(scope)}`
        );
      put(state, name, {
        type,
        initial: initial && Object.hasOwn(initial, name) ? initial[name] : zeroValue(type),
        ...(scope === 'local' || scope === 'person' ? { scope } : {})
      });
    }
    for (const name of Object.keys(scopes))
      if (!types || !Object.hasOwn(types, name))
        this.fail(scopesNode!, `scopes names "${name}", which interface State does not declare`);
    for (const name of Object.keys(initial ?? {}))
      if (!types || !Object.hasOwn(types, name))
        this.fail(stateNode, `state field "${name}" has no type: declare it in interface State`);

    const props: Record<string, PropDecl> = {};
    for (const [name, field] of Object.entries(propTypes ?? {})) {
      const type = field.optional ? { optional: field.type } : field.type;
      put(
        props,
        name,
        Object.hasOwn(defaults, name) ? { type, default: defaults[name] } : { type }
      );
    }
    for (const name of Object.keys(defaults))
      if (!Object.hasOwn(props, name))
        this.fail(
          propsNode,
          `defaultProps names "${name}", which interface Props does not declare`
        );

    return {
      name: component.name,
      nameNode: component.nameNode,
      props,
      propsNode,
      state,
      handlers,
      capabilities,
      view
    };
  }

  members(
    members: t.TSTypeElement[]
  ): Record<string, { type: StateType; optional: boolean; node: t.Node }> {
    const out: Record<string, { type: StateType; optional: boolean; node: t.Node }> = {};
    for (const m of members) {
      const key = t.isTSPropertySignature(m) ? literalKey(m.key, m.computed) : undefined;
      if (!t.isTSPropertySignature(m) || key === undefined || !m.typeAnnotation) {
        this.fail(m, 'each member must be `name: Type`');
        continue;
      }
      const type = this.type(m.typeAnnotation.typeAnnotation);
      if (type) put(out, key, { type, optional: !!m.optional, node: m });
    }
    return out;
  }

  /** A TypeScript type as a state type, or undefined (with an error) for what has none. */
  type(node: t.TSType): StateType | undefined {
    const unsupported = () =>
      this.fail(
        node,
        `unsupported type \`${this.slice(node)}\`: use number, string, boolean, T[], { a: T }, "x" | "y" or T | null`
      );
    const inner = node as t.TSType & { typeAnnotation?: t.TSType };
    if ((node.type as string) === 'TSParenthesizedType') return this.type(inner.typeAnnotation!);
    if (t.isTSNumberKeyword(node)) return 'number';
    if (t.isTSStringKeyword(node)) return 'string';
    if (t.isTSBooleanKeyword(node)) return 'boolean';
    if (t.isTSArrayType(node)) {
      const element = this.type(node.elementType);
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
        const element = this.type(params.params[0]);
        return element && { array: element };
      }
      return unsupported();
    }
    if (t.isTSTypeLiteral(node)) {
      const fields = this.members(node.members);
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
      if (rest.length === 1) type = this.type(rest[0]);
      else if (rest.length > 1) {
        const values = rest.map((m) => (t.isTSLiteralType(m) ? enumValue(m) : undefined));
        if (values.some((v) => v === undefined)) return unsupported();
        type = { enum: values as [string | number, ...(string | number)[]] };
      } else return unsupported();
      return type && (nullable ? { optional: type } : type);
    }
    return unsupported();
  }

  handler(fn: t.FunctionDeclaration): ReadHandler | undefined {
    const name = fn.id!.name;
    if (fn.async || fn.generator) return this.fail(fn, `handler ${name} must be a plain function`);
    const params: string[] = [];
    for (const p of fn.params) {
      if (!t.isIdentifier(p) || p.optional)
        return this.fail(
          p,
          `handler ${name}: each parameter must be a plain name (a loop variable)`
        );
      params.push(p.name);
    }
    const body = this.source.slice(fn.body.start! + 1, fn.body.end! - 1);
    return { params, body: normalizeBody(body) };
  }

  /** One element with its children. */
  element(node: t.JSXElement, handlers: ReadonlySet<string>): ReadElement | undefined {
    const name = node.openingElement.name;
    if (!t.isJSXIdentifier(name)) {
      return this.fail(
        name,
        `<${this.slice(name)}> is not an element type: use a built-in element or a component by its plain name`
      );
    }
    if (!/^[A-Z]/.test(name.name)) {
      return this.fail(
        name,
        `<${name.name}> is not a Malleable element: element types start with an upper-case letter (Stack, Text, Button, ... or a component of the app)`
      );
    }
    const type = name.name;
    const propSchemas = elementSchema(type)?.properties;
    const props: Record<string, PropValue> = {};
    let id: string | undefined;
    const seen = new Set<string>();
    for (const attr of node.openingElement.attributes) {
      if (t.isJSXSpreadAttribute(attr)) {
        this.fail(attr, 'spread attributes ({...x}) cannot be read: write each prop out');
        continue;
      }
      const bind = t.isJSXNamespacedName(attr.name);
      if (bind && (attr.name as t.JSXNamespacedName).namespace.name !== 'bind') {
        this.fail(
          attr.name,
          `unknown attribute prefix in ${this.slice(attr.name)}: only bind: is read`
        );
        continue;
      }
      const prop = bind
        ? (attr.name as t.JSXNamespacedName).name.name
        : (attr.name as t.JSXIdentifier).name;
      if (seen.has(prop)) {
        this.fail(attr, `${type} sets "${prop}" twice`);
        continue;
      }
      seen.add(prop);
      const v = attr.value;
      if (prop === 'id' && !bind) {
        if (t.isStringLiteral(v)) id = v.value;
        else this.fail(attr, 'id must be a plain string: id="b7"');
        continue;
      }
      if (bind) {
        const e = t.isJSXExpressionContainer(v) ? v.expression : null;
        if (
          e &&
          t.isMemberExpression(e) &&
          !e.computed &&
          t.isIdentifier(e.object, { name: 'state' }) &&
          t.isIdentifier(e.property)
        )
          put(props, prop, { $bind: e.property.name });
        else this.fail(attr, `bind:${prop} takes a state field: bind:${prop}={state.field}`);
        continue;
      }
      if (v === null || v === undefined) put(props, prop, true);
      else if (t.isStringLiteral(v)) put(props, prop, v.value);
      else if (t.isJSXExpressionContainer(v)) {
        const e = v.expression;
        if (t.isJSXEmptyExpression(e)) {
          this.fail(attr, `${prop}={} has no value`);
          continue;
        }
        const inner = this.source.slice(v.start! + 1, v.end! - 1).trim();
        if (readLiteral(e) !== undefined) {
          // `{(1)}` is the expression `1`; `{1}` the literal (see jsx.ts).
          const parenthesized = (e.extra as { parenthesized?: boolean } | undefined)?.parenthesized;
          put(
            props,
            prop,
            parenthesized
              ? {
                  $expr:
                    inner.startsWith('(') && inner.endsWith(')')
                      ? inner.slice(1, -1).trim()
                      : this.slice(e)
                }
              : (readLiteral(e) as PropValue)
          );
          continue;
        }
        const kinds = propSchemas?.[prop]?.['x-kinds'];
        if (
          t.isIdentifier(e) &&
          kinds?.includes('handler') &&
          (handlers.has(e.name) || !kinds.includes('expr'))
        )
          put(props, prop, { $handler: e.name });
        else put(props, prop, { $expr: inner });
      } else this.fail(v, `${prop} must be a string or a {value}`);
    }
    const children: ReadElement[] = [];
    for (const child of node.children) {
      if (t.isJSXText(child)) {
        if (child.value.trim() !== '')
          this.fail(
            child,
            `text cannot stand between elements: put it in <Text text="${child.value.trim().slice(0, 40)}" />`
          );
      } else if (t.isJSXExpressionContainer(child)) {
        if (!t.isJSXEmptyExpression(child.expression))
          this.fail(
            child,
            'expressions cannot stand between elements: use <If when={...}> or <Each items={...}>'
          );
      } else if (t.isJSXElement(child)) {
        const read = this.element(child, handlers);
        if (read) children.push(read);
      } else this.fail(child, 'fragments and spread children cannot be read: use a Stack');
    }
    return { node, type, id, props, children };
  }
}

/**
 * Sets a field by definition: names come from the text, and `record.__proto__ = v` would set the
 * prototype instead of a field.
 */
function put<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true
  });
}

function enumValue(node: t.TSLiteralType): string | number | undefined {
  const l = node.literal;
  if (t.isStringLiteral(l)) return l.value;
  if (t.isNumericLiteral(l)) return l.value;
  if (t.isUnaryExpression(l) && l.operator === '-' && t.isNumericLiteral(l.argument))
    return -l.argument.value;
  return undefined;
}

/** Duplicate ids, and ids of nodes of other components, are errors. */
function checkIds(
  reader: Reader,
  model: AppModel,
  read: ReadComponent,
  existing: ComponentRecord | undefined
): void {
  const seen = new Set<string>();
  const visit = (el: ReadElement) => {
    if (el.id !== undefined) {
      if (seen.has(el.id))
        reader.fail(
          el.node,
          `id "${el.id}" is used twice; a copy of an element needs no id (remove it from the copy)`
        );
      seen.add(el.id);
      const node = model.nodes.get(el.id);
      if (node && node.component !== existing?.id) {
        const owner = model.components.get(node.component)?.name ?? node.component;
        reader.fail(
          el.node,
          `id "${el.id}" belongs to component ${owner}, not ${read.name}` +
            (existing
              ? '; remove the id to add a copy'
              : `; to rename ${owner}, use renameComponent, or remove the ids to add a new component`)
        );
      }
    }
    el.children.forEach(visit);
  };
  visit(read.view);
  if (existing) {
    const root = model.nodes.get(existing.root);
    if (read.view.id !== existing.root || (root && root.type !== read.view.type))
      reader.fail(
        read.view.node,
        `the outermost element of ${read.name} is its root <${root?.type ?? 'Stack'} id="${existing.root}">; keep it and put elements inside it`
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Diffing against the model

/** A JSON value equality where object fields may come in any order. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => same(v, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.hasOwn(b, k) &&
        same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
    )
  );
}

/** A target element with the id it has (or will have) while the batch is planned. */
interface Target {
  readonly el: ReadElement;
  /** The model id when it matches a node, else a temporary id. */
  readonly ref: string;
  readonly isNew: boolean;
  readonly children: Target[];
}

class Differ {
  private readonly ops: Op[] = [];
  private readonly handlers: ReadonlySet<string>;
  private readonly matched = new Set<string>();
  private readonly taken = new Set<string>();
  private readonly tempCounts = new Map<string, number>();
  /** The children lists while the batch is planned, by node ref (model id or temporary id). */
  private readonly sim = new Map<string, string[]>();
  private readonly parentOf = new Map<string, string>();
  private readonly retyped = new Set<string>();
  private readonly deferred: Op[] = [];

  constructor(
    private readonly model: AppModel,
    private readonly read: ReadComponent,
    private readonly existing: ComponentRecord | undefined,
    private readonly reader: Reader
  ) {
    this.handlers = new Set(Object.keys(read.handlers));
    for (const id of model.nodes.keys()) this.taken.add(id);
    const collect = (el: ReadElement) => {
      if (el.id) this.taken.add(el.id);
      el.children.forEach(collect);
    };
    collect(read.view);
  }

  /** A temporary id for a new node (`b1`, `t2`, ...; `root` for a new component's root), unused so far. */
  private temp(prefix: string): string {
    for (let n = this.tempCounts.get(prefix) ?? 1; ; n++) {
      const id = prefix === 'root' && n === 1 ? 'root' : `${prefix}${n}`;
      if (this.taken.has(id)) continue;
      this.taken.add(id);
      this.tempCounts.set(prefix, n + 1);
      return id;
    }
  }

  diff(): Op[] {
    const { read, existing } = this;
    const name = read.name;
    const component = existing ?? this.newComponent();
    if (existing && !same(existing.props, read.props))
      this.reader.fail(
        read.propsNode ?? read.nameNode,
        `the declared props of ${name} cannot be changed from code yet; change them back`
      );

    for (const [h, handler] of Object.entries(read.handlers)) {
      const old = Object.hasOwn(component.handlers, h) ? component.handlers[h] : undefined;
      if (old && same(old.params, handler.params) && normalizeBody(old.body) === handler.body)
        continue;
      this.ops.push({
        op: 'setHandler',
        component: name,
        name: h,
        ...(handler.params.length > 0 ? { params: handler.params } : {}),
        body: handler.body
      } as Op);
    }
    const retypes: Op[] = [];
    const scoped: Op[] = [];
    for (const [f, field] of Object.entries(read.state)) {
      const old = Object.hasOwn(component.state, f) ? component.state[f] : undefined;
      if (!old) {
        this.ops.push({
          op: 'addState',
          component: name,
          name: f,
          type: field.type,
          initial: field.initial,
          ...(field.scope ? { scope: field.scope } : {})
        });
      } else if (!same(old.type, field.type) || !same(old.initial, field.initial)) {
        this.retyped.add(f);
        retypes.push({
          op: 'retypeState',
          component: name,
          name: f,
          type: field.type,
          migrate: 'value',
          initial: field.initial
        });
      }
    }

    // After the retype (which keeps a field's scope), so the scope read here is the last word.
    for (const [f, field] of Object.entries(read.state)) {
      const old = Object.hasOwn(component.state, f) ? component.state[f] : undefined;
      if (old && scopeOf(old) !== (field.scope ?? 'shared'))
        scoped.push({
          op: 'setStateScope',
          component: name,
          name: f,
          scope: field.scope ?? 'shared'
        });
    }
    const root = this.target(read.view, component);
    this.place(root);
    this.removeGone(component);
    this.ops.push(...retypes, ...scoped, ...this.deferred);
    for (const f of Object.keys(component.state))
      if (!Object.hasOwn(read.state, f))
        this.ops.push({ op: 'removeState', component: name, name: f });
    for (const h of Object.keys(component.handlers))
      if (!Object.hasOwn(read.handlers, h))
        this.ops.push({ op: 'removeHandler', component: name, name: h });
    if (!same(component.capabilities, read.capabilities))
      this.ops.push({ op: 'setCapabilities', component: name, capabilities: read.capabilities });
    return this.dropUnusedTemps(this.ops);
  }

  /** addComponent, and a stand-in record for the empty component it makes. */
  private newComponent(): ComponentRecord {
    const root = this.temp('root');
    const props = this.read.props;
    this.ops.push({
      op: 'addComponent',
      name: this.read.name,
      ...(Object.keys(props).length > 0 ? { props } : {}),
      id: root
    });
    this.sim.set(root, []);
    return { id: '', name: this.read.name, root, props, state: {}, handlers: {}, capabilities: {} };
  }

  /** The target tree: which elements match which nodes; sets the props of matched ones. */
  private target(view: ReadElement, component: ComponentRecord): Target {
    if (!this.existing && view.type !== 'Stack') {
      // A new component's root is the Stack addComponent makes: the element goes inside it.
      this.matched.add(component.root);
      const child = this.build(view, component, false);
      return {
        el: { ...view, type: 'Stack', props: {}, children: [view] },
        ref: component.root,
        isNew: false,
        children: [child]
      };
    }
    return this.build(view, component, true);
  }

  private build(el: ReadElement, component: ComponentRecord, isRoot: boolean): Target {
    let ref: string;
    let isNew = false;
    const node = isRoot
      ? this.model.nodes.get(component.root)
      : el.id !== undefined
        ? this.model.nodes.get(el.id)
        : undefined;
    if (isRoot) {
      ref = component.root;
      this.setProps(ref, el.type, node?.props ?? {}, el.props);
    } else if (
      node &&
      node.type === el.type &&
      node.component === this.existing?.id &&
      !this.matched.has(node.id)
    ) {
      ref = node.id;
      this.setProps(ref, el.type, node.props, el.props);
    } else {
      ref = this.temp(el.type.charAt(0).toLowerCase() || 'n');
      isNew = true;
    }
    this.matched.add(ref);
    return { el, ref, isNew, children: el.children.map((c) => this.build(c, component, false)) };
  }

  /** Prop changes of a matched node: set/unset now, or after the retypes for a binding to a retyped field. */
  private setProps(
    id: string,
    type: string,
    before: Readonly<Record<string, PropValue>>,
    after: Record<string, PropValue>
  ): void {
    for (const prop of Object.keys(before))
      if (!Object.hasOwn(after, prop)) this.ops.push({ op: 'unsetProp', id, name: prop });
    for (const [prop, value] of Object.entries(after)) {
      const old = Object.hasOwn(before, prop) ? before[prop] : undefined;
      if (old !== undefined && same(this.canonical(type, prop, old), value)) continue;
      if (this.bindsRetyped(value)) {
        // The binding's type check must see the field's new type, so it waits for the retype;
        // an old binding to a retyped field is cleared first so the retype's own check passes.
        if (old !== undefined && this.bindsRetyped(old))
          this.ops.push({ op: 'unsetProp', id, name: prop });
        this.deferred.push({ op: 'setProp', id, name: prop, value });
      } else this.ops.push({ op: 'setProp', id, name: prop, value });
    }
  }

  private bindsRetyped(value: PropValue | undefined): boolean {
    const field =
      value && typeof value === 'object' && !Array.isArray(value)
        ? (value as { $bind?: unknown }).$bind
        : undefined;
    return typeof field === 'string' && this.retyped.has(field);
  }

  /**
   * A model prop value as the text would read it back: an expression without its surrounding
   * space, and a bare name on a handler prop as the handler (the only spelling it has).
   */
  private canonical(type: string, prop: string, value: PropValue): PropValue {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const source = (value as { $expr?: unknown }).$expr;
    if (typeof source !== 'string') return value;
    const trimmed = source.trim();
    const kinds = elementSchema(type)?.properties[prop]?.['x-kinds'];
    if (
      kinds?.includes('handler') &&
      /^[A-Za-z_$][\w$]*$/.test(trimmed) &&
      (this.handlers.has(trimmed) || !kinds.includes('expr'))
    )
      return { $handler: trimmed };
    return { $expr: trimmed };
  }

  private children(ref: string): string[] {
    let list = this.sim.get(ref);
    if (!list) {
      list = [...childrenOf(this.model, ref)];
      for (const c of list) this.parentOf.set(c, ref);
      this.sim.set(ref, list);
    }
    return list;
  }

  /**
   * Puts every target's children in order, top-down: new elements are added in place (with their
   * new descendants nested), matched ones moved only when they are not part of the longest run
   * already in order. Parents are placed before their children, so a node is never moved into
   * its own descendant, and a move's new parent already exists.
   */
  private place(root: Target): void {
    const queue = [root];
    for (let next = 0; next < queue.length; next++) {
      const parent = queue[next];
      queue.push(...parent.children);
      const list = this.children(parent.ref);
      const wanted = parent.children.map((c) => c.ref);
      const present = wanted.filter((r) => list.includes(r));
      const kept = new Set(longestInOrder(present, (r) => list.indexOf(r)));
      wanted.forEach((ref, k) => {
        if (kept.has(ref)) return;
        const child = parent.children[k];
        if (child.isNew && !this.parentOf.has(ref)) {
          const at = k === 0 ? 0 : list.indexOf(wanted[k - 1]) + 1;
          this.ops.push({
            op: 'addNode',
            parent: parent.ref,
            ...(at === list.length ? {} : { index: at }),
            ...this.spec(child)
          });
          list.splice(at, 0, ref);
          this.parentOf.set(ref, parent.ref);
          return;
        }
        const from = this.parentOf.get(ref) ?? this.model.nodes.get(ref)?.parent ?? undefined;
        if (from !== undefined) {
          const old = this.children(from);
          old.splice(old.indexOf(ref), 1);
        }
        const at = k === 0 ? 0 : list.indexOf(wanted[k - 1]) + 1;
        this.ops.push({
          op: 'moveNode',
          id: ref,
          parent: parent.ref,
          ...(at === list.length ? {} : { index: at })
        });
        list.splice(at, 0, ref);
        this.parentOf.set(ref, parent.ref);
      });
    }
  }

  /** The addNode spec of a new element: its new descendants nested; matched ones are moved in later. */
  private spec(target: Target): NodeSpec & { id: string } {
    const props: Record<string, PropValue> = {};
    for (const [prop, value] of Object.entries(target.el.props)) {
      if (this.bindsRetyped(value))
        this.deferred.push({ op: 'setProp', id: target.ref, name: prop, value });
      else put(props, prop, value);
    }
    const kids = target.children.filter((c) => c.isNew);
    this.sim.set(
      target.ref,
      kids.map((c) => c.ref)
    );
    for (const c of kids) this.parentOf.set(c.ref, target.ref);
    return {
      id: target.ref,
      type: target.el.type,
      ...(Object.keys(props).length > 0 ? { props } : {}),
      ...(kids.length > 0 ? { children: kids.map((c) => this.spec(c)) } : {})
    };
  }

  /** removeNode for nodes the text no longer has, skipping those under another removed node. */
  private removeGone(component: ComponentRecord): void {
    if (!this.existing) return;
    const gone = subtreeIds(this.model, component.root).filter((id) => !this.matched.has(id));
    const goneSet = new Set(gone);
    for (const id of gone) {
      const parent = this.model.nodes.get(id)!.parent;
      if (parent !== null && !goneSet.has(parent)) this.ops.push({ op: 'removeNode', id });
    }
  }

  /** Temporary ids only where a later op names them. */
  private dropUnusedTemps(ops: Op[]): Op[] {
    const named = new Set<string>();
    for (const op of ops) {
      if (op.op === 'addNode' || op.op === 'moveNode') named.add(op.parent);
      if (op.op === 'setProp' || op.op === 'unsetProp') named.add(op.id);
    }
    const strip = <T extends { id?: string; children?: NodeSpec[] }>(spec: T): T => {
      const { id, children, ...rest } = spec;
      return {
        ...(id !== undefined && named.has(id) ? { id } : {}),
        ...rest,
        ...(children ? { children: children.map(strip) } : {})
      } as T;
    };
    return ops.map((op) => {
      if (op.op === 'addNode') {
        const { op: _, parent, index, ...spec } = op;
        const s = strip(spec);
        return { op: 'addNode', parent, ...(index !== undefined ? { index } : {}), ...s } as Op;
      }
      if (op.op === 'addComponent' && op.id !== undefined && !named.has(op.id)) {
        const { id: _, ...rest } = op;
        return rest;
      }
      return op;
    });
  }
}

/** The longest subsequence of `items` whose positions (by `pos`) increase: the ones that need no move. */
function longestInOrder(items: string[], pos: (item: string) => number): string[] {
  const n = items.length;
  const p = items.map(pos);
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  let best = -1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++)
      if (p[j] < p[i] && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
    if (best < 0 || len[i] > len[best]) best = i;
  }
  const out: string[] = [];
  for (let i = best; i >= 0; i = prev[i]) out.unshift(items[i]);
  return out;
}
