/**
 * Parsing what a person typed into the inspector and the state panel: a literal, an expression,
 * JSON, a name, handler params, an initial value, a state type. Each gives the value or a coded
 * error to show under the field, before anything is proposed; the literal check is the planner's
 * own, so the panel refuses exactly what the planner would. Pure.
 */
import { checkProp, type PropContext } from '../schema/props';
import { checkValue, zeroValue } from '../schema/statetype';
import { formatStateType } from '../schema/statetype-text';
import {
  componentByName,
  type AppModel,
  type ComponentRecord,
  type JsonValue,
  type NodeRecord,
  type PropValue,
  type StateType
} from '../model/types';
import { editError, type EditError, type ErrorCode } from '../ops/errors';
import { componentOf, type FieldDescriptor } from './prop-fields';

/** State types are read by the one parser, shared with every panel that prints them. */
export { parseStateType } from '../schema/statetype-text';

/** A parse result: the value, or a coded error to show under the field. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: EditError };

/** What a prop field asks for: a new value, or back to its default. */
export type PropChange = { readonly set: PropValue } | { readonly unset: true };

/** A refusal with a code from the catalog and a message for the person. */
export function refuse<T>(code: ErrorCode, message: string): Parsed<T> {
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
      `initial value${problem.path} ${problem.message} (the field is ${formatStateType(type)})`
    );
  return { ok: true, value };
}

/** Placeholder text of a type box: the syntax `parseStateType` reads, by example. */
export const TYPE_PLACEHOLDER =
  'number, string, boolean, "a" | "b", { id: number; title: string }[]';
