import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffCeiling, backoffDelay } from '#client/sync/backoff.ts';

describe('retry delays after failed syncs', () => {
  it('double from 2 seconds with each failure', () => {
    expect([1, 2, 3, 4, 5].map(backoffCeiling)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
  });

  it('never exceed 5 minutes, however many failures', () => {
    expect(backoffCeiling(9)).toBe(BACKOFF_CAP_MS);
    expect(backoffCeiling(1_000)).toBe(5 * 60_000);
    expect(backoffDelay(1_000, () => 0.999_999)).toBeLessThanOrEqual(5 * 60_000);
  });

  it('are spread at random up to the ceiling (full jitter)', () => {
    expect(backoffDelay(3, () => 0)).toBe(0);
    expect(backoffDelay(3, () => 0.5)).toBe(4_000);
    const delays = Array.from({ length: 200 }, () => backoffDelay(6));
    expect(Math.max(...delays)).toBeLessThanOrEqual(64_000);
    expect(new Set(delays).size).toBeGreaterThan(100);
  });
});
