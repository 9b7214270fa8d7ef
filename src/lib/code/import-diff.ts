/**
 * The differ: a component as read from the text against the model's component of the same name,
 * matched by id, into the smallest batch of ops: props set and unset, new nodes (with temporary
 * ids a later op may rename away), moves (only the elements outside the longest run already in
 * order), removals, state added, retyped, rescoped and removed, handlers, capabilities. A name
 * the model does not have becomes `addComponent` plus its content.
 */
import { elementSchema } from '../schema/elements';
import {
  childrenOf,
  scopeOf,
  subtreeIds,
  type AppModel,
  type ComponentRecord,
  type NodeSpec,
  type Op,
  type PropValue
} from '../model/types';
import { normalizeBody } from './jsx';
import { put, type Reader, type ReadComponent, type ReadElement } from './import-read';

/** A JSON value equality where object fields may come in any order. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => same(v, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.hasOwn(b, k) &&
        same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
    )
  );
}

/** A target element with the id it has (or will have) while the batch is planned. */
interface Target {
  readonly el: ReadElement;
  /** The model id when it matches a node, else a temporary id. */
  readonly ref: string;
  readonly isNew: boolean;
  readonly children: Target[];
}

/** Diffs one read component against the model; `diff()` returns the batch. */
export class Differ {
  private readonly ops: Op[] = [];
  private readonly handlers: ReadonlySet<string>;
  private readonly matched = new Set<string>();
  private readonly taken = new Set<string>();
  private readonly tempCounts = new Map<string, number>();
  /** The children lists while the batch is planned, by node ref (model id or temporary id). */
  private readonly sim = new Map<string, string[]>();
  private readonly parentOf = new Map<string, string>();
  private readonly retyped = new Set<string>();
  private readonly deferred: Op[] = [];

  constructor(
    private readonly model: AppModel,
    private readonly read: ReadComponent,
    private readonly existing: ComponentRecord | undefined,
    private readonly reader: Reader
  ) {
    this.handlers = new Set(Object.keys(read.handlers));
    for (const id of model.nodes.keys()) this.taken.add(id);
    const collect = (el: ReadElement) => {
      if (el.id) this.taken.add(el.id);
      el.children.forEach(collect);
    };
    collect(read.view);
  }

  /** A temporary id for a new node (`b1`, `t2`, ...; `root` for a new component's root), unused so far. */
  private temp(prefix: string): string {
    for (let n = this.tempCounts.get(prefix) ?? 1; ; n++) {
      const id = prefix === 'root' && n === 1 ? 'root' : `${prefix}${n}`;
      if (this.taken.has(id)) continue;
      this.taken.add(id);
      this.tempCounts.set(prefix, n + 1);
      return id;
    }
  }

  diff(): Op[] {
    const { read, existing } = this;
    const name = read.name;
    const component = existing ?? this.newComponent();
    if (existing && !same(existing.props, read.props))
      this.reader.fail(
        read.propsNode ?? read.nameNode,
        `the declared props of ${name} cannot be changed from code yet; change them back`
      );

    for (const [h, handler] of Object.entries(read.handlers)) {
      const old = Object.hasOwn(component.handlers, h) ? component.handlers[h] : undefined;
      if (old && same(old.params, handler.params) && normalizeBody(old.body) === handler.body)
        continue;
      this.ops.push({
        op: 'setHandler',
        component: name,
        name: h,
        ...(handler.params.length > 0 ? { params: handler.params } : {}),
        body: handler.body
      } as Op);
    }
    const retypes: Op[] = [];
    const scoped: Op[] = [];
    for (const [f, field] of Object.entries(read.state)) {
      const old = Object.hasOwn(component.state, f) ? component.state[f] : undefined;
      if (!old) {
        this.ops.push({
          op: 'addState',
          component: name,
          name: f,
          type: field.type,
          initial: field.initial,
          ...(field.scope ? { scope: field.scope } : {})
        });
      } else if (!same(old.type, field.type) || !same(old.initial, field.initial)) {
        this.retyped.add(f);
        retypes.push({
          op: 'retypeState',
          component: name,
          name: f,
          type: field.type,
          migrate: 'value',
          initial: field.initial
        });
      }
    }

    // After the retype (which keeps a field's scope), so the scope read here is the last word.
    for (const [f, field] of Object.entries(read.state)) {
      const old = Object.hasOwn(component.state, f) ? component.state[f] : undefined;
      if (old && scopeOf(old) !== (field.scope ?? 'shared'))
        scoped.push({
          op: 'setStateScope',
          component: name,
          name: f,
          scope: field.scope ?? 'shared'
        });
    }
    const root = this.target(read.view, component);
    this.place(root);
    this.removeGone(component);
    this.ops.push(...retypes, ...scoped, ...this.deferred);
    for (const f of Object.keys(component.state))
      if (!Object.hasOwn(read.state, f))
        this.ops.push({ op: 'removeState', component: name, name: f });
    for (const h of Object.keys(component.handlers))
      if (!Object.hasOwn(read.handlers, h))
        this.ops.push({ op: 'removeHandler', component: name, name: h });
    if (!same(component.capabilities, read.capabilities))
      this.ops.push({ op: 'setCapabilities', component: name, capabilities: read.capabilities });
    return this.dropUnusedTemps(this.ops);
  }

