/**
 * The compile gate of migrations: a `retypeState` op's `migrate` expression of `value` passes the
 * same parse, policy and loop guard stages as every other piece of code that reaches the sandbox,
 * before the sandbox host (runtime/host.ts) has the worker evaluate it in a scratch compartment.
 * It lives here, with the gate, so the runtime brings no Babel of its own.
 */
import generate from '@babel/generator';
import * as t from '@babel/types';
import type { EditError } from '../ops/errors';
import { instrument } from './guard';
import { parseUnit } from './parse';
import { checkPolicy } from './policy';
import type { ExprUnit } from './units';

/**
 * The function text of a migration expression of `value`, or the reason it may not run. It
 * passes the gate's parse, policy (with `value` as the only name in scope) and loop guard, like
 * every piece of code that reaches the sandbox.
 */
export function compileMigration(
  source: string
): { ok: true; text: string } | { ok: false; errors: readonly EditError[] } {
  const unit: ExprUnit = {
    kind: 'expr',
    component: '',
    node: 'migrate',
    type: 'migration',
    prop: 'migrate',
    source,
    loops: []
  };
  const parsed = parseUnit(unit, 'migration');
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const errors = checkPolicy(unit, parsed.ast, { componentName: 'migration', names: ['value'] });
  if (errors.length > 0) return { ok: false, errors };
  const statement = parsed.ast.program.body[0] as t.ExpressionStatement;
  const arrow = t.arrowFunctionExpression([t.identifier('value')], statement.expression);
  const file = t.file(t.program([t.expressionStatement(arrow)]));
  instrument(file);
  return { ok: true, text: generate(file, { comments: false }).code };
}
