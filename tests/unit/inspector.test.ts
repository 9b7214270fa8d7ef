/**
 * The inspector's pure half: field descriptors follow the element schemas, typed input becomes a
 * prop value, a state type or an initial value (or a coded error before anything is proposed), and
 * every action's ops plan against real template models (bad input refused with its code).
 */
import { describe, expect, it } from 'vitest';
import { seededIds } from '../../src/lib/model/ids';
import {
  componentByName,
  type AppModel,
  type NodeRecord,
  type StateType
} from '../../src/lib/model/types';
import { planOps, type Migrator, type Plan, type Rejection } from '../../src/lib/ops/plan';
import { ELEMENTS } from '../../src/lib/schema/elements';
import { formatType } from '../../src/lib/schema/statetype';
import { formatStateType as typeText } from '../../src/lib/schema/statetype-text';
import {
  expressionExample,
  addStateOps,
  bindOps,
  createHandlerOps,
  fieldDescriptors,
  literalAsExpression,
  loopVariables,
  parseExpression,
  parseInitial,
  parseLiteral,
  parseParams,
  parseStateType,
  pickHandlerOps,
  propChangeOps,
  propLabel,
  removeHandlerOps,
  removeNodeOps,
  removeStateOps,
  renameStateOps,
  retypeStateOps,
  setHandlerOp,
  suggestMigration,
  valueText,
  type FieldDescriptor,
  type Parsed,
  type PropChange
} from '../../src/lib/editor/inspector';
import { canonical, nodesOfType, template } from './helpers';

const todo = template('todo');
const blank = template('blank');
const app = (model: AppModel) => componentByName(model, 'App')!;

/** A stand-in for the sandbox: migrations here are trusted test strings. */
const migrate: Migrator = (expression, value) => {
  try {
    return { ok: true, value: new Function('value', `return (${expression});`)(value) };
  } catch (e) {
    return { ok: false, message: String(e) };
  }
};

function plans(model: AppModel, ops: unknown): Plan {
  const result = planOps(model, ops, undefined, { ids: seededIds(3), migrate });
  if (!result.ok) throw new Error(`expected the ops to plan: ${JSON.stringify(result.errors)}`);
  return result;
}

function refusedCode(model: AppModel, ops: unknown): string {
  const before = canonical(model);
  const result = planOps(model, ops, undefined, { ids: seededIds(3), migrate });
  expect(result.ok).toBe(false);
  expect(canonical(model)).toBe(before);
  return (result as Rejection).errors[0].code;
}

function value<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`expected a value: ${parsed.error.code} ${parsed.error.message}`);
  return parsed.value;
}

function code<T>(parsed: Parsed<T>): string {
  expect(parsed.ok).toBe(false);
  return (parsed as { ok: false; error: { code: string } }).error.code;
}

function field(model: AppModel, node: NodeRecord, name: string): FieldDescriptor {
  const found = fieldDescriptors(model, node).find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
}

const first = (model: AppModel, type: string) => nodesOfType(model, type)[0];

