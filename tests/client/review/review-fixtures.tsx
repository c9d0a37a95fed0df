// An organiser's device as a pull leaves it: a province federation with two grassroots unions, their
// topics, trainers, participants and sessions, written straight into a fresh per-user database.
import { cleanup, render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { uuidv7 } from 'uuidv7';
import { closeUserDb, openUserDb, type LogbookDb } from '#client/db/database.ts';
import type { LocalParticipant, LocalSession } from '#client/db/local-rows.ts';
import { PrintSheetPage } from '#client/features/reports/print-sheet-page.tsx';
import { ReviewQueuePage } from '#client/features/review/review-queue-page.tsx';
import { ReviewSessionPage } from '#client/features/review/review-session-page.tsx';
import { setLanguage } from '#client/i18n.ts';

export const spaceId = uuidv7();
export const province = { id: uuidv7(), name: 'Liên đoàn Lao động tỉnh Nghệ An', shortName: 'LĐLĐ Nghệ An' };
export const school = { id: uuidv7(), name: 'Công đoàn Trường THPT Con Cuông', shortName: 'CĐCS THPT Con Cuông' };
export const hospital = { id: uuidv7(), name: 'Công đoàn Bệnh viện Tương Dương', shortName: 'CĐCS BV Tương Dương' };
export const topic = {
  id: uuidv7(),
  key: 'gender-basics',
  nameVi: 'Kiến thức cơ bản về giới',
  nameEn: 'Gender basics',
};
export const trainer = { id: uuidv7(), displayName: 'Lương Thị Hoa' };

const synced = {
  version: 3,
  pending: false,
  rejected: false,
  createdAt: '2026-03-01T01:00:00.000Z',
  updatedAt: '2026-03-01T01:00:00.000Z',
};

export async function seedOrganiserDevice(): Promise<LogbookDb> {
  const db = openUserDb(uuidv7(), { role: 'organiser', unitId: province.id, spaceId });
  await db.units.bulkPut([
    { ...synced, ...province, spaceId, parentId: null, kind: 'province', provinceCode: '40', active: true },
    { ...synced, ...school, spaceId, parentId: province.id, kind: 'grassroots', provinceCode: '40', active: true },
    { ...synced, ...hospital, spaceId, parentId: province.id, kind: 'grassroots', provinceCode: '40', active: true },
  ]);
  await db.topics.put({ ...synced, ...topic, spaceId, fields: ['family'], active: true });
  await db.users.put({
    ...synced,
    ...trainer,
    username: 'trainer.na',
    role: 'trainer',
    unitId: school.id,
    spaceId,
    locale: 'vi',
  });
  return db;
}

export function sessionRow(patch: Partial<LocalSession> = {}): LocalSession {
  return {
    ...synced,
    id: uuidv7(),
    trainerId: trainer.id,
    unitId: school.id,
    format: 'training',
    title: 'Bình đẳng giới trong gia đình',
    topicIds: [topic.id],
    startDate: '2026-03-02',
    endDate: '2026-03-02',
    provinceCode: '40',
    communeCode: null,
    communeName: 'Xã Con Cuông',
    adminSet: '2026-07-25',
    placeName: 'Nhà văn hoá bản Khe Rạn',
    attendanceMode: 'headcount',
    headcount: { total: 30, women: 18, ethnicMinority: 12 },
    plannedParticipants: null,
    notes: null,
    status: 'submitted',
    submittedAt: '2026-03-03T02:00:00.000Z',
    ...patch,
  };
}

export function participantRow(patch: Partial<LocalParticipant> = {}): LocalParticipant {
  return {
    ...synced,
    id: uuidv7(),
    unitId: school.id,
    fullName: 'Vi Thị Lan',
    gender: 'female',
    birthYear: 1988,
    ethnicity: '03',
    workplace: 'Trường THPT Con Cuông',
    position: 'Giáo viên',
    unionRole: 'member',
    consent: { method: 'signed', at: '2026-03-02' },
    searchKey: '',
    ...patch,
  };
}

/** Adds a roster to a session: one attendance row per participant. */
export async function seedRoster(db: LogbookDb, sessionId: string, people: LocalParticipant[]): Promise<void> {
  await db.participants.bulkPut(people);
  await db.attendance.bulkPut(people.map((p) => ({ ...synced, id: uuidv7(), sessionId, participantId: p.id })));
}

export const where = { pathname: '', search: '' };

function LocationProbe() {
  const location = useLocation();
  where.pathname = location.pathname;
  where.search = location.search;
  return null;
}

export function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/review" element={<ReviewQueuePage />} />
        <Route path="/review/:id" element={<ReviewSessionPage />} />
        <Route path="/sessions/:id/print" element={<PrintSheetPage />} />
      </Routes>
      <LocationProbe />
    </MemoryRouter>,
  );
}

export async function resetDevice(): Promise<void> {
  cleanup();
  closeUserDb();
  await setLanguage('vi');
}
