/**
 * Shared checks of the normalisation stage's tests (ai-canon.test.ts, ai-canon-more.test.ts): a
 * request after prepare() and canon() alone, and a phrasing that must plan to exactly the batch
 * of its plain form.
 */
import { expect } from 'vitest';
import { offlinePlan, type OfflineTurn } from '../../src/lib/ai/offline';
import { canon } from '../../src/lib/ai/offline-canon';
import type { Draft } from '../../src/lib/ai/offline-draft';
import { prepare } from '../../src/lib/ai/offline-text';
import type { AppModel } from '../../src/lib/model/types';

/** The request after prepare() and the canon stage alone. */
export function canonical(model: AppModel, message: string): string {
  const u = prepare(message);
  const d: Draft = { model, text: u.text, quotes: [...u.quotes], end: u.end };
  canon(d);
  return d.text;
}

/** The turn, which must be a batch. */
export function batch(turn: OfflineTurn) {
  expect(turn.kind, turn.kind === 'batch' ? '' : turn.text).toBe('batch');
  return turn as Extract<OfflineTurn, { kind: 'batch' }>;
}

/** Each phrasing plans to exactly the batch of the plain one, which is a batch. */
export function sameAs(model: AppModel, plain: string, phrasings: readonly string[]): void {
  const want = batch(offlinePlan(model, plain)).ops;
  for (const said of phrasings) expect(batch(offlinePlan(model, said)).ops, said).toEqual(want);
}

/** A near miss: no batch at all. */
export function notChanged(model: AppModel, said: string): void {
  expect(offlinePlan(model, said).kind, said).not.toBe('batch');
}
