/**
 * What the JSX form is read into (plain data: the component, its elements, handlers, state and
 * props as the text says them) and the `Reader` that reads it: it holds the source and collects
 * every problem as an `E_IMPORT_JSX` error with a code frame, so one import reports them all.
 * import-module.ts reads the module's statements, import-element.ts the element tree,
 * import-state-type.ts the TypeScript types of state and props.
 */
import * as t from '@babel/types';
import type {
  Capabilities,
  JsonValue,
  PropDecl,
  PropValue,
  StateScope,
  StateType
} from '../model/types';
import { editError, type EditError } from '../ops/errors';
import { codeFrame } from './frame';

/** One element of the text. */
export interface ReadElement {
  readonly node: t.JSXElement;
  readonly type: string;
  /** The id attribute, if any (may name no node, or a node of another type: then it is new). */
  readonly id?: string;
  readonly props: Record<string, PropValue>;
  readonly children: ReadElement[];
}

/** A handler function as the text says it: its parameters and its body as written. */
export interface ReadHandler {
  readonly params: string[];
  readonly body: string;
}

/** A component as the text says it. */
export interface ReadComponent {
  readonly name: string;
  readonly nameNode: t.Node;
  /** Declared props (interface Props + defaultProps), in text order. */
  readonly props: Record<string, PropDecl>;
  readonly propsNode?: t.Node;
  readonly state: Record<string, { type: StateType; initial: JsonValue; scope?: StateScope }>;
  readonly handlers: Record<string, ReadHandler>;
  readonly capabilities: Capabilities;
  readonly view: ReadElement;
}

/** Reads the parts of a module; collects every problem as an E_IMPORT_JSX with a frame. */
export class Reader {
  readonly errors: EditError[] = [];

  constructor(readonly source: string) {}

  /** Records an E_IMPORT_JSX error at `node` (with a code frame); returns undefined. */
  fail(node: t.Node | null | undefined, message: string): undefined {
    const loc = node?.loc?.start ?? { line: 1, column: 0 };
    this.errors.push(
      editError('E_IMPORT_JSX', message, {
        frame: codeFrame(this.source, loc.line, loc.column, message)
      })
    );
    return undefined;
  }

  /** The source text of `node`. */
  slice(node: t.Node): string {
    return this.source.slice(node.start!, node.end!);
  }
}

/**
 * Sets a field by definition: names come from the text, and `record.__proto__ = v` would set the
 * prototype instead of a field.
 */
export function put<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true
  });
}
