/**
 * The error catalog and coded errors: every code with its stage, HTTP status, meaning and message
 * builder (one file per stage), the EditError value, and the status of a refusal.
 */
export type { CatalogEntry, ErrorStage, HttpStatus } from './entry';
export { ERROR_STAGES, STAGE_MEANINGS } from './entry';
export type { ErrorCode, MessageParams } from './catalog';
export { ERROR_CATALOG, codesOfStage, isErrorCode } from './catalog';
export type { EditError, ErrorPlace } from './error';
export { catalogError, editError, formatError } from './error';
export { answerStatus, httpStatus } from './status';
export { ERROR_DOCS_DIR, errorDocPath, errorDocs } from './docs';
