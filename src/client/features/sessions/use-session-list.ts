// The trainer's sessions on this device, and the people count of the ones on screen: roster rows counted
// from the attendance `sessionId` index one session at a time, all in one read transaction (no row or key is
// read), or the headcount's total. A pull page of attendance re-counts only the sessions shown, never every
// attendance row held.
import { useLiveQuery } from 'dexie-react-hooks';
import { useAuth } from '#client/app/auth-state.ts';
import { getUserDb } from '#client/db/database.ts';
import type { LocalSession } from '#client/db/local-rows.ts';

export interface SessionListItem {
  session: LocalSession;
  people: number;
}

/**
 * Every session on the device, read in a transaction of its own: Dexie's live-query cache then neither keeps the
 * thousands of rows nor deep-copies them for each reader after every pull page (docs/sync.md §10).
 */
export function useSessions(): LocalSession[] | undefined {
  const { user } = useAuth();
  return useLiveQuery(() => {
    const db = getUserDb();
    return db.transaction('r', db.sessions, () => db.sessions.toArray());
  }, [user?.id]);
}

/**
 * Roster counts of the given sessions, live; undefined only until the first answer (useLiveQuery keeps the
 * previous counts while new sessions are being counted, so the list does not blink).
 */
export function useRosterCounts(
  sessions: readonly LocalSession[] | undefined,
): ReadonlyMap<string, number> | undefined {
  // The ids as one string: a new array of the same sessions is the same query.
  const key = sessions
    ?.filter((s) => s.attendanceMode !== 'headcount')
    .map((s) => s.id)
    .join(',');
  return useLiveQuery(async () => {
    if (key === undefined) return undefined;
    const ids = key === '' ? [] : key.split(',');
    const db = getUserDb();
    // One read transaction for all of them: a count of its own is a transaction of its own (with 50 cards
    // shown, that was most of the list's re-render after a pull page of attendance).
    const counted = await db.transaction('r', db.attendance, () =>
      Promise.all(ids.map((id) => db.attendance.where('sessionId').equals(id).count())),
    );
    return new Map(ids.map((id, i) => [id, counted[i] ?? 0]));
  }, [key]);
}

export function peopleOf(session: LocalSession, counts: ReadonlyMap<string, number>): number {
  return session.attendanceMode === 'headcount' ? (session.headcount?.total ?? 0) : (counts.get(session.id) ?? 0);
}
