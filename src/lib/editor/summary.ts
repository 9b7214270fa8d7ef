/**
 * The one-glance summary of a node's props that a row of the structure tree shows: its main text
 * (a label, a text, a title, or what a logic element repeats over or tests), its event handlers
 * and bindings, a couple of other literal props, and how many more it has.
 */
import type { PropValue } from '../model/types';

/** How a prop's value is spelled: a literal, an expression, a handler name or a binding. */
export type SummaryKind = 'literal' | 'expr' | 'handler' | 'bind';

/** One prop, ready to show: `text` is code, a name, JSON, or (when `isString`) a string's text. */
export interface SummaryPart {
  readonly prop: string;
  readonly kind: SummaryKind;
  readonly text: string;
  /** A literal string, which the view may quote. */
  readonly isString: boolean;
}

/** A node's props, sorted by how much a reader of the tree needs them. */
export interface NodeSummary {
  /** The prop that says what this node shows or does, if it has one. */
  readonly main?: SummaryPart;
  /** Handlers and bindings: what the node does when used. */
  readonly wiring: readonly SummaryPart[];
  /** A few other props, shown quietly. */
  readonly details: readonly SummaryPart[];
  /** Names of the props the row leaves out. */
  readonly hidden: readonly string[];
}

/** Props that name what a node shows, best first; logic elements lead with their expression. */
const MAIN_PROPS = ['label', 'text', 'title', 'items', 'when', 'name', 'placeholder', 'alt', 'src'];
const MAX_DETAILS = 2;
const MAX_TEXT = 48;

/** Summarizes a node's props for one row of the structure tree. */
export function nodeSummary(props: Readonly<Record<string, PropValue>>): NodeSummary {
  const parts = Object.entries(props).map(([name, value]) => summaryPart(name, value));
  const main = MAIN_PROPS.map((name) => parts.find((p) => p.prop === name)).find(
    (p) => p !== undefined && p.kind !== 'handler'
  );
  const rest = parts.filter((p) => p !== main);
  const wiring = rest.filter((p) => p.kind === 'handler' || p.kind === 'bind');
  const others = rest.filter((p) => p.kind === 'literal' || p.kind === 'expr');
  const details = others.slice(0, MAX_DETAILS);
  return { main, wiring, details, hidden: others.slice(MAX_DETAILS).map((p) => p.prop) };
}

function summaryPart(prop: string, value: PropValue): SummaryPart {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if ('$expr' in value && typeof value.$expr === 'string') {
      return part(prop, 'expr', clip(value.$expr));
    }
    if ('$handler' in value && typeof value.$handler === 'string') {
      return part(prop, 'handler', value.$handler);
    }
    if ('$bind' in value && typeof value.$bind === 'string') {
      return part(prop, 'bind', `state.${value.$bind}`);
    }
  }
  if (typeof value === 'string')
    return { prop, kind: 'literal', text: clip(value), isString: true };
  return part(prop, 'literal', clip(JSON.stringify(value)));
}

function part(prop: string, kind: SummaryKind, text: string): SummaryPart {
  return { prop, kind, text, isString: false };
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}
