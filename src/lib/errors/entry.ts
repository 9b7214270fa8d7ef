/**
 * What one entry of the error catalog is: the stage that raises the code, the HTTP status a
 * request refused for it answers, what the code means, and the one builder of its message.
 */

/** Where on the edit path an error is found. */
export type ErrorStage =
  'input' | 'shape' | 'plan' | 'code' | 'runtime' | 'file' | 'cli' | 'assist';

/** The stages in the order a change meets them; the docs and `malleable explain` list them so. */
export const ERROR_STAGES: readonly ErrorStage[] = [
  'input',
  'shape',
  'plan',
  'code',
  'runtime',
  'file',
  'assist',
  'cli'
];

/** What each stage checks, in one line (the docs' and `malleable explain`'s headings). */
export const STAGE_MEANINGS: Readonly<Record<ErrorStage, string>> = {
  input: 'The request or batch as a whole, and who may send it.',
  shape: 'Each op or record against its JSON Schema.',
  plan: 'Each op against the app as it is.',
  code: 'The compile gate over expressions, handlers and JSX.',
  runtime: 'The sandbox running the app.',
  file: 'App files.',
  assist: 'Requests the assistant never carries out, whatever the wording.',
  cli: 'The command line.'
};

/** The HTTP statuses the catalog gives (see status.ts for how several errors pick one). */
export type HttpStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503;

/** One code's entry, before its stage is added (each stage file writes these). */
export interface EntryDraft {
  /** The status a request refused for this code answers over HTTP. */
  readonly status: HttpStatus;
  /** What the code means, in one line; the docs and `malleable explain` print it. */
  readonly meaning: string;
  /**
   * The message, from the facts of one occurrence: a sentence a person or the AI can act on.
   * `never` accepts a builder of any parameters; catalog.ts keeps each one's own type.
   */
  readonly message: (params: never) => string;
}

/** One code's entry in the catalog. */
export interface CatalogEntry extends EntryDraft {
  readonly stage: ErrorStage;
}

/** The entries of one stage, each given that stage (one file per stage writes them). */
export function stageEntries<S extends ErrorStage, T extends Record<string, EntryDraft>>(
  stage: S,
  entries: T
): { readonly [K in keyof T]: T[K] & { readonly stage: S } } {
  return Object.fromEntries(
    Object.entries(entries).map(([code, entry]) => [code, { ...entry, stage }])
  ) as { readonly [K in keyof T]: T[K] & { readonly stage: S } };
}

/** `; did you mean "x"?` when a close name was found, else nothing. */
export function didYouMean(hint: string | undefined): string {
  return hint ? `; did you mean "${hint}"?` : '';
}
