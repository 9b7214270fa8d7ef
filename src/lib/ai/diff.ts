/**
 * A line diff of two texts (a component's JSX before and after a proposal), for the sidebar's
 * code view. Longest common subsequence over lines; texts here are a few hundred lines at most,
 * and a larger pair falls back to "all removed, all added" rather than spending quadratic time.
 */
export interface DiffLine {
  readonly kind: 'same' | 'add' | 'remove';
  readonly text: string;
}

/** A run of unchanged lines left out of a hunk view. */
export interface Fold {
  readonly kind: 'fold';
  readonly count: number;
}

const MAX_CELLS = 4_000_000;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  if (a.length * b.length > MAX_CELLS)
    return [
      ...a.map((text) => ({ kind: 'remove' as const, text })),
      ...b.map((text) => ({ kind: 'add' as const, text }))
    ];
  // lengths[i][j]: the LCS length of a[i..] and b[j..].
  const lengths: Uint32Array[] = Array.from(
    { length: a.length + 1 },
    () => new Uint32Array(b.length + 1)
  );
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i][j] =
        a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] });
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) out.push({ kind: 'remove', text: a[i++] });
    else out.push({ kind: 'add', text: b[j++] });
  }
  while (i < a.length) out.push({ kind: 'remove', text: a[i++] });
  while (j < b.length) out.push({ kind: 'add', text: b[j++] });
  return out;
}

/** Only the changed lines and `context` lines around them; runs of unchanged lines fold. */
export function hunks(lines: readonly DiffLine[], context = 3): (DiffLine | Fold)[] {
  const keep = lines.map(() => false);
  lines.forEach((line, i) => {
    if (line.kind === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++)
      keep[k] = true;
  });
  const out: (DiffLine | Fold)[] = [];
  let folded = 0;
  lines.forEach((line, i) => {
    if (keep[i]) {
      if (folded > 0) out.push({ kind: 'fold', count: folded });
      folded = 0;
      out.push(line);
    } else folded++;
  });
  if (folded > 0) out.push({ kind: 'fold', count: folded });
  return out;
}
