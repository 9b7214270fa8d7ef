/**
 * What a restore to just before history entry `index` would make the app: the definition as it
 * was then (read from the entry's restore point, model/restore-point.ts), with today's data where
 * it still fits the fields of then. The session judges and commits it (session.ts `restoreTo`).
 */
import * as Y from 'yjs';
import { editError, type EditError } from '../errors';
import { snapshotBefore } from '../model/restore-point';
import { currentModel } from '../model/store';
import { rootComponent, type AppModel, type JsonValue } from '../model/types';
import { docRoots } from '../model/ydoc';
import type { HistoryEntry } from '../ops/write';
import { checkValue } from '../schema/statetype';

/** The app before entry `index`, and that entry; or why it cannot be had. */
export type RestoreTarget =
  | { readonly ok: true; readonly entry: HistoryEntry; readonly target: AppModel }
  | { readonly ok: false; readonly errors: readonly EditError[] };

/** The restore target of `doc` (now `now`) before entry `index` (any value a client sent). */
export function restoreTarget(doc: Y.Doc, now: AppModel, index: unknown): RestoreTarget {
  const history = docRoots(doc).history;
  const entry =
    typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < history.length
      ? (history.get(index) as HistoryEntry)
      : undefined;
  // The state before the entry: its restore point and those of the entries its writer knew of,
  // or an old entry's whole snapshot.
  const point = entry && !doc.gc ? snapshotBefore(doc, index as number) : null;
  if (!entry || !point)
    return unavailable(
      entry
        ? `the app cannot be restored to before “${entry.summary}”`
        : `there is no change ${JSON.stringify(index)} in the history`
    );
  let then: AppModel;
  try {
    const old = Y.createDocFromSnapshot(doc, point);
    then = currentModel(old).model;
    old.destroy();
  } catch (e) {
    return unavailable(`the earlier state cannot be read: ${String(e)}`);
  }
  return { ok: true, entry, target: { ...then, data: dataThatFits(now, then) } };
}

function unavailable(message: string): RestoreTarget {
  return { ok: false, errors: [editError('E_RESTORE_UNAVAILABLE', message)] };
}

/** Today's data where it fits the root component's fields of `then`; else the data of then. */
function dataThatFits(now: AppModel, then: AppModel): Record<string, JsonValue> {
  const root = rootComponent(then);
  const data: Record<string, JsonValue> = { ...then.data };
  if (!root) return data;
  for (const [field, decl] of Object.entries(root.state)) {
    const value = now.data[field];
    if (value !== undefined && !checkValue(decl.type, value)) data[field] = value;
  }
  return data;
}
