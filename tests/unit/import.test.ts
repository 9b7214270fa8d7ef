/**
 * importComponent (src/lib/code/import.ts): edited JSX back to ops.
 *
 * - Fixture folders tests/fixtures/import/<case>/: case.json names the template the edit starts
 *   from (ids from seededIds(1)), edit.tsx is its JSX form after a person's edit, and
 *   expected-ops.json the batch. Every batch must plan, and the planned model's JSX must be the
 *   edited text again, up to the ids new elements got. Add a case by adding a folder.
 * - Round trips: model → JSX → import is an empty batch, for every template and for random models.
 * - Random edits: the JSX of a randomly edited model, imported against the model before the
 *   edit, gives a batch that rebuilds the edited component.
 * - Bad input: coded errors with code frames.
 *
 * IMPORT_ITERATIONS sets the random runs (default 100); a failure prints its seed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseExpression } from '@babel/parser';
import { describe, expect, it } from 'vitest';
import { componentJsx, normalizeBody, readLiteral } from '../../src/lib/code/jsx';
import { importComponent, type ImportResult } from '../../src/lib/code/import';
import { seededIds } from '../../src/lib/model/ids';
import {
  childrenOf,
  componentByName,
  subtreeIds,
  type AppModel,
  type JsonValue,
  type NodeSpec,
  type Op,
  type PropValue,
  type StateType
} from '../../src/lib/model/types';
import { planOps } from '../../src/lib/ops/plan';
import type { ErrorCode } from '../../src/lib/ops/errors';
import { acceptsChildren, ELEMENTS, type PropSchema } from '../../src/lib/schema/elements';
import { templateModel, TEMPLATE_NAMES } from '../../src/lib/templates';

const FIXTURES = join(__dirname, '../fixtures/import');
const ITERATIONS = Number(process.env.IMPORT_ITERATIONS ?? 100);

function template(name: string): AppModel {
  return templateModel(name, seededIds(1));
}

function rootJsx(m: AppModel): string {
  return componentJsx(m, m.meta.root);
}

function imported(source: string, model: AppModel): Op[] {
  const result = importComponent(source, model);
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors, null, 2)}`);
  return result.ops;
}

function plan(model: AppModel, ops: Op[], seed = 99): AppModel {
  const result = planOps(model, ops, undefined, { ids: seededIds(seed) });
  if (!result.ok)
    throw new Error(
      `the batch does not plan: ${JSON.stringify(result.errors)}\n${JSON.stringify(ops)}`
    );
  return result.model;
}

/** The JSX of `after` with the ids of nodes `before` did not have taken out, as a person wrote them. */
function withoutNewIds(text: string, before: AppModel, after: AppModel): string {
  let out = text;
  for (const id of after.nodes.keys())
    if (!before.nodes.has(id)) out = out.replace(new RegExp(`\\s+id="${id}"`), '');
  return out;
}

/** Replaces `from` (which must occur exactly once) with `to`. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `occurrences of ${JSON.stringify(from)}`).toBe(1);
  return text.replace(from, () => to);
}

function lineWith(text: string, needle: string): string {
  const lines = text.split('\n').filter((l) => l.includes(needle));
  expect(lines, `lines with ${needle}`).toHaveLength(1);
  return lines[0] + '\n';
}

/** Imports the edit, plans it, and checks the result's JSX is the edited text again. */
function applyEdit(model: AppModel, text: string): { ops: Op[]; after: AppModel } {
  const ops = imported(text, model);
  const after = plan(model, ops);
  expect(withoutNewIds(rootJsx(after), model, after)).toBe(text);
  expect(imported(rootJsx(after), after)).toEqual([]);
  return { ops, after };
}

function nodeId(m: AppModel, type: string, label: string): string {
  const found = [...m.nodes.values()].find(
    (n) =>
      n.type === type &&
      (n.props.label === label || n.props.text === label || n.props.title === label)
  );
  if (!found) throw new Error(`no ${type} ${label}`);
  return found.id;
}

describe('importComponent: fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, () => {
      const dir = join(FIXTURES, name);
      const { before } = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'));
      const text = readFileSync(join(dir, 'edit.tsx'), 'utf8');
      const expected = JSON.parse(readFileSync(join(dir, 'expected-ops.json'), 'utf8'));
      const model = template(before);
      expect(imported(text, model)).toEqual(expected);
      applyEdit(model, text);
    });
  }
});

