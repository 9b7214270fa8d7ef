/**
 * The inspector's pure half: what fields a selected node shows (derived from its element schema,
 * never restated), how the text a person typed becomes a prop value, a state type or an initial
 * value (or a coded error, before anything is proposed), and the ops each inspector action sends
 * through `studio.propose`. No DOM, no Svelte: Inspector.svelte and StatePanel.svelte are the shell.
 *
 * State types are typed in a small TypeScript-like syntax (see `parseStateType`):
 *   number · string · boolean · T[] · { id: number; title: string } · "a" | "b" · T | null · name?: T
 * and also `list of T` / `optional T`, so what `formatType` prints can be typed back.
 */
import { elementSchema, type PropSchema, type ValueKind } from '../schema/elements';
import { checkProp, valueKind, type PropContext } from '../schema/props';
import { checkValue, formatType, zeroValue } from '../schema/statetype';
import {
  childrenOf,
  componentByName,
  type AppModel,
  type ComponentRecord,
  type JsonValue,
  type NodeRecord,
  type PropValue,
  type StateType
} from '../model/types';
import { editError, type EditError, type ErrorCode } from '../ops/errors';

// ---------------------------------------------------------------------------------------------
// Field descriptors

/** How a field's literal value is edited. `list` is one string per line; `json` any JSON. */
export type LiteralEditor =
  'text' | 'textarea' | 'number' | 'color' | 'enum' | 'toggle' | 'icon' | 'list' | 'json';

/** Everything the inspector shows about one prop of the selected node. */
export interface FieldDescriptor {
  /** The prop name (`onClick`). */
  readonly name: string;
  /** The prop name in words (`On click`); also the aria-label of its control. */
  readonly label: string;
  /** The schema's `x-editor` hint (`text`, `enum`, `expression`, `handler`, ...). */
  readonly editor: string;
  /** The control for a literal value (null when the prop takes no literal). */
  readonly literalEditor: LiteralEditor | null;
  /** The value kinds the prop accepts, in schema order. */
  readonly kinds: readonly ValueKind[];
  /** The value set on the node, or undefined when the prop is at its default. */
  readonly value: PropValue | undefined;
  /** Kind of the set value; null when unset. */
  readonly valueKind: ValueKind | null;
  /** The kind the field shows first: the set value's, else the most direct one it accepts. */
  readonly mode: ValueKind;
  readonly default: JsonValue | undefined;
  /** Allowed literal values of an enum prop, in schema order. */
  readonly options: readonly JsonValue[] | undefined;
  readonly description: string;
  /** The JSON type of a literal (`string`, `number`, `integer`, `boolean`, `array`), if any. */
  readonly literalType: string | undefined;
  /** For an event prop: the fields of `event` its handler receives. */
  readonly event: Readonly<Record<string, string>> | undefined;
  readonly minimum: number | undefined;
  readonly maximum: number | undefined;
}

/** `minColumnWidth` → `Min column width`. */
/**
 * The example an expression field shows as its placeholder: the first `e.g. ...` of the prop's
 * schema description (up to a closing parenthesis, a comma, " or " or the end of the sentence),
 * so the hint fits the prop (`item.id` for an Each's key) rather than one example for all.
 */
export function expressionExample(description: string): string {
  const match = /e\.g\.\s+([^,;]+?)(?:\)|,|;| or |\.\s|\.$|$)/.exec(description);
  return match ? match[1].trim() : 'state.items.length > 0';
}

