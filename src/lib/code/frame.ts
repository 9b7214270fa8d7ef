/** Code frames: the few lines of source around an error, with a caret, for people and the AI. */
import { codeFrameColumns } from '@babel/code-frame';

/** An excerpt of `source` pointing at `line` (1-based) and `column` (0-based), colours off. */
export function codeFrame(source: string, line: number, column: number, message?: string): string {
  return codeFrameColumns(
    source,
    { start: { line, column } },
    { highlightCode: false, linesAbove: 1, linesBelow: 1, message }
  );
}

/** What a @babel/parser error says, without its `(line:column)` suffix, and a frame pointing at it. */
export function describeSyntaxError(
  error: unknown,
  source: string
): { message: string; frame: string } {
  const err = error as Error & { loc?: { line: number; column: number } };
  const message = err.message.replace(/\s*\(\d+:\d+\)$/, '');
  const loc = err.loc ?? { line: 1, column: 0 };
  return { message, frame: codeFrame(source, loc.line, loc.column, message) };
}
