/**
 * The `malleable` command line: the edit path for people, scripts and CI of apps.
 *
 *   malleable new --template NAME [-o OUT.json] [--title TITLE]
 *   malleable validate APP.json [--json]
 *   malleable apply APP.json OPS.json [-o OUT.json] [--json]
 *   malleable run APP.json [--events EVENTS.json] [--allow-network ORIGIN]...
 *   malleable check APP.json
 *   malleable code APP.json [--component NAME] [--form jsx|module]
 *   malleable import FILE.jsx [--into APP.json] [--allow-network ORIGIN]...
 *   malleable assist APP.json MESSAGE [--selection NODE] [--apply -o OUT.json] [--json]
 *   malleable explain [E_CODE] [--json]
 *   malleable --version
 *
 * Exit codes: 0 success; 1 the input was rejected (coded errors on stderr, or as JSON on stdout
 * with --json; nothing written); 2 usage or I/O error (a file that cannot be read or written).
 *
 * Each command is a module of its own under commands/, imported when it is run: a command loads
 * only what it uses, so `validate` never loads Babel, TypeScript or SES, and only the commands
 * that type-check load TypeScript (about 0.8 s of a cold start on its own). This file imports
 * nothing heavier than the error catalog and io.ts.
 */
import { parseArgs } from 'node:util';
import { editError, formatError } from '../ops/errors';
import { CliExit, type CliIo, type Command } from './io';
import pkg from '../../../package.json';

export type { CliIo } from './io';

/** The help text; the template names come from the templates module, loaded for help only. */
function usage(templates: readonly string[]): string {
  return `Usage: malleable <command> [options]

Commands:
  new --template ${templates.join('|')} [-o OUT.json] [--title TITLE]
                          write a new app file from a template (stdout without -o)
  validate APP.json       check an app file against the schemas and the model's rules
  apply APP.json OPS.json [-o OUT.json]
                          apply a batch of ops through the planner and the compile gate; writes
                          the new app file (stdout without -o); a rejected batch writes nothing
  run APP.json [--events EVENTS.json] [--allow-network ORIGIN]...
                          run the app headless in the sandbox, dispatch the events in order,
                          print {"state", "view", "errors"} as JSON; the network origins the
                          file grants itself are ignored unless --allow-network names them
  check APP.json          run the whole compile gate (parse, policy, types) over every component
  code APP.json [--component NAME] [--form jsx|module]
                          print the app's code: the JSX form (default) or the sandbox module form
  import FILE.jsx [--into APP.json] [--allow-network ORIGIN]...
                          turn a JSX component into the ops batch that makes the app match it
                          (a new app when --into is not given); prints the batch as JSON; a
                          network origin the file grants is kept only if --allow-network names it
  assist APP.json MESSAGE [--selection NODE] [--apply [-o OUT.json]]
                          one AI turn, headless: Claude when ANTHROPIC_API_KEY is set, else the
                          offline planner; prints the checked batch and its summary, or why
                          there is none (exit 1); --apply writes the changed app
  explain [E_CODE]        what an error code means: its stage, HTTP status, meaning and its page
                          under docs/errors/; without a code, every code by stage

Options:
  --allow-network ORIGIN  (run, import; repeatable) confirm one origin a file's network
                          capability grants, e.g. https://api.example.com
  --json                  print results and errors as JSON on stdout
  -h, --help              show this help
  --version               print the version

Exit codes: 0 ok, 1 input rejected (coded errors), 2 usage or I/O error.
`;
}

/** Each command's module, loaded on use. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  new: async () => (await import('./commands/new')).newApp,
  validate: async () => (await import('./commands/validate')).validate,
  apply: async () => (await import('./commands/apply')).apply,
  run: async () => (await import('./commands/run')).run,
  check: async () => (await import('./commands/check')).check,
  code: async () => (await import('./commands/code')).code,
  import: async () => (await import('./commands/import')).importJsx,
  assist: async () => (await import('./commands/assist')).assist,
  explain: async () => (await import('./commands/explain')).explain
};

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      template: { type: 'string' },
      component: { type: 'string' },
      form: { type: 'string' },
      into: { type: 'string' },
      events: { type: 'string' },
      title: { type: 'string' },
      selection: { type: 'string' },
      apply: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      'allow-network': { type: 'string', multiple: true },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' }
    }
  });
  const [command, ...args] = positionals;
  if (values.version && !command) {
    io.stdout(`${pkg.version}\n`);
    return 0;
  }
  if (values.help || command === 'help' || !command) {
    const { TEMPLATE_NAMES } = await import('../templates');
    io.stdout(usage(TEMPLATE_NAMES));
    return command || values.help ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load)
    throw new CliExit(2, [
      editError('E_USAGE', `unknown command "${command}"; see malleable --help`)
    ]);
  return (await load())(args, values, io);
}

/** Runs the CLI; returns the exit code. Never throws for bad input. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  try {
    return await run(argv, io);
  } catch (e) {
    const exit =
      e instanceof CliExit
        ? e
        : e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')
          ? new CliExit(2, [editError('E_USAGE', `${e.message}; see malleable --help`)])
          : null;
    if (!exit) throw e;
    if (json) io.stdout(JSON.stringify({ ok: false, errors: exit.errors }) + '\n');
    else for (const error of exit.errors) io.stderr(formatError(error) + '\n');
    return exit.code;
  }
}
