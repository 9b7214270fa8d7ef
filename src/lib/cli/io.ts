/**
 * What every command shares: where it writes, what it is handed, how it refuses (CliExit).
 * main.ts loads this for every command, `--version` included, so it imports nothing but the
 * error catalog; reading and writing files is files.ts.
 */
import { editError, type EditError } from '../ops/errors';

/** Where the CLI writes and where it is run from; injected so tests run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

/** The parsed options of one command line (see main.ts for the list). */
export interface CliOptions {
  readonly template?: string;
  readonly component?: string;
  readonly form?: string;
  readonly into?: string;
  readonly events?: string;
  readonly title?: string;
  readonly selection?: string;
  readonly apply?: boolean;
  readonly output?: string;
  readonly 'allow-network'?: string[];
  readonly json?: boolean;
}

/** One command: its file arguments and options in, the exit code out; refuses by throwing CliExit. */
export type Command = (args: string[], options: CliOptions, io: CliIo) => Promise<number>;

/** Who the CLI acts as: the owner of the file it was handed. */
export const CLI_ACTOR = { id: 'cli', name: 'malleable CLI', role: 'owner' } as const;

/** A refusal: exit 1 (the input was rejected) or 2 (usage or I/O), with the coded errors. */
export class CliExit extends Error {
  constructor(
    readonly code: 1 | 2,
    readonly errors: EditError[]
  ) {
    super(errors[0]?.message);
  }
}

/** Refuses a command line with the wrong number of file arguments. */
export function expectArgs(command: string, args: readonly string[], n: number): void {
  if (args.length !== n)
    throw new CliExit(2, [
      editError(
        'E_USAGE',
        `${command} takes ${n} file argument${n === 1 ? '' : 's'}; see malleable --help`
      )
    ]);
}

/** A success line, or `{ok: true, ...data}` on stdout with --json. */
export function say(io: CliIo, json: boolean, text: string, data: Record<string, unknown>): void {
  if (json) io.stdout(JSON.stringify({ ok: true, ...data }) + '\n');
  else io.stdout(text + '\n');
}
