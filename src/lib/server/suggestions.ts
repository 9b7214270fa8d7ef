/**
 * Suggestions (issue 16): a person who may not change an app's definition (a user) asks the
 * assistant for a change in the app page; the proposal is checked as usual and then kept here,
 * in the database, until an owner or an editor decides. Applying plans it again against the app
 * as it is then, through the gate, as one change (one undo step) of the approver, with the asker
 * named in the history; declining keeps a note the asker sees.
 *
 * Who may do what is decided here and nowhere else: anyone but a viewer may suggest; only owners
 * and editors list everyone's suggestions, apply or decline; a user sees the suggestions made
 * through their own link. Suggestions live in SQL behind HTTP routes, never in the Y.Doc, so no
 * Yjs peer can write or approve one.
 */
import * as Y from 'yjs';
import { randomBytes } from 'node:crypto';
import { catalogError, editError, type EditError } from '../errors';
import type { Actor } from '../ops/plan';
import type { ProposalDiff } from '../ai/protocol';
import type { LiveSource } from '../runtime/compiled';
import { applyProposal, codeDiff, suggestionPlanner } from './assist';
import type { AppSession, ChangeResult } from './session';
import type { SuggestionRecord, SuggestionRows } from './storage-suggestions';
import { toBase64 } from './studio';

/** Bounds on what one link may leave waiting, and on what is stored of each suggestion. */
export const SUGGESTION_LIMITS = Object.freeze({
  /** Pending suggestions per link and app: a user cannot fill the reviewers' list (or the disk). */
  pendingPerLink: 20,
  request: 4000,
  /** Characters of the stored ops (JSON): well under a batch's limit, which is for editors. */
  opsChars: 200_000,
  note: 1000,
  list: 200
});

/** What a person sees of a suggestion (the ops only reviewers need). */
export interface SuggestionView {
  readonly id: string;
  readonly askerName: string;
  readonly request: string;
  readonly summary: string;
  readonly changes: readonly string[];
  readonly created: number;
  readonly status: SuggestionRecord['status'];
  readonly note: string | null;
  readonly decidedBy: string | null;
  readonly decided: number | null;
  /** Only for owners and editors. */
  readonly ops?: readonly unknown[];
  /** Whether the app changed since the suggestion was planned (only for pending ones). */
  readonly changedSince?: boolean;
}

type Answer<T> = { ok: true; value: T } | { ok: false; errors: EditError[] };

/** Whether `actor` reviews suggestions (sees everyone's, applies, declines). */
export function reviews(actor: Actor): boolean {
  return actor.role === 'owner' || actor.role === 'editor';
}

/** The link a person came with: the part of their actor id before their browser's id. */
function linkOf(actor: Actor): string {
  return actor.id.split('~')[0];
}

function stateVectorOf(session: AppSession): string {
  return toBase64(Y.encodeStateVector(session.doc));
}

/** `record` as `actor` may see it. */
export function viewOf(
  record: SuggestionRecord,
  actor: Actor,
  session: AppSession
): SuggestionView {
  const view: SuggestionView = {
    id: record.id,
    askerName: record.askerName,
    request: record.request,
    summary: record.summary,
    changes: record.changes,
    created: record.created,
    status: record.status,
    note: record.note,
    decidedBy: record.decidedBy,
    decided: record.decided
  };
  if (!reviews(actor)) return view;
  return {
    ...view,
    ops: record.ops,
    ...(record.status === 'pending'
      ? { changedSince: record.stateVector !== stateVectorOf(session) }
      : {})
  };
}

const forbidden = (what: string): EditError =>
  catalogError('E_FORBIDDEN', { role: 'user', what }, {});

/**
 * Keeps a suggestion of `actor`: `ops` are checked against the app as it is now, as an editor
 * would apply them (plan, compile gate, dry run); only a batch that passes is stored, with the
 * check's own summary (a client's summary is not trusted).
 */
