/**
 * The op language and the element schemas in brief, for the system prompt: one line per op, one
 * block per element (its props with their types, allowed values, defaults and value kinds, and
 * whether it takes children). Generated from schemas/ (the registry in ../schema/elements.ts and
 * ops.schema.json), so a new prop or op reaches the model without anyone editing a prompt.
 */
import opsSchema from '../../../schemas/ops.schema.json';
import { ELEMENTS, STYLE, STYLE_PROP, type PropSchema } from '../schema/elements';

type Schema = { readonly [key: string]: unknown };

const defs = opsSchema.$defs as unknown as Record<string, Schema>;

/** One line per op, in the schema's order: `- addNode {parent, type, index?, ...}: what it does`. */
export function opsBrief(): string {
  const refs = (defs.Op.oneOf as { $ref: string }[]).map((r) => r.$ref.split('/').pop()!);
  return refs
    .map((name) => {
      const def = defs[name];
      const properties = def.properties as Record<string, { const?: string }>;
      const required = new Set(def.required as string[]);
      const fields = Object.keys(properties)
        .filter((f) => f !== 'op')
        .map((f) => (required.has(f) ? f : `${f}?`));
      return `- ${properties.op.const} {${fields.join(', ')}}: ${String(def.description)}`;
    })
    .join('\n');
}

/** What a value kind list says, where it differs from the usual "a literal or an expression". */
function kindsNote(kinds: readonly string[]): string {
  const key = [...kinds].sort().join('|');
  if (key === 'expr|literal') return '';
  if (key === 'handler') return '';
  if (key === 'expr') return ' (expression only)';
  if (key === 'literal') return ' (literal only)';
  return ` (${kinds.join(' | ')})`;
}

/** A prop's literal type in a few characters: `"a"|"b"`, `number 8..128`, `string[]`. */
function literalType(prop: PropSchema): string {
  if (prop.enum) return prop.enum.map((v) => JSON.stringify(v)).join('|');
  const type = Array.isArray(prop.type) ? prop.type.join('|') : String(prop.type ?? 'any');
  if (type === 'array') {
    const items = prop.items as { type?: string } | undefined;
    return `${items?.type ?? 'any'}[]`;
  }
  if (type === 'number' || type === 'integer') {
    const bounds = [
      prop.exclusiveMinimum !== undefined ? `> ${String(prop.exclusiveMinimum)}` : '',
      prop.minimum !== undefined && prop.maximum !== undefined
        ? `${String(prop.minimum)}..${String(prop.maximum)}`
        : prop.minimum !== undefined
          ? `>= ${String(prop.minimum)}`
          : prop.maximum !== undefined
            ? `<= ${String(prop.maximum)}`
            : '',
      prop.exclusiveMaximum !== undefined ? `< ${String(prop.exclusiveMaximum)}` : ''
    ].filter(Boolean);
    if (bounds.length > 0) return `${type} ${bounds.join(' ')}`;
  }
  return type;
}

function propLine(name: string, prop: PropSchema): string {
  if (prop['x-kinds'].length === 1 && prop['x-kinds'][0] === 'handler') {
    const event = Object.entries(prop['x-event'] ?? {})
      .map(([field, type]) => `${field}: ${type}`)
      .join(', ');
    return `${name}: handler (event {${event}})`;
  }
  const fallback = prop.default !== undefined ? ` = ${JSON.stringify(prop.default)}` : '';
  return `${name}: ${literalType(prop)}${fallback}${kindsNote(prop['x-kinds'])}`;
}

/** Every built-in element: what it is, whether it takes children, and each prop on one line. */
export function elementsBrief(): string {
  return [...ELEMENTS.values()]
    .map((schema) => {
      const children = schema['x-children'];
      const takes =
        children.accepts === 'none'
          ? 'no children'
          : children.min
            ? `children (at least ${children.min})`
            : 'children';
      const head = `${schema.title} (${takes}${schema['x-container'] ? ', container: switches the theme of its subtree' : ''}): ${schema.description}`;
      // The style group is the same on every element: one line here, its keys once below.
      const props = Object.entries(schema.properties).map(([n, p]) =>
        n === STYLE ? `  ${STYLE}: see Style below` : `  ${propLine(n, p)}`
      );
      return [head, ...props].join('\n');
    })
    .concat(styleBrief())
    .join('\n');
}

/**
 * The `style` prop group, one line per style key with its tokens: the same words the planner
 * checks (E_STYLE_VALUE) and the inspector's Style section offers.
 */
export function styleBrief(): string {
  const keys = Object.entries(STYLE_PROP.properties).map(
    ([key, p]) => `  ${key}: ${p.enum.map((v) => JSON.stringify(v)).join('|')}: ${p.description}`
  );
  return [
    `Style (the \`style\` prop of every element but Each and If): ${String(STYLE_PROP.description)} A literal object of any of these keys, or an expression that returns one (e.g. {"$expr": "({ background: state.done ? 'success-soft' : 'surface' })"}):`,
    ...keys
  ].join('\n');
}

/** The schema's own words on prop values and state types. */
export function valuesBrief(): string {
  return [
    `Prop values: ${String(defs.PropValue.description)}`,
    `State types: ${String(defs.StateType.description)}`
  ].join('\n');
}
