// The review queue from the organiser's own database (which holds exactly their unit's subtree), so it
// opens offline on a tablet. Waiting sessions come oldest first (submitted longest ago, then earliest
// date); the history tabs show the most recently reviewed first.
import type { Table } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { getUserDb, type LogbookDb } from '#client/db/database.ts';
import type { LocalSession } from '#client/db/local-rows.ts';
import { periodBounds, queueTabs, type QueueFilters, type QueueTab } from './queue-filters';
import { subtreeIds } from './unit-tree';

export interface QueueRow {
  session: LocalSession;
  trainerName: string | undefined;
  unitShortName: string | undefined;
  /** Roster rows, or the headcount's total. */
  people: number;
  photos: number;
}

export interface ReviewQueue {
  rows: QueueRow[];
  /** Sessions matching the filters (rows holds at most `limit` of them). */
  total: number;
  /** Sessions per tab, before filters. */
  counts: Record<QueueTab, number>;
}

interface Bounds {
  from: string;
  to: string;
}

function matches(
  session: LocalSession,
  filters: QueueFilters,
  units: Set<string> | null,
  { from, to }: Bounds,
): boolean {
  return (
    (units === null || units.has(session.unitId)) &&
    (!filters.topicId || session.topicIds.includes(filters.topicId)) &&
    (!filters.format || session.format === filters.format) &&
    (!from || session.startDate >= from) &&
    (!to || session.startDate <= to)
  );
}

/** Missing instants sort last in either direction. */
function compareInstants(a: string | null | undefined, b: string | null | undefined): number {
  if (a && b) return a < b ? -1 : a > b ? 1 : 0;
  return a ? -1 : b ? 1 : 0;
}

export function compareForTab(tab: QueueTab): (a: LocalSession, b: LocalSession) => number {
  if (tab === 'submitted') {
    return (a, b) => compareInstants(a.submittedAt, b.submittedAt) || a.startDate.localeCompare(b.startDate);
  }
  return (a, b) => compareInstants(b.reviewedAt, a.reviewedAt) || b.startDate.localeCompare(a.startDate);
}

/** Rows per session counted from the sessionId index, one count per session: no row and no key is read. */
async function countBySession(
  table: Table<{ sessionId: string }, string>,
  sessionIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = await Promise.all(sessionIds.map((id) => table.where('sessionId').equals(id).count()));
  return new Map(sessionIds.map((id, i) => [id, counts[i] ?? 0]));
}

/** The tab's order as an index (compareForTab's keys); rows missing an instant are not in it. */
function tabIndex(db: LogbookDb, tab: QueueTab) {
  const index = tab === 'submitted' ? '[status+submittedAt+startDate]' : '[status+reviewedAt+startDate]';
  // Both instants and dates are strings: '' and U+FFFF bound every one of them.
  return db.sessions.where(index).between([tab, '', ''], [tab, '\uffff', '\uffff'], true, true);
}

/**
 * The first `limit` sessions of a tab in its order, read from the index when every session of the tab is in
 * it (none lacks its instant); undefined when it cannot answer (then every session of the tab is read).
 */
export async function firstInTab(
  db: LogbookDb,
  tab: QueueTab,
  limit: number,
  inTab: number,
): Promise<LocalSession[] | undefined> {
  if ((await tabIndex(db, tab).count()) !== inTab) return undefined;
  const ordered = tab === 'submitted' ? tabIndex(db, tab) : tabIndex(db, tab).reverse();
  return ordered.limit(limit).toArray();
}

const unfiltered = (f: QueueFilters) => !f.unitId && !f.topicId && !f.format && !f.period && !f.from && !f.to;

/**
 * One read transaction for the whole queue: it re-runs after every pull page, and each of its hundred index
 * counts would otherwise open a transaction of its own.
 */
export function loadReviewQueue(db: LogbookDb, filters: QueueFilters, limit: number): Promise<ReviewQueue> {
  return db.transaction('r', [db.sessions, db.units, db.attendance, db.photos, db.users], () =>
    readReviewQueue(db, filters, limit),
  );
}

async function readReviewQueue(db: LogbookDb, filters: QueueFilters, limit: number): Promise<ReviewQueue> {
  const [units, ...tabCounts] = await Promise.all([
    db.units.toArray(),
    ...queueTabs.map((tab) => db.sessions.where('status').equals(tab).count()),
  ]);
  const inTab = tabCounts[queueTabs.indexOf(filters.tab)] ?? 0;
  let shown: LocalSession[];
  let total = inTab;
  const fast = unfiltered(filters) ? await firstInTab(db, filters.tab, limit, inTab) : undefined;
  if (fast) {
    shown = fast;
  } else {
    const sessions = await db.sessions.where('status').equals(filters.tab).toArray();
    const scope = filters.unitId ? subtreeIds(units, filters.unitId) : null;
    const bounds = periodBounds(filters);
    const matching = sessions.filter((s) => matches(s, filters, scope, bounds)).sort(compareForTab(filters.tab));
    shown = matching.slice(0, limit);
    total = matching.length;
  }
  const ids = shown.map((s) => s.id);
  const rosterIds = shown.filter((s) => s.attendanceMode !== 'headcount').map((s) => s.id);
  const [attendance, photos, trainers] = await Promise.all([
    countBySession(db.attendance, rosterIds),
    countBySession(db.photos, ids),
    db.users.bulkGet([...new Set(shown.map((s) => s.trainerId))]),
  ]);
  const trainerNames = new Map(trainers.flatMap((u) => (u ? [[u.id, u.displayName] as const] : [])));
  const unitNames = new Map(units.map((u) => [u.id, u.shortName]));
  const rows = shown.map((session) => ({
    session,
    trainerName: trainerNames.get(session.trainerId),
    unitShortName: unitNames.get(session.unitId),
    people:
      session.attendanceMode === 'headcount' ? (session.headcount?.total ?? 0) : (attendance.get(session.id) ?? 0),
    photos: photos.get(session.id) ?? 0,
  }));
  const counts = Object.fromEntries(queueTabs.map((tab, i) => [tab, tabCounts[i] ?? 0])) as Record<QueueTab, number>;
  return { rows, total, counts };
}

/** The queue, live: a pull or a review on this device updates it at once. Undefined while loading. */
export function useReviewQueue(filters: QueueFilters, limit: number): ReviewQueue | undefined {
  const { tab, unitId, topicId, format, period, from, to } = filters;
  return useLiveQuery(
    () => loadReviewQueue(getUserDb(), { tab, unitId, topicId, format, period, from, to }, limit),
    [tab, unitId, topicId, format, period, from, to, limit],
  );
}