  /** addComponent, and a stand-in record for the empty component it makes. */
  private newComponent(): ComponentRecord {
    const root = this.temp('root');
    const props = this.read.props;
    this.ops.push({
      op: 'addComponent',
      name: this.read.name,
      ...(Object.keys(props).length > 0 ? { props } : {}),
      id: root
    });
    this.sim.set(root, []);
    return { id: '', name: this.read.name, root, props, state: {}, handlers: {}, capabilities: {} };
  }

  /** The target tree: which elements match which nodes; sets the props of matched ones. */
  private target(view: ReadElement, component: ComponentRecord): Target {
    if (!this.existing && view.type !== 'Stack') {
      // A new component's root is the Stack addComponent makes: the element goes inside it.
      this.matched.add(component.root);
      const child = this.build(view, component, false);
      return {
        el: { ...view, type: 'Stack', props: {}, children: [view] },
        ref: component.root,
        isNew: false,
        children: [child]
      };
    }
    return this.build(view, component, true);
  }

  private build(el: ReadElement, component: ComponentRecord, isRoot: boolean): Target {
    let ref: string;
    let isNew = false;
    const node = isRoot
      ? this.model.nodes.get(component.root)
      : el.id !== undefined
        ? this.model.nodes.get(el.id)
        : undefined;
    if (isRoot) {
      ref = component.root;
      this.setProps(ref, el.type, node?.props ?? {}, el.props);
    } else if (
      node &&
      node.type === el.type &&
      node.component === this.existing?.id &&
      !this.matched.has(node.id)
    ) {
      ref = node.id;
      this.setProps(ref, el.type, node.props, el.props);
    } else {
      ref = this.temp(el.type.charAt(0).toLowerCase() || 'n');
      isNew = true;
    }
    this.matched.add(ref);
    return { el, ref, isNew, children: el.children.map((c) => this.build(c, component, false)) };
  }

  /** Prop changes of a matched node: set/unset now, or after the retypes for a binding to a retyped field. */
  private setProps(
    id: string,
    type: string,
    before: Readonly<Record<string, PropValue>>,
    after: Record<string, PropValue>
  ): void {
    for (const prop of Object.keys(before))
      if (!Object.hasOwn(after, prop)) this.ops.push({ op: 'unsetProp', id, name: prop });
    for (const [prop, value] of Object.entries(after)) {
      const old = Object.hasOwn(before, prop) ? before[prop] : undefined;
      if (old !== undefined && same(this.canonical(type, prop, old), value)) continue;
      if (this.bindsRetyped(value)) {
        // The binding's type check must see the field's new type, so it waits for the retype;
        // an old binding to a retyped field is cleared first so the retype's own check passes.
        if (old !== undefined && this.bindsRetyped(old))
          this.ops.push({ op: 'unsetProp', id, name: prop });
        this.deferred.push({ op: 'setProp', id, name: prop, value });
      } else this.ops.push({ op: 'setProp', id, name: prop, value });
    }
  }

  private bindsRetyped(value: PropValue | undefined): boolean {
    const field =
      value && typeof value === 'object' && !Array.isArray(value)
        ? (value as { $bind?: unknown }).$bind
        : undefined;
    return typeof field === 'string' && this.retyped.has(field);
  }

  /**
   * A model prop value as the text would read it back: an expression without its surrounding
   * space, and a bare name on a handler prop as the handler (the only spelling it has).
   */
  private canonical(type: string, prop: string, value: PropValue): PropValue {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const source = (value as { $expr?: unknown }).$expr;
    if (typeof source !== 'string') return value;
    const trimmed = source.trim();
    const kinds = elementSchema(type)?.properties[prop]?.['x-kinds'];
    if (
      kinds?.includes('handler') &&
      /^[A-Za-z_$][\w$]*$/.test(trimmed) &&
      (this.handlers.has(trimmed) || !kinds.includes('expr'))
    )
      return { $handler: trimmed };
    return { $expr: trimmed };
  }

  private children(ref: string): string[] {
    let list = this.sim.get(ref);
    if (!list) {
      list = [...childrenOf(this.model, ref)];
      for (const c of list) this.parentOf.set(c, ref);
      this.sim.set(ref, list);
    }
    return list;
  }

