/**
 * Timing and table helpers for the benchmarks: run a function with warmup, take percentiles,
 * print plain-text columns.
 */
import { performance } from 'node:perf_hooks';

/** Timings of one measured operation, in milliseconds. */
export interface Sample {
  readonly runs: number;
  readonly median: number;
  readonly p95: number;
}

/** The q-quantile (0..1) of sorted values, nearest rank. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** Median and p95 of a list of durations. */
export function summarize(times: readonly number[]): Sample {
  const sorted = [...times].sort((a, b) => a - b);
  return { runs: sorted.length, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
}

/**
 * Runs `body` `warmup` times unmeasured, then `runs` times measured. `body` may return its own
 * durations (several phases of one iteration, by name); otherwise the whole call is timed.
 */
export function measure(
  warmup: number,
  runs: number,
  body: () => Record<string, number> | void
): Record<string, Sample> {
  for (let i = 0; i < warmup; i++) body();
  const times: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const phases = body();
    const total = performance.now() - t0;
    for (const [name, ms] of Object.entries(phases ?? { total })) (times[name] ??= []).push(ms);
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, summarize(v)]));
}

/** Milliseconds since `t0`, for phase timings. */
export function since(t0: number): number {
  return performance.now() - t0;
}

/** Formats a number of milliseconds with sensible precision. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '-';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** Prints rows as left-aligned plain-text columns under a header and a rule. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
