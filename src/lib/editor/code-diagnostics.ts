/**
 * The code tab's errors in the editor: each error that names a line becomes a CodeMirror lint
 * diagnostic marking the word at its column, and an error in the list below the editor jumps
 * the cursor to where it points.
 */
import { EditorSelection, type EditorState, type TransactionSpec } from '@codemirror/state';
import type { Diagnostic } from '@codemirror/lint';
import type { CodeError } from './code-client';

/** The diagnostics of errors that have a line: from the column to the end of the word there. */
export function diagnosticsOf(list: readonly CodeError[], state: EditorState): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const error of list) {
    if (error.line === undefined) continue;
    const line = state.doc.line(Math.min(Math.max(1, error.line), state.doc.lines));
    let from = Math.min(line.from + Math.max(0, (error.column ?? 1) - 1), line.to);
    // Mark the word at the column; a punctuation mark takes the word after it with it (`<Stack`).
    let to = from < line.to ? from + 1 : from;
    while (to < line.to && /[\w$]/.test(state.doc.sliceString(to, to + 1))) to++;
    // An error at the end of a line marks its last character, so it shows as a range.
    if (to === from && line.length > 0) from = line.to - 1;
    out.push({
      from,
      to,
      severity: 'error',
      source: error.code,
      message: error.message
    });
  }
  return out;
}

/** The transaction that puts the cursor where `error` points (it has a line) and shows it. */
export function cursorAt(state: EditorState, error: CodeError & { line: number }): TransactionSpec {
  const line = state.doc.line(Math.min(error.line, state.doc.lines));
  const at = Math.min(line.from + Math.max(0, (error.column ?? 1) - 1), line.to);
  return { selection: EditorSelection.cursor(at), scrollIntoView: true };
}
