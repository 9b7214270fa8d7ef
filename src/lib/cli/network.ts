/**
 * `--allow-network ORIGIN` (issue 12): an app file, or a JSX file being imported, is untrusted
 * input, and its components' network capabilities are the file's own word. Run as they are, a
 * file downloaded from anywhere would grant itself any origin and send what it computes there
 * (`malleable run` performs the requests; `malleable import` prints ops that grant them). So the
 * CLI keeps only the origins the person running it confirmed on the command line and says, in one
 * line on stderr, which it ignored.
 */
import { editError, type EditError } from '../ops/errors';
import type { AppModel, Capabilities, ComponentRecord, Op } from '../model/types';
import { canonicalOrigin, originSet } from '../schema/urls';

/** The confirmed origins from the `--allow-network` values, or a usage error for a malformed one. */
export function confirmedOrigins(
  values: readonly string[] | undefined
): { ok: true; origins: ReadonlySet<string> } | { ok: false; error: EditError } {
  const origins = new Set<string>();
  for (const value of values ?? []) {
    const origin = canonicalOrigin(value);
    if (!origin)
      return {
        ok: false,
        error: editError(
          'E_USAGE',
          `--allow-network takes an origin such as https://api.example.com, not "${value}"`
        )
      };
    origins.add(origin);
  }
  return { ok: true, origins };
}

/** One origin a file granted that was not confirmed, with the component that asked for it. */
export interface IgnoredOrigin {
  readonly component: string;
  readonly origin: string;
}

/** `capabilities` with its network origins cut to `keep`; the origins cut go to `ignored`. */
function cut(
  component: string,
  capabilities: Capabilities,
  keep: (origin: string) => boolean,
  ignored: IgnoredOrigin[]
): Capabilities {
  const network = capabilities.network;
  // A malformed capability is left for the planner's shape check to refuse.
  if (!network || !Array.isArray(network.origins)) return capabilities;
  const kept: string[] = [];
  for (const origin of network.origins) {
    const canonical = typeof origin === 'string' ? canonicalOrigin(origin) : null;
    if (canonical && keep(canonical)) kept.push(origin);
    else ignored.push({ component, origin: String(origin) });
  }
  // The capability stays, with fewer origins: code that calls `caps.network` still compiles,
  // and a request to an origin that was cut fails as E_CAPABILITY when it is made.
  return { ...capabilities, network: { origins: kept } };
}

/** The model with every component's network origins cut to the confirmed ones. */
export function confirmModelNetwork(
  model: AppModel,
  confirmed: ReadonlySet<string>
): { model: AppModel; ignored: IgnoredOrigin[] } {
  const ignored: IgnoredOrigin[] = [];
  const components = new Map<string, ComponentRecord>();
  for (const [id, c] of model.components) {
    const capabilities = cut(c.name, c.capabilities, (o) => confirmed.has(o), ignored);
    components.set(id, capabilities === c.capabilities ? c : { ...c, capabilities });
  }
  return ignored.length === 0 ? { model, ignored } : { model: { ...model, components }, ignored };
}

/**
 * The batch with each `setCapabilities` cut to the origins its component already has in `model`
 * (what the app's owner granted before) or that were confirmed; a `setCapabilities` left equal to
 * what the component has is dropped.
 */
export function confirmOpsNetwork(
  ops: readonly Op[],
  model: AppModel,
  confirmed: ReadonlySet<string>
): { ops: Op[]; ignored: IgnoredOrigin[] } {
  const ignored: IgnoredOrigin[] = [];
  const out: Op[] = [];
  for (const op of ops) {
    if (op.op !== 'setCapabilities') {
      out.push(op);
      continue;
    }
    const current = [...model.components.values()].find((c) => c.name === op.component);
    const had = originSet(current?.capabilities.network?.origins);
    const capabilities = cut(
      op.component,
      op.capabilities,
      (o) => had.has(o) || confirmed.has(o),
      ignored
    );
    if (current && sameCapabilities(current.capabilities, capabilities)) continue;
    out.push({ ...op, capabilities });
  }
  return { ops: out, ignored };
}

function sameCapabilities(a: Capabilities, b: Capabilities): boolean {
  const norm = (c: Capabilities) =>
    JSON.stringify({
      clock: c.clock === true,
      random: c.random === true,
      log: c.log === true,
      network: c.network ? [...originSet(c.network.origins)].sort() : null
    });
  return norm(a) === norm(b);
}

/** The one-line notice for stderr, or null when nothing was ignored. */
export function ignoredNotice(ignored: readonly IgnoredOrigin[]): string | null {
  if (ignored.length === 0) return null;
  const list = ignored.map((i) => `${i.origin} (${i.component})`).join(', ');
  return (
    `malleable: ignored the network origins the file grants itself: ${list}; ` +
    'pass --allow-network ORIGIN to grant one'
  );
}