export function propLabel(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function literalEditorOf(schema: PropSchema): LiteralEditor | null {
  if (!schema['x-kinds'].includes('literal')) return null;
  const hint = schema['x-editor'];
  if (schema.enum) return 'enum';
  // An `expression` hint on a prop that also takes a literal (If.when, Select.options): the
  // literal still needs a control of its own type.
  if (hint === 'expression' || hint === 'handler') {
    if (schema.type === 'boolean') return 'toggle';
    if (schema.type === 'number' || schema.type === 'integer') return 'number';
    if (schema.type === 'string') return 'text';
    const items = schema.items as { type?: string } | undefined;
    if (schema.type === 'array' && items?.type === 'string') return 'list';
    return 'json';
  }
  if (['text', 'textarea', 'number', 'color', 'enum', 'toggle', 'icon'].includes(hint))
    return hint as LiteralEditor;
  return 'json';
}

function initialMode(kinds: readonly ValueKind[], value: PropValue | undefined): ValueKind {
  if (value !== undefined) return valueKind(value);
  for (const kind of ['literal', 'handler', 'expr', 'bind'] as const)
    if (kinds.includes(kind)) return kind;
  return kinds[0];
}

/** The literal editor of a user component's declared prop, from its state type. */
function declEditor(type: StateType): LiteralEditor {
  if (type === 'number') return 'number';
  if (type === 'string') return 'text';
  if (type === 'boolean') return 'toggle';
  if (typeof type === 'object' && 'enum' in type) return 'enum';
  if (typeof type === 'object' && 'array' in type && type.array === 'string') return 'list';
  return 'json';
}

/**
 * The fields of a node, one per prop of its element schema in schema order (or per declared
 * prop when the node is an instance of a user component), with the node's current values.
 */
export function fieldDescriptors(model: AppModel, node: NodeRecord): FieldDescriptor[] {
  const schema = elementSchema(node.type);
  if (schema) {
    return Object.entries(schema.properties).map(([name, prop]) => {
      const value = Object.hasOwn(node.props, name) ? node.props[name] : undefined;
      const literalType = typeof prop.type === 'string' ? prop.type : undefined;
      return {
        name,
        label: propLabel(name),
        editor: prop['x-editor'],
        literalEditor: literalEditorOf(prop),
        kinds: prop['x-kinds'],
        value,
        valueKind: value === undefined ? null : valueKind(value),
        mode: initialMode(prop['x-kinds'], value),
        default: prop.default,
        options: prop.enum,
        description: prop.description ?? '',
        literalType: prop.enum ? 'enum' : literalType,
        event: prop['x-event'],
        minimum: typeof prop.minimum === 'number' ? prop.minimum : undefined,
        maximum: typeof prop.maximum === 'number' ? prop.maximum : undefined
      };
    });
  }
  const component = componentByName(model, node.type);
  return Object.entries(component?.props ?? {}).map(([name, decl]) => {
    const value = Object.hasOwn(node.props, name) ? node.props[name] : undefined;
    const kinds: ValueKind[] = ['literal', 'expr'];
    const type = decl.type;
    return {
      name,
      label: propLabel(name),
      editor: declEditor(type),
      literalEditor: declEditor(type),
      kinds,
      value,
      valueKind: value === undefined ? null : valueKind(value),
      mode: initialMode(kinds, value),
      default: decl.default,
      options: typeof type === 'object' && 'enum' in type ? type.enum : undefined,
      description: `A prop of ${node.type} (${formatType(type)}).`,
      literalType: typeof type === 'string' ? type : undefined,
      event: undefined,
      minimum: undefined,
      maximum: undefined
    };
  });
}

/** The component a node belongs to. */
export function componentOf(model: AppModel, node: NodeRecord): ComponentRecord | undefined {
  return model.components.get(node.component);
}

/**
 * The loop variables in scope at a node: the `as` names of the Each elements around it,
 * innermost last. A handler used inside an Each takes these as params (E_HANDLER_PARAM).
 */
export function loopVariables(model: AppModel, nodeId: string): string[] {
  const out: string[] = [];
  let current = model.nodes.get(nodeId);
  // The node itself is not its own loop: an Each's `items` is read outside the loop.
  current = current?.parent ? model.nodes.get(current.parent) : undefined;
  while (current) {
    if (current.type === 'Each') {
      const as = current.props.as;
      out.unshift(typeof as === 'string' ? as : 'item');
    }
    current = current.parent ? model.nodes.get(current.parent) : undefined;
  }
  return out;
}

/** Whether `id` is its component's root node (which cannot be deleted). */
export function isComponentRoot(model: AppModel, node: NodeRecord): boolean {
  return model.components.get(node.component)?.root === node.id;
}

/** How many nodes a delete removes (the node and everything under it). */
export function subtreeSize(model: AppModel, id: string): number {
  let count = 1;
  for (const child of childrenOf(model, id)) count += subtreeSize(model, child);
  return count;
}

/** What a field's text box shows for a value: literals as text, others by their source. */
export function valueText(field: FieldDescriptor, value: PropValue | undefined): string {
  const shown = value === undefined ? field.default : value;
  if (shown === undefined || shown === null) return '';
  switch (valueKind(shown)) {
    case 'expr':
      return (shown as { $expr: string }).$expr;
    case 'handler':
      return (shown as { $handler: string }).$handler;
    case 'bind':
      return (shown as { $bind: string }).$bind;
  }
  if (field.literalEditor === 'list' && Array.isArray(shown)) return shown.join('\n');
  if (typeof shown === 'string') return shown;
  if (typeof shown === 'number' || typeof shown === 'boolean') return String(shown);
  return JSON.stringify(shown);
}

/**
 * The text an expression box starts with when a person switches a literal to an expression:
 * the literal as JavaScript, so `Add` becomes `'Add'` and can be edited into `'Add ' + x`.
 */
export function literalAsExpression(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------
// Parsing what a person typed

/** A parse result: the value, or a coded error to show under the field. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: EditError };

/** What a prop field asks for: a new value, or back to its default. */
export type PropChange = { readonly set: PropValue } | { readonly unset: true };

function refuse<T>(code: ErrorCode, message: string): Parsed<T> {
  return { ok: false, error: editError(code, message) };
}

/** The context checkProp needs, from the component a node lives in. */
export function propContextOf(model: AppModel, component: ComponentRecord): PropContext {
  return {
    state: component.state,
    handlers: component.handlers,
    componentProps: (name) => componentByName(model, name)?.props
  };
}

/**
 * A literal typed into a field, as the prop value it means, checked against the schema with the
 * same check the planner runs (pattern, range, length), so a bad value never leaves the panel.
 * Empty text in a number field means "back to the default"; in a text field it is the empty text.
 */
export function parseLiteral(
  model: AppModel,
  node: NodeRecord,
  field: FieldDescriptor,
  input: string | boolean
): Parsed<PropChange> {
  let value: PropValue;
  if (typeof input === 'boolean') value = input;
  else {
    const text = input;
    switch (field.literalEditor) {
      case 'number': {
        const trimmed = text.trim();
        if (trimmed === '') return { ok: true, value: { unset: true } };
        const number = Number(trimmed);
        if (!Number.isFinite(number))
          return refuse(
            'E_PROP_TYPE',
            `${node.type}.${field.name} needs a number, and "${text}" is not one`
          );
        if (field.literalType === 'integer' && !Number.isInteger(number))
          return refuse(
            'E_PROP_TYPE',
            `${node.type}.${field.name} needs a whole number, and ${number} is not one`
          );
        value = number;
        break;
      }
      case 'color': {
        const trimmed = text.trim().toLowerCase();
        value = /^[0-9a-f]{3,8}$/.test(trimmed) ? `#${trimmed}` : trimmed;
        if (value !== '' && !/^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/.test(value))
          return refuse(
            'E_PROP_TYPE',
            `${node.type}.${field.name} needs a hex colour such as #4f46e5 (or nothing), not "${text}"`
          );
        break;
      }
      case 'toggle': {
        const trimmed = text.trim();
        if (trimmed !== 'true' && trimmed !== 'false')
          return refuse('E_PROP_TYPE', `${node.type}.${field.name} is true or false`);
        value = trimmed === 'true';
        break;
      }
      case 'list':
        value = text
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '');
        break;
      case 'json': {
        if (text.trim() === '') return { ok: true, value: { unset: true } };
        const parsed = parseJson(text);
        if (!parsed.ok) return parsed;
        value = parsed.value as PropValue;
        break;
      }
      case 'enum': {
        // Options are JSON values; a select hands back their text.
        const option = field.options?.find((o) => String(o) === text);
        value = option === undefined ? text : (option as PropValue);
        break;
      }
      default:
        value = text;
    }
  }
  return checked(model, node, field, value);
}

/** Runs the planner's own prop check, so the panel refuses exactly what the planner would. */
function checked(
  model: AppModel,
  node: NodeRecord,
  field: FieldDescriptor,
  value: PropValue
): Parsed<PropChange> {
  const component = componentOf(model, node);
  if (!component) return refuse('E_COMPONENT_NOT_FOUND', `the node ${node.id} has no component`);
  const problem = checkProp(node.type, field.name, value, propContextOf(model, component));
  if (problem) return refuse(problem.code, problem.message);
  return { ok: true, value: { set: value } };
}

/**
 * An expression typed into a field. Empty means "no expression": the prop goes back to its
 * default. Whether the code parses and type-checks is the server's gate to say.
 */
export function parseExpression(text: string): Parsed<PropChange> {
  const source = text.trim();
  if (source === '') return { ok: true, value: { unset: true } };
  if (source.length > 4000)
    return refuse('E_FIELD_VALUE', 'an expression is at most 4000 characters long');
  return { ok: true, value: { set: { $expr: source } } };
}

/** Text as JSON, or E_JSON_PARSE with where it broke. */
export function parseJson(text: string): Parsed<JsonValue> {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch (e) {
    return refuse('E_JSON_PARSE', `not valid JSON: ${(e as Error).message}`);
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A state field or handler name typed by a person, checked against the op schema's Name. */
export function parseName(text: string, what: string): Parsed<string> {
  const name = text.trim();
  if (name === '') return refuse('E_FIELD_MISSING', `give the ${what} a name`);
  if (!NAME.test(name))
    return refuse(
      'E_FIELD_VALUE',
      `"${name}" cannot name a ${what}: use a letter, then letters, digits or underscores`
    );
  return { ok: true, value: name };
}

/** Handler params typed as a comma-separated list (`item, index`). */
export function parseParams(text: string): Parsed<string[]> {
  const params = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const param of params) {
    const named = parseName(param, 'handler parameter');
    if (!named.ok) return named;
  }
  if (new Set(params).size !== params.length)
    return refuse('E_FIELD_VALUE', 'a handler parameter is listed twice');
  if (params.length > 8) return refuse('E_FIELD_VALUE', 'a handler takes at most 8 parameters');
  return { ok: true, value: params };
}

/**
 * The initial value of a state field. Empty text is the type's zero value; a `string` field also
 * takes plain text without quotes (what people type); anything else is JSON. Checked against the
 * type like the planner does (E_STATE_TYPE_MISMATCH).
 */
export function parseInitial(text: string, type: StateType): Parsed<JsonValue> {
  const trimmed = text.trim();
  let value: JsonValue;
  if (trimmed === '') value = zeroValue(type);
  else if (type === 'string' && !trimmed.startsWith('"')) value = text;
  else {
    const parsed = parseJson(trimmed);
    if (!parsed.ok) return parsed;
    value = parsed.value;
  }
  const problem = checkValue(type, value);
  if (problem)
    return refuse(
      'E_STATE_TYPE_MISMATCH',
      `initial value${problem.path} ${problem.message} (the field is ${formatType(type)})`
    );
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------
// State type syntax

/** Placeholder text of a type box: the syntax `parseStateType` reads, by example. */
export const TYPE_PLACEHOLDER =
  'number, string, boolean, "a" | "b", { id: number; title: string }[]';

/**
 * A state type typed by a person. The grammar (TypeScript-like; whitespace free):
 *
 *   type    := member ('|' member)*        all string/number literals → enum; `T | null` → optional
 *   member  := prefix '[]'*                 `T[]` is a list of T
 *   prefix  := 'list of' member | 'optional' member | primary
 *   primary := 'number' | 'string' | 'boolean' | '"text"' | 'text' (quoted) | number literal
 *            | '{' (name '?'? ':' type (';' | ','))* '}' | '(' type ')'
 *
 * JSON of the op schema (`{"array": "number"}`) is accepted too. Errors are E_FIELD_VALUE with
 * the position that broke.
 */
export function parseStateType(text: string): Parsed<StateType> {
  const source = text.trim();
  if (source === '') return refuse('E_FIELD_MISSING', 'give the field a type, e.g. number');
  if (source.startsWith('{"') || source.startsWith('"')) {
    try {
      const json: unknown = JSON.parse(source);
      const problem = stateTypeProblem(json);
      if (!problem) return { ok: true, value: json as StateType };
      if (source.startsWith('{"')) return refuse('E_FIELD_VALUE', `not a state type: ${problem}`);
    } catch {
      // Not JSON: `"a" | "b"` is an enum in the typed syntax; fall through.
    }
  }
  const parser = new TypeParser(source);
  try {
    const type = parser.type();
    parser.skip();
    if (!parser.done()) parser.fail(`unexpected "${parser.rest()}"`);
    return { ok: true, value: type };
  } catch (e) {
    if (e instanceof TypeSyntaxError) return refuse('E_FIELD_VALUE', e.message);
    throw e;
  }
}

class TypeSyntaxError extends Error {}

type Member = StateType | { literal: string | number } | { null: true };

class TypeParser {
  private at = 0;
  constructor(private readonly src: string) {}

  done(): boolean {
    return this.at >= this.src.length;
  }

  rest(): string {
    return this.src.slice(this.at, this.at + 20);
  }

  fail(message: string): never {
    throw new TypeSyntaxError(`type syntax at column ${this.at + 1}: ${message}`);
  }

  skip(): void {
    while (!this.done() && /\s/.test(this.src[this.at])) this.at++;
  }

  private eat(token: string): boolean {
    this.skip();
    if (this.src.startsWith(token, this.at)) {
      this.at += token.length;
      return true;
    }
    return false;
  }

  private word(): string | null {
    this.skip();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.at));
    return match ? match[0] : null;
  }

  type(): StateType {
    const members: Member[] = [this.member()];
    while (this.eat('|')) members.push(this.member());
    const nulls = members.filter((m) => typeof m === 'object' && 'null' in m);
    const rest = members.filter((m) => !(typeof m === 'object' && 'null' in m));
    if (rest.length === 0) this.fail('a type cannot be only null');
    let type: StateType;
    if (rest.every((m) => typeof m === 'object' && 'literal' in m)) {
      const [first, ...others] = rest.map((m) => (m as { literal: string | number }).literal);
      const values: [string | number, ...(string | number)[]] = [first, ...others];
      if (new Set(values).size !== values.length) this.fail('an enum lists a value twice');
      type = { enum: values };
    } else if (rest.length === 1) {
      type = rest[0] as StateType;
    } else {
      this.fail('a union can only list literal values ("a" | "b") or add null');
    }
    return nulls.length > 0 ? { optional: type } : type;
  }

  private member(): Member {
    let base: Member;
    const word = this.word();
    if (word === 'list' && /^list\s+of\b/.test(this.src.slice(this.at))) {
      this.at += /^list\s+of/.exec(this.src.slice(this.at))![0].length;
      base = { array: this.operand() };
    } else if (word === 'optional') {
      this.at += word.length;
      base = { optional: this.operand() };
    } else base = this.primary();
    while (this.eat('[]')) base = { array: this.asType(base) };
    return base;
  }

  /**
   * The operand of `list of` / `optional`: a member, or a union of literals, since formatType
   * prints `list of "a" | "b"` for a list of an enum.
   */
  private operand(): StateType {
    const member = this.member();
    if (typeof member !== 'object' || !('literal' in member)) return this.asType(member);
    const values: [string | number, ...(string | number)[]] = [member.literal];
    while (this.eat('|')) {
      const next = this.member();
      if (typeof next !== 'object' || !('literal' in next))
        this.fail('an enum lists only literal values');
      values.push(next.literal);
    }
    return { enum: values };
  }

  private asType(member: Member): StateType {
    if (typeof member === 'object' && ('literal' in member || 'null' in member))
      this.fail('a literal value or null stands alone only in a union such as "a" | "b"');
    return member as StateType;
  }

  private primary(): Member {
    this.skip();
    if (this.done()) this.fail('a type is missing');
    const ch = this.src[this.at];
    if (ch === '(') {
      this.at++;
      const inner = this.type();
      if (!this.eat(')')) this.fail('expected ")"');
      return inner;
    }
    if (ch === '{') return this.object();
    if (ch === '"' || ch === "'") return { literal: this.quoted(ch) };
    const number = /^-?\d+(\.\d+)?/.exec(this.src.slice(this.at));
    if (number) {
      this.at += number[0].length;
      return { literal: Number(number[0]) };
    }
    const word = this.word();
    if (word === 'number' || word === 'string' || word === 'boolean') {
      this.at += word.length;
      return word;
    }
    if (word === 'null') {
      this.at += 4;
      return { null: true };
    }
    if (word === 'text') this.fail('"text" is not a type; did you mean string?');
    if (word === 'int' || word === 'integer' || word === 'float')
      this.fail(`"${word}" is not a type; did you mean number?`);
    if (word === 'bool') this.fail('"bool" is not a type; did you mean boolean?');
    this.fail(word ? `unknown type "${word}"` : `unexpected "${this.rest()}"`);
  }

  private quoted(quote: string): string {
    const start = ++this.at;
    while (!this.done() && this.src[this.at] !== quote) {
      if (this.src[this.at] === '\\') this.at++;
      this.at++;
    }
    if (this.done()) this.fail('a quoted value is not closed');
    const raw = this.src.slice(start, this.at);
    this.at++;
    return raw.replace(/\\(.)/g, '$1');
  }

  private object(): StateType {
    this.at++; // {
    const fields: Record<string, StateType> = {};
    for (;;) {
      if (this.eat('}')) break;
      const name = this.word();
      if (!name) this.fail('expected a field name or "}"');
      this.at += name.length;
      if (Object.hasOwn(fields, name)) this.fail(`field "${name}" is listed twice`);
      const optional = this.eat('?');
      if (!this.eat(':')) this.fail(`expected ":" after "${name}"`);
      const type = this.type();
      fields[name] = optional ? { optional: type } : type;
      if (this.eat(';') || this.eat(',')) continue;
      if (this.eat('}')) break;
      this.fail('expected ";" or "}"');
    }
    return { object: fields };
  }
}

/** Why a JSON value is not a StateType of the op schema, or null. */
function stateTypeProblem(value: unknown): string | null {
  if (value === 'number' || value === 'string' || value === 'boolean') return null;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `${JSON.stringify(value)} is not number, string, boolean or an object`;
  const keys = Object.keys(value);
  if (keys.length !== 1) return 'use exactly one of array, object, enum, optional';
  const record = value as Record<string, unknown>;
  switch (keys[0]) {
    case 'array':
      return stateTypeProblem(record.array);
    case 'optional':
      return stateTypeProblem(record.optional);
    case 'enum': {
      const values = record.enum;
      if (!Array.isArray(values) || values.length === 0)
        return 'enum needs a non-empty list of values';
      if (!values.every((v) => typeof v === 'string' || typeof v === 'number'))
        return 'enum values are strings or numbers';
      return null;
    }
    case 'object': {
      const fields = record.object;
      if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
        return 'object needs a map of field types';
      for (const [name, type] of Object.entries(fields)) {
        if (!NAME.test(name)) return `"${name}" cannot name a field`;
        const problem = stateTypeProblem(type);
        if (problem) return problem;
      }
      return null;
    }
    default:
      return `unknown key "${keys[0]}"`;
  }
}

/** A state type in the syntax `parseStateType` reads: what the panel shows and prefills. */
export function typeText(type: StateType): string {
  if (typeof type === 'string') return type;
  if ('optional' in type) {
    const inner = type.optional;
    // `|` binds loosest, so only a nested optional needs parentheses to read back the same.
    const text = typeText(inner);
    return `${typeof inner === 'object' && 'optional' in inner ? `(${text})` : text} | null`;
  }
  if ('enum' in type) return type.enum.map((v) => JSON.stringify(v)).join(' | ');
  if ('array' in type) return `${wrap(type.array, typeText(type.array))}[]`;
  const fields = Object.entries(type.object);
  if (fields.length === 0) return '{}';
  return `{ ${fields.map(([k, t]) => `${k}: ${typeText(t)}`).join('; ')} }`;
}

/** Parenthesizes unions so `("a" | "b")[]` reads back as a list. */
function wrap(type: StateType, text: string): string {
  return typeof type === 'object' && ('enum' in type || 'optional' in type) ? `(${text})` : text;
}

/**
 * A migration expression to prefill when a field changes type: a conversion of `value` that
 * works for the common cases, for the person to adjust.
 */
export function suggestMigration(from: StateType, to: StateType): string {
  if (JSON.stringify(from) === JSON.stringify(to)) return 'value';
  if (to === 'string') return typeof from === 'string' ? 'String(value)' : 'JSON.stringify(value)';
  if (to === 'number') return from === 'boolean' ? '(value ? 1 : 0)' : 'Number(value) || 0';
  if (to === 'boolean') return 'Boolean(value)';
  if (typeof to === 'object' && 'array' in to)
    return typeof from === 'object' && 'array' in from ? 'value' : '[value]';
  if (typeof to === 'object' && 'optional' in to) return 'value';
  return JSON.stringify(zeroValue(to));
}

// ---------------------------------------------------------------------------------------------
// Ops of each action (plain data; the shell proposes them)

/** The ops that set or unset one prop. */
export function propChangeOps(nodeId: string, name: string, change: PropChange): unknown[] {
  return 'unset' in change
    ? [{ op: 'unsetProp', id: nodeId, name }]
    : [{ op: 'setProp', id: nodeId, name, value: change.set }];
}

/** Points a prop at an existing handler (`""` detaches it). */
export function pickHandlerOps(nodeId: string, prop: string, handler: string): unknown[] {
  return handler === ''
    ? [{ op: 'unsetProp', id: nodeId, name: prop }]
    : [{ op: 'setProp', id: nodeId, name: prop, value: { $handler: handler } }];
}

/** Binds a prop to a state field (`""` unbinds it, back to the default). */
export function bindOps(nodeId: string, prop: string, field: string): unknown[] {
  return field === ''
    ? [{ op: 'unsetProp', id: nodeId, name: prop }]
    : [{ op: 'setProp', id: nodeId, name: prop, value: { $bind: field } }];
}

/** What a person typed into a handler form. */
export interface HandlerInput {
  readonly name: string;
  /** Comma-separated. */
  readonly params: string;
  readonly body: string;
}

/** A setHandler op from a handler form, or the first problem with what was typed. */
export function setHandlerOp(component: string, input: HandlerInput): Parsed<unknown> {
  const name = parseName(input.name, 'handler');
  if (!name.ok) return name;
  const params = parseParams(input.params);
  if (!params.ok) return params;
  return {
    ok: true,
    value: {
      op: 'setHandler',
      component,
      name: name.value,
      params: params.value,
      body: input.body
    }
  };
}

/**
 * "New handler…" on an event prop: create the handler and point the prop at it in ONE batch,
 * so either both land or neither does (a handler the gate refuses leaves no dangling prop).
 */
export function createHandlerOps(
  component: ComponentRecord,
  nodeId: string,
  prop: string,
  input: HandlerInput
): Parsed<unknown[]> {
  const op = setHandlerOp(component.name, input);
  if (!op.ok) return op;
  const name = (op.value as { name: string }).name;
  if (Object.hasOwn(component.handlers, name))
    return refuse(
      'E_NAME_TAKEN',
      `${component.name} already has a handler "${name}"; pick it from the list or choose another name`
    );
  return {
    ok: true,
    value: [op.value, { op: 'setProp', id: nodeId, name: prop, value: { $handler: name } }]
  };
}

/** Removes a handler. */
export function removeHandlerOps(component: string, name: string): unknown[] {
  return [{ op: 'removeHandler', component, name }];
}

/** What a person typed into the add-state form. */
export interface StateInput {
  readonly name: string;
  readonly type: string;
  readonly initial: string;
}

/** An addState op from the form, or the first problem with it. */
export function addStateOps(component: string, input: StateInput): Parsed<unknown[]> {
  const name = parseName(input.name, 'state field');
  if (!name.ok) return name;
  const type = parseStateType(input.type);
  if (!type.ok) return type;
  const initial = parseInitial(input.initial, type.value);
  if (!initial.ok) return initial;
  return {
    ok: true,
    value: [
      { op: 'addState', component, name: name.value, type: type.value, initial: initial.value }
    ]
  };
}

/** Renames a state field; bindings and data follow on the server. */
export function renameStateOps(component: string, from: string, to: string): Parsed<unknown[]> {
  const name = parseName(to, 'state field');
  if (!name.ok) return name;
  return { ok: true, value: [{ op: 'renameState', component, from, to: name.value }] };
}

/** Retypes a state field, migrating its data with an expression of `value`. */
export function retypeStateOps(
  component: string,
  name: string,
  typeInput: string,
  migrate: string
): Parsed<unknown[]> {
  const type = parseStateType(typeInput);
  if (!type.ok) return type;
  const expression = migrate.trim();
  if (expression === '')
    return refuse(
      'E_FIELD_MISSING',
      'say how existing values become the new type, e.g. String(value); `value` keeps them'
    );
  return {
    ok: true,
    value: [{ op: 'retypeState', component, name, type: type.value, migrate: expression }]
  };
}

/** Removes a state field. */
export function removeStateOps(component: string, name: string): unknown[] {
  return [{ op: 'removeState', component, name }];
}

/** Deletes a node and its subtree. */
export function removeNodeOps(id: string): unknown[] {
  return [{ op: 'removeNode', id }];
}
