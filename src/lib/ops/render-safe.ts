/**
 * Which batches cannot change what any view's code does, so the compile gate's last stage (a dry
 * run of the whole app in the sandbox) has nothing to find in them: literal props of built-in
 * elements, moves, removals, new built-in elements with literal props only, the title and theme.
 * A literal is data the element draws; no expression, handler or component code reads it
 * (component code sees state, its own declared props and loop items), so it cannot make a view
 * throw. Everything else (expressions, handlers, bindings, state, user component instances,
 * whose props their code reads) still gets the dry run.
 */
import type { AppModel } from '../model/types';
import { elementSchema } from '../schema/elements';

/** A prop value with no `$expr`, `$handler` or `$bind` anywhere in it: plain data an element draws. */
export function isLiteral(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(isLiteral);
  const record = value as Record<string, unknown>;
  if ('$expr' in record || '$handler' in record || '$bind' in record) return false;
  return Object.values(record).every(isLiteral);
}

interface Spec {
  readonly type?: unknown;
  readonly props?: unknown;
  readonly children?: unknown;
}

function literalBuiltIn(spec: Spec): boolean {
  if (typeof spec.type !== 'string' || !elementSchema(spec.type)) return false;
  if (spec.props !== undefined && !isLiteral(spec.props)) return false;
  if (spec.children === undefined) return true;
  return Array.isArray(spec.children) && spec.children.every((c) => literalBuiltIn(c as Spec));
}

/**
 * True when no op of the (already planned) batch can make a view throw. `model` is the model the
 * batch was planned against, to see what a `setProp` targets.
 */
export function renderSafe(model: AppModel, ops: readonly unknown[]): boolean {
  return ops.every((raw) => {
    const op = raw as Record<string, unknown>;
    switch (op.op) {
      case 'setMeta':
      case 'moveNode':
      case 'removeNode':
        return true;
      case 'setProp':
      case 'unsetProp': {
        const node = typeof op.id === 'string' ? model.nodes.get(op.id) : undefined;
        return !!node && !!elementSchema(node.type) && isLiteral(op.value);
      }
      case 'addNode':
        return literalBuiltIn(op as Spec);
      default:
        return false;
    }
  });
}
