/**
 * The server's SQLite database: one file under `DATA_DIR` (default `./data`). Apps are listed in
 * `apps`; each app's Y.Doc is stored as one Yjs update in `documents`, the table shape
 * Hocuspocus' SQLite extension uses (`name`, `data`), so the collaboration server can read and
 * write the same rows.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

/** The schema version of the tables below; bump it with a migration step in `openDatabase`. */
const SCHEMA_VERSION = 1;

/** Opens (creating if needed) the database in `dir`; `':memory:'` for tests. */
export function openDatabase(dir: string): Db {
  let db: Db;
  if (dir === ':memory:') db = new Database(':memory:');
  else {
    mkdirSync(dir, { recursive: true });
    db = new Database(join(dir, 'malleable.db'));
    // WAL: readers never wait for the writer, and a crash loses at most the unfinished write.
    db.pragma('journal_mode = WAL');
  }
  db.pragma('foreign_keys = ON');
  db.exec(`
    CREATE TABLE IF NOT EXISTS documents (
      name TEXT PRIMARY KEY NOT NULL,
      data BLOB NOT NULL
    );
    CREATE TABLE IF NOT EXISTS links (
      jti TEXT PRIMARY KEY NOT NULL,
      app TEXT NOT NULL,
      role TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      revoked_at INTEGER
    );
    CREATE TABLE IF NOT EXISTS apps (
      id TEXT PRIMARY KEY NOT NULL,
      title TEXT NOT NULL,
      template TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER
    );
  `);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION)
    throw new Error(
      `the database in ${dir} was written by a newer Malleable (schema ${version}); upgrade to open it`
    );
  if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  return db;
}
