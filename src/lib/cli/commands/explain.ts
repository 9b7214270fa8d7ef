/**
 * `malleable explain [CODE]`: what an error code means, from the catalog: its stage, the HTTP
 * status a refusal for it answers, its meaning and its page under docs/errors/. Without a code,
 * every code by stage. Loads the catalog only.
 */
import {
  ERROR_CATALOG,
  ERROR_STAGES,
  STAGE_MEANINGS,
  codesOfStage,
  editError,
  errorDocPath,
  isErrorCode,
  type ErrorCode
} from '../../errors';
import { CliExit, type Command } from '../io';

/** How many close codes an unknown one suggests. */
const SUGGESTIONS = 3;

export const explain: Command = async (args, options, io) => {
  if (args.length > 1)
    throw new CliExit(2, [
      editError('E_USAGE', 'explain takes one error code; see malleable --help')
    ]);
  const json = options.json === true;
  if (args.length === 0) {
    io.stdout(json ? JSON.stringify({ ok: true, stages: byStage() }) + '\n' : listing());
    return 0;
  }
  const code = normalized(args[0]);
  if (!isErrorCode(code))
    throw new CliExit(2, [
      editError(
        'E_USAGE',
        `"${args[0]}" is not an error code; the closest are ${closestCodes(code).join(', ')} (malleable explain lists them all)`
      )
    ]);
  const { stage, status, meaning } = ERROR_CATALOG[code];
  const doc = errorDocPath(code);
  io.stdout(
    json
      ? JSON.stringify({ ok: true, code, stage, status, meaning, doc }) + '\n'
      : `${code}\n` +
          `  stage:   ${stage} (${STAGE_MEANINGS[stage]})\n` +
          `  status:  HTTP ${status}\n` +
          `  meaning: ${meaning}\n` +
          `  docs:    ${doc}\n`
  );
  return 0;
};

/** `e_node_not_found` and `NODE_NOT_FOUND` name E_NODE_NOT_FOUND. */
function normalized(word: string): string {
  const upper = word.trim().toUpperCase();
  return upper.startsWith('E_') ? upper : `E_${upper}`;
}

/** Every code by stage, in catalog order, for --json. */
function byStage(): Record<string, { code: ErrorCode; status: number; meaning: string }[]> {
  return Object.fromEntries(
    ERROR_STAGES.map((stage) => [
      stage,
      codesOfStage(stage).map((code) => ({
        code,
        status: ERROR_CATALOG[code].status,
        meaning: ERROR_CATALOG[code].meaning
      }))
    ])
  );
}

/** Every code by stage, one line each: code, status, meaning. */
function listing(): string {
  const width = Math.max(...Object.keys(ERROR_CATALOG).map((code) => code.length));
  const blocks = ERROR_STAGES.map(
    (stage) =>
      `${stage}: ${STAGE_MEANINGS[stage]}\n` +
      codesOfStage(stage)
        .map(
          (code) =>
            `  ${code.padEnd(width)}  ${ERROR_CATALOG[code].status}  ${ERROR_CATALOG[code].meaning}\n`
        )
        .join('')
  );
  return blocks.join('\n') + '\nmalleable explain CODE says more about one.\n';
}

/**
 * The codes nearest to `word`: codes that contain it (or it them) first, then by edit distance
 * (a typo, a missing or extra word part).
 */
export function closestCodes(word: string, n = SUGGESTIONS): ErrorCode[] {
  const bare = word.replace(/^E_/, '');
  const score = (code: ErrorCode) => {
    const name = code.slice(2);
    const contains = bare.length >= 3 && (name.includes(bare) || bare.includes(name));
    return (contains ? 0 : 1000) + editDistance(bare, name);
  };
  return (Object.keys(ERROR_CATALOG) as ErrorCode[])
    .map((code) => ({ code, score: score(code) }))
    .sort((a, b) => a.score - b.score || a.code.localeCompare(b.code))
    .slice(0, n)
    .map(({ code }) => code);
}

/** Levenshtein distance; codes are short, so the plain table is enough. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}
