/**
 * `malleable assist APP.json MESSAGE [--selection NODE] [--apply [-o OUT.json]]`: the endpoint's
 * turn (src/lib/server/assist.ts) over an app file, in a session of its own; `--apply` commits the
 * proposal like the sidebar's Apply.
 */
import * as Y from 'yjs';
import { commitModel, originFor } from '../../ops/commit';
import { editError } from '../../ops/errors';
import { toAppFile } from '../../model/appfile';
import { CompileGate } from '../../code/gate';
import { AppSession } from '../../server/session';
import { applyProposal, assistTurn } from '../../server/assist';
import type { AssistMessage } from '../../ai/protocol';
import { appText, readApp, writeOut } from '../files';
import { CLI_ACTOR, CliExit, say, type Command } from '../io';

export const assist: Command = async (args, options, io) => {
  if (args.length !== 2)
    throw new CliExit(2, [
      editError('E_USAGE', 'assist takes an app file and a request in quotes; see --help')
    ]);
  const json = options.json === true;
  const message = args[1];
  const model = await readApp(io, args[0]);
  const doc = new Y.Doc();
  commitModel(doc, model, originFor(CLI_ACTOR));
  const gate = new CompileGate();
  const session = new AppSession('cli', doc, gate, async () => {});
  try {
    let engine = '';
    let proposal: Extract<AssistMessage, { type: 'proposal' }> | null = null;
    let ending: Exclude<AssistMessage, { type: 'proposal' | 'status' | 'engine' }> | null = null;
    for await (const event of assistTurn(session, CLI_ACTOR, {
      message,
      selection: options.selection ?? null
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
};
