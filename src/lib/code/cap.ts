/**
 * Caps on the size of what the gate reports. An error's message and code frame are built from
 * the code being checked (a type printed by TypeScript, a source line in a frame), and that code
 * comes from peers and the AI: without a cap one 200 KB line or a type of 60,000 members becomes
 * an error of megabytes, stored in history, sent to every studio and fed back to the AI.
 */
import type { EditError } from '../ops/errors';

/** Most characters of an error message (about five lines of text). */
export const MESSAGE_LIMIT = 500;
/** Most characters of one code frame line, around the caret. */
export const FRAME_LINE_LIMIT = 160;
/** Most lines of a code frame. */
export const FRAME_LINES_LIMIT = 12;

/** `text` cut to at most `limit` characters, ending with `…` when cut. */
export function capText(text: string, limit = MESSAGE_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** A gutter (`> 12 | ` or `    | `) and the rest of one code-frame line. */
const FRAME_LINE = /^([> ]\s*\d*\s*\|)(.*)$/;

/**
 * A code frame cut to a window: at most FRAME_LINES_LIMIT lines, each at most FRAME_LINE_LIMIT
 * characters of code, the same columns on every line so the caret still points at the code above
 * it (the window is centred on the caret when the line is long).
 */
export function capFrame(frame: string): string {
  const lines = frame.split('\n').slice(0, FRAME_LINES_LIMIT);
  const parts = lines.map((line) => FRAME_LINE.exec(line));
  const caretLine = parts.find((p) => p && !/\d/.test(p[1]) && p[2].includes('^'));
  const caret = caretLine ? caretLine[2].indexOf('^') : 0;
  const start = Math.max(0, caret - Math.floor(FRAME_LINE_LIMIT / 2));
  const out = lines.map((line, i) => {
    const p = parts[i];
    if (!p) return capText(line, FRAME_LINE_LIMIT);
    const code = p[2];
    if (code.length <= FRAME_LINE_LIMIT && start === 0) return line;
    // The first character is the space after the gutter's bar: keep it, cut after it.
    const window = code.slice(1 + start, 1 + start + FRAME_LINE_LIMIT);
    const more = code.length > 1 + start + FRAME_LINE_LIMIT ? '…' : '';
    return `${p[1]} ${start > 0 ? '…' : ''}${window}${more}`;
  });
  return out.join('\n');
}

/** An error with its message and frame capped (the same object when nothing needed cutting). */
export function capError<E extends EditError>(error: E): E {
  const message = capText(error.message);
  const frame = error.frame === undefined ? undefined : capFrame(error.frame);
  if (message === error.message && frame === error.frame) return error;
  return { ...error, message, ...(frame === undefined ? {} : { frame }) };
}
