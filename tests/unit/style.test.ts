/**
 * The `style` prop group (schemas/style.schema.json): one schema for the planner, the canvas,
 * the code form and the AI. Written as the attacks it must stop: CSS text, `url(`,
 * `expression(` and `__proto__` in a style are coded errors and nothing is stored; a view tree
 * whose style came from an expression can never put its own text into a style attribute.
 */
import { describe, expect, it } from 'vitest';
import { componentJsx } from '../../src/lib/code/jsx';
import { importComponent } from '../../src/lib/code/import';
import { seededIds } from '../../src/lib/model/ids';
import { componentByName, type AppModel } from '../../src/lib/model/types';
import { planOps, type Rejection } from '../../src/lib/ops/plan';
import { ELEMENTS, STYLE_PROP } from '../../src/lib/schema/elements';
import { STYLE_KEYS, styleProblem } from '../../src/lib/schema/style';
import { styleDecls, styleText } from '../../src/lib/elements/style';
import { elementsBrief } from '../../src/lib/ai/brief';
import { styleAsExpression, styleFields, styleKeyOps } from '../../src/lib/editor/style-fields';
import { commitBatch } from '../../src/lib/ops/commit';
import { gateVerifier } from '../../src/lib/code/gate';
import { readModel } from '../../src/lib/model/ydoc';
import { validateModel } from '../../src/lib/model/validate';
import { canonical, nodesOfType, template, templateDoc } from './helpers';

function setStyle(model: AppModel, id: string, value: unknown) {
  return planOps(model, [{ op: 'setProp', id, name: 'style', value }], undefined, {
    ids: seededIds(3)
  });
}

describe('the style prop group', () => {
  it('is on every element that draws a box, with the same schema, and on no fragment', () => {
    for (const [type, schema] of ELEMENTS) {
      if (schema['x-category'] === 'logic') expect(schema.properties.style).toBeUndefined();
      else expect(schema.properties.style, type).toBe(STYLE_PROP);
    }
    expect(STYLE_KEYS).toEqual([
      'padding',
      'gap',
      'align',
      'width',
      'height',
      'radius',
      'background',
      'color',
      'fontSize',
      'fontWeight',
      'border',
      'borderColor'
    ]);
  });

  it('plans a style of tokens and an expression style', () => {
    const model = template('todo');
    const card = nodesOfType(model, 'Stack')[0];
    const ok = setStyle(model, card.id, { padding: 'lg', background: 'accent-soft', radius: 'md' });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.model.nodes.get(card.id)!.props.style).toEqual({
      padding: 'lg',
      background: 'accent-soft',
      radius: 'md'
    });
    const expr = setStyle(model, card.id, {
      $expr: "({ background: state.items.length > 0 ? 'success-soft' : 'surface' })"
    });
    expect(expr.ok, JSON.stringify(expr)).toBe(true);
  });

  const attacks: [string, unknown][] = [
    ['a value outside the tokens', { padding: '13px' }],
    ['url(', { background: 'url(https://evil.example/x.png)' }],
    ['expression(', { background: 'expression(alert(1))' }],
    ['CSS text after a token', { color: 'accent; position: fixed' }],
    ['a key that is no style key', { position: 'fixed' }],
    ['an own __proto__ key', JSON.parse('{"__proto__": {"padding": "md"}}')],
    ['a number', { padding: 4 }],
    ['a whole style as a string', 'padding: 4px']
  ];
  for (const [name, value] of attacks) {
    it(`refuses ${name} with E_STYLE_VALUE or E_PROP_TYPE and stores nothing`, () => {
      const model = template('todo');
      const before = canonical(model);
      const node = nodesOfType(model, 'Stack')[0];
      const result = setStyle(model, node.id, value) as Rejection;
      expect(result.ok).toBe(false);
      expect(['E_STYLE_VALUE', 'E_PROP_TYPE']).toContain(result.errors[0].code);
      expect(canonical(model)).toBe(before);
    });
  }

  it('names the key and lists its tokens', () => {
    const problem = styleProblem({ background: 'url(x)' });
    expect(problem?.key).toBe('background');
    expect(problem?.message).toContain('"accent-soft"');
    const model = template('todo');
    const r = setStyle(model, nodesOfType(model, 'Stack')[0].id, { radius: 'huge' }) as Rejection;
    expect(r.errors[0].code).toBe('E_STYLE_VALUE');
    expect(r.errors[0].message).toContain('style.radius must be one of "none", "sm"');
  });
});

