/**
 * PostgreSQL storage, used when `DATABASE_URL` is set, so that several instances behind a load
 * balancer share the app list, the documents and the share links. The tables have the SQLite
 * ones' shapes (db.ts), with `bytea` documents and `bigint` times (ms since the epoch).
 *
 * Merge strategy for documents: `SELECT ... FOR UPDATE` locks the document's row, the stored
 * state and the incoming one are merged (storage.ts `planSave`, `mergeStates`), and the result is
 * written back in the same transaction. A second instance storing the same document waits on the row lock and
 * then merges into what the first one wrote, so neither loses the other's edits; the document
 * stays one row (no updates table to compact).
 */
import pg from 'pg';
import { documentName, planSave, type AppRecord, type LinkRecord, type Storage } from './storage';
import type { Role } from './tokens';
import { POSTGRES_SUGGESTIONS_SCHEMA, postgresSuggestionRows } from './storage-suggestions';

/** The schema version of the tables below; bump it with a migration step in `createSchema`. */
const SCHEMA_VERSION = 1;

/**
 * The key of the advisory lock held while the schema is made: `CREATE TABLE IF NOT EXISTS` run
 * by two instances at once can still fail on the catalog's unique index, so they take turns.
 */
const SCHEMA_LOCK = 0x6d616c6c; // "mall"

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS malleable_meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS documents (
    name TEXT PRIMARY KEY NOT NULL,
    data BYTEA NOT NULL
  );
  CREATE TABLE IF NOT EXISTS links (
    jti TEXT PRIMARY KEY NOT NULL,
    app TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT
  );
  CREATE INDEX IF NOT EXISTS links_app ON links (app);
  CREATE TABLE IF NOT EXISTS apps (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    template TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deleted_at BIGINT
  );
`;

interface AppRow {
  id: string;
  title: string;
  template: string | null;
  // bigint columns arrive as strings (they may exceed 2^53; ours never do).
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface LinkRow {
  jti: string;
  app: string;
  role: Role;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

function appOf(row: AppRow): AppRecord {
  return {
    id: row.id,
    title: row.title,
    template: row.template,
    created: Number(row.created_at),
    updated: Number(row.updated_at),
    deleted: row.deleted_at === null ? null : Number(row.deleted_at)
  };
}

function linkOf(row: LinkRow): LinkRecord {
  return {
    jti: row.jti,
    app: row.app,
    role: row.role,
    created: Number(row.created_at),
    expires: Number(row.expires_at),
    revoked: row.revoked_at === null ? null : Number(row.revoked_at)
  };
}

/** Whether `url` names a PostgreSQL database. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * PostgreSQL storage at `url` (`postgres://user:password@host:port/database`). Connects and
 * makes the schema in the background: `ready` settles when that is done, and every call waits
 * for it.
 */