describe('importComponent: round trips', () => {
  for (const name of TEMPLATE_NAMES) {
    it(`${name}: JSX → import is an empty batch`, () => {
      for (const seed of [1, 2, 3]) {
        const m = templateModel(name, seededIds(seed));
        expect(importComponent(rootJsx(m), m)).toEqual({ ok: true, ops: [], component: 'App' });
      }
    });
  }

  it(`random models: JSX → import is an empty batch (${ITERATIONS} seeds)`, () => {
    for (let seed = 1; seed <= ITERATIONS; seed++) {
      const model = randomModel(seed);
      for (const c of model.components.values()) {
        const text = componentJsx(model, c.id);
        const result = importComponent(text, model);
        if (!result.ok || result.ops.length > 0)
          throw new Error(
            `seed ${seed}, component ${c.name}: ${JSON.stringify(result, null, 1)}\n${text}`
          );
      }
    }
  });

  it(`random edits: importing the edited JSX rebuilds the edit (${ITERATIONS} seeds)`, () => {
    let ops = 0;
    for (let seed = 1; seed <= ITERATIONS; seed++) {
      const before = randomModel(seed);
      const after = randomEdit(before, seed);
      for (const c of after.components.values()) {
        if (!before.components.has(c.id)) continue;
        const text = componentJsx(after, c.id);
        const result = importComponent(text, before);
        const fail = (why: string) =>
          new Error(
            `seed ${seed}, component ${c.name}: ${why}\n${text}\n${JSON.stringify(result)}`
          );
        if (!result.ok) throw fail('import failed');
        ops += result.ops.length;
        const planned = planOps(before, result.ops, undefined, { ids: seededIds(seed) });
        if (!planned.ok) throw fail(`does not plan: ${JSON.stringify(planned.errors)}`);
        const got = shape(planned.model, c.id, before);
        const want = shape(after, c.id, before);
        if (got !== want) throw fail(`rebuilt differently:\n${got}\n${want}`);
      }
    }
    expect(ops).toBeGreaterThan(ITERATIONS);
  });
});