describe('field descriptors', () => {
  /** A throwaway node of each built-in type, with no props set. */
  const bare = (type: string): NodeRecord => ({
    id: 'x1',
    type,
    component: app(todo).id,
    parent: app(todo).root,
    order: 'a0',
    props: {}
  });

  it.each([...ELEMENTS.keys()])('%s: one field per schema prop, as the schema says', (type) => {
    const schema = ELEMENTS.get(type)!;
    const fields = fieldDescriptors(todo, bare(type));
    // The style group is drawn by the Style section (StyleSection.svelte), not as a field.
    expect(fields.map((f) => f.name)).toEqual(
      Object.keys(schema.properties).filter((n) => schema.properties[n]['x-editor'] !== 'style')
    );
    for (const f of fields) {
      const prop = schema.properties[f.name];
      expect(f.kinds).toEqual(prop['x-kinds']);
      expect(f.editor).toBe(prop['x-editor']);
      expect(f.default).toEqual(prop.default);
      expect(f.options).toEqual(prop.enum);
      expect(f.description).toBe(prop.description);
      expect(f.value).toBeUndefined();
      expect(f.valueKind).toBeNull();
      expect(f.kinds).toContain(f.mode);
      // A prop that takes a literal always has a control for it, one that takes none has none.
      expect(f.literalEditor === null).toBe(!prop['x-kinds'].includes('literal'));
      if (prop.enum) expect(f.literalEditor).toBe('enum');
    }
  });

  it('reads the current values and their kinds from the node (todo app)', () => {
    const input = first(todo, 'TextInput');
    expect(field(todo, input, 'value')).toMatchObject({
      value: { $bind: 'draft' },
      valueKind: 'bind',
      mode: 'bind',
      literalEditor: 'text'
    });
    expect(field(todo, input, 'onSubmit')).toMatchObject({ valueKind: 'handler', mode: 'handler' });
    expect(field(todo, input, 'onInput')).toMatchObject({ valueKind: null, mode: 'handler' });
    const each = first(todo, 'Each');
    expect(field(todo, each, 'items')).toMatchObject({ mode: 'expr', literalEditor: null });
    expect(field(todo, each, 'as')).toMatchObject({ value: 'item', mode: 'literal' });
    const button = first(todo, 'Button');
    expect(field(todo, button, 'disabled').mode).toBe('expr');
    expect(field(todo, button, 'variant').options).toEqual([
      'primary',
      'secondary',
      'ghost',
      'danger'
    ]);
  });

  it('gives expression-hinted props a literal control of their own type', () => {
    const ifNode = first(todo, 'If');
    expect(field(todo, ifNode, 'when').literalEditor).toBe('toggle');
    const select: NodeRecord = { ...ifNode, id: 's9', type: 'Select', props: {} };
    expect(field(todo, select, 'options').literalEditor).toBe('list');
  });

  it('labels props in words', () => {
    expect(propLabel('onClick')).toBe('On click');
    expect(propLabel('minColumnWidth')).toBe('Min column width');
    expect(propLabel('as')).toBe('As');
  });

  it('shows values as text and literals as expressions', () => {
    const each = first(todo, 'Each');
    expect(valueText(field(todo, each, 'items'), each.props.items)).toBe('state.items');
    const heading = first(todo, 'Heading');
    expect(valueText(field(todo, heading, 'level'), heading.props.level)).toBe('1');
    expect(literalAsExpression("it's")).toBe("'it\\'s'");
    expect(literalAsExpression(3)).toBe('3');
  });

  it('finds the loop variables around a node', () => {
    const checkbox = first(todo, 'Checkbox');
    expect(loopVariables(todo, checkbox.id)).toEqual(['item']);
    expect(loopVariables(todo, first(todo, 'Each').id)).toEqual([]);
    expect(loopVariables(todo, first(todo, 'TextInput').id)).toEqual([]);
  });
});

