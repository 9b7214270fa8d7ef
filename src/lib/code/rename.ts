/**
 * Renaming a state field everywhere it is read: the `renameState` op moves the field, its data
 * and its bindings; this adds the ops that rewrite the expressions and handler bodies of the
 * component that read it (`state.draft` → `state.text`, `state['draft']`, and
 * `const { draft } = state` → `const { text: draft } = state`), found with @babel/traverse so
 * strings and comments that merely mention the name are left alone. Pure: model in, ops out.
 * Whatever this does not rewrite is still caught by the compile gate's type check.
 */
import traverse from '@babel/traverse';
import * as t from '@babel/types';
import { componentByName, type AppModel, type Op } from '../model/types';
import { editError, type EditError } from '../ops/errors';
import { parseUnit } from './parse';
import { componentUnits, type CodeUnit } from './units';

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Whether `path` reads the component's own `state` (not a local of that name). */
function isState(node: t.Node, scope: { hasBinding(name: string): boolean }): boolean {
  return t.isIdentifier(node, { name: 'state' }) && !scope.hasBinding('state');
}

/** The source edits that rename `from` to `to` in one unit; null when it does not parse. */
function unitEdits(unit: CodeUnit, from: string, to: string): Edit[] | null {
  const parsed = parseUnit(unit);
  if (!parsed.ok) return null;
  const edits: Edit[] = [];
  traverse(parsed.ast, {
    MemberExpression(path) {
      const { object, property, computed } = path.node;
      if (!isState(object, path.scope)) return;
      if (!computed && t.isIdentifier(property, { name: from }))
        edits.push({ start: property.start!, end: property.end!, text: to });
      else if (computed && t.isStringLiteral(property, { value: from }))
        edits.push({ start: property.start!, end: property.end!, text: JSON.stringify(to) });
    },
    VariableDeclarator(path) {
      const { id, init } = path.node;
      if (!init || !isState(init, path.scope) || !t.isObjectPattern(id)) return;
      for (const prop of id.properties) {
        if (!t.isObjectProperty(prop) || prop.computed || !t.isIdentifier(prop.key, { name: from }))
          continue;
        // `{ draft }` keeps its local name: `{ text: draft }`; `{ draft: d }` becomes `{ text: d }`.
        const text = prop.shorthand ? `${to}: ${from}` : to;
        edits.push({ start: prop.key.start!, end: prop.key.end!, text });
      }
    }
  });
  return edits;
}

function applyEdits(source: string, edits: readonly Edit[]): string {
  let out = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/**
 * The batch that renames state field `from` of component `componentName` to `to`, with every
 * expression and handler of that component that reads it rewritten. Errors only for a missing
 * component; the planner checks the rest (names, clashes) when the batch is planned.
 */
export function renameStateBatch(
  model: AppModel,
  componentName: string,
  from: string,
  to: string
): { ok: true; ops: Op[] } | { ok: false; errors: EditError[] } {
  const component = componentByName(model, componentName);
  if (!component)
    return {
      ok: false,
      errors: [editError('E_COMPONENT_NOT_FOUND', `there is no component “${componentName}”`)]
    };
  const ops: Op[] = [{ op: 'renameState', component: componentName, from, to }];
  for (const unit of componentUnits(model, component.id)) {
    const edits = unitEdits(unit, from, to);
    if (!edits || edits.length === 0) continue;
    const source = applyEdits(unit.source, edits);
    if (unit.kind === 'expr')
      ops.push({ op: 'setProp', id: unit.node, name: unit.prop, value: { $expr: source } });
    else
      ops.push({
        op: 'setHandler',
        component: componentName,
        name: unit.handler,
        params: [...unit.params],
        body: source
      });
  }
  return { ok: true, ops };
}
