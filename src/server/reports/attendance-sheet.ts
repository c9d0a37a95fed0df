// The printable attendance sheet of one session: for organisers whose subtree holds the session, admins, and
// the trainer who recorded it. A view of named data, so it is audit-logged (domain README, personal data).
import { and, eq, inArray } from 'drizzle-orm';
import type { AttendanceSheet } from '#domain/schemas/attendance-sheet';
import type { User } from '#domain/schemas/auth';
import { writeAudit } from '../audit';
import type { DbExecutor } from '../db/database';
import { attendance, participants, sessions, topics, units, users } from '../db/schema';
import { HttpError } from '../http/errors';
import { isUnitInSubtree } from './unit-scope';

const collator = new Intl.Collator('vi', { sensitivity: 'base' });

export async function loadAttendanceSheet(
  db: DbExecutor,
  user: User,
  sessionId: string,
  now: Date,
): Promise<AttendanceSheet> {
  const [row] = await db
    .select({ session: sessions, unit: units, trainerName: users.displayName })
    .from(sessions)
    .innerJoin(units, eq(units.id, sessions.unitId))
    .innerJoin(users, eq(users.id, sessions.trainerId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.deleted, false)));
  if (!row) throw new HttpError(404, 'not_found', 'No such session');
  const { session, unit } = row;
  if (!(await maySeeSession(db, user, session)))
    throw new HttpError(403, 'forbidden', 'That session is outside your organisation');

  const sessionTopics =
    session.topicIds.length === 0
      ? []
      : await db
          .select({ id: topics.id, key: topics.key, nameVi: topics.nameVi, nameEn: topics.nameEn })
          .from(topics)
          .where(inArray(topics.id, session.topicIds));
  const people = await db
    .select({
      participantId: participants.id,
      fullName: participants.fullName,
      gender: participants.gender,
      birthYear: participants.birthYear,
      workplace: participants.workplace,
      position: participants.position,
      unionRole: participants.unionRole,
    })
    .from(attendance)
    .innerJoin(participants, eq(participants.id, attendance.participantId))
    .where(and(eq(attendance.sessionId, session.id), eq(attendance.deleted, false)));
  people.sort((a, b) => collator.compare(a.fullName, b.fullName) || a.participantId.localeCompare(b.participantId));

  await writeAudit(db, {
    at: now,
    action: 'report.attendance_sheet',
    userId: user.id,
    spaceId: session.spaceId,
    entity: 'session',
    entityId: session.id,
    detail: { rows: people.length },
  });
  const order = new Map(session.topicIds.map((id, index) => [id, index]));
  const { headcountTotal: total, headcountWomen: women, headcountEthnicMinority: ethnicMinority } = session;
  return {
    session: {
      id: session.id,
      title: session.title,
      format: session.format,
      startDate: session.startDate,
      endDate: session.endDate,
      placeName: session.placeName,
      communeName: session.communeName,
      provinceCode: session.provinceCode,
      attendanceMode: session.attendanceMode,
      status: session.status,
      headcount: total !== null && women !== null && ethnicMinority !== null ? { total, women, ethnicMinority } : null,
      trainerName: row.trainerName,
    },
    unit: { id: unit.id, name: unit.name, shortName: unit.shortName },
    topics: sessionTopics.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
    roster: people.map((person, index) => ({ number: index + 1, ...person })),
  };
}

async function maySeeSession(
  db: DbExecutor,
  user: User,
  session: { trainerId: string; unitId: string },
): Promise<boolean> {
  if (user.role === 'admin') return true;
  if (user.role === 'trainer') return session.trainerId === user.id;
  return isUnitInSubtree(db, user.unitId, session.unitId);
}
