/**
 * How long the server's check of a deeply nested live update takes, before and after issue 12's
 * "cheap refusals first": `npx tsx scripts/measure-peer-depth.ts [depth ...]`.
 *
 * - before: the check as it was at commit dee7c52 (applied to a mirror, every struct walked up
 *   to its root with a chain rebuilt per struct), read from git into node_modules/.cache;
 * - mirror: today's applyToMirror (memoised places; refuses the nesting after applying);
 * - precheck: today's precheckUpdate (the bytes only, nothing applied), what the collaboration
 *   server runs first.
 * Also an honest 4-op commit through the same three, so the cost on honest edits shows.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { applyToMirror, precheckUpdate } from '../src/lib/collab/check';
import { commitModel } from '../src/lib/ops/commit';
import { commitPlanned, originFor } from '../src/lib/ops/write';
import { readModel } from '../src/lib/model/ydoc';
import { templateModel } from '../src/lib/templates';

const BEFORE = 'dee7c52';
const editor = { id: 'link:x~ed-0001', role: 'editor' as const };

// The old file goes where git ignores it, with its imports pointed back at src/lib.
const CACHE = 'node_modules/.cache/measure-peer-depth';
mkdirSync(CACHE, { recursive: true });
writeFileSync(
  `${CACHE}/old-check.ts`,
  execFileSync('git', ['show', `${BEFORE}:src/lib/collab/check.ts`], { encoding: 'utf8' })
    .replaceAll("from '../", "from '../../../src/lib/")
    .replace("from './protocol'", "from '../../../src/lib/collab/protocol'")
);
const old = (await import(`../${CACHE}/old-check.ts`)) as typeof import('../src/lib/collab/check');

function server(): { doc: Y.Doc; rootId: string } {
  const doc = new Y.Doc({ gc: false });
  commitModel(doc, templateModel('todo'), originFor({ id: 'ann', role: 'owner' }));
  return { doc, rootId: readModel(doc).meta.root };
}

function copy(doc: Y.Doc): Y.Doc {
  const c = new Y.Doc({ gc: false });
  Y.applyUpdate(c, Y.encodeStateAsUpdate(doc));
  return c;
}

function deepUpdate(doc: Y.Doc, rootId: string, depth: number): Uint8Array {
  const peer = copy(doc);
  const sv = Y.encodeStateVector(peer);
  peer.transact(() => {
    let map = (peer.getMap('components').get(rootId) as Y.Map<unknown>).get(
      'state'
    ) as Y.Map<unknown>;
    for (let i = 0; i < depth; i++) {
      const next = new Y.Map<unknown>();
      map.set('k', next);
      map = next;
    }
  });
  return Y.encodeStateAsUpdate(peer, sv);
}

function honestUpdate(doc: Y.Doc): Uint8Array {
  const peer = copy(doc);
  const sv = Y.encodeStateVector(peer);
  commitPlanned(
    peer,
    [
      { op: 'addComponent', name: 'Card2' },
      { op: 'addState', component: 'Card2', name: 'n', type: 'number', initial: 0 },
      { op: 'setHandler', component: 'Card2', name: 'bump', body: 'state.n += 1;' },
      { op: 'setMeta', name: 'title', value: 'Renamed' }
    ],
    originFor(editor)
  );
  return Y.encodeStateAsUpdate(peer, sv);
}

/** Median milliseconds of `runs` calls of `f` (each on fresh input from `setup`). */
function median<T>(runs: number, setup: () => T, f: (input: T) => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = setup();
    const t = performance.now();
    f(input);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const fmt = (ms: number) =>
  (Number.isNaN(ms) ? 'skipped' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(2)).padStart(9);
const depths = process.argv.slice(2).map(Number);
const { doc, rootId } = server();
console.log('update                    bytes    before(ms) mirror(ms) precheck(ms)  verdict');
for (const depth of depths.length > 0 ? depths : [1000, 2000, 6000]) {
  const update = deepUpdate(doc, rootId, depth);
  const runs = depth > 3000 ? 1 : 3;
  // Beyond 10,000 deep the old check runs for minutes (the issue saw over one at 300 KB).
  const before =
    depth > 10_000
      ? NaN
      : median(
          runs,
          () => copy(doc),
          (m) => old.applyToMirror(m, update)
        );
  const mirror = median(
    5,
    () => copy(doc),
    (m) => applyToMirror(m, update)
  );
  const pre = median(
    5,
    () => null,
    () => precheckUpdate(doc, update, editor)
  );
  console.log(
    `${`nested ${depth} deep`.padEnd(24)}${String(update.byteLength).padStart(7)}${fmt(before)}  ${fmt(mirror)}  ${fmt(pre)}    ${precheckUpdate(doc, update, editor)?.code}`
  );
}
const honest = honestUpdate(doc);
console.log(
  `${'honest 4-op commit'.padEnd(24)}${String(honest.byteLength).padStart(7)}${fmt(
    median(
      21,
      () => copy(doc),
      (m) => old.applyToMirror(m, honest)
    )
  )}  ${fmt(
    median(
      21,
      () => copy(doc),
      (m) => applyToMirror(m, honest)
    )
  )}  ${fmt(
    median(
      21,
      () => null,
      () => precheckUpdate(doc, honest, editor)
    )
  )}    ${precheckUpdate(doc, honest, editor)?.code ?? 'passes'}`
);
