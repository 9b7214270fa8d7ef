/**
 * The JSX form (src/lib/code/jsx.ts): fixture folders pin the text of every template, so a change
 * to the printer shows up as a reviewed diff of `expected.tsx`; the rest are the layout rules and
 * the edge cases (strings that need escaping, keys, code that does not parse, line comments).
 *
 * Fixtures: tests/fixtures/jsx/<name>/model.json (an app file) and expected.tsx (the root
 * component's JSX form). Add a case by adding a folder. After a deliberate printer change,
 * rewrite them with UPDATE_FIXTURES=1 npx vitest run tests/unit/jsx.test.ts and read the diff.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appJsx, componentJsx, normalizeBody } from '../../src/lib/code/jsx';
import { importComponent } from '../../src/lib/code/import';
import { fromAppFile } from '../../src/lib/model/appfile';
import { seededIds } from '../../src/lib/model/ids';
import { componentByName, type AppModel, type Op } from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import { templateModel } from '../../src/lib/templates';

const FIXTURES = join(__dirname, '../fixtures/jsx');

function loadModel(dir: string): AppModel {
  const result = fromAppFile(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')));
  if (!result.ok) throw new Error(`${dir}/model.json: ${JSON.stringify(result.errors)}`);
  return result.model;
}

function plan(model: AppModel, ops: Op[]): AppModel {
  const result = planOps(model, ops, undefined, { ids: seededIds(5) });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.model;
}

/** The counter with one more op batch applied. */
function counterWith(ops: (m: AppModel) => unknown[]): AppModel {
  const m = templateModel('counter', seededIds(1));
  return plan(m, ops(m) as Op[]);
}

function rootJsx(m: AppModel): string {
  return componentJsx(m, m.meta.root);
}

describe('componentJsx: fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, () => {
      const dir = join(FIXTURES, name);
      const model = loadModel(dir);
      const text = rootJsx(model);
      if (process.env.UPDATE_FIXTURES) writeFileSync(join(dir, 'expected.tsx'), text);
      expect(text).toBe(readFileSync(join(dir, 'expected.tsx'), 'utf8'));
      // Same model, same text.
      expect(rootJsx(loadModel(dir))).toBe(text);
      expect(importComponent(text, model)).toEqual({ ok: true, ops: [], component: 'App' });
    });
  }
});

