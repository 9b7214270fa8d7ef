/**
 * One AI turn on the server (DESIGN section 8), for `POST /api/assist` and `malleable assist`:
 * the request, the engine (Claude through the real SDK when `ANTHROPIC_API_KEY` is set, else the
 * built-in offline planner), and the checks. Whatever the engine proposes is checked as the
 * person who asked (their role: a user's request cannot change the definition), with the plan,
 * the compile gate and a sandbox dry run, and only a batch that passes reaches the person, as a
 * proposal: the changes in words, the code diff of each component it touches, the proposed app
 * compiled for a preview on the canvas, and whether it changes capabilities (then only an owner
 * may apply it, after saying so explicitly). Nothing is written here: applying is a separate
 * request (`applyProposal`), planned again against the document as it is then.
 */
import { componentJsx } from '../code/jsx';
import { hunks, lineDiff } from '../ai/diff';
import type { AssistMessage, ProposalDiff } from '../ai/protocol';
import { assistantFromEnv } from '../ai/claude';
import { offlinePlan } from '../ai/offline';
import { runTurn, type TurnRecord } from '../ai/turn';
import type { AppModel } from '../model/types';
import { editError } from '../ops/errors';
import type { Actor } from '../ops/plan';
import type { AppSession, ChangeResult } from './session';

/** Earlier turns per conversation (in memory, a few per conversation). */
const conversations = new Map<string, TurnRecord[]>();
const MAX_TURNS = 8;
const MAX_CONVERSATIONS = 500;

function remember(key: string, record: TurnRecord): void {
  const turns = conversations.get(key) ?? [];
  turns.push(record);
  while (turns.length > MAX_TURNS) turns.shift();
  conversations.delete(key);
  conversations.set(key, turns);
  while (conversations.size > MAX_CONVERSATIONS)
    conversations.delete(conversations.keys().next().value!);
}

/** The code diff of every component a proposal touches (added ones against nothing). */
export function codeDiff(before: AppModel, after: AppModel): ProposalDiff {
  const out: { component: string; lines: ReturnType<typeof hunks> }[] = [];
  const ids = new Set([...before.components.keys(), ...after.components.keys()]);
  for (const id of ids) {
    const a = before.components.has(id) ? componentJsx(before, id) : '';
    const b = after.components.has(id) ? componentJsx(after, id) : '';
    if (a === b) continue;
    const name = (after.components.get(id) ?? before.components.get(id))!.name;
    out.push({ component: name, lines: hunks(lineDiff(a, b)) });
  }
  return out;
}

function changesCapabilities(ops: readonly unknown[]): boolean {
  return ops.some(
    (op) => !!op && typeof op === 'object' && (op as { op?: unknown }).op === 'setCapabilities'
  );
}

/**
 * The actor a suggestion is checked as: an editor, since an editor is who would apply it. Its id
 * is its own, so the check never touches the asker's undo history or their role's origin.
 */
export function suggestionPlanner(actor: Actor): Actor {
  return { id: `suggest:${actor.id}`, name: actor.name, role: 'editor' };
}

