/**
 * `malleable run APP.json [--events EVENTS.json]`: the app, headless, in the real sandbox (a
 * worker with SES). Events are dispatched in order as a person's clicks and typing would be:
 *
 *   [{ "node": "b7", "event": "click" }, { "node": "i2", "event": "input", "value": "milk" }]
 *
 * `node` is a node id; inside an Each, `key` (the item's key) or `index` (the n-th rendering of
 * that id, default 0) picks one row. Events: click, input (value), change (value or checked),
 * submit. The result is `{ state, view, errors }`, after the answers to the app's network requests
 * (to origins confirmed with --allow-network, see ./network.ts) have reached their handlers.
 */
import { editError, type EditError } from '../ops/errors';
import type { SandboxChecks } from '../ops/commit';
import type { AppModel, JsonValue } from '../model/types';
import { SandboxHost, type ViewNode } from '../runtime/host';
import { nodeProcessPort } from '../runtime/port';

/** One event of an EVENTS.json file. */
export interface ScriptedEvent {
  readonly node: string;
  readonly event: 'click' | 'input' | 'change' | 'submit';
  readonly value?: JsonValue;
  readonly checked?: boolean;
  readonly key?: string;
  readonly index?: number;
}

/** Checks the shape of an events file; returns the events or the first problem. */
export function readEvents(
  value: unknown
): { ok: true; events: ScriptedEvent[] } | { ok: false; error: EditError } {
  if (!Array.isArray(value))
    return { ok: false, error: editError('E_FIELD_TYPE', 'EVENTS.json must be a list of events') };
  for (const [i, e] of value.entries()) {
    const ev = e as Record<string, unknown>;
    if (
      !ev ||
      typeof ev !== 'object' ||
      typeof ev.node !== 'string' ||
      !['click', 'input', 'change', 'submit'].includes(String(ev.event))
    ) {
      return {
        ok: false,
        error: editError(
          'E_FIELD_VALUE',
          `event ${i} needs "node" (an id) and "event" (click, input, change or submit)`,
          { path: `/${i}` }
        )
      };
    }
  }
  return { ok: true, events: value as ScriptedEvent[] };
}

function occurrences(view: ViewNode | null, id: string, out: ViewNode[] = []): ViewNode[] {
  if (!view) return out;
  if (view.id === id) out.push(view);
  for (const child of view.children ?? []) occurrences(child, id, out);
  return out;
}

function refOf(value: unknown): number | undefined {
  const ref = (value as { $ref?: unknown } | null)?.$ref;
  return typeof ref === 'number' ? ref : undefined;
}

/** The refs an event fires, in order, with their payloads. */
function plan(node: ViewNode, event: ScriptedEvent): [number, unknown][] {
  const steps: [number, unknown][] = [];
  const add = (prop: string, payload: unknown) => {
    const ref = refOf(node.props[prop]);
    if (ref !== undefined) steps.push([ref, payload]);
  };
  const bound = (prop: string) =>
    node.props[prop] as { $bind?: string; value?: unknown } | undefined;
  switch (event.event) {
    case 'click':
      add('onClick', {});
      break;
    case 'input':
      add('value', { value: event.value });
      add('onInput', { value: event.value });
      break;
    case 'change': {
      const checked = event.checked ?? event.value;
      if (bound('checked')?.$bind !== undefined || 'checked' in node.props) {
        add('checked', { value: checked });
        add('onChange', { checked });
      } else {
        add('value', { value: event.value });
        add('onChange', { value: event.value });
      }
      break;
    }
    case 'submit':
      add('onSubmit', { value: bound('value')?.value ?? '' });
      break;
  }
  return steps;
}

/** How long `run` waits, after the last event, for the app's network requests to be answered. */
const NETWORK_SETTLE_MS = 10_000;

/**
 * Counts the app's network requests and their endings, so `run` prints the state after the
 * responses' handlers ran: each request the host performs ends in a data update or in an incident
 * of its `then` handler.
 */
class RequestCounter {
  private started = 0;
  private ended = 0;
  private wake: (() => void) | null = null;

  /** The fetch handed to the host: the global one, counted. */
  readonly fetch: typeof fetch = (input, init) => {
    this.started++;
    return fetch(input, init);
  };

  /** One request's handler ran (or failed). */
  end(): void {
    this.ended++;
    this.wake?.();
  }

  /** Resolves when every request started so far has ended, or after `ms`. */
  async settled(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (this.ended < this.started && Date.now() < until) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, Math.max(0, until - Date.now()));
      });
      this.wake = null;
    }
  }
}

/** Runs the app and the events; never throws for the app's own failures (they are in `errors`). */
export async function runHeadless(
  model: AppModel,
  events: readonly ScriptedEvent[]
): Promise<{ state: unknown; view: unknown; errors: EditError[] }> {
  const errors: EditError[] = [];
  const requests = new RequestCounter();
  const host = new SandboxHost({
    port: () => nodeProcessPort(),
    spare: false,
    fetch: requests.fetch,
    onData: () => requests.end(),
    onIncident: (i) => {
      errors.push(i.error);
      if (i.running.endsWith('(a network response)')) requests.end();
    }
  });
  try {
    const loaded = await host.load(model);
    if (!loaded.ok) return { state: model.data, view: null, errors: [...loaded.errors] };
    for (const [i, event] of events.entries()) {
      const all = occurrences(host.view, event.node);
      const node =
        event.key !== undefined
          ? all.find((n) => n.key.endsWith(event.key!) || n.key.includes(`${event.key}`))
          : all[event.index ?? 0];
      if (!node) {
        errors.push(
          editError('E_NODE_NOT_FOUND', `event ${i}: no node "${event.node}" is on screen`, {
            path: `/${i}/node`
          })
        );
        continue;
      }
      const steps = plan(node, event);
      if (steps.length === 0) {
        errors.push(
          editError(
            'E_FIELD_VALUE',
            `event ${i}: ${node.type} ${node.id} does not take "${event.event}"`,
            { path: `/${i}/event` }
          )
        );
        continue;
      }
      for (const [ref, payload] of steps) {
        const result = await host.dispatch(ref, payload);
        if (!result.ok) errors.push(...result.errors);
      }
    }
    await requests.settled(NETWORK_SETTLE_MS);
    return { state: host.data, view: host.view, errors };
  } finally {
    await host.dispose();
  }
}

/**
 * Runs `fn` with the sandbox stages of a commit (migrations, dry run) backed by a sandbox that is
 * started only if a stage is needed, and stopped afterwards.
 */
export async function withSandboxChecks<T>(fn: (checks: SandboxChecks) => Promise<T>): Promise<T> {
  let host: SandboxHost | undefined;
  const sandbox = () => (host ??= new SandboxHost({ port: () => nodeProcessPort(), spare: false }));
  try {
    return await fn({
      migrate: (source, value) => sandbox().migrate(source, value),
      dryRun: (model, before) => sandbox().sandboxChecks().dryRun!(model, before)
    });
  } finally {
    await host?.dispose();
  }
}
