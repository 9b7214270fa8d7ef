/** Summaries of edits in words: code and JSON shortened where a token ends, never mid-name. */
import { describe, expect, it } from 'vitest';
import { clipCode, describeOp } from '../../src/lib/ops/summary';

describe('clipCode', () => {
  it('keeps short code as it is, spaces folded', () => {
    expect(clipCode("'Todo: ' +\n  state.items.length")).toBe("'Todo: ' + state.items.length");
  });

  it('cuts a long expression where a token ends and marks the cut', () => {
    const expr = "'Todo: ' + state.items.filter((item) => !item.done).length + ' left'";
    const clipped = clipCode(expr);
    expect(clipped.endsWith(' …')).toBe(true);
    expect(clipped.length).toBeLessThanOrEqual(42);
    const kept = clipped.slice(0, -2);
    expect(expr.startsWith(kept)).toBe(true);
    // The character after the kept part starts a new token or the kept part ends one.
    expect(
      /[\s().,[\]{}+\-*/=<>&|?:!]$/.test(kept) || /^[\s().,]/.test(expr.slice(kept.length))
    ).toBe(true);
  });

  it('cuts a name-only run of code at the limit rather than returning nothing', () => {
    expect(clipCode('a'.repeat(100))).toBe(`${'a'.repeat(39)} …`);
  });
});

describe('describeOp', () => {
  it('shows a long expression prop cut at a token, not in the middle of a name', () => {
    const text = describeOp({
      kind: 'set',
      node: { id: 'h1', type: 'Heading', component: 'c', parent: null, order: 'a', props: {} },
      name: 'text',
      value: { $expr: "'Todo: ' + state.items.filter((x) => x.done).length" }
    } as never);
    expect(text).toContain('…');
    expect(text).not.toMatch(/x\.d…|x\.d\}/);
  });
});
