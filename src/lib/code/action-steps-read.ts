/**
 * A handler body read back into action-builder steps (./action-steps.ts), so a handler written in
 * the builder's subset opens as steps and any other opens as code. Each statement must be exactly
 * one step's shape; anything else (a condition, a local, a call the steps never write, a comment
 * the steps would drop) makes the whole body code: `null`. Reading never guesses.
 */
import { parse } from '@babel/parser';
import * as t from '@babel/types';
import type { ActionStep, ItemPart, ValueSource } from './action-steps';

/** What the reader needs to know about the handler besides its body. */
export interface ReadContext {
  /** The handler's params: the loop items it runs for (`item`). */
  readonly params: readonly string[];
  /** The initial value of each state field: an assignment of it reads as "reset". */
  readonly initials?: Readonly<Record<string, unknown>>;
}

/** Longest body the reader looks at; a longer one is not a builder's and opens as code. */
const MAX_BODY = 20_000;

/**
 * The steps of a handler body, or null when it is not (exactly) a list of steps. An empty body
 * is no steps.
 */
export function bodyToSteps(body: string, context: ReadContext): ActionStep[] | null {
  if (body.length > MAX_BODY) return null;
  let file: t.File;
  try {
    file = parse(body, { sourceType: 'script', allowReturnOutsideFunction: true });
  } catch {
    return null;
  }
  // Comments would be lost when the steps are written back.
  if ((file.comments?.length ?? 0) > 0) return null;
  const steps: ActionStep[] = [];
  for (const statement of file.program.body) {
    const step = readStatement(statement, context);
    if (!step) return null;
    steps.push(step);
  }
  return steps;
}

function plainName(node: t.Node | null | undefined): string | null {
  return node && t.isIdentifier(node) ? node.name : null;
}

/** `OBJECT.NAME` (not computed): NAME, else null. */
function memberOf(node: t.Node | null | undefined, object: string): string | null {
  if (!node || !t.isMemberExpression(node) || node.computed) return null;
  if (plainName(node.object) !== object) return null;
  return plainName(node.property);
}

/** `state.NAME`: NAME. */
function stateField(node: t.Node | null | undefined): string | null {
  return memberOf(node, 'state');
}

function literal(node: t.Node): string | number | boolean | null {
  if (t.isStringLiteral(node) || t.isBooleanLiteral(node)) return node.value;
  if (t.isNumericLiteral(node)) return node.value;
  if (t.isUnaryExpression(node) && node.operator === '-' && t.isNumericLiteral(node.argument))
    return -node.argument.value;
  return null;
}

/** A JSON literal (for a reset): primitives, arrays and plain objects of them. */
function jsonValue(node: t.Node): { value: unknown } | null {
  const simple = literal(node);
  if (simple !== null) return { value: simple };
  if (t.isNullLiteral(node)) return { value: null };
  if (t.isArrayExpression(node)) {
    const out: unknown[] = [];
    for (const element of node.elements) {
      const item = element && !t.isSpreadElement(element) ? jsonValue(element) : null;
      if (!item) return null;
      out.push(item.value);
    }
    return { value: out };
  }
  if (t.isObjectExpression(node)) {
    const out: Record<string, unknown> = {};
    for (const prop of node.properties) {
      if (!t.isObjectProperty(prop) || prop.computed) return null;
      const key = t.isIdentifier(prop.key)
        ? prop.key.name
        : t.isStringLiteral(prop.key)
          ? prop.key.value
          : null;
      const item = key !== null && key !== '__proto__' ? jsonValue(prop.value) : null;
      if (!item || key === null) return null;
      out[key] = item.value;
    }
    return { value: out };
  }
  return null;
}

/** `(x) => x.KEY` with any parameter name: KEY. */
function keyArrow(node: t.Node): { param: string; body: t.Node } | null {
  if (!t.isArrowFunctionExpression(node) || node.params.length !== 1 || node.async) return null;
  const param = plainName(node.params[0]);
  if (!param || t.isBlockStatement(node.body)) return null;
  return { param, body: node.body };
}

/** `Math.max(0, ...state.LIST.map((x) => x.KEY)) + 1`. */
function nextId(node: t.Node): ValueSource | null {
  if (!t.isBinaryExpression(node) || node.operator !== '+') return null;
  if (!t.isNumericLiteral(node.right) || node.right.value !== 1) return null;
  const call = node.left;
  if (!t.isCallExpression(call) || memberOf(call.callee, 'Math') !== 'max') return null;
  const [zero, spread] = call.arguments;
  if (call.arguments.length !== 2 || !t.isNumericLiteral(zero) || zero.value !== 0) return null;
  if (!t.isSpreadElement(spread) || !t.isCallExpression(spread.argument)) return null;
  const map = spread.argument;
  if (!t.isMemberExpression(map.callee) || plainName(map.callee.property) !== 'map') return null;
  const list = stateField(map.callee.object);
  const arrow = map.arguments.length === 1 ? keyArrow(map.arguments[0]) : null;
  const key = arrow ? memberOf(arrow.body, arrow.param) : null;
  return list && key ? { from: 'nextId', list, key } : null;
}

