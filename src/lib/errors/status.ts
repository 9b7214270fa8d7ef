/**
 * The HTTP status of a refusal, read from the catalog: each code has its status, and an answer
 * that carries several errors takes the status of the one that must be fixed first.
 */
import { ERROR_CATALOG, type ErrorCode } from './catalog';
import type { HttpStatus } from './entry';

/**
 * Which status wins when an answer carries errors of several statuses. Who asks comes first (a
 * refusal for the role says nothing about the rest: 401, 403), then the request's form (415,
 * 413, 400), then the app it meets (404, 409), then what it asks (422), then too many requests,
 * and the server's own failures last: a 5xx only when nothing is the request's fault.
 */
const PRECEDENCE: readonly HttpStatus[] = [
  401, 403, 415, 413, 400, 404, 409, 422, 429, 500, 502, 503
];

/** The HTTP status a request refused for `code` answers. */
export function httpStatus(code: ErrorCode): HttpStatus {
  return ERROR_CATALOG[code].status;
}

/** The HTTP status of an answer carrying `errors` (422 for none: a refusal with no reason). */
export function answerStatus(errors: readonly { code: ErrorCode }[]): HttpStatus {
  const statuses = new Set(errors.map((e) => httpStatus(e.code)));
  return PRECEDENCE.find((status) => statuses.has(status)) ?? 422;
}
