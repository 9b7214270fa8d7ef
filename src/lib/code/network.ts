/**
 * The network stage of the compile gate (issue 12, "Network means network"): every literal
 * address in a component (each prop whose element schema says `x-url`, ../schema/urls.ts) points
 * to this app's own server, an inline picture, an anchor, a mailto: link, or an origin in the
 * component's network capability. Anything else is refused with `E_NETWORK_ORIGIN`.
 *
 * Why a gate stage and not an op check: the verdict depends on the capabilities at the end of the
 * batch (a `setCapabilities` later in the batch may grant the origin, or revoke it under an image
 * that is already there), and the gate runs on every path a change comes in by (an HTTP batch, a
 * peer's live update, a restore, an AI turn, the CLI), so one rule holds for all of them.
 *
 * An expression's value is known only when it runs: the element components judge it at render with
 * the same function, and draw a "blocked" placeholder instead of loading it.
 */
import { editError, type EditError } from '../ops/errors';
import { childrenOf, type AppModel, type NodeRecord } from '../model/types';
import { judgeUrl, originSet, urlProps } from '../schema/urls';

/** The origins (canonical, http(s)) that a component's network capability grants. */
export function grantedOrigins(model: AppModel, componentId: string): ReadonlySet<string> {
  return originSet(model.components.get(componentId)?.capabilities.network?.origins);
}

/**
 * The origins the page may load an address of node `nodeId` from: those of the component the node
 * belongs to, per the model (an id the model lacks gets none). The studio's canvas hands this to the
 * element components (../elements/network.ts).
 */
export function nodeOrigins(model: AppModel, nodeId: string | undefined): ReadonlySet<string> {
  const node = nodeId === undefined ? undefined : model.nodes.get(nodeId);
  return node ? grantedOrigins(model, node.component) : NO_ORIGINS;
}
const NO_ORIGINS: ReadonlySet<string> = new Set();

/** `E_NETWORK_ORIGIN` for each literal address of component `componentId` it may not reach. */
export function networkErrors(model: AppModel, componentId: string): EditError[] {
  const component = model.components.get(componentId);
  if (!component) return [];
  const granted = grantedOrigins(model, componentId);
  const errors: EditError[] = [];
  const stack = [component.root];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const node = model.nodes.get(id);
    if (!node) continue;
    for (const kid of childrenOf(model, id)) stack.push(kid);
    nodeErrors(node, component.name, granted, errors);
  }
  return errors;
}

/**
 * `E_NETWORK_ORIGIN` for the literal addresses of the nodes `ids` only: enough for a batch that
 * grants and revokes nothing, since then only an address it wrote can be new (the studio checks
 * its own visual edits this way before it writes them; the server's gate still checks whole
 * components).
 */
export function nodeNetworkErrors(model: AppModel, ids: Iterable<string>): EditError[] {
  const errors: EditError[] = [];
  for (const id of ids) {
    const node = model.nodes.get(id);
    const component = node && model.components.get(node.component);
    if (node && component)
      nodeErrors(node, component.name, grantedOrigins(model, node.component), errors);
  }
  return errors;
}

function nodeErrors(
  node: NodeRecord,
  componentName: string,
  granted: ReadonlySet<string>,
  errors: EditError[]
): void {
  for (const [prop, kind] of urlProps(node.type)) {
    const value = Object.hasOwn(node.props, prop) ? node.props[prop] : undefined;
    if (typeof value !== 'string') continue;
    const verdict = judgeUrl(kind, value, granted);
    if (verdict.ok || verdict.code !== 'E_NETWORK_ORIGIN') continue;
    const allowed = [...granted];
    errors.push(
      editError(
        'E_NETWORK_ORIGIN',
        `${node.type} ${node.id}.${prop} points to ${verdict.origin}, which ${componentName}'s ` +
          `network capability does not allow (${allowed.length ? `it allows ${allowed.join(', ')}` : 'it allows no origin'}); ` +
          `use a path on this app${kind === 'image' ? ' or a data:image/ picture' : ''}, or ask the owner to grant the origin`,
        { path: `/nodes/${node.id}/props/${prop}` }
      )
    );
  }
}
