/**
 * What the server lets through of the awareness (presence) states connections send: a viewer's
 * are dropped; a connection speaks only for the awareness clients it introduced, and for a few at
 * most; a state of the wrong shape or size is dropped and its sender told, and closed at the
 * third within a while; everyone else's `user` is overwritten with who the connection is.
 */
import type { Connection, Document } from '@hocuspocus/server';
import { editError } from '../ops/errors';
import type { CollabContext } from './collab-admission';
import { colorFor, presenceProblem, presentName } from '../collab/presence';
import { CLOSE } from '../collab/protocol';

/** Dropped presence states a connection may send within STRIKE_WINDOW_MS before it is closed. */
const MAX_PRESENCE_STRIKES = 3;

/**
 * How long a strike counts. Why a window and not a count for life: strikes are there to close a
 * connection that keeps sending states the server must drop (a loop, a hostile peer), which
 * sends its three within a second. A studio left open for days that sends one bad state now and
 * then (an old tab after an upgrade, a rare bug) is not that, and was eventually cut as if it
 * were. Ten minutes still closes anything that repeats faster than every few minutes, and a
 * connection that waits out the window gets one dropped state per few minutes through the
 * guard: nothing of it is broadcast, and each costs the server one size check and one notice.
 */
export const STRIKE_WINDOW_MS = 10 * 60 * 1000;

/**
 * Awareness clients one connection may speak for. A provider publishes one (its document's
 * client id) on each connection; a few more leave room for a client id Yjs changes after a
 * clash. A raw peer used to introduce 2,000 clients in one frame, each a presence (and an
 * assistant) drawn in every studio of the app.
 */
export const MAX_PRESENCE_CLIENTS = 4;

/** The awareness judge of one collaboration server: who introduced each client, and strikes. */
export class PresenceGuard {
  /** Awareness client ids and the connection that introduced each. */
  private readonly owners = new Map<number, Connection<CollabContext>>();
  /** The clients each connection introduced. */
  private readonly clients = new WeakMap<Connection<CollabContext>, Set<number>>();
  /** When each connection's recent dropped states were sent (within STRIKE_WINDOW_MS). */
  private readonly strikes = new WeakMap<Connection<CollabContext>, number[]>();
  /**
   * The clients the awareness frame being handled names (awareness-frame.ts), set just before
   * Hocuspocus applies it: a connection's messages are handled one at a time.
   */
  private readonly sent = new WeakMap<Connection<CollabContext>, ReadonlySet<number>>();
  /** The clock (milliseconds); tests pass their own. */
  private readonly now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
  }

  /** The clients the connection's next awareness update names, read off its frame. */
  framed(connection: Connection<CollabContext>, clients: ReadonlySet<number>): void {
    this.sent.set(connection, clients);
  }

  /** Rewrites (or drops) the states of one awareness update before it is applied and broadcast. */
  judge(
    states: Map<number, Record<string, unknown>>,
    context: CollabContext,
    connection: Connection<CollabContext>
  ): void {
    const sent = this.sent.get(connection);
    this.sent.delete(connection);
    if (context.actor.role === 'viewer') {
      states.clear();
      return;
    }
    const mine = this.clients.get(connection) ?? new Set<number>();
    this.clients.set(connection, mine);
    for (const [client, state] of [...states]) {
      // Not in the frame: the scratch awareness' own client (awareness-frame.ts), nobody's. It
      // used to be recorded as the sender's, one more on every message.
      if (sent && !sent.has(client)) {
        states.delete(client);
        continue;
      }
      const owner = this.owners.get(client);
      if (owner && owner !== connection) {
        states.delete(client);
        continue;
      }
      if (!mine.has(client) && mine.size >= MAX_PRESENCE_CLIENTS) {
        states.delete(client);
        const problem = `a connection speaks for at most ${MAX_PRESENCE_CLIENTS} presence clients`;
        if (this.strike(connection, problem)) {
          states.clear();
          return;
        }
        continue;
      }
      mine.add(client);
      this.owners.set(client, connection);
      // An awareness update with a null state is a client leaving: nothing to rewrite.
      if (!state || typeof state !== 'object') continue;
      // Known fields of their shapes, 8 KB at most (presence.ts): anything else is dropped,
      // not broadcast (a 1.5 MB field reached every studio), and the sender is told; a
      // connection that keeps sending such states is closed.
      const problem = presenceProblem(state);
      if (problem) {
        states.delete(client);
        if (this.strike(connection, problem)) {
          states.clear();
          return;
        }
        continue;
      }
      const user = (state.user ?? {}) as Record<string, unknown>;
      state.user = {
        id: context.actor.id,
        // A link holder named "Owner" is shown with the link's role beside the name.
        name: presentName(
          context.actor.name ?? context.actor.id,
          context.actor.id,
          context.actor.role
        ),
        role: context.actor.role ?? 'owner',
        color:
          typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color)
            ? user.color
            : colorFor(context.actor.id)
      };
    }
  }

  /** Forgets the clients of a connection that left (and of any no longer on the document). */
  forget(context: CollabContext, document: Document): void {
    for (const [client, connection] of this.owners)
      if (connection.context === context || !document.connections.has(connection))
        this.owners.delete(client);
  }

  /**
   * Tells a connection its presence state was dropped (a stateless `presence` notice, which the
   * studio does not mistake for a refused update), and closes it at the third time within
   * STRIKE_WINDOW_MS. True when it closed the connection: the rest of its update is dropped.
   */
  private strike(connection: Connection<CollabContext>, problem: string): boolean {
    const error = editError('E_AWARENESS_INVALID', problem);
    const now = this.now();
    const recent = (this.strikes.get(connection) ?? []).filter((at) => now - at < STRIKE_WINDOW_MS);
    recent.push(now);
    this.strikes.set(connection, recent);
    connection.sendStateless(JSON.stringify({ type: 'presence', errors: [error] }));
    if (recent.length < MAX_PRESENCE_STRIKES) return false;
    connection.close({
      code: CLOSE.invalid,
      reason: `${error.code}: ${error.message}`.slice(0, 120)
    } as CloseEvent);
    return true;
  }
}
