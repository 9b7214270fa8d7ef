/**
 * The loop guard: the compile gate's fourth stage. `instrument` rewrites a parsed unit so that
 * every loop iteration, function call and catch runs `$guard()` first; the runtime provides
 * `$guard` (built with `createGuard` in runtime/sandbox/guard.js) as a read-only global that
 * counts calls and throws `E_RUNAWAY` past a limit. SES stops nothing by itself: without the
 * guard, `while (true) {}` in a handler hangs the sandbox until the watchdog kills the worker.
 */
import * as t from '@babel/types';

/** The name of the guard global in generated code; user code may not name it (policy refuses `$`). */
export const GUARD_NAME = '$guard';

/** The binding a `catch {}` without one gets; `$` names are the runtime's, so it cannot clash. */
const CATCH_BINDING = '$e';

function guardCall(): t.ExpressionStatement {
  return t.expressionStatement(t.callExpression(t.identifier(GUARD_NAME), []));
}

/** True when a block already starts with the guard call, so instrumenting twice adds nothing. */
function startsWithGuard(block: t.BlockStatement): boolean {
  const first = block.body[0];
  return (
    !!first &&
    t.isExpressionStatement(first) &&
    t.isCallExpression(first.expression) &&
    t.isIdentifier(first.expression.callee, { name: GUARD_NAME }) &&
    first.expression.arguments.length === 0
  );
}

function guardBlock(block: t.BlockStatement): void {
  // Inserted into `body`, not before `directives`, so a "use strict" prologue stays a prologue.
  if (!startsWithGuard(block)) block.body.unshift(guardCall());
}

/** A loop's body as a guarded block (a single-statement body becomes a block). */
function guardedLoopBody(body: t.Statement): t.BlockStatement {
  if (t.isBlockStatement(body)) {
    guardBlock(body);
    return body;
  }
  return t.blockStatement([guardCall(), body]);
}

/**
 * Inserts `$guard();` at the start of every loop body, function body and catch clause of a parsed
 * unit, in place. Expression-bodied arrows become `{ $guard(); return expr; }`; a `catch {}`
 * without a binding gets one. Loops and recursion both pass through the guard, so neither can
 * run away; catch clauses call it too, so once tripped, a `catch` that swallowed the first error
 * throws again at once and the runaway cannot resume (only a `finally` can still swallow, which
 * is why the runtime also checks `tripped` after every call). Idempotent.
 */
export function instrument(ast: t.File): void {
  // traverseFast calls `enter` before reading a node's children, so bodies replaced here are
  // walked afterwards, and nested loops and functions inside them are guarded too.
  t.traverseFast(ast, (node) => {
    if (t.isLoop(node)) {
      node.body = guardedLoopBody(node.body);
    } else if (t.isFunction(node)) {
      if (t.isBlockStatement(node.body)) guardBlock(node.body);
      else node.body = t.blockStatement([guardCall(), t.returnStatement(node.body)]);
    } else if (t.isCatchClause(node)) {
      // A binding is needed only so the clause has the usual shape; the guard call is what matters.
      if (!node.param) node.param = t.identifier(CATCH_BINDING);
      guardBlock(node.body);
    }
  });
}
