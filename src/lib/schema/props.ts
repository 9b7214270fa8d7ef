/**
 * Checking one prop value of one node: does the prop exist on the element type, does it accept
 * this kind of value (literal, expression, handler, binding), does a literal fit its schema, does
 * a handler or binding name something the component has. Used by the planner on every write and
 * by the reader on every peer's data, so a value a peer wrote with raw Yjs is checked the same way.
 */
import { elementSchema, STYLE, type PropSchema, type ValueKind } from './elements';
import { styleProblem } from './style';
import { describeAjvError, literalValidator } from './validators';
import { checkValue, formatType } from './statetype';
import { judgeUrl, urlKind } from './urls';
import type { PropDecl, PropValue, StateField, Handler, StateType } from './types.generated';

/** What a prop check needs to know about the component the node lives in and the app. */
export interface PropContext {
  readonly state: Readonly<Record<string, StateField>>;
  readonly handlers: Readonly<Record<string, Handler>>;
  /** Declared props of a user component by its name, for instance nodes. */
  componentProps(name: string): Readonly<Record<string, PropDecl>> | undefined;
}

/** Why a prop value was refused. */
export interface PropProblem {
  readonly code:
    | 'E_PROP_UNKNOWN'
    | 'E_PROP_KIND'
    | 'E_PROP_TYPE'
    | 'E_HANDLER_NOT_FOUND'
    | 'E_STATE_NOT_FOUND'
    | 'E_BIND_TYPE'
    | 'E_UNKNOWN_TYPE'
    | 'E_STYLE_VALUE';
  readonly message: string;
}

/** The kind of a prop value. */
export function valueKind(value: unknown): ValueKind {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if ('$expr' in value) return 'expr';
    if ('$handler' in value) return 'handler';
    if ('$bind' in value) return 'bind';
  }
  return 'literal';
}

const KIND_WORDS: Record<ValueKind, string> = {
  literal: 'a literal value',
  expr: 'an expression',
  handler: 'a handler',
  bind: 'a binding'
};

/** The state type a bindable prop of a built-in element holds, from its schema's literal type. */
export function bindType(schemaType: unknown): StateType | undefined {
  return schemaType === 'string' || schemaType === 'number' || schemaType === 'boolean'
    ? schemaType
    : undefined;
}

/** The names of the props an element type or component takes. */
export function propNames(type: string, ctx: PropContext): string[] {
  const schema = elementSchema(type);
  if (schema) return Object.keys(schema.properties);
  return Object.keys(ctx.componentProps(type) ?? {});
}

/**
 * The scheme rule of an address prop (`x-url` in its schema): `javascript:`, `file:` or an inline
 * page never become an address. Which remote origins are allowed depends on the component's
 * network capability at the end of the batch, so that rule is the compile gate's
 * (`E_NETWORK_ORIGIN`, src/lib/code/network.ts), not this op-by-op check's.
 */
function addressProblem(type: string, name: string, value: PropValue): PropProblem | null {
  const kind = urlKind(type, name);
  if (!kind || typeof value !== 'string') return null;
  const verdict = judgeUrl(kind, value, null);
  if (verdict.ok || verdict.code !== 'E_PROP_TYPE') return null;
  const forms =
    kind === 'image'
      ? 'a path on this app, a data:image/ picture or an http(s) URL'
      : 'a path on this app, an #anchor, a mailto: address or an http(s) URL';
  return {
    code: 'E_PROP_TYPE',
    message: `${type}.${name} ${verdict.reason}; use ${forms}`
  };
}

