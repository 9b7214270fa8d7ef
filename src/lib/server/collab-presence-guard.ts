/**
 * What the server lets through of the awareness (presence) states connections send: a viewer's
 * are dropped; a connection speaks only for the awareness clients it introduced; a state of the
 * wrong shape or size is dropped and its sender told, and closed at the third; everyone else's
 * `user` is overwritten with who the connection is.
 */
import type { Connection, Document } from '@hocuspocus/server';
import { editError } from '../ops/errors';
import type { CollabContext } from './collab-admission';
import { colorFor, presenceProblem, presentName } from '../collab/presence';
import { CLOSE } from '../collab/protocol';

/** Dropped presence states a connection may send before it is closed. */
const MAX_PRESENCE_STRIKES = 3;

/** The awareness judge of one collaboration server: who introduced each client, and strikes. */
export class PresenceGuard {
  /** Awareness client ids and the connection that introduced each. */
  private readonly owners = new Map<number, Connection<CollabContext>>();
  /** How many presence states each connection sent that had to be dropped. */
  private readonly strikes = new WeakMap<Connection<CollabContext>, number>();

  /** Rewrites (or drops) the states of one awareness update before it is applied and broadcast. */
  judge(
    states: Map<number, Record<string, unknown>>,
    context: CollabContext,
    connection: Connection<CollabContext>
  ): void {
    if (context.actor.role === 'viewer') {
      states.clear();
      return;
    }
    for (const [client, state] of [...states]) {
      const owner = this.owners.get(client);
      if (owner && owner !== connection) {
        states.delete(client);
        continue;
      }
      this.owners.set(client, connection);
      // An awareness update with a null state is a client leaving: nothing to rewrite.
      if (!state || typeof state !== 'object') continue;
      // Known fields of their shapes, 8 KB at most (presence.ts): anything else is dropped,
      // not broadcast (a 1.5 MB field reached every studio), and the sender is told; a
      // connection that keeps sending such states is closed.
      const problem = presenceProblem(state);
      if (problem) {
        states.delete(client);
        this.strike(connection, problem);
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
   * studio does not mistake for a refused update), and closes it at the third time.
   */
  private strike(connection: Connection<CollabContext>, problem: string): void {
    const error = editError('E_AWARENESS_INVALID', problem);
    const strikes = (this.strikes.get(connection) ?? 0) + 1;
    this.strikes.set(connection, strikes);
    connection.sendStateless(JSON.stringify({ type: 'presence', errors: [error] }));
    if (strikes >= MAX_PRESENCE_STRIKES)
      connection.close({
        code: CLOSE.invalid,
        reason: `${error.code}: ${error.message}`.slice(0, 120)
      } as CloseEvent);
  }
}
