// Retry delays after a failed sync: exponential from 2 s, capped at 5 minutes, with full jitter
// (a uniformly random delay up to the ceiling), so devices coming back after an outage spread out.
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/** The ceiling of the delay after `failures` consecutive failures (1 = the first failure). */
export function backoffCeiling(failures: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
}

/** A delay in [0, ceiling]; `random` returns a number in [0, 1). */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  return Math.round(random() * backoffCeiling(failures));
}
