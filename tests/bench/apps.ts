/**
 * Apps of a given size for the benchmarks, built the way a person would: the todo template, then
 * batches of addNode with nested children committed through commitBatch. And the 20-op batches
 * the benchmark measures, made against the current model so every one of them is valid.
 */
import type * as Y from 'yjs';
import { commitBatch, originFor, type EditOrigin } from '../../src/lib/ops/commit';
import { seededIds, type IdSource } from '../../src/lib/model/ids';
import { currentModel } from '../../src/lib/model/store';
import type { AppModel, NodeSpec, Op } from '../../src/lib/model/types';
import { BatchBuilder, PLAN_ONLY, Rng, templateDoc } from '../fuzz/peers';

/** The acting person of every benchmark commit. */
export const BENCH_ORIGIN: EditOrigin = originFor({ id: 'bench', role: 'owner' });

const LEAF_TYPES = ['Text', 'Button', 'Badge', 'Heading', 'Toggle'] as const;

function leaf(rng: Rng): NodeSpec {
  const type = rng.pick(LEAF_TYPES);
  const word = rng.word();
  switch (type) {
    case 'Text':
      return { type, props: { text: `Some text ${word}`, tone: 'muted' } };
    case 'Button':
      return { type, props: { label: word, variant: 'secondary' } };
    case 'Badge':
      return { type, props: { text: word } };
    case 'Heading':
      return { type, props: { text: word, level: rng.range(2, 4) } };
    default:
      return { type, props: { label: word } };
  }
}

/** A Card of up to `budget` nodes: leaves and small Stacks of leaves. Returns its node count. */
function card(rng: Rng, budget: number): { spec: NodeSpec; count: number } {
  if (budget < 2) return { spec: leaf(rng), count: 1 };
  const children: NodeSpec[] = [];
  let count = 1;
  const want = Math.min(budget, rng.range(5, 16));
  while (count < want) {
    if (want - count >= 4 && rng.chance(0.3)) {
      const kids = Array.from({ length: rng.range(2, 3) }, () => leaf(rng));
      children.push({
        type: 'Stack',
        props: { direction: 'horizontal', gap: 'sm' },
        children: kids
      });
      count += 1 + kids.length;
    } else {
      children.push(leaf(rng));
      count += 1;
    }
  }
  return { spec: { type: 'Card', props: { title: rng.word() }, children }, count };
}

/** One batch that adds about `budget` nodes as Cards under random existing containers. */
function growBatch(rng: Rng, model: AppModel, budget: number): Op[] {
  const parents = [...model.nodes.values()]
    .filter((n) => n.type === 'Stack' || n.type === 'Card')
    .map((n) => n.id)
    .sort();
  const ops: Op[] = [];
  for (let left = budget; left > 0;) {
    const { spec, count } = card(rng, left);
    ops.push({ op: 'addNode', parent: rng.pick(parents), ...spec });
    left -= count;
  }
  return ops;
}

/** A document holding the todo template grown to `nodes` nodes (exactly). */
export function buildApp(nodes: number, seed: number): Y.Doc {
  const doc = templateDoc('todo', seed);
  const rng = new Rng(seed);
  const ids = seededIds(seed * 7 + 3);
  for (;;) {
    const model = currentModel(doc).model;
    if (model.nodes.size >= nodes) return doc;
    const ops = growBatch(rng, model, Math.min(nodes - model.nodes.size, 400));
    // Setup, not measured: planned without the compile gate (the benchmark's commits run it).
    const result = commitBatch(doc, ops, BENCH_ORIGIN, {
      ids,
      source: 'api',
      now: 0,
      verify: PLAN_ONLY
    });
    if (!result.ok) throw new Error(`growing the app failed: ${JSON.stringify(result.errors)}`);
  }
}

/** True for an Each and everything inside one: its nodes may use the loop variable. */
function inLoop(model: AppModel, id: string): boolean {
  for (let c: string | null = id; c !== null; c = model.nodes.get(c)?.parent ?? null)
    if (model.nodes.get(c)?.type === 'Each') return true;
  return false;
}

/**
 * The measured batch: 5 addNode, 5 setProp, 5 moveNode, 3 removeNode (leaves, so the app keeps
 * its size), one addState and one setHandler, in a random order, valid against `model` and
 * accepted by the compile gate: nothing inside an Each is moved, removed or edited, since moving
 * a node that uses the loop variable out of its Each, or renaming the variable, is refused.
 */
export function mixedBatch(rng: Rng, model: AppModel, serial: number): Op[] {
  const builder = new BatchBuilder(rng, model, false, (id) => inLoop(model, id));
  const kinds: (() => boolean)[] = [
    ...Array.from({ length: 5 }, () => () => builder.addNode(1)),
    ...Array.from({ length: 5 }, () => () => builder.setProp()),
    ...Array.from({ length: 5 }, () => () => builder.moveNode('anywhere')),
    ...Array.from({ length: 3 }, () => () => builder.removeNode(true)),
    () => builder.addState(`bench${serial}`),
    () => builder.setHandler(`onBench${serial}`)
  ];
  for (const make of rng.shuffle(kinds)) {
    let tries = 0;
    while (!make() && tries++ < 20);
  }
  if (builder.ops.length !== 20) throw new Error(`made ${builder.ops.length} ops, not 20`);
  return builder.ops;
}

/** The id source of the measured commits (one per benchmark, so ids never repeat). */
export function benchIds(seed: number): IdSource {
  return seededIds(seed * 13 + 5);
}
