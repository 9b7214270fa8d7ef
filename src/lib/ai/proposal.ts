/**
 * Reading what the model sent to `propose_changes`, before anything else looks at it. Pure: the
 * tool input's JSON text in, a batch, a question, a refusal or coded errors out.
 *
 * The text is parsed here, strictly, from the raw `input_json_delta` chunks. The SDK's own
 * accumulator parses tool input with a lenient partial-JSON parser: an answer cut off at
 * `max_tokens` comes out as a plausible, shorter batch. A batch cut short must be refused, not
 * proposed, so the turn never reads the SDK's parsed `input`.
 */
import { editError, type EditError } from '../ops/errors';
import { PROPOSAL_LIMITS } from './tool';

/** What a tool input says. */
export type ProposalReading =
  | { readonly kind: 'batch'; readonly ops: unknown[]; readonly summary: string }
  | { readonly kind: 'question'; readonly text: string }
  | { readonly kind: 'refusal'; readonly text: string }
  /** Not usable: counts as a failed attempt. `input` is what to echo back in the conversation. */
  | { readonly kind: 'invalid'; readonly errors: EditError[]; readonly input: object };

/** Bytes of a string as UTF-8 (no Buffer: the page may read proposals too). */
function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** An excerpt of `text` around `position`, for telling the model where its JSON broke. */
function around(text: string, position: number): string {
  const start = Math.max(0, position - 40);
  const end = Math.min(text.length, position + 40);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Reads an optional string field; a present field of another type is an error. */
function optionalText(
  input: Record<string, unknown>,
  name: string,
  errors: EditError[]
): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    errors.push(editError('E_FIELD_TYPE', `"${name}" must be a string`, { path: `/${name}` }));
    return undefined;
  }
  return value.trim() || undefined;
}

/**
 * Reads the tool input's JSON text. `truncated` says the answer stopped at `max_tokens`, so a
 * parse failure is explained as a cut-off answer rather than as broken JSON.
 */
export function readProposal(json: string, options: { truncated?: boolean } = {}): ProposalReading {
  const bytes = utf8Length(json);
  // Refused before it is even parsed: a runaway answer costs nothing more than its download.
  if (bytes > PROPOSAL_LIMITS.bytes)
    return invalid(
      [
        editError(
          'E_BATCH_TOO_LARGE',
          `the proposal is ${Math.round(bytes / 1024)} KB; the limit is ${PROPOSAL_LIMITS.bytes / 1024} KB. Propose a smaller change: only the ops this request needs`,
          { path: '/ops' }
        )
      ],
      {}
    );
  let input: unknown;
  try {
    input = json.trim() === '' ? {} : JSON.parse(json);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? ` near \`${around(json, Number(at[1]))}\`` : '';
    return invalid(
      [
        editError(
          'E_JSON_PARSE',
          options.truncated
            ? 'the tool input was cut off before it ended (the answer reached its length limit); propose a smaller batch'
            : `the tool input is not valid JSON (${message})${where}; send the whole input again as one JSON object`
        )
      ],
      {}
    );
  }
  if (!isPlainObject(input))
    return invalid(
      [
        editError(
          'E_FIELD_TYPE',
          'the tool input must be a JSON object with "summary" and "ops" (and optionally "question" or "refusal")',
          { path: '' }
        )
      ],
      {}
    );
  const errors: EditError[] = [];
  const refusal = optionalText(input, 'refusal', errors);
  const question = optionalText(input, 'question', errors);
  if (errors.length === 0 && refusal) return { kind: 'refusal', text: refusal };
  if (errors.length === 0 && question) return { kind: 'question', text: question };
  const ops = input.ops;
  if (ops === undefined)
    errors.push(
      editError('E_FIELD_MISSING', 'the tool input needs "ops": the array of ops to apply', {
        path: '/ops'
      })
    );
  else if (!Array.isArray(ops))
    errors.push(
      editError('E_BATCH_NOT_ARRAY', '"ops" must be a JSON array of op objects', { path: '/ops' })
    );
  else if (ops.length > PROPOSAL_LIMITS.ops)
    errors.push(
      editError(
        'E_BATCH_TOO_LARGE',
        `the batch has ${ops.length} ops; the limit is ${PROPOSAL_LIMITS.ops}. Propose a smaller change: only the ops this request needs`,
        { path: '/ops' }
      )
    );
  else if (ops.length === 0)
    errors.push(
      editError(
        'E_FIELD_VALUE',
        '"ops" is empty: propose at least one op, or set "question" or "refusal" instead',
        { path: '/ops' }
      )
    );
  // A summary is for people; a missing one costs no repair (the planner's words stand in).
  const summary =
    typeof input.summary === 'string' ? input.summary.trim().slice(0, PROPOSAL_LIMITS.summary) : '';
  if (errors.length > 0) return invalid(errors, echo(input));
  return { kind: 'batch', ops: ops as unknown[], summary };
}

function invalid(errors: EditError[], input: object): ProposalReading {
  return { kind: 'invalid', errors, input };
}

/** The input as it goes back into the conversation: an oversized ops list is not repeated. */
function echo(input: Record<string, unknown>): object {
  if (Array.isArray(input.ops) && input.ops.length > PROPOSAL_LIMITS.ops)
    return { ...input, ops: [] };
  return input;
}
