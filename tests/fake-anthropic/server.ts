/**
 * A fake Messages API: a real HTTP server (node:http) that answers `POST /v1/messages` from a
 * transcript, one recorded response per request, in order, and records every request it got.
 * The real SDK talks to it through `baseURL`, so the tests exercise the SDK's own request
 * building, retries, timeouts, error classes and server-sent-event parsing.
 *
 * Streaming follows the API's event format exactly: `message_start`, `content_block_start`,
 * `ping`, `content_block_delta` (`text_delta`, or `input_json_delta` split into several chunks),
 * `content_block_stop`, `message_delta`, `message_stop`; each as `event: <type>` plus
 * `data: <json>` and a blank line. Errors are the API's error bodies
 * (`{"type":"error","error":{"type":...,"message":...}}`) with the status the API uses.
 *
 * Like the real API it refuses a request whose assistant `tool_use` blocks are not answered by
 * `tool_result` blocks in the next user message, so a test fails when the loop builds a
 * conversation the real API would refuse.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** One recorded response. Fields combine: `delayMs` before anything, then an error or a message. */
export interface FakeResponse {
  /** What this response stands for (documentation only). */
  readonly note?: string;
  /** Wait this long before the response headers (past the client's timeout: a timeout). */
  readonly delayMs?: number;
  /** An HTTP error status; the body is `error` in the API's error envelope. */
  readonly status?: number;
  readonly error?: { readonly type: string; readonly message: string };
  /** Extra response headers (`retry-after-ms`, `x-should-retry`, ...). */
  readonly headers?: Readonly<Record<string, string>>;
  /** A text block before the tool call (or alone, with no tool call). */
  readonly text?: string;
  /** The tool call's input, sent as JSON. */
  readonly tool?: unknown;
  /** The tool call's input as raw text, sent as it is (broken JSON). */
  readonly rawJson?: string;
  /** The tool's name (default `propose_changes`). */
  readonly toolName?: string;
  /** How many `input_json_delta` chunks the input is split into (default 5). */
  readonly chunks?: number;
  /** `stop_reason` (default `tool_use` with a tool call, else `end_turn`). */
  readonly stopReason?: string;
  /** Stop sending after this many events and keep the connection open (a stalled stream). */
  readonly stallAfterEvents?: number;
  /** Send an `event: error` (e.g. overloaded_error) after this many events, then end. */
  readonly streamError?: {
    readonly afterEvents: number;
    readonly type: string;
    readonly message: string;
  };
}

/** A transcript file: a request, the responses to play, and what the turn should do. */
export interface Transcript {
  readonly description: string;
  /** The person's message for the turn. */
  readonly message: string;
  /** A node id of the todo template (seed 7) selected for the turn. */
  readonly selection?: string | null;
  readonly responses: readonly FakeResponse[];
  readonly expect: {
    /** The event types of the turn in order, statuses included. */
    readonly events: readonly string[];
    /** The coded errors sent back in the tool result of each repair request, in order. */
    readonly repairs?: readonly (readonly string[])[];
    /** Words the final event's text must contain. */
    readonly text?: string;
    /** Requests the server must have received (SDK retries included). */
    readonly requests?: number;
  };
  /** Client options for this transcript (timeouts, retries), when not the tests' defaults. */
  readonly client?: { readonly timeoutMs?: number; readonly maxRetries?: number };
  /** Turn options (stall detection). */
  readonly turn?: { readonly idleTimeoutMs?: number; readonly maxRepairs?: number };
}

/** A request the fake received. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The parsed JSON body (undefined when it was not JSON). */
  readonly body: Record<string, unknown> | undefined;
}

/** A running fake. */
export interface FakeAnthropic {
  /** The base URL to give the SDK (`baseURL`). */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Replaces the responses still to play and forgets the recorded requests. */
  play(responses: readonly FakeResponse[]): void;
  /** Responses not played yet. */
  remaining(): number;
  close(): Promise<void>;
}

const FIXTURES = fileURLToPath(new URL('../fixtures/ai/', import.meta.url));

