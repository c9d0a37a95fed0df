// Calendar-date helpers. Dates are `YYYY-MM-DD` with no time zone (docs/data-model.md); "today" is the
// calendar day where the trainer is, not in UTC (07:00 in Hà Nội is still yesterday in UTC).

const DAY_MS = 86_400_000;

/** Where the product's users are: reports, plans and "today" default to this calendar. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Vietnam keeps UTC+7 all year (no daylight saving since 1975). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * Today's date in `timeZone`, as `YYYY-MM-DD`. Vietnam's date is computed from its fixed offset: the
 * first time-zone formatter a page makes loads the browser's zone data, which took ~170 ms on a slow
 * phone's first screen (BENCHMARKS.md, offline cold start).
 */
export function todayIn(timeZone = VIETNAM_TIME_ZONE, now: Date = new Date()): string {
  if (timeZone === VIETNAM_TIME_ZONE) return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The calendar year in Việt Nam at `now` (the plan year the reports compare against). */
export function yearInVietnam(now: Date = new Date()): number {
  return Number(todayIn(VIETNAM_TIME_ZONE, now).slice(0, 4));
}

function dayNumber(date: string): number {
  const [year = NaN, month = NaN, day = NaN] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Days from `start` to `end`, both counted: the same day is 1. 0 when `end` is before `start`. */
export function daysBetweenInclusive(start: string, end: string): number {
  const days = dayNumber(end) - dayNumber(start) + 1;
  if (Number.isNaN(days)) throw new RangeError(`not a date range: ${start}..${end}`);
  return Math.max(0, days);
}
