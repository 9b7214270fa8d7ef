/**
 * The one tool Claude gets: `propose_changes`. Its `ops` field is the op batch of
 * schemas/ops.schema.json, derived from that file (never restated): the batch schema goes under
 * `properties.ops` and its `$defs` move to the root of the input schema, where the schema's own
 * `#/$defs/...` references resolve. Keywords only our tooling reads (`tsType`, `x-*`) and
 * bookkeeping (`$schema`, `$id`, `title`) are dropped: they cost tokens and say nothing to the
 * model.
 *
 * Not `strict: true` (structured outputs): its schema subset has no `oneOf`, `pattern` bounds or
 * recursive `$ref` over the whole op language, and the planner checks every batch anyway.
 */
import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import opsSchema from '../../../schemas/ops.schema.json';

/** The tool's name, as the model calls it. */
export const PROPOSE_CHANGES = 'propose_changes';

/**
 * Limits on one proposal, far below the planner's own (BATCH_LIMITS: 2000 ops, 2 MB): a request
 * typed into a sidebar never needs more, and a runaway answer is refused before the checker
 * spends a plan, a compile and a dry run on it.
 */
export const PROPOSAL_LIMITS = {
  /** Ops in one batch. */
  ops: 200,
  /** Bytes of the tool input as the model sent it (JSON text). */
  bytes: 256 * 1024,
  /** Characters of the summary kept. */
  summary: 200
} as const;

/** The tool input as the schema describes it (what a well-behaved model sends). */
export interface ProposeChangesInput {
  readonly summary: string;
  readonly ops: readonly unknown[];
  readonly question?: string;
  readonly refusal?: string;
}

type Schema = { readonly [key: string]: unknown };

/** Schema keywords dropped from the tool schema (see the file comment). */
const DROPPED = new Set(['$schema', '$id', 'title', 'tsType']);
/** Keywords whose value is a map of names to schemas (the names are data, kept as they are). */
const SCHEMA_MAPS = new Set(['properties', '$defs', 'patternProperties']);
/** Keywords whose value is one schema or a list of schemas. */
const SCHEMA_VALUES = new Set([
  'items',
  'additionalProperties',
  'propertyNames',
  'oneOf',
  'anyOf',
  'allOf',
  'not'
]);

/** A copy of a JSON Schema without the dropped keywords; data keywords (enum, const, ...) as is. */
function clean(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(clean);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (SCHEMA_MAPS.has(key))
      out[key] = Object.fromEntries(
        Object.entries(value as Schema).map(([name, sub]) => [name, clean(sub)])
      );
    else if (SCHEMA_VALUES.has(key)) out[key] = clean(value);
    else out[key] = value;
  }
  return out;
}

function buildTool(): Tool {
  const { $defs, ...batch } = clean(opsSchema) as Schema & { $defs: Schema };
  return {
    name: PROPOSE_CHANGES,
    description:
      'Propose one batch of ops that makes the requested change to the app. Nothing is applied: ' +
      'the batch is planned, compiled and dry-run against the app first, and if it is refused ' +
      'you get the coded errors back in the tool result and must send the whole corrected batch. ' +
      'A batch that passes is shown to the person, who decides whether to apply it. When the ' +
      'request is unclear, set `question` (with `ops: []`); when you will not or cannot make the ' +
      'change, set `refusal` (with `ops: []`).',
    input_schema: {
      type: 'object',
      properties: {
        summary: {
          type: 'string',
          maxLength: PROPOSAL_LIMITS.summary,
          description: 'One sentence saying what the batch does, shown to the person.'
        },
        ops: {
          ...batch,
          maxItems: PROPOSAL_LIMITS.ops,
          description: `${String(batch.description)} At most ${PROPOSAL_LIMITS.ops} ops.`
        },
        question: {
          type: 'string',
          maxLength: 1000,
          description:
            'Instead of proposing: a question for the person, when the request is ambiguous.'
        },
        refusal: {
          type: 'string',
          maxLength: 1000,
          description:
            'Instead of proposing: why this change will not or cannot be made, in one or two sentences.'
        }
      },
      required: ['summary', 'ops'],
      additionalProperties: false,
      $defs
    }
  };
}

/** The `propose_changes` tool, built once from schemas/ops.schema.json. */
export const PROPOSE_CHANGES_TOOL: Tool = buildTool();
