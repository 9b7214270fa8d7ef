/**
 * Reads one JSX element of the view and its children: the type (an upper-case name), the `id`,
 * each prop as a literal (`name="x"`, `{json}`), a handler (`{name}` on a prop that takes
 * handlers), a binding (`bind:name={state.field}`) or an expression holding its source text as
 * typed. Text, expressions and fragments between elements are refused with what to write instead.
 */
import * as t from '@babel/types';
import { elementSchema } from '../schema/elements';
import type { PropValue } from '../model/types';
import { readLiteral } from './jsx-literal';
import { put, type Reader, type ReadElement } from './import-read';

/** One element with its children. */
export function readElement(
  reader: Reader,
  node: t.JSXElement,
  handlers: ReadonlySet<string>
): ReadElement | undefined {
  const name = node.openingElement.name;
  if (!t.isJSXIdentifier(name)) {
    return reader.fail(
      name,
      `<${reader.slice(name)}> is not an element type: use a built-in element or a component by its plain name`
    );
  }
  if (!/^[A-Z]/.test(name.name)) {
    return reader.fail(
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
      reader.fail(attr, 'spread attributes ({...x}) cannot be read: write each prop out');
      continue;
    }
    const bind = t.isJSXNamespacedName(attr.name);
    if (bind && (attr.name as t.JSXNamespacedName).namespace.name !== 'bind') {
      reader.fail(
        attr.name,
        `unknown attribute prefix in ${reader.slice(attr.name)}: only bind: is read`
      );
      continue;
    }
    const prop = bind
      ? (attr.name as t.JSXNamespacedName).name.name
      : (attr.name as t.JSXIdentifier).name;
    if (seen.has(prop)) {
      reader.fail(attr, `${type} sets "${prop}" twice`);
      continue;
    }
    seen.add(prop);
    const v = attr.value;
    if (prop === 'id' && !bind) {
      if (t.isStringLiteral(v)) id = v.value;
      else reader.fail(attr, 'id must be a plain string: id="b7"');
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
      else reader.fail(attr, `bind:${prop} takes a state field: bind:${prop}={state.field}`);
      continue;
    }
    if (v === null || v === undefined) put(props, prop, true);
    else if (t.isStringLiteral(v)) put(props, prop, v.value);
    else if (t.isJSXExpressionContainer(v)) {
      const e = v.expression;
      if (t.isJSXEmptyExpression(e)) {
        reader.fail(attr, `${prop}={} has no value`);
        continue;
      }
      const inner = reader.source.slice(v.start! + 1, v.end! - 1).trim();
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
                    : reader.slice(e)
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
    } else reader.fail(v, `${prop} must be a string or a {value}`);
  }
  const children: ReadElement[] = [];
  for (const child of node.children) {
    if (t.isJSXText(child)) {
      if (child.value.trim() !== '')
        reader.fail(
          child,
          `text cannot stand between elements: put it in <Text text="${child.value.trim().slice(0, 40)}" />`
        );
    } else if (t.isJSXExpressionContainer(child)) {
      if (!t.isJSXEmptyExpression(child.expression))
        reader.fail(
          child,
          'expressions cannot stand between elements: use <If when={...}> or <Each items={...}>'
        );
    } else if (t.isJSXElement(child)) {
      const read = readElement(reader, child, handlers);
      if (read) children.push(read);
    } else reader.fail(child, 'fragments and spread children cannot be read: use a Stack');
  }
  return { node, type, id, props, children };
}
