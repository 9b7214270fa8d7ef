/**
 * The studio's edit path over an app file, for `malleable apply`: the model written to a Y.Doc,
 * then `commitChecked` (migrations and the dry run in the sandbox, the plan, the compile gate, one
 * commit), then the model read back. Loaded only for a batch the planner did not refuse on its own
 * (commands/apply.ts): this module brings Yjs, Babel, TypeScript and the sandbox with it.
 */
import * as Y from 'yjs';
import { currentModel } from '../model/store';
import type { AppModel } from '../model/types';
import { commitChecked, commitModel, originFor } from '../ops/commit';
import type { Rejection } from '../ops/plan';
import { withSandboxChecks } from './run';
import { CLI_ACTOR } from './io';
import { gateVerifier } from '../code/gate';

/** A committed batch: its summary, the temporary ids it mapped, and the app after it. */
export interface Committed {
  readonly ok: true;
  readonly summary: string;
  readonly idMap: Readonly<Record<string, string>>;
  readonly model: AppModel;
}

/** Applies `ops` to `model` as the studio would, as the CLI's actor; nothing is written on refusal. */
export async function commitToApp(model: AppModel, ops: unknown): Promise<Committed | Rejection> {
  const origin = originFor(CLI_ACTOR);
  const doc = new Y.Doc();
  commitModel(doc, model, origin);
  const result = await withSandboxChecks((checks) =>
    commitChecked(doc, ops, origin, checks, { verify: gateVerifier(), source: 'cli' })
  );
  if (!result.ok) return result;
  return {
    ok: true,
    summary: result.summary,
    idMap: result.idMap,
    model: currentModel(doc).model
  };
}
