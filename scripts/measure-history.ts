/**
 * How big an app's history log grows with the number of edits (issue 13, "History that stays
 * small"): `npx tsx scripts/measure-history.ts [edits ...]` (default 100 500 1000).
 *
 * One todo app in a server-like document (gc off), edited through the studio's own write path
 * (ops/write.ts commitPlanned): the heading's text replaced again and again, and every fifth edit
 * a Text node added, removed by the next one, so every edit deletes something. Printed after
 * each count: the log as JSON (all of it, and the restore points alone), the bytes per entry of
 * the first and the last 100 edits, and the whole document as one Yjs update.
 *
 * It reads entries by shape only (`before` or `restorePoint`), so the same file measures an
 * older checkout too: copy it there and run it the same way.
 */
import * as Y from 'yjs';
import { commitModel } from '../src/lib/ops/commit';
import { commitPlanned, originFor } from '../src/lib/ops/write';
import { readModel } from '../src/lib/model/ydoc';
import { templateModel } from '../src/lib/templates';

const counts = process.argv.slice(2).map(Number);
const marks = counts.length > 0 ? counts : [100, 500, 1000];
const origin = originFor({ id: 'ann', name: 'Ann', role: 'owner' });

const doc = new Y.Doc({ gc: false });
commitModel(doc, templateModel('todo'), origin, { now: 0 });
const start = readModel(doc);
const heading = [...start.nodes.values()].find((n) => n.type === 'Heading')!.id;
const stack = start.components.get(start.meta.root)!.root;
const history = doc.getArray<Record<string, unknown>>('history');
const first = history.length;

let added: string | null = null;
function edit(i: number): void {
  const ops =
    added !== null
      ? [{ op: 'removeNode', id: added }]
      : i % 5 === 4
        ? [{ op: 'addNode', parent: stack, type: 'Text', props: { text: `note ${i}` }, id: 'tmp' }]
        : [{ op: 'setProp', id: heading, name: 'text', value: `Heading, version ${i}` }];
  const result = commitPlanned(doc, ops, origin, { now: 1_000_000 + i });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  added = added === null && 'tmp' in result.idMap ? result.idMap.tmp : null;
}

const bytes = (entry: unknown) => JSON.stringify(entry).length;
const pointBytes = (entry: Record<string, unknown>) =>
  String(entry.restorePoint ?? entry.before ?? '').length;
const perEntry = (from: number, to: number) => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += bytes(history.get(i));
  return Math.round(sum / (to - from));
};

console.log(
  'edits   history (JSON)        restore points (restorable)   B/entry first 100   B/entry last 100   doc update'
);
let done = 0;
for (const mark of marks) {
  while (done < mark) edit(done++);
  const entries = history.toArray().slice(first);
  const total = entries.reduce((sum, e) => sum + bytes(e), 0);
  const points = entries.reduce((sum, e) => sum + pointBytes(e), 0);
  const restorable = entries.filter((e) => pointBytes(e) > 0).length;
  console.log(
    [
      String(mark).padStart(5),
      `${total}`.padStart(17),
      `${points} (${restorable})`.padStart(36),
      `${perEntry(first, first + Math.min(100, mark))}`.padStart(20),
      `${perEntry(first + mark - Math.min(100, mark), first + mark)}`.padStart(19),
      `${Y.encodeStateAsUpdate(doc).byteLength}`.padStart(13)
    ].join('')
  );
}
