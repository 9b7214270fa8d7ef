/**
 * The format versions of what Malleable persists, and the chains that migrate an older one up
 * (STYLE principle 10). Two shapes carry a version: the document (`meta.version` of the Y.Doc,
 * `DOC_VERSION` in types.ts) and the portable app file (`version`, `APP_FILE_VERSION` in
 * appfile.ts). Every reader runs its chain before anything else reads the value, and refuses a
 * version newer than this code knows (E_DOC_VERSION, E_APP_VERSION): guessing at a newer shape
 * would read it wrong, and a store of what was misread would overwrite the newer app.
 *
 * History (issue 14): both formats have been version 1 since they were introduced (the document
 * in f654674, the app file in cb369cd, 2026-11-25), so both chains are empty: format 1 is the
 * oldest and the current. Changes since were read by format 1's readers as they are (a state
 * field's optional `scope`, a shared string kept as a Y.Text), so none needed a version. One
 * did and got none: f57cb4a (2026-11-25, the day the document format began, before any release)
 * moved each node from a Y.Map of its own to one JSON record plus a flat `props` map. A document
 * of the layout before it reads with no nodes; both layouts say version 1, so no step can tell
 * them apart by version, and no stored document of the earlier layout is known.
 *
 * To change a format: raise its version, write one pure step from the version before (a
 * `(value) => value` function, JSON to JSON, named for what it changes), append it to the chain
 * below, and add a fixture folder of the version before to tests/fixtures/formats/. A step runs
 * before any check (an app file's schema comes after it, a document's resolve too): it must take
 * any JSON without throwing and leave what it does not recognise for those checks to refuse.
 */
import { editError, type EditError } from '../errors';
import type { RawApp } from './resolve';
import { DOC_VERSION } from './types';

/** The first version of both formats: a value that carries none is read as this one. */
export const FIRST_FORMAT_VERSION = 1;

/** One step of a chain: reads a value of version `from` and returns it as version `from + 1`. Pure. */
export interface FormatStep<T> {
  readonly from: number;
  readonly up: (value: T) => T;
}

/** The document's steps, in order from version 1; step i reads version i + 1. */
export const DOC_STEPS: readonly FormatStep<RawApp>[] = [];

/** The app file's steps (JSON to JSON), in order from version 1; step i reads version i + 1. */
export const APP_FILE_STEPS: readonly FormatStep<Record<string, unknown>>[] = [];

/**
 * Runs the steps of `chain` from `version` up to the chain's end, in order. A chain must hold
 * one step per version, counted from 1, or this throws (a programmer's mistake, caught by the
 * format test). Returns the value as it is when it is already current.
 */
export function migrateUp<T>(value: T, version: number, chain: readonly FormatStep<T>[]): T {
  let out = value;
  for (let at = version; at < FIRST_FORMAT_VERSION + chain.length; at++) {
    const step = chain[at - FIRST_FORMAT_VERSION];
    if (step.from !== at)
      throw new Error(`format step ${at - FIRST_FORMAT_VERSION} reads ${step.from}, not ${at}`);
    out = step.up(out);
  }
  return out;
}

/** The format version a document's meta says; a document that says none is read as version 1. */
export function docVersionOf(meta: Readonly<Record<string, unknown>>): number {
  const v = Object.hasOwn(meta, 'version') ? meta.version : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= FIRST_FORMAT_VERSION
    ? v
    : FIRST_FORMAT_VERSION;
}

/** E_DOC_VERSION when a stored document is of a version newer than this code reads; else null. */
export function newerDocument(meta: Readonly<Record<string, unknown>>): EditError | null {
  const version = docVersionOf(meta);
  if (version <= DOC_VERSION) return null;
  return editError(
    'E_DOC_VERSION',
    `the app's document is format version ${version}; this Malleable reads up to ${DOC_VERSION}, so update Malleable (the document is left as it is)`
  );
}

/**
 * A document's raw records migrated up to `DOC_VERSION` (resolve.ts reads only the current
 * format). A newer document is returned as it is: the readers that load one refuse it first
 * (server/collab-persistence.ts), so it never reaches here from storage.
 */
export function migrateDocument(raw: RawApp): RawApp {
  // DOC_VERSION is the chain's end: FIRST_FORMAT_VERSION + DOC_STEPS.length (the format test).
  const version = docVersionOf(raw.meta);
  if (version >= DOC_VERSION) return raw;
  const up = migrateUp(raw, version, DOC_STEPS);
  return { ...up, meta: { ...up.meta, version: DOC_VERSION } };
}

/**
 * An app file of an older version migrated up to the chain's end, the current version (the
 * schema checks it after). A file already current is returned as it is.
 */
export function migrateAppFile(
  file: Record<string, unknown>,
  version: number
): Record<string, unknown> {
  const current = FIRST_FORMAT_VERSION + APP_FILE_STEPS.length;
  if (version >= current) return file;
  return { ...migrateUp(file, version, APP_FILE_STEPS), version: current };
}
