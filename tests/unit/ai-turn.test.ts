/**
 * The repair loop against the fake Messages API (tests/fake-anthropic/server.ts) with the real
 * SDK and a real checker: the planner, the compile gate (TypeScript included) and a dry run in a
 * sandbox process, on the todo template. One test per transcript in tests/fixtures/ai (add a
 * case by adding a file), plus what needs no transcript: a refused connection, cancelling,
 * earlier turns, and the request the loop sends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { claudeClient } from '../../src/lib/ai/claude';
import { planChecker } from '../../src/lib/ai/check';
import { PROPOSE_CHANGES } from '../../src/lib/ai/tool';
import { repairFeedback, runTurn, type AssistEvent, type Checker } from '../../src/lib/ai/turn';
import { CompileGate } from '../../src/lib/code/gate';
import { seededIds } from '../../src/lib/model/ids';
import { SandboxHost } from '../../src/lib/runtime/host';
import { nodeProcessPort } from '../../src/lib/runtime/port';
import { templateModel } from '../../src/lib/templates';
import {
  apiKeyOf,
  loadTranscript,
  startFakeAnthropic,
  transcriptNames,
  type FakeAnthropic,
  type RecordedRequest,
  type Transcript
} from '../fake-anthropic/server';

const model = templateModel('todo', seededIds(7));
let gate: CompileGate;
let host: SandboxHost;
let fake: FakeAnthropic;
let checks = 0;
let checker: Checker;

beforeAll(async () => {
  gate = new CompileGate();
  host = new SandboxHost({ port: () => nodeProcessPort(), spare: false });
  const real = planChecker(model, { verify: gate.verifier(), sandbox: host.sandboxChecks() });
  checker = {
    check(ops) {
      checks++;
      return real.check(ops);
    }
  };
  fake = await startFakeAnthropic();
});

afterAll(async () => {
  await fake?.close();
  await host?.dispose();
  gate?.dispose();
});

interface Played {
  readonly events: AssistEvent[];
  readonly requests: RecordedRequest[];
  readonly checks: number;
  /** What `onUsage` was told, call by call. */
  readonly usages: { input: number; cacheRead: number; output: number; attempt: number }[];
}

async function play(
  transcript: Pick<Transcript, 'message' | 'selection' | 'responses' | 'client' | 'turn'>,
  extra: { history?: Parameters<typeof runTurn>[0]['history']; signal?: AbortSignal } = {}
): Promise<Played> {
  fake.play(transcript.responses);
  checks = 0;
  const client = claudeClient({
    apiKey: 'sk-test-key',
    baseURL: fake.url,
    timeoutMs: transcript.client?.timeoutMs ?? 10_000,
    maxRetries: transcript.client?.maxRetries ?? 1
  });
  const events: AssistEvent[] = [];
  const usages: Played['usages'] = [];
  for await (const event of runTurn(
    {
      model,
      message: transcript.message,
      selection: transcript.selection ?? null,
      history: extra.history
    },
    {
      client,
      modelName: 'claude-test',
      check: checker,
      idleTimeoutMs: transcript.turn?.idleTimeoutMs ?? 10_000,
      maxRepairs: transcript.turn?.maxRepairs,
      signal: extra.signal,
      onUsage: (u, attempt) =>
        usages.push({ input: u.input, cacheRead: u.cacheRead, output: u.output, attempt })
    }
  ))
    events.push(event);
  return { events, requests: [...fake.requests], checks, usages };
}

type Block = { type?: string; content?: unknown; is_error?: boolean; tool_use_id?: string };
type Message = { role: string; content: string | Block[] };

/** The coded errors a repair request sent back (in its last message), sorted and unique. */
function repairCodes(request: RecordedRequest): string[] {
  const messages = request.body!.messages as Message[];
  const last = messages.at(-1)!;
  const texts =
    typeof last.content === 'string'
      ? [last.content]
      : last.content
          .filter((b) => b.type === 'tool_result' && b.is_error === true)
          .map((b) => String(b.content));
  const codes = texts.flatMap((text) =>
    (JSON.parse(text) as { errors: { code: string }[] }).errors.map((e) => e.code)
  );
  return [...new Set(codes)].sort();
}

describe('token usage', () => {
  it('reports each call as the API counted it: prompt, cache and answer', async () => {
    const answered = transcriptNames()
      .map((name) => loadTranscript(name))
      .find((t) => t.expect.events.includes('proposal'))!;
    const { usages } = await play(answered);
    expect(usages.length).toBeGreaterThan(0);
    // The fake API counts 1,200 prompt tokens and 150 answer tokens for every call.
    expect(usages[0]).toEqual({ input: 1200, cacheRead: 0, output: 150, attempt: 1 });
  });
});

