/**
 * A Draft is the planner's working copy of a model: the maps are copied once per batch and
 * records are replaced (never mutated), so unchanged records stay identical to the input model's
 * and `writeModel` can find the changes by identity.
 */
import { compareSiblings, keysBetween } from '../model/order';
import { freshId, idPrefix, type IdSource } from '../model/ids';
import { noteLineage } from '../model/lineage';
import type { AppMeta, AppModel, ComponentRecord, JsonValue, NodeRecord } from '../model/types';

export class Draft {
  /** Read through these; write through `setNode`, `link`, `unlink`, `resort` and `forget`. */
  readonly nodes: ReadonlyMap<string, NodeRecord>;
  /** The base model's lists until this batch changes one (then its own copy). */
  children: ReadonlyMap<string, readonly string[]>;
  private readonly nodeMap: Map<string, NodeRecord>;
  private childMap: Map<string, readonly string[]> | null = null;
  /** The node ids whose record, and whose list of children, this batch wrote (../model/lineage.ts). */
  private readonly wroteNodes = new Set<string>();
  private readonly wroteChildren = new Set<string>();
  readonly components: Map<string, ComponentRecord>;
  meta: AppMeta;
  data: Record<string, JsonValue>;
  /** Component ids whose definition (nodes, state, handlers, ...) this batch touched. */
  readonly touched = new Set<string>();
  private dataCopied = false;

  constructor(
    readonly base: AppModel,
    private readonly ids: IdSource
  ) {
    this.nodes = this.nodeMap = new Map(base.nodes);
    this.children = base.children;
    this.components = new Map(base.components);
    this.meta = base.meta;
    this.data = base.data as Record<string, JsonValue>;
  }

  /** The component with this name. */
  componentNamed(name: string): ComponentRecord | undefined {
    for (const c of this.components.values()) if (c.name === name) return c;
    return undefined;
  }

  /** A new unused id for a node of `type` (or a component, with prefix `k`). */
  newId(type: string): string {
    return freshId(
      this.ids,
      idPrefix(type),
      (id) => this.nodes.has(id) || this.components.has(id) || this.base.nodes.has(id)
    );
  }

  childrenOf(id: string): readonly string[] {
    return this.children.get(id) ?? [];
  }

  setNode(node: NodeRecord): void {
    this.nodeMap.set(node.id, node);
    this.wroteNodes.add(node.id);
    this.touched.add(node.component);
  }

  setComponent(component: ComponentRecord): void {
    this.components.set(component.id, component);
    this.touched.add(component.id);
  }

  /** Writes one data field (the root component's persisted state). */
  setData(field: string, value: JsonValue | undefined): void {
    if (!this.dataCopied) {
      this.data = { ...this.data };
      this.dataCopied = true;
    }
    if (value === undefined) delete this.data[field];
    else this.data[field] = value;
  }

  /**
   * Order keys for `count` new children of `parent` at `index` (siblings not counting `exclude`).
   * When the neighbours share a key (left by concurrent inserts), the following run of equal
   * siblings is re-keyed first so a key strictly between exists.
   */
  orderKeysAt(parent: string, index: number, count: number, exclude?: string): string[] {
    const siblings = this.childrenOf(parent).filter((id) => id !== exclude);
    const before = index > 0 ? this.nodes.get(siblings[index - 1])!.order : null;
    const after = index < siblings.length ? this.nodes.get(siblings[index])!.order : null;
    const keys = keysBetween(before, after, count);
    if (keys) return keys;
    // Re-key siblings from `index` while they share the `before` key, up to the next larger key.
    let end = index;
    while (end < siblings.length && this.nodes.get(siblings[end])!.order <= before!) end++;
    const upper = end < siblings.length ? this.nodes.get(siblings[end])!.order : null;
    const fresh = keysBetween(before, upper, count + (end - index))!;
    for (let i = index; i < end; i++) {
      const node = this.nodes.get(siblings[i])!;
      this.setNode({ ...node, order: fresh[count + (i - index)] });
    }
    return fresh.slice(0, count);
  }

  /** Puts a node (already in `nodes`, with its final parent and order) into its parent's child list. */
  link(node: NodeRecord): void {
    if (node.parent === null) return;
    const list = this.childrenOf(node.parent).filter((id) => id !== node.id);
    // The lists are short; a linear insert keeps them sorted exactly as resolve() sorts them.
    let i = list.length;
    while (i > 0 && compareSiblings(this.nodes.get(list[i - 1])!, node) > 0) i--;
    list.splice(i, 0, node.id);
    this.setChildren(node.parent, list);
  }

  /** Takes a node out of its parent's child list. */
  unlink(node: NodeRecord): void {
    if (node.parent === null) return;
    const list = this.childrenOf(node.parent).filter((id) => id !== node.id);
    this.setChildren(node.parent, list);
  }

  /** Re-sorts a parent's children after siblings were re-keyed. */
  resort(parent: string): void {
    const list = [...this.childrenOf(parent)].sort((a, b) =>
      compareSiblings(this.nodes.get(a)!, this.nodes.get(b)!)
    );
    this.setChildren(parent, list);
  }

  /** Removes a node's record and its list of children (the caller unlinks it first). */
  forget(id: string): void {
    this.nodeMap.delete(id);
    this.wroteNodes.add(id);
    this.setChildren(id, []);
  }

  /** Sets a node's list of children; an empty one is not kept. */
  private setChildren(id: string, list: readonly string[]): void {
    // Copied once, at the first list a batch changes: a batch of props alone copies none.
    if (!this.childMap) this.children = this.childMap = new Map(this.base.children);
    if (list.length > 0) this.childMap.set(id, list);
    else this.childMap.delete(id);
    this.wroteChildren.add(id);
  }

  /** Ids of a node and everything under it. */
  subtree(id: string): string[] {
    const out: string[] = [];
    const stack = [id];
    while (stack.length > 0) {
      const next = stack.pop()!;
      out.push(next);
      for (const child of this.childrenOf(next)) stack.push(child);
    }
    return out;
  }

  /** The finished model. */
  finish(): AppModel {
    const model: AppModel = {
      meta: this.meta,
      components: this.components,
      nodes: this.nodeMap,
      children: this.children,
      data: this.data
    };
    noteLineage(model, { base: this.base, nodes: this.wroteNodes, children: this.wroteChildren });
    return model;
  }
}
