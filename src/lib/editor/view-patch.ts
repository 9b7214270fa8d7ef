/**
 * The canvas's next frame after a local edit (issue 13, "work that follows the change"): a batch
 * that cannot change what any code does (literal props of built-in elements, new built-in
 * elements with literal props, moves and removals: ops/render-safe.ts) changes the drawn view in
 * ways the model alone tells. So the canvas patches the view it shows, in the same task as the
 * edit, instead of waiting for the compile gate and the sandbox to render the whole app again;
 * their view, when it comes, is the same one.
 *
 * `patchView(view, before, after)` is pure: the view drawn from `before`, the model after the
 * edit (whose unchanged node records and child lists are the very objects of `before`, as the
 * studio's `shareUnchanged` keeps them), and the view drawn from `after`, subtrees that did not
 * change kept by identity (the canvas skips them). Null when the view cannot be known without
 * running code: a changed Each, If or component instance, an expression, a node moved to where
 * its loop items differ. The caller then waits for the sandbox, as before.
 *
 * How the sandbox draws (runtime/sandbox/render.js): one view node per model node, keyed by the
 * loop and instance prefix around it plus its id; an Each draws an Item per row (id the Each's,
 * key `each[row]`) whose children are the Each's, under the prefix `each[row]/`; an If draws its
 * children, or none when off; a built-in element's props are its literal props as they are.
 */
import type { ViewNode } from '../runtime/view';
import type { AppModel, NodeRecord } from '../model/types';
import { childrenOf } from '../model/types';
import { elementSchema } from '../schema/elements';
import { isLiteral } from '../ops/render-safe';

/** Node types whose drawn children are not one view node per model child. */
const LOGIC = new Set(['Each', 'If', 'Item']);

/** Thrown inside the walk when the edit cannot be drawn without the sandbox. */
class Unknowable extends Error {}

/** A plain element the sandbox draws from its props alone: built-in and not a logic element. */
function plainElement(node: NodeRecord): boolean {
  return !LOGIC.has(node.type) && elementSchema(node.type) !== undefined;
}

function copy<T>(value: T): T {
  return value === null || typeof value !== 'object' ? value : structuredClone(value);
}

/** The prop names whose values differ between two records of one node. */
function changedProps(before: NodeRecord, after: NodeRecord): string[] {
  if (before.props === after.props) return [];
  const names = new Set([...Object.keys(before.props), ...Object.keys(after.props)]);
  return [...names].filter(
    (name) => JSON.stringify(before.props[name]) !== JSON.stringify(after.props[name])
  );
}

/** The prefix a node's children are drawn under. */
function childPrefix(v: ViewNode): string {
  return v.type === 'Item' ? `${v.key}/` : v.key.slice(0, v.key.length - v.id.length);
}

export function patchView(view: ViewNode, before: AppModel, after: AppModel): ViewNode | null {
  if (before === after) return view;
  // Props that changed, by node; any change but a literal prop of a plain element is unknowable.
  const props = new Map<string, string[]>();
  for (const [id, node] of after.nodes) {
    const old = before.nodes.get(id);
    if (!old || old === node) continue;
    if (old.type !== node.type) return null;
    const names = changedProps(old, node);
    if (names.length === 0) continue;
    if (!plainElement(node) || names.some((name) => !isLiteral(node.props[name]))) return null;
    props.set(id, names);
  }
  // Nodes whose list of children changed (an addition, removal or move).
  const reshaped = new Set<string>();
  for (const [id, kids] of after.children) if (before.children.get(id) !== kids) reshaped.add(id);
  for (const id of before.children.keys()) if (!after.children.has(id)) reshaped.add(id);
  if (props.size === 0 && reshaped.size === 0) return view;

  // One pass over the view: which nodes change or hold one that does (only those are
  // rewritten, the rest kept as is), and, when lists of children changed, every node by key (a
  // moved node is found under its new key). A change of props alone needs no such index.
  const old = new Map<string, ViewNode>();
  const indexed = reshaped.size > 0;
  const dirty = new Set<ViewNode>();
  const touches = (v: ViewNode): boolean =>
    v.component !== true && (reshaped.has(v.id) || (v.type !== 'Item' && props.has(v.id)));
  const walk = (v: ViewNode): boolean => {
    if (indexed) old.set(v.key, v);
    let changes = touches(v);
    for (const child of v.children) if (walk(child)) changes = true;
    if (changes) dirty.add(v);
    return changes;
  };
  walk(view);
  const done = new Map<string, ViewNode>();

  /** A node the old view did not draw under this key, from the model: plain literal elements. */
  const build = (id: string, prefix: string): ViewNode => {
    const node = after.nodes.get(id);
    if (!node || !plainElement(node)) throw new Unknowable();
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(node.props)) {
      if (name === 'id') continue;
      if (!isLiteral(value)) throw new Unknowable();
      out[name] = copy(value);
    }
    // A child the old view drew under the same key (it moved in with this node) is reused.
    const children = childrenOf(after, id).map((child) => drawn(prefix + child, child, prefix));
    return { type: node.type, id, key: prefix + id, props: out, children };
  };

  /** The node under `key` in the new view: the old one, patched, or built. */
  const drawn = (key: string, id: string, prefix: string): ViewNode => {
    const v = old.get(key);
    return v ? rewrite(v) : build(id, prefix);
  };

  /** The children a node draws after the edit, or its old ones when its list did not change. */
  const childrenAfter = (v: ViewNode): readonly ViewNode[] => {
    const modelId = v.component === true ? null : v.id;
    if (modelId === null || !reshaped.has(modelId) || v.type === 'Each')
      return v.children.map(rewrite);
    if (v.type === 'If') {
      const was = childrenOf(before, modelId).length;
      // Off: it draws nothing, before and after. With no children before, on and off look alike.
      if (v.children.length === 0 && was > 0) return v.children;
      if (v.children.length !== was || was === 0) throw new Unknowable();
    }
    const prefix = childPrefix(v);
    return childrenOf(after, modelId).map((child) => drawn(prefix + child, child, prefix));
  };

  const rewrite = (v: ViewNode): ViewNode => {
    if (!dirty.has(v)) return v;
    const known = done.get(v.key);
    if (known) return known;
    const kids = childrenAfter(v);
    const sameKids = kids.length === v.children.length && kids.every((k, i) => k === v.children[i]);
    const names = v.component === true || v.type === 'Item' ? undefined : props.get(v.id);
    let next = v;
    if (names || !sameKids) {
      let nextProps = v.props;
      if (names) {
        const node = after.nodes.get(v.id)!;
        const out: Record<string, unknown> = { ...v.props };
        let differs = false;
        for (const name of names) {
          const had = Object.hasOwn(v.props, name);
          const has = Object.hasOwn(node.props, name);
          // An expression replaced by the literal it showed draws the same: keep the old node.
          if (
            had === has &&
            (!has || JSON.stringify(v.props[name]) === JSON.stringify(node.props[name]))
          )
            continue;
          differs = true;
          if (has) out[name] = copy(node.props[name]);
          else delete out[name];
        }
        if (differs) nextProps = out;
      }
      if (nextProps !== v.props || !sameKids)
        next = { ...v, props: nextProps, children: sameKids ? v.children : kids };
    }
    done.set(v.key, next);
    return next;
  };

  try {
    return rewrite(view);
  } catch (e) {
    if (e instanceof Unknowable) return null;
    throw e;
  }
}
