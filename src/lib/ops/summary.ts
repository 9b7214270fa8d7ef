/**
 * One line in words for a batch ("Added Button "Save" to Card c3"), for the history panel, the
 * AI sidebar's preview and the CLI. Built from what each op did, as the planner saw it.
 */
import type { JsonValue, NodeRecord, PropValue, StateScope, StateType } from '../model/types';
import { formatType } from '../schema/statetype';

/** What one op did, in terms a summary can speak about. */
export type OpDescription =
  | { kind: 'add'; node: NodeRecord; parent: NodeRecord; count: number }
  | { kind: 'remove'; node: NodeRecord; parent: NodeRecord; count: number }
  | { kind: 'move'; node: NodeRecord; parent: NodeRecord; from: NodeRecord; index: number }
  | { kind: 'set'; node: NodeRecord; name: string; value: JsonValue }
  | { kind: 'unset'; node: NodeRecord; name: string }
  | { kind: 'addComponent' | 'removeComponent'; name: string }
  | { kind: 'renameComponent'; name: string; newName: string }
  | { kind: 'declareProp'; component: string; name: string; existed: boolean }
  | { kind: 'removeDeclaredProp'; component: string; name: string }
  | {
      kind: 'extractComponent';
      name: string;
      node: NodeRecord;
      instance: NodeRecord;
      count: number;
    }
  | { kind: 'addState'; component: string; name: string; type: StateType }
  | { kind: 'removeState'; component: string; name: string }
  | { kind: 'renameState'; component: string; name: string; newName: string }
  | { kind: 'retypeState'; component: string; name: string; type: StateType }
  | { kind: 'setStateScope'; component: string; name: string; scope: StateScope }
  | { kind: 'setHandler'; component: string; name: string; existed: boolean }
  | { kind: 'removeHandler'; component: string; name: string }
  | { kind: 'setCapabilities'; component: string }
  | { kind: 'setMeta'; name: string; value: string };

/** A scope in words, for summaries and the state panel. */
export const SCOPE_WORDS: Readonly<Record<StateScope, string>> = {
  shared: 'shared with everyone',
  local: 'local to each tab',
  person: 'kept per person'
};

const LABEL_PROPS = ['label', 'text', 'title', 'placeholder', 'name'];

function quote(text: string, max = 32): string {
  return `"${text.length > max ? text.slice(0, max - 1) + '…' : text}"`;
}

/** `Button "Save"` when the node has a literal label or text, else `Button b7`. */
function named(node: NodeRecord): string {
  for (const prop of LABEL_PROPS) {
    const v = node.props[prop];
    if (typeof v === 'string' && v.trim()) return `${node.type} ${quote(v.trim())}`;
  }
  return `${node.type} ${node.id}`;
}

function where(node: NodeRecord): string {
  return `${node.type} ${node.id}`;
}

/**
 * Code or JSON shortened to about `max` characters for a summary: cut where a token ends (a
 * space, bracket, comma or operator) and marked with `…`, never in the middle of a name.
 */
export function clipCode(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const head = flat.slice(0, max - 1);
  const boundary = Math.max(
    ...[
      ' ',
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      ',',
      '.',
      '+',
      '-',
      '*',
      '/',
      '=',
      '>',
      '<',
      '&',
      '|',
      '?',
      ':',
      '!'
    ].map((c) => head.lastIndexOf(c))
  );
  const cut = boundary >= max / 2 ? head.slice(0, boundary + 1) : head;
  return `${cut.trimEnd()} …`;
}

function value(v: PropValue | JsonValue): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    if ('$expr' in v) return `{${clipCode(String(v.$expr))}}`;
    if ('$handler' in v) return `handler ${String(v.$handler)}`;
    if ('$bind' in v) return `state.${String(v.$bind)} (two-way)`;
  }
  return typeof v === 'string' ? quote(v) : clipCode(JSON.stringify(v));
}

/** One op in words. */
export function describeOp(d: OpDescription): string {
  switch (d.kind) {
    case 'add':
      return `Added ${named(d.node)} to ${where(d.parent)}${d.count > 1 ? ` (${d.count} elements)` : ''}`;
    case 'remove':
      return `Removed ${named(d.node)} from ${where(d.parent)}${d.count > 1 ? ` (${d.count} elements)` : ''}`;
    case 'move':
      return d.from.id === d.parent.id
        ? `Moved ${named(d.node)} to position ${d.index + 1} in ${where(d.parent)}`
        : `Moved ${named(d.node)} from ${where(d.from)} to ${where(d.parent)}`;
    case 'set':
      return `Set ${d.name} of ${named(d.node)} to ${value(d.value)}`;
    case 'unset':
      return `Cleared ${d.name} of ${named(d.node)}`;
    case 'addComponent':
      return `Added component ${d.name}`;
    case 'removeComponent':
      return `Removed component ${d.name}`;
    case 'renameComponent':
      return `Renamed component ${d.name} to ${d.newName}`;
    case 'declareProp':
      return `${d.existed ? 'Changed' : 'Added'} prop ${d.name} of ${d.component}`;
    case 'removeDeclaredProp':
      return `Removed prop ${d.name} from ${d.component}`;
    case 'extractComponent':
      return `Made component ${d.name} from ${named(d.node)}${d.count > 1 ? ` (${d.count} elements)` : ''}`;
    case 'addState':
      return `Added state ${d.name} (${formatType(d.type)}) to ${d.component}`;
    case 'removeState':
      return `Removed state ${d.name} from ${d.component}`;
    case 'renameState':
      return `Renamed state ${d.name} to ${d.newName} in ${d.component}`;
    case 'retypeState':
      return `Changed state ${d.name} of ${d.component} to ${formatType(d.type)}`;
    case 'setStateScope':
      return `Made state ${d.name} of ${d.component} ${SCOPE_WORDS[d.scope]}`;
    case 'setHandler':
      return `${d.existed ? 'Changed' : 'Added'} handler ${d.name} in ${d.component}`;
    case 'removeHandler':
      return `Removed handler ${d.name} from ${d.component}`;
    case 'setCapabilities':
      return `Changed what ${d.component} may reach`;
    case 'setMeta':
      return `Set the app's ${d.name} to ${quote(d.value)}`;
  }
}

/** The whole batch in one line: up to two ops in full, then a count of the rest. */
export function summarizeBatch(descriptions: readonly OpDescription[]): string {
  if (descriptions.length === 0) return 'No changes';
  const lines = descriptions.map((d, i) => {
    const line = describeOp(d);
    return i === 0 ? line : line.charAt(0).toLowerCase() + line.slice(1);
  });
  if (lines.length <= 2) return lines.join('; ');
  return `${lines[0]}; ${lines[1]}; and ${lines.length - 2} more change${lines.length > 3 ? 's' : ''}`;
}
