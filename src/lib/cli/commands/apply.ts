/**
 * `malleable apply APP.json OPS.json [-o OUT.json]`: a batch through the studio's edit path
 * (../commit.ts); writes the new app file, or nothing when the batch is refused.
 *
 * Most refused batches are refused by the planner, which is pure and cheap, before the gate and
 * the sandbox would run. So the planner runs first on its own, with those stages replaced by ones
 * that stop it. A refusal it reaches without them is exactly the full path's answer: planOps
 * returns before `verify` when any op fails, and calls `migrate` only for a retype whose value
 * needs it. It costs no Yjs, Babel, TypeScript or SES. A batch that reaches either stage goes
 * the whole way, planned again with the real ones.
 */
import type { AppModel } from '../../model/types';
import { toAppFile } from '../../model/appfile';
import type { EditError } from '../../ops/errors';
import { planOps, type Migrator, type Verifier } from '../../ops/plan';
import { appText, readApp, readJson, writeOut } from '../files';
import { CLI_ACTOR, CliExit, expectArgs, say, type Command } from '../io';

export const apply: Command = async (args, options, io) => {
  expectArgs('apply', args, 2);
  const model = await readApp(io, args[0]);
  const ops = await readJson(io, args[1]);
  const refused = plannerRefusal(model, ops);
  if (refused) throw new CliExit(1, [...refused]);
  const { commitToApp } = await import('../commit');
  const result = await commitToApp(model, ops);
  if (!result.ok) throw new CliExit(1, [...result.errors]);
  const json = options.json === true;
  if (options.output) {
    await writeOut(io, options.output, appText(result.model));
    say(io, json, `${result.summary}\nwrote ${options.output}`, {
      summary: result.summary,
      idMap: result.idMap,
      output: options.output
    });
  } else if (json) {
    io.stdout(
      JSON.stringify({
        ok: true,
        summary: result.summary,
        idMap: result.idMap,
        app: toAppFile(result.model)
      }) + '\n'
    );
  } else {
    io.stdout(appText(result.model));
    io.stderr(result.summary + '\n');
  }
  return 0;
};

/** Thrown by the stand-in stages: the planner got as far as a stage it cannot judge alone. */
const LATER_STAGE = Symbol('later stage');

/** The planner's refusal of `ops`, or null when only the full path can tell. */
function plannerRefusal(model: AppModel, ops: unknown): readonly EditError[] | null {
  const stop: Verifier & Migrator = () => {
    throw LATER_STAGE;
  };
  try {
    const plan = planOps(model, ops, CLI_ACTOR, { verify: stop, migrate: stop });
    return plan.ok ? null : plan.errors;
  } catch (e) {
    if (e === LATER_STAGE) return null;
    throw e;
  }
}