export function postgresStorage(url: string): Storage {
  if (!isPostgresUrl(url))
    throw new Error('DATABASE_URL must be a postgres:// (or postgresql://) URL');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server dropped (a restart, a failover) is replaced on the next query;
  // without a listener the error would end the process.
  pool.on('error', (e) => console.error(`malleable: a PostgreSQL connection failed: ${String(e)}`));

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  const ready = transaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query(SCHEMA + POSTGRES_SUGGESTIONS_SCHEMA);
    const { rows } = await client.query<{ value: string }>(
      "SELECT value FROM malleable_meta WHERE key = 'schema'"
    );
    const version = rows.length ? Number(rows[0].value) : 0;
    if (version > SCHEMA_VERSION)
      throw new Error(
        `the database at DATABASE_URL was written by a newer Malleable (schema ${version}); upgrade to open it`
      );
    if (version < SCHEMA_VERSION)
      await client.query(
        "INSERT INTO malleable_meta (key, value) VALUES ('schema', $1) ON CONFLICT (key) DO UPDATE SET value = $1",
        [String(SCHEMA_VERSION)]
      );
  });
  // Reported once here; every call awaiting `ready` fails with the same error.
  ready.catch((e) => console.error(`malleable: cannot open the database: ${String(e)}`));

  async function query<R extends pg.QueryResultRow>(
    text: string,
    values: unknown[] = []
  ): Promise<pg.QueryResult<R>> {
    await ready;
    return pool.query<R>(text, values);
  }

  async function insertApp(client: pg.PoolClient, app: AppRecord, state: Uint8Array) {
    await client.query(
      'INSERT INTO apps (id, title, template, created_at, updated_at, deleted_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [app.id, app.title, app.template, app.created, app.updated, app.deleted]
    );
    await client.query('INSERT INTO documents (name, data) VALUES ($1, $2)', [
      documentName(app.id),
      Buffer.from(state)
    ]);
  }

  return {
    kind: 'postgres',
    ready,
    apps: {
      async list() {
        const { rows } = await query<AppRow>(
          'SELECT * FROM apps WHERE deleted_at IS NULL ORDER BY updated_at DESC, id'
        );
        return rows.map(appOf);
      },
      async get(id) {
        const { rows } = await query<AppRow>('SELECT * FROM apps WHERE id = $1', [id]);
        return rows.length ? appOf(rows[0]) : null;
      },
      async isEmpty() {
        return (await query('SELECT 1 FROM apps LIMIT 1')).rowCount === 0;
      },
      async create(app, state) {
        await ready;
        await transaction((client) => insertApp(client, app, state));
      },
      async createFirst(app, state) {
        await ready;
        return transaction(async (client) => {
          // Another instance's first start waits here, then finds the table no longer empty.
          await client.query('LOCK TABLE apps IN SHARE ROW EXCLUSIVE MODE');
          if ((await client.query('SELECT 1 FROM apps LIMIT 1')).rowCount !== 0) return false;
          await insertApp(client, app, state);
          return true;
        });
      },
      async delete(id, at) {
        const result = await query(
          'UPDATE apps SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL',
          [at, id]
        );
        return (result.rowCount ?? 0) > 0;
      },
      async undelete(id) {
        const result = await query(
          'UPDATE apps SET deleted_at = NULL WHERE id = $1 AND deleted_at IS NOT NULL',
          [id]
        );
        return (result.rowCount ?? 0) > 0;
      }
    },
    documents: {
      async load(appId) {
        const { rows } = await query<{ data: Buffer }>(
          'SELECT data FROM documents WHERE name = $1',
          [documentName(appId)]
        );
        return rows.length ? new Uint8Array(rows[0].data) : null;
      },
      async save(appId, state, { title, at, base }) {
        await ready;
        return transaction(async (client) => {
          // The row lock orders concurrent stores of one document (see the file comment).
          const { rows } = await client.query<{ data: Buffer }>(
            'SELECT data FROM documents WHERE name = $1 FOR UPDATE',
            [documentName(appId)]
          );
          if (!rows.length) return { base: null };
          const plan = planSave(new Uint8Array(rows[0].data), state, title, base);
          await client.query('UPDATE documents SET data = $1 WHERE name = $2', [
            Buffer.from(plan.data),
            documentName(appId)
          ]);
          await client.query('UPDATE apps SET title = $1, updated_at = $2 WHERE id = $3', [
            plan.title,
            at,
            appId
          ]);
          return { base: plan.base };
        });
      }
    },
    links: {
      async insert(link) {
        await query(
          'INSERT INTO links (jti, app, role, created_at, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [link.jti, link.app, link.role, link.created, link.expires, link.revoked]
        );
      },
      async find(jti) {
        const { rows } = await query<LinkRow>('SELECT * FROM links WHERE jti = $1', [jti]);
        return rows.length ? linkOf(rows[0]) : null;
      },
      async revoke(app, jti, at) {
        const result = await query(
          'UPDATE links SET revoked_at = $1 WHERE jti = $2 AND app = $3 AND revoked_at IS NULL',
          [at, jti, app]
        );
        return (result.rowCount ?? 0) > 0;
      },
      async list(app, now) {
        const { rows } = await query<LinkRow>(
          'SELECT * FROM links WHERE app = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY created_at DESC, jti',
          [app, now]
        );
        return rows.map(linkOf);
      }
    },
    suggestions: postgresSuggestionRows(query),
    async sharedSecret(make) {
      // The first instance's secret wins; the others read it back. Whoever can read this table
      // can sign links: set MALLEABLE_SECRET on every instance to keep it out of the database.
      await query(
        "INSERT INTO malleable_meta (key, value) VALUES ('secret', $1) ON CONFLICT (key) DO NOTHING",
        [make().toString('base64')]
      );
      const { rows } = await query<{ value: string }>(
        "SELECT value FROM malleable_meta WHERE key = 'secret'"
      );
      return Buffer.from(rows[0].value, 'base64');
    },
    async close() {
      await ready.catch(() => undefined);
      await pool.end();
    }
  };
}
