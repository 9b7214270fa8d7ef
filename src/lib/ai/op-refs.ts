/**
 * What each op of a proposal makes and what it refers to: the nodes, handlers, state fields and
 * components it defines, the ones it uses, and the existing nodes it touches. Pure and
 * browser-safe (the sidebar reads proposals with it); the ops are read as untrusted JSON, so an
 * op of an unknown shape simply makes and uses nothing.
 *
 * Only what can be read off the ops is known here: a `$handler` or `$bind` inside a node's props
 * names a handler or field of the node's component, which the ops alone do not say, so such a
 * use carries no component and matches a definition of that name in any component. That errs
 * towards taking more along, never less (op-needs.ts).
 */

/** One thing an op defines or uses. */
export type OpRef =
  | { readonly kind: 'node'; readonly id: string }
  | { readonly kind: 'handler'; readonly name: string; readonly component?: string }
  | { readonly kind: 'state'; readonly name: string; readonly component?: string }
  | { readonly kind: 'component'; readonly name: string };

/** What one op makes, refers to, and which nodes of the app it changes. */
export interface OpRefs {
  readonly defines: readonly OpRef[];
  readonly uses: readonly OpRef[];
  /** Existing nodes the op changes, moves, removes or adds under (for the AI's presence). */
  readonly touches: readonly string[];
}

/** Most refs read off one op: a hostile proposal's 100,000 children cost no more than this. */
const MAX_REFS = 2000;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : null;
}

