/**
 * One assistant turn with Claude: ask, read the proposal, check it, and repair it with the coded
 * errors until it passes or the repairs run out. Independent of the transport (the caller turns
 * the events into server-sent events, CLI lines or test assertions) and of the checker (handed
 * in). It never applies anything: it only yields events.
 *
 *   status "Asking Claude…"
 *   └─ call (streamed) ── status "Claude is writing the change…" when the tool input begins
 *      ├─ API error ─────────────────────────────────► failed (what happened, in words)
 *      ├─ question / refusal ────────────────────────► question / refusal
 *      ├─ malformed input, too large ─┐
 *      └─ ops ─ status "Checking the proposal…" ─ check
 *                 ├─ ok ─────────────────────────────► proposal
 *                 └─ errors ──────────────────────┤
 *         tool_result is_error (coded errors as JSON) ─ status "Repairing (n of 3)…" ─ call again
 *         … after 1 + maxRepairs calls ──────────────► failed (the last errors)
 */
import type Anthropic from '@anthropic-ai/sdk';
import type {
  ContentBlockParam,
  MessageParam,
  ToolUseBlockParam
} from '@anthropic-ai/sdk/resources/messages';
import type { AppModel } from '../model/types';
import { editError } from '../ops/errors';
import { streamAnswer, StreamStalledError, type ModelAnswer, type Usage } from './call';
import type { CheckError, CheckResult, Checker } from './check';
import { describeApiError } from './claude';
import { buildContext, type TurnRecord } from './context';
import { readProposal, type ProposalReading } from './proposal';
import { PROPOSE_CHANGES, PROPOSE_CHANGES_TOOL } from './tool';

export type { Checker, CheckError, CheckResult } from './check';
export type { TurnRecord } from './context';

/** What a turn reports, in order: statuses, then exactly one of the other four. */
export type AssistEvent =
  | { type: 'status'; text: string }
  | { type: 'proposal'; ops: unknown[]; summary: string; attempts: number }
  | { type: 'question'; text: string }
  | { type: 'refusal'; text: string }
  | {
      type: 'failed';
      text: string;
      errors: { code: string; message: string; op?: number; path?: string }[];
      /** Why: the API call failed, the repairs ran out, the caller cancelled, or the checker broke. */
      cause?: 'api' | 'repairs' | 'cancelled' | 'checker';
    };

/** What a turn needs besides its input. */
export interface TurnDeps {
  readonly client: Anthropic;
  readonly modelName: string;
  /** The plan + compile gate + dry run, as a Checker or as its `check` function. */
  readonly check: Checker | ((ops: unknown) => Promise<CheckResult>);
  /** Repairs after the first attempt (default 3: at most 4 calls). */
  readonly maxRepairs?: number;
  readonly signal?: AbortSignal;
  /** A stream that sends nothing for this long is abandoned (default 60 s). */
  readonly idleTimeoutMs?: number;
  /** The answer's token limit (default 16,000: room for a 200-op batch). */
  readonly maxTokens?: number;
  /** Told each call's tokens (the server logs them: how much of the prompt the cache served). */
  readonly onUsage?: (usage: Usage, attempt: number) => void;
}

/** The defaults of TurnDeps. */
export const TURN_DEFAULTS = {
  maxRepairs: 3,
  idleTimeoutMs: 60_000,
  maxTokens: 16_000,
  /** Coded errors sent back per repair; the rest are counted. */
  errorsSent: 20
} as const;

type Failure = Extract<AssistEvent, { type: 'failed' }>;

function failed(
  text: string,
  cause: Failure['cause'],
  errors: readonly CheckError[] = []
): Failure {
  return {
    type: 'failed',
    text,
    errors: errors.map((e) => ({
      code: e.code,
      message: e.message,
      ...(e.op !== undefined ? { op: e.op } : {}),
      ...(e.path !== undefined ? { path: e.path } : {})
    })),
    cause
  };
}

/** The tool result of a refused attempt: the coded errors as JSON, and what to do next. */
export function repairFeedback(errors: readonly CheckError[]): string {
  const sent = errors.slice(0, TURN_DEFAULTS.errorsSent).map((e) => ({
    code: e.code,
    message: e.message.slice(0, 1000),
    ...(e.op !== undefined ? { op: e.op } : {}),
    ...(e.path !== undefined ? { path: e.path } : {}),
    ...(e.frame ? { frame: e.frame.slice(0, 2000) } : {})
  }));
  return JSON.stringify({
    status: 'refused',
    applied: false,
    errors: sent,
    ...(errors.length > sent.length ? { moreErrors: errors.length - sent.length } : {}),
    next: `Nothing was applied. Fix every error (op is the index in "ops", path points into the batch or names the code unit) and call ${PROPOSE_CHANGES} again with the whole corrected batch, or set "question" or "refusal".`
  });
}

/** The assistant message that goes back into the conversation, with its tool inputs echoed. */
function assistantTurn(answer: ModelAnswer, firstInput: object): MessageParam {
  const content: ContentBlockParam[] = [];
  if (answer.text.trim()) content.push({ type: 'text', text: answer.text });
  answer.calls.forEach((call, i) => {
    let input: unknown = firstInput;
    if (i > 0) {
      try {
        input = JSON.parse(call.json);
      } catch {
        input = {};
      }
    }
    const block: ToolUseBlockParam = {
      type: 'tool_use',
      id: call.id,
      name: call.name,
      input: input && typeof input === 'object' ? input : {}
    };
    content.push(block);
  });
  if (content.length === 0) content.push({ type: 'text', text: '(no answer)' });
  return { role: 'assistant', content };
}

