// A new session exists from the first moment: a draft row (and its outbox entry) written before
// the form shows, so whatever the trainer types next is an edit of a saved record.
// "New session" pressed and left without a word typed would leave an empty draft each time; instead the
// next press opens that same draft again, so at most one untouched draft of the day waits in the list.
import { uuidv7 } from 'uuidv7';
import { todayIn } from '#domain/rules/dates';
import type { LogbookDb } from '#client/db/database.ts';
import type { LocalSession } from '#client/db/local-rows.ts';
import { putSession } from '#client/db/local-writes.ts';

/** Used only if neither the trainer's unit nor an earlier session says which province. */
const FALLBACK_PROVINCE = '40';

export async function createDraft(db: LogbookDb, unitId: string, today = todayIn()): Promise<string> {
  const untouched = await findUntouchedDraft(db, unitId, today);
  if (untouched) return untouched;
  const id = uuidv7();
  const unit = await db.units.get(unitId);
  const latest = unit ? undefined : await db.sessions.orderBy('startDate').last();
  await putSession(db, {
    id,
    unitId,
    format: 'training',
    startDate: today,
    endDate: today,
    provinceCode: unit?.provinceCode ?? latest?.provinceCode ?? FALLBACK_PROVINCE,
    attendanceMode: 'roster',
  });
  return id;
}

/** A draft of today as createDraft made it: nothing typed or chosen, no one on its roster, no photo. */
async function findUntouchedDraft(db: LogbookDb, unitId: string, today: string): Promise<string | undefined> {
  const candidates = await db.sessions
    .where('status')
    .equals('draft')
    .filter((s) => s.unitId === unitId && s.startDate === today && asCreated(s))
    .toArray();
  for (const session of candidates) {
    const [people, photos] = await Promise.all([
      db.attendance.where('sessionId').equals(session.id).count(),
      db.photos.where('sessionId').equals(session.id).count(),
    ]);
    if (people === 0 && photos === 0) return session.id;
  }
  return undefined;
}

function asCreated(s: LocalSession): boolean {
  return (
    s.endDate === s.startDate &&
    s.title === '' &&
    s.placeName === '' &&
    s.topicIds.length === 0 &&
    s.format === 'training' &&
    s.attendanceMode === 'roster' &&
    !s.communeCode &&
    !s.communeName &&
    !s.headcount &&
    s.plannedParticipants == null &&
    !s.notes
  );
}
