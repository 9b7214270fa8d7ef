/**
 * `malleable import FILE.jsx [--into APP.json] [--allow-network ORIGIN]...`: a JSX component into
 * the ops batch that makes the app match it. A batch that would not commit is refused here too,
 * so the printed ops are ones that apply.
 */
import * as Y from 'yjs';
import { commitBatch, commitModel, originFor } from '../../ops/commit';
import { emptyModel, rootComponent } from '../../model/types';
import { importComponent } from '../../code/import';
import { confirmOpsNetwork } from '../network';
import { readApp, readText } from '../files';
import { CLI_ACTOR, CliExit, expectArgs, type Command } from '../io';
import { confirmed, notice } from './confirm';
import { gateVerifier } from '../../code/gate';

export const importJsx: Command = async (args, options, io) => {
  expectArgs('import', args, 1);
  const source = await readText(io, args[0]);
  const model = options.into ? await readApp(io, options.into) : emptyModel();
  const imported = importComponent(source, model);
  if (!imported.ok) throw new CliExit(1, imported.errors);
  const kept = confirmOpsNetwork(imported.ops, model, confirmed(options));
  notice(io, kept.ignored);
  const result = { ...imported, ops: kept.ops };
  const origin = originFor(CLI_ACTOR);
  const doc = new Y.Doc();
  if (rootComponent(model)) commitModel(doc, model, origin);
  const check = commitBatch(doc, result.ops, origin, { verify: gateVerifier(), source: 'code' });
  if (!check.ok) throw new CliExit(1, [...check.errors]);
  if (options.json) {
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
};
