/**
 * Suggestions in the database: what a user asked the assistant for in the app page, kept until
 * an owner or an editor applies or declines it (suggestions.ts decides; this file only stores).
 * One table, `suggestions`, with the same shape in SQLite and PostgreSQL; the ops and the list of
 * changes are stored as JSON text. Kept in SQL behind HTTP routes, never in the app's Y.Doc: a
 * record in the document could be written or "approved" by any peer that may write it.
 *
 * The table is made with `CREATE TABLE IF NOT EXISTS` when the storage opens: a database from
 * before suggestions gains it, and an older Malleable opening a newer database ignores it, so
 * the schema version does not change.
 */
import type { Db } from './db';

/** Where a suggestion stands; `applied` and `declined` are final. */
export type SuggestionStatus = 'pending' | 'applied' | 'declined';

/** One suggestion's row. Times are ms since the epoch. */
export interface SuggestionRecord {
  readonly id: string;
  readonly app: string;
  /** The asker's actor id (their link and their browser). */
  readonly asker: string;
  /** The link the asker came with (`link:JTI`): everyone holding it sees its suggestions. */
  readonly askerLink: string;
  readonly askerName: string;
  /** What they asked the assistant, in their words. */
  readonly request: string;
  /** The checked batch, as the assistant proposed it. */
  readonly ops: readonly unknown[];
  /** The change in words, as the check said it when the suggestion was made. */
  readonly summary: string;
  readonly changes: readonly string[];
  /** The app's Yjs state vector (base64) the suggestion was planned on. */
  readonly stateVector: string;
  readonly created: number;
  readonly status: SuggestionStatus;
  /** The reviewer's note (a decline's reason, or the applied change's summary). */
  readonly note: string | null;
  readonly decidedBy: string | null;
  readonly decided: number | null;
}

/** A decision on a pending suggestion. */
export interface SuggestionDecision {
  readonly status: 'applied' | 'declined';
  readonly note: string | null;
  readonly by: string;
  readonly at: number;
}

/** The suggestions table. */
export interface SuggestionRows {
  insert(record: SuggestionRecord): Promise<void>;
  /** One suggestion of `app`, or null (another app's id is not found). */
  get(app: string, id: string): Promise<SuggestionRecord | null>;
  /** The suggestions of `app`, newest first, at most `limit`. */
  list(app: string, limit: number): Promise<SuggestionRecord[]>;
  /** How many of `askerLink`'s suggestions for `app` wait for a decision. */
  pendingCount(app: string, askerLink: string): Promise<number>;
  /**
   * Records a decision, only while the suggestion is pending (two reviewers deciding at once:
   * one wins); returns whether it did.
   */
  decide(app: string, id: string, decision: SuggestionDecision): Promise<boolean>;
}

const COLUMNS = `
    id TEXT PRIMARY KEY NOT NULL,
    app TEXT NOT NULL,
    asker TEXT NOT NULL,
    asker_link TEXT NOT NULL,
    asker_name TEXT NOT NULL,
    request TEXT NOT NULL,
    ops TEXT NOT NULL,
    summary TEXT NOT NULL,
    changes TEXT NOT NULL,
    state_vector TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT,
    decided_by TEXT,`;

/** The PostgreSQL table (storage-postgres.ts adds it to its schema). */
export const POSTGRES_SUGGESTIONS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS suggestions (${COLUMNS}
    created_at BIGINT NOT NULL,
    decided_at BIGINT
  );
  CREATE INDEX IF NOT EXISTS suggestions_app ON suggestions (app, created_at);
`;

const SQLITE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS suggestions (${COLUMNS}
    created_at INTEGER NOT NULL,
    decided_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS suggestions_app ON suggestions (app, created_at);
`;

interface SuggestionRow {
  id: string;
  app: string;
  asker: string;
  asker_link: string;
  asker_name: string;
  request: string;
  ops: string;
  summary: string;
  changes: string;
  state_vector: string;
  status: SuggestionStatus;
  note: string | null;
  decided_by: string | null;
  // PostgreSQL's bigint arrives as a string.
  created_at: number | string;
  decided_at: number | string | null;
}