describe('typed literals', () => {
  const heading = first(todo, 'Heading');
  const level = field(todo, heading, 'level');

  it('parses numbers, refuses what is not one with E_PROP_TYPE', () => {
    expect(value(parseLiteral(todo, heading, level, ' 2 '))).toEqual({ set: 2 });
    expect(value(parseLiteral(todo, heading, level, ''))).toEqual({ unset: true });
    expect(code(parseLiteral(todo, heading, level, 'abc'))).toBe('E_PROP_TYPE');
    expect(code(parseLiteral(todo, heading, level, '1.5'))).toBe('E_PROP_TYPE');
    // Out of the schema's range: the same check the planner runs.
    expect(code(parseLiteral(todo, heading, level, '9'))).toBe('E_PROP_TYPE');
  });

  it('parses colours with or without #, refuses others', () => {
    const icon: NodeRecord = { ...heading, id: 'i9', type: 'Icon', props: {} };
    const color = field(todo, icon, 'color');
    expect(value(parseLiteral(todo, icon, color, '#4F46E5'))).toEqual({ set: '#4f46e5' });
    expect(value(parseLiteral(todo, icon, color, 'fff'))).toEqual({ set: '#fff' });
    expect(value(parseLiteral(todo, icon, color, ''))).toEqual({ set: '' });
    expect(code(parseLiteral(todo, icon, color, 'red'))).toBe('E_PROP_TYPE');
  });

  it('takes enum options, toggles and lists', () => {
    const button = first(todo, 'Button');
    const variant = field(todo, button, 'variant');
    expect(value(parseLiteral(todo, button, variant, 'danger'))).toEqual({ set: 'danger' });
    expect(code(parseLiteral(todo, button, variant, 'loud'))).toBe('E_PROP_TYPE');
    expect(value(parseLiteral(todo, button, field(todo, button, 'disabled'), true))).toEqual({
      set: true
    });
    const select: NodeRecord = { ...button, id: 's9', type: 'Select', props: {} };
    expect(value(parseLiteral(todo, select, field(todo, select, 'options'), 'a\n\n b \n'))).toEqual(
      { set: ['a', 'b'] }
    );
  });

  it('refuses text over the schema limit', () => {
    const button = first(todo, 'Button');
    expect(code(parseLiteral(todo, button, field(todo, button, 'label'), 'x'.repeat(201)))).toBe(
      'E_PROP_TYPE'
    );
  });

  it('reads expressions; empty means back to the default', () => {
    expect(value(parseExpression(' item.done '))).toEqual({ set: { $expr: 'item.done' } });
    expect(value(parseExpression('  '))).toEqual({ unset: true });
  });

  it('reads params and initial values', () => {
    expect(value(parseParams('item, index'))).toEqual(['item', 'index']);
    expect(value(parseParams(''))).toEqual([]);
    expect(code(parseParams('item, 2x'))).toBe('E_FIELD_VALUE');
    expect(code(parseParams('item,item'))).toBe('E_FIELD_VALUE');
    expect(value(parseInitial('hello', 'string'))).toBe('hello');
    expect(value(parseInitial('"hello"', 'string'))).toBe('hello');
    expect(value(parseInitial('', { array: 'number' }))).toEqual([]);
    expect(value(parseInitial('[1, 2]', { array: 'number' }))).toEqual([1, 2]);
    expect(code(parseInitial('[1, 2', { array: 'number' }))).toBe('E_JSON_PARSE');
    expect(code(parseInitial('["a"]', { array: 'number' }))).toBe('E_STATE_TYPE_MISMATCH');
    expect(code(parseInitial('3', 'boolean'))).toBe('E_STATE_TYPE_MISMATCH');
  });
});

describe('state type syntax', () => {
  const item = { object: { id: 'number', title: 'string', done: 'boolean' } } as const;

  it.each([
    ['number', 'number'],
    ['  boolean ', 'boolean'],
    ['string[]', { array: 'string' }],
    ['number[][]', { array: { array: 'number' } }],
    ['{ id: number; title: string; done: boolean }[]', { array: item }],
    ['list of { id: number, title: string, done: boolean }', { array: item }],
    ['"low" | "high"', { enum: ['low', 'high'] }],
    ["'a' | 2", { enum: ['a', 2] }],
    ['string | null', { optional: 'string' }],
    ['optional number', { optional: 'number' }],
    ['{ note?: string }', { object: { note: { optional: 'string' } } }],
    ['("a" | "b")[]', { array: { enum: ['a', 'b'] } }],
    ['{}', { object: {} }],
    ['{"array": "number"}', { array: 'number' }],
    ['"number"', 'number']
  ])('%s', (text, type) => {
    expect(value(parseStateType(text))).toEqual(type);
  });

  it.each([
    ['', 'E_FIELD_MISSING'],
    ['text', 'E_FIELD_VALUE'],
    ['numbr', 'E_FIELD_VALUE'],
    ['{ id: number', 'E_FIELD_VALUE'],
    ['number | string', 'E_FIELD_VALUE'],
    ['"a" | "a"', 'E_FIELD_VALUE'],
    ['number]', 'E_FIELD_VALUE'],
    ['{"array": "nope"}', 'E_FIELD_VALUE'],
    ['{ a: number; a: string }', 'E_FIELD_VALUE']
  ])('refuses %j with %s', (text, expected) => {
    expect(code(parseStateType(text))).toBe(expected);
  });

  it('prints types it reads back, for every state type of the templates', () => {
    const types: StateType[] = [
      ...[...todo.components.values()].flatMap((c) => Object.values(c.state).map((s) => s.type)),
      { optional: { enum: ['a', 'b'] } },
      { array: { optional: 'number' } },
      { object: { tags: { array: { enum: [1, 2] } } } }
    ];
    for (const type of types) {
      const text = typeText(type);
      expect(value(parseStateType(text)), text).toEqual(type);
      // And formatType's words read back too.
      expect(value(parseStateType(formatType(type))), formatType(type)).toEqual(type);
    }
  });

  it('suggests migrations', () => {
    expect(suggestMigration('number', 'string')).toBe('String(value)');
    expect(suggestMigration('string', 'number')).toBe('Number(value) || 0');
    expect(suggestMigration('number', 'number')).toBe('value');
  });
});

