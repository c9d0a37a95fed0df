// How the trainer's list sorts and labels sessions: first what needs the trainer (returned by the organiser, or
// a change the server refused), then today / upcoming / past by their dates in Vietnam's time zone, and one word per state (draft, not yet sent, submitted for review but still
// waiting on this device to be sent, submitted, returned, approved) plus "needs attention" for a change
// the server refused.
import type { LocalSession } from '#client/db/local-rows.ts';

export type Period = 'today' | 'upcoming' | 'past';
/** The list's groups in the order shown: what needs the trainer, then the periods. */
export type ListGroup = 'attention' | Period;
export const listGroups: readonly ListGroup[] = ['attention', 'today', 'upcoming', 'past'];

export type DisplayStatus = 'draft' | 'unsent' | 'queuedForReview' | 'submitted' | 'returned' | 'approved';
export type StatusFilter = 'all' | DisplayStatus | 'attention';
export const statusFilters: readonly StatusFilter[] = [
  'all',
  'draft',
  'unsent',
  'submitted',
  'returned',
  'approved',
  'attention',
];

type Dated = Pick<LocalSession, 'startDate' | 'endDate'>;
type Marked = Pick<LocalSession, 'status' | 'pending' | 'rejected'>;

/** Dates are `YYYY-MM-DD`, so string order is date order. */
export function periodOf(session: Dated, today: string): Period {
  if (session.startDate > today) return 'upcoming';
  if (session.endDate < today) return 'past';
  return 'today';
}

/** Returned by the organiser, or holding a change the server refused: the trainer has something to fix. */
export function needsAttention(session: Marked): boolean {
  return session.status === 'returned' || session.rejected;
}

/** What needs the trainer first, most recent first; then today and upcoming soonest first; past most recent first. */
export function groupForList<T extends { session: Dated & Marked }>(
  items: readonly T[],
  today: string,
): Record<ListGroup, T[]> {
  const groups: Record<ListGroup, T[]> = { attention: [], today: [], upcoming: [], past: [] };
  for (const item of items)
    groups[needsAttention(item.session) ? 'attention' : periodOf(item.session, today)].push(item);
  // Plain string order, not localeCompare: the same for these dates, and a trainer's list re-sorts thousands of
  // them after every pull page (in a profile of a 3,000-session history the comparator was 15 % of that render).
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const ascending = (a: T, b: T) => order(a.session.startDate, b.session.startDate);
  groups.today.sort(ascending);
  groups.upcoming.sort(ascending);
  const recentFirst = (a: T, b: T) => order(b.session.endDate, a.session.endDate) || -ascending(a, b);
  groups.attention.sort(recentFirst);
  groups.past.sort(recentFirst);
  return groups;
}

/**
 * The main chip: the review status, except a submission made offline, still on this device: it says
 * that it waits to be sent for review, not merely "not sent" like any other unsent change.
 */
export function displayStatusOf(session: Marked): DisplayStatus {
  if (session.status === 'submitted' && session.pending) return 'queuedForReview';
  return session.status;
}

/** Every chip a card shows, main one first. */
export function chipsOf(session: Marked): (DisplayStatus | 'attention')[] {
  const main = displayStatusOf(session);
  const chips: (DisplayStatus | 'attention')[] = [main];
  if (session.pending && main !== 'queuedForReview') chips.push('unsent');
  if (session.rejected) chips.push('attention');
  return chips;
}

/** "Not sent" finds every session with changes still on this device, a waiting submission included. */
export function matchesStatusFilter(session: Marked, filter: StatusFilter): boolean {
  if (filter === 'unsent') return session.pending;
  return filter === 'all' || chipsOf(session).includes(filter);
}
