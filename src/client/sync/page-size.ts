// How many rows a pull page asks for (docs/sync.md §10). A page is applied in one IndexedDB transaction, and
// while it runs the screens' reads wait on it; on a cheap phone most of that time is IndexedDB's own cost per
// written row, which no code of ours removes. So a device whose pages take too long asks for smaller ones.
// Smaller pages are not free: each one has a fixed cost (a request, a transaction, the screens reading their
// tables again), so a device whose pages fit keeps the server's default, and one that shrank grows back.
import { DEFAULT_PULL_LIMIT } from '#domain/schemas/sync';

/** The target for applying one page (issue 9, bench/trainer-apply.ts). */
export const PAGE_TARGET_MS = 200;
/** A page slower than this (a margin under the target) makes the next one smaller, sized to take FIT_MS. */
const SLOW_PAGE_MS = 160;
const FIT_MS = 130;
/** A full page faster than this lets the next one grow, to twice its size at most and sized to take FIT_MS. */
const FAST_PAGE_MS = 80;
const GROWTH = 2;
/** Fewer rows per page would cost more in fixed costs than they save in waiting. */
export const MIN_PULL_LIMIT = 100;
/** Never more than the server's default: its own cost per page stays what it was designed for. */
export const MAX_PULL_LIMIT = DEFAULT_PULL_LIMIT;

/**
 * The page size to ask for after a page of `rows` rows took `applyMs` to apply, asked for with `limit` (null:
 * the server's default; returned when that is still the answer). A page of fewer than MIN_PULL_LIMIT rows
 * teaches nothing: its fixed costs outweigh its rows. A slow page halves the next at most (one slow moment
 * is not the device's speed); a slow page of the smallest size says the time is not in the rows (waiting for
 * the screens' reads, a reset's clearing), so smaller pages would only add to it: back to the default.
 */
export function nextPullLimit(limit: number | null, rows: number, applyMs: number): number | null {
  if (rows < MIN_PULL_LIMIT || !(applyMs > 0)) return limit;
  const current = limit ?? MAX_PULL_LIMIT;
  const fits = (FIT_MS * rows) / applyMs;
  if (applyMs > SLOW_PAGE_MS && current <= MIN_PULL_LIMIT) return null;
  let next = current;
  if (applyMs > SLOW_PAGE_MS) next = Math.min(current, Math.max(fits, current / 2));
  // Only a full page says what a full page costs: a short one (the end of a pull) is mostly fixed costs.
  else if (applyMs < FAST_PAGE_MS && rows >= current) next = Math.max(current, Math.min(fits, current * GROWTH));
  next = Math.max(MIN_PULL_LIMIT, Math.floor(Math.min(next, MAX_PULL_LIMIT) / 50) * 50);
  return next === MAX_PULL_LIMIT && limit === null ? null : next;
}
