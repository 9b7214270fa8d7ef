/**
 * A request while offline-normal.ts and offline-terse.ts rewrite it into the grammar's phrasing:
 * its words, its quotes (rewritten text joins them, so it is never read as grammar) and its end
 * mark. Pure.
 */
import type { AppModel } from '../model/types';

/** A request being rewritten: its words, its quotes (new text joins them) and its end mark. */
export interface Draft {
  readonly model: AppModel;
  text: string;
  readonly quotes: string[];
  end: string | undefined;
}

/** Sets text aside as a quote (with the request's "!" when it ends the request) → its marker. */
export function quote(d: Draft, said: string, last = false): string {
  d.quotes.push(
    said.replace(/⟦(\d+)⟧/g, (_, n: string) => d.quotes[Number(n)]).trim() +
      (last ? (d.end ?? '') : '')
  );
  if (last) d.end = undefined;
  return `⟦${d.quotes.length - 1}⟧`;
}