/** The names of the transcripts under tests/fixtures/ai (without `.json`). */
export function transcriptNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/** Reads tests/fixtures/ai/<name>.json. */
export function loadTranscript(name: string): Transcript {
  return JSON.parse(readFileSync(`${FIXTURES}${name}.json`, 'utf8')) as Transcript;
}

let sequence = 0;
const nextId = (prefix: string) => `${prefix}_fake${String(++sequence).padStart(8, '0')}`;

/** Splits text into `n` chunks of about equal length (the API splits at arbitrary points too). */
function split(text: string, n: number): string[] {
  if (text === '') return [''];
  const size = Math.max(1, Math.ceil(text.length / n));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** The tokens one answer reports. */
interface Tokens {
  readonly input: number;
  readonly cacheRead: number;
  readonly cacheWrite: number;
  readonly output: number;
}

/** The default count: the same for every call, so tests can assert it exactly. */
const FIXED_TOKENS: Tokens = { input: 1200, cacheRead: 0, cacheWrite: 0, output: 150 };

/** The API's smallest cacheable prefix (Sonnet: 1,024 tokens); shorter ones are not cached. */
const MIN_CACHED = 1024;

/**
 * Tokens estimated the way the API counts them, at about four characters a token: the request
 * body in, the answer out. A request whose system prompt ends with a `cache_control`
 * breakpoint caches its prefix (the tools, then the system prompt): written the first time the
 * fake sees that prefix, read every time after, and not counted in `input` (as the API does).
 */
function estimateTokens(
  body: Record<string, unknown>,
  text: string,
  response: FakeResponse,
  seen: Set<string>
): Tokens {
  const total = Math.ceil(text.length / 4);
  const system = Array.isArray(body.system) ? (body.system as { cache_control?: unknown }[]) : [];
  const prefix = JSON.stringify(body.tools ?? []) + JSON.stringify(body.system ?? '');
  const prefixTokens = Math.ceil(prefix.length / 4);
  let cacheRead = 0;
  let cacheWrite = 0;
  if (system.at(-1)?.cache_control && prefixTokens >= MIN_CACHED) {
    if (seen.has(prefix)) cacheRead = prefixTokens;
    else {
      seen.add(prefix);
      cacheWrite = prefixTokens;
    }
  }
  const answer = (response.text ?? '') + (response.rawJson ?? JSON.stringify(response.tool ?? ''));
  return {
    input: Math.max(1, total - cacheRead - cacheWrite),
    cacheRead,
    cacheWrite,
    output: 10 + Math.ceil(answer.length / 4)
  };
}

function usage(tokens: Tokens, output: number) {
  return {
    input_tokens: tokens.input,
    output_tokens: output,
    cache_creation_input_tokens: tokens.cacheWrite,
    cache_read_input_tokens: tokens.cacheRead,
    cache_creation: null,
    server_tool_use: null,
    service_tier: 'standard',
    inference_geo: null
  };
}

/** The events of one answer, in the API's order. */
function answerEvents(
  response: FakeResponse,
  model: string,
  tokens: Tokens = FIXED_TOKENS
): { event: string; data: unknown }[] {
  const events: { event: string; data: unknown }[] = [];
  const hasTool = response.tool !== undefined || response.rawJson !== undefined;
  events.push({
    event: 'message_start',
    data: {
      type: 'message_start',
      message: {
        id: nextId('msg'),
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        container: null,
        diagnostics: null,
        stop_reason: null,
        stop_sequence: null,
        stop_details: null,
        usage: usage(tokens, 1)
      }
    }
  });
  let index = 0;
  if (response.text !== undefined) {
    events.push({
      event: 'content_block_start',
      data: {
        type: 'content_block_start',
        index,
        content_block: { type: 'text', text: '', citations: null }
      }
    });
    events.push({ event: 'ping', data: { type: 'ping' } });
    for (const piece of split(response.text, 3))
      events.push({
        event: 'content_block_delta',
        data: { type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } }
      });
    events.push({ event: 'content_block_stop', data: { type: 'content_block_stop', index } });
    index++;
  }
  if (hasTool) {
    const json = response.rawJson ?? JSON.stringify(response.tool);
    events.push({
      event: 'content_block_start',
      data: {
        type: 'content_block_start',
        index,
        content_block: {
          type: 'tool_use',
          id: nextId('toolu'),
          name: response.toolName ?? 'propose_changes',
          input: {},
          caller: { type: 'direct' }
        }
      }
    });
    // The API opens a tool input with an empty delta before the first real chunk.
    events.push({
      event: 'content_block_delta',
      data: {
        type: 'content_block_delta',
        index,
        delta: { type: 'input_json_delta', partial_json: '' }
      }
    });
    for (const piece of split(json, response.chunks ?? 5))
      events.push({
        event: 'content_block_delta',
        data: {
          type: 'content_block_delta',
          index,
          delta: { type: 'input_json_delta', partial_json: piece }
        }
      });
    events.push({ event: 'content_block_stop', data: { type: 'content_block_stop', index } });
  }
  events.push({
    event: 'message_delta',
    data: {
      type: 'message_delta',
      delta: {
        stop_reason: response.stopReason ?? (hasTool ? 'tool_use' : 'end_turn'),
        stop_sequence: null,
        stop_details: null,
        container: null
      },
      usage: { output_tokens: tokens.output }
    }
  });
  events.push({ event: 'message_stop', data: { type: 'message_stop' } });
  return events;
}

