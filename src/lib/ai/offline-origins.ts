/**
 * A link or a picture at an outside address needs its origin granted (issue 12): the compile
 * gate refuses a Link whose `href`, or an Image whose `src`, points to an origin its component's
 * network capability does not allow. A planned batch that adds one (or changes one's address)
 * therefore also grants that origin with `setCapabilities`, so the proposal applies instead of
 * failing at the gate; a batch that changes capabilities is marked for the owner's explicit
 * approval in the sidebar (protocol.ts `needsApproval`), so nothing is granted behind anyone's
 * back. Only literal http(s) addresses are read: an address an expression builds is the code's
 * business, and the gate still judges it. Pure.
 */
import type { AppModel, Capabilities, Op } from '../model/types';
import type { NodeSpec } from '../schema/types.generated';
import type { OfflineTurn } from './offline-turn';

/** The prop of each element type that loads or opens an address. */
const ADDRESS_PROP: Readonly<Record<string, string>> = { Link: 'href', Image: 'src' };

/** The origin of an http(s) address, or null for anything else (a path, mailto:, data:). */
function originOf(value: unknown): string | null {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/** Each component's outside origins the batch's Links and Images use, by component id. */
function originsUsed(model: AppModel, ops: readonly Op[]): Map<string, Set<string>> {
  /** The component of each node the batch adds (its type is in `types`), by id, as the ops go. */
  const added = new Map<string, string>();
  const types = new Map<string, string>();
  const used = new Map<string, Set<string>>();
  const use = (component: string | undefined, value: unknown) => {
    const origin = originOf(value);
    if (!component || !origin) return;
    const set = used.get(component) ?? new Set<string>();
    set.add(origin);
    used.set(component, set);
  };
  /** A new element and the ones given inside it, all in the component of its parent. */
  const visit = (spec: NodeSpec, component: string | undefined) => {
    if (typeof spec.id === 'string') {
      types.set(spec.id, spec.type);
      if (component) added.set(spec.id, component);
    }
    const prop = ADDRESS_PROP[spec.type];
    if (prop) use(component, spec.props?.[prop]);
    for (const child of spec.children ?? []) visit(child, component);
  };
  for (const op of ops) {
    if (op.op === 'addNode') {
      visit(op, model.nodes.get(op.parent)?.component ?? added.get(op.parent));
    } else if (op.op === 'setProp') {
      const node = model.nodes.get(op.id);
      const type = node?.type ?? types.get(op.id);
      if (type && ADDRESS_PROP[type] === op.name)
        use(node?.component ?? added.get(op.id), op.value);
    }
  }
  return used;
}

/**
 * The turn with `setCapabilities` added for every outside origin its batch's Links and Images
 * use that their component was not granted; any other turn as it is.
 */
export function grantOrigins(model: AppModel, turn: OfflineTurn): OfflineTurn {
  if (turn.kind !== 'batch') return turn;
  const grants: Op[] = [];
  const words: string[] = [];
  for (const [id, origins] of originsUsed(model, turn.ops)) {
    const component = model.components.get(id);
    if (!component) continue;
    const caps: Capabilities = component.capabilities;
    const granted = caps.network?.origins ?? [];
    const missing = [...origins].filter((origin) => !granted.includes(origin));
    if (!missing.length) continue;
    grants.push({
      op: 'setCapabilities',
      component: component.name,
      capabilities: { ...caps, network: { origins: [...granted, ...missing] } }
    });
    words.push(`let ${component.name} reach ${missing.join(' and ')}`);
  }
  if (!grants.length) return turn;
  return {
    ...turn,
    ops: [...turn.ops, ...grants],
    summary: `${turn.summary}, and ${words.join(', ')} (the owner approves this)`
  };
}
