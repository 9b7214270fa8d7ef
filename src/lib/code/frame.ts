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
