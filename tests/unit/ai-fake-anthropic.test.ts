/**
 * The fake Messages API speaks the format the real SDK reads: the SDK's own MessageStream helper
 * and its plain `create` parse what it sends into the messages the transcript describes. Also
 * pins down the SDK behaviour that made the turn read raw events: MessageStream parses tool
 * input leniently, so an answer cut off at max_tokens reads as a shorter, valid-looking batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Anthropic, { BadRequestError } from '@anthropic-ai/sdk';
import { loadTranscript, startFakeAnthropic, type FakeAnthropic } from '../fake-anthropic/server';

let fake: FakeAnthropic;
let client: Anthropic;
const params = {
  model: 'claude-test',
  max_tokens: 1024,
  messages: [{ role: 'user' as const, content: 'Add a dark mode toggle' }]
};

beforeAll(async () => {
  fake = await startFakeAnthropic();
  client = new Anthropic({ apiKey: 'sk-test', baseURL: fake.url, maxRetries: 0 });
});

afterAll(() => fake?.close());

describe('the fake Messages API', () => {
  it('streams a tool call the SDK MessageStream assembles, event by event', async () => {
    const good = loadTranscript('good-first-time').responses[0];
    fake.play([good]);
    const stream = client.messages.stream(params);
    const types: string[] = [];
    const chunks: string[] = [];
    stream.on('streamEvent', (event) => types.push(event.type));
    stream.on('inputJson', (partial) => chunks.push(partial));
    const message = await stream.finalMessage();
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content).toEqual([
      expect.objectContaining({ type: 'tool_use', name: 'propose_changes', input: good.tool })
    ]);
    expect(types[0]).toBe('message_start');
    expect(types.at(-1)).toBe('message_stop');
    expect(types).toContain('message_delta');
    expect(chunks.filter(Boolean).length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(JSON.stringify(good.tool));
    expect(fake.requests[0].body).toMatchObject({ stream: true, model: 'claude-test' });
  });

  it('answers a plain request with the whole message', async () => {
    fake.play([{ text: 'Which one?', tool: { summary: '', ops: [], question: 'Which one?' } }]);
    const message = await client.messages.create(params);
    expect(message.content.map((b) => b.type)).toEqual(['text', 'tool_use']);
    expect(message.usage.output_tokens).toBe(150);
  });

  it('refuses a tool_use without a tool_result after it, as the API does', async () => {
    fake.play([{ text: 'never sent' }]);
    const request = client.messages.create({
      ...params,
      messages: [
        ...params.messages,
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'toolu_1', name: 'propose_changes', input: {} }]
        },
        { role: 'user', content: 'and?' }
      ]
    });
    await expect(request).rejects.toBeInstanceOf(BadRequestError);
  });

  it('shows why the turn parses raw input: MessageStream reads a cut-off batch as a valid one', async () => {
    fake.play(loadTranscript('truncated-answer').responses.slice(0, 1));
    const message = await client.messages.stream(params).finalMessage();
    expect(message.stop_reason).toBe('max_tokens');
    const input = (message.content[0] as { input: { ops: unknown[] } }).input;
    // Two ops were being written; the second was cut off in the middle. The partial parser
    // returns the first op whole and a fragment of the second, with no error.
    expect(input.ops).toHaveLength(2);
    expect(input.ops[1]).toEqual({ op: 'addNode', parent: 'swpnxw' });
  });

  it('shows why the turn parses raw input: MessageStream fails the stream on broken JSON', async () => {
    fake.play(loadTranscript('malformed-json').responses.slice(0, 1));
    await expect(client.messages.stream(params).finalMessage()).rejects.toThrow(/JSON/);
  });
});
