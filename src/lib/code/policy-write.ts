/**
 * The write rules (assignments, `++`/`--`, `delete`, `for (x of ...)` targets): an expression
 * writes nothing; a handler writes only to the state draft and its own locals.
 */
import type { NodePath } from '@babel/traverse';
import * as t from '@babel/types';
import type { CodeUnit } from './units';
import { MESSAGES } from './policy-messages';
import type { Report } from './policy-report';

/**
 * Writes. An expression only computes a value: render runs it again and again, so a write
 * there (to the state, or anywhere) would change data behind the edit path's back. A handler
 * writes to the state draft and to its own locals; a write to a handler param, `props`,
 * `event` or `caps` would be lost (they are copies or belong to others) or reach shared
 * values, and a write to any other name would create or clobber a global.
 */
export function checkWrite(
  unit: CodeUnit,
  report: Report,
  target: t.Node,
  path: NodePath,
  verb: 'assign' | 'change' | 'delete'
): void {
  const isHandler = unit.kind === 'handler';
  if (!isHandler) {
    const what = verb === 'change' ? 'increment or decrement' : verb;
    report('E_POLICY_ASSIGN', path.node, MESSAGES.expressionWrite(what));
    return;
  }
  for (const leaf of writeTargets(target)) {
    const root = rootOf(leaf);
    if (t.isThisExpression(root)) continue; // reported as E_POLICY_THIS
    if (t.isIdentifier(root) && path.scope.getBinding(root.name)) continue; // a local
    const message = t.isIdentifier(root)
      ? refusedWrite(unit, root.name, leaf === root, verb)
      : MESSAGES.writeOutside(verb);
    if (message) report('E_POLICY_ASSIGN', leaf, message, `cannot ${verb} this`);
  }
}

function refusedWrite(
  unit: CodeUnit,
  name: string,
  whole: boolean,
  verb: string
): string | undefined {
  if (name === 'state') return whole ? MESSAGES.writeState(verb) : undefined;
  if (unit.kind === 'handler' && unit.params.includes(name)) {
    const loop = unit.uses.flatMap((u) => u.loops).find((l) => l.as === name);
    const where = loop ? `\`${loop.items}\` (for example with \`.find(...)\`)` : '`state`';
    return MESSAGES.writeParam(name, where);
  }
  if (name === 'props') return MESSAGES.writeProps;
  if (name === 'event') return MESSAGES.writeEvent;
  if (name === 'caps') return MESSAGES.writeCaps;
  return MESSAGES.writeOutside(verb, name);
}

/** The places a write lands: the target itself, or each leaf of a destructuring pattern. */
function writeTargets(target: t.Node): t.Node[] {
  if (t.isObjectPattern(target)) {
    return target.properties.flatMap((p) =>
      writeTargets(t.isRestElement(p) ? p.argument : p.value)
    );
  }
  if (t.isArrayPattern(target)) return target.elements.flatMap((e) => (e ? writeTargets(e) : []));
  if (t.isAssignmentPattern(target)) return writeTargets(target.left);
  if (t.isRestElement(target)) return writeTargets(target.argument);
  return [target];
}

/** The object a member chain starts from: `state` in `state.items.find(f).done`. */
function rootOf(node: t.Node): t.Node {
  let at = node;
  for (;;) {
    if (t.isMemberExpression(at) || t.isOptionalMemberExpression(at)) at = at.object;
    else if (t.isCallExpression(at) || t.isOptionalCallExpression(at)) at = at.callee;
    else return at;
  }
}
