/**
 * Who else is in this app's studio, and what this tab tells them (Yjs awareness over the live
 * connection): this person's name, colour and role, the selected node, the pointer over the
 * canvas and the inspector field being edited. Presence.svelte, the canvas's peer layer and
 * field-presence.svelte.ts read `peers`.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { readPeer, type Peer, type PresenceState } from '../collab/presence';

/** This tab's presence and everyone else's. */
export class StudioPresence {
  /** Everyone else in this app's studio now (not this tab), in a stable order. */
  peers = $state.raw<Peer[]>([]);
  /** What this tab published last; null until `start` (no collaboration: nothing to publish). */
  private mine: PresenceState | null = null;

  /** `provider`: the live connection's provider now (it changes: null once it ends). */
  constructor(private readonly provider: () => HocuspocusProvider | null) {}

  /** Publishes `user` (who this tab is), with nothing selected, pointed at or edited yet. */
  start(user: PresenceState['user']): void {
    this.mine = { user, selection: null, pointer: null, field: null };
    this.provider()?.setAwarenessField('user', user);
  }

  /**
   * Publishes `selection()` whenever it changes, wherever it was changed from. Returns the stop.
   */
  follow(selection: () => string | null): () => void {
    return $effect.root(() => {
      $effect(() => {
        const selected = selection();
        this.publish({ selection: selected });
      });
    });
  }

  /** Reads everyone else's presence again (the awareness changed). */
  read(): void {
    const awareness = this.provider()?.awareness;
    if (!awareness) return;
    const me = awareness.clientID;
    const peers: Peer[] = [];
    for (const [client, state] of awareness.getStates()) {
      if (client === me) continue;
      const peer = readPeer(client, state);
      if (peer) peers.push(peer);
    }
    peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
    this.peers = peers;
  }

  /** Publishes the fields of `change` that differ from what this tab published last. */
  publish(change: Partial<Omit<PresenceState, 'user'>>): void {
    const provider = this.provider();
    if (!provider || !this.mine) return;
    for (const [key, value] of Object.entries(change)) {
      if (JSON.stringify(this.mine[key as keyof PresenceState]) === JSON.stringify(value)) continue;
      this.mine = { ...this.mine, [key]: value };
      provider.setAwarenessField(key, value);
    }
  }
}
