/**
 * The error catalog (src/lib/errors/): every code has a stage, an HTTP status, a meaning and a
 * message builder; a refusal's status is the catalog's (the statuses the API tests assert are
 * pinned here too); catalogError builds from the builder; docs/errors/ is current.
 */
import { describe, expect, it } from 'vitest';
import {
  ERROR_CATALOG,
  ERROR_STAGES,
  answerStatus,
  catalogError,
  codesOfStage,
  editError,
  formatError,
  httpStatus,
  isErrorCode,
  type ErrorCode
} from '../../src/lib/errors';
import * as legacy from '../../src/lib/ops/errors';
import { staleErrorDocs } from '../../scripts/gen-error-docs';

const codes = Object.keys(ERROR_CATALOG) as ErrorCode[];

describe('the catalog', () => {
  it('gives every code a stage, a status, a one-line meaning and a message builder', () => {
    expect(codes.length).toBeGreaterThan(90);
    for (const code of codes) {
      const entry = ERROR_CATALOG[code];
      expect(code, code).toMatch(/^E_[A-Z_]+$/);
      expect(ERROR_STAGES, code).toContain(entry.stage);
      expect([400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 502, 503], code).toContain(
        entry.status
      );
      expect(entry.meaning, code).toMatch(/^[A-Z`].*\.$/);
      expect(entry.meaning, code).not.toContain('\n');
      expect(typeof entry.message, code).toBe('function');
    }
  });

  it('puts each code in exactly one stage, every stage holding some', () => {
    const staged = ERROR_STAGES.flatMap((stage) => codesOfStage(stage));
    expect(staged.sort()).toEqual([...codes].sort());
    for (const stage of ERROR_STAGES) expect(codesOfStage(stage).length, stage).toBeGreaterThan(0);
  });

  it('is what ops/errors.ts exports (its old home)', () => {
    expect(legacy.ERROR_CATALOG).toBe(ERROR_CATALOG);
    expect(legacy.editError).toBe(editError);
    expect(legacy.catalogError).toBe(catalogError);
  });

  it('knows its codes', () => {
    expect(isErrorCode('E_NODE_NOT_FOUND')).toBe(true);
    expect(isErrorCode('E_NOPE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('message builders', () => {
  it('build the message from the facts of one case', () => {
    expect(catalogError('E_NODE_NOT_FOUND', { id: 'n9' }, { op: 2, path: '/2/id' })).toEqual({
      code: 'E_NODE_NOT_FOUND',
      message: 'no node has id "n9"',
      op: 2,
      path: '/2/id'
    });
    expect(catalogError('E_NODE_NOT_FOUND', { id: 'n9', hint: 'n8' }).message).toBe(
      'no node has id "n9"; did you mean "n8"?'
    );
    expect(catalogError('E_APP_NOT_FOUND', { id: 'abc' }).message).toBe(
      'there is no app “abc” (it may be deleted)'
    );
    expect(catalogError('E_DOC_BUSY', {}).message).toContain('try again');
  });

  it('keep editError for messages written at the call site, and one line per error', () => {
    const error = editError('E_FIELD_TYPE', 'x must be a string', { op: 1, path: '/1/x' });
    expect(formatError(error)).toBe('E_FIELD_TYPE op 1 /1/x: x must be a string');
    expect(formatError(editError('E_USAGE', 'no'))).toBe('E_USAGE: no');
  });
});

describe('HTTP status', () => {
  it('is the catalog’s for each code the API tests assert', () => {
    const asserted: [ErrorCode, number][] = [
      ['E_JSON_PARSE', 400],
      ['E_FIELD_TYPE', 400],
      ['E_DATA_NOT_PLAIN', 400],
      ['E_FIELD_VALUE', 422],
      ['E_NODE_NOT_FOUND', 422],
      ['E_STATE_SCOPE', 422],
      ['E_POLICY_GLOBAL', 422],
      ['E_NETWORK_ORIGIN', 422],
      ['E_APP_NOT_FOUND', 404],
      ['E_BATCH_TOO_LARGE', 413],
      ['E_LOGIN_REQUIRED', 401],
      ['E_TOKEN_INVALID', 401],
      ['E_TOKEN_EXPIRED', 401],
      ['E_TOKEN_REVOKED', 401],
      ['E_FORBIDDEN', 403],
      ['E_NEEDS_OWNER', 403],
      ['E_HOST_FORBIDDEN', 403],
      ['E_ORIGIN_FORBIDDEN', 403],
      ['E_CONTENT_TYPE', 415],
      ['E_UNDO_BLOCKED', 409]
    ];
    for (const [code, status] of asserted) expect(httpStatus(code), code).toBe(status);
  });

  it('of several errors is the one to fix first: the role, then a blocked undo, then the plan', () => {
    const e = (code: ErrorCode) => editError(code, '');
    expect(answerStatus([e('E_NODE_NOT_FOUND'), e('E_FORBIDDEN')])).toBe(403);
    expect(answerStatus([e('E_NODE_NOT_FOUND'), e('E_UNDO_BLOCKED')])).toBe(409);
    expect(answerStatus([e('E_UNDO_BLOCKED'), e('E_NEEDS_OWNER')])).toBe(403);
    expect(answerStatus([e('E_TYPE'), e('E_SYNTAX'), e('E_PROP_TYPE')])).toBe(422);
    expect(answerStatus([e('E_PROP_TYPE'), e('E_FIELD_TYPE')])).toBe(400);
    expect(answerStatus([e('E_WATCHDOG'), e('E_RENDER')])).toBe(422);
    expect(answerStatus([])).toBe(422);
  });
});

describe('docs/errors', () => {
  it('is up to date with the catalog (npm run errors:docs)', () => {
    expect(staleErrorDocs()).toEqual([]);
  });
});
