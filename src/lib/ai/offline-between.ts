/**
 * "between A and B" (issue 15): "add a Company field between Email and Message", "move the
 * checkbox between the name and the email". When A and B are next to each other in one container,
 * the place is right after the first of them, said the grammar's way ("below A"); otherwise the
 * words stay as said and the rules ask. The "and" is never read as a second instruction. Pure.
 */
import { childrenOf } from '../model/types';
import type { Draft } from './offline-draft';
import { findElement } from './offline-refs';

const BETWEEN = /\bbetween\s+(.+?)\s+and\s+(.+?)(?=$|,|\s+(?:that|which|with|so)\b)/i;

/** Rewrites "between A and B" as "below A" (or "below B") when the two are neighbours. */
export function between(d: Draft): void {
  const m = BETWEEN.exec(d.text);
  if (!m) return;
  const scene = { model: d.model, selection: null, u: { text: d.text, quotes: d.quotes } };
  const a = findElement(scene, m[1]);
  const b = findElement(scene, m[2]);
  if (!a.ok || !b.ok) return;
  // The two, or the rows they sit in, side by side in one container.
  const chain = (id: string | null): string[] =>
    id ? [id, ...chain(d.model.nodes.get(id)?.parent ?? null)] : [];
  let near: [number, number] | null = null;
  for (const x of chain(a.value.id))
    for (const y of chain(b.value.id)) {
      const parent = d.model.nodes.get(x)?.parent;
      if (near || !parent || parent !== d.model.nodes.get(y)?.parent || x === y) continue;
      const kids = childrenOf(d.model, parent);
      near = [kids.indexOf(x), kids.indexOf(y)];
    }
  if (!near || Math.abs(near[0] - near[1]) !== 1) return;
  const [i, j] = near;
  const first = i < j ? m[1] : m[2];
  d.text = `${d.text.slice(0, m.index)}below ${first}${d.text.slice(m.index + m[0].length)}`;
}