describe('drawing a style', () => {
  it('maps tokens to design tokens, in schema order', () => {
    expect(styleDecls({ radius: 'lg', padding: 'md', background: 'accent' })).toEqual({
      padding: 'var(--space-4)',
      'border-radius': 'var(--radius-lg)',
      background: 'var(--color-accent)'
    });
    expect(styleText(styleDecls({ border: 'thin', borderColor: 'danger' }))).toBe(
      'border: var(--border-width) solid var(--color-border); border-color: var(--color-danger)'
    );
    expect(styleText({})).toBeUndefined();
  });

  it('drops anything an expression returns that is not a token', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"padding": "md"}, "background": "url(https://evil.example/)", "color": "constructor", "width": "toString", "padding": "md; position: fixed", "height": "full"}'
    );
    expect(styleDecls(hostile)).toEqual({ height: '100%' });
    expect(styleDecls('padding: 4px')).toEqual({});
    expect(styleDecls(['md'])).toEqual({});
    expect(styleDecls(null)).toEqual({});
  });
});

describe('style in the code form', () => {
  it('prints as style={{ ... }} and an edit of it reads back as one setProp', () => {
    const model = template('todo');
    const node = nodesOfType(model, 'Stack')[0];
    const planned = setStyle(model, node.id, { padding: 'lg', background: 'accent-soft' });
    if (!planned.ok) throw new Error('did not plan');
    const app = componentByName(planned.model, 'App')!;
    const source = componentJsx(planned.model, app.id);
    expect(source).toMatch(/style=\{\{\s*padding: "lg",\s*background: "accent-soft"\s*\}\}/);
    expect(importComponent(source, planned.model)).toMatchObject({ ok: true, ops: [] });

    const edited = source.replace(
      'background: "accent-soft"',
      'background: "danger-soft", radius: "full"'
    );
    const result = importComponent(edited, planned.model);
    expect(result).toMatchObject({
      ok: true,
      ops: [
        {
          op: 'setProp',
          id: node.id,
          name: 'style',
          value: { padding: 'lg', background: 'danger-soft', radius: 'full' }
        }
      ]
    });
  });

  it('reads a style with an expression inside as an expression style', () => {
    const model = template('todo');
    const node = nodesOfType(model, 'Stack')[0];
    const app = componentByName(model, 'App')!;
    const source = componentJsx(model, app.id);
    const edited = source.replace(
      new RegExp(`(<Stack[^>]*id="${node.id}")`),
      `$1 style={{ padding: "md", background: state.items.length > 0 ? "success-soft" : "surface" }}`
    );
    expect(edited).not.toBe(source);
    const result = importComponent(edited, model);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const set = result.ops.find((op) => op.op === 'setProp') as { value: { $expr: string } };
    expect(set.value.$expr).toContain('state.items.length > 0');
    expect(planOps(model, result.ops).ok).toBe(true);
  });

  it('refuses a style token outside the set typed into the code', () => {
    const model = template('todo');
    const node = nodesOfType(model, 'Stack')[0];
    const source = componentJsx(model, componentByName(model, 'App')!.id);
    const edited = source.replace(
      new RegExp(`(<Stack[^>]*id="${node.id}")`),
      `$1 style={{ background: "url(https://evil.example/)" }}`
    );
    const result = importComponent(edited, model);
    const errors = result.ok ? (planOps(model, result.ops) as Rejection).errors : result.errors;
    expect(errors[0].code).toBe('E_STYLE_VALUE');
  });
});

