/**
 * The default storage: SQLite through better-sqlite3 (db.ts), one file under `DATA_DIR`. Every
 * call runs synchronously inside its async wrapper, so a transaction here can never interleave
 * with another call of this process; the database file is this process's alone.
 */
import type { Db } from './db';
import { openDatabase } from './db';
import { documentName, planSave, type AppRecord, type LinkRecord, type Storage } from './storage';
import type { Role } from './tokens';
import { sqliteSuggestionRows } from './storage-suggestions';

interface AppRow {
  id: string;
  title: string;
  template: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

interface LinkRow {
  jti: string;
  app: string;
  role: Role;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

function appOf(row: AppRow): AppRecord {
  return {
    id: row.id,
    title: row.title,
    template: row.template,
    created: row.created_at,
    updated: row.updated_at,
    deleted: row.deleted_at
  };
}

function linkOf(row: LinkRow): LinkRecord {
  return {
    jti: row.jti,
    app: row.app,
    role: row.role,
    created: row.created_at,
    expires: row.expires_at,
    revoked: row.revoked_at
  };
}

/** SQLite storage in `dir` (`':memory:'` for tests), or over a database already open. */
export function sqliteStorage(dirOrDb: string | Db): Storage {
  const db = typeof dirOrDb === 'string' ? openDatabase(dirOrDb) : dirOrDb;

  const insertApp = (app: AppRecord, state: Uint8Array) => {
    db.prepare(
      'INSERT INTO apps (id, title, template, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)'
    ).run(app.id, app.title, app.template, app.created, app.updated, app.deleted);
    db.prepare('INSERT INTO documents (name, data) VALUES (?, ?)').run(
      documentName(app.id),
      Buffer.from(state)
    );
  };
  const isEmpty = () => db.prepare('SELECT 1 FROM apps LIMIT 1').get() === undefined;

  return {
    kind: 'sqlite',
    ready: Promise.resolve(),
    apps: {
      async list() {
        const rows = db
          .prepare('SELECT * FROM apps WHERE deleted_at IS NULL ORDER BY updated_at DESC, id')
          .all() as AppRow[];
        return rows.map(appOf);
      },
      async get(id) {
        const row = db.prepare('SELECT * FROM apps WHERE id = ?').get(id) as AppRow | undefined;
        return row ? appOf(row) : null;
      },
      async isEmpty() {
        return isEmpty();
      },
      async create(app, state) {
        db.transaction(() => insertApp(app, state))();
      },
      async createFirst(app, state) {
        return db.transaction(() => {
          if (!isEmpty()) return false;
          insertApp(app, state);
          return true;
        })();
      },
      async delete(id, at) {
        return (
          db
            .prepare('UPDATE apps SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL')
            .run(at, id).changes > 0
        );
      },
      async undelete(id) {
        return (
          db
            .prepare('UPDATE apps SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL')
            .run(id).changes > 0
        );
      }
    },
    documents: {
      async load(appId) {
        const row = db
          .prepare('SELECT data FROM documents WHERE name = ?')
          .get(documentName(appId)) as { data: Buffer } | undefined;
        return row ? new Uint8Array(row.data) : null;
      },
      async save(appId, state, { title, at, base }) {
        // Planned like PostgreSQL's (storage.ts `planSave`), though one process owns this file:
        // the contract is the same, and a caller storing an older copy never loses newer edits.
        return db.transaction(() => {
          const row = db
            .prepare('SELECT data FROM documents WHERE name = ?')
            .get(documentName(appId)) as { data: Buffer } | undefined;
          if (!row) return { base: null };
          const plan = planSave(new Uint8Array(row.data), state, title, base);
          db.prepare('UPDATE documents SET data = ? WHERE name = ?').run(
            Buffer.from(plan.data),
            documentName(appId)
          );
          db.prepare('UPDATE apps SET title = ?, updated_at = ? WHERE id = ?').run(
            plan.title,
            at,
            appId
          );
          return { base: plan.base };
        })();
      }
    },
    links: {
      async insert(link) {
        db.prepare(
          'INSERT INTO links (jti, app, role, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)'
        ).run(link.jti, link.app, link.role, link.created, link.expires, link.revoked);
      },
      async find(jti) {
        const row = db.prepare('SELECT * FROM links WHERE jti = ?').get(jti) as LinkRow | undefined;
        return row ? linkOf(row) : null;
      },
      async revoke(app, jti, at) {
        return (
          db
            .prepare(
              'UPDATE links SET revoked_at = ? WHERE jti = ? AND app = ? AND revoked_at IS NULL'
            )
            .run(at, jti, app).changes > 0
        );
      },
      async list(app, now) {
        const rows = db
          .prepare(
            'SELECT * FROM links WHERE app = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC, jti'
          )
          .all(app, now) as LinkRow[];
        return rows.map(linkOf);
      }
    },
    suggestions: sqliteSuggestionRows(db),
    async sharedSecret() {
      return null;
    },
    async close() {
      db.close();
    }
  };
}
