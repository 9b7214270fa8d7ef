/**
 * The error pages: docs/errors/README.md lists every code by stage, and docs/errors/CODE.md
 * explains one. Rendered here from the catalog as plain strings (no file access, so the CLI can
 * name a page's path and the generator, scripts/gen-error-docs.ts, writes them); a unit test
 * fails when the files on disk differ.
 */
import { ERROR_CATALOG, codesOfStage, type ErrorCode } from './catalog';
import { ERROR_STAGES, STAGE_MEANINGS } from './entry';

/** The folder of the error pages, from the repository's root. */
export const ERROR_DOCS_DIR = 'docs/errors';

/** The page explaining `code`, from the repository's root. */
export function errorDocPath(code: ErrorCode): string {
  return `${ERROR_DOCS_DIR}/${code}.md`;
}

const GENERATED =
  '<!-- Generated from src/lib/errors/ by `npm run errors:docs`; do not edit by hand. -->';

/** The page of one code: its stage, HTTP status and meaning. */
export function errorPage(code: ErrorCode): string {
  const entry = ERROR_CATALOG[code];
  return [
    GENERATED,
    '',
    `# ${code}`,
    '',
    entry.meaning,
    '',
    `- Stage: \`${entry.stage}\` (${STAGE_MEANINGS[entry.stage]})`,
    `- HTTP status: ${entry.status}`,
    `- On the command line: \`malleable explain ${code}\``,
    '',
    'Every error carries this code, a message written for the case (what to change), and where',
    'it is when it belongs to one place: the op of its batch (`op`), a JSON pointer (`path`), a',
    'code frame (`frame`). The code is stable; the message may be reworded.',
    '',
    `[All error codes](README.md)`,
    ''
  ].join('\n');
}

/** The index: every code by stage, with its status and meaning. */
export function errorIndex(): string {
  const lines = [
    GENERATED,
    '',
    '# Error codes',
    '',
    'Every error Malleable reports has a stable code from one catalog (`src/lib/errors/`, one',
    'file per stage). The studio shows it, the AI gets it back in its repair loop, the CLI prints',
    'it (`malleable explain CODE` says what it means) and the HTTP API answers with the status',
    'given here; an answer with errors of several statuses takes the one that must be fixed',
    'first (who asks, then the request’s form, then the app it meets, then what it asks).',
    ''
  ];
  for (const stage of ERROR_STAGES) {
    lines.push(`## ${stage}`, '', STAGE_MEANINGS[stage], '');
    for (const code of codesOfStage(stage))
      lines.push(
        `- [${code}](${code}.md) (${ERROR_CATALOG[code].status}): ${ERROR_CATALOG[code].meaning}`
      );
    lines.push('');
  }
  return lines.join('\n');
}

/** Every page, by its path from the repository's root: what `npm run errors:docs` writes. */
export function errorDocs(): Map<string, string> {
  const pages = new Map<string, string>([[`${ERROR_DOCS_DIR}/README.md`, errorIndex()]]);
  for (const code of Object.keys(ERROR_CATALOG) as ErrorCode[])
    pages.set(errorDocPath(code), errorPage(code));
  return pages;
}
