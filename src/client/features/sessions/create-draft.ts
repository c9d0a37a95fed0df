// A new session exists from the first moment: a draft row (and its outbox entry) written before
// the form shows, so whatever the trainer types next is an edit of a saved record.
import { uuidv7 } from 'uuidv7';
import { todayIn } from '#domain/rules/dates';
import type { LogbookDb } from '#client/db/database.ts';
import { putSession } from '#client/db/local-writes.ts';

/** Used only if neither the trainer's unit nor an earlier session says which province. */
const FALLBACK_PROVINCE = '40';

export async function createDraft(db: LogbookDb, unitId: string, today = todayIn()): Promise<string> {
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