describe('runTurn against the fake Messages API, one test per transcript', () => {
  for (const name of transcriptNames()) {
    const transcript = loadTranscript(name);
    it(`${name}: ${transcript.description}`, async () => {
      const { events, requests, checks, usages } = await play(transcript);
      // Every answered call's tokens reach onUsage (what the server logs), in order.
      expect(usages.map((u) => u.attempt)).toEqual(usages.map((_, i) => i + 1));
      expect(usages.length).toBeLessThanOrEqual(requests.length);
      for (const u of usages) expect(u.input).toBeGreaterThan(0);
      expect(events.map((e) => e.type)).toEqual(transcript.expect.events);
      if (transcript.expect.requests !== undefined)
        expect(requests).toHaveLength(transcript.expect.requests);

      // Statuses say where the turn is.
      const statuses = events.flatMap((e) => (e.type === 'status' ? [e.text] : []));
      expect(statuses[0]).toBe('Asking Claude…');
      const repairs = statuses.filter((s) => s.startsWith('Repairing'));
      repairs.forEach((s, i) => expect(s).toBe(`Repairing (${i + 1} of 3)…`));
      // The checker ran exactly for the batches that could be read, never for the others.
      expect(checks).toBe(statuses.filter((s) => s === 'Checking the proposal…').length);

      // Every request is a streamed call with the one tool, forced, and the key in its header.
      for (const request of requests) {
        expect(apiKeyOf(request.headers)).toBe('sk-test-key');
        expect(request.body).toMatchObject({
          model: 'claude-test',
          stream: true,
          tool_choice: { type: 'any', disable_parallel_tool_use: true }
        });
        expect((request.body!.tools as { name: string }[]).map((t) => t.name)).toEqual([
          PROPOSE_CHANGES
        ]);
        // Prompt caching: the breakpoint ends the system prompt, and the API's cache prefix is
        // tools, then system, so the tool schema and the system prompt are cached together.
        const system = request.body!.system as { cache_control?: unknown }[];
        expect(system.at(-1)!.cache_control).toEqual({ type: 'ephemeral' });
      }

      // Each repair request carries the coded errors of the attempt before it.
      const expected = transcript.expect.repairs ?? [];
      expect(requests.length).toBeGreaterThanOrEqual(expected.length + 1);
      expected.forEach((codes, i) => {
        expect(repairCodes(requests[i + 1])).toEqual([...codes].sort());
        // The refused attempt is in the conversation before its errors.
        const messages = requests[i + 1].body!.messages as Message[];
        expect(messages.at(-2)!.role).toBe('assistant');
      });

      const last = events.at(-1)!;
      if (transcript.expect.text) {
        const said = 'text' in last ? last.text : 'summary' in last ? last.summary : '';
        expect(said).toContain(transcript.expect.text);
      }
      if (last.type === 'proposal') {
        const good = transcript.responses.at(-1)!.tool as { ops: unknown[]; summary: string };
        expect(last.ops).toEqual(good.ops);
        expect(last.summary).toBe(good.summary);
        expect(last.attempts).toBe(expected.length + 1);
      }
      if (last.type === 'failed') expect(last.text).not.toMatch(/\n\s+at /);
    });
  }
});

