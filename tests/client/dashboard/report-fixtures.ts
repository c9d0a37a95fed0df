// Shared fixtures for the organiser screens' UI tests: an organiser with a small unit tree and topics in
// their local database, a fixed report summary, and a fetch stand-in that records every request.
import { configure } from '@testing-library/react';
import { vi } from 'vitest';
import { openUserDb } from '#client/db/database.ts';
import type { LocalTopic, LocalUnit } from '#client/db/local-rows.ts';
import type { ReportSummary } from '#domain/schemas/report';
import { makeUser } from '../shell/app-harness';
import { requestUrl } from '../../support/request-url';

// A page's first render loads its lazy chunk; on a busy two-core machine that can take over a second.
configure({ asyncUtilTimeout: 5000 });

export const organiser = makeUser({
  id: '0190a5b4-8c2e-7f00-8000-000000000002',
  username: 'organiser.na',
  displayName: 'Nguyễn Thị Thanh Hương',
  role: 'organiser',
  unitId: '0190a5b4-8c2e-7f00-8000-0000000000b0',
});

const spaceId = organiser.spaceId;
const markers = { pending: false, rejected: false };
export const rootUnit: LocalUnit = {
  id: organiser.unitId,
  spaceId,
  parentId: null,
  kind: 'province',
  name: 'Liên đoàn Lao động tỉnh Nghệ An',
  shortName: 'LĐLĐ Nghệ An',
  provinceCode: '40',
  active: true,
  ...markers,
};
export const schoolUnit: LocalUnit = {
  id: '0190a5b4-8c2e-7f00-8000-0000000000b1',
  spaceId,
  parentId: rootUnit.id,
  kind: 'grassroots',
  name: 'Công đoàn Trường THPT Con Cuông',
  shortName: 'CĐCS THPT Con Cuông',
  provinceCode: '40',
  active: true,
  ...markers,
};
export const hospitalUnit: LocalUnit = {
  id: '0190a5b4-8c2e-7f00-8000-0000000000b2',
  spaceId,
  parentId: rootUnit.id,
  kind: 'grassroots',
  name: 'Công đoàn Bệnh viện Đa khoa huyện Tương Dương',
  shortName: 'CĐCS BVĐK Tương Dương',
  provinceCode: '40',
  active: true,
  ...markers,
};
export const genderTopic: LocalTopic = {
  id: '0190a5b4-8c2e-7f00-8000-0000000000c1',
  spaceId,
  key: 'gender-basics',
  nameVi: 'Kiến thức cơ bản về giới',
  nameEn: 'Gender basics',
  fields: [],
  active: true,
  ...markers,
};
export const lawTopic: LocalTopic = {
  id: '0190a5b4-8c2e-7f00-8000-0000000000c2',
  spaceId,
  key: 'gender-equality-law',
  nameVi: 'Luật Bình đẳng giới 2006 và văn bản hướng dẫn',
  nameEn: 'The Gender Equality Law 2006',
  fields: [],
  active: true,
  ...markers,
};

/** Puts the organiser's units and topics in their local database, as a pull would. */
export async function seedReference(): Promise<void> {
  const db = openUserDb(organiser.id);
  await db.units.bulkPut([rootUnit, schoolUnit, hospitalUnit]);
  await db.topics.bulkPut([genderTopic, lawTopic]);
}

const bucket = (sessions: number, participantTurns: number, women: number, ethnicMinority: number) => ({
  sessions,
  participantTurns,
  women,
  ethnicMinority,
});

/** Lào Cai's 2022 report in numbers: 2,968 sessions, 83,204 participant-turns. */
export const summary: ReportSummary = {
  sessions: 2968,
  participantTurns: 83204,
  uniqueParticipants: 41250,
  women: { turns: 30370, pct: 36.5 },
  ethnicMinority: { turns: 18274, pct: 22 },
  byMonth: [
    { month: '2026-03', ...bucket(1200, 40000, 15000, 9000) },
    { month: '2026-11', ...bucket(1768, 43204, 15370, 9274) },
  ],
  byTopic: [
    { topicId: genderTopic.id, ...bucket(1500, 41000, 15000, 9000) },
    { topicId: lawTopic.id, ...bucket(1468, 42204, 15370, 9274) },
  ],
  byUnit: [
    { unitId: schoolUnit.id, ...bucket(2000, 60000, 22000, 12000) },
    { unitId: hospitalUnit.id, ...bucket(968, 23204, 8370, 6274) },
  ],
  byFormat: [
    { format: 'training', ...bucket(968, 23204, 8370, 6274) },
    { format: 'communication', ...bucket(2000, 60000, 22000, 12000) },
  ],
  plan: { targetSessions: 3500, targetParticipantTurns: 97887, sessionsPct: 84.8, participantTurnsPct: 85 },
};

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Responder = (request: RecordedRequest) => { status: number; body?: unknown } | undefined;

/** Stubs fetch: each request is recorded and answered by `respond`, or fails as if offline. */
export function stubFetch(respond: Responder) {
  const requests: RecordedRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request: RecordedRequest = {
        method: init?.method ?? 'GET',
        url: new URL(requestUrl(input), 'http://localhost'),
        headers: new Headers(init?.headers),
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      requests.push(request);
      const answer = respond(request);
      if (!answer) throw new TypeError('Failed to fetch');
      return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return requests;
}
