/**
 * The host's own compile gate for migrations: a `retypeState` op's `migrate` expression of
 * `value` passes the same parse, policy and loop guard stages as every other piece of code that
 * reaches the sandbox, before the worker evaluates it in a scratch compartment.
 */
import generate from '@babel/generator';
import * as t from '@babel/types';
import { instrument } from '../code/guard';
import { parseUnit } from '../code/parse';
import { checkPolicy } from '../code/policy';
import type { ExprUnit } from '../code/units';
import { failure, type Failure } from './failure';

/**
 * The function text of a migration expression of `value`, or the reason it may not run. It
 * passes the gate's parse, policy (with `value` as the only name in scope) and loop guard, like
 * every piece of code that reaches the sandbox.
 */
export function compileMigration(source: string): { ok: true; text: string } | Failure {
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
  if (!parsed.ok) return failure([parsed.error]);
  const errors = checkPolicy(unit, parsed.ast, { componentName: 'migration', names: ['value'] });
  if (errors.length > 0) return failure(errors);
  const statement = parsed.ast.program.body[0] as t.ExpressionStatement;
  const arrow = t.arrowFunctionExpression([t.identifier('value')], statement.expression);
  const file = t.file(t.program([t.expressionStatement(arrow)]));
  instrument(file);
  return { ok: true, text: generate(file, { comments: false }).code };
}
