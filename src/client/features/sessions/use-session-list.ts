// The trainer's sessions on this device, each with its people count: roster rows, or the
// headcount's total. Attendance is counted from its sessionId index alone (no rows are read).
import { useLiveQuery } from 'dexie-react-hooks';
import { useAuth } from '../../app/auth-state';
import { getUserDb } from '../../db/database';
import type { LocalSession } from '../../db/local-rows';

export interface SessionListItem {
  session: LocalSession;
  people: number;
}

export function useSessionList(): SessionListItem[] | undefined {
  const { user } = useAuth();
  return useLiveQuery(async () => {
    const db = getUserDb();
    const [sessions, attendanceKeys] = await Promise.all([
      db.sessions.toArray(),
      db.attendance.orderBy('sessionId').keys(),
    ]);
    const rosterCounts = new Map<string, number>();
    for (const key of attendanceKeys) if (typeof key === 'string') rosterCounts.set(key, (rosterCounts.get(key) ?? 0) + 1);
    return sessions.map((session) => ({
      session,
      people: session.attendanceMode === 'headcount'
        ? (session.headcount?.total ?? 0)
        : (rosterCounts.get(session.id) ?? 0),
    }));
  }, [user?.id]);
}
