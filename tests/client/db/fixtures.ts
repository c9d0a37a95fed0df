// Small builders for client database tests: a fresh database per test and valid mutation args.
import { uuidv7 } from 'uuidv7';
import { LogbookDb, type DeviceProfile } from '#client/db/database.ts';
import type { LocalUnit } from '#client/db/local-rows.ts';
import type { MutationArgs } from '#domain/schemas/sync';
import type { PullResponse, Change } from '#domain/schemas/sync';

export const unitId = '01900000-0000-7000-8000-000000000001';
export const topicId = '01900000-0000-7000-8000-000000000002';
export const spaceId = '01900000-0000-7000-8000-000000000003';

/** A trainer of `unitId`, as signed in: the rules on the device read who writes from this profile. */
export const trainerProfile: DeviceProfile = { role: 'trainer', unitId, spaceId };
export const organiserProfile: DeviceProfile = { role: 'organiser', unitId, spaceId };

/** The user of the newest fresh database: the owner of the sessions `serverSession` makes by default. */
let newestUserId = uuidv7();

/** A grassroots unit in province 40 as the device keeps it after a pull. */
export function localUnit(id = unitId, space = spaceId): LocalUnit {
  return {
    id,
    spaceId: space,
    parentId: null,
    kind: 'grassroots',
    name: 'Công đoàn cơ sở xã Con Cuông',
    shortName: 'CĐCS Con Cuông',
    provinceCode: '40',
    active: true,
    pending: false,
    rejected: false,
  };
}

export function freshDb(userId = uuidv7(), profile = trainerProfile): LogbookDb {
  newestUserId = userId;
  return new LogbookDb(userId, profile);
}

export function newSession(patch: Partial<MutationArgs<'session.put'>> = {}): MutationArgs<'session.put'> {
  return { id: uuidv7(), unitId, format: 'training', startDate: '2026-03-02', provinceCode: '40', ...patch };
}

/** Everything submitting asks for, on top of `newSession`. */
export const readyToSubmit = {
  title: 'Bình đẳng giới trong gia đình',
  topicIds: [topicId],
  placeName: 'Nhà văn hoá bản Khe Rạn',
  attendanceMode: 'headcount' as const,
  headcount: { total: 30, women: 18, ethnicMinority: 12 },
};

export function newParticipant(patch: Partial<MutationArgs<'participant.put'>> = {}): MutationArgs<'participant.put'> {
  return {
    id: uuidv7(),
    unitId,
    fullName: 'Nguyễn Thị Hoà',
    gender: 'female',
    consent: { method: 'signed', at: '2026-03-02' },
    ...patch,
  };
}

const at = '2026-03-02T08:00:00.000Z';

/** A session row as the server would send it in a pull; the newest fresh database's trainer owns it. */
export function serverSession(id: string, version: number, patch: Record<string, unknown> = {}): Change {
  return {
    entity: 'session',
    id,
    version,
    deleted: false,
    data: {
      id,
      trainerId: newestUserId,
      unitId,
      format: 'training',
      title: 'Từ máy chủ',
      topicIds: [topicId],
      startDate: '2026-03-02',
      endDate: '2026-03-02',
      provinceCode: '40',
      adminSet: '2026-07-25',
      placeName: 'Xã Con Cuông',
      attendanceMode: 'roster',
      status: 'draft',
      createdAt: at,
      updatedAt: at,
      ...patch,
    },
  };
}

export function pullPage(changes: Change[], patch: Partial<PullResponse> = {}): PullResponse {
  return {
    cursor: `c${changes.at(-1)?.version ?? 0}`,
    hasMore: false,
    reset: false,
    lastMutationId: 0,
    changes,
    ...patch,
  };
}
