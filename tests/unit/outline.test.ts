import { describe, expect, it } from 'vitest';
import { jsxOutline } from '../../src/lib/model/outline';
import { seededIds } from '../../src/lib/model/ids';
import { childrenOf, type AppModel } from '../../src/lib/model/types';
import { templateModel } from '../../src/lib/templates';

function model(name: string): AppModel {
  return templateModel(name, seededIds(1));
}

/** The id of the only node of this type whose props include these literal values. */
function nodeId(m: AppModel, type: string, props: Record<string, unknown> = {}): string {
  const found = [...m.nodes.values()].filter(
    (n) => n.type === type && Object.entries(props).every(([k, v]) => n.props[k] === v)
  );
  expect(found, `one ${type} with ${JSON.stringify(props)}`).toHaveLength(1);
  return found[0].id;
}

function lineOf(text: string, needle: string): string {
  const line = text.split('\n').find((l) => l.includes(needle));
  expect(line, `a line containing ${needle}`).toBeDefined();
  return line!;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Every node id of the model appears exactly once, as an `id="..."` attribute. */
function expectEachIdOnce(m: AppModel, text: string): void {
  for (const id of m.nodes.keys()) {
    expect(text.split(`id="${id}"`).length - 1, `occurrences of ${id}`).toBe(1);
  }
  expect(text.match(/ id="/g)).toHaveLength(m.nodes.size);
}

describe('jsxOutline: counter', () => {
  const m = model('counter');
  const text = jsxOutline(m);
  const lines = text.split('\n');

  it('opens with the root component and its state, typed, with initial values', () => {
    expect(lines[0]).toBe('component App {');
    expect(lines).toContain('  state count: number = 0');
    expect(lines).toContain('  state step: number = 1');
  });

  it('prints one-line handlers inline', () => {
    expect(lines).toContain('  handler increment() { state.count += state.step; }');
    expect(lines).toContain('  handler reset() { state.count = 0; }');
  });

  it('prints a button with its literal label and its handler', () => {
    const plus = nodeId(m, 'Button', { label: '+' });
    expect(lines).toContain(`        <Button id="${plus}" label="+" onClick={increment} />`);
  });

  it('prints expressions in braces and number literals as JSON', () => {
    const heading = nodeId(m, 'Heading');
    expect(lines).toContain(
      `      <Heading id="${heading}" text={String(state.count)} level={1} align="center" />`
    );
  });

  it('prints a binding as bind:prop={state.field}', () => {
    expect(lineOf(text, '<Slider')).toContain(' bind:value={state.step} ');
  });

  it('indents children two spaces under their parent and closes containers', () => {
    const root = m.nodes.get(m.components.get(m.meta.root)!.root)!;
    const card = nodeId(m, 'Card');
    expect(lines).toContain(`  <Stack id="${root.id}" padding="lg" align="center">`);
    expect(indentOf(lineOf(text, `id="${card}"`))).toBe(4);
    for (const kid of childrenOf(m, card)) expect(indentOf(lineOf(text, `id="${kid}"`))).toBe(6);
    expect(lines).toContain('    </Card>');
    expect(lines).toContain('  </Stack>');
    expect(lines.at(-2)).toBe('}');
  });

  it('names every node exactly once', () => {
    expectEachIdOnce(m, text);
  });

  it('is pure: the same model gives the same text', () => {
    expect(jsxOutline(m)).toBe(text);
    expect(jsxOutline(model('counter'))).toBe(text);
  });
});

describe('jsxOutline: todo', () => {
  const m = model('todo');
  const text = jsxOutline(m);
  const lines = text.split('\n');

  it('prints state types in TypeScript spelling', () => {
    expect(lineOf(text, 'state items:')).toMatch(
      /^ {2}state items: \{ id: number; title: string; done: boolean \}\[\] = \[\{"id":1,"title":"Try Malleable","done":true\},/
    );
    expect(lines).toContain('  state draft: string = ""');
    expect(lines).toContain('  state nextId: number = 3');
  });

  it('prints handler parameters and indents multi-line bodies', () => {
    const start = lines.indexOf('  handler addItem() {');
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 1]).toBe('    const title = state.draft.trim();');
    expect(lines[start + 5]).toBe("    state.draft = '';");
    expect(lines[start + 6]).toBe('  }');
    expect(lines).toContain('  handler toggle(item) {');
    expect(lines).toContain(
      '  handler remove(item) { state.items = state.items.filter((x) => x.id !== item.id); }'
    );
  });

  it('prints the input binding next to its submit handler', () => {
    const input = nodeId(m, 'TextInput');
    expect(lines).toContain(
      `      <TextInput id="${input}" bind:value={state.draft} placeholder="What needs doing?" onSubmit={addItem} />`
    );
  });

  it('prints the Each with its list expression and its row inside', () => {
    const each = nodeId(m, 'Each');
    const eachLine = `    <Each id="${each}" items={state.items} as="item" key={item.id}>`;
    expect(lines).toContain(eachLine);
    const at = lines.indexOf(eachLine);
    expect(lines[at + 1]).toMatch(/^ {6}<Stack id="[a-z0-9]+" direction="horizontal"/);
    const row = childrenOf(m, childrenOf(m, each)[0]);
    expect(lines[at + 2]).toBe(
      `        <Checkbox id="${row[0]}" checked={item.done} label={item.title} onChange={toggle} />`
    );
    expect(lines).toContain('    </Each>');
  });

  it('keeps quotes inside expressions and escapes them in literals', () => {
    expect(lineOf(text, 'label="Add"')).toContain(` disabled={state.draft.trim() === ''} />`);
    const escaped = jsxOutline({
      ...m,
      nodes: new Map(
        [...m.nodes].map(([id, n]) =>
          n.type === 'Heading' ? [id, { ...n, props: { text: 'Say "hi"\n' } }] : [id, n]
        )
      )
    });
    expect(escaped).toContain(' text="Say \\"hi\\"\\n" />');
  });

  it('names every node exactly once', () => {
    expectEachIdOnce(m, text);
  });
});
