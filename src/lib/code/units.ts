/**
 * Code units: every piece of code an app holds (each `{$expr}` prop value, each handler body), with
 * the context it runs in: its component, the node and prop it belongs to, and the loops (Each
 * elements) around it whose item variables it may read. Every stage of the compile gate (parse,
 * policy, type check, loop guard, module form) walks these, so they agree on what code exists.
 */
import { childrenOf, type AppModel, type NodeRecord } from '../model/types';

/** One Each element around a unit: its node id, its loop variable, its items expression. */
export interface LoopScope {
  readonly each: string;
  readonly as: string;
  readonly items: string;
}

/** An expression prop value of one node. */
export interface ExprUnit {
  readonly kind: 'expr';
  readonly component: string;
  readonly node: string;
  readonly type: string;
  readonly prop: string;
  readonly source: string;
  /** Loops around the expression, outermost first (an Each's own `items` is outside its loop, its `key` inside). */
  readonly loops: readonly LoopScope[];
}

/** A handler body, with every place a node's prop refers to it. */
export interface HandlerUnit {
  readonly kind: 'handler';
  readonly component: string;
  readonly handler: string;
  readonly params: readonly string[];
  readonly source: string;
  readonly uses: readonly HandlerUse[];
}

/** One prop that names a handler: where the event comes from, and the loops around that node. */
export interface HandlerUse {
  readonly node: string;
  readonly type: string;
  readonly prop: string;
  readonly loops: readonly LoopScope[];
}

export type CodeUnit = ExprUnit | HandlerUnit;

/** A short name for a unit in messages: `Button b7.label` or `handler addItem of App`. */
export function unitLabel(unit: CodeUnit, componentName?: string): string {
  return unit.kind === 'expr'
    ? `${unit.type} ${unit.node}.${unit.prop}`
    : `handler ${unit.handler}${componentName ? ` of ${componentName}` : ''}`;
}

function isExpr(value: unknown): value is { $expr: string } {
  return (
    !!value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { $expr?: unknown }).$expr === 'string'
  );
}

function isHandlerRef(value: unknown): value is { $handler: string } {
  return (
    !!value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { $handler?: unknown }).$handler === 'string'
  );
}

/** The loop scope an Each node opens, if it has an items expression. */
function scopeOf(node: NodeRecord): LoopScope | undefined {
  if (node.type !== 'Each' || !isExpr(node.props.items)) return undefined;
  return {
    each: node.id,
    as: typeof node.props.as === 'string' ? node.props.as : 'item',
    items: node.props.items.$expr
  };
}

/** Every code unit of one component, view expressions in document order, then handlers by name. */
export function componentUnits(model: AppModel, componentId: string): CodeUnit[] {
  const component = model.components.get(componentId);
  if (!component) return [];
  const exprs: ExprUnit[] = [];
  const uses = new Map<string, HandlerUse[]>();
  const walk = (id: string, loops: readonly LoopScope[]) => {
    const node = model.nodes.get(id);
    if (!node) return;
    const own = scopeOf(node);
    const inner = own ? [...loops, own] : loops;
    for (const [prop, value] of Object.entries(node.props)) {
      if (isExpr(value)) {
        // An Each's items are evaluated outside its own loop; everything else of it inside.
        const at = node.type === 'Each' && prop === 'items' ? loops : inner;
        exprs.push({
          kind: 'expr',
          component: componentId,
          node: id,
          type: node.type,
          prop,
          source: value.$expr,
          loops: at
        });
      } else if (isHandlerRef(value)) {
        let list = uses.get(value.$handler);
        if (!list) uses.set(value.$handler, (list = []));
        list.push({ node: id, type: node.type, prop, loops: inner });
      }
    }
    for (const child of childrenOf(model, id)) walk(child, inner);
  };
  walk(component.root, []);
  const handlers: HandlerUnit[] = Object.entries(component.handlers)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, h]) => ({
      kind: 'handler',
      component: componentId,
      handler: name,
      params: h.params,
      source: h.body,
      uses: uses.get(name) ?? []
    }));
  return [...exprs, ...handlers];
}
