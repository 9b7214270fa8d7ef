/**
 * How the policy reports: one violation at a node or a place in the source, deduplicated by
 * code, message and place, each with the unit's path and a code frame pointing at it.
 */
import * as t from '@babel/types';
import { editError, type EditError, type ErrorCode } from '../ops/errors';
import { codeFrame } from './frame';
import { unitPath } from './parse';
import type { CodeUnit } from './units';

/** A line and column in the unit's source. */
export interface Place {
  readonly line: number;
  readonly column: number;
}

/** Records one violation at a node or place; `short` labels the caret in the frame. */
export type Report = ((
  code: ErrorCode,
  at: t.Node | Place,
  message: string,
  short?: string
) => void) & {
  readonly errors: EditError[];
};

/** A fresh report for one unit; its `errors` collect what was reported. */
export function reporter(unit: CodeUnit, componentName: string): Report {
  const errors: EditError[] = [];
  const seen = new Set<string>();
  const path = unitPath(unit, componentName);
  const report = (code: ErrorCode, at: t.Node | Place, message: string, short = 'refused') => {
    const { line, column } = 'type' in at ? (at.loc?.start ?? { line: 1, column: 0 }) : at;
    const key = `${code}\u0000${message}\u0000${line}:${column}`;
    if (seen.has(key)) return;
    seen.add(key);
    const frame = codeFrame(unit.source, line, column, short);
    errors.push(editError(code, message, { path, frame }));
  };
  return Object.assign(report, { errors });
}

/** The line and column of a character index in `source`. */
export function placeAt(source: string, index: number): Place {
  const before = source.slice(0, index);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = index - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) - 1;
  return { line, column };
}
