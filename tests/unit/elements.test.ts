/**
 * The element components: every element schema has a component in the ViewNode map, the gallery
 * sample uses every element type, and a server render of the sample draws every node with its
 * id, and failures (unknown types, error nodes) as contained error cards.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { ELEMENTS } from '../../src/lib/schema/elements';
import { ELEMENT_COMPONENTS, FRAGMENT_TYPES } from '../../src/lib/elements/registry';
import ViewNode from '../../src/lib/elements/ViewNode.svelte';
import { readProps } from '../../src/lib/elements/props';
import { safeImageSrc, safeLinkHref } from '../../src/lib/elements/url';
import { iconPaths } from '../../src/lib/elements/icons';
import type { ViewTreeNode } from '../../src/lib/elements/types';
import { initialSampleState, renderSample } from '../../src/routes/elements/sample';

function walk(node: ViewTreeNode, visit: (node: ViewTreeNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function typesIn(tree: ViewTreeNode): Set<string> {
  const types = new Set<string>();
  walk(tree, (node) => types.add(node.type));
  return types;
}

const noDispatch = () => {};

describe('element components', () => {
  it('every element schema has a component in the ViewNode map', () => {
    const missing = [...ELEMENTS.keys()].filter((type) => !ELEMENT_COMPONENTS.has(type));
    expect(missing).toEqual([]);
  });

  it('the map finds nothing for Object.prototype names', () => {
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(ELEMENT_COMPONENTS.get(type), type).toBeUndefined();
    }
  });

  it('the gallery sample uses every element type', () => {
    const used = typesIn(renderSample(initialSampleState()).tree);
    const unused = [...ELEMENTS.keys()].filter((type) => !used.has(type));
    expect(unused).toEqual([]);
  });

  it('the gallery sample keys are unique', () => {
    const keys: string[] = [];
    walk(renderSample(initialSampleState()).tree, (node) => keys.push(node.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a server render draws every non-fragment node with its id and key', () => {
    const { tree } = renderSample(initialSampleState());
    const { body } = render(ViewNode, { props: { node: tree, dispatch: noDispatch } });
    walk(tree, (node) => {
      if (FRAGMENT_TYPES.has(node.type)) return;
      expect(body, node.key).toContain(`data-node-key="${node.key}"`);
      if (node.id) expect(body, node.key).toContain(`data-node-id="${node.id}"`);
    });
  });

  it('unknown types and error nodes render as error cards, not exceptions', () => {
    const tree: ViewTreeNode = {
      type: 'Stack',
      id: 'root',
      key: 'root',
      props: {},
      children: [
        { type: 'Chart', id: 'c', key: 'c', props: {}, children: [] },
        {
          type: 'Text',
          id: 't',
          key: 't',
          props: {},
          error: { code: 'E_RENDER', message: 'boom' }
        },
        { type: 'constructor', id: 'p', key: 'p', props: {}, children: [] },
        { type: 'Text', id: 'ok', key: 'ok', props: { text: 'still here' }, children: [] }
      ]
    };
    const { body } = render(ViewNode, { props: { node: tree, dispatch: noDispatch } });
    expect(body.match(/class="error-card/g)?.length).toBe(3);
    expect(body).toContain('Chart');
    expect(body).toContain('boom');
    expect(body).toContain('still here');
  });

  it('text is rendered as text, never as HTML', () => {
    const node: ViewTreeNode = {
      type: 'Text',
      id: 'x',
      key: 'x',
      props: { text: '<img src=x onerror=alert(1)>' }
    };
    const { body } = render(ViewNode, { props: { node, dispatch: noDispatch } });
    expect(body).not.toContain('<img');
    expect(body).toContain('&lt;img');
  });
});

describe('reading props through the schema', () => {
  const node = (type: string, props: Record<string, unknown>): ViewTreeNode => ({
    type,
    id: 'n',
    key: 'n',
    props
  });

  it('missing props take the schema default', () => {
    const p = readProps(node('Button', {}));
    expect(p.string('label')).toBe(ELEMENTS.get('Button')!.properties.label.default);
    expect(p.choice('variant')).toBe(ELEMENTS.get('Button')!.properties.variant.default);
  });

  it('bindings show their value; handlers and bindings give their refs', () => {
    const p = readProps(
      node('TextInput', {
        value: { $bind: 'name', value: 'Ada', $ref: 3 },
        onInput: { $ref: 4 }
      })
    );
    expect(p.string('value')).toBe('Ada');
    expect(p.binding('value')).toBe(3);
    expect(p.handler('onInput')).toBe(4);
    expect(p.handler('value')).toBeUndefined();
  });

  it('values outside the schema fall back or are clamped', () => {
    const p = readProps(node('Heading', { level: 42, align: 'sideways', text: 7 }));
    expect(p.number('level')).toBe(6);
    expect(p.choice('align')).toBe('start');
    expect(p.string('text')).toBe('7');
    expect(readProps(node('Icon', { color: 'red; background: url(x)' })).string('color')).toBe('');
  });

  it('links and images refuse script and unknown schemes', () => {
    expect(safeLinkHref('javascript:alert(1)')).toBeUndefined();
    expect(safeLinkHref('java\tscript:alert(1)')).toBeUndefined();
    expect(safeLinkHref(' data:text/html,<script>')).toBeUndefined();
    // Another origin only when the component was granted it (issue 12; network-origin.test.ts).
    expect(safeLinkHref('https://example.com')).toBeUndefined();
    expect(safeLinkHref('https://example.com/a', new Set(['https://example.com']))).toBe(
      'https://example.com/a'
    );
    expect(safeLinkHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeLinkHref('#top')).toBe('#top');
    expect(safeImageSrc('javascript:alert(1)')).toBeUndefined();
    expect(safeImageSrc('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA');
    expect(safeImageSrc('/pic.png')).toBe('/pic.png');
  });
});

describe('element icons', () => {
  it('has an icon for every element type’s x-icon, so the palette and outline never show a gap', () => {
    const missing = [...ELEMENTS.values()]
      .map((schema) => (schema as { 'x-icon'?: string })['x-icon'])
      .filter((icon): icon is string => !!icon && !iconPaths(icon));
    expect(missing).toEqual([]);
  });
});
