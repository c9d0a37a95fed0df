// How the trainer's list sorts and labels sessions: today / upcoming / past by their dates in
// Vietnam's time zone, and one word per state (draft, not yet sent, submitted, returned,
// approved) plus "needs attention" for a change the server refused.
import type { LocalSession } from '../../db/local-rows';

export type Period = 'today' | 'upcoming' | 'past';
export const periods: readonly Period[] = ['today', 'upcoming', 'past'];

export type DisplayStatus = 'draft' | 'unsent' | 'submitted' | 'returned' | 'approved';
export type StatusFilter = 'all' | DisplayStatus | 'attention';
export const statusFilters: readonly StatusFilter[] = [
  'all', 'draft', 'unsent', 'submitted', 'returned', 'approved', 'attention',
];

type Dated = Pick<LocalSession, 'startDate' | 'endDate'>;
type Marked = Pick<LocalSession, 'status' | 'pending' | 'rejected'>;

/** Dates are `YYYY-MM-DD`, so string order is date order. */
export function periodOf(session: Dated, today: string): Period {
  if (session.startDate > today) return 'upcoming';
  if (session.endDate < today) return 'past';
  return 'today';
}

/** Today and upcoming soonest first; past most recent first. */
export function groupByPeriod<T extends { session: Dated }>(items: readonly T[], today: string): Record<Period, T[]> {
  const groups: Record<Period, T[]> = { today: [], upcoming: [], past: [] };
  for (const item of items) groups[periodOf(item.session, today)].push(item);
  const ascending = (a: T, b: T) => a.session.startDate.localeCompare(b.session.startDate);
  groups.today.sort(ascending);
  groups.upcoming.sort(ascending);
  groups.past.sort((a, b) => b.session.endDate.localeCompare(a.session.endDate) || -ascending(a, b));
  return groups;
}

/** The main chip: the review status, except a submission still waiting on this device to be sent. */
export function displayStatusOf(session: Marked): DisplayStatus {
  if (session.status === 'submitted' && session.pending) return 'unsent';
  return session.status;
}

/** Every chip a card shows, main one first. */
export function chipsOf(session: Marked): (DisplayStatus | 'attention')[] {
  const main = displayStatusOf(session);
  const chips: (DisplayStatus | 'attention')[] = [main];
  if (session.pending && main !== 'unsent') chips.push('unsent');
  if (session.rejected) chips.push('attention');
  return chips;
}

export function matchesStatusFilter(session: Marked, filter: StatusFilter): boolean {
  return filter === 'all' || chipsOf(session).includes(filter);
}
