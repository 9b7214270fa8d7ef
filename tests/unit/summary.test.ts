/** Summaries of edits in words: code and JSON shortened where a token ends, never mid-name. */
import { describe, expect, it } from 'vitest';
import { clipCode, describeOp } from '../../src/lib/ops/summary';
import { seededIds } from '../../src/lib/model/ids';
import { planOps } from '../../src/lib/ops/plan';
import { templateModel } from '../../src/lib/templates';

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

describe('errors name elements as people see them', () => {
  it('a refused drop names the element by type and label, with its id', () => {
    const model = templateModel('todo', seededIds(3));
    const heading = [...model.nodes.values()].find((n) => n.type === 'Heading')!;
    const plan = planOps(model, [
      { op: 'addNode', parent: heading.id, type: 'Badge', props: { text: 'new' } }
    ]);
    expect(plan.ok).toBe(false);
    const message = plan.ok ? '' : plan.errors.map((e) => e.message).join(' ');
    expect(message).toContain(
      `Heading "${String(heading.props.text)}" (${heading.id}) takes no children`
    );
  });
});
