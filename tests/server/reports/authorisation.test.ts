// Who may call what: every report, export and admin endpoint × every role, on a resource inside and outside
// the caller's unit subtree (Nghệ An's and Lào Cai's), with the status each must get. 401 answers are
// `unauthorized`, 403 answers `forbidden`. On every database target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { plans, topics, users } from '#server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import { buildReportYear, type ReportYear } from './fixtures';

const callers = ['anonymous', 'trainer.na', 'organiser.na', 'organiser.lc', 'admin'] as const;
type Caller = (typeof callers)[number];
type Statuses = [anonymous: number, trainerNa: number, organiserNa: number, organiserLc: number, admin: number];

interface Ids {
  year: ReportYear;
  trainerLcId: string;
  naTopicId: string;
  naPlanId: string;
  lcPlanId: string;
}

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  path: (ids: Ids) => string;
  body?: (ids: Ids, caller: Caller) => unknown;
  expected: Statuses;
}

const get = (name: string, path: Case['path'], expected: Statuses): Case => ({ name, method: 'GET', path, expected });
const write = (
  name: string,
  method: 'POST' | 'PATCH',
  path: Case['path'],
  body: NonNullable<Case['body']>,
  expected: Statuses,
): Case => ({ name, method, path, body, expected });
const slug = (caller: Caller) => caller.replace(/\W/g, '-');
const yearOf = (caller: Caller) => 2030 + callers.indexOf(caller);

// prettier-ignore
const matrix: Case[] = [
  //                                                                                            anon trainer org.na org.lc admin
  get('summary of the caller’s own scope', () => '/api/reports/summary',                        [401, 403, 200, 200, 200]),
  get('summary of a Nghệ An unit', (i) => `/api/reports/summary?unitId=${i.year.units.g1.id}`,   [401, 403, 200, 403, 200]),
  get('summary of a Lào Cai unit', (i) => `/api/reports/summary?unitId=${i.year.units.lcUnit.id}`, [401, 403, 403, 200, 200]),
  get('CSV export of a Nghệ An unit', (i) => `/api/reports/export.csv?unitId=${i.year.units.g1.id}`, [401, 403, 200, 403, 200]),
  get('CSV export of a Lào Cai unit', (i) => `/api/reports/export.csv?unitId=${i.year.units.lcUnit.id}`, [401, 403, 403, 200, 200]),
  get('XLSX export of the caller’s own scope', () => '/api/reports/export.xlsx',                [401, 403, 200, 200, 200]),
  get('XLSX export of a Nghệ An unit', (i) => `/api/reports/export.xlsx?unitId=${i.year.units.g1.id}`, [401, 403, 200, 403, 200]),
  get('attendance sheet of trainer.na’s session', (i) => `/api/reports/sessions/${i.year.sessions.s1}/attendance-sheet`, [401, 200, 200, 403, 200]),
  get('attendance sheet of a Lào Cai session', (i) => `/api/reports/sessions/${i.year.sessions.s10}/attendance-sheet`, [401, 403, 403, 200, 200]),
  get('list users', () => '/api/admin/users',                                                    [401, 403, 403, 403, 200]),
  write('create a user', 'POST', () => '/api/admin/users', (i, c) => ({
    username: `matrix.${slug(c)}`, displayName: 'Người thử', role: 'trainer', unitId: i.year.units.g1.id, password: 'matrix-pass-1',
  }),                                                                                              [401, 403, 403, 403, 201]),
  write('update a Lào Cai user', 'PATCH', (i) => `/api/admin/users/${i.trainerLcId}`, () => ({ displayName: 'Giàng Thị Mỷ' }), [401, 403, 403, 403, 200]),
  get('list units', () => '/api/admin/units',                                                    [401, 403, 403, 403, 200]),
  write('create a unit', 'POST', () => '/api/admin/units', (i, c) => ({
    parentId: i.year.units.naRoot.id, kind: 'grassroots', name: `Công đoàn ${c}`, shortName: `CĐCS ${c}`, provinceCode: '40',
  }),                                                                                              [401, 403, 403, 403, 201]),
  write('update a Nghệ An unit', 'PATCH', (i) => `/api/admin/units/${i.year.units.g1.id}`, () => ({ shortName: 'CĐCS THPT Con Cuông' }), [401, 403, 403, 403, 200]),
  get('list topics of the caller’s space', () => '/api/admin/topics',                           [401, 403, 200, 200, 200]),
  get('list topics of Nghệ An', (i) => `/api/admin/topics?spaceId=${i.year.units.naRoot.spaceId}`, [401, 403, 200, 403, 200]),
  write('create a topic in Nghệ An', 'POST', () => '/api/admin/topics', (i, c) => ({
    spaceId: i.year.units.naRoot.spaceId, key: `matrix-${slug(c)}`, nameVi: 'Chủ đề thử', nameEn: 'Trial topic',
  }),                                                                                              [401, 403, 201, 403, 201]),
  write('update a Nghệ An topic', 'PATCH', (i) => `/api/admin/topics/${i.naTopicId}`, () => ({ nameEn: 'Gender basics' }), [401, 403, 200, 403, 200]),
  get('list plans of the caller’s scope', () => '/api/admin/plans',                             [401, 403, 200, 200, 200]),
  get('list plans of a Nghệ An unit', (i) => `/api/admin/plans?unitId=${i.year.units.g1.id}`,    [401, 403, 200, 403, 200]),
  write('upsert a plan for a Nghệ An unit', 'POST', () => '/api/admin/plans', (i, c) => ({
    unitId: i.year.units.g2.id, year: yearOf(c), targetSessions: 12, targetParticipantTurns: 300,
  }),                                                                                              [401, 403, 201, 403, 201]),
  write('update a Nghệ An plan', 'PATCH', (i) => `/api/admin/plans/${i.naPlanId}`, () => ({ targetSessions: 11 }), [401, 403, 200, 403, 200]),
  write('update a Lào Cai plan', 'PATCH', (i) => `/api/admin/plans/${i.lcPlanId}`, () => ({ note: 'Điều chỉnh' }), [401, 403, 403, 200, 200]),
  get('read the audit log', () => '/api/admin/audit',                                            [401, 403, 403, 403, 200]),
];

