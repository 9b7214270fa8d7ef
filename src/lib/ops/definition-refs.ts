/**
 * What the definition appliers look up and refuse alike: reserved names, where a state field or
 * handler is used (bindings and event props), a component's state field, whether a component is
 * the app's root. Throws the planner's coded failures (apply.ts `fail`).
 */
import type { ComponentRecord, NodeRecord, StateField } from '../model/types';
import { fail, type PlanState } from './apply';

/** Words that cannot name a handler or state field: the generated code would not parse or would shadow what the sandbox gives. */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval undefined NaN Infinity ' +
    'state props event caps h constructor prototype __proto__'
  ).split(' ')
);

export function checkName(name: string, what: string, index: number, path: string): void {
  if (RESERVED.has(name))
    fail(
      'E_NAME_RESERVED',
      `"${name}" is reserved and cannot name a ${what}; pick another name`,
      index,
      path
    );
}

/** Nodes of one component. */
function nodesOf(state: PlanState, component: ComponentRecord): NodeRecord[] {
  return state.draft.subtree(component.root).map((id) => state.draft.nodes.get(id)!);
}

/** Nodes of a component with a prop value of a given kind naming `target`. */
export function usesOf(
  state: PlanState,
  component: ComponentRecord,
  kind: '$bind' | '$handler',
  target: string
): { node: NodeRecord; prop: string }[] {
  const out: { node: NodeRecord; prop: string }[] = [];
  for (const node of nodesOf(state, component)) {
    for (const [prop, value] of Object.entries(node.props)) {
      if (
        value &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        (value as Record<string, unknown>)[kind] === target
      )
        out.push({ node, prop });
    }
  }
  return out;
}

export function listUses(uses: { node: NodeRecord; prop: string }[]): string {
  const shown = uses.slice(0, 3).map((u) => `${u.node.type} ${u.node.id}.${u.prop}`);
  return shown.join(', ') + (uses.length > 3 ? ` and ${uses.length - 3} more` : '');
}

/** The state field `name` of a component, or the op is refused. */
export function stateField(
  component: ComponentRecord,
  name: string,
  index: number,
  path: string
): StateField {
  if (!Object.hasOwn(component.state, name)) {
    fail('E_STATE_NOT_FOUND', `${component.name} has no state field "${name}"`, index, path);
  }
  return component.state[name];
}

export function isRoot(state: PlanState, component: ComponentRecord): boolean {
  return state.draft.meta.root === component.id;
}