/** Reads the first call of an answer, or says why there is nothing to read. */
function readAnswer(answer: ModelAnswer): ProposalReading {
  const call = answer.calls[0];
  if (!call)
    return {
      kind: 'invalid',
      errors: [
        editError(
          'E_FIELD_MISSING',
          `no ${PROPOSE_CHANGES} call: answer only by calling the ${PROPOSE_CHANGES} tool`
        )
      ],
      input: {}
    };
  if (call.name !== PROPOSE_CHANGES)
    return {
      kind: 'invalid',
      errors: [
        editError(
          'E_FIELD_VALUE',
          `there is no tool "${call.name.slice(0, 64)}"; the only tool is ${PROPOSE_CHANGES}`
        )
      ],
      input: {}
    };
  return readProposal(call.json, { truncated: answer.stopReason === 'max_tokens' });
}

/** Runs one turn; see the file comment for the event flow. */
export async function* runTurn(
  input: {
    readonly model: AppModel;
    readonly message: string;
    readonly selection?: string | null;
    readonly history?: readonly TurnRecord[];
  },
  deps: TurnDeps
): AsyncGenerator<AssistEvent> {
  const maxRepairs = Math.max(0, deps.maxRepairs ?? TURN_DEFAULTS.maxRepairs);
  const check = typeof deps.check === 'function' ? deps.check : deps.check.check.bind(deps.check);
  const context = buildContext(input);
  const messages: MessageParam[] = [...context.messages];
  let lastErrors: readonly CheckError[] = [];

  for (let attempt = 1; attempt <= maxRepairs + 1; attempt++) {
    if (deps.signal?.aborted) {
      yield failed('The request to Claude was cancelled.', 'cancelled');
      return;
    }
    yield {
      type: 'status',
      text: attempt === 1 ? 'Asking Claude…' : `Repairing (${attempt - 1} of ${maxRepairs})…`
    };
    let answer: ModelAnswer;
    try {
      const call = streamAnswer(
        deps.client,
        {
          model: deps.modelName,
          max_tokens: deps.maxTokens ?? TURN_DEFAULTS.maxTokens,
          // The system prompt is the same for every turn and repair: cached by the API.
          system: [{ type: 'text', text: context.system, cache_control: { type: 'ephemeral' } }],
          messages,
          tools: [PROPOSE_CHANGES_TOOL],
          // `any` with one tool: the answer is always a propose_changes call, and a question or
          // a refusal comes as its fields, so there is no free text to interpret.
          tool_choice: { type: 'any', disable_parallel_tool_use: true }
        },
        {
          signal: deps.signal,
          idleTimeoutMs: deps.idleTimeoutMs ?? TURN_DEFAULTS.idleTimeoutMs
        }
      );
      let step = await call.next();
      while (!step.done) {
        yield { type: 'status', text: 'Claude is writing the change…' };
        step = await call.next();
      }
      answer = step.value;
      deps.onUsage?.(answer.usage, attempt);
    } catch (e) {
      if (deps.signal?.aborted) yield failed('The request to Claude was cancelled.', 'cancelled');
      else if (e instanceof StreamStalledError) yield failed(`${e.message}; try again.`, 'api');
      else yield failed(describeApiError(e, deps.modelName), 'api');
      return;
    }

    // The API's own refusal (a safety stop), not the tool's `refusal` field.
    if (answer.stopReason === 'refusal') {
      yield {
        type: 'refusal',
        text: answer.text.trim() || 'Claude declined this request.'
      };
      return;
    }

    const reading = readAnswer(answer);
    if (reading.kind === 'question' || reading.kind === 'refusal') {
      yield { type: reading.kind, text: reading.text };
      return;
    }
    let errors: readonly CheckError[];
    let echoed: object;
    if (reading.kind === 'invalid') {
      errors = reading.errors;
      echoed = reading.input;
    } else {
      yield { type: 'status', text: 'Checking the proposal…' };
      let verdict: CheckResult;
      try {
        verdict = await check(reading.ops);
      } catch (e) {
        // Crash isolation: a broken checker ends this turn, not the server.
        yield failed(
          `The proposal could not be checked (${e instanceof Error ? e.message : String(e)}); nothing was changed.`,
          'checker'
        );
        return;
      }
      if (verdict.ok) {
        yield {
          type: 'proposal',
          ops: reading.ops,
          summary: reading.summary || verdict.summary,
          attempts: attempt
        };
        return;
      }
      errors = verdict.errors;
      echoed = { summary: reading.summary, ops: reading.ops };
    }
    lastErrors = errors;

    // The refused attempt and its errors become the next turn of the conversation. Every
    // tool_use must be answered by a tool_result in the next user message.
    messages.push(assistantTurn(answer, echoed));
    const feedback = repairFeedback(errors);
    messages.push({
      role: 'user',
      content:
        answer.calls.length === 0
          ? feedback
          : answer.calls.map((call, i) => ({
              type: 'tool_result' as const,
              tool_use_id: call.id,
              is_error: true,
              content:
                i === 0
                  ? feedback
                  : repairFeedback([
                      editError(
                        'E_FIELD_VALUE',
                        `only the first ${PROPOSE_CHANGES} call of an answer is read; send one call`
                      )
                    ])
            }))
    });
  }

  const first = lastErrors[0];
  yield failed(
    `Claude could not make a change that passes the checks in ${maxRepairs + 1} attempts, so nothing is proposed.${
      first
        ? ` The last attempt still had ${lastErrors.length} error${lastErrors.length === 1 ? '' : 's'}, first ${first.code}: ${first.message}`
        : ''
    }`,
    'repairs',
    lastErrors
  );
}
