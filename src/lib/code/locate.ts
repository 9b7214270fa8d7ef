/**
 * Placing an error in a component's JSX text: the line and column an error of the import, the
 * planner or the compile gate is about. Plain text work with no Babel in it, so both the server
 * (its answers to the code tab) and the page (refusals that come back from `studio.propose`) use it.
 */
import type { EditError } from '../ops/errors';

/** An error placed in the component's text: `line` and `column` are 1-based. */
export interface CodeError extends EditError {
  readonly line?: number;
  readonly column?: number;
}

/**
 * The fields of an op that say where it acts. The browser treats ops as opaque data it hands
 * back to the server; it reads only these to place the planner's errors in the text.
 */
export interface OpLike {
  readonly op: string;
  readonly id?: string;
  readonly parent?: string;
  readonly name?: string;
  readonly component?: string;
}

/** A place in the text: an offset, and its 1-based line and column. */
interface Place {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

function placeAt(source: string, offset: number): Place {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { offset, line, column };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The marked line of a @babel/code-frame excerpt: its number, its text and the caret's column (0-based). */
function frameMark(frame: string): { line: number; text: string; caret: number } | null {
  const lines = frame.split('\n');
  const at = lines.findIndex((l) => /^>\s*\d+\s*\|/.test(l));
  if (at < 0) return null;
  const marked = lines[at];
  const bar = marked.indexOf('|');
  const line = Number(marked.slice(1, bar).trim());
  const text = marked.slice(bar + 2);
  const caretLine = lines[at + 1] ?? '';
  const caretAt = caretLine.indexOf('^');
  const caret =
    /^\s*\|/.test(caretLine) && caretAt >= 0 ? caretAt - (caretLine.indexOf('|') + 2) : 0;
  return { line, text, caret: Math.max(0, caret) };
}

/** Where an element with this id starts (its `<`), found by its `id="..."` attribute. */
function elementOffset(source: string, id: string): number | null {
  const match = new RegExp(`\\bid=["']${escapeRegExp(id)}["']`).exec(source);
  if (!match) return null;
  const open = source.lastIndexOf('<', match.index);
  return open >= 0 ? open : match.index;
}

/** Where the attribute `prop` (or `bind:prop`) of the element with this id starts. */
function attributeOffset(source: string, id: string, prop: string): number | null {
  const start = elementOffset(source, id);
  if (start === null) return null;
  // The element's attributes end before the next element's id (attribute values may hold `>`).
  const next = /\bid=["']/g;
  next.lastIndex = source.indexOf('id=', start) + 3;
  const end = next.exec(source)?.index ?? source.length;
  const attr = new RegExp(`(?<![\\w:-])(?:bind:)?${escapeRegExp(prop)}=`).exec(
    source.slice(start, end)
  );
  return attr ? start + attr.index : start;
}

/** Where the handler function `name` is declared. */
function handlerOffset(source: string, name: string): number | null {
  const match = new RegExp(`\\bfunction\\s+${escapeRegExp(name)}\\s*\\(`).exec(source);
  return match ? match.index : null;
}

/** Where the state field `name` is declared (in `interface State`), else the interface. */
function stateOffset(source: string, name: string): number | null {
  const state = /\binterface\s+State\b/.exec(source);
  if (!state) return null;
  const field = new RegExp(`^\\s*${escapeRegExp(name)}\\??\\s*:`, 'm');
  const rest = source.slice(state.index);
  const found = field.exec(rest);
  return state.index + (found ? found.index + found[0].length - found[0].trimStart().length : 0);
}

/** The anchor of a JSON pointer from the gate: a node's prop, a handler, a state field, a component. */
function pathOffset(source: string, path: string): number | null {
  const prop = /^\/nodes\/([^/]+)\/props\/([^/]+)/.exec(path);
  if (prop) return attributeOffset(source, prop[1], prop[2]);
  const node = /^\/nodes\/([^/]+)/.exec(path);
  if (node) return elementOffset(source, node[1]);
  const handler = /^\/components\/[^/]+\/handlers\/([^/]+)/.exec(path);
  if (handler) return handlerOffset(source, handler[1]);
  const state = /^\/components\/[^/]+\/state\/([^/]+)/.exec(path);
  if (state) return stateOffset(source, state[1]);
  const component = /^\/components\/([^/]+)/.exec(path);
  if (component) return handlerOffset(source, component[1]);
  return null;
}

/** The anchor of an op of the batch the text was read into. */
function opOffset(source: string, op: OpLike): number | null {
  switch (op.op) {
    case 'setProp':
    case 'unsetProp':
      return op.id
        ? op.name
          ? attributeOffset(source, op.id, op.name)
          : elementOffset(source, op.id)
        : null;
    case 'removeNode':
    case 'moveNode':
      return op.id ? elementOffset(source, op.id) : null;
    case 'addNode':
      // The new element has no id in the text yet: point at its parent.
      return op.parent ? elementOffset(source, op.parent) : null;
    case 'setHandler':
    case 'removeHandler':
      return op.name ? handlerOffset(source, op.name) : null;
    case 'addState':
    case 'removeState':
    case 'retypeState':
      return op.name ? stateOffset(source, op.name) : null;
    case 'setCapabilities': {
      const caps = /\bconst\s+capabilities\b/.exec(source);
      return caps ? caps.index : null;
    }
    default:
      return null;
  }
}

/**
 * The same error with the line and column it is about in `source` (the component's JSX form),
 * when they can be found:
 * - errors of the import (no path) carry a code frame of the whole text: its marked line;
 * - errors of the compile gate name a node's prop or a handler (`path`) and carry a frame of that
 *   unit's own source: the marked line is looked for in the text after that prop or handler;
 * - errors of the planner name an op of `ops`: the element, handler or state field it acts on.
 * An error that cannot be placed comes back as it was.
 */
export function locateError(
  error: EditError,
  source: string,
  ops: readonly OpLike[] = []
): CodeError {
  const found = (error as CodeError).line;
  if (typeof found === 'number') return error;
  const mark = error.frame ? frameMark(error.frame) : null;
  let anchor: number | null = null;
  if (error.path?.startsWith('/nodes/') || error.path?.startsWith('/components/'))
    anchor = pathOffset(source, error.path);
  else if (error.op !== undefined && ops[error.op]) anchor = opOffset(source, ops[error.op]);
  else if (mark && error.path === undefined) {
    // A frame of the whole text (the import's own errors).
    const lines = source.split('\n');
    if (mark.line >= 1 && mark.line <= lines.length)
      return { ...error, line: mark.line, column: mark.caret + 1 };
  }
  if (anchor === null) return error;
  if (mark) {
    // The unit's marked line is in the text as written (handler bodies re-indented), after the
    // prop or handler that holds it.
    const wanted = mark.text.trim();
    const indent = mark.text.length - mark.text.trimStart().length;
    const at = wanted === '' ? -1 : source.indexOf(wanted, anchor);
    if (at >= 0) {
      const place = placeAt(source, at + Math.max(0, mark.caret - indent));
      return { ...error, line: place.line, column: place.column };
    }
  }
  const place = placeAt(source, anchor);
  return { ...error, line: place.line, column: place.column };
}
