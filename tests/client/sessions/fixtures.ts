// A signed-in trainer's device for the sessions screens: a fresh database (a new user id per test),
// their unit in Nghệ An (40), a few topics, and helpers to put sessions straight into the tables.
import { uuidv7 } from 'uuidv7';
import { openUserDb, type LogbookDb } from '#client/db/database.ts';
import type { LocalSession, LocalTopic } from '#client/db/local-rows.ts';
import type { User } from '#domain/schemas/auth';
import { localUnit } from '../db/fixtures';
import { makeUser, rememberUser, serveApi } from '../shell/app-harness';

export interface Device {
  db: LogbookDb;
  trainer: User;
  topics: LocalTopic[];
}

const spaceId = '0190a5b4-8c2e-7f00-8000-0000000000f1';

function topic(key: string, nameVi: string, nameEn: string, active = true): LocalTopic {
  return {
    id: uuidv7(),
    spaceId,
    key,
    nameVi,
    nameEn,
    fields: ['family', 'health'],
    active,
    pending: false,
    rejected: false,
  };
}

/** Remembers a trainer (the app opens without a network) and seeds their unit and topics. */
export async function seedDevice(): Promise<Device> {
  const trainer = makeUser({ id: uuidv7(), unitId: uuidv7() });
  rememberUser(trainer);
  serveApi({}); // no server: everything here works offline
  const db = openUserDb(trainer.id, trainer);
  await db.units.put(localUnit(trainer.unitId, spaceId));
  const topics = [
    topic('gender-basics', 'Kiến thức cơ bản về giới', 'Gender basics'),
    topic('domestic-violence', 'Phòng, chống bạo lực gia đình', 'Preventing domestic violence'),
    topic('retired-topic', 'Chủ đề đã ngừng dùng', 'A retired topic', false),
  ];
  await db.topics.bulkPut(topics);
  return { db, trainer, topics };
}

/** A session row as a pull would have stored it (already on the server, nothing unsent). */
export function storedSession(device: Device, patch: Partial<LocalSession> = {}): LocalSession {
  return {
    id: uuidv7(),
    trainerId: device.trainer.id,
    unitId: device.trainer.unitId,
    format: 'training',
    title: 'Bình đẳng giới trong gia đình',
    topicIds: [device.topics[0]?.id ?? ''],
    startDate: '2026-03-02',
    endDate: '2026-03-02',
    provinceCode: '40',
    communeCode: '17254',
    communeName: 'Xã Con Cuông',
    adminSet: '2026-07-25',
    placeName: 'Nhà văn hoá bản Khe Rạn',
    attendanceMode: 'headcount',
    headcount: { total: 30, women: 18, ethnicMinority: 12 },
    status: 'draft',
    version: 3,
    deleted: false,
    createdAt: '2026-03-02T08:00:00.000Z',
    updatedAt: '2026-03-02T08:00:00.000Z',
    pending: false,
    rejected: false,
    ...patch,
  };
}
