/**
 * One streamed call to the Messages API, read from its raw server-sent events.
 *
 * `client.messages.create({ stream: true })`, not `client.messages.stream()`: the MessageStream
 * helper accumulates tool input with a lenient partial-JSON parser (a cut-off batch reads as a
 * shorter valid one) and, on JSON it cannot parse, fails the whole stream with the parser's
 * SyntaxError as if the transport had broken. Here the raw `input_json_delta` text is kept as it
 * came and parsed strictly by readProposal, so broken output is a repairable attempt and a
 * broken connection is a failure.
 *
 * The SDK's `timeout` covers the wait for the response headers only; a stream that stalls after
 * them would hang the turn. A watchdog aborts a stream that sends nothing for `idleTimeoutMs`.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { APIUserAbortError, AnthropicError } from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import { PROPOSAL_LIMITS } from './tool';

/** One tool call as it arrived: its input is the raw JSON text. */
export interface ToolCall {
  readonly id: string;
  readonly name: string;
  readonly json: string;
}

/** What one call answered. */
export interface ModelAnswer {
  /** The text blocks, joined. */
  readonly text: string;
  readonly calls: readonly ToolCall[];
  readonly stopReason: string | null;
  /** The call's tokens as the API counted them (zeros when it sent none). */
  readonly usage: Usage;
}

/** Tokens of one call: the prompt, the part of it read from or written to the cache, the answer. */
export interface Usage {
  readonly input: number;
  readonly cacheRead: number;
  readonly cacheWrite: number;
  readonly output: number;
}

/** A stream that stopped sending: a failure of the call, like a timeout. */
export class StreamStalledError extends AnthropicError {}

type Block =
  | { kind: 'text'; text: string }
  | { kind: 'tool'; id: string; name: string; json: string }
  | { kind: 'other' };

/**
 * Makes one streamed call. Yields `'tool-input'` once, when the first tool call begins (the turn
 * shows it); returns the answer. Throws the SDK's errors (and StreamStalledError) as they are.
 */
export async function* streamAnswer(
  client: Anthropic,
  params: MessageCreateParamsNonStreaming,
  options: { readonly signal?: AbortSignal; readonly idleTimeoutMs: number }
): AsyncGenerator<'tool-input', ModelAnswer> {
  const stream = await client.messages.create(
    { ...params, stream: true },
    options.signal ? { signal: options.signal } : {}
  );
  const blocks: Block[] = [];
  let stopReason: string | null = null;
  let usage: Usage = { input: 0, cacheRead: 0, cacheWrite: 0, output: 0 };
  let complete = false;
  let stalled = false;
  let announced = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      stream.controller.abort();
    }, options.idleTimeoutMs);
  };
  try {
    watch();
    for await (const event of stream) {
      watch();
      if (event.type === 'content_block_start') {
        const block = event.content_block;
        if (block.type === 'tool_use') {
          blocks[event.index] = { kind: 'tool', id: block.id, name: block.name, json: '' };
          if (!announced) {
            announced = true;
            yield 'tool-input';
          }
        } else if (block.type === 'text')
          blocks[event.index] = { kind: 'text', text: block.text ?? '' };
        else blocks[event.index] = { kind: 'other' };
      } else if (event.type === 'content_block_delta') {
        const block = blocks[event.index];
        if (event.delta.type === 'input_json_delta' && block?.kind === 'tool') {
          block.json += event.delta.partial_json;
          // Past the limit the proposal is refused whatever follows: stop downloading it.
          if (block.json.length > PROPOSAL_LIMITS.bytes) {
            complete = true;
            stream.controller.abort();
            break;
          }
        } else if (event.delta.type === 'text_delta' && block?.kind === 'text')
          block.text += event.delta.text;
      } else if (event.type === 'message_start') {
        const u = event.message.usage;
        usage = {
          input: u?.input_tokens ?? 0,
          cacheRead: u?.cache_read_input_tokens ?? 0,
          cacheWrite: u?.cache_creation_input_tokens ?? 0,
          output: u?.output_tokens ?? 0
        };
      } else if (event.type === 'message_delta') {
        stopReason = event.delta.stop_reason;
        if (typeof event.usage?.output_tokens === 'number')
          usage = { ...usage, output: event.usage.output_tokens };
      } else if (event.type === 'message_stop') complete = true;
    }
  } finally {
    clearTimeout(timer);
  }
  // An aborted stream ends its iteration quietly; say why it ended.
  if (options.signal?.aborted) throw new APIUserAbortError();
  if (stalled)
    throw new StreamStalledError(
      `Claude stopped sending in the middle of its answer (nothing for ${Math.round(options.idleTimeoutMs / 1000)} s)`
    );
  if (!complete) throw new AnthropicError('the answer ended before it was complete');
  return {
    text: blocks
      .filter((b): b is Extract<Block, { kind: 'text' }> => b?.kind === 'text')
      .map((b) => b.text)
      .join(''),
    calls: blocks.filter((b): b is Extract<Block, { kind: 'tool' }> => b?.kind === 'tool'),
    stopReason,
    usage
  };
}