/** Checks one prop value; returns null when it is fine. */
export function checkProp(
  type: string,
  name: string,
  value: PropValue,
  ctx: PropContext
): PropProblem | null {
  const schema = elementSchema(type);
  const decls = schema ? undefined : ctx.componentProps(type);
  if (!schema && !decls)
    return { code: 'E_UNKNOWN_TYPE', message: `"${type}" is not an element type or a component` };
  const propSchema = schema?.properties[name];
  const decl = decls?.[name];
  if (!propSchema && !decl) {
    const known = propNames(type, ctx);
    return {
      code: 'E_PROP_UNKNOWN',
      message: `${type} has no prop "${name}"; its props are ${known.length ? known.join(', ') : '(none)'}`
    };
  }
  const kinds: readonly ValueKind[] = propSchema ? propSchema['x-kinds'] : ['literal', 'expr'];
  const kind = valueKind(value);
  if (!kinds.includes(kind)) {
    return {
      code: 'E_PROP_KIND',
      message: `${type}.${name} takes ${kinds.map((k) => KIND_WORDS[k]).join(' or ')}, not ${KIND_WORDS[kind]}`
    };
  }
  const record = value as Record<string, string>;
  switch (kind) {
    case 'literal': {
      if (decl) {
        const problem = checkValue(decl.type, value);
        return problem
          ? {
              code: 'E_PROP_TYPE',
              message: `${type}.${name}${problem.path} ${problem.message} (${formatType(decl.type)})`
            }
          : null;
      }
      if (name === STYLE) {
        // Before the schema's validator, for a message that lists the tokens of the key.
        const problem = styleProblem(value);
        if (problem) return { code: 'E_STYLE_VALUE', message: `${type}.${problem.message}` };
      }
      if (plainlyValid(propSchema!, value)) return addressProblem(type, name, value);
      const validate = literalValidator(type, name)!;
      if (validate(value)) return addressProblem(type, name, value);
      const err = validate.errors![0];
      return {
        code: 'E_PROP_TYPE',
        message: `${type}.${name}${err.instancePath} ${describeAjvError(err)}`
      };
    }
    case 'handler': {
      const handler = record.$handler;
      if (Object.hasOwn(ctx.handlers, handler)) return null;
      const known = Object.keys(ctx.handlers);
      return {
        code: 'E_HANDLER_NOT_FOUND',
        message: `no handler "${handler}" in this component${known.length ? ` (it has ${known.join(', ')})` : ''}; add it with setHandler first`
      };
    }
    case 'bind': {
      const field = record.$bind;
      const state = Object.hasOwn(ctx.state, field) ? ctx.state[field] : undefined;
      if (!state) {
        const known = Object.keys(ctx.state);
        return {
          code: 'E_STATE_NOT_FOUND',
          message: `no state field "${field}" to bind to${known.length ? ` (fields: ${known.join(', ')})` : ''}; add it with addState first`
        };
      }
      const wanted = bindType(propSchema?.type);
      if (wanted && state.type !== wanted) {
        return {
          code: 'E_BIND_TYPE',
          message: `${type}.${name} holds a ${wanted} but state field "${field}" is ${formatType(state.type)}`
        };
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * A literal that a prop's schema accepts at a glance: a value of its `enum`, a string no longer
 * than its `maxLength` (UTF-16 units, never fewer than the code points the validator counts), or
 * a value of a plain `type`. False: the schema says more (a pattern, bounds, items), so the
 * validator decides. Reading an app checks every prop of every node, so this is the common path.
 */
function plainlyValid(schema: PropSchema, value: unknown): boolean {
  let test = plainTests.get(schema);
  if (test === undefined) {
    test = plainTest(schema);
    plainTests.set(schema, test);
  }
  return test !== null && test(value);
}

const plainTests = new WeakMap<PropSchema, ((value: unknown) => boolean) | null>();

function plainTest(schema: PropSchema): ((value: unknown) => boolean) | null {
  const record = schema as unknown as Record<string, unknown>;
  const keywords = Object.keys(record).filter(
    (key) => !key.startsWith('x-') && !['description', 'title', 'default'].includes(key)
  );
  const only = (...allowed: string[]) => keywords.every((key) => allowed.includes(key));
  if (only('enum') && Array.isArray(record.enum)) {
    const allowed = record.enum as unknown[];
    if (allowed.every((v) => typeof v === 'string' || typeof v === 'number'))
      return (value) => allowed.includes(value as string);
  }
  if (record.type === 'string' && only('type', 'maxLength')) {
    const max = typeof record.maxLength === 'number' ? record.maxLength : Infinity;
    return (value) => typeof value === 'string' && value.length <= max;
  }
  if (only('type')) {
    if (record.type === 'boolean') return (value) => typeof value === 'boolean';
    if (record.type === 'number')
      return (value) => typeof value === 'number' && Number.isFinite(value);
  }
  return null;
}