  /**
   * Puts every target's children in order, top-down: new elements are added in place (with their
   * new descendants nested), matched ones moved only when they are not part of the longest run
   * already in order. Parents are placed before their children, so a node is never moved into
   * its own descendant, and a move's new parent already exists.
   */
  private place(root: Target): void {
    const queue = [root];
    for (let next = 0; next < queue.length; next++) {
      const parent = queue[next];
      queue.push(...parent.children);
      const list = this.children(parent.ref);
      const wanted = parent.children.map((c) => c.ref);
      const present = wanted.filter((r) => list.includes(r));
      const kept = new Set(longestInOrder(present, (r) => list.indexOf(r)));
      wanted.forEach((ref, k) => {
        if (kept.has(ref)) return;
        const child = parent.children[k];
        if (child.isNew && !this.parentOf.has(ref)) {
          const at = k === 0 ? 0 : list.indexOf(wanted[k - 1]) + 1;
          this.ops.push({
            op: 'addNode',
            parent: parent.ref,
            ...(at === list.length ? {} : { index: at }),
            ...this.spec(child)
          });
          list.splice(at, 0, ref);
          this.parentOf.set(ref, parent.ref);
          return;
        }
        const from = this.parentOf.get(ref) ?? this.model.nodes.get(ref)?.parent ?? undefined;
        if (from !== undefined) {
          const old = this.children(from);
          old.splice(old.indexOf(ref), 1);
        }
        const at = k === 0 ? 0 : list.indexOf(wanted[k - 1]) + 1;
        this.ops.push({
          op: 'moveNode',
          id: ref,
          parent: parent.ref,
          ...(at === list.length ? {} : { index: at })
        });
        list.splice(at, 0, ref);
        this.parentOf.set(ref, parent.ref);
      });
    }
  }

  /** The addNode spec of a new element: its new descendants nested; matched ones are moved in later. */
  private spec(target: Target): NodeSpec & { id: string } {
    const props: Record<string, PropValue> = {};
    for (const [prop, value] of Object.entries(target.el.props)) {
      if (this.bindsRetyped(value))
        this.deferred.push({ op: 'setProp', id: target.ref, name: prop, value });
      else put(props, prop, value);
    }
    const kids = target.children.filter((c) => c.isNew);
    this.sim.set(
      target.ref,
      kids.map((c) => c.ref)
    );
    for (const c of kids) this.parentOf.set(c.ref, target.ref);
    return {
      id: target.ref,
      type: target.el.type,
      ...(Object.keys(props).length > 0 ? { props } : {}),
      ...(kids.length > 0 ? { children: kids.map((c) => this.spec(c)) } : {})
    };
  }

  /** removeNode for nodes the text no longer has, skipping those under another removed node. */
  private removeGone(component: ComponentRecord): void {
    if (!this.existing) return;
    const gone = subtreeIds(this.model, component.root).filter((id) => !this.matched.has(id));
    const goneSet = new Set(gone);
    for (const id of gone) {
      const parent = this.model.nodes.get(id)!.parent;
      if (parent !== null && !goneSet.has(parent)) this.ops.push({ op: 'removeNode', id });
    }
  }

  /** Temporary ids only where a later op names them. */
  private dropUnusedTemps(ops: Op[]): Op[] {
    const named = new Set<string>();
    for (const op of ops) {
      if (op.op === 'addNode' || op.op === 'moveNode') named.add(op.parent);
      if (op.op === 'setProp' || op.op === 'unsetProp') named.add(op.id);
    }
    const strip = <T extends { id?: string; children?: NodeSpec[] }>(spec: T): T => {
      const { id, children, ...rest } = spec;
      return {
        ...(id !== undefined && named.has(id) ? { id } : {}),
        ...rest,
        ...(children ? { children: children.map(strip) } : {})
      } as T;
    };
    return ops.map((op) => {
      if (op.op === 'addNode') {
        const { op: _, parent, index, ...spec } = op;
        const s = strip(spec);
        return { op: 'addNode', parent, ...(index !== undefined ? { index } : {}), ...s } as Op;
      }
      if (op.op === 'addComponent' && op.id !== undefined && !named.has(op.id)) {
        const { id: _, ...rest } = op;
        return rest;
      }
      return op;
    });
  }
}

/** The longest subsequence of `items` whose positions (by `pos`) increase: the ones that need no move. */
function longestInOrder(items: string[], pos: (item: string) => number): string[] {
  const n = items.length;
  const p = items.map(pos);
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  let best = -1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++)
      if (p[j] < p[i] && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
    if (best < 0 || len[i] > len[best]) best = i;
  }
  const out: string[] = [];
  for (let i = best; i >= 0; i = prev[i]) out.unshift(items[i]);
  return out;
}