describe('style in the AI brief', () => {
  it('is one line per element and one line per style key, with the tokens the planner checks', () => {
    const brief = elementsBrief();
    expect(brief).toContain('  style: see Style below');
    expect(brief).toContain('Style (the `style` prop of every element but Each and If)');
    const styleBlock = brief.slice(brief.indexOf('Style (the'));
    for (const key of STYLE_KEYS) {
      const line = styleBlock.split('\n').find((l) => l.startsWith(`  ${key}: "`));
      expect(line, key).toBeDefined();
      for (const token of STYLE_PROP.properties[key].enum) expect(line).toContain(`"${token}"`);
    }
  });
});

describe('the Style section’s batches', () => {
  it('sets one key keeping the others in schema order, and unsets the prop with the last key', () => {
    const model = template('todo');
    const node = nodesOfType(model, 'Stack')[0];
    const styled = { ...node, props: { ...node.props, style: { radius: 'md', padding: 'sm' } } };
    expect(styleKeyOps(styled, 'background', 'accent')).toEqual([
      {
        op: 'setProp',
        id: node.id,
        name: 'style',
        value: { padding: 'sm', radius: 'md', background: 'accent' }
      }
    ]);
    expect(styleKeyOps(styled, 'radius', '')).toEqual([
      { op: 'setProp', id: node.id, name: 'style', value: { padding: 'sm' } }
    ]);
    const one = { ...node, props: { ...node.props, style: { padding: 'sm' } } };
    expect(styleKeyOps(one, 'padding', '')).toEqual([
      { op: 'unsetProp', id: node.id, name: 'style' }
    ]);
    // An expression style shows no tokens; a key picked from there starts a token style again.
    const expr = { ...node, props: { ...node.props, style: { $expr: '({ padding: "md" })' } } };
    expect(styleFields(expr).every((f) => f.value === '')).toBe(true);
    expect(styleAsExpression(styled)).toBe("({ radius: 'md', padding: 'sm' })");
  });
});

describe('an expression style through the compile gate', () => {
  const cases: [string, string | null][] = [
    ["({ background: state.items.length > 1 ? 'success-soft' : 'danger-soft' })", null],
    ["({ background: 'url(https://evil.example/x.png)' })", 'E_TYPE'],
    ["({ color: 'expression(alert(1))' })", 'E_TYPE'],
    ["({ position: 'fixed' })", 'E_TYPE'],
    ['({ padding: 3 })', 'E_TYPE']
  ];
  for (const [source, code] of cases) {
    it(`${code ?? 'takes'} ${source}`, () => {
      const { doc, origin } = templateDoc('todo');
      const node = nodesOfType(readModel(doc), 'Stack')[0];
      const before = canonical(readModel(doc));
      const result = commitBatch(
        doc,
        [{ op: 'setProp', id: node.id, name: 'style', value: { $expr: source } }],
        origin,
        { verify: gateVerifier(), ids: seededIds(3) }
      );
      if (code === null) {
        expect(result.ok, JSON.stringify(result)).toBe(true);
        return;
      }
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0].code).toBe(code);
      expect(canonical(readModel(doc))).toBe(before);
    });
  }
});

describe('a style a peer wrote past the planner', () => {
  it('is the same coded error when the document is read (validateModel)', () => {
    const model = template('todo');
    const node = nodesOfType(model, 'Stack')[0];
    const nodes = new Map(model.nodes);
    nodes.set(node.id, {
      ...node,
      props: { ...node.props, style: { background: 'url(https://evil.example/x.png)' } }
    });
    const errors = validateModel({ ...model, nodes });
    expect(errors.map((e) => e.code)).toContain('E_STYLE_VALUE');
    expect(validateModel(model)).toEqual([]);
  });
});
