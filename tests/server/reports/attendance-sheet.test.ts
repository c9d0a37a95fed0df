// GET /api/reports/sessions/:id/attendance-sheet: the printable roster of one session — numbered in
// Vietnamese alphabetical order, without ethnicity or phone numbers, audit-logged. On every database target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { attendanceSheetSchema } from '#domain/schemas/attendance-sheet';
import { auditLog } from '#server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import { buildReportYear, type ReportYear } from './fixtures';

describe.each(databaseTargets)('attendance sheet on %s', (kind) => {
  let t: TestApp;
  let year: ReportYear;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    year = await buildReportYear(t.db, t.clock.now());
    await t.login('trainer.na');
  });
  afterAll(async () => {
    await t.close();
  });

  const sheet = async (id: string) => {
    const response = await t.request(`/api/reports/sessions/${id}/attendance-sheet`);
    expect(response.status).toBe(200);
    return { raw: await response.clone().text(), sheet: attendanceSheetSchema.parse(await response.json()) };
  };

  it('gives the trainer the session, its unit and topics, and the numbered roster in Vietnamese order', async () => {
    const { sheet: s3 } = await sheet(year.sessions.s3!);
    expect(s3.session).toMatchObject({
      title: 'Hội thảo phòng, chống bạo lực gia đình',
      format: 'workshop',
      startDate: '2026-02-14',
      endDate: '2026-02-14',
      attendanceMode: 'roster',
      headcount: null,
      status: 'approved',
      trainerName: 'Lương Thị Hoa',
    });
    expect(s3.unit).toMatchObject({ id: year.units.g2.id, shortName: 'CĐCS BVĐK Tương Dương' });
    expect(s3.topics.map((topic) => topic.key)).toEqual(['domestic-violence']);
    // The deleted attendance row (Nguyễn Thị Hằng) is not on the sheet.
    expect(s3.roster.map((row) => [row.number, row.fullName])).toEqual([
      [1, 'Lầu Y Sênh'],
      [2, 'Lò Thị Xuân'],
      [3, 'Phạm Thị Ánh'],
      [4, 'Trần Văn Đức'],
      [5, 'Vừ Bá Dế'],
    ]);
    expect(s3.roster[1]).toMatchObject({ gender: 'female', birthYear: 1985, unionRole: 'member' });
  });

  it('keeps the topics in the order the trainer chose them', async () => {
    const { sheet: s4 } = await sheet(year.sessions.s4!);
    expect(s4.topics.map((topic) => topic.key)).toEqual(['gender-equality-law', 'domestic-violence']);
    expect(s4.session.headcount).toEqual({ total: 20, women: 12, ethnicMinority: 7 });
    expect(s4.roster).toEqual([]);
  });

  it('never carries ethnicity or phone numbers, which a sheet passed round the room would expose', async () => {
    const { raw } = await sheet(year.sessions.s1!);
    expect(raw).not.toMatch(/ethnicity|phone/);
  });

  it('audit-logs each view of the named sheet', async () => {
    await sheet(year.sessions.s8!);
    const views = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.attendance_sheet'), eq(auditLog.entityId, year.sessions.s8!)));
    expect(views).toHaveLength(1);
    expect(views[0]!.detail).toEqual({ rows: 2 });
  });

  it('answers 404 for a deleted, unknown or malformed session', async () => {
    for (const id of [year.sessions.s7!, '01900000-0000-7000-8000-000000000000', 'nope']) {
      const response = await t.request(`/api/reports/sessions/${id}/attendance-sheet`);
      expect(response.status).toBe(404);
    }
  });
});
