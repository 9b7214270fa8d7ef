/**
 * A read-only, JSX-like text outline of an app: each component with its props, state, handlers
 * and view, every element carrying its id. It is what the studio's code panel shows until the
 * Babel code generator (src/lib/code) takes over, and a cheap, stable text to assert on in tests.
 * Pure: model in, string out.
 */
import {
  childrenOf,
  type AppModel,
  type Capabilities,
  type ComponentRecord,
  type PropValue
} from './types';
import { formatStateType } from '../schema/statetype-text';

const INDENT = '  ';

/**
 * The whole app as a JSX-like outline: the root component first, then the others by name, each as
 * a `component Name { ... }` block of props, state, handlers and the element tree.
 */
export function jsxOutline(model: AppModel): string {
  const root = model.components.get(model.meta.root);
  const others = [...model.components.values()]
    .filter((c) => c !== root)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const ordered = root ? [root, ...others] : others;
  return ordered.map((c) => componentOutline(model, c)).join('\n\n') + '\n';
}

function componentOutline(model: AppModel, component: ComponentRecord): string {
  const lines = [`component ${component.name} {`];
  const caps = capabilityList(component.capabilities);
  if (caps) lines.push(`${INDENT}capabilities ${caps}`);
  for (const [name, decl] of Object.entries(component.props)) {
    const fallback = decl.default === undefined ? '' : ` = ${JSON.stringify(decl.default)}`;
    lines.push(`${INDENT}prop ${name}: ${formatStateType(decl.type)}${fallback}`);
  }
  for (const [name, field] of Object.entries(component.state)) {
    lines.push(
      `${INDENT}state ${name}: ${formatStateType(field.type)} = ${JSON.stringify(field.initial)}`
    );
  }
  for (const [name, handler] of Object.entries(component.handlers)) {
    lines.push(...handlerLines(name, handler.params, handler.body));
  }
  if (model.nodes.has(component.root)) nodeLines(model, component.root, 1, lines);
  lines.push('}');
  return lines.join('\n');
}

/** A one-line body stays on the handler's line; a longer one is indented below it. */
function handlerLines(name: string, params: readonly string[], body: string): string[] {
  const head = `${INDENT}handler ${name}(${params.join(', ')})`;
  const bodyLines = body
    .trim()
    .split('\n')
    .map((l) => l.trimEnd());
  if (bodyLines.length === 1 && bodyLines[0] === '') return [`${head} {}`];
  if (bodyLines.length === 1) return [`${head} { ${bodyLines[0]} }`];
  return [`${head} {`, ...bodyLines.map((l) => (l ? INDENT + INDENT + l : '')), `${INDENT}}`];
}

function nodeLines(model: AppModel, id: string, depth: number, out: string[]): void {
  const node = model.nodes.get(id);
  if (!node) return;
  const pad = INDENT.repeat(depth);
  const attrs = [`id=${JSON.stringify(node.id)}`];
  for (const [name, value] of Object.entries(node.props)) attrs.push(attribute(name, value));
  const open = `${pad}<${node.type} ${attrs.join(' ')}`;
  const kids = childrenOf(model, id);
  if (kids.length === 0) {
    out.push(`${open} />`);
    return;
  }
  out.push(`${open}>`);
  for (const kid of kids) nodeLines(model, kid, depth + 1, out);
  out.push(`${pad}</${node.type}>`);
}

/** One prop in JSX spelling, by the kind of its value. */
function attribute(name: string, value: PropValue): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if ('$expr' in value && typeof value.$expr === 'string') return `${name}={${value.$expr}}`;
    if ('$handler' in value && typeof value.$handler === 'string') {
      return `${name}={${value.$handler}}`;
    }
    if ('$bind' in value && typeof value.$bind === 'string') {
      return `bind:${name}={state.${value.$bind}}`;
    }
  }
  if (typeof value === 'string') return `${name}=${JSON.stringify(value)}`;
  return `${name}={${JSON.stringify(value)}}`;
}

function capabilityList(caps: Capabilities): string {
  const out: string[] = [];
  if (caps.clock) out.push('clock');
  if (caps.random) out.push('random');
  if (caps.log) out.push('log');
  if (caps.network) out.push(`network(${caps.network.origins.join(', ')})`);
  return out.join(', ');
}
