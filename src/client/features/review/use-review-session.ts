// One session with everything an organiser reviews, live from the local database: its unit, topics,
// roster (attendance joined to participants), photos, the trainer and the reviewer.
import { useLiveQuery } from 'dexie-react-hooks';
import { getUserDb, type LogbookDb } from '#client/db/database.ts';
import type {
  LocalAttendance,
  LocalParticipant,
  LocalPhoto,
  LocalSession,
  LocalTopic,
  LocalUnit,
  LocalUser,
} from '#client/db/local-rows.ts';

export interface RosterLine {
  attendance: LocalAttendance;
  /** Missing when the participant has not reached this device (counted, shown as unknown). */
  participant: LocalParticipant | undefined;
}

export interface ReviewSessionData {
  session: LocalSession;
  unit: LocalUnit | undefined;
  topics: LocalTopic[];
  roster: RosterLine[];
  photos: LocalPhoto[];
  trainer: LocalUser | undefined;
  reviewer: LocalUser | undefined;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base' });

/** Vietnamese alphabetical order of full names: the printed sheet's numbering, so both agree. */
function byFullName(a: RosterLine, b: RosterLine): number {
  return (
    collator.compare(a.participant?.fullName ?? '', b.participant?.fullName ?? '') ||
    a.attendance.participantId.localeCompare(b.attendance.participantId)
  );
}

export async function loadReviewSession(db: LogbookDb, id: string): Promise<ReviewSessionData | null> {
  const session = await db.sessions.get(id);
  if (!session) return null;
  const [attendance, photos] = await Promise.all([
    db.attendance.where('sessionId').equals(id).toArray(),
    db.photos.where('sessionId').equals(id).sortBy('id'),
  ]);
  const participants = await db.participants.bulkGet(attendance.map((a) => a.participantId));
  return joinReviewSession(db, session, attendance, participants, photos);
}

/** The session with its unit, topics, trainer and reviewer from this device, the roster in name order. */
export async function joinReviewSession(
  db: LogbookDb,
  session: LocalSession,
  attendance: LocalAttendance[],
  participants: (LocalParticipant | undefined)[],
  photos: LocalPhoto[],
): Promise<ReviewSessionData> {
  const [unit, topics, trainer, reviewer] = await Promise.all([
    db.units.get(session.unitId),
    db.topics.bulkGet(session.topicIds),
    db.users.get(session.trainerId),
    session.reviewedBy ? db.users.get(session.reviewedBy) : undefined,
  ]);
  const roster = attendance.map((a, i) => ({ attendance: a, participant: participants[i] })).sort(byFullName);
  return {
    session,
    unit,
    topics: topics.filter((topic): topic is LocalTopic => topic !== undefined),
    roster,
    photos,
    trainer,
    reviewer,
  };
}

/** Undefined while loading, null when the session is not on this device. */
export function useReviewSession(id: string): ReviewSessionData | null | undefined {
  return useLiveQuery(() => loadReviewSession(getUserDb(), id), [id]);
}