describe('importComponent: edits', () => {
  it('changing a label is one setProp', () => {
    const m = template('counter');
    const text = edit(rootJsx(m), 'label="Reset"', 'label="Start over"');
    const { ops } = applyEdit(m, text);
    expect(ops).toEqual([
      { op: 'setProp', id: nodeId(m, 'Button', 'Reset'), name: 'label', value: 'Start over' }
    ]);
  });

  it('deleting an element is one removeNode, not one per descendant', () => {
    const m = template('todo');
    const each = [...m.nodes.values()].find((n) => n.type === 'Each')!;
    const source = rootJsx(m);
    const start = source.indexOf('      <Each');
    const end = source.indexOf('</Each>\n') + '</Each>\n'.length;
    const { ops } = applyEdit(m, source.slice(0, start) + source.slice(end));
    // The handlers toggle and remove are still declared, so they stay.
    expect(ops).toEqual([{ op: 'removeNode', id: each.id }]);
  });

  it('an element without an id is added, with its new children nested', () => {
    const m = template('counter');
    const text = rootJsx(m);
    const plus = lineWith(text, 'label="+"');
    const { ops } = applyEdit(m, edit(text, plus, plus + '          <Button label="New" />\n'));
    expect(ops).toEqual([
      {
        op: 'addNode',
        parent: childrenOf(m, nodeId(m, 'Card', 'Counter'))[1],
        type: 'Button',
        props: { label: 'New' }
      }
    ]);
    const nested =
      '        <Card title="More">\n' +
      '          <Text text="one" />\n' +
      '          <Stack>\n' +
      '            <Text text="two" />\n' +
      '          </Stack>\n' +
      '        </Card>\n';
    const heading = lineWith(text, '<Heading');
    const result = applyEdit(m, edit(text, heading, nested + heading));
    expect(result.ops).toEqual([
      {
        op: 'addNode',
        parent: nodeId(m, 'Card', 'Counter'),
        index: 0,
        type: 'Card',
        props: { title: 'More' },
        children: [
          { type: 'Text', props: { text: 'one' } },
          { type: 'Stack', children: [{ type: 'Text', props: { text: 'two' } }] }
        ]
      }
    ]);
  });

  it('swapping two siblings moves one of them, and the planned order is the edited one', () => {
    const m = template('counter');
    const text = rootJsx(m);
    const minus = lineWith(text, 'label="−"');
    const reset = lineWith(text, 'label="Reset"');
    const { ops, after } = applyEdit(m, edit(text, minus + reset, reset + minus));
    expect(ops).toHaveLength(1);
    expect(ops[0].op).toBe('moveNode');
    const row = childrenOf(m, nodeId(m, 'Card', 'Counter'))[1];
    expect(childrenOf(after, row).map((id) => after.nodes.get(id)!.props.label)).toEqual([
      'Reset',
      '−',
      '+'
    ]);
  });

  it('reversing a list of children takes n - 1 moves', () => {
    const m = template('counter');
    const text = rootJsx(m);
    const lines = ['−', 'Reset', '+'].map((l) => lineWith(text, `label="${l}"`));
    const { ops } = applyEdit(m, edit(text, lines.join(''), [...lines].reverse().join('')));
    expect(ops.map((o) => o.op)).toEqual(['moveNode', 'moveNode']);
  });

  it('wrapping elements in a new one adds it and moves them in', () => {
    const m = template('counter');
    const text = rootJsx(m);
    const heading = lineWith(text, '<Heading');
    const { ops } = applyEdit(
      m,
      edit(text, heading, '        <Card title="Box">\n  ' + heading + '        </Card>\n')
    );
    expect(ops).toEqual([
      {
        op: 'addNode',
        parent: nodeId(m, 'Card', 'Counter'),
        index: 0,
        id: 'c1',
        type: 'Card',
        props: { title: 'Box' }
      },
      {
        op: 'moveNode',
        id: [...m.nodes.values()].find((n) => n.type === 'Heading')!.id,
        parent: 'c1'
      }
    ]);
  });

  it('unwrapping: children of a removed element move out before it is removed', () => {
    const m = template('todo');
    const text = rootJsx(m);
    const start = text.indexOf('      <If');
    const end = text.indexOf('      </If>\n') + '      </If>\n'.length;
    const inner = lineWith(text, 'Nothing to do yet.').slice(2);
    const { ops } = applyEdit(m, text.slice(0, start) + inner + text.slice(end));
    expect(ops.map((o) => o.op)).toEqual(['moveNode', 'removeNode']);
  });

  it('changing an element’s type replaces it; its children move to the new one', () => {
    const m = template('counter');
    const text = rootJsx(m);
    const card = nodeId(m, 'Card', 'Counter');
    const source = edit(
      edit(
        text,
        `<Card id="${card}" title="Counter" padding="lg">`,
        `<Stack id="${card}" gap="lg">`
      ),
      '      </Card>\n',
      '      </Stack>\n'
    );
    const ops = imported(source, m);
    expect(ops.map((o) => o.op)).toEqual([
      'addNode',
      'moveNode',
      'moveNode',
      'moveNode',
      'removeNode'
    ]);
    const after = plan(m, ops);
    expect(after.nodes.has(card)).toBe(false);
    expect(imported(rootJsx(after), after)).toEqual([]);
  });

  it('adding a state field is one addState', () => {
    const m = template('todo');
    let text = edit(rootJsx(m), '  nextId: number;\n', '  nextId: number;\n  dark: boolean;\n');
    text = edit(text, '  nextId: 3,\n', '  nextId: 3,\n  dark: true,\n');
    const { ops } = applyEdit(m, text);
    expect(ops).toEqual([
      { op: 'addState', component: 'App', name: 'dark', type: 'boolean', initial: true }
    ]);
  });

  it('a field without an initial value starts at its type’s zero value', () => {
    const m = template('todo');
    const text = edit(
      rootJsx(m),
      '  nextId: number;\n',
      '  nextId: number;\n  tags: string[] | null;\n'
    );
    expect(imported(text, m)).toEqual([
      {
        op: 'addState',
        component: 'App',
        name: 'tags',
        type: { optional: { array: 'string' } },
        initial: null
      }
    ]);
  });

  it('reads type aliases, Array<T>, optional members and negative enum members', () => {
    const m = template('blank');
    const source = [
      'type State = {',
      '  tags: Array<string>;',
      '  pick?: "a" | -1;',
      '  box: { w: number; h?: number };',
      '};',
      'const state: State = { tags: ["x"], pick: -1, box: { w: 1, h: null } };',
      'export default function App() {',
      '  return <Stack id="' + componentByName(m, 'App')!.root + '" padding="lg" />;',
      '}'
    ].join('\n');
    expect(imported(source, m)).toEqual([
      { op: 'addState', component: 'App', name: 'tags', type: { array: 'string' }, initial: ['x'] },
      {
        op: 'addState',
        component: 'App',
        name: 'pick',
        type: { optional: { enum: ['a', -1] } },
        initial: -1
      },
      {
        op: 'addState',
        component: 'App',
        name: 'box',
        type: { object: { w: 'number', h: { optional: 'number' } } },
        initial: { w: 1, h: null }
      }
    ]);
  });

  it('editing a handler body is one setHandler with the body as typed', () => {
    const m = template('counter');
    const text = edit(
      rootJsx(m),
      'function reset() {\n  state.count = 0;\n}',
      'function reset() {\n  // back to the start\n  state.count = 0;\n  state.step = 1;\n}'
    );
    const { ops } = applyEdit(m, text);
    expect(ops).toEqual([
      {
        op: 'setHandler',
        component: 'App',
        name: 'reset',
        body: '// back to the start\nstate.count = 0;\nstate.step = 1;'
      }
    ]);
  });

  it('re-indenting a handler is no change', () => {
    const m = template('counter');
    const text = edit(
      rootJsx(m),
      'function reset() {\n  state.count = 0;\n}',
      'function reset() {\n\n      state.count = 0;   \n}'
    );
    expect(imported(text, m)).toEqual([]);
  });

  it('a new handler used by a new element comes first; a handler gone goes last', () => {
    const m = template('counter');
    let text = edit(rootJsx(m), 'function reset() {\n  state.count = 0;\n}\n\n', '');
    text = edit(text, 'onClick={reset}', 'onClick={double}');
    text = edit(
      text,
      'export default function',
      'function double() {\n  state.count *= 2;\n}\n\nexport default function'
    );
    const { ops } = applyEdit(m, text);
    expect(ops).toEqual([
      { op: 'setHandler', component: 'App', name: 'double', body: 'state.count *= 2;' },
      {
        op: 'setProp',
        id: nodeId(m, 'Button', 'Reset'),
        name: 'onClick',
        value: { $handler: 'double' }
      },
      { op: 'removeHandler', component: 'App', name: 'reset' }
    ]);
  });

  it('reads literals, expressions, handlers and bindings by their spelling', () => {
    const m = template('counter');
    const text = edit(
      rootJsx(m),
      '<Button id="b3o9ns" label="+" onClick={increment} />',
      '<Button id="b3o9ns" label={"+"} disabled onClick={increment} icon={`plus`} />'
    );
    expect(imported(text, m)).toEqual([
      { op: 'setProp', id: 'b3o9ns', name: 'disabled', value: true },
      { op: 'setProp', id: 'b3o9ns', name: 'icon', value: { $expr: '`plus`' } }
    ]);
  });

  it('changing a field’s type retypes it; a binding to the new type waits for the retype', () => {
    const m = template('counter');
    let text = edit(rootJsx(m), '  step: number;\n', '  step: string;\n');
    text = edit(text, '  step: 1,\n', '  step: "1",\n');
    text = edit(
      text,
      'bind:value={state.step} min={1} max={10} step={1}',
      'min={1} max={10} step={1}'
    );
    const plus = lineWith(text, 'label="+"');
    text = edit(text, plus, plus + '          <TextInput bind:value={state.step} />\n');
    const ops = imported(text, m);
    expect(ops.map((o) => o.op)).toEqual(['unsetProp', 'addNode', 'retypeState', 'setProp']);
    expect(ops[2]).toEqual({
      op: 'retypeState',
      component: 'App',
      name: 'step',
      type: 'string',
      migrate: 'value',
      initial: '1'
    });
    const result = planOps(m, ops, undefined, {
      ids: seededIds(3),
      migrate: (_expr, value) => ({ ok: true, value: String(value) })
    });
    expect(result.ok).toBe(true);
  });

  it('a component the model does not have becomes addComponent and its content', () => {
    const m = template('counter');
    const source = [
      'interface State {',
      '  open: boolean;',
      '}',
      '',
      'const state: State = { open: false };',
      '',
      'function flip() {',
      '  state.open = !state.open;',
      '}',
      '',
      'export default function Panel() {',
      '  return (',
      '    <Stack gap="sm">',
      '      {/* a hand-written component: no ids */}',
      '      <Toggle label="Open" bind:checked={state.open} onChange={flip} />',
      '      <If when={state.open}>',
      '        <Text text="Hello" />',
      '      </If>',
      '    </Stack>',
      '  );',
      '}'
    ].join('\n');
    const result = importComponent(source, m);
    expect(result).toEqual({
      ok: true,
      component: 'Panel',
      ops: [
        { op: 'addComponent', name: 'Panel', id: 'root' },
        { op: 'setHandler', component: 'Panel', name: 'flip', body: 'state.open = !state.open;' },
        { op: 'addState', component: 'Panel', name: 'open', type: 'boolean', initial: false },
        { op: 'setProp', id: 'root', name: 'gap', value: 'sm' },
        {
          op: 'addNode',
          parent: 'root',
          type: 'Toggle',
          props: { label: 'Open', checked: { $bind: 'open' }, onChange: { $handler: 'flip' } }
        },
        {
          op: 'addNode',
          parent: 'root',
          type: 'If',
          props: { when: { $expr: 'state.open' } },
          children: [{ type: 'Text', props: { text: 'Hello' } }]
        }
      ]
    } satisfies ImportResult);
    const after = plan(m, (result as { ops: Op[] }).ops);
    const panel = componentByName(after, 'Panel')!;
    expect(importComponent(componentJsx(after, panel.id), after)).toMatchObject({ ops: [] });
  });

  it('a new component whose outermost element is not a Stack gets it inside its root Stack', () => {
    const m = template('counter');
    const source =
      'export default function Badge2() {\n  return <Card title="x"><Text text="y" /></Card>;\n}\n';
    const ops = imported(source, m);
    expect(ops).toEqual([
      { op: 'addComponent', name: 'Badge2', id: 'root' },
      {
        op: 'addNode',
        parent: 'root',
        type: 'Card',
        props: { title: 'x' },
        children: [{ type: 'Text', props: { text: 'y' } }]
      }
    ]);
    plan(m, ops);
  });

  it('a new component with declared props and capabilities', () => {
    const m = template('counter');
    const source = [
      'interface Props {',
      '  title: string;',
      '  size?: "sm" | "lg";',
      '}',
      'const defaultProps: Props = { title: "Row" };',
      'const capabilities = { clock: true };',
      'export default function Row(props: Props) {',
      '  return <Stack><Text text={props.title} /></Stack>;',
      '}'
    ].join('\n');
    const ops = imported(source, m);
    expect(ops[0]).toEqual({
      op: 'addComponent',
      name: 'Row',
      id: 'root',
      props: {
        title: { type: 'string', default: 'Row' },
        size: { type: { optional: { enum: ['sm', 'lg'] } } }
      }
    });
    expect(ops.at(-1)).toEqual({
      op: 'setCapabilities',
      component: 'Row',
      capabilities: { clock: true }
    });
    const after = plan(m, ops);
    const row = componentByName(after, 'Row')!;
    expect(imported(componentJsx(after, row.id), after)).toEqual([]);
  });
});

