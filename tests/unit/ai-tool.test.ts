/**
 * The propose_changes tool (its input schema derived from schemas/ops.schema.json), reading a
 * tool input strictly before anything checks it, and choosing the assistant from the
 * environment.
 */
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError
} from '@anthropic-ai/sdk';
import opsSchema from '../../schemas/ops.schema.json';
import {
  assistantFromEnv,
  CLIENT_DEFAULTS,
  DEFAULT_MODEL,
  describeApiError
} from '../../src/lib/ai/claude';
import { readProposal } from '../../src/lib/ai/proposal';
import { PROPOSAL_LIMITS, PROPOSE_CHANGES, PROPOSE_CHANGES_TOOL } from '../../src/lib/ai/tool';
import { TEMPLATES } from '../../src/lib/templates';

const schema = PROPOSE_CHANGES_TOOL.input_schema;
const validate = new Ajv2020({ strict: false }).compile(schema);

/** Every key anywhere in a JSON value. */
function keys(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keys(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keys(v, out);
    }
  return out;
}

describe('PROPOSE_CHANGES_TOOL', () => {
  it('is the one tool, with summary and ops required and question and refusal optional', () => {
    expect(PROPOSE_CHANGES_TOOL.name).toBe(PROPOSE_CHANGES);
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['summary', 'ops']);
    const properties = schema.properties as Record<string, { type?: string; maxLength?: number }>;
    expect(Object.keys(properties)).toEqual(['summary', 'ops', 'question', 'refusal']);
    expect(properties.summary).toMatchObject({ type: 'string', maxLength: 200 });
  });

  it('carries every definition of ops.schema.json at its root, where the $refs resolve', () => {
    expect(Object.keys(schema.$defs as object).sort()).toEqual(Object.keys(opsSchema.$defs).sort());
    const ops = (schema.properties as Record<string, Record<string, unknown>>).ops;
    expect(ops).toMatchObject({ type: 'array', items: { $ref: '#/$defs/Op' }, maxItems: 200 });
    // The same definitions, minus what only our tooling reads.
    const all = keys(schema);
    for (const dropped of ['tsType', '$schema', '$id', 'title'])
      expect(all.has(dropped)).toBe(false);
    expect([...all].some((k) => k.startsWith('x-'))).toBe(false);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('accepts the templates as batches and refuses what the op schema refuses', () => {
    for (const [name, ops] of Object.entries(TEMPLATES))
      expect(validate({ summary: name, ops }), name).toBe(true);
    expect(validate({ summary: 'x', ops: [{ op: 'explode' }] })).toBe(false);
    expect(validate({ summary: 'x', ops: [{ op: 'setProp', id: 'b1', name: 'label' }] })).toBe(
      false
    );
    expect(validate({ ops: [] })).toBe(false);
    expect(validate({ summary: 'x'.repeat(201), ops: [] })).toBe(false);
    const many = Array.from({ length: 201 }, () => ({ op: 'removeNode', id: 'b1' }));
    expect(validate({ summary: 'x', ops: many })).toBe(false);
    expect(validate({ summary: '', ops: [], question: 'Which list?' })).toBe(true);
  });
});

describe('readProposal', () => {
  const good = { summary: 'Adds a title', ops: [{ op: 'setMeta', name: 'title', value: 'T' }] };

  it('reads a batch, trimming the summary to its limit', () => {
    expect(readProposal(JSON.stringify(good))).toEqual({ kind: 'batch', ...good });
    const long = readProposal(JSON.stringify({ ...good, summary: 's'.repeat(500) }));
    expect(long.kind === 'batch' && long.summary.length).toBe(PROPOSAL_LIMITS.summary);
    // A missing summary costs no repair.
    expect(readProposal(JSON.stringify({ ops: good.ops }))).toMatchObject({
      kind: 'batch',
      summary: ''
    });
  });

  it('reads a question or a refusal instead of a batch', () => {
    expect(readProposal('{"summary":"","ops":[],"question":" Which one? "}')).toEqual({
      kind: 'question',
      text: 'Which one?'
    });
    expect(readProposal('{"summary":"","ops":[],"refusal":"No network."}')).toEqual({
      kind: 'refusal',
      text: 'No network.'
    });
  });

  const codes = (json: string, options?: { truncated?: boolean }) => {
    const reading = readProposal(json, options);
    return reading.kind === 'invalid' ? reading.errors.map((e) => e.code) : [];
  };

  it('refuses JSON that does not parse, saying where, and a cut-off answer as cut off', () => {
    const broken = readProposal('{"summary": "x", "ops": [1,,2]}');
    expect(broken.kind).toBe('invalid');
    if (broken.kind !== 'invalid') return;
    expect(broken.errors[0].code).toBe('E_JSON_PARSE');
    // Node's message shows the spot itself, or gives a position we quote around.
    expect(broken.errors[0].message).toContain('[1,,2]');
    const unquoted = readProposal('{"summary": "x", ops: []}');
    expect(unquoted.kind === 'invalid' && unquoted.errors[0].message).toContain(
      'near `{"summary": "x", ops: []}`'
    );
    const cut = readProposal('{"summary": "x", "ops": [{"op": "setMe', { truncated: true });
    expect(cut.kind === 'invalid' && cut.errors[0].message).toContain('cut off');
  });

  it('refuses input of the wrong shape with a code for each', () => {
    expect(codes('[1, 2]')).toEqual(['E_FIELD_TYPE']);
    expect(codes('"ops"')).toEqual(['E_FIELD_TYPE']);
    expect(codes('{"summary": "x"}')).toEqual(['E_FIELD_MISSING']);
    expect(codes('{"summary": "x", "ops": {"op": "setMeta"}}')).toEqual(['E_BATCH_NOT_ARRAY']);
    expect(codes('{"summary": "x", "ops": []}')).toEqual(['E_FIELD_VALUE']);
    expect(codes('{"summary": "x", "ops": [], "question": 3}')).toEqual([
      'E_FIELD_TYPE',
      'E_FIELD_VALUE'
    ]);
    expect(codes('')).toEqual(['E_FIELD_MISSING']);
  });

  it('refuses a batch far too large before anything else looks at it', () => {
    const many = { summary: 'x', ops: Array.from({ length: 201 }, () => good.ops[0]) };
    expect(codes(JSON.stringify(many))).toEqual(['E_BATCH_TOO_LARGE']);
    const reading = readProposal(JSON.stringify(many));
    // What goes back into the conversation does not repeat the 201 ops.
    expect(reading.kind === 'invalid' && reading.input).toEqual({ summary: 'x', ops: [] });
    const huge = `{"summary": "x", "ops": [${'"' + 'x'.repeat(300 * 1024) + '"'}]}`;
    expect(codes(huge)).toEqual(['E_BATCH_TOO_LARGE']);
  });
});

describe('assistantFromEnv', () => {
  it('is offline without a key', () => {
    expect(assistantFromEnv({})).toEqual({
      kind: 'offline',
      reason: 'ANTHROPIC_API_KEY is not set'
    });
    expect(assistantFromEnv({ ANTHROPIC_API_KEY: '  ' }).kind).toBe('offline');
  });

  it('is Claude with a key, the base URL and model from the environment, few retries', () => {
    const assistant = assistantFromEnv({
      ANTHROPIC_API_KEY: 'sk-1',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
      MALLEABLE_MODEL: 'claude-haiku-5-5'
    });
    expect(assistant.kind).toBe('claude');
    if (assistant.kind !== 'claude') return;
    expect(assistant.modelName).toBe('claude-haiku-5-5');
    expect(assistant.client).toBeInstanceOf(Anthropic);
    expect(assistant.client.baseURL).toBe('http://127.0.0.1:9');
    expect(assistant.client.maxRetries).toBe(CLIENT_DEFAULTS.maxRetries);
    expect(assistant.client.timeout).toBe(CLIENT_DEFAULTS.timeoutMs);
    const plain = assistantFromEnv({ ANTHROPIC_API_KEY: 'sk-1' });
    expect(plain.kind === 'claude' && plain.modelName).toBe(DEFAULT_MODEL);
    expect(plain.kind === 'claude' && plain.client.baseURL).toBe('https://api.anthropic.com');
  });
});

describe('describeApiError', () => {
  const headers = new Headers();
  const body = (type: string, message: string) => ({ type: 'error', error: { type, message } });

  it('says what happened and what to do, per kind of failure', () => {
    expect(
      describeApiError(
        APIError.generate(401, body('authentication_error', 'invalid x-api-key'), '', headers)
      )
    ).toBe(
      'The Claude API refused the API key (401 authentication_error: invalid x-api-key); check ANTHROPIC_API_KEY.'
    );
    expect(
      describeApiError(
        APIError.generate(404, body('not_found_error', 'model: x'), '', headers),
        'x'
      )
    ).toContain('check MALLEABLE_MODEL ("x")');
    expect(
      describeApiError(APIError.generate(529, body('overloaded_error', 'Overloaded'), '', headers))
    ).toContain('overloaded');
    expect(
      describeApiError(APIError.generate(503, body('api_error', 'unavailable'), '', headers))
    ).toBe('The Claude API failed (503 api_error: unavailable); try again shortly.');
    expect(describeApiError(new APIConnectionTimeoutError())).toContain('did not answer in time');
    const refused = new APIConnectionError({
      cause: Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })
      })
    });
    expect(describeApiError(refused)).toContain('(ECONNREFUSED)');
    expect(describeApiError(new Error('boom'))).toBe('The request to Claude failed (boom).');
  });
});
