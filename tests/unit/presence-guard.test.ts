/**
 * The presence guard's strikes and client cap (collab-presence-guard.ts), with an injected clock
 * so hours pass without waiting. A well-behaved connection that sends a bad state now and then,
 * hours apart, is told each time and never closed; three bad states within the window still
 * close a connection at once, as does a flood of clients; a connection speaks for at most a few
 * awareness clients. The same guard over the real server is in tests/collab.
 */
import { describe, expect, it } from 'vitest';
import type { Connection } from '@hocuspocus/server';
import {
  MAX_PRESENCE_CLIENTS,
  PresenceGuard,
  STRIKE_WINDOW_MS
} from '../../src/lib/server/collab-presence-guard';
import type { CollabContext } from '../../src/lib/server/collab-admission';

const HOUR = 60 * 60 * 1000;

/** A connection that records what the guard tells it and whether it was closed. */
function fakeConnection(role: 'editor' | 'viewer' = 'editor') {
  const context: CollabContext = {
    actor: { id: `link:abc~${role}-1`, name: 'Mallory', role },
    appId: 'aaaaaaaaaa',
    jti: 'abc',
    exp: null
  };
  const told: string[] = [];
  const closed: { code: number; reason: string }[] = [];
  const connection = {
    context,
    sendStateless: (payload: string) => told.push(payload),
    close: (event: { code: number; reason: string }) => closed.push(event)
  } as unknown as Connection<CollabContext>;
  return { connection, context, told, closed };
}

/** A clock the test moves. */
function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, pass: (ms: number) => (t += ms) };
}

const good = () => ({ selection: 'n1', pointer: null, field: null, user: null });
const bad = () => ({ junk: 'x' });

/** One awareness update of `state` for `client`; what the guard let through. */
function send(
  guard: PresenceGuard,
  c: ReturnType<typeof fakeConnection>,
  client: number,
  state: Record<string, unknown>
): Map<number, Record<string, unknown>> {
  const states = new Map([[client, state]]);
  guard.judge(states, c.context, c.connection);
  return states;
}

describe('strikes decay', () => {
  it('a long-lived connection with a bad state every few hours is told each time and never closed', () => {
    const time = clock();
    const guard = new PresenceGuard({ now: time.now });
    const c = fakeConnection();
    for (let i = 0; i < 24; i++) {
      expect(send(guard, c, 7, bad()).size).toBe(0);
      expect(send(guard, c, 7, good()).size).toBe(1);
      time.pass(3 * HOUR);
    }
    expect(c.told).toHaveLength(24);
    expect(c.told.every((t) => t.includes('E_AWARENESS_INVALID'))).toBe(true);
    expect(c.closed).toEqual([]);
  });

  it('three bad states within the window still close it, at the third', () => {
    const time = clock();
    const guard = new PresenceGuard({ now: time.now });
    const c = fakeConnection();
    send(guard, c, 7, bad());
    time.pass(STRIKE_WINDOW_MS / 2);
    send(guard, c, 7, bad());
    expect(c.closed).toEqual([]);
    time.pass(STRIKE_WINDOW_MS / 2 - 1);
    send(guard, c, 7, bad());
    expect(c.closed).toHaveLength(1);
    expect(c.closed[0].code).toBe(4422);
    expect(c.closed[0].reason).toMatch(/^E_AWARENESS_INVALID/);
  });

  it('only strikes inside the window count: the oldest one expires exactly at its end', () => {
    const time = clock();
    const guard = new PresenceGuard({ now: time.now });
    const c = fakeConnection();
    send(guard, c, 7, bad());
    time.pass(STRIKE_WINDOW_MS / 2);
    send(guard, c, 7, bad());
    time.pass(STRIKE_WINDOW_MS / 2);
    // The first is now a window old: two count, not three.
    send(guard, c, 7, bad());
    expect(c.closed).toEqual([]);
    // The next within the window of the second and third closes it.
    time.pass(1000);
    send(guard, c, 7, bad());
    expect(c.closed).toHaveLength(1);
  });

  it('a loop of bad states is closed within its first three, as before', () => {
    const guard = new PresenceGuard({ now: () => 0 });
    const c = fakeConnection();
    for (let i = 0; i < 3; i++) send(guard, c, 7, bad());
    expect(c.told).toHaveLength(3);
    expect(c.closed).toHaveLength(1);
  });
});

describe('the clients a connection speaks for', () => {
  it(`at most ${MAX_PRESENCE_CLIENTS}: a flood in one update is cut and the connection closed`, () => {
    const guard = new PresenceGuard({ now: () => 0 });
    const c = fakeConnection();
    const states = new Map(Array.from({ length: 2000 }, (_, i) => [1000 + i, good()] as const));
    guard.judge(states, c.context, c.connection);
    expect(states.size).toBe(0);
    expect(c.closed).toHaveLength(1);
    expect(c.told.at(-1)).toContain(`at most ${MAX_PRESENCE_CLIENTS} presence clients`);
  });

  it('its own client again and again is not a new one', () => {
    const guard = new PresenceGuard({ now: () => 0 });
    const c = fakeConnection();
    for (let i = 0; i < 100; i++) expect(send(guard, c, 7, good()).size).toBe(1);
    for (let client = 8; client < 7 + MAX_PRESENCE_CLIENTS; client++)
      expect(send(guard, c, client, good()).size).toBe(1);
    expect(send(guard, c, 99, good()).size).toBe(0);
    expect(c.closed).toEqual([]);
    expect(c.told).toHaveLength(1);
  });

  it('another connection’s client is dropped, and the user is who the connection is', () => {
    const guard = new PresenceGuard({ now: () => 0 });
    const ann = fakeConnection();
    const mallory = fakeConnection();
    send(guard, ann, 7, good());
    expect(send(guard, mallory, 7, { ...good(), selection: 'n2' }).size).toBe(0);
    const own = send(guard, mallory, 8, { ...good(), user: { id: 'ann', name: 'Ann' } });
    expect((own.get(8)!.user as { id: string; name: string }).id).toBe(mallory.context.actor.id);
    expect((own.get(8)!.user as { id: string; name: string }).name).toBe('Mallory');
  });

  it('a viewer’s states are all dropped, without a strike', () => {
    const guard = new PresenceGuard({ now: () => 0 });
    const v = fakeConnection('viewer');
    for (let i = 0; i < 10; i++) expect(send(guard, v, 7, bad()).size).toBe(0);
    expect(v.told).toEqual([]);
    expect(v.closed).toEqual([]);
  });
});

describe('the clients a frame names', () => {
  it('a client the frame does not name (Hocuspocus’ scratch awareness’ own) is dropped and never counted', () => {
    const guard = new PresenceGuard({ now: () => 0 });
    const c = fakeConnection();
    // Every message's scratch awareness has a new client of its own, state {}.
    for (let i = 0; i < 50; i++) {
      guard.framed(c.connection, new Set([7]));
      const states = new Map<number, Record<string, unknown>>([
        [100_000 + i, {}],
        [7, good()]
      ]);
      guard.judge(states, c.context, c.connection);
      expect([...states.keys()]).toEqual([7]);
    }
    expect(c.told).toEqual([]);
    expect(c.closed).toEqual([]);
  });
});