/** `state.name` and `state['name']` in an expression or a handler's body. */
const STATE_READ = /\bstate\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*(['"])([^'"\]]+)\2\s*\])/g;

/** The state fields a piece of code reads or writes. */
export function stateNamesIn(code: string): string[] {
  const names = new Set<string>();
  for (const match of code.slice(0, 100_000).matchAll(STATE_READ)) names.add(match[1] ?? match[3]);
  return [...names];
}

class Collector {
  readonly defines: OpRef[] = [];
  readonly uses: OpRef[] = [];
  readonly touches: string[] = [];
  private count = 0;

  private room(): boolean {
    return ++this.count <= MAX_REFS;
  }

  define(ref: OpRef): void {
    if (this.room()) this.defines.push(ref);
  }

  use(ref: OpRef): void {
    if (this.room()) this.uses.push(ref);
  }

  touch(id: unknown): void {
    const node = text(id);
    if (node && this.room() && !this.touches.includes(node)) this.touches.push(node);
  }

  /** The refs of one prop value: `{$handler}`, `{$bind}`, `{$expr}`. */
  value(value: unknown, component?: string): void {
    if (!isRecord(value)) return;
    const handler = text(value.$handler);
    if (handler) this.use({ kind: 'handler', name: handler, component });
    const bind = text(value.$bind);
    if (bind) this.use({ kind: 'state', name: bind, component });
    if (typeof value.$expr === 'string')
      for (const name of stateNamesIn(value.$expr)) this.use({ kind: 'state', name, component });
  }

  /** A node spec (an `addNode` op or one of its children), with its children, breadth first. */
  spec(root: Json): void {
    const queue: Json[] = [root];
    for (let i = 0; i < queue.length && this.count < MAX_REFS; i++) {
      const spec = queue[i];
      const id = text(spec.id);
      if (id) this.define({ kind: 'node', id });
      const type = text(spec.type);
      if (type) this.use({ kind: 'component', name: type });
      if (isRecord(spec.props)) for (const v of Object.values(spec.props)) this.value(v);
      if (Array.isArray(spec.children))
        for (const child of spec.children) if (isRecord(child)) queue.push(child);
    }
  }

  /** A definition (state field, handler, capabilities) inside a component. */
  inComponent(op: Json): string | undefined {
    const component = text(op.component) ?? undefined;
    if (component) this.use({ kind: 'component', name: component });
    return component;
  }
}

/** The handlers and state fields one prop value refers to (`$handler`, `$bind`, `$expr`). */
export function valueRefs(value: unknown): OpRef[] {
  const c = new Collector();
  c.value(value);
  return c.uses;
}

/** What `op` defines, uses and touches. */
export function opRefs(op: unknown): OpRefs {
  const c = new Collector();
  if (!isRecord(op)) return c;
  switch (op.op) {
    case 'addNode': {
      const parent = text(op.parent);
      if (parent) {
        c.use({ kind: 'node', id: parent });
        c.touch(parent);
      }
      c.spec(op);
      break;
    }
    case 'removeNode':
      c.touch(op.id);
      break;
    case 'moveNode':
      for (const id of [op.id, op.parent]) {
        const node = text(id);
        if (node) c.use({ kind: 'node', id: node });
        c.touch(id);
      }
      break;
    case 'setProp':
    case 'unsetProp': {
      const id = text(op.id);
      if (id) c.use({ kind: 'node', id });
      c.touch(id);
      if (op.op === 'setProp') c.value(op.value);
      break;
    }
    case 'addComponent': {
      const name = text(op.name);
      if (name) c.define({ kind: 'component', name });
      const id = text(op.id);
      if (id) c.define({ kind: 'node', id });
      break;
    }
    case 'renameComponent': {
      const name = text(op.newName);
      if (name) c.define({ kind: 'component', name });
      break;
    }
    case 'addState':
    case 'renameState': {
      const component = c.inComponent(op);
      const name = text(op.op === 'addState' ? op.name : op.to);
      if (name) c.define({ kind: 'state', name, component });
      break;
    }
    case 'retypeState':
    case 'setStateScope': {
      const component = c.inComponent(op);
      const name = text(op.name);
      if (name) c.use({ kind: 'state', name, component });
      break;
    }
    case 'setHandler': {
      const component = c.inComponent(op);
      const name = text(op.name);
      if (name) c.define({ kind: 'handler', name, component });
      if (typeof op.body === 'string')
        for (const field of stateNamesIn(op.body)) c.use({ kind: 'state', name: field, component });
      break;
    }
    case 'setCapabilities':
      c.inComponent(op);
      break;
  }
  return c;
}

/** Does the use `use` refer to what `def` defines? */
export function sameRef(use: OpRef, def: OpRef): boolean {
  if (use.kind !== def.kind) return false;
  switch (use.kind) {
    case 'node':
      return use.id === (def as typeof use).id;
    case 'component':
      return use.name === (def as typeof use).name;
    default: {
      const d = def as typeof use;
      return (
        use.name === d.name && (!use.component || !d.component || use.component === d.component)
      );
    }
  }
}

/** A ref in words, as the sidebar says it: "handler addItem", "state field count". */
export function refWords(ref: OpRef): string {
  switch (ref.kind) {
    case 'node':
      return `element ${ref.id}`;
    case 'handler':
      return `handler ${ref.name}`;
    case 'state':
      return `state field ${ref.name}`;
    case 'component':
      return `component ${ref.name}`;
  }
}

/**
 * The existing nodes a batch changes, each once, at most `max` (what the AI's presence frames on
 * the others' canvases).
 */
export function touchedNodes(ops: readonly unknown[], max = 32): string[] {
  const out: string[] = [];
  for (const op of ops.slice(0, 1000))
    for (const id of opRefs(op).touches) {
      if (out.length >= max) return out;
      if (!out.includes(id)) out.push(id);
    }
  return out;
}

/**
 * `op` with the node ids a previous apply gave its temporary ids (`idMap`): an op left out of a
 * partial apply that adds under, or changes, an element added then refers to it by its real id.
 */
export function withIds(op: unknown, idMap: Readonly<Record<string, string>>): unknown {
  if (!isRecord(op)) return op;
  const mapped = (v: unknown) => (typeof v === 'string' && Object.hasOwn(idMap, v) ? idMap[v] : v);
  const out: Json = { ...op };
  if (op.op === 'addNode') out.parent = mapped(op.parent);
  if (['removeNode', 'moveNode', 'setProp', 'unsetProp'].includes(op.op as string))
    out.id = mapped(op.id);
  if (op.op === 'moveNode') out.parent = mapped(op.parent);
  return out;
}
