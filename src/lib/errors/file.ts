/** The file stage: app files (schemas/app.schema.json), read by the CLI, imports and the API. */
import { stageEntries } from './entry';

/** The file stage's codes. */
export const FILE_ERRORS = stageEntries('file', {
  E_APP_FORMAT: {
    status: 422,
    meaning: 'The file is not a Malleable app file.',
    message: ({ why }: { why: string }) => `this is not a Malleable app file: ${why}`
  },
  E_APP_VERSION: {
    status: 422,
    meaning: 'The app file was written by a newer version of Malleable.',
    message: ({ version, newest }: { version: number; newest: number }) =>
      `the app file is version ${version}, written by a newer Malleable (this one reads up to ${newest}); update Malleable`
  },
  E_DOC_VERSION: {
    status: 409,
    meaning:
      "The app's stored document was written by a newer version of Malleable; it is not opened, and left as it is.",
    message: ({ version, newest }: { version: number; newest: number }) =>
      `the stored document is format ${version}, written by a newer Malleable (this one reads up to ${newest}); it was left as it is: update Malleable`
  },
  E_APP_INVALID: {
    status: 422,
    meaning: 'The app file breaks a rule of the app schema or of the model.',
    message: ({ why }: { why: string }) => `the app file breaks a rule: ${why}`
  }
});