/** The same answer as one Message (for requests without `stream: true`). */
function answerMessage(
  response: FakeResponse,
  model: string,
  tokens: Tokens = FIXED_TOKENS
): unknown {
  const content: unknown[] = [];
  if (response.text !== undefined)
    content.push({ type: 'text', text: response.text, citations: null });
  if (response.tool !== undefined || response.rawJson !== undefined)
    content.push({
      type: 'tool_use',
      id: nextId('toolu'),
      name: response.toolName ?? 'propose_changes',
      // A non-streamed answer always carries parsed input; broken JSON has no plain form.
      input: response.tool ?? {},
      caller: { type: 'direct' }
    });
  return {
    id: nextId('msg'),
    type: 'message',
    role: 'assistant',
    model,
    content,
    container: null,
    diagnostics: null,
    stop_reason:
      response.stopReason ??
      (response.tool !== undefined || response.rawJson !== undefined ? 'tool_use' : 'end_turn'),
    stop_sequence: null,
    stop_details: null,
    usage: usage(tokens, tokens.output)
  };
}

function sendError(
  res: ServerResponse,
  status: number,
  type: string,
  message: string,
  headers: Readonly<Record<string, string>> = {}
): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'request-id': nextId('req'),
    ...headers
  });
  res.end(JSON.stringify({ type: 'error', error: { type, message }, request_id: nextId('req') }));
}

/**
 * The checks the real API makes that a repair loop can get wrong: alternating roles starting
 * with the user, and every tool_use answered by a tool_result in the very next message.
 */
function conversationProblem(body: Record<string, unknown>): string | undefined {
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0)
    return 'messages: at least one message is required';
  if (typeof body.model !== 'string') return 'model: Field required';
  if (typeof body.max_tokens !== 'number') return 'max_tokens: Field required';
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as { role?: unknown; content?: unknown };
    const expected = i % 2 === 0 ? 'user' : 'assistant';
    if (m.role !== expected) return `messages.${i}.role: expected "${expected}"`;
    const blocks = Array.isArray(m.content) ? (m.content as { type?: string; id?: string }[]) : [];
    if (typeof m.content === 'string' && m.content === '')
      return `messages.${i}: text content blocks must be non-empty`;
    const uses = blocks.filter((b) => b.type === 'tool_use').map((b) => b.id);
    if (uses.length === 0) continue;
    const next = messages[i + 1] as { content?: unknown } | undefined;
    const results = new Set(
      (Array.isArray(next?.content)
        ? (next.content as { type?: string; tool_use_id?: string }[])
        : []
      )
        .filter((b) => b.type === 'tool_result')
        .map((b) => b.tool_use_id)
    );
    const missing = uses.find((id) => !results.has(id));
    if (missing)
      return `messages.${i + 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing}`;
  }
  return undefined;
}

