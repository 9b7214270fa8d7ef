/**
 * Live-update check benchmark (`npx tsx tests/bench/live-check.ts`): what the server spends on an
 * honest peer's update before it applies it (`AppSession.receive`: the cheap refusals, the
 * mirror, the records, and the one judge with the gate and, for code, the dry run), on the todo
 * template and on a 2,000-node app. The baseline from the same run is the bare Yjs apply of the
 * same update to a copy of the document (what an unchecked server would do). Two kinds of
 * update, as a studio writes them: a literal (a heading's text) and an expression.
 *
 * Issue 12 asks that the check not get slower for honest edits: run this file at the commit
 * before the judge and after it (the closing note gives both). Always exits 0.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { currentModel } from '../../src/lib/model/store';
import { rootComponent, type AppModel } from '../../src/lib/model/types';
import { commitPlanned, originFor } from '../../src/lib/ops/write';
import { CompileGate } from '../../src/lib/code/gate';
import { AppSession } from '../../src/lib/server/session';
import type { Actor } from '../../src/lib/ops/plan';
import { buildApp } from './apps';
import { ms, printTable, summarize } from './measure';
import { templateDoc } from '../fuzz/peers';

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const EDITOR: Actor = { id: 'link:bench~ed', name: 'Ed', role: 'editor' };

/** A Text or Heading of the root component to write to. */
function target(model: AppModel): string {
  const root = rootComponent(model)!;
  return [...model.nodes.values()].find(
    (n) => n.component === root.id && (n.type === 'Heading' || n.type === 'Text')
  )!.id;
}

/** The update a studio sends for `ops`, planned on its replica. */
function studioUpdate(replica: Y.Doc, ops: unknown): Uint8Array {
  const vector = Y.encodeStateVector(replica);
  const written = commitPlanned(replica, ops, originFor(EDITOR));
  if (!written.ok) throw new Error(JSON.stringify(written.errors));
  return Y.encodeStateAsUpdate(replica, vector);
}

async function run(name: string, doc: Y.Doc, kind: 'literal' | 'expression'): Promise<string[]> {
  const gate = new CompileGate();
  const session = new AppSession('bench', doc, gate, async () => {});
  const replica = new Y.Doc({ gc: false });
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  const node = target(currentModel(replica).model);
  const checked: number[] = [];
  const bare: number[] = [];
  try {
    for (let i = -5; i < RUNS; i++) {
      const value =
        kind === 'literal' ? `Heading ${i}` : { $expr: `'n' + (state.items.length + ${i})` };
      const update = studioUpdate(replica, [{ op: 'setProp', id: node, name: 'text', value }]);
      // The baseline: the same bytes applied without a check, to a copy of the server's doc.
      const copy = new Y.Doc({ gc: false });
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(session.doc));
      const b0 = performance.now();
      Y.applyUpdate(copy, update);
      const b = performance.now() - b0;
      copy.destroy();
      const t0 = performance.now();
      const result = await session.receive(EDITOR, update);
      const t = performance.now() - t0;
      if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
      if (i >= 0) {
        checked.push(t);
        bare.push(b);
      }
    }
  } finally {
    await session.close();
    gate.dispose();
    replica.destroy();
  }
  const c = summarize(checked);
  const b = summarize(bare);
  return [
    name,
    kind,
    ms(c.median),
    ms(c.p95),
    ms(b.median),
    `${(c.median / b.median).toFixed(0)}×`
  ];
}

const cpus = os.cpus();
console.log(
  `\nLive-update check: ${cpus.length} cores (${cpus[0]?.model.trim() ?? '?'}), Node ${process.version}, ` +
    `load ${os.loadavg()[0].toFixed(2)}, ${RUNS} updates per row.\n`
);
const rows: string[][] = [];
for (const kind of ['literal', 'expression'] as const) {
  rows.push(await run('todo', templateDoc('todo', 3), kind));
  rows.push(await run('2,000 nodes', buildApp(2000, 3), kind));
}
printTable(['app', 'update', 'receive median', 'receive p95', 'bare apply median', 'ratio'], rows);
process.exit(0);
