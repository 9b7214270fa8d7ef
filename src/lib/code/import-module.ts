/**
 * Reads a JSX-form module's statements: `interface State` and `const state` (with `scopes`),
 * `interface Props` and `defaultProps`, `capabilities`, each handler `function`, and the
 * `export default function Name()` whose returned element is the view. The inverse of jsx.ts's
 * module printer; the element tree is read by import-element.ts.
 */
import * as t from '@babel/types';
import { zeroValue } from '../schema/statetype';
import type { Capabilities, JsonValue, PropDecl, StateType } from '../model/types';
import { normalizeBody } from './jsx';
import { readLiteral } from './jsx-literal';
import { put, type Reader, type ReadComponent, type ReadHandler } from './import-read';
import { readElement } from './import-element';
import { readMembers } from './import-state-type';

/** The component a module's text declares, or undefined (with errors in `reader`). */
export function readModule(reader: Reader, file: t.File): ReadComponent | undefined {
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
        reader.fail(
          statement,
          `unexpected type ${name}: a component declares only State and Props`
        );
        continue;
      }
      const members = t.isTSInterfaceDeclaration(statement)
        ? statement.body.body
        : t.isTSTypeLiteral(statement.typeAnnotation)
          ? statement.typeAnnotation.members
          : reader.fail(statement.typeAnnotation, `${name} must be an object type`);
      if (!members) continue;
      const fields = readMembers(reader, members);
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
        reader.fail(
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
        reader.fail(
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
        reader.fail(
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
      const handler = readHandler(reader, statement);
      if (handler) put(handlers, statement.id!.name, handler);
    } else if (t.isExportDefaultDeclaration(statement)) {
      const fn = statement.declaration;
      if (!t.isFunctionDeclaration(fn) || !fn.id) {
        reader.fail(
          statement,
          'the default export must be `export default function Name() { return (...); }`'
        );
        continue;
      }
      const body = fn.body.body;
      const ret = body.length === 1 && t.isReturnStatement(body[0]) ? body[0].argument : null;
      if (!ret || !t.isJSXElement(ret)) {
        reader.fail(
          fn.body,
          `${fn.id.name} must only return one JSX element: \`return (<Stack id="...">...</Stack>);\``
        );
        continue;
      }
      component = { name: fn.id.name, nameNode: fn.id, jsx: ret };
    } else if (!t.isEmptyStatement(statement)) {
      reader.fail(
        statement,
        'unexpected statement: a component module holds State, state, handler functions and `export default function`'
      );
    }
  }
  if (!component) {
    if (reader.errors.length === 0)
      reader.fail(
        file.program,
        'no `export default function Name() { return (...); }`: which component is this?'
      );
    return undefined;
  }
  // Read the view last: handlers may be declared after the component.
  const view = readElement(reader, component.jsx, new Set(Object.keys(handlers)));
  if (!view) return undefined;

  const state: ReadComponent['state'] = {};
  for (const [name, field] of Object.entries(types ?? {})) {
    const type = field.optional ? { optional: field.type } : field.type;
    const scope = Object.hasOwn(scopes, name) ? scopes[name] : 'shared';
    if (scope !== 'shared' && scope !== 'local' && scope !== 'person')
      reader.fail(
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
      reader.fail(scopesNode!, `scopes names "${name}", which interface State does not declare`);
  for (const name of Object.keys(initial ?? {}))
    if (!types || !Object.hasOwn(types, name))
      reader.fail(stateNode, `state field "${name}" has no type: declare it in interface State`);

  const props: Record<string, PropDecl> = {};
  for (const [name, field] of Object.entries(propTypes ?? {})) {
    const type = field.optional ? { optional: field.type } : field.type;
    put(props, name, Object.hasOwn(defaults, name) ? { type, default: defaults[name] } : { type });
  }
  for (const name of Object.keys(defaults))
    if (!Object.hasOwn(props, name))
      reader.fail(
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

/** A handler function: plain parameters (loop variables) and its body as written. */
function readHandler(reader: Reader, fn: t.FunctionDeclaration): ReadHandler | undefined {
  const name = fn.id!.name;
  if (fn.async || fn.generator) return reader.fail(fn, `handler ${name} must be a plain function`);
  const params: string[] = [];
  for (const p of fn.params) {
    if (!t.isIdentifier(p) || p.optional)
      return reader.fail(
        p,
        `handler ${name}: each parameter must be a plain name (a loop variable)`
      );
    params.push(p.name);
  }
  const body = reader.source.slice(fn.body.start! + 1, fn.body.end! - 1);
  return { params, body: normalizeBody(body) };
}