describe.each(databaseTargets)('authorisation matrix on %s', (kind) => {
  let t: TestApp;
  let ids: Ids;
  const cookies: Partial<Record<Caller, string>> = {};

  beforeAll(async () => {
    t = await createTestApp({ kind });
    const year = await buildReportYear(t.db, t.clock.now());
    const idOf = async (username: string) =>
      (await t.db.select().from(users).where(eq(users.username, username)))[0]!.id;
    const planOf = async (unitId: string) =>
      (
        await t.db
          .select()
          .from(plans)
          .where(and(eq(plans.unitId, unitId), eq(plans.year, 2026), isNull(plans.topicId)))
      )[0]!.id;
    const [naTopic] = await t.db.select().from(topics).where(eq(topics.id, year.topics['gender-basics']));
    ids = {
      year,
      trainerLcId: await idOf('trainer.lc'),
      naTopicId: naTopic!.id,
      naPlanId: await planOf(year.units.g1.id),
      lcPlanId: await planOf(year.units.lcRoot.id),
    };
    for (const caller of callers) if (caller !== 'anonymous') cookies[caller] = await t.login(caller);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(matrix.map((c) => [`${c.method} ${c.name}`, c] as const))(
    '%s',
    async (_title, { method, path, body, expected }) => {
      const statuses: number[] = [];
      for (const caller of callers) {
        const response = await t.request(path(ids), {
          method,
          cookie: cookies[caller] ?? null,
          ...(body ? { json: body(ids, caller) } : {}),
        });
        statuses.push(response.status);
        if (response.status === 401 || response.status === 403) {
          const { error } = (await response.json()) as { error: { code: string } };
          expect(error.code).toBe(response.status === 401 ? 'unauthorized' : 'forbidden');
        } else {
          await response.arrayBuffer();
        }
      }
      expect(Object.fromEntries(callers.map((c, n) => [c, statuses[n]]))).toEqual(
        Object.fromEntries(callers.map((c, n) => [c, expected[n]])),
      );
    },
  );
});
