/**
 * The gate's caps on what it reports (src/lib/code/cap.ts): a message or a code frame built from
 * a 20,000-character line (a peer's or the AI's code) stays short, and a capped frame still
 * points at the code it is about.
 */
import { describe, expect, it } from 'vitest';
import { capError, capFrame, capText, MESSAGE_LIMIT } from '../../src/lib/code/cap';
import { codeFrame } from '../../src/lib/code/frame';
import { editError } from '../../src/lib/ops/errors';

describe('gate error caps', () => {
  it('cuts a long message to the limit, marked, and leaves a short one alone', () => {
    expect(capText('short')).toBe('short');
    const cut = capText('m'.repeat(20_000));
    expect(cut).toHaveLength(MESSAGE_LIMIT);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('keeps the caret under the code it points at on a 20,000-character line', () => {
    const source = `const s = "${'a'.repeat(20_000)}" + fetch;\nstate.n = s.length;`;
    const at = source.indexOf('fetch');
    const frame = capFrame(codeFrame(source, 1, at, 'not defined'));
    expect(frame.length).toBeLessThan(1000);
    const lines = frame.split('\n');
    const caret = lines.findIndex((l) => /^\s+\|.*\^/.test(l));
    const column = lines[caret].indexOf('^');
    expect(lines[caret - 1].slice(column)).toMatch(/^fetch/);
    expect(lines[caret]).toContain('^ not defined');
    // The next line is framed too, cut at the same columns (it is short: nothing of it shows).
    expect(lines[caret + 1]).toMatch(/^\s+2 \|/);
  });

  it('leaves a frame of short lines as it was, and caps the lines of a tall one', () => {
    const frame = codeFrame('state.n = "x";', 1, 0, 'wrong');
    expect(capFrame(frame)).toBe(frame);
    const tall = Array.from({ length: 40 }, (_, i) => `${i + 1} | x`).join('\n');
    expect(capFrame(tall).split('\n')).toHaveLength(12);
  });

  it('caps an error’s message and frame and keeps its code and path', () => {
    const error = editError('E_TYPE', 't'.repeat(9_000), {
      path: '/components/App/handlers/h',
      frame: codeFrame('x'.repeat(9_000), 1, 10)
    });
    const capped = capError(error);
    expect(capped).toMatchObject({ code: 'E_TYPE', path: '/components/App/handlers/h' });
    expect(capped.message).toHaveLength(MESSAGE_LIMIT);
    expect(capped.frame!.length).toBeLessThan(400);
    const short = editError('E_TYPE', 'fine');
    expect(capError(short)).toBe(short);
  });
});
