/**
 * Node and component ids: short (at most 8 characters) because the AI reads and writes them and
 * they cost tokens, readable (a letter for the element type, `b` for Button), and safe under
 * concurrent inserts: five random base-36 characters give 60 million ids per prefix, so two peers
 * adding nodes at the same moment collide with odds of about one in 60 million per pair.
 */

/** Where new ids come from: random in the product, seeded in tests so runs repeat. */
export interface IdSource {
  /** A fresh id starting with `prefix`; the caller checks it is unused. */
  next(prefix: string): string;
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const RANDOM_CHARS = 5;

/** Ids from the platform's cryptographic random source. */
export const randomIds: IdSource = {
  next(prefix) {
    const bytes = new Uint8Array(RANDOM_CHARS);
    globalThis.crypto.getRandomValues(bytes);
    let out = prefix;
    for (const b of bytes) out += ALPHABET[b % 36];
    return out;
  }
};

/** A deterministic id source (mulberry32), for tests, fuzzing and reproducible templates. */
export function seededIds(seed: number): IdSource {
  let state = seed >>> 0;
  return {
    next(prefix) {
      let out = prefix;
      for (let i = 0; i < RANDOM_CHARS; i++) {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        out += ALPHABET[((t ^ (t >>> 14)) >>> 0) % 36];
      }
      return out;
    }
  };
}

/** The id prefix for a node of this type: its first letter in lower case (`Button` → `b`). */
export function idPrefix(type: string): string {
  return type.charAt(0).toLowerCase() || 'n';
}

/** A fresh id not in use, retrying on the (rare) collision. */
export function freshId(ids: IdSource, prefix: string, taken: (id: string) => boolean): string {
  for (;;) {
    const id = ids.next(prefix);
    if (!taken(id)) return id;
  }
}