describe('importComponent: bad input', () => {
  function refused(
    source: string,
    model: AppModel,
    code: ErrorCode
  ): { message: string; frame?: string } {
    const result = importComponent(source, model);
    expect(result.ok).toBe(false);
    if (result.ok) throw new Error('accepted');
    expect(result.errors[0].code).toBe(code);
    expect(result.errors[0].frame).toBeTruthy();
    return result.errors[0];
  }
  const m = template('counter');
  const text = rootJsx(m);

  it('a syntax error is E_SYNTAX with a frame at the spot', () => {
    const e = refused(edit(text, 'label="Reset"', 'label="Reset'), m, 'E_SYNTAX');
    expect(e.frame).toContain('label="Reset');
    expect(e.frame).toMatch(/>\s*\d+ \|/);
  });

  it('no default export', () => {
    const e = refused(edit(text, 'export default function App', 'function App'), m, 'E_IMPORT_JSX');
    expect(e.message).toContain('export default function');
  });

  it('a lower-case element', () => {
    const plus = lineWith(text, 'label="+"');
    const e = refused(edit(text, plus, plus + '          <div />\n'), m, 'E_IMPORT_JSX');
    expect(e.message).toContain('<div>');
    expect(e.frame).toContain('<div />');
  });

  it('duplicate ids', () => {
    const plus = lineWith(text, 'label="+"');
    const e = refused(edit(text, plus, plus + plus), m, 'E_IMPORT_JSX');
    expect(e.message).toMatch(/used twice/);
  });

  it('an id that belongs to another component', () => {
    const two = plan(m, [
      { op: 'addComponent', name: 'Row', id: 'r' },
      { op: 'addNode', parent: 'r', type: 'Text', id: 'tx', props: { text: 'x' } }
    ]);
    const other = subtreeIds(two, componentByName(two, 'Row')!.root)[1];
    const plus = lineWith(text, 'label="+"');
    const e = refused(
      edit(text, plus, plus + `          <Text id="${other}" text="x" />\n`),
      two,
      'E_IMPORT_JSX'
    );
    expect(e.message).toContain('belongs to component Row');
    // Renaming the component keeps App's ids in a module named otherwise.
    refused(edit(text, 'function App', 'function Main'), m, 'E_IMPORT_JSX');
  });

  it('spread attributes, text children, expressions between elements', () => {
    const plus = lineWith(text, 'label="+"');
    refused(edit(text, plus, plus + '          <Button {...extra} />\n'), m, 'E_IMPORT_JSX');
    refused(edit(text, plus, plus + '          Hello\n'), m, 'E_IMPORT_JSX');
    refused(
      edit(text, plus, plus + '          {state.count > 1 && <Text />}\n'),
      m,
      'E_IMPORT_JSX'
    );
  });

  it('unsupported types and values', () => {
    refused(edit(text, '  step: number;', '  step: Map<string, number>;'), m, 'E_IMPORT_JSX');
    refused(edit(text, '  step: 1,', '  step: 1 + 1,'), m, 'E_IMPORT_JSX');
    refused(edit(text, '  step: number;\n', ''), m, 'E_IMPORT_JSX');
  });

  it('a bind: that is not a state field', () => {
    refused(edit(text, 'bind:value={state.step}', 'bind:value={props.step}'), m, 'E_IMPORT_JSX');
  });

  it('the root element must stay', () => {
    const root = componentByName(m, 'App')!.root;
    refused(edit(text, `<Stack id="${root}"`, '<Stack'), m, 'E_IMPORT_JSX');
  });

  it('declared props of an existing component cannot change', () => {
    const withRow = plan(m, [
      { op: 'addComponent', name: 'Row', props: { title: { type: 'string' } } }
    ]);
    const row = componentByName(withRow, 'Row')!;
    const rowText = componentJsx(withRow, row.id);
    const e = refused(edit(rowText, 'title: string;', 'title: number;'), withRow, 'E_IMPORT_JSX');
    expect(e.message).toContain('declared props');
  });

  it('other statements', () => {
    refused('import x from "y";\n' + text, m, 'E_IMPORT_JSX');
    refused(
      edit(
        text,
        'export default function App() {\n  return (',
        'export default function App() {\n  const x = 1;\n  return ('
      ),
      m,
      'E_IMPORT_JSX'
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Random models

class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let x = this.s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const STRINGS = [
  'Hello',
  '',
  'say "hi"',
  'a & b',
  'back\\slash',
  'two\nlines',
  'émoji 🎉',
  '{curly} <b>',
  ' spaced ',
  "it's",
  'star',
  '#fa0',
  'https://example.com',
  '-1'
];
const EXPRS = [
  'state.a',
  "'x' + 1",
  '1',
  '-2.5',
  'true',
  'null',
  '"quoted"',
  '[1, "two"]',
  '{ a: 1, b: [true] }',
  '  state.a + 1  ',
  'item',
  'a ? b : c',
  '(x) => x.id',
  'state.a // trailing comment',
  '`tpl ${state.a}`',
  'a &&\n  b',
  "{ 'k': [1, -2.5] }",
  'x < y',
  'addItem'
];
const BODIES = [
  'state.a = 1;',
  '',
  '// only a comment',
  'if (state.a) {\n  state.a = 0;\n}',
  '    indented();\n    twice();',
  'const s = `multi\nline`;',
  'return;',
  'x(); // trailing',
  '\n\nblank();\n\n',
  'a();\n\n\nb();',
  '\tconst t = 1;\n\tif (t) {\n\t\treturn;\n\t}'
];
const FIELDS = ['a', 'title', 'flag', 'items', 'mode', 'maybe', 'nested', 'n2'];
const HANDLERS = ['addItem', 'clear', 'go', 'onPick'];

function randomType(rng: Rng, depth = 0): StateType {
  const simple: StateType[] = ['number', 'string', 'boolean'];
  if (depth > 1 || rng.chance(0.5)) return rng.pick(simple);
  switch (rng.int(4)) {
    case 0:
      return { array: randomType(rng, depth + 1) };
    case 1:
      return { object: { id: 'number', label: randomType(rng, depth + 1) } };
    case 2:
      return { enum: rng.chance(0.5) ? ['x', 'y z', 'q"'] : [1, -2, 3.5] };
    default:
      return { optional: rng.pick<StateType>([...simple, { array: 'string' }]) };
  }
}

function randomValue(rng: Rng, type: StateType): JsonValue {
  if (type === 'number') return rng.pick([0, 1, -3, 2.5, 1e21, 123456]);
  if (type === 'string') return rng.pick(STRINGS);
  if (type === 'boolean') return rng.chance(0.5);
  if ('array' in type)
    return Array.from({ length: rng.int(3) }, () => randomValue(rng, type.array));
  if ('object' in type)
    return Object.fromEntries(
      Object.entries(type.object).map(([k, t]) => [k, randomValue(rng, t)])
    );
  if ('enum' in type) return rng.pick(type.enum);
  return rng.chance(0.4) ? null : randomValue(rng, type.optional);
}

function randomLiteral(rng: Rng, schema: PropSchema): JsonValue {
  if (schema.enum) return rng.pick(schema.enum);
  const type = schema.type;
  if (type === 'boolean') return rng.chance(0.5);
  if (type === 'integer' || type === 'number') {
    const min = typeof schema.minimum === 'number' ? schema.minimum : -50;
    const max = typeof schema.maximum === 'number' ? schema.maximum : 50;
    const n = min + rng.next() * (max - min);
    return type === 'integer' ? Math.round(n) : Math.round(n * 100) / 100;
  }
  if (type === 'array') return Array.from({ length: rng.int(3) }, () => rng.pick(STRINGS));
  return rng.pick(STRINGS);
}

/** Random props of a built-in element: literals of its schema, expressions, handlers, bindings. */
function randomProps(
  rng: Rng,
  type: string,
  model: AppModel,
  componentName: string
): Record<string, PropValue> {
  const c = componentByName(model, componentName)!;
  const schema = ELEMENTS.get(type);
  if (!schema) {
    // A user component instance: its declared props take literals and expressions.
    const decls = componentByName(model, type)?.props ?? {};
    return Object.fromEntries(
      Object.entries(decls)
        .filter(() => rng.chance(0.6))
        .map(([k, d]) => [
          k,
          rng.chance(0.3) ? { $expr: rng.pick(EXPRS) } : randomValue(rng, d.type)
        ])
    );
  }
  const props: Record<string, PropValue> = {};
  for (const [name, prop] of Object.entries(schema.properties)) {
    if (!rng.chance(0.45)) continue;
    const kinds = prop['x-kinds'];
    const kind = rng.pick(kinds);
    if (kind === 'literal') props[name] = randomLiteral(rng, prop);
    else if (kind === 'expr') props[name] = { $expr: rng.pick(EXPRS) };
    else if (kind === 'handler') {
      const names = Object.keys(c.handlers);
      if (names.length > 0) props[name] = { $handler: rng.pick(names) };
    } else {
      const fields = Object.entries(c.state).filter(([, f]) => f.type === prop.type);
      if (fields.length > 0) props[name] = { $bind: rng.pick(fields)[0] };
    }
  }
  if (type === 'Each') {
    props.items = { $expr: 'state.items' };
    if (rng.chance(0.5)) props.as = rng.pick(['item', 'row']);
  }
  return props;
}

function randomSpec(rng: Rng, model: AppModel, component: string, depth: number): NodeSpec {
  const users = [...model.components.values()]
    .filter((c) => c.name !== component && c.name !== 'App')
    .map((c) => c.name);
  const type =
    rng.chance(0.1) && users.length > 0 ? rng.pick(users) : rng.pick([...ELEMENTS.keys()]);
  const spec: NodeSpec = { type, props: randomProps(rng, type, model, component) };
  if (acceptsChildren(type) && depth < 2 && rng.chance(0.5))
    spec.children = Array.from({ length: 1 + rng.int(3) }, () =>
      randomSpec(rng, model, component, depth + 1)
    );
  return spec;
}

/** One random op that may or may not plan (the caller keeps those that do). */
function randomOp(rng: Rng, model: AppModel, removeState = true): Op {
  const components = [...model.components.values()];
  const c = rng.pick(components);
  const nodes = subtreeIds(model, c.root);
  const containers = nodes.filter((id) => acceptsChildren(model.nodes.get(id)!.type));
  const pickIndex = (parent: string) => rng.int(childrenOf(model, parent).length + 1);
  const roll = rng.int(10);
  switch (roll) {
    case 0:
    case 1:
    case 2: {
      const parent = rng.pick(containers);
      return {
        op: 'addNode',
        parent,
        index: pickIndex(parent),
        ...randomSpec(rng, model, c.name, 0)
      } as Op;
    }
    case 3: {
      const parent = rng.pick(containers);
      return { op: 'moveNode', id: rng.pick(nodes), parent, index: pickIndex(parent) };
    }
    case 4: {
      const id = rng.pick(nodes);
      const node = model.nodes.get(id)!;
      const props = randomProps(rng, node.type, model, c.name);
      const name = Object.keys(props)[0];
      if (name) return { op: 'setProp', id, name, value: props[name] };
      const old = Object.keys(node.props)[0];
      return old ? { op: 'unsetProp', id, name: old } : { op: 'removeNode', id };
    }
    case 5:
      return { op: 'removeNode', id: rng.pick(nodes) };
    case 6:
    case 7:
      return {
        op: 'setHandler',
        component: c.name,
        name: rng.pick(HANDLERS),
        ...(rng.chance(0.3) ? { params: ['item'] } : {}),
        body: rng.pick(BODIES)
      } as Op;
    case 8: {
      const type = randomType(rng);
      return {
        op: 'addState',
        component: c.name,
        name: rng.pick(FIELDS),
        type,
        initial: randomValue(rng, type)
      };
    }
    default:
      return rng.chance(0.5) && removeState
        ? { op: 'removeState', component: c.name, name: rng.pick(FIELDS) }
        : { op: 'removeHandler', component: c.name, name: rng.pick(HANDLERS) };
  }
}

function applyRandom(
  model: AppModel,
  rng: Rng,
  seed: number,
  steps: number,
  removeState: boolean
): AppModel {
  let m = model;
  for (let i = 0; i < steps; i++) {
    const result = planOps(m, [randomOp(rng, m, removeState)], undefined, {
      ids: seededIds(seed * 1000 + i)
    });
    if (result.ok) m = result.model;
  }
  return m;
}

/** A random valid model: a template, maybe a user component, then random ops that planned. */
function randomModel(seed: number): AppModel {
  const rng = new Rng(seed);
  let m = templateModel(rng.pick(TEMPLATE_NAMES), seededIds(seed));
  if (rng.chance(0.5)) {
    m = plan(m, [
      {
        op: 'addComponent',
        name: 'Row',
        props: {
          title: { type: 'string', default: 'x' },
          n: { type: { optional: 'number' } }
        }
      },
      { op: 'setCapabilities', component: 'Row', capabilities: { random: true } }
    ]);
  }
  for (const c of [...m.components.values()]) {
    const type = randomType(rng);
    const result = planOps(
      m,
      [{ op: 'addState', component: c.name, name: 'items', type: { array: type }, initial: [] }],
      undefined,
      { ids: seededIds(seed) }
    );
    if (result.ok) m = result.model;
  }
  return applyRandom(m, rng, seed, 40, true);
}

/**
 * A few more random ops on a model. No state field is removed: one removed and added again with
 * another type reads back as a retype, whose data migration needs the sandbox.
 */
function randomEdit(model: AppModel, seed: number): AppModel {
  return applyRandom(model, new Rng(seed + 7919), seed + 7919, 8, false);
}

/** A prop value as the JSX form reads it: an expression that spells a literal is that literal. */
function canonicalValue(value: PropValue): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && '$expr' in value) {
    const source = String(value.$expr).trim();
    try {
      const literal = readLiteral(parseExpression(source, { plugins: ['jsx', 'typescript'] }));
      if (literal !== undefined) return literal;
    } catch {
      // not a literal
    }
    return { $expr: source };
  }
  return value;
}

function sortedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortedJson((value as Record<string, unknown>)[k])])
    );
  return value;
}

/** A component as a comparable text: its definition and view, ids of nodes `known` lacks as `*`. */
function shape(model: AppModel, componentId: string, known: AppModel): string {
  const c = model.components.get(componentId)!;
  const view = (id: string): unknown => {
    const node = model.nodes.get(id)!;
    return {
      id: known.nodes.has(id) ? id : '*',
      type: node.type,
      props: Object.fromEntries(Object.entries(node.props).map(([k, v]) => [k, canonicalValue(v)])),
      children: childrenOf(model, id).map(view)
    };
  };
  return JSON.stringify(
    sortedJson({
      state: c.state,
      stateOrder: Object.keys(c.state),
      handlers: Object.fromEntries(
        Object.entries(c.handlers).map(([k, h]) => [
          k,
          { params: h.params, body: normalizeBody(h.body) }
        ])
      ),
      capabilities: c.capabilities,
      props: c.props,
      view: view(c.root)
    }),
    null,
    1
  );
}
