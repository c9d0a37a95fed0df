// The roster page's reads, each a live query over an index: the session by id, the unit's registry by
// `unitId`, the session's attendance by `sessionId`. The roster is joined to the registry in memory,
// so adding a person re-reads only the attendance rows (not 500 participants); people who are not in
// the unit's registry (another unit's, or not pulled yet) are fetched by id on their own.
// `null` means "not on this device"; `undefined` means "still loading".
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getUserDb } from '#client/db/database.ts';
import type { LocalAttendance, LocalParticipant, LocalSession } from '#client/db/local-rows.ts';

export interface RosterEntry {
  attendance: LocalAttendance;
  /** Missing when the person is not on this device (not pulled yet, or deleted elsewhere). */
  participant: LocalParticipant | undefined;
}

export function useSession(sessionId: string): LocalSession | null | undefined {
  return useLiveQuery(async () => (await getUserDb().sessions.get(sessionId)) ?? null, [sessionId]);
}

/** Every participant of the unit, in name order: searched in memory, so a keystroke costs no query. */
export function useRegistry(unitId: string | undefined): LocalParticipant[] | undefined {
  return useLiveQuery(async () => {
    if (!unitId) return [];
    const people = await getUserDb().participants.where('unitId').equals(unitId).toArray();
    return people.sort((a, b) => a.searchKey.localeCompare(b.searchKey));
  }, [unitId]);
}

/** The session's roster, newest first (attendance ids are UUIDv7, so they sort by time of adding). */
export function useRoster(
  sessionId: string,
  registry: readonly LocalParticipant[] | undefined,
): RosterEntry[] | undefined {
  const rows = useLiveQuery(async () => {
    const found = await getUserDb().attendance.where('sessionId').equals(sessionId).toArray();
    return found.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }, [sessionId]);
  const byId = useMemo(() => new Map((registry ?? []).map((p) => [p.id, p])), [registry]);
  const missingKey =
    rows && registry
      ? rows
          .filter((r) => !byId.has(r.participantId))
          .map((r) => r.participantId)
          .join(',')
      : '';
  const others = useLiveQuery(async () => {
    if (missingKey === '') return new Map<string, LocalParticipant>();
    const people = await getUserDb().participants.bulkGet(missingKey.split(','));
    return new Map(people.flatMap((p) => (p ? [[p.id, p] as const] : [])));
  }, [missingKey]);
  return useMemo(() => {
    if (!rows || !registry || !others) return undefined;
    return rows.map((attendance) => ({
      attendance,
      participant: byId.get(attendance.participantId) ?? others.get(attendance.participantId),
    }));
  }, [rows, registry, byId, others]);
}
