// A new session exists from the first moment: a draft row (and its outbox entry) written before
// the form shows, so whatever the trainer types next is an edit of a saved record.
// "New session" pressed and left without a word typed would leave an empty draft each time; instead the
// next press opens again the draft this device made last, while it is still untouched. Only this device's
// own: a draft pulled from the trainer's other phone may be filled in there meanwhile, and reopening it here
// would record a second session into the same record.
import { uuidv7 } from 'uuidv7';
import { todayIn } from '#domain/rules/dates';
import type { LogbookDb } from '#client/db/database.ts';
import type { LocalSession } from '#client/db/local-rows.ts';
import { getMeta, setMeta } from '#client/db/meta.ts';
import { putSession } from '#client/db/local-writes.ts';

/** Used only if neither the trainer's unit nor an earlier session says which province. */
const FALLBACK_PROVINCE = '40';

export async function createDraft(db: LogbookDb, unitId: string, today = todayIn()): Promise<string> {
  const unit = await db.units.get(unitId);
  const latest = unit ? undefined : await db.sessions.orderBy('startDate').last();
  const provinceCode = unit?.provinceCode ?? latest?.provinceCode ?? FALLBACK_PROVINCE;
  const untouched = await untouchedDraft(db, { unitId, today, provinceCode });
  if (untouched) return untouched;
  const id = uuidv7();
  await putSession(db, {
    id,
    unitId,
    format: 'training',
    startDate: today,
    endDate: today,
    provinceCode,
    attendanceMode: 'roster',
  });
  await setMeta(db, 'lastDraftId', id);
  return id;
}

interface Expected {
  unitId: string;
  today: string;
  provinceCode: string;
}

/** The draft this device made last, if it is still as createDraft made it: nothing typed or chosen, no one on its roster, no photo. */
async function untouchedDraft(db: LogbookDb, expected: Expected): Promise<string | undefined> {
  const id = await getMeta(db, 'lastDraftId');
  const session = id ? await db.sessions.get(id) : undefined;
  if (!session || !asCreated(session, expected)) return undefined;
  const [people, photos] = await Promise.all([
    db.attendance.where('sessionId').equals(session.id).count(),
    db.photos.where('sessionId').equals(session.id).count(),
  ]);
  return people === 0 && photos === 0 ? session.id : undefined;
}

function asCreated(s: LocalSession, { unitId, today, provinceCode }: Expected): boolean {
  return (
    s.status === 'draft' &&
    !s.rejected &&
    s.unitId === unitId &&
    s.startDate === today &&
    s.endDate === today &&
    s.provinceCode === provinceCode &&
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