describe('componentJsx: layout', () => {
  it('puts id first on every element and keeps lines within 100 columns where it can', () => {
    const m = templateModel('todo', seededIds(1));
    const text = rootJsx(m);
    for (const id of m.nodes.keys()) expect(text).toMatch(new RegExp(`<\\w+\\s+id="${id}"`));
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('breaks a long attribute list one attribute a line', () => {
    const m = counterWith((m) => [
      {
        op: 'setProp',
        id: componentByName(m, 'App')!.root,
        name: 'theme',
        value: { $expr: "state.count > 100 ? 'dark' : state.count > 50 ? 'light' : 'inherit'" }
      }
    ]);
    const lines = rootJsx(m).split('\n');
    const open = lines.findIndex((l) => l.trim() === '<Stack');
    expect(open).toBeGreaterThan(0);
    expect(lines[open + 1].trim()).toMatch(/^id="/);
    expect(lines.slice(open + 1, open + 5).every((l) => l.startsWith('      '))).toBe(true);
  });

  it('writes strings that JSX attributes cannot hold as JS strings', () => {
    const m = counterWith((m) => {
      const card = [...m.nodes.values()].find((n) => n.type === 'Card')!.id;
      return [
        { op: 'addNode', parent: card, type: 'Text', props: { text: 'say "hi" & <b>' } },
        { op: 'addNode', parent: card, type: 'Text', props: { text: 'two\nlines \\ é' } },
        { op: 'addNode', parent: card, type: 'Text', props: { text: '{braces} – fine' } }
      ];
    });
    const text = rootJsx(m);
    expect(text).toContain('text={"say \\"hi\\" & <b>"}');
    expect(text).toContain('text={"two\\nlines \\\\ é"}');
    expect(text).toContain('text="{braces} – fine"');
    expect(importComponent(text, m)).toEqual({ ok: true, ops: [], component: 'App' });
  });

  it('prints state types and values, nested objects inline when they fit', () => {
    const m = counterWith(() => [
      {
        op: 'addState',
        component: 'App',
        name: 'mode',
        type: { optional: { enum: ['a', 'b', -1] } },
        initial: null
      },
      {
        op: 'addState',
        component: 'App',
        name: 'rows',
        type: { array: { optional: 'number' } },
        initial: [1, null, -2.5]
      },
      {
        op: 'addState',
        component: 'App',
        name: 'odd',
        type: { object: { a: 'string', n: 'number' } },
        initial: { a: 'x', n: 1 }
      }
    ]);
    const text = rootJsx(m);
    expect(text).toContain('  mode: "a" | "b" | -1 | null;\n');
    expect(text).toContain('  rows: (number | null)[];\n');
    expect(text).toContain('  odd: { a: string; n: number };\n');
    expect(text).toContain('  rows: [1, null, -2.5],\n');
    expect(text).toContain('  odd: { a: "x", n: 1 },\n');
    expect(importComponent(text, m)).toEqual({ ok: true, ops: [], component: 'App' });
  });

  it('prints declared props, defaults and capabilities of a user component', () => {
    const m = counterWith(() => [
      {
        op: 'addComponent',
        name: 'Row',
        id: 'r',
        props: { title: { type: 'string', default: 'Untitled' }, count: { type: 'number' } }
      },
      {
        op: 'setCapabilities',
        component: 'Row',
        capabilities: { clock: true, network: { origins: ['https://api.example.com'] } }
      },
      { op: 'addNode', parent: 'r', type: 'Text', props: { text: { $expr: 'props.title' } } }
    ]);
    const row = componentByName(m, 'Row')!;
    const text = componentJsx(m, row.id);
    expect(text).toContain('interface Props {\n  title: string;\n  count: number;\n}');
    expect(text).toContain('const defaultProps: Props = {\n  title: "Untitled",\n};');
    expect(text).toContain(
      'const capabilities = {\n  clock: true,\n  network: { origins: ["https://api.example.com"] },\n};'
    );
    expect(text).toContain('export default function Row(props: Props) {');
    expect(importComponent(text, m)).toEqual({ ok: true, ops: [], component: 'Row' });
  });

  it('appJsx: the root component first, then the others by name, a blank line between', () => {
    const m = counterWith(() => [
      { op: 'addComponent', name: 'Zed' },
      { op: 'addComponent', name: 'Alpha' }
    ]);
    const text = appJsx(m);
    const order = [...text.matchAll(/export default function (\w+)/g)].map((x) => x[1]);
    expect(order).toEqual(['App', 'Alpha', 'Zed']);
    expect(text).toContain('}\n\nexport default function Alpha() {');
    expect(text.startsWith(rootJsx(m))).toBe(true);
  });
});

describe('componentJsx: code', () => {
  it('shows handler bodies as stored (comments and formatting kept), re-indented', () => {
    const body = '// add one\nif (state.count < 10) {\n    state.count += 1; // four spaces\n}';
    const m = counterWith(() => [{ op: 'setHandler', component: 'App', name: 'bump', body }]);
    const text = rootJsx(m);
    expect(text).toContain(
      'function bump() {\n  // add one\n  if (state.count < 10) {\n      state.count += 1; // four spaces\n  }\n}'
    );
    expect(importComponent(text, m)).toEqual({ ok: true, ops: [], component: 'App' });
  });

  it('prints an empty handler as {}', () => {
    const m = counterWith(() => [{ op: 'setHandler', component: 'App', name: 'noop', body: '' }]);
    expect(rootJsx(m)).toContain('function noop() {}\n');
  });

  it('ends the line after an expression that ends in a line comment', () => {
    const m = counterWith((m) => [
      {
        op: 'setProp',
        id: [...m.nodes.values()].find((n) => n.type === 'Heading')!.id,
        name: 'text',
        value: { $expr: 'String(state.count) // shown big' }
      }
    ]);
    const text = rootJsx(m);
    expect(text).toMatch(/text=\{String\(state\.count\) \/\/ shown big\n\s*\}/);
    expect(importComponent(text, m)).toEqual({ ok: true, ops: [], component: 'App' });
  });

  it('parenthesizes an expression that spells a literal, so it reads back as an expression', () => {
    const m = counterWith((m) => {
      const heading = [...m.nodes.values()].find((n) => n.type === 'Heading')!.id;
      return [
        { op: 'setProp', id: heading, name: 'text', value: { $expr: '"fixed"' } },
        { op: 'setProp', id: heading, name: 'level', value: { $expr: ' 2 ' } }
      ];
    });
    const text = rootJsx(m);
    expect(text).toContain('text={("fixed")} level={(2)}');
    expect(importComponent(text, m)).toEqual({ ok: true, ops: [], component: 'App' });
    const edited = text.replace('level={(2)}', 'level={3}');
    expect(importComponent(edited, m)).toMatchObject({
      ops: [{ op: 'setProp', name: 'level', value: 3 }]
    });
  });

  it('prints code that does not parse as it is, so importing it points at it', () => {
    const m = counterWith((m) => [
      {
        op: 'setProp',
        id: [...m.nodes.values()].find((n) => n.type === 'Heading')!.id,
        name: 'text',
        value: { $expr: 'state.count +' }
      }
    ]);
    const text = rootJsx(m);
    expect(text).toContain('text={state.count +}');
    const result = importComponent(text, m);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].code).toBe('E_SYNTAX');
    expect(result.errors[0].frame).toContain('state.count +}');
  });

  it('normalizeBody drops blank edges and common indentation only', () => {
    expect(normalizeBody('\n    a();\n      b();\n\n    c();\n  ')).toBe('a();\n  b();\n\nc();');
    expect(normalizeBody(' a(); ')).toBe('a();');
    expect(normalizeBody('')).toBe('');
  });
});
