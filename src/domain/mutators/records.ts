// The canonical form of each record a mutator writes: exactly the domain fields, an absent optional field as
// null, instants as `toISOString()`. Both sides store what these return, so a row made on the device equals
// the row the server makes from the same mutation.
import type { Attendance } from '../schemas/attendance';
import type { Participant } from '../schemas/participant';
import type { Photo } from '../schemas/photo';
import type { Session, SessionTrainerFields } from '../schemas/session';

const instant = (at: string | null | undefined) => (at ? new Date(at).toISOString() : null);

export function sessionTrainerRecord(fields: SessionTrainerFields): SessionTrainerFields {
  return {
    unitId: fields.unitId,
    format: fields.format,
    title: fields.title,
    topicIds: fields.topicIds,
    startDate: fields.startDate,
    endDate: fields.endDate,
    provinceCode: fields.provinceCode,
    communeCode: fields.communeCode ?? null,
    communeName: fields.communeName ?? null,
    adminSet: fields.adminSet,
    placeName: fields.placeName,
    attendanceMode: fields.attendanceMode,
    headcount: fields.headcount ?? null,
    plannedParticipants: fields.plannedParticipants ?? null,
    notes: fields.notes ?? null,
  };
}

export function sessionRecord(row: Session): Session {
  return {
    id: row.id,
    trainerId: row.trainerId,
    ...sessionTrainerRecord(row),
    status: row.status,
    reviewComment: row.reviewComment ?? null,
    reviewedBy: row.reviewedBy ?? null,
    reviewedAt: instant(row.reviewedAt),
    submittedAt: instant(row.submittedAt),
    createdClientAt: instant(row.createdClientAt),
    submittedClientAt: instant(row.submittedClientAt),
  };
}

export function participantRecord(row: Participant): Participant {
  return {
    id: row.id,
    unitId: row.unitId,
    fullName: row.fullName,
    gender: row.gender,
    birthYear: row.birthYear ?? null,
    ethnicity: row.ethnicity ?? null,
    phone: row.phone ?? null,
    workplace: row.workplace ?? null,
    position: row.position ?? null,
    unionRole: row.unionRole ?? null,
    consent: { method: row.consent.method, at: row.consent.at },
  };
}

export function attendanceRecord(row: Attendance): Attendance {
  return {
    id: row.id,
    sessionId: row.sessionId,
    participantId: row.participantId,
    days: row.days ?? null,
    note: row.note ?? null,
  };
}

export function photoRecord(row: Photo): Photo {
  return {
    id: row.id,
    sessionId: row.sessionId,
    mime: row.mime,
    bytes: row.bytes,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    caption: row.caption ?? null,
    takenAt: instant(row.takenAt),
  };
}