function valueSource(node: t.Node, context: ReadContext): ValueSource | null {
  const field = stateField(node);
  if (field) return { from: 'field', field };
  const simple = literal(node);
  if (simple !== null) return { from: 'literal', value: simple };
  if (t.isMemberExpression(node) && !node.computed && t.isIdentifier(node.object)) {
    const key = plainName(node.property);
    const object = node.object.name;
    if (key && context.params.includes(object)) return { from: 'item', item: object, key };
    if (key && object === 'event') return { from: 'event', key };
  }
  return nextId(node);
}

function readStatement(statement: t.Statement, context: ReadContext): ActionStep | null {
  if (!t.isExpressionStatement(statement)) return null;
  const e = statement.expression;
  if (t.isUpdateExpression(e)) {
    const field = stateField(e.argument);
    if (!field) return null;
    return { do: e.operator === '++' ? 'increase' : 'decrease', field, by: 1 };
  }
  if (t.isCallExpression(e)) return readPush(e, context);
  if (!t.isAssignmentExpression(e)) return null;
  const field = stateField(e.left);
  if (!field) return null;
  if (e.operator === '+=' || e.operator === '-=') {
    const by = literal(e.right);
    if (typeof by !== 'number') return null;
    return { do: e.operator === '+=' ? 'increase' : 'decrease', field, by };
  }
  if (e.operator !== '=') return null;
  return readAssignment(field, e.right, context);
}

function readPush(e: t.CallExpression, context: ReadContext): ActionStep | null {
  if (!t.isMemberExpression(e.callee) || plainName(e.callee.property) !== 'push') return null;
  const list = stateField(e.callee.object);
  const [arg] = e.arguments;
  if (!list || e.arguments.length !== 1 || !t.isObjectExpression(arg)) return null;
  const item: ItemPart[] = [];
  for (const prop of arg.properties) {
    if (!t.isObjectProperty(prop) || prop.computed || prop.shorthand) return null;
    const key = plainName(prop.key);
    const value = key ? valueSource(prop.value, context) : null;
    if (!key || !value) return null;
    item.push({ key, value });
  }
  return { do: 'add', list, item };
}

function readAssignment(field: string, right: t.Node, context: ReadContext): ActionStep | null {
  if (t.isUnaryExpression(right) && right.operator === '!' && stateField(right.argument) === field)
    return { do: 'toggle', field };
  if (t.isArrayExpression(right) && right.elements.length === 0)
    return { do: 'clear', list: field };
  const loop = readLoopRewrite(field, right, context);
  if (loop) return loop;
  const initials = context.initials ?? {};
  const json = jsonValue(right);
  if (json && Object.hasOwn(initials, field)) {
    if (JSON.stringify(json.value) === JSON.stringify(initials[field]))
      return { do: 'reset', field, initial: json.value };
  }
  const value = valueSource(right, context);
  return value ? { do: 'set', field, value } : null;
}

/** `x.KEY === item.KEY` (or `!==`) with the arrow's param and a loop item: its key and item. */
function sameItem(
  node: t.Node,
  operator: '===' | '!==',
  param: string,
  context: ReadContext
): { key: string; item: string } | null {
  if (!t.isBinaryExpression(node) || node.operator !== operator) return null;
  const key = memberOf(node.left, param);
  if (!key || !t.isMemberExpression(node.right) || node.right.computed) return null;
  const item = plainName(node.right.object);
  if (!item || !context.params.includes(item) || plainName(node.right.property) !== key)
    return null;
  return { key, item };
}

/** `state.L = state.L.filter(...)` (remove) or `state.L = state.L.map(...)` (change). */
function readLoopRewrite(list: string, right: t.Node, context: ReadContext): ActionStep | null {
  if (!t.isCallExpression(right) || right.arguments.length !== 1) return null;
  if (!t.isMemberExpression(right.callee) || stateField(right.callee.object) !== list) return null;
  const method = plainName(right.callee.property);
  const arrow = keyArrow(right.arguments[0]);
  if (!arrow) return null;
  if (method === 'filter') {
    const found = sameItem(arrow.body, '!==', arrow.param, context);
    return found ? { do: 'remove', list, ...found } : null;
  }
  if (method !== 'map' || !t.isConditionalExpression(arrow.body)) return null;
  const { test, consequent, alternate } = arrow.body;
  const found = sameItem(test, '===', arrow.param, context);
  if (!found || plainName(alternate) !== arrow.param || !t.isObjectExpression(consequent))
    return null;
  const [spread, prop] = consequent.properties;
  if (consequent.properties.length !== 2 || !t.isSpreadElement(spread)) return null;
  if (plainName(spread.argument) !== arrow.param || !t.isObjectProperty(prop)) return null;
  const field = prop.computed ? null : plainName(prop.key);
  const value = field ? valueSource(prop.value, context) : null;
  return field && value ? { do: 'change', list, ...found, field, value } : null;
}
