/**
 * The view tree on the host (README "View tree") and its wire form: the worker sends each view
 * as a diff against the one before (sandbox/world.js `viewReply`), an unchanged subtree as
 * `{ $same: key }`; here it becomes a whole tree again, the unchanged subtrees the very objects
 * of the previous view, so whoever renders it can skip them by identity.
 */
import { sameJson } from '../ops/judge';

/** One element of the view tree the worker returns (README "View tree"). */
export interface ViewNode {
  readonly type: string;
  readonly id: string;
  /** Unique in the tree: the id, with the Each item keys and instance keys around it. */
  readonly key: string;
  readonly props: Readonly<Record<string, unknown>>;
  readonly children: readonly ViewNode[];
  /** Set on a user component instance; its one child is the component's root. */
  readonly component?: true;
  /** Set on an instance whose view threw: drawn as an error card in its place. */
  readonly error?: { readonly code: string; readonly message: string; readonly component: string };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A view from its wire form: `{ $same: key }` stands for the subtree under that key in the
 * previous view (`before`); null when the form is malformed or names a key `before` lacks.
 * Subtrees taken from `before` keep their identity.
 */
export function decodeView(
  value: unknown,
  before: ReadonlyMap<string, ViewNode> | null
): ViewNode | null {
  if (!isRecord(value)) return null;
  if (typeof value.$same === 'string') return before?.get(value.$same) ?? null;
  if (typeof value.type !== 'string' || typeof value.key !== 'string') return null;
  if (!Array.isArray(value.children)) return null;
  const children = value.children as unknown[];
  for (let i = 0; i < children.length; i++) {
    const child = decodeView(children[i], before);
    if (!child) return null;
    children[i] = child;
  }
  return value as unknown as ViewNode;
}

/** Every node of a view by key. */
export function indexView(view: ViewNode): Map<string, ViewNode> {
  const byKey = new Map<string, ViewNode>();
  const stack = [view];
  while (stack.length > 0) {
    const node = stack.pop()!;
    byKey.set(node.key, node);
    for (const child of node.children) stack.push(child);
  }
  return byKey;
}

/**
 * `next`, with every subtree that equals one of `shown` (same key, type, props and children)
 * replaced by `shown`'s object; `shown` itself when the two are equal throughout. The page draws
 * a change before the sandbox confirms it (editor/view-patch.ts): when the sandbox's view then
 * says the same, nothing is drawn again, since the renderer skips subtrees by identity.
 * Work follows the part of `next` that is new: its unchanged subtrees are already `shown`'s.
 */
export function keepSame(shown: ViewNode | null, next: ViewNode): ViewNode {
  if (!shown || shown === next) return next;
  if (
    shown.key !== next.key ||
    shown.type !== next.type ||
    shown.id !== next.id ||
    shown.component !== next.component ||
    !sameJson(shown.error, next.error) ||
    !sameJson(shown.props, next.props)
  )
    return next;
  const before = shown.children;
  const after = next.children;
  let children: ViewNode[] | null = after.length === before.length ? null : [...after];
  for (let i = 0; i < after.length; i++) {
    const kept = i < before.length ? keepSame(before[i]!, after[i]!) : after[i]!;
    if (kept !== before[i] && children === null) children = before.slice(0, i);
    if (children !== null) children[i] = kept;
  }
  if (children === null) return shown;
  return { ...next, children };
}