describe('ops of each action plan against the templates', () => {
  const input = first(todo, 'TextInput');
  const button = nodesOfType(todo, 'Button').find((b) => b.props.label === 'Add')!;
  const checkbox = first(todo, 'Checkbox');
  const each = first(todo, 'Each');
  const heading = first(todo, 'Heading');
  const App = app(todo);

  it('sets a literal and unsets it to the default', () => {
    const set = value(parseLiteral(todo, heading, field(todo, heading, 'level'), '2'));
    const after = plans(todo, propChangeOps(heading.id, 'level', set)).model;
    expect(after.nodes.get(heading.id)!.props.level).toBe(2);
    const unset = plans(after, propChangeOps(heading.id, 'level', { unset: true })).model;
    expect(unset.nodes.get(heading.id)!.props.level).toBeUndefined();
  });

  it('sets an expression', () => {
    const change: PropChange = value(parseExpression('state.items'));
    const after = plans(todo, propChangeOps(each.id, 'items', change)).model;
    expect(after.nodes.get(each.id)!.props.items).toEqual({ $expr: 'state.items' });
    const checked = value(parseExpression('item.done'));
    expect(plans(todo, propChangeOps(checkbox.id, 'checked', checked)).ok).toBe(true);
  });

  it('binds, unbinds, and refuses a binding of the wrong type', () => {
    const after = plans(todo, bindOps(input.id, 'value', 'draft')).model;
    expect(after.nodes.get(input.id)!.props.value).toEqual({ $bind: 'draft' });
    expect(plans(todo, bindOps(input.id, 'value', '')).model.nodes.get(input.id)!.props.value).toBe(
      undefined
    );
    expect(refusedCode(todo, bindOps(input.id, 'value', 'nextId'))).toBe('E_BIND_TYPE');
    expect(refusedCode(todo, bindOps(input.id, 'value', 'nope'))).toBe('E_STATE_NOT_FOUND');
  });

  it('picks a handler, and refuses one that does not exist', () => {
    const after = plans(todo, pickHandlerOps(checkbox.id, 'onChange', 'toggle')).model;
    expect(after.nodes.get(checkbox.id)!.props.onChange).toEqual({ $handler: 'toggle' });
    expect(refusedCode(todo, pickHandlerOps(button.id, 'onClick', 'nope'))).toBe(
      'E_HANDLER_NOT_FOUND'
    );
    expect(plans(todo, pickHandlerOps(button.id, 'onClick', '')).ok).toBe(true);
  });

  it('creates a handler and sets it in one batch', () => {
    const ops = value(
      createHandlerOps(App, checkbox.id, 'onChange', {
        name: 'flip',
        params: 'item',
        body: 'item.done = !item.done;'
      })
    );
    expect(ops).toHaveLength(2);
    const after = plans(todo, ops).model;
    expect(app(after).handlers.flip).toEqual({ params: ['item'], body: 'item.done = !item.done;' });
    expect(after.nodes.get(checkbox.id)!.props.onChange).toEqual({ $handler: 'flip' });
    expect(
      code(createHandlerOps(App, checkbox.id, 'onChange', { name: 'toggle', params: '', body: '' }))
    ).toBe('E_NAME_TAKEN');
    expect(
      code(createHandlerOps(App, checkbox.id, 'onChange', { name: '1x', params: '', body: '' }))
    ).toBe('E_FIELD_VALUE');
    expect(
      code(createHandlerOps(App, checkbox.id, 'onChange', { name: ' ', params: '', body: '' }))
    ).toBe('E_FIELD_MISSING');
  });

  it('builds the todo state from the blank template, as a person types it', () => {
    let model = blank;
    const typed = [
      {
        name: 'items',
        type: '{ id: number; title: string; done: boolean }[]',
        initial: '[{"id":1,"title":"Try Malleable","done":true}]'
      },
      { name: 'draft', type: 'string', initial: '' },
      { name: 'nextId', type: 'number', initial: '2' }
    ];
    for (const input of typed) model = plans(model, value(addStateOps('App', input))).model;
    expect(app(model).state.items.type).toEqual(app(todo).state.items.type);
    expect(model.data.nextId).toBe(2);
    expect(model.data.draft).toBe('');
    const handler = value(
      setHandlerOp('App', { name: 'addItem', params: '', body: "state.draft = '';" })
    );
    model = plans(model, [handler]).model;
    expect(app(model).handlers.addItem).toEqual({ params: [], body: "state.draft = '';" });
  });

  it('refuses bad state input before or at planning, with its code', () => {
    expect(code(addStateOps('App', { name: 'x', type: 'numbr', initial: '' }))).toBe(
      'E_FIELD_VALUE'
    );
    expect(code(addStateOps('App', { name: 'x', type: 'number', initial: 'abc' }))).toBe(
      'E_JSON_PARSE'
    );
    expect(
      refusedCode(todo, value(addStateOps('App', { name: 'draft', type: 'string', initial: '' })))
    ).toBe('E_NAME_TAKEN');
    expect(
      refusedCode(todo, value(addStateOps('App', { name: 'state', type: 'string', initial: '' })))
    ).toBe('E_NAME_RESERVED');
  });

  it('renames, retypes with a migration, and removes state', () => {
    const renamed = plans(todo, value(renameStateOps('App', 'draft', 'text'))).model;
    expect(app(renamed).state.text).toBeDefined();
    expect(renamed.nodes.get(input.id)!.props.value).toEqual({ $bind: 'text' });
    expect(code(renameStateOps('App', 'draft', 'a b'))).toBe('E_FIELD_VALUE');

    const retyped = plans(
      todo,
      value(retypeStateOps('App', 'nextId', 'string', suggestMigration('number', 'string')))
    ).model;
    expect(app(retyped).state.nextId.type).toBe('string');
    expect(retyped.data.nextId).toBe('3');
    expect(code(retypeStateOps('App', 'nextId', 'string', ' '))).toBe('E_FIELD_MISSING');
    expect(code(retypeStateOps('App', 'nextId', 'strin', 'value'))).toBe('E_FIELD_VALUE');
    expect(refusedCode(todo, value(retypeStateOps('App', 'nextId', 'string', 'value')))).toBe(
      'E_MIGRATE_FAILED'
    );

    expect(refusedCode(todo, removeStateOps('App', 'draft'))).toBe('E_STATE_IN_USE');
    const removed = plans(todo, removeStateOps('App', 'nextId')).model;
    expect(app(removed).state.nextId).toBeUndefined();
  });

  it('removes handlers (not one in use) and nodes (not a root)', () => {
    expect(refusedCode(todo, removeHandlerOps('App', 'toggle'))).toBe('E_HANDLER_IN_USE');
    const unused = plans(todo, [
      value(setHandlerOp('App', { name: 'spare', params: '', body: '' }))
    ]).model;
    expect(app(plans(unused, removeHandlerOps('App', 'spare')).model).handlers.spare).toBe(
      undefined
    );
    expect(plans(todo, removeNodeOps(heading.id)).model.nodes.has(heading.id)).toBe(false);
    expect(refusedCode(todo, removeNodeOps(App.root))).toBe('E_REMOVE_ROOT');
  });
});

describe('expression placeholders', () => {
  it('take the example from the prop’s schema description', () => {
    const each = ELEMENTS.get('Each')!.properties;
    expect(expressionExample(each.key.description ?? '')).toBe('item.id');
    expect(expressionExample(each.items.description ?? '')).toBe('state.todos');
    expect(expressionExample('No example here.')).toBe('state.items.length > 0');
  });
});
