/**
 * Turning whatever went wrong with one node into the `Error` node the ErrorCard draws: an error
 * the runtime attached, an unknown type, a tree nested past the limit, or an exception thrown
 * while drawing. One shape, so a failure always looks the same and stays in its own box.
 */
import type { ViewTreeNode } from './types';

/** Deeper than this, a tree is refused instead of risking the page's stack. */
export const MAX_VIEW_DEPTH = 256;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An `Error` node in place of `node`, keeping its id and key so selection still finds it. */
export function errorNode(
  node: Partial<ViewTreeNode> | undefined,
  message: string,
  extra: { component?: string; code?: string; title?: string } = {}
): ViewTreeNode {
  return {
    type: 'Error',
    id: text(node?.id),
    key: text(node?.key) ?? text(node?.id) ?? 'error',
    props: {
      message,
      component: extra.component ?? text(node?.type) ?? '',
      ...(extra.code ? { code: extra.code } : {}),
      ...(extra.title ? { title: extra.title } : {})
    },
    children: []
  };
}

/** The message of the runtime's `error` on a node: a string or `{ code, message, component }`. */
function attachedError(node: ViewTreeNode): ViewTreeNode | undefined {
  const error = node.error;
  if (error === undefined || error === null || error === false) return undefined;
  if (typeof error === 'string') return errorNode(node, error);
  if (typeof error === 'object') {
    const record = error as Record<string, unknown>;
    return errorNode(node, text(record.message) ?? 'This part failed to render.', {
      component: text(record.component),
      code: text(record.code)
    });
  }
  return errorNode(node, 'This part failed to render.');
}

/**
 * What to draw instead of `node`, or undefined when it can be drawn: a node that is not an
 * object, carries an error, or is nested too deep. Unknown types are decided by the caller,
 * which knows the registry.
 */
export function nodeProblem(node: unknown, depth: number): ViewTreeNode | undefined {
  if (node === null || typeof node !== 'object' || typeof (node as ViewTreeNode).type !== 'string')
    return errorNode(undefined, 'The view tree holds something that is not a node.');
  const viewNode = node as ViewTreeNode;
  const attached = attachedError(viewNode);
  if (attached) return attached;
  if (depth > MAX_VIEW_DEPTH)
    return errorNode(viewNode, `The view is nested more than ${MAX_VIEW_DEPTH} levels deep.`);
  return undefined;
}

/** The message of anything thrown while drawing. */
export function thrownMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : 'Drawing this part threw an error.';
}
