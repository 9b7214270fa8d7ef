/**
 * One entry of the history log, checked: when a peer appends it (the server refuses the whole
 * update), and when anyone reads the log (the History panel shows an entry that fails as
 * unreadable instead of breaking). Pure and browser-safe.
 *
 * Why both: the log is append-only (E_HISTORY_LOCKED), so one bad entry that got in stays for
 * good. Before this check a data-only user appended entries with a string `when` and a numeric
 * `name`, which broke the History panel in every studio of the app for ever, and forged
 * "restorable" entries whose `before` snapshot an editor's restore would then trust.
 */
import { editError, type EditError } from '../ops/errors';
import type { Actor } from '../ops/plan';
import type { EditSource, HistoryEntry } from '../ops/write';
import { isPlainObject, plainProblem } from '../model/plain';

/** Where a batch may come from (ops/write.ts `EditSource`, as a value to check against). */
export const HISTORY_SOURCES: readonly EditSource[] = [
  'visual',
  'ai',
  'code',
  'cli',
  'api',
  'template',
  'import',
  'undo',
  'restore'
];

/** Bounds of one entry; far above what the studio writes, far below a stall or a flood. */
export const HISTORY_LIMITS = {
  /** The whole entry as JSON (its restore point, or an old `before` snapshot, included). */
  bytes: 256 * 1024,
  name: 60,
  summary: 300,
  prompt: 4000,
  /** The same bound as one batch (ops/input.ts BATCH_LIMITS.ops). */
  ops: 2000,
  /** Nesting of an op's values (ops/input.ts BATCH_LIMITS.depth, plus the entry and list). */
  depth: 66,
  /** Ids mapped by one batch, and the length of each. */
  idMap: 5000,
  id: 64,
  who: 200,
  /** How far ahead of the server's clock `when` may be when the entry arrives. */
  clockSkewMs: 24 * 3600 * 1000
} as const;

const FIELDS: ReadonlySet<string> = new Set([
  'who',
  'name',
  'when',
  'source',
  'summary',
  'prompt',
  'ops',
  'idMap',
  'restorePoint',
  'before'
]);

function invalid(message: string, field?: string): EditError {
  return editError('E_HISTORY_INVALID', `a history entry ${message}`, {
    path: field ? `/history/${field}` : '/history'
  });
}

function boundedString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

/** The length bound of a text field: a new entry's, or none for a stored one (the server's own
 * restore and undo entries quote earlier summaries and may grow past it; they read fine). */
function textLimit(actor: Actor | null, max: number): number {
  return actor ? max : Infinity;
}

/**
 * The first problem with one history entry, or null when it is well formed.
 *
 * With `actor` (an entry a peer appends now): it must name that actor as `who`, carry a `when`
 * no more than a day ahead of `now`, and only owners and editors may append a restorable entry
 * (`restorePoint`, or an old `before`): nobody else can restore, and a forged point would be
 * read by the next restore. With
 * `actor` null (reading a stored log): only the shape is checked.
 */
