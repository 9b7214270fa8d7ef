/**
 * Several instances behind a load balancer, when `REDIS_URL` is set: what they share beyond the
 * database (PostgreSQL, storage-postgres.ts).
 *
 * - Live editing: the Hocuspocus Redis extension relays every document's updates and awareness
 *   between the instances that have it open, so people connected to different instances edit
 *   together. An update reaches Redis only after the instance its writer is connected to checked
 *   it (collab-server.ts `beforeSync`); the others apply what Redis brings unchecked: the
 *   instances trust each other and their Redis, as they trust their database.
 * - Revocations and deletions: an instance that revokes a link or deletes an app announces it on
 *   a channel, and every instance closes its own connections that came with that link or to that
 *   app. An announcement is only a hint: the receiver reads the shared database before it closes
 *   anything, so whoever can publish on Redis cannot close connections whose link is live.
 *   Pub/sub delivers at most once: an instance that missed an announcement (its Redis
 *   connection was down) still refuses the link on every new connection and at the next token
 *   sync of an open one (the database is the authority), and closes it at its expiry.
 */
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';

/** What one instance tells the others. */
export type ClusterEvent =
  | { readonly type: 'revoked'; readonly app: string; readonly jti: string }
  | { readonly type: 'deleted'; readonly app: string };

/** Whether `url` names a Redis server. */
export function isRedisUrl(url: string): boolean {
  return /^rediss?:\/\//.test(url);
}

/** An announcement as published: who sent it and what happened; null for anything else. */
function readAnnouncement(message: string): { from: unknown; event: ClusterEvent } | null {
  let parsed: { from?: unknown; event?: Record<string, unknown> };
  try {
    parsed = JSON.parse(message) as typeof parsed;
  } catch {
    return null;
  }
  const event = parsed?.event;
  if (!event || typeof event.app !== 'string') return null;
  if (event.type === 'revoked' && typeof event.jti === 'string')
    return { from: parsed.from, event: { type: 'revoked', app: event.app, jti: event.jti } };
  if (event.type === 'deleted')
    return { from: parsed.from, event: { type: 'deleted', app: event.app } };
  return null;
}

/**
 * The Hocuspocus Redis extension without its store lock. The extension takes a Redis lock
 * around each store and makes an instance skip its store while another one holds it; but the
 * other instance's store may not contain this one's latest edit (an update relayed over Redis
 * triggers no store where it arrives), so that edit would stay unstored until the next change
 * or a shutdown. Stores here merge in one database transaction under a row lock
 * (storage-postgres.ts), so concurrent stores need no lock: every instance stores the edits its
 * own connections made.
 */
class DocumentRelay extends RedisExtension {
  override async onStoreDocument(): Promise<void> {}
  override async afterStoreDocument(): Promise<void> {}
}

/** Host, port and options of a Redis URL, as the extension's ioredis takes them. */
function connectionOf(url: string): {
  host: string;
  port: number;
  options: { username?: string; password?: string; db?: number; tls?: object };
} {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.slice(1) || 0);
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: Number(parsed.port || 6379),
    options: {
      username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
      password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
      db: Number.isInteger(db) ? db : 0,
      tls: parsed.protocol === 'rediss:' ? {} : undefined
    }
  };
}

/** Logs a connection's failures; ioredis reconnects by itself, so each is told once. */
function reportErrors<C extends { on(event: string, listener: (e: Error) => void): unknown }>(
  redis: C,
  role: string
): C {
  let reported = '';
  redis.on('error', (e: Error) => {
    if (e.message === reported) return;
    reported = e.message;
    console.error(`malleable: Redis (${role}) failed: ${e.message}`);
  });
  redis.on('ready', () => (reported = ''));
  return redis;
}

/** One instance's link to the others, over Redis. */
export class Cluster {
  /** Pass to the collaboration server (`CollabOptions.extensions`). */
  readonly extension: DocumentRelay;
  /** This instance's name on the channel (its own announcements come back to it). */
  readonly identifier = `malleable-${randomUUID()}`;
  private readonly channel: string;
  private readonly publisher: IORedis;
  private readonly subscriber: IORedis;

  /**
   * Connects to `url` (`redis://host:port`). `prefix` namespaces the keys and channels (tests
   * give each cluster its own); `onEvent` gets the other instances' announcements.
   */
  constructor(
    url: string,
    onEvent: (event: ClusterEvent) => void,
    options: { prefix?: string } = {}
  ) {
    if (!isRedisUrl(url)) throw new Error('REDIS_URL must be a redis:// (or rediss://) URL');
    const prefix = options.prefix ?? 'malleable';
    // It makes its two connections with its own ioredis (another version than ours).
    this.extension = new DocumentRelay({
      ...connectionOf(url),
      prefix,
      identifier: this.identifier
    });
    reportErrors(this.extension.pub, 'documents');
    reportErrors(this.extension.sub, 'documents');
    this.channel = `${prefix}#events`;
    this.publisher = reportErrors(new IORedis(url), 'announcements');
    this.subscriber = reportErrors(new IORedis(url), 'announcements');
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const announcement = readAnnouncement(message);
      if (announcement && announcement.from !== this.identifier) onEvent(announcement.event);
    });
    void this.subscriber.subscribe(this.channel).catch(() => undefined);
  }

  /**
   * Tells the other instances. Never throws: a failure is reported, and the instances that
   * missed it still refuse what the database says (see the file comment).
   */
  async announce(event: ClusterEvent): Promise<void> {
    try {
      await this.publisher.publish(this.channel, JSON.stringify({ from: this.identifier, event }));
    } catch (e) {
      console.error(`malleable: announcing ${event.type} to other instances failed: ${String(e)}`);
    }
  }

  /** Disconnects from Redis (after the collaboration server is down). */
  async close(): Promise<void> {
    await this.extension.onDestroy();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
