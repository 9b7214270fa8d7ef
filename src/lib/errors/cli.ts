/** The cli stage: the `malleable` command line (and the assistant's answer it prints). */
import { stageEntries } from './entry';

/** The cli stage's codes. */
export const CLI_ERRORS = stageEntries('cli', {
  E_NO_PROPOSAL: {
    status: 422,
    meaning:
      'The assistant did not propose a change: it asked a question, refused, or could not make one that passes the checks.',
    message: ({ why }: { why: string }) => `the assistant proposed no change: ${why}`
  },
  E_USAGE: {
    status: 400,
    meaning: 'The command line is not one malleable understands.',
    message: ({ why }: { why: string }) => `${why}; see malleable --help`
  },
  E_IO: {
    status: 500,
    meaning: 'A file could not be read or written.',
    message: ({ action, file, why }: { action: 'read' | 'write'; file: string; why: string }) =>
      `cannot ${action} ${file}: ${why}`
  }
});
