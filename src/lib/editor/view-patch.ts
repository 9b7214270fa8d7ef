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
import { lineageOf } from '../model/lineage';

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

/** A view's nodes by key, each key's parent's key, and the keys each model id is drawn under. */
export interface ViewIndex {
  readonly byKey: Map<string, ViewNode>;
  readonly parentOf: Map<string, string>;
  readonly keysOf: Map<string, string[]>;
}

/**
 * The index of each view the canvas drew (one walk when a view first comes from the sandbox); a
 * view patched for a change of props alone takes its predecessor's, updated, so an edit's work
 * follows the nodes it changed and the path above them, not the app.
 */
const indexes = new WeakMap<ViewNode, ViewIndex>();

/** The view's index of keys, built once: the canvas builds it in idle time after a load. */
export function prepareView(view: ViewNode): ViewIndex {
  const known = indexes.get(view);
  if (known) return known;
  const index: ViewIndex = { byKey: new Map(), parentOf: new Map(), keysOf: new Map() };
  const stack = [view];
  while (stack.length > 0) {
    const v = stack.pop()!;
    index.byKey.set(v.key, v);
    if (v.component !== true) {
      const keys = index.keysOf.get(v.id);
      if (keys) keys.push(v.key);
      else index.keysOf.set(v.id, [v.key]);
    }
    for (const child of v.children) {
      index.parentOf.set(child.key, v.key);
      stack.push(child);
    }
  }
  indexes.set(view, index);
  return index;
}

export function patchView(view: ViewNode, before: AppModel, after: AppModel): ViewNode | null {
  if (before === after) return view;
  // The records the plan that made `after` wrote (model/lineage.ts), or every one.
  const lineage = lineageOf(before, after);
  // Props that changed, by node; any change but a literal prop of a plain element is unknowable.
  const props = new Map<string, string[]>();
  const seeNode = (id: string, node: NodeRecord | undefined): boolean => {
    const old = before.nodes.get(id);
    if (!node || !old || old === node) return true;
    if (old.type !== node.type) return false;
    const names = changedProps(old, node);
    if (names.length === 0) return true;
    if (!plainElement(node) || names.some((name) => !isLiteral(node.props[name]))) return false;
    props.set(id, names);
    return true;
  };
  if (lineage) {
    for (const id of lineage.nodes) if (!seeNode(id, after.nodes.get(id))) return null;
  } else for (const [id, node] of after.nodes) if (!seeNode(id, node)) return null;
  // Nodes whose list of children changed (an addition, removal or move).
  const reshaped = new Set<string>();
  if (lineage) {
    for (const id of lineage.children)
      if (before.children.get(id) !== after.children.get(id)) reshaped.add(id);
  } else {
    for (const [id, kids] of after.children) if (before.children.get(id) !== kids) reshaped.add(id);
    for (const id of before.children.keys()) if (!after.children.has(id)) reshaped.add(id);
  }
  if (props.size === 0 && reshaped.size === 0) return view;

  // The keys that change or hold one that does (only those are rewritten, the rest kept as
  // is): the keys each changed id is drawn under, and the path above each. A moved node is found
  // by its new key among the view's nodes.
  const index = prepareView(view);
  const old = index.byKey;
  const dirty = new Set<string>();
  const touches = (v: ViewNode): boolean =>
    v.component !== true && (reshaped.has(v.id) || (v.type !== 'Item' && props.has(v.id)));
  for (const id of new Set([...props.keys(), ...reshaped])) {
    for (const key of index.keysOf.get(id) ?? []) {
      const v = old.get(key);
      if (!v || !touches(v)) continue;
      for (let at: string | undefined = key; at !== undefined && !dirty.has(at);) {
        dirty.add(at);
        at = index.parentOf.get(at);
      }
    }
  }
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
    if (!dirty.has(v.key)) return v;
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

  let out: ViewNode;
  try {
    out = rewrite(view);
  } catch (e) {
    if (e instanceof Unknowable) return null;
    throw e;
  }
  // A change of props keeps every key where it was: the index follows with the rewritten nodes.
  if (reshaped.size === 0 && out !== view) {
    for (const [key, next] of done) old.set(key, next);
    indexes.delete(view);
    indexes.set(out, index);
  }
  return out;
}
