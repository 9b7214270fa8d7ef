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
 *
 * Exit codes: 0 success; 1 the input was rejected (coded errors on stderr, or as JSON on stdout
 * with --json; nothing written); 2 usage or I/O error (a file that cannot be read or written).
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { fromAppFile, toAppFile } from '../model/appfile';
import { currentModel } from '../model/store';
import { commitBatch, commitChecked, commitModel, originFor } from '../ops/commit';
import { editError, formatError, type EditError } from '../ops/errors';
import { TEMPLATE_NAMES, templateModel } from '../templates';
import { componentByName, emptyModel, rootComponent, type AppModel } from '../model/types';
import { CompileGate, compileApp } from '../code/gate';
import { AppSession } from '../server/session';
import { applyProposal, assistTurn } from '../server/assist';
import type { AssistMessage } from '../ai/protocol';
import { appJsx, componentJsx } from '../code/jsx';
import { importComponent } from '../code/import';
import { readEvents, runHeadless, withSandboxChecks } from './run';
import {
  confirmModelNetwork,
  confirmOpsNetwork,
  confirmedOrigins,
  ignoredNotice,
  type IgnoredOrigin
} from './network';

/** Where the CLI writes and where it is run from; injected so tests run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

const USAGE = `Usage: malleable <command> [options]

Commands:
  new --template ${TEMPLATE_NAMES.join('|')} [-o OUT.json] [--title TITLE]
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

Options:
  --allow-network ORIGIN  (run, import; repeatable) confirm one origin a file's network
                          capability grants, e.g. https://api.example.com
  --json                  print results and errors as JSON on stdout
  -h, --help              show this help

Exit codes: 0 ok, 1 input rejected (coded errors), 2 usage or I/O error.
`;

const CLI_ACTOR = { id: 'cli', name: 'malleable CLI', role: 'owner' } as const;
const CLI_ORIGIN = originFor(CLI_ACTOR);

class CliExit extends Error {
  constructor(
    readonly code: 1 | 2,
    readonly errors: EditError[]
  ) {
    super(errors[0]?.message);
  }
}

async function readText(io: CliIo, file: string): Promise<string> {
  try {
    return await readFile(resolvePath(io.cwd, file), 'utf8');
  } catch (e) {
    throw new CliExit(2, [
      editError('E_IO', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
    ]);
  }
}

async function readJson(io: CliIo, file: string): Promise<unknown> {
  const text = await readText(io, file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliExit(1, [
      editError('E_JSON_PARSE', `${file} is not valid JSON: ${(e as Error).message}`)
    ]);
  }
}

/** Writes atomically (temp file, then rename) so a failed write never leaves half a file. */
async function writeOut(io: CliIo, file: string, text: string): Promise<void> {
  const target = resolvePath(io.cwd, file);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw new CliExit(2, [
      editError('E_IO', `cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
    ]);
  }
}

async function readApp(io: CliIo, file: string): Promise<AppModel> {
  const loaded = fromAppFile(await readJson(io, file));
  if (!loaded.ok) throw new CliExit(1, loaded.errors);
  return loaded.model;
}

function appText(model: AppModel): string {
  return JSON.stringify(toAppFile(model), null, 2) + '\n';
}

function count(model: AppModel): string {
  return `${model.components.size} component${model.components.size === 1 ? '' : 's'}, ${model.nodes.size} nodes`;
}

async function run(argv: string[], io: CliIo, json: boolean): Promise<number> {
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
      help: { type: 'boolean', short: 'h' }
    }
  });
  const [command, ...args] = positionals;
  if (values.help || command === 'help' || !command) {
    io.stdout(USAGE);
    return command || values.help ? 0 : 2;
  }
  const expect = (n: number) => {
    if (args.length !== n)
      throw new CliExit(2, [
        editError(
          'E_USAGE',
          `${command} takes ${n} file argument${n === 1 ? '' : 's'}; see malleable --help`
        )
      ]);
  };
  const say = (text: string, data: Record<string, unknown>) =>
    json ? io.stdout(JSON.stringify({ ok: true, ...data }) + '\n') : io.stdout(text + '\n');
  // A file's network capability is its own word: only origins confirmed here are granted.
  const confirmed = () => {
    const read = confirmedOrigins(values['allow-network']);
    if (!read.ok) throw new CliExit(2, [read.error]);
    return read.origins;
  };
  const notice = (ignored: readonly IgnoredOrigin[]) => {
    const line = ignoredNotice(ignored);
    if (line) io.stderr(line + '\n');
  };

  switch (command) {
    case 'new': {
      expect(0);
      const name = values.template ?? 'blank';
      if (!TEMPLATE_NAMES.includes(name)) {
        throw new CliExit(2, [
          editError(
            'E_USAGE',
            `unknown template "${name}"; choose one of ${TEMPLATE_NAMES.join(', ')}`
          )
        ]);
      }
      let model = templateModel(name);
      if (values.title)
        model = { ...model, meta: { ...model.meta, title: values.title.slice(0, 200) } };
      if (values.output) {
        await writeOut(io, values.output, appText(model));
        say(`wrote ${values.output}: ${name} template, ${count(model)}`, {
          output: values.output,
          template: name
        });
      } else {
        io.stdout(appText(model));
      }
      return 0;
    }
    case 'validate': {
      expect(1);
      const model = await readApp(io, args[0]);
      say(`${args[0]} is valid: ${count(model)}`, {
        components: model.components.size,
        nodes: model.nodes.size
      });
      return 0;
    }
    case 'apply': {
      expect(2);
      const model = await readApp(io, args[0]);
      const ops = await readJson(io, args[1]);
      // The same edit path as the studio: a Y.Doc, the plan, the gate, the sandbox's migrations
      // and dry run, one commit, then the model read back.
      const doc = new Y.Doc();
      commitModel(doc, model, CLI_ORIGIN);
      const result = await withSandboxChecks((checks) =>
        commitChecked(doc, ops, CLI_ORIGIN, checks, { source: 'cli' })
      );
      if (!result.ok) throw new CliExit(1, [...result.errors]);
      const text = appText(currentModel(doc).model);
      if (values.output) {
        await writeOut(io, values.output, text);
        say(`${result.summary}\nwrote ${values.output}`, {
          summary: result.summary,
          idMap: result.idMap,
          output: values.output
        });
      } else {
        if (json)
          io.stdout(
            JSON.stringify({
              ok: true,
              summary: result.summary,
              idMap: result.idMap,
              app: toAppFile(currentModel(doc).model)
            }) + '\n'
          );
        else io.stdout(text);
        if (!json) io.stderr(result.summary + '\n');
      }
      return 0;
    }
    case 'assist': {
      if (args.length !== 2)
        throw new CliExit(2, [
          editError('E_USAGE', 'assist takes an app file and a request in quotes; see --help')
        ]);
      const model = await readApp(io, args[0]);
      return await assistCommand(io, json, model, args[1], {
        selection: values.selection ?? null,
        apply: values.apply === true,
        output: values.output
      });
    }
    case 'run': {
      expect(1);
      const origins = confirmed();
      const read = confirmModelNetwork(await readApp(io, args[0]), origins);
      notice(read.ignored);
      const model = read.model;
      // The file is untrusted: code the gate would refuse is refused here, before it runs.
      const gate = compileApp(model);
      if (!gate.ok) throw new CliExit(1, [...gate.errors]);
      let events: Parameters<typeof runHeadless>[1] = [];
      if (values.events) {
        const read = readEvents(await readJson(io, values.events));
        if (!read.ok) throw new CliExit(1, [read.error]);
        events = read.events;
      }
      const result = await runHeadless(model, events);
      io.stdout(JSON.stringify(result, null, json ? undefined : 2) + '\n');
      return 0;
    }
    case 'check': {
      expect(1);
      const model = await readApp(io, args[0]);
      const gate = compileApp(model);
      if (!gate.ok) throw new CliExit(1, [...gate.errors]);
      say(`${args[0]} passes the compile gate: ${count(model)}`, {
        components: model.components.size,
        nodes: model.nodes.size
      });
      return 0;
    }
    case 'code': {
      expect(1);
      const model = await readApp(io, args[0]);
      const form = values.form ?? 'jsx';
      if (form !== 'jsx' && form !== 'module') {
        throw new CliExit(2, [editError('E_USAGE', `--form takes jsx or module, not "${form}"`)]);
      }
      const component = values.component ? componentByName(model, values.component) : undefined;
      if (values.component && !component) {
        throw new CliExit(1, [
          editError(
            'E_COMPONENT_NOT_FOUND',
            `${args[0]} has no component named "${values.component}"`
          )
        ]);
      }
      if (form === 'jsx') {
        io.stdout((component ? componentJsx(model, component.id) : appJsx(model)) + '\n');
        return 0;
      }
      // The module form is what the sandbox runs: only code that passed the gate gets one.
      const ids = new Set(component ? [component.id] : model.components.keys());
      const gate = compileApp(model, ids, { modules: true });
      if (!gate.ok) throw new CliExit(1, [...gate.errors]);
      io.stdout([...gate.modules.values()].join('\n\n') + '\n');
      return 0;
    }
    case 'import': {
      expect(1);
      const source = await readText(io, args[0]);
      const model = values.into ? await readApp(io, values.into) : emptyModel();
      const imported = importComponent(source, model);
      if (!imported.ok) throw new CliExit(1, imported.errors);
      const kept = confirmOpsNetwork(imported.ops, model, confirmed());
      notice(kept.ignored);
      const result = { ...imported, ops: kept.ops };
      // A batch that would not commit is refused here too, so the printed ops are ones that apply.
      const doc = new Y.Doc();
      if (rootComponent(model)) commitModel(doc, model, CLI_ORIGIN);
      const check = commitBatch(doc, result.ops, CLI_ORIGIN, { source: 'code' });
      if (!check.ok) throw new CliExit(1, [...check.errors]);
      if (json) {
        io.stdout(
          JSON.stringify({
            ok: true,
            component: result.component,
            summary: check.summary,
            ops: result.ops
          }) + '\n'
        );
      } else {
        io.stdout(JSON.stringify(result.ops, null, 2) + '\n');
        io.stderr(`${result.component}: ${check.summary}\n`);
      }
      return 0;
    }
    default:
      throw new CliExit(2, [
        editError('E_USAGE', `unknown command "${command}"; see malleable --help`)
      ]);
  }
}

/**
 * `malleable assist`: the endpoint's turn (src/lib/server/assist.ts) over an app file, in a
 * session of its own; `--apply` commits the proposal like the sidebar's Apply.
 */
async function assistCommand(
  io: CliIo,
  json: boolean,
  model: AppModel,
  message: string,
  options: { selection: string | null; apply: boolean; output?: string }
): Promise<number> {
  const doc = new Y.Doc();
  commitModel(doc, model, CLI_ORIGIN);
  const gate = new CompileGate();
  const session = new AppSession('cli', doc, gate, async () => {});
  try {
    let engine = '';
    let proposal: Extract<AssistMessage, { type: 'proposal' }> | null = null;
    let ending: Exclude<AssistMessage, { type: 'proposal' | 'status' | 'engine' }> | null = null;
    for await (const event of assistTurn(session, CLI_ACTOR, {
      message,
      selection: options.selection
    })) {
      if (event.type === 'engine') engine = event.note;
      else if (event.type === 'status') {
        if (!json) io.stderr(`${event.text}\n`);
      } else if (event.type === 'proposal') proposal = event;
      else ending = event;
    }
    if (!proposal) {
      const text = ending?.text ?? 'the assistant ended without a proposal';
      const errors =
        ending?.type === 'failed' && ending.errors.length > 0
          ? [...ending.errors]
          : [editError('E_NO_PROPOSAL', `${ending?.type ?? 'failed'}: ${text}`)];
      throw new CliExit(1, errors);
    }
    if (!options.apply) {
      if (json)
        io.stdout(
          JSON.stringify({
            ok: true,
            engine,
            summary: proposal.summary,
            changes: proposal.changes,
            ops: proposal.ops
          }) + '\n'
        );
      else {
        io.stdout(JSON.stringify(proposal.ops, null, 2) + '\n');
        io.stderr(`${proposal.summary} (${engine})\n`);
        for (const change of proposal.changes) io.stderr(`  - ${change}\n`);
      }
      return 0;
    }
    const applied = await applyProposal(session, CLI_ACTOR, { ops: proposal.ops, prompt: message });
    if (!applied.ok) throw new CliExit(1, [...applied.errors]);
    const text = appText(session.model);
    if (options.output) {
      await writeOut(io, options.output, text);
      say(io, json, `${proposal.summary}\nwrote ${options.output}`, {
        summary: proposal.summary,
        output: options.output
      });
    } else if (json)
      io.stdout(
        JSON.stringify({ ok: true, summary: proposal.summary, app: toAppFile(session.model) }) +
          '\n'
      );
    else {
      io.stdout(text);
      io.stderr(`${proposal.summary}\n`);
    }
    return 0;
  } finally {
    await session.close();
    gate.dispose();
  }
}

function say(io: CliIo, json: boolean, text: string, data: Record<string, unknown>): void {
  if (json) io.stdout(JSON.stringify({ ok: true, ...data }) + '\n');
  else io.stdout(text + '\n');
}

/** Runs the CLI; returns the exit code. Never throws for bad input. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  try {
    return await run(argv, io, json);
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
