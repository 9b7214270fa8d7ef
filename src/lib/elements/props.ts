/**
 * Reading a node's props the way its element schema says: a missing prop, or a value of the wrong
 * type, falls back to the schema's default; numbers are clamped to the schema's bounds; enum
 * values must be one of the schema's; strings must match its pattern. A view tree comes from
 * user code, so every value is checked here instead of trusted, and nothing restates a default.
 */
import { elementSchema, type PropSchema } from '../schema/elements';
import type { ViewTreeNode } from './types';

/** A handler prop as it arrives in the view tree. */
export interface HandlerValue {
  readonly $ref: number;
}

/** A bound prop as it arrives in the view tree: the field's current value and the ref that sets it. */
export interface BindValue {
  readonly $bind: string;
  readonly value: unknown;
  readonly $ref: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** True for a `{ $bind, value, $ref }` binding. */
export function isBinding(value: unknown): value is BindValue {
  return isRecord(value) && '$bind' in value && Number.isInteger(value.$ref);
}

/** True for a `{ $ref }` handler (and not a binding). */
export function isHandler(value: unknown): value is HandlerValue {
  return isRecord(value) && !('$bind' in value) && Number.isInteger(value.$ref);
}

const patterns = new Map<string, RegExp | null>();

/** The schema's pattern compiled once; null when the prop has none or it does not compile. */
function patternOf(schema: PropSchema): RegExp | null {
  const source = schema.pattern;
  if (typeof source !== 'string') return null;
  let compiled = patterns.get(source);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(source, 'u');
    } catch {
      compiled = null;
    }
    patterns.set(source, compiled);
  }
  return compiled;
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/**
 * The props of one node, read through its element schema. Props of a type without a schema
 * read as empty strings, zeros and falses.
 */
export class NodeProps {
  readonly #props: Readonly<Record<string, unknown>>;
  readonly #schemas: Readonly<Record<string, PropSchema>>;

  constructor(node: ViewTreeNode) {
    this.#props = isRecord(node.props) ? node.props : {};
    this.#schemas = elementSchema(node.type)?.properties ?? {};
  }

  /** The raw value with a binding unwrapped to its current value; undefined when missing. */
  #value(name: string): unknown {
    if (!Object.hasOwn(this.#props, name)) return undefined;
    const raw = this.#props[name];
    return isBinding(raw) ? raw.value : raw;
  }

  #default(name: string): unknown {
    return this.#schemas[name]?.default;
  }

  /** A string prop; numbers and booleans (a common expression result) are shown as text. */
  string(name: string): string {
    const schema = this.#schemas[name];
    const fallback = this.#default(name);
    const safeFallback = typeof fallback === 'string' ? fallback : '';
    let value = this.#value(name);
    if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
    if (typeof value !== 'string') return safeFallback;
    const pattern = schema ? patternOf(schema) : null;
    if (pattern && !pattern.test(value)) return safeFallback;
    const max = schema?.maxLength;
    return typeof max === 'number' && value.length > max ? value.slice(0, max) : value;
  }

  /** A number prop, clamped to the schema's bounds and rounded when the schema says integer. */
  number(name: string): number {
    const schema = this.#schemas[name];
    let value = finiteOr(this.#value(name), finiteOr(this.#default(name), 0));
    if (schema?.type === 'integer') value = Math.round(value);
    if (typeof schema?.minimum === 'number') value = Math.max(schema.minimum, value);
    if (typeof schema?.maximum === 'number') value = Math.min(schema.maximum, value);
    return value;
  }

  /** A boolean prop. */
  boolean(name: string): boolean {
    const value = this.#value(name);
    if (typeof value === 'boolean') return value;
    return this.#default(name) === true;
  }

  /** An enum prop: one of the schema's values, or its default. */
  choice<T extends string = string>(name: string): T {
    const allowed = this.#schemas[name]?.enum ?? [];
    const value = this.#value(name);
    if (typeof value === 'string' && allowed.includes(value)) return value as T;
    const fallback = this.#default(name);
    return (typeof fallback === 'string' ? fallback : '') as T;
  }

  /** A list-of-strings prop; numbers in the list are shown as text, other items are dropped. */
  strings(name: string): string[] {
    const schema = this.#schemas[name];
    const value = this.#value(name);
    const list = Array.isArray(value) ? value : this.#default(name);
    if (!Array.isArray(list)) return [];
    const max = typeof schema?.maxItems === 'number' ? schema.maxItems : list.length;
    return list
      .slice(0, max)
      .flatMap((item) =>
        typeof item === 'string' ? [item] : typeof item === 'number' ? [String(item)] : []
      );
  }

  /** The ref of a handler prop, when the prop holds one. */
  handler(name: string): number | undefined {
    const raw = this.#props[name];
    return Object.hasOwn(this.#props, name) && isHandler(raw) ? raw.$ref : undefined;
  }

  /** The ref that sets the field a prop is bound to, when the prop is a binding. */
  binding(name: string): number | undefined {
    const raw = this.#props[name];
    return Object.hasOwn(this.#props, name) && isBinding(raw) ? raw.$ref : undefined;
  }
}

/** Reads a node's props through its element schema. */
export function readProps(node: ViewTreeNode): NodeProps {
  return new NodeProps(node);
}
