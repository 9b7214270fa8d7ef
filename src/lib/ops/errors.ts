/**
 * The error catalog's old home: everything here lives in src/lib/errors/ (one file per stage,
 * each code with its HTTP status and message builder) and is re-exported so importers need not
 * change at once.
 */
export * from '../errors';
