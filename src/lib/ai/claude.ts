/**
 * Claude through `@anthropic-ai/sdk`: the client the environment asks for, and API failures in
 * words a person can act on (never a stack trace).
 *
 * Environment: `ANTHROPIC_API_KEY` (none: the offline planner), `ANTHROPIC_BASE_URL` (a proxy or
 * the tests' fake server), `MALLEABLE_MODEL` (default {@link DEFAULT_MODEL}).
 */
import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AnthropicError
} from '@anthropic-ai/sdk';

/**
 * The model a turn uses unless `MALLEABLE_MODEL` names another: Sonnet, fast enough for a
 * sidebar and strong at tool use. (`claude-sonnet-4-5` is marked deprecated in SDK 1.13 and
 * would print a warning on every call.)
 */
export const DEFAULT_MODEL = 'claude-sonnet-5-5';

/** How long one request may take to start answering, and how often the SDK retries it. */
export const CLIENT_DEFAULTS = {
  /** Milliseconds until the response headers arrive (the SDK's timeout covers only that). */
  timeoutMs: 60_000,
  /**
   * One retry, for a 429, a 5xx or a dropped connection (the SDK waits as `retry-after` says).
   * More would keep the person waiting on a sidebar spinner; the turn reports the failure.
   */
  maxRetries: 1
} as const;

/** Which assistant a turn uses. */
export type Assistant =
  | { readonly kind: 'claude'; readonly client: Anthropic; readonly modelName: string }
  | { readonly kind: 'offline'; readonly reason: string };

/** A client configured for turns: an explicit key (no profiles, no other env), few retries, a timeout. */
export function claudeClient(options: {
  readonly apiKey: string;
  readonly baseURL?: string;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
}): Anthropic {
  return new Anthropic({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    timeout: options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs,
    maxRetries: options.maxRetries ?? CLIENT_DEFAULTS.maxRetries
  });
}

/** Claude when `ANTHROPIC_API_KEY` is set, else the offline planner with the reason. */
export function assistantFromEnv(env: NodeJS.ProcessEnv = process.env): Assistant {
  const apiKey = env.ANTHROPIC_API_KEY?.trim();
  if (!apiKey) return { kind: 'offline', reason: 'ANTHROPIC_API_KEY is not set' };
  const baseURL = env.ANTHROPIC_BASE_URL?.trim() || undefined;
  return {
    kind: 'claude',
    client: claudeClient({ apiKey, baseURL }),
    modelName: env.MALLEABLE_MODEL?.trim() || DEFAULT_MODEL
  };
}

/** The low-level reason of a failed connection (`ECONNREFUSED`, `ENOTFOUND`, ...), if any. */
function connectionCause(error: unknown): string | undefined {
  let cause: unknown = error;
  for (let depth = 0; depth < 5 && cause; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What the API said, as `type: message`. */
function apiSaid(error: APIError): string {
  return [error.type, error.apiMessage].filter(Boolean).join(': ') || 'no details';
}

/**
 * An error from a model call in one sentence that says what happened and what to do. Never the
 * key, never a stack.
 */
export function describeApiError(error: unknown, modelName?: string): string {
  if (error instanceof APIUserAbortError) return 'The request to Claude was cancelled.';
  if (error instanceof APIConnectionTimeoutError)
    return 'Claude did not answer in time (the request timed out); try again in a moment.';
  if (error instanceof APIConnectionError) {
    const cause = connectionCause(error);
    return `Could not reach the Claude API (${cause ?? 'connection failed'}); check the network and ANTHROPIC_BASE_URL.`;
  }
  if (error instanceof APIError) {
    const said = apiSaid(error);
    if (error.status === 401)
      return `The Claude API refused the API key (401 ${said}); check ANTHROPIC_API_KEY.`;
    if (error.status === 403)
      return `The API key may not do this (403 ${said}); check the key's permissions and the model.`;
    if (error.status === 404)
      return `The Claude API does not know this model or endpoint (404 ${said}); check MALLEABLE_MODEL${modelName ? ` ("${modelName}")` : ''} and ANTHROPIC_BASE_URL.`;
    if (error.status === 413)
      return `The request was too large for the Claude API (413 ${said}); select a smaller part of the app.`;
    if (error.status === 429)
      return `Claude's rate limit was reached (429 ${said}); wait a minute and try again.`;
    if (error.status === 529 || error.type === 'overloaded_error')
      return `Claude is overloaded right now (${error.status ?? 'stream'} ${said}); try again shortly.`;
    if (error.status !== undefined && error.status >= 500)
      return `The Claude API failed (${error.status} ${said}); try again shortly.`;
    if (error.status !== undefined)
      return `The Claude API refused the request (${error.status} ${said}).`;
    return `The Claude API reported an error while answering (${said}); try again.`;
  }
  if (error instanceof AnthropicError)
    return `Claude's answer could not be read (${error.message}); try again.`;
  return `The request to Claude failed (${error instanceof Error ? error.message : String(error)}).`;
}
