/**
 * From TypeScript's diagnostics back to the units: which diagnostics are reported, which unit
 * (and handler use) a diagnostic's position falls in, and the unit's errors with a code frame into
 * its own source, one per place and message, naming the uses where not all share it.
 */
import ts from 'typescript';
import { editError, type EditError } from '../ops/errors';
import { codeFrame } from './frame';
import { unitPath } from './parse';
import { unitLabel, type CodeUnit } from './units';
import type { Block, Placement } from './typecheck-source';

export const EMPTY: readonly EditError[] = Object.freeze([]);
/** Line breaks as @babel/code-frame counts them, so a column we compute is the one it shows. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;

/**
 * App code is JavaScript: it cannot annotate a callback parameter or a dynamic index, so the
 * "implicitly has an 'any' type" family (7xxx) is dropped. noImplicitAny stays on because it is
 * what makes `const list = []` and `let x;` take their type from later assignments (off, with
 * strict null checks, `[]` would be `never[]` and `list.push(item)` an error).
 */
export function reported(d: ts.Diagnostic): boolean {
  return d.category === ts.DiagnosticCategory.Error && (d.code < 7000 || d.code >= 8000);
}

/** Where a unit's block landed in a check file. */
export interface Emitted {
  readonly unit: CodeUnit;
  readonly key: string;
  readonly block: Block;
  readonly start: number;
}

/** The unit, context and source offset a diagnostic belongs to; 'ignore' for a loop header. */
export function locate(
  emitted: readonly Emitted[],
  at: number
): { emitted: Emitted; placement: Placement; offset: number } | 'ignore' | undefined {
  let lo = 0;
  let hi = emitted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (emitted[mid].start <= at) lo = mid;
    else hi = mid - 1;
  }
  const e = emitted[lo];
  if (!e || at < e.start || at >= e.start + e.block.text.length) return undefined;
  const rel = at - e.start;
  for (const placement of e.block.placements) {
    if (rel >= placement.own.start && rel <= placement.own.end) {
      const offset = Math.min(Math.max(rel - placement.source, 0), e.unit.source.length);
      return { emitted: e, placement, offset };
    }
    // An Each's items expression is a unit of its own and reports its errors there.
    if (placement.headers.some((r) => rel >= r.start && rel <= r.end)) return 'ignore';
  }
  return undefined;
}

/** The errors of one unit, one per place and message, naming the uses where not all share it. */
export function unitErrors(
  e: Emitted,
  found: readonly { placement: Placement; offset: number; message: string }[],
  componentName: string
): readonly EditError[] {
  if (found.length === 0) return EMPTY;
  const groups = new Map<string, { offset: number; message: string; contexts: Set<number> }>();
  for (const f of found) {
    const id = `${f.offset}\u0000${f.message}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { offset: f.offset, message: f.message, contexts: new Set() }));
    g.contexts.add(f.placement.context);
  }
  const all = e.block.contexts.length;
  const errors: EditError[] = [];
  for (const g of [...groups.values()].sort((a, b) => a.offset - b.offset)) {
    const uses =
      g.contexts.size < all
        ? ` (where ${[...g.contexts].map((c) => e.block.contexts[c]).join(', ')} uses it)`
        : '';
    const message = g.message + hint(g.message);
    const { line, column } = position(e.unit.source, g.offset);
    errors.push(
      editError('E_TYPE', `${unitLabel(e.unit, componentName)}${uses}: ${message}`, {
        path: unitPath(e.unit, componentName),
        frame: codeFrame(e.unit.source, line, column, message)
      })
    );
  }
  return Object.freeze(errors);
}

/** What to do about the common mistakes TypeScript's message does not spell out for app code. */
function hint(message: string): string {
  if (/'number' is not assignable to (parameter of )?type 'string'/.test(message)) {
    return ' Wrap a number in String(...) to show it as text.';
  }
  return '';
}

/** Line (1-based) and column (0-based) of an offset in a source. */
function position(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(source); m && m.index < offset; m = LINE_BREAK.exec(source)) {
    line++;
    lineStart = m.index + m[0].length;
  }
  return { line, column: Math.max(offset - lineStart, 0) };
}
