/**
 * What the scale tests run against: the PostgreSQL database and the Redis server CI starts
 * (.ci/services prints their URLs), a schema of its own for each test so that runs and files
 * never see each other's rows, and studio servers on loopback configured for several instances.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { StudioServer, type StudioOptions } from '../../src/lib/server/studio';
import { COLLAB_PATH } from '../../src/lib/collab/protocol';
import type { Running } from '../collab/harness';

/**
 * The URLs of the test database and Redis. Missing ones fail the test file (never skip it): CI
 * always sets them, and a scale test that silently does not run proves nothing.
 */
export function serviceUrls(): { database: string; redis: string } {
  // `npm test` on a machine like CI's: bring the services up here (installing and starting
  // Debian's PostgreSQL and Redis when missing), as .ci/run does before the tests.
  if (!process.env.TEST_DATABASE_URL || !process.env.TEST_REDIS_URL) {
    try {
      const printed = execFileSync(join(import.meta.dirname, '../../.ci/services'), {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        timeout: 300_000
      });
      for (const line of printed.split('\n')) {
        const [name, ...rest] = line.trim().split('=');
        if (name === 'TEST_DATABASE_URL' || name === 'TEST_REDIS_URL')
          process.env[name] ??= rest.join('=');
      }
    } catch {
      // Reported below, with what to do.
    }
  }
  const database = process.env.TEST_DATABASE_URL;
  const redis = process.env.TEST_REDIS_URL;
  const missing = [!database && 'TEST_DATABASE_URL', !redis && 'TEST_REDIS_URL'].filter(Boolean);
  if (missing.length)
    throw new Error(
      `${missing.join(' and ')} not set: the scale tests need PostgreSQL and Redis. Run ` +
        '`.ci/services` (as root) and export the two lines it prints, e.g. ' +
        '`export $(.ci/services)`, then run `npx vitest run tests/scale` again.'
    );
  return { database: database!, redis: redis! };
}

/** A fresh, empty schema in the test database: its URL (the schema first on the search path). */
export async function freshSchema(databaseUrl: string): Promise<{
  url: string;
  drop(): Promise<void>;
}> {
  const schema = `scale_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    }
  };
}

/** A prefix for Redis keys and channels that no other test uses. */
export function freshPrefix(): string {
  return `malleable-test-${randomBytes(6).toString('hex')}`;
}

/**
 * A studio server configured with `options` (PostgreSQL, Redis) behind its own HTTP server on
 * loopback, as tests/collab/harness.ts `startServer` starts one for SQLite.
 */
export async function startInstance(options: StudioOptions): Promise<Running> {
  const studio = new StudioServer(':memory:', {
    demo: false,
    ...options,
    collab: { debounce: 50, maxDebounce: 200, ...options.collab }
  });
  const http = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  http.on('upgrade', (req, socket, head) => {
    if (!studio.collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    studio,
    http,
    port,
    dir: ':memory:',
    url: `ws://127.0.0.1:${port}${COLLAB_PATH}`,
    ownerToken: studio.ownerToken,
    async stop() {
      http.closeAllConnections();
      await studio.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  };
}

/** Waits until the asynchronous `check` holds (polling), or fails with `what` after `ms`. */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  what: string,
  ms = 10_000
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
