/**
 * The Style section's pure half: the fields it shows (one per style key of
 * schemas/style.schema.json, in schema order, never restated) and the one batch each change
 * makes. A change of one key is one `setProp style` (or an `unsetProp` when the last key goes),
 * so each is one undo step and the planner checks it against the same tokens as the AI's.
 */
import { STYLE, STYLE_PROP } from '../schema/elements';
import { valueKind } from '../schema/props';
import type { NodeRecord, PropValue } from '../model/types';
import { propLabel } from './prop-fields';

/** One style key as the inspector shows it. */
export interface StyleField {
  readonly key: string;
  /** The key in words (`Font size`); also its control's label. */
  readonly label: string;
  readonly description: string;
  /** The tokens it takes, in schema order. */
  readonly tokens: readonly string[];
  /** The token set on the node, or '' when the key is unset. */
  readonly value: string;
}

/** Which groups the section shows its keys in, so a long list reads as layout, box and text. */
export const STYLE_GROUPS: readonly { readonly title: string; readonly keys: readonly string[] }[] =
  [
    { title: 'Layout', keys: ['padding', 'gap', 'align', 'width', 'height'] },
    { title: 'Box', keys: ['background', 'radius', 'border', 'borderColor'] },
    { title: 'Text', keys: ['color', 'fontSize', 'fontWeight'] }
  ];

/** The node's style value, or undefined when it has none. */
export function styleValue(node: NodeRecord): PropValue | undefined {
  return Object.hasOwn(node.props, STYLE) ? node.props[STYLE] : undefined;
}

/** True when the node's style is an expression (its keys are not edited one by one). */
export function styleIsExpression(node: NodeRecord): boolean {
  const value = styleValue(node);
  return value !== undefined && valueKind(value) === 'expr';
}

/** The literal style of a node as a plain record of tokens; empty for none or an expression. */
export function styleTokensOf(node: NodeRecord): Record<string, string> {
  const value = styleValue(node);
  if (value === undefined || valueKind(value) !== 'literal') return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, token] of Object.entries(value)) if (typeof token === 'string') out[key] = token;
  return out;
}

/** The section's fields for a node, one per style key, in schema order. */
export function styleFields(node: NodeRecord): StyleField[] {
  const set = styleTokensOf(node);
  return Object.entries(STYLE_PROP.properties).map(([key, schema]) => ({
    key,
    label: propLabel(key),
    description: schema.description,
    tokens: schema.enum,
    value: Object.hasOwn(set, key) ? set[key] : ''
  }));
}

/**
 * The batch that sets one style key to a token ('' clears it). The other keys stay as they are,
 * in schema order; when none is left the prop is unset, so the code form shows no empty style.
 */
export function styleKeyOps(node: NodeRecord, key: string, token: string): unknown[] {
  const next: Record<string, string> = {};
  const current = styleTokensOf(node);
  for (const k of Object.keys(STYLE_PROP.properties)) {
    const v = k === key ? token : current[k];
    if (v) next[k] = v;
  }
  if (Object.keys(next).length === 0) return [{ op: 'unsetProp', id: node.id, name: STYLE }];
  return [{ op: 'setProp', id: node.id, name: STYLE, value: next }];
}

/** The batch that makes the style an expression (its text a JavaScript object of tokens). */
export function styleExpressionOps(node: NodeRecord, source: string): unknown[] {
  return [{ op: 'setProp', id: node.id, name: STYLE, value: { $expr: source } }];
}

/** The batch that removes the whole style. */
export function clearStyleOps(node: NodeRecord): unknown[] {
  return [{ op: 'unsetProp', id: node.id, name: STYLE }];
}

/** The expression a person starts from when they switch the style to one: the tokens as code. */
export function styleAsExpression(node: NodeRecord): string {
  const set = styleTokensOf(node);
  const entries = Object.entries(set).map(([k, v]) => `${k}: '${v}'`);
  return entries.length ? `({ ${entries.join(', ')} })` : "({ background: 'surface' })";
}
