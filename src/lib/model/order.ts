/**
 * Fractional order keys: a node's position among its siblings is a string that sorts between its
 * neighbours', so an insert or a move writes one field of one node and concurrent inserts never
 * rewrite each other. Equal keys (two peers inserting at the same spot) sort by node id.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** Compares two siblings: by order key, then by id, the same on every peer. */
export function compareSiblings(
  a: { order: string; id: string },
  b: { order: string; id: string }
): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Keys for `count` new siblings placed between `before` and `after` (either may be null for the
 * ends). When the neighbours share a key (concurrent inserts), there is no key strictly between
 * them; the caller must then re-key `after` (see planOps' insertAt), so this returns null.
 */
export function keysBetween(
  before: string | null,
  after: string | null,
  count: number
): string[] | null {
  if (before !== null && after !== null && before >= after) return null;
  if (count === 1) return [generateKeyBetween(before, after)];
  return generateNKeysBetween(before, after, count);
}

/** True when the string is a well-formed order key (a peer may have written anything). */
export function isOrderKey(key: unknown): key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > 200) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}
