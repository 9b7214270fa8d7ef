/** The `--allow-network` confirmations of `run` and `import` (../network.ts has the rule). */
import { confirmedOrigins, ignoredNotice, type IgnoredOrigin } from '../network';
import { CliExit, type CliIo, type CliOptions } from '../io';

/** The origins confirmed on the command line; a malformed one is a usage error. */
export function confirmed(options: CliOptions): ReadonlySet<string> {
  const read = confirmedOrigins(options['allow-network']);
  if (!read.ok) throw new CliExit(2, [read.error]);
  return read.origins;
}

/** One line on stderr naming the origins a file granted itself and the CLI ignored. */
export function notice(io: CliIo, ignored: readonly IgnoredOrigin[]): void {
  const line = ignoredNotice(ignored);
  if (line) io.stderr(line + '\n');
}