export function historyEntryProblem(
  entry: unknown,
  actor: Actor | null,
  now: number
): EditError | null {
  const plain = plainProblem(entry, { depth: HISTORY_LIMITS.depth, nodes: 200_000 });
  if (plain) return invalid(`is not plain JSON (${plain.message})`);
  if (!isPlainObject(entry)) return invalid('must be an object');
  for (const key of Object.keys(entry))
    if (!FIELDS.has(key)) return invalid(`has an unknown field “${key.slice(0, 40)}”`, key);
  const field = (key: string): unknown => (Object.hasOwn(entry, key) ? entry[key] : undefined);
  const who = field('who');
  if (!boundedString(who, HISTORY_LIMITS.who) || who === '')
    return invalid('must name its author (who)', 'who');
  // Someone else's name on an entry is a rewrite of who did what: the log's own code.
  if (actor && who !== actor.id)
    return editError(
      'E_HISTORY_LOCKED',
      `a history entry must name its author (${actor.id}), not ${JSON.stringify(who.slice(0, 80))}`,
      { path: '/history/who' }
    );
  const name = field('name');
  if (name !== undefined && !boundedString(name, textLimit(actor, HISTORY_LIMITS.name)))
    return invalid(`has a name that is not a string of at most ${HISTORY_LIMITS.name}`, 'name');
  const when = field('when');
  // A time a Date can hold: the panel formats it, and `toISOString` throws beyond ±8.64e15.
  if (typeof when !== 'number' || !Number.isFinite(when) || when < 0 || when > 8.64e15)
    return invalid('must carry its time (when) as milliseconds since the epoch', 'when');
  // Not in the future (beyond clock skew). Any past time is allowed: work done offline for a
  // week carries the times it was done at, and must still merge when the studio reconnects.
  if (actor && when - now > HISTORY_LIMITS.clockSkewMs)
    return invalid('carries a time (when) more than a day ahead of the server’s clock', 'when');
  const source = field('source');
  if (typeof source !== 'string' || !(HISTORY_SOURCES as readonly string[]).includes(source))
    return invalid(`has an unknown source ${JSON.stringify(source)?.slice(0, 40)}`, 'source');
  if (!boundedString(field('summary'), textLimit(actor, HISTORY_LIMITS.summary)))
    return invalid(`needs a summary of at most ${HISTORY_LIMITS.summary} characters`, 'summary');
  const prompt = field('prompt');
  if (prompt !== undefined && !boundedString(prompt, textLimit(actor, HISTORY_LIMITS.prompt)))
    return invalid(`has a prompt longer than ${HISTORY_LIMITS.prompt} characters`, 'prompt');
  const ops = field('ops');
  if (!Array.isArray(ops) || ops.length > HISTORY_LIMITS.ops)
    return invalid(`needs its ops as a list of at most ${HISTORY_LIMITS.ops}`, 'ops');
  if (!ops.every((op) => isPlainObject(op) && typeof op.op === 'string'))
    return invalid('has an op that is not an object naming its operation', 'ops');
  const idMap = field('idMap');
  if (!isPlainObject(idMap)) return invalid('needs an idMap object', 'idMap');
  const ids = Object.entries(idMap);
  if (ids.length > HISTORY_LIMITS.idMap) return invalid('maps too many ids', 'idMap');
  for (const [from, to] of ids)
    if (from.length > HISTORY_LIMITS.id || !boundedString(to, HISTORY_LIMITS.id))
      return invalid('maps an id to something that is not a short id', 'idMap');
  // A restore point (ops/write.ts `restorePoint`), or an old entry's whole snapshot (`before`).
  // Its bytes are read against the document it lands in, where the peer's update is checked
  // (model/restore-point.ts `restorePointProblem`): here only its form and who may write one.
  const points = (['restorePoint', 'before'] as const).filter((key) => field(key) !== undefined);
  for (const key of points) {
    const point = field(key);
    if (typeof point !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(point))
      return invalid(`has a ${key} snapshot that is not base64`, key);
    const role = actor?.role ?? 'owner';
    if (actor && role !== 'owner' && role !== 'editor')
      return invalid(`is restorable (${key}), and a ${role} cannot restore the app`, key);
  }
  // One entry, one state to go back to: two would leave the restore to pick one.
  if (actor && points.length > 1)
    return invalid('carries both a restorePoint and an old before snapshot', 'before');
  if (actor && JSON.stringify(entry).length > HISTORY_LIMITS.bytes)
    return invalid(`is larger than ${HISTORY_LIMITS.bytes / 1024} KB`);
  return null;
}

/** One row of the log as the History panel shows it. */
export type HistoryRow =
  | { readonly index: number; readonly ok: true; readonly entry: HistoryEntry }
  | { readonly index: number; readonly ok: false; readonly problem: string };

/**
 * The stored log as rows, oldest first: each entry that reads well as itself, any other as an
 * unreadable row (with why), so one bad entry already in the log cannot break the panel.
 * `index` is the entry's place in the log (what a restore names).
 */
export function readHistory(entries: readonly unknown[]): HistoryRow[] {
  return entries.map((entry, index) => {
    let problem: EditError | null;
    try {
      problem = historyEntryProblem(entry, null, 0);
    } catch (e) {
      // A value no JSON walk can read (a revoked proxy, say): unreadable, never a broken panel.
      problem = invalid(`cannot be read: ${String(e)}`);
    }
    return problem
      ? { index, ok: false as const, problem: problem.message }
      : { index, ok: true as const, entry: entry as unknown as HistoryEntry };
  });
}