/**
 * The key a request carries. SDK 1.13 sends an API key as `Authorization: Bearer <key>`, no
 * longer as `x-api-key`; the API takes both.
 */
export function apiKeyOf(headers: RecordedRequest['headers']): string | undefined {
  const key = headers['x-api-key'];
  if (typeof key === 'string' && key) return key;
  const auth = headers.authorization;
  return typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts a fake on a free local port, with responses to play (more can be given by `play`). */
export async function startFakeAnthropic(
  responses: readonly FakeResponse[] = [],
  options: {
    /**
     * `fixed` (default): every call counts 1,200 tokens in and 150 out. `estimate`: counted
     * from the request and the answer, with prompt caching (estimateTokens), for eval:ai.
     */
    readonly tokens?: 'fixed' | 'estimate';
  } = {}
): Promise<FakeAnthropic> {
  let queue = [...responses];
  /** Cached prompt prefixes, for `tokens: 'estimate'`. */
  const cached = new Set<string>();
  const requests: RecordedRequest[] = [];
  /** Timers of delayed and stalled answers, cleared when their client goes away. */
  const pending = new Set<ReturnType<typeof setTimeout>>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const text = await readBody(req);
    let body: Record<string, unknown> | undefined;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    if (req.method !== 'POST' || !(req.url ?? '').startsWith('/v1/messages'))
      return sendError(res, 404, 'not_found_error', `Not found: ${req.method} ${req.url}`);
    if (!apiKeyOf(req.headers))
      return sendError(res, 401, 'authentication_error', 'x-api-key header is required');
    if (!req.headers['anthropic-version'])
      return sendError(res, 400, 'invalid_request_error', 'anthropic-version header is required');
    if (!body) return sendError(res, 400, 'invalid_request_error', 'The request body is not JSON');
    const problem = conversationProblem(body);
    if (problem) return sendError(res, 400, 'invalid_request_error', problem);

    const response = queue.shift();
    if (!response)
      return sendError(
        res,
        400,
        'invalid_request_error',
        'fake: the transcript has no more responses',
        {
          'x-should-retry': 'false'
        }
      );

    let closed = false;
    res.on('close', () => (closed = true));
    const wait = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve();
        }, ms);
        pending.add(timer);
        res.on('close', () => {
          clearTimeout(timer);
          pending.delete(timer);
          resolve();
        });
      });
    if (response.delayMs) await wait(response.delayMs);
    if (closed) return;

    if (response.status)
      return sendError(
        res,
        response.status,
        response.error?.type ?? 'api_error',
        response.error?.message ?? 'Internal server error',
        response.headers
      );

    const model = typeof body.model === 'string' ? body.model : 'claude';
    const tokens =
      options.tokens === 'estimate' ? estimateTokens(body, text, response, cached) : FIXED_TOKENS;
    if (body.stream !== true) {
      res.writeHead(200, {
        'content-type': 'application/json',
        'request-id': nextId('req'),
        ...response.headers
      });
      res.end(JSON.stringify(answerMessage(response, model, tokens)));
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'request-id': nextId('req'),
      ...response.headers
    });
    const events = answerEvents(response, model, tokens);
    for (let i = 0; i < events.length; i++) {
      if (closed) return;
      if (response.stallAfterEvents !== undefined && i >= response.stallAfterEvents) {
        // Keep the connection open, send nothing: the client's watchdog must notice.
        await wait(60_000);
        res.end();
        return;
      }
      if (response.streamError && i >= response.streamError.afterEvents) {
        const { type, message } = response.streamError;
        res.write(
          `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type, message } })}\n\n`
        );
        res.end();
        return;
      }
      const { event, data } = events[i];
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      // Let chunks go out as separate writes, as they would over the network.
      await new Promise((resolve) => setImmediate(resolve));
    }
    res.end();
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'api_error', `fake: ${String(e)}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    play(next) {
      queue = [...next];
      requests.length = 0;
    },
    remaining: () => queue.length,
    async close() {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };
}
