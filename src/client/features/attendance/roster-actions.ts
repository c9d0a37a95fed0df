// What the roster's buttons do, each one local write (entity + outbox in one transaction).
// A removal is undone by adding the person again under a new attendance id: the removed row may
// already be a tombstone on the server, and a fresh put is the same whatever was sent.
import { uuidv7 } from 'uuidv7';
import type { Attendance } from '#domain/schemas/attendance';
import type { LogbookDb } from '#client/db/database.ts';
import { deleteAttendance, putAttendance, putParticipant } from '#client/db/local-writes.ts';
import type { ParticipantFields } from '#client/ui/participant-form/participant-form-schema.ts';

export function addToRoster(db: LogbookDb, sessionId: string, participantId: string) {
  return putAttendance(db, { id: uuidv7(), sessionId, participantId });
}

export function removeFromRoster(db: LogbookDb, attendanceId: string) {
  return deleteAttendance(db, attendanceId);
}

export function restoreToRoster(db: LogbookDb, removed: Attendance) {
  return putAttendance(db, {
    id: uuidv7(),
    sessionId: removed.sessionId,
    participantId: removed.participantId,
    days: removed.days ?? undefined,
    note: removed.note ?? undefined,
  });
}

export interface NewPersonTarget {
  sessionId: string;
  unitId: string;
  /** Chosen by the caller, so retrying after a refusal updates the same person. */
  participantId: string;
}

/** Creates (or updates) the person in the unit's registry, then puts them on the session's roster. */
export async function createAndAdd(db: LogbookDb, target: NewPersonTarget, fields: ParticipantFields): Promise<void> {
  const { sessionId, unitId, participantId } = target;
  await putParticipant(db, { id: participantId, unitId, ...fields });
  const already = await db.attendance.where('[sessionId+participantId]').equals([sessionId, participantId]).count();
  if (already === 0) await addToRoster(db, sessionId, participantId);
}

/**
 * Days of a multi-day session after toggling `day`: `null` means every day (the record's default);
 * undefined when the toggle would leave no day at all (refused: remove the person instead).
 */
export function toggledDays(
  days: readonly number[] | null | undefined,
  day: number,
  dayCount: number,
): number[] | null | undefined {
  const all = Array.from({ length: dayCount }, (_, i) => i + 1);
  const selected = new Set(days ?? all);
  if (selected.has(day)) selected.delete(day);
  else selected.add(day);
  const next = all.filter((d) => selected.has(d));
  if (next.length === 0) return undefined;
  return next.length === dayCount ? null : next;
}

export function setDays(db: LogbookDb, attendance: Attendance, days: number[] | null) {
  return putAttendance(db, {
    id: attendance.id,
    sessionId: attendance.sessionId,
    participantId: attendance.participantId,
    days,
  });
}
