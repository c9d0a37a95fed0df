// Rows as the wire shows them (`changes[].data`, docs/data-model.md): the domain schemas' camelCase shapes, dates as
// YYYY-MM-DD, instants ISO 8601, plus createdAt/updatedAt, so a client stores them as they are. Users are
// the public `User` (never the password hash). Also the records mutators read (see record-columns.ts for the way back).
import type { User } from '#domain/schemas/auth';
import type { Attendance } from '#domain/schemas/attendance';
import type { Participant } from '#domain/schemas/participant';
import type { Photo } from '#domain/schemas/photo';
import type { Plan, Topic, Unit } from '#domain/schemas/reference';
import type { Session, SessionTrainerFields } from '#domain/schemas/session';
import type { SyncEntity } from '#domain/schemas/sync';
import { toUserJson } from '../auth/user-json';
import { attendance, participants, photos, plans, sessions, topics, units, users } from '../db/schema';

export type SessionRow = typeof sessions.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;
export type AttendanceRow = typeof attendance.$inferSelect;
export type PhotoRow = typeof photos.$inferSelect;

/** The table behind each synced entity. */
export const entityTables = {
  session: sessions,
  participant: participants,
  attendance,
  photo: photos,
  unit: units,
  topic: topics,
  plan: plans,
  user: users,
} as const;

type Stamped<T> = T & { createdAt: string; updatedAt: string };
const iso = (at: Date | null) => (at ? at.toISOString() : null);
const stamps = (row: { createdAt: Date; updatedAt: Date }) => ({
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export function sessionTrainerFieldsOf(row: SessionRow): SessionTrainerFields {
  return {
    unitId: row.unitId,
    format: row.format,
    title: row.title,
    topicIds: row.topicIds,
    startDate: row.startDate,
    endDate: row.endDate,
    provinceCode: row.provinceCode,
    communeCode: row.communeCode,
    communeName: row.communeName,
    adminSet: row.adminSet,
    placeName: row.placeName,
    attendanceMode: row.attendanceMode,
    headcount:
      row.headcountTotal === null
        ? null
        : {
            total: row.headcountTotal,
            women: row.headcountWomen ?? 0,
            ethnicMinority: row.headcountEthnicMinority ?? 0,
          },
    plannedParticipants: row.plannedParticipants,
    notes: row.notes,
  };
}

export function sessionOf(row: SessionRow): Session {
  return {
    id: row.id,
    trainerId: row.trainerId,
    ...sessionTrainerFieldsOf(row),
    status: row.status,
    reviewComment: row.reviewComment,
    reviewedBy: row.reviewedBy,
    reviewedAt: iso(row.reviewedAt),
    submittedAt: iso(row.submittedAt),
    createdClientAt: iso(row.createdClientAt),
    submittedClientAt: iso(row.submittedClientAt),
  };
}

export function sessionData(row: SessionRow): Stamped<Session> {
  return { ...sessionOf(row), ...stamps(row) };
}

export function participantOf(row: ParticipantRow): Participant {
  return {
    id: row.id,
    unitId: row.unitId,
    fullName: row.fullName,
    gender: row.gender,
    birthYear: row.birthYear,
    ethnicity: row.ethnicity,
    phone: row.phone,
    workplace: row.workplace,
    position: row.position,
    unionRole: row.unionRole,
    consent: { method: row.consentMethod, at: row.consentAt },
  };
}

export function attendanceOf(row: AttendanceRow): Attendance {
  return { id: row.id, sessionId: row.sessionId, participantId: row.participantId, days: row.days, note: row.note };
}

export function photoOf(row: PhotoRow): Photo {
  return {
    id: row.id,
    sessionId: row.sessionId,
    mime: row.mime as Photo['mime'],
    bytes: row.bytes,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    caption: row.caption,
    takenAt: iso(row.takenAt),
  };
}

function unitData(row: typeof units.$inferSelect): Stamped<Unit> {
  const { id, spaceId, parentId, kind, name, shortName, provinceCode, active } = row;
  return { id, spaceId, parentId, kind, name, shortName, provinceCode, active, ...stamps(row) };
}

function topicData(row: typeof topics.$inferSelect): Stamped<Topic> {
  const { id, spaceId, key, nameVi, nameEn, fields, active } = row;
  return { id, spaceId, key, nameVi, nameEn, fields, active, ...stamps(row) };
}

function planData(row: typeof plans.$inferSelect): Stamped<Plan> {
  const { id, unitId, year, topicId, targetSessions, targetParticipantTurns, note } = row;
  return { id, unitId, year, topicId, targetSessions, targetParticipantTurns, note, ...stamps(row) };
}

function userData(row: typeof users.$inferSelect): Stamped<User> {
  return { ...toUserJson(row), ...stamps(row) };
}

type RowOf<E extends SyncEntity> = (typeof entityTables)[E]['$inferSelect'];

const dataMakers: { [E in SyncEntity]: (row: RowOf<E>) => Record<string, unknown> } = {
  session: sessionData,
  participant: (row) => ({ ...participantOf(row), ...stamps(row) }),
  attendance: (row) => ({ ...attendanceOf(row), ...stamps(row) }),
  photo: (row) => ({ ...photoOf(row), ...stamps(row) }),
  unit: unitData,
  topic: topicData,
  plan: planData,
  user: userData,
};

/**
 * `changes[].data` of a row: the record, or only its id for a tombstone — and for a person merged into
 * another, `mergedInto` (issue 13), so a device can name the person kept instead.
 */
export function changeData<E extends SyncEntity>(entity: E, row: RowOf<E>): Record<string, unknown> {
  if (!row.deleted) return dataMakers[entity](row);
  const mergedInto = entity === 'participant' ? (row as ParticipantRow).mergedInto : null;
  return mergedInto ? { id: row.id, mergedInto } : { id: row.id };
}
