/**
 * The shapes the element components render: one node of the view tree the sandbox returns (see
 * `src/lib/runtime/README.md`, "View tree"), and the callback that sends an event back. Written
 * here structurally, because this folder may not import the runtime.
 */
import type { Snippet } from 'svelte';

/** One node of a rendered view tree: plain data, as it arrives from the sandbox worker. */
export interface ViewTreeNode {
  /** A built-in element type, `Item` (one Each row), `Error`, or a user component's name. */
  readonly type: string;
  /** The model node id; Item rows may have none. */
  readonly id?: string;
  /** Unique in the rendered tree: the id plus the Each item keys around it. */
  readonly key: string;
  /** Evaluated props: literals, `{ $ref }` handlers and `{ $bind, value, $ref }` bindings. */
  readonly props?: Readonly<Record<string, unknown>>;
  readonly children?: readonly ViewTreeNode[];
  /** True on a user component instance; its one child is the instance's root. */
  readonly component?: boolean;
  /** Set on a node the runtime could not render: a message, or `{ code, message, component }`. */
  readonly error?: unknown;
  /** Set by the studio's Edit mode on the row it draws for an empty Each or a false If. */
  readonly ghost?: 'list' | 'condition';
}

/** Sends an event to the handler or binding behind `ref`, with the payload its schema names. */
export type Dispatch = (ref: number, payload: unknown) => void;

/** The props every element component takes; `children` is the node's rendered children. */
export interface ElementProps {
  node: ViewTreeNode;
  dispatch: Dispatch;
  children?: Snippet;
}