function recordOf(row: SuggestionRow): SuggestionRecord {
  return {
    id: row.id,
    app: row.app,
    asker: row.asker,
    askerLink: row.asker_link,
    askerName: row.asker_name,
    request: row.request,
    ops: JSON.parse(row.ops) as unknown[],
    summary: row.summary,
    changes: JSON.parse(row.changes) as string[],
    stateVector: row.state_vector,
    created: Number(row.created_at),
    status: row.status,
    note: row.note,
    decidedBy: row.decided_by,
    decided: row.decided_at === null ? null : Number(row.decided_at)
  };
}

function valuesOf(s: SuggestionRecord): unknown[] {
  return [
    s.id,
    s.app,
    s.asker,
    s.askerLink,
    s.askerName,
    s.request,
    JSON.stringify(s.ops),
    s.summary,
    JSON.stringify(s.changes),
    s.stateVector,
    s.status,
    s.note,
    s.decidedBy,
    s.created,
    s.decided
  ];
}

const INSERT_NAMES =
  'id, app, asker, asker_link, asker_name, request, ops, summary, changes, state_vector, status, note, decided_by, created_at, decided_at';

/** The table in SQLite (made here if missing). */
export function sqliteSuggestionRows(db: Db): SuggestionRows {
  db.exec(SQLITE_SCHEMA);
  return {
    async insert(record) {
      db.prepare(`INSERT INTO suggestions (${INSERT_NAMES}) VALUES (${'?, '.repeat(14)}?)`).run(
        ...valuesOf(record)
      );
    },
    async get(app, id) {
      const row = db.prepare('SELECT * FROM suggestions WHERE app = ? AND id = ?').get(app, id) as
        SuggestionRow | undefined;
      return row ? recordOf(row) : null;
    },
    async list(app, limit) {
      const rows = db
        .prepare('SELECT * FROM suggestions WHERE app = ? ORDER BY created_at DESC, id LIMIT ?')
        .all(app, limit) as SuggestionRow[];
      return rows.map(recordOf);
    },
    async pendingCount(app, askerLink) {
      const row = db
        .prepare(
          "SELECT COUNT(*) AS n FROM suggestions WHERE app = ? AND asker_link = ? AND status = 'pending'"
        )
        .get(app, askerLink) as { n: number };
      return row.n;
    },
    async decide(app, id, { status, note, by, at }) {
      return (
        db
          .prepare(
            "UPDATE suggestions SET status = ?, note = ?, decided_by = ?, decided_at = ? WHERE app = ? AND id = ? AND status = 'pending'"
          )
          .run(status, note, by, at, app, id).changes > 0
      );
    }
  };
}

/** The table in PostgreSQL, through the storage's `query` (which waits for the schema). */
export function postgresSuggestionRows(
  query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[]; rowCount: number | null }>
): SuggestionRows {
  return {
    async insert(record) {
      const places = Array.from({ length: 15 }, (_, i) => `$${i + 1}`).join(', ');
      await query(`INSERT INTO suggestions (${INSERT_NAMES}) VALUES (${places})`, valuesOf(record));
    },
    async get(app, id) {
      const { rows } = await query('SELECT * FROM suggestions WHERE app = $1 AND id = $2', [
        app,
        id
      ]);
      return rows.length ? recordOf(rows[0] as SuggestionRow) : null;
    },
    async list(app, limit) {
      const { rows } = await query(
        'SELECT * FROM suggestions WHERE app = $1 ORDER BY created_at DESC, id LIMIT $2',
        [app, limit]
      );
      return (rows as SuggestionRow[]).map(recordOf);
    },
    async pendingCount(app, askerLink) {
      const { rows } = await query(
        "SELECT COUNT(*) AS n FROM suggestions WHERE app = $1 AND asker_link = $2 AND status = 'pending'",
        [app, askerLink]
      );
      return Number((rows[0] as { n: string | number }).n);
    },
    async decide(app, id, { status, note, by, at }) {
      const result = await query(
        "UPDATE suggestions SET status = $1, note = $2, decided_by = $3, decided_at = $4 WHERE app = $5 AND id = $6 AND status = 'pending'",
        [status, note, by, at, app, id]
      );
      return (result.rowCount ?? 0) > 0;
    }
  };
}