/** Runs one turn; yields what the sidebar shows. */
export async function* assistTurn(
  session: AppSession,
  actor: Actor,
  request: {
    readonly message: string;
    readonly selection?: string | null;
    readonly conversation?: string | null;
    /** A user's request in the app page: checked as an editor would apply it (a suggestion). */
    readonly suggest?: boolean;
  },
  env: NodeJS.ProcessEnv = process.env
): AsyncGenerator<AssistMessage> {
  const checker = request.suggest && actor.role === 'user' ? suggestionPlanner(actor) : actor;
  const key = `${session.id}/${actor.id}/${request.conversation ?? 'default'}`;
  const history = conversations.get(key) ?? [];
  const before = session.model;
  const selection =
    request.selection && before.nodes.has(request.selection) ? request.selection : null;
  const engine = assistantFromEnv(env);
  yield engine.kind === 'claude'
    ? { type: 'engine', engine: 'claude', note: `Claude (${engine.modelName})` }
    : {
        type: 'engine',
        engine: 'offline',
        note: 'Offline planner: a fixed grammar of common requests (no API key is set)'
      };
  if (actor.role === 'viewer') {
    yield {
      type: 'failed',
      text: 'This link is view only: the assistant acts with your rights, and you cannot change the app.',
      errors: [editError('E_FORBIDDEN', 'a viewer cannot change the app')]
    };
    return;
  }

  const check = async (ops: unknown) => {
    const checked = await session.check(checker, ops);
    return checked.ok
      ? { ok: true as const, summary: checked.summary }
      : { ok: false as const, errors: [...checked.errors] };
  };

  let proposed: { ops: unknown[]; summary: string; attempts: number } | null = null;
  if (engine.kind === 'claude') {
    for await (const event of runTurn(
      { model: before, message: request.message, selection, history },
      {
        client: engine.client,
        modelName: engine.modelName,
        check,
        onUsage: (usage, attempt) =>
          console.info(
            `malleable: claude call ${attempt} for app ${session.id}: ${usage.input} input tokens ` +
              `(${usage.cacheRead} read from the cache, ${usage.cacheWrite} written to it), ` +
              `${usage.output} output`
          )
      }
    )) {
      if (event.type === 'proposal') {
        proposed = { ops: [...event.ops], summary: event.summary, attempts: event.attempts };
        break;
      }
      yield event as AssistMessage;
      if (event.type !== 'status') {
        remember(key, { message: request.message, outcome: event.type, summary: event.text });
        return;
      }
    }
  } else {
    yield { type: 'status', text: 'Reading the request…' };
    const turn = offlinePlan(before, request.message, { selection });
    if (turn.kind !== 'batch') {
      yield turn.kind === 'question'
        ? { type: 'question', text: turn.text }
        : {
            type: 'refusal',
            text: turn.text,
            ...(turn.code ? { code: turn.code } : {}),
            ...(turn.suggestions.length > 0 ? { suggestions: turn.suggestions } : {})
          };
      remember(key, { message: request.message, outcome: turn.kind, summary: turn.text });
      return;
    }
    yield { type: 'status', text: 'Checking the proposal…' };
    const checked = await check(turn.ops);
    if (!checked.ok) {
      yield {
        type: 'failed',
        text: checked.errors.every((e) => e.code === 'E_FORBIDDEN')
          ? 'Your link lets you use the app and change its data, not change the app itself; the assistant acts with your rights. Ask the owner for an editor link.'
          : `The planner's change for this request does not fit the app as it is: ${checked.errors[0]?.message ?? 'refused'}`,
        errors: checked.errors
      };
      remember(key, { message: request.message, outcome: 'failed', summary: 'refused' });
      return;
    }
    proposed = { ops: turn.ops, summary: turn.summary, attempts: 1 };
  }
  if (!proposed) {
    yield {
      type: 'failed',
      text: 'The assistant ended without a proposal.',
      errors: []
    };
    return;
  }

  // The proposal as the person will see it: checked again now (the app may have changed while
  // the engine worked), in words, as code, and compiled for the preview.
  const checked = await session.check(checker, proposed.ops);
  if (!checked.ok) {
    yield {
      type: 'failed',
      text: `The app changed while the assistant worked, and the proposal no longer fits: ${checked.errors[0]?.message ?? ''}`,
      errors: checked.errors
    };
    return;
  }
  remember(key, { message: request.message, outcome: 'proposal', summary: checked.summary });
  yield {
    type: 'proposal',
    ops: proposed.ops,
    summary: proposed.summary || checked.summary,
    changes: checked.changes,
    diff: codeDiff(before, checked.model),
    live: session.liveOf(checked.model),
    needsApproval: changesCapabilities(proposed.ops),
    attempts: proposed.attempts
  };
}

/**
 * Applies a proposal, or the chosen ops of it, as one change of the person who asked (one undo
 * step, with the request and the summary in the history). It is planned again against the app
 * as it is now: an op that depends on one left out, or on something someone else changed
 * meanwhile, is refused with its reason and nothing is applied.
 */
export async function applyProposal(
  session: AppSession,
  actor: Actor,
  request: {
    readonly ops?: unknown;
    readonly chosen?: unknown;
    readonly prompt?: unknown;
    readonly approved?: unknown;
    /** The conversation it came from: the next turn is told it was applied. */
    readonly conversationId?: unknown;
  }
): Promise<ChangeResult> {
  if (!Array.isArray(request.ops))
    return { ok: false, errors: [editError('E_BATCH_NOT_ARRAY', 'the proposal has no ops')] };
  let ops: unknown[] = request.ops;
  if (request.chosen !== undefined) {
    if (
      !Array.isArray(request.chosen) ||
      !request.chosen.every((i) => Number.isInteger(i) && i >= 0 && i < ops.length)
    )
      return {
        ok: false,
        errors: [
          editError('E_FIELD_VALUE', 'chosen must list the indices of the ops to apply', {
            path: '/chosen'
          })
        ]
      };
    const chosen = new Set(request.chosen as number[]);
    ops = ops.filter((_, i) => chosen.has(i));
    if (ops.length === 0) return { ok: true, summary: null };
  }
  if (changesCapabilities(ops)) {
    if (actor.role !== 'owner')
      return {
        ok: false,
        errors: [editError('E_NEEDS_OWNER', 'a change of capabilities needs an owner')]
      };
    if (request.approved !== true)
      return {
        ok: false,
        errors: [
          editError(
            'E_NEEDS_OWNER',
            'this change gives the app new capabilities: approve it explicitly to apply it'
          )
        ]
      };
  }
  const prompt = typeof request.prompt === 'string' ? request.prompt.slice(0, 2000) : undefined;
  const result = await session.apply(actor, ops, { source: 'ai', ...(prompt ? { prompt } : {}) });
  if (result.ok && typeof request.conversationId === 'string')
    remember(`${session.id}/${actor.id}/${request.conversationId}`, {
      message: prompt ?? '',
      outcome: 'applied',
      summary: result.summary ?? undefined
    });
  return result;
}
