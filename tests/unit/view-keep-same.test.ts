import { describe, expect, it } from 'vitest';
import { keepSame, type ViewNode } from '../../src/lib/runtime/view';

function node(key: string, props: Record<string, unknown>, children: ViewNode[] = []): ViewNode {
  return { type: children.length ? 'Stack' : 'Text', id: key, key, props, children };
}

function page(text: string, extra: Record<string, unknown> = {}): ViewNode {
  return node('root', { gap: 'md' }, [
    node('a', { text: 'A', style: { color: 'accent' } }),
    node('b', { text, ...extra }),
    node('c', { options: ['x', 'y'], onClick: 3 })
  ]);
}

describe('keepSame: the sandbox confirming a change the page drew first', () => {
  it('keeps the drawn tree when the sandbox says the same, built from fresh objects', () => {
    const shown = page('Edited');
    expect(keepSame(shown, page('Edited'))).toBe(shown);
  });

  it('takes what differs and keeps the identity of every equal sibling', () => {
    const shown = page('Edited');
    const next = page('Other');
    const kept = keepSame(shown, next);
    expect(kept).not.toBe(shown);
    expect(kept.children[0]).toBe(shown.children[0]);
    expect(kept.children[1]).toBe(next.children[1]);
    expect(kept.children[2]).toBe(shown.children[2]);
  });

  it('tells apart props that differ deep inside, a new prop, a handler ref and a child more', () => {
    const shown = page('Edited');
    const deep = page('Edited');
    (deep.children[0]!.props as { style: { color: string } }).style.color = 'danger';
    expect(keepSame(shown, deep).children[0]).toBe(deep.children[0]);
    expect(keepSame(shown, page('Edited', { tone: 'muted' })).children[1]!.props.tone).toBe(
      'muted'
    );
    const ref = page('Edited');
    (ref.children[2]!.props as { onClick: number }).onClick = 4;
    expect(keepSame(shown, ref).children[2]!.props.onClick).toBe(4);
    const more = node('root', { gap: 'md' }, [
      ...page('Edited').children,
      node('d', { text: 'D' })
    ]);
    const kept = keepSame(shown, more);
    expect(kept.children.map((c) => c.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(kept.children[0]).toBe(shown.children[0]);
  });

  it('treats a changed type, key or error as new', () => {
    const shown = page('Edited');
    const swapped = page('Edited');
    (swapped.children as ViewNode[])[1] = { ...swapped.children[1]!, type: 'Heading' };
    expect(keepSame(shown, swapped).children[1]!.type).toBe('Heading');
    const failed = { ...shown, error: { code: 'E_RENDER', message: 'x', component: 'App' } };
    expect(keepSame(shown, failed)).toBe(failed);
  });
});
