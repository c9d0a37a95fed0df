// The calendar dates of a session, one per day from start to end: a multi-day course gets a day
// selector per person; a one-day session has a single date and no selector.
const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

export function sessionDates(startDate: string, endDate: string): string[] {
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const end = Date.parse(`${endDate}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return [startDate];
  const count = Math.min(MAX_DAYS, Math.round((end - start) / DAY_MS) + 1);
  return Array.from({ length: count }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
}