describe('runTurn, beyond the transcripts', () => {
  it('sends the repair errors as JSON: code, message, op index and path', async () => {
    const { requests } = await play(loadTranscript('missing-id'));
    const messages = requests[1].body!.messages as Message[];
    const use = (messages.at(-2)!.content as Block[]).find((b) => b.type === 'tool_use')!;
    const result = (messages.at(-1)!.content as Block[])[0];
    expect(result).toMatchObject({ type: 'tool_result', is_error: true });
    expect(result.tool_use_id).toBe((use as { id?: string }).id);
    const body = JSON.parse(String(result.content)) as {
      applied: boolean;
      errors: { code: string; message: string; op: number; path: string }[];
    };
    expect(body.applied).toBe(false);
    expect(body.errors[0]).toMatchObject({ code: 'E_NODE_NOT_FOUND', op: 0, path: '/0/id' });
    expect(body.errors[0].message).toContain('b9zzzz');
  });

  it('sends a code frame with errors in code', async () => {
    const { requests } = await play(loadTranscript('policy-window'));
    const result = ((requests[1].body!.messages as Message[]).at(-1)!.content as Block[])[0];
    const body = JSON.parse(String(result.content)) as { errors: { frame?: string }[] };
    expect(body.errors.some((e) => e.frame?.includes('window.location'))).toBe(true);
  });

  it('keeps the request text in its block: a forged closing tag cannot escape it', async () => {
    const { requests } = await play(loadTranscript('injection-skip-validation'));
    const first = requests[0].body!.messages as Message[];
    const text = first.at(-1)!.content as string;
    expect(text.match(/<user_request>/g)).toHaveLength(1);
    expect(text.match(/<\/user_request>/g)).toHaveLength(1);
    expect(text).toContain('&lt;/user_request>');
    expect(text.trimEnd().endsWith('</user_request>')).toBe(true);
    const system = (requests[0].body!.system as { text: string }[])[0].text;
    expect(system).toMatch(/skip, disable or bypass validation/);
  });

  it('fails clearly when nothing listens at the base URL', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const client = claudeClient({
      apiKey: 'sk-test-key',
      baseURL: `http://127.0.0.1:${port}`,
      maxRetries: 0
    });
    const events: AssistEvent[] = [];
    for await (const e of runTurn(
      { model, message: 'Add a toggle' },
      { client, modelName: 'claude-test', check: checker }
    ))
      events.push(e);
    expect(events.map((e) => e.type)).toEqual(['status', 'failed']);
    const failed = events[1] as Extract<AssistEvent, { type: 'failed' }>;
    expect(failed.cause).toBe('api');
    expect(failed.text).toContain('Could not reach the Claude API (ECONNREFUSED)');
  });

  it('stops when the caller cancels, and says so', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { events } = await play(
      { message: 'Add a toggle', responses: [{ delayMs: 5000 }] },
      {
        signal: controller.signal
      }
    );
    expect(events.map((e) => e.type)).toEqual(['status', 'failed']);
    expect(events[1]).toMatchObject({ type: 'failed', cause: 'cancelled' });
  });

  it('sends earlier turns before the request, each request in its block', async () => {
    const transcript = loadTranscript('good-first-time');
    const { requests } = await play(transcript, {
      history: [
        { message: 'Add a footer', outcome: 'applied', summary: 'Added a footer text' },
        { message: 'Make it <b>bold</b>', outcome: 'question', summary: 'Which text?' }
      ]
    });
    const messages = requests[0].body!.messages as Message[];
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
    expect(messages[0].content).toContain('<user_request>\nAdd a footer\n</user_request>');
    expect(messages[1].content).toContain('Added a footer text (the person applied it)');
    expect(messages[3].content).toContain('I asked: Which text?');
  });

  it('takes the checker as a plain function, and maxRepairs 0 means one call', async () => {
    fake.play(loadTranscript('unknown-op').responses);
    const events: AssistEvent[] = [];
    for await (const e of runTurn(
      { model, message: 'Add a toggle' },
      {
        client: claudeClient({ apiKey: 'k', baseURL: fake.url }),
        modelName: 'claude-test',
        check: (ops) => checker.check(ops),
        maxRepairs: 0
      }
    ))
      events.push(e);
    expect(events.at(-1)).toMatchObject({
      type: 'failed',
      cause: 'repairs',
      errors: [{ code: 'E_UNKNOWN_OP', op: 0 }]
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('contains a checker that throws', async () => {
    fake.play(loadTranscript('good-first-time').responses);
    const events: AssistEvent[] = [];
    for await (const e of runTurn(
      { model, message: 'Add a toggle' },
      {
        client: claudeClient({ apiKey: 'k', baseURL: fake.url }),
        modelName: 'claude-test',
        check: async () => {
          throw new Error('sandbox gone');
        }
      }
    ))
      events.push(e);
    expect(events.at(-1)).toMatchObject({ type: 'failed', cause: 'checker' });
    expect((events.at(-1) as { text: string }).text).toContain('sandbox gone');
  });

  it('caps the errors sent back, and counts the rest', () => {
    const many = Array.from({ length: 45 }, (_, i) => ({
      code: 'E_NODE_NOT_FOUND',
      message: `no node ${i}`,
      op: i
    }));
    const body = JSON.parse(repairFeedback(many)) as { errors: unknown[]; moreErrors: number };
    expect(body.errors).toHaveLength(20);
    expect(body.moreErrors).toBe(25);
  });
});
