// What the editor reads from the device, live: the session row, the topics to choose from, the
// roster's totals, the photo count and any change of this session the server refused.
import { useLiveQuery } from 'dexie-react-hooks';
import { rosterTotals, type CountedParticipant, type RosterTotals } from '#domain/rules/report-totals';
import { getUserDb } from '#client/db/database.ts';
import type { LocalSession, LocalTopic, OutboxEntry } from '#client/db/local-rows.ts';

/** The row; `null` when there is no such session here, `undefined` while reading. */
export function useSessionRow(id: string): LocalSession | null | undefined {
  return useLiveQuery(async () => (await getUserDb().sessions.get(id)) ?? null, [id]);
}

/** Topics in the order they were made (ids are UUIDv7), the starter set first. */
export function useTopics(): LocalTopic[] {
  return useLiveQuery(() => getUserDb().topics.orderBy('id').toArray(), [], []);
}

export interface RosterSummary extends RosterTotals {
  /** Attendance rows, the count submitting checks. */
  rows: number;
}

const noRoster: RosterSummary = { rows: 0, people: 0, women: 0, ethnicMinority: 0 };
// A row whose participant has not arrived yet counts as a person, but as neither woman nor
// ethnic minority (the rule of the reports, domain/rules/report-totals.ts).
const unknownParticipant: CountedParticipant = { gender: 'other', ethnicity: null };

export function useRosterSummary(sessionId: string): RosterSummary {
  return useLiveQuery(
    async () => {
      const db = getUserDb();
      const rows = await db.attendance.where('sessionId').equals(sessionId).toArray();
      const participants = await db.participants.bulkGet(rows.map((row) => row.participantId));
      const totals = rosterTotals(participants.map((p) => p ?? unknownParticipant));
      return { rows: rows.length, ...totals };
    },
    [sessionId],
    noRoster,
  );
}

export function usePhotoCount(sessionId: string): number {
  return useLiveQuery(() => getUserDb().photos.where('sessionId').equals(sessionId).count(), [sessionId], 0);
}

export function useRejectedChanges(sessionId: string): OutboxEntry[] {
  return useLiveQuery(
    () =>
      getUserDb()
        .outbox.where('[entity+entityId]')
        .equals(['session', sessionId])
        .filter((entry) => entry.status === 'rejected')
        .toArray(),
    [sessionId],
    [],
  );
}