export async function suggest(
  rows: SuggestionRows,
  session: AppSession,
  actor: Actor,
  body: { readonly request?: unknown; readonly ops?: unknown }
): Promise<Answer<SuggestionRecord>> {
  if (actor.role === 'viewer')
    return {
      ok: false,
      errors: [editError('E_FORBIDDEN', 'a viewer may look at the app, not suggest changes')]
    };
  const request = typeof body.request === 'string' ? body.request.trim() : '';
  if (request === '')
    return {
      ok: false,
      errors: [
        editError('E_FIELD_MISSING', 'say what you asked for in `request`', { path: '/request' })
      ]
    };
  if (request.length > SUGGESTION_LIMITS.request)
    return {
      ok: false,
      errors: [
        catalogError('E_BATCH_TOO_LARGE', {
          what: 'the request',
          limit: `${SUGGESTION_LIMITS.request} characters`
        })
      ]
    };
  if (!Array.isArray(body.ops) || body.ops.length === 0)
    return {
      ok: false,
      errors: [editError('E_BATCH_NOT_ARRAY', 'the suggestion has no ops', { path: '/ops' })]
    };
  if (JSON.stringify(body.ops).length > SUGGESTION_LIMITS.opsChars)
    return {
      ok: false,
      errors: [
        catalogError('E_BATCH_TOO_LARGE', {
          what: 'the suggestion',
          limit: `${SUGGESTION_LIMITS.opsChars} characters of ops`
        })
      ]
    };
  const askerLink = linkOf(actor);
  if ((await rows.pendingCount(session.id, askerLink)) >= SUGGESTION_LIMITS.pendingPerLink)
    return {
      ok: false,
      errors: [catalogError('E_SUGGESTION_LIMIT', { limit: SUGGESTION_LIMITS.pendingPerLink })]
    };
  const stateVector = stateVectorOf(session);
  const checked = await session.check(suggestionPlanner(actor), body.ops);
  if (!checked.ok) return { ok: false, errors: [...checked.errors] };
  const record: SuggestionRecord = {
    id: `sg${randomBytes(9).toString('base64url')}`,
    app: session.id,
    asker: actor.id,
    askerLink,
    askerName: actor.name ?? 'Someone',
    request,
    ops: body.ops,
    summary: checked.summary,
    changes: [...checked.changes],
    stateVector,
    created: Date.now(),
    status: 'pending',
    note: null,
    decidedBy: null,
    decided: null
  };
  await rows.insert(record);
  return { ok: true, value: record };
}

/** The suggestions `actor` may see: all of the app's for a reviewer, their link's for a user. */
export async function suggestionsFor(
  rows: SuggestionRows,
  session: AppSession,
  actor: Actor
): Promise<Answer<SuggestionView[]>> {
  if (actor.role === 'viewer')
    return {
      ok: false,
      errors: [editError('E_FORBIDDEN', 'a viewer may look at the app, not at suggestions')]
    };
  const all = await rows.list(session.id, SUGGESTION_LIMITS.list);
  const mine = reviews(actor) ? all : all.filter((s) => s.askerLink === linkOf(actor));
  return { ok: true, value: mine.map((s) => viewOf(s, actor, session)) };
}

/** A pending suggestion `actor` may decide, or why not. */
async function decidable(
  rows: SuggestionRows,
  session: AppSession,
  actor: Actor,
  id: string
): Promise<Answer<SuggestionRecord>> {
  // The role first: a user learns nothing about suggestions they may not decide.
  if (!reviews(actor))
    return {
      ok: false,
      errors: [
        forbidden('apply or decline suggestions; an owner or an editor of the app decides them')
      ]
    };
  const record = await rows.get(session.id, id);
  if (!record) return { ok: false, errors: [catalogError('E_SUGGESTION_NOT_FOUND', { id })] };
  if (record.status !== 'pending')
    return { ok: false, errors: [catalogError('E_SUGGESTION_DECIDED', { status: record.status })] };
  return { ok: true, value: record };
}

/** What a reviewer sees of a pending suggestion before deciding. */
export type SuggestionPreview =
  | {
      readonly ok: true;
      readonly changes: readonly string[];
      readonly diff: ProposalDiff;
      readonly live: LiveSource;
      readonly changedSince: boolean;
    }
  | { readonly ok: false; readonly errors: readonly EditError[]; readonly changedSince: boolean };

/**
 * A pending suggestion planned against the app as it is now, as the reviewer `actor`: the
 * changes, the code diff and the proposed app for the canvas; or, when it no longer fits, the
 * plan's errors (`conflict`). Writes nothing. `refused`: the reviewer may not, or no such one.
 */
