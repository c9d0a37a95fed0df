// Seeds a trainer's local database directly (rows as a pull would leave them), for the roster,
// registry and photos screens' tests.
import { uuidv7 } from 'uuidv7';
import { LogbookDb, openUserDb } from '#client/db/database.ts';
import type { LocalParticipant, LocalSession } from '#client/db/local-rows.ts';
import { participantSearchKey } from '#client/db/participant-search.ts';
import type { Participant } from '#domain/schemas/participant';
import { ADMIN_SET } from '#domain/schemas/session';
import { makeUser } from '../shell/app-harness';

export const trainer = makeUser();

const synced = { version: 1, pending: false, rejected: false } as const;

export function openTrainerDb(): LogbookDb {
  return openUserDb(trainer.id, trainer);
}

/** Deletes the trainer's database: every test starts from an empty device. Call after resetApp. */
export async function deleteTrainerDb(): Promise<void> {
  const db = new LogbookDb(trainer.id);
  await db.delete();
  db.closeForGood();
}

/**
 * happy-dom has no layout, so every box measures 0 px and a virtualised list in its own scroll box
 * would show no rows: give elements a phone-sized box while a test file runs.
 */
export function givePhoneSizedBoxes(): () => void {
  const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  const width = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 480 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 360 });
  return () => {
    if (height) Object.defineProperty(HTMLElement.prototype, 'clientHeight', height);
    if (width) Object.defineProperty(HTMLElement.prototype, 'clientWidth', width);
  };
}

export async function seedSession(db: LogbookDb, patch: Partial<LocalSession> = {}): Promise<LocalSession> {
  const session: LocalSession = {
    id: uuidv7(),
    trainerId: trainer.id,
    unitId: trainer.unitId,
    format: 'training',
    title: 'Bình đẳng giới trong gia đình',
    topicIds: [],
    startDate: '2026-03-02',
    endDate: '2026-03-02',
    provinceCode: '40',
    adminSet: ADMIN_SET,
    placeName: 'Nhà văn hoá bản Khe Rạn',
    attendanceMode: 'roster',
    status: 'draft',
    ...synced,
    ...patch,
  };
  await db.sessions.put(session);
  return session;
}

export type PersonSeed = Partial<Participant> & Pick<Participant, 'fullName'>;

export async function seedPeople(db: LogbookDb, people: readonly PersonSeed[]): Promise<LocalParticipant[]> {
  const rows = people.map((person): LocalParticipant => {
    const row = {
      id: uuidv7(),
      unitId: trainer.unitId,
      gender: 'female' as const,
      consent: { method: 'signed' as const, at: '2026-03-02' },
      ...person,
    };
    return { ...row, ...synced, searchKey: participantSearchKey(row) };
  });
  await db.participants.bulkPut(rows);
  return rows;
}

export async function seedRoster(
  db: LogbookDb,
  sessionId: string,
  people: readonly Pick<Participant, 'id'>[],
): Promise<void> {
  await db.attendance.bulkPut(
    people.map((person) => ({ id: uuidv7(), sessionId, participantId: person.id, ...synced })),
  );
}
