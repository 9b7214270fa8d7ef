/**
 * A coded error as a value: what went wrong, where, and what to do about it. Errors are values,
 * not exceptions: people see them in the studio, the AI gets them back in its repair loop,
 * scripts get them from the CLI and HTTP API.
 */
import { ERROR_CATALOG, type ErrorCode, type MessageParams } from './catalog';

/** A coded error: what went wrong, where, and (in `message`) what to do about it. */
export interface EditError {
  readonly code: ErrorCode;
  /** A sentence a person or the AI can act on. */
  readonly message: string;
  /** Index of the op in its batch, when the error belongs to one op. */
  readonly op?: number;
  /** JSON pointer to the offending field, relative to the batch (`/2/props/label`) or the file. */
  readonly path?: string;
  /** A code frame excerpt, when the error is about source code. */
  readonly frame?: string;
}

/** Where an error is: the op of its batch, a JSON pointer, a code frame. */
export interface ErrorPlace {
  op?: number;
  path?: string;
  frame?: string;
}

/**
 * Builds an EditError with a message written for this occurrence; the code still comes from the
 * catalog. Prefer catalogError when the catalog's sentence says it.
 */
export function editError(code: ErrorCode, message: string, where: ErrorPlace = {}): EditError {
  return { code, message, ...where };
}

/** Builds an EditError whose message is the catalog's builder for `code` applied to `params`. */
export function catalogError<C extends ErrorCode>(
  code: C,
  params: MessageParams<C>,
  where: ErrorPlace = {}
): EditError {
  const build = ERROR_CATALOG[code].message as (params: MessageParams<C>) => string;
  return { code, message: build(params), ...where };
}

/** One line per error, as the CLI prints them: `E_CODE op 2 /2/props/label: message`. */
export function formatError(error: EditError): string {
  const where = [error.op !== undefined ? `op ${error.op}` : '', error.path ?? '']
    .filter(Boolean)
    .join(' ');
  const head = where ? `${error.code} ${where}: ` : `${error.code}: `;
  return head + error.message + (error.frame ? `\n${error.frame}` : '');
}