export async function previewSuggestion(
  rows: SuggestionRows,
  session: AppSession,
  actor: Actor,
  id: string
): Promise<{ refused: EditError[] } | SuggestionPreview> {
  const found = await decidable(rows, session, actor, id);
  if (!found.ok) return { refused: found.errors };
  const record = found.value;
  const changedSince = record.stateVector !== stateVectorOf(session);
  const before = session.model;
  const checked = await session.check(actor, record.ops);
  if (!checked.ok)
    return {
      ok: false,
      changedSince,
      errors: [
        ...(changedSince
          ? [
              catalogError('E_SUGGESTION_CONFLICT', {
                reason: checked.errors[0]?.message ?? 'it was refused'
              })
            ]
          : []),
        ...checked.errors
      ]
    };
  return {
    ok: true,
    changes: checked.changes,
    diff: codeDiff(before, checked.model),
    live: session.liveOf(checked.model),
    changedSince
  };
}

/** Suggestions being applied in this process: a second Apply of one waits for no one, it fails. */
const applying = new Set<string>();

/**
 * Applies a pending suggestion as one change of `actor` (an owner or an editor): planned again
 * against the app as it is now, through the gate, one undo step, with "Suggested by NAME: …" as
 * the history entry's request. When the app changed since and the suggestion no longer fits, the
 * answer says what (`E_SUGGESTION_CONFLICT` and the plan's errors) and nothing is applied; the
 * suggestion stays pending.
 */
export async function applySuggestion(
  rows: SuggestionRows,
  session: AppSession,
  actor: Actor,
  id: string,
  body: { readonly approved?: unknown }
): Promise<{ result: ChangeResult; record: SuggestionRecord | null; changedSince: boolean }> {
  const found = await decidable(rows, session, actor, id);
  if (!found.ok) return { result: found, record: null, changedSince: false };
  const record = found.value;
  const key = `${session.id}/${id}`;
  if (applying.has(key))
    return {
      result: {
        ok: false,
        errors: [catalogError('E_SUGGESTION_DECIDED', { status: 'being applied' })]
      },
      record,
      changedSince: false
    };
  applying.add(key);
  try {
    const changedSince = record.stateVector !== stateVectorOf(session);
    const result = await applyProposal(session, actor, {
      ops: record.ops,
      prompt: `Suggested by ${record.askerName}: ${record.request}`,
      approved: body.approved
    });
    if (!result.ok) {
      const errors =
        changedSince && !result.errors.some((e) => e.code === 'E_NEEDS_OWNER')
          ? [
              catalogError('E_SUGGESTION_CONFLICT', {
                reason: result.errors[0]?.message ?? 'it was refused'
              }),
              ...result.errors
            ]
          : [...result.errors];
      return { result: { ok: false, errors }, record, changedSince };
    }
    await rows.decide(session.id, id, {
      status: 'applied',
      note: result.summary,
      by: actor.name ?? actor.id,
      at: Date.now()
    });
    return { result, record: await rows.get(session.id, id), changedSince };
  } finally {
    applying.delete(key);
  }
}

/** Declines a pending suggestion with a note the asker sees; nothing in the app changes. */
export async function declineSuggestion(
  rows: SuggestionRows,
  session: AppSession,
  actor: Actor,
  id: string,
  body: { readonly note?: unknown }
): Promise<Answer<SuggestionRecord>> {
  if (body.note !== undefined && typeof body.note !== 'string')
    return {
      ok: false,
      errors: [editError('E_FIELD_VALUE', 'the note must be text', { path: '/note' })]
    };
  const note = (body.note ?? '').trim();
  if (note.length > SUGGESTION_LIMITS.note)
    return {
      ok: false,
      errors: [
        catalogError('E_BATCH_TOO_LARGE', {
          what: 'the note',
          limit: `${SUGGESTION_LIMITS.note} characters`
        })
      ]
    };
  const found = await decidable(rows, session, actor, id);
  if (!found.ok) return found;
  const decided = await rows.decide(session.id, id, {
    status: 'declined',
    note: note === '' ? null : note,
    by: actor.name ?? actor.id,
    at: Date.now()
  });
  const record = await rows.get(session.id, id);
  if (!decided || !record)
    return {
      ok: false,
      errors: [catalogError('E_SUGGESTION_DECIDED', { status: record?.status ?? 'decided' })]
    };
  return { ok: true, value: record };
}
