/**
 * Parsing one code unit with @babel/parser. Expressions are parsed alone (so `a; b` or a
 * statement is refused) and wrapped as one ExpressionStatement in a File, so every later stage
 * walks a File with @babel/traverse; handler bodies are parsed as a script that may `return`.
 * Positions in the AST are positions in the unit's own source, so code frames point into it.
 */
import { parse, parseExpression } from '@babel/parser';
import * as t from '@babel/types';
import { editError, type EditError } from '../ops/errors';
import { describeSyntaxError } from './frame';
import { unitLabel, type CodeUnit } from './units';

/** A parsed unit, or the syntax error that stopped it. */
export type ParsedUnit = { ok: true; ast: t.File } | { ok: false; error: EditError };

/** Where a unit lives, as a JSON pointer: `/nodes/<id>/props/<prop>` or `/components/<name>/handlers/<name>`. */
export function unitPath(unit: CodeUnit, componentName: string): string {
  return unit.kind === 'expr'
    ? `/nodes/${unit.node}/props/${unit.prop}`
    : `/components/${componentName}/handlers/${unit.handler}`;
}

/** Parses one unit. */
export function parseUnit(unit: CodeUnit, componentName = ''): ParsedUnit {
  try {
    if (unit.kind === 'expr') {
      const expression = parseExpression(unit.source, { sourceType: 'script', plugins: [] });
      const file = t.file(t.program([t.expressionStatement(expression)]));
      return { ok: true, ast: file };
    }
    return {
      ok: true,
      ast: parse(unit.source, {
        sourceType: 'script',
        allowReturnOutsideFunction: true,
        plugins: []
      })
    };
  } catch (e) {
    const { message, frame } = describeSyntaxError(e, unit.source);
    return {
      ok: false,
      error: editError('E_SYNTAX', `${unitLabel(unit, componentName)} does not parse: ${message}`, {
        path: unitPath(unit, componentName),
        frame
      })
    };
  }
}
