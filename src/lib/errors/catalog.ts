/**
 * The error catalog: every coded error any stage of the edit path can report, in one place, put
 * together from one file per stage. Codes are stable; never reuse one. docs/errors/ is generated
 * from this (scripts/gen-error-docs.ts) and `malleable explain CODE` prints an entry.
 */
import type { CatalogEntry, ErrorStage } from './entry';
import { INPUT_ERRORS } from './input';
import { SHAPE_ERRORS } from './shape';
import { PLAN_ERRORS } from './plan';
import { CODE_ERRORS } from './code';
import { RUNTIME_ERRORS } from './runtime';
import { FILE_ERRORS } from './file';
import { ASSIST_ERRORS } from './assist';
import { CLI_ERRORS } from './cli';

/** Every error code, with its stage, HTTP status, meaning and message builder. */
export const ERROR_CATALOG = {
  ...INPUT_ERRORS,
  ...SHAPE_ERRORS,
  ...PLAN_ERRORS,
  ...CODE_ERRORS,
  ...RUNTIME_ERRORS,
  ...FILE_ERRORS,
  ...ASSIST_ERRORS,
  ...CLI_ERRORS
} as const satisfies Record<string, CatalogEntry>;

/** A stable error code from the catalog. */
export type ErrorCode = keyof typeof ERROR_CATALOG;

/** The facts a code's message builder takes (`{}` for a builder that takes none). */
export type MessageParams<C extends ErrorCode> =
  Parameters<(typeof ERROR_CATALOG)[C]['message']> extends [infer P] ? P : Record<string, never>;

/** True when `code` is a code of the catalog (for codes read from outside: a CLI argument, JSON). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOG, code);
}

/** The codes of one stage, in catalog order. */
export function codesOfStage(stage: ErrorStage): ErrorCode[] {
  return (Object.keys(ERROR_CATALOG) as ErrorCode[]).filter(
    (code) => ERROR_CATALOG[code].stage === stage
  );
}
