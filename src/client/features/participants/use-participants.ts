// The registry's reads, as live queries over indexes: the unit's participants (by `unitId`), one
// person (by id) and the sessions they attended (attendance by `participantId`, sessions by id).
// `null` means "not on this device"; `undefined` means "still loading".
import { useLiveQuery } from 'dexie-react-hooks';
import { getUserDb } from '#client/db/database.ts';
import type { LocalParticipant, LocalSession } from '#client/db/local-rows.ts';

export function useUnitParticipants(unitId: string | undefined): LocalParticipant[] | undefined {
  return useLiveQuery(async () => {
    if (!unitId) return [];
    // In a transaction of its own, so that Dexie's live-query cache does not deep-copy thousands of people.
    const db = getUserDb();
    const people = await db.transaction('r', db.participants, () =>
      db.participants.where('unitId').equals(unitId).toArray(),
    );
    return people.sort((a, b) => a.searchKey.localeCompare(b.searchKey));
  }, [unitId]);
}

export function useParticipant(id: string): LocalParticipant | null | undefined {
  return useLiveQuery(async () => (await getUserDb().participants.get(id)) ?? null, [id]);
}

/** Sessions the person is on the roster of, newest first. Each is one participant-turn. */
export function useAttendedSessions(participantId: string): LocalSession[] | undefined {
  return useLiveQuery(async () => {
    const db = getUserDb();
    const rows = await db.attendance.where('participantId').equals(participantId).toArray();
    const sessions = await db.sessions.bulkGet(rows.map((row) => row.sessionId));
    return sessions
      .filter((session): session is LocalSession => session !== undefined)
      .sort((a, b) => b.startDate.localeCompare(a.startDate));
  }, [participantId]);
}

/** How many attendance rows name the person, including sessions not on this device. */
export function useAttendanceCount(participantId: string): number | undefined {
  return useLiveQuery(
    () => getUserDb().attendance.where('participantId').equals(participantId).count(),
    [participantId],
  );
}
