// Small statistics and number formatting shared by the benchmarks. Percentiles use the nearest-rank method,
// so with few samples p95 is simply one of the slowest observed values, never an interpolation.

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest rank: the smallest value with at least p% of the samples at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** `a / b` to two decimals, or null when b is zero or either side is missing. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  return round(a / b, 2);
}

/** 12,345 (English grouping: BENCHMARKS.md is read by engineers). */
export function int(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? '—' : Math.round(value).toLocaleString('en-US');
}

export function ms(value: number | null | undefined, digits = 1): string {
  return value == null || !Number.isFinite(value) ? '—' : `${round(value, digits).toLocaleString('en-US')} ms`;
}

export function kb(bytes: number | null | undefined): string {
  return bytes == null || !Number.isFinite(bytes)
    ? '—'
    : `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KiB`;
}

export function times(value: number | null | undefined): string {
  return value == null ? '—' : `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}×`;
}

/** Milliseconds since an arbitrary point, with sub-millisecond resolution. */
export function now(): number {
  return performance.now();
}
