// GET /api/reports/export.xlsx, opened as a spreadsheet program would: the summary, sessions and attendance
// sheets with their headers and values, dates as real spreadsheet dates shown dd/mm/yyyy, Vietnamese intact, inert formula-like text, the named list only
// when wanted, English on request, and an audit entry. On every database target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { reportSummarySchema, type ReportSummary } from '#domain/schemas/report';
import { auditLog, users } from '#server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import { buildReportYear, insertParticipant, insertSession, type ReportYear } from '../reports/fixtures';
import { readXlsx, type ReadCell } from './read-export';

const YEAR = 'from=2026-01-01&to=2026-12-31';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const day = (date: string) => ({ date, format: 'dd/mm/yyyy' });
const month = (yearMonth: string) => ({ date: `${yearMonth}-01`, format: 'mm/yyyy' });

describe.each(databaseTargets)('XLSX export on %s', (kind) => {
  let t: TestApp;
  let year: ReportYear;
  let summary: ReportSummary;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    year = await buildReportYear(t.db, t.clock.now());
    const now = t.clock.now();
    year.participants.px = await insertParticipant(
      t.db,
      year,
      {
        unit: 'g1',
        fullName: '+84 Hà Thị Mai',
        gender: 'female',
        ethnicity: '54',
        birthYear: 1999,
      },
      now,
    );
    await insertSession(
      t.db,
      year,
      {
        unit: 'g1',
        format: 'other',
        title: '=HYPERLINK("x")',
        start: '2026-05-01',
        topics: [],
        status: 'approved',
        roster: ['px'],
      },
      now,
    );
    await t.login('organiser.na');
    summary = reportSummarySchema.parse(await (await t.request(`/api/reports/summary?${YEAR}`)).json());
  });
  afterAll(async () => {
    await t.close();
  });

  async function download(query: string) {
    const response = await t.request(`/api/reports/export.xlsx?${query}`);
    expect(response.status).toBe(200);
    return { response, sheets: readXlsx(await response.arrayBuffer()) };
  }
  const rowStarting = (rows: ReadCell[][], label: string) => rows.find((row) => row[0] === label);

  it('has the summary, sessions and attendance sheets, in that order, as an XLSX attachment', async () => {
    const { response, sheets } = await download(YEAR);
    expect(response.headers.get('Content-Type')).toBe(XLSX_TYPE);
    expect(response.headers.get('Content-Disposition')).toContain(
      "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20t%E1%BA%ADp%20hu%E1%BA%A5n_2026-01-01_2026-12-31.xlsx",
    );
    expect([...sheets.keys()]).toEqual(['Tổng hợp', 'Buổi', 'Danh sách']);
  });

  it('lists one session a row with dates as dates, numbers as numbers and Vietnamese intact', async () => {
    const rows = (await download(YEAR)).sheets.get('Buổi')!;
    expect(rows[0]).toEqual([
      'Ngày bắt đầu',
      'Ngày kết thúc',
      'Đơn vị',
      'Hình thức',
      'Tên buổi',
      'Chủ đề',
      'Cách ghi nhận',
      'Lượt người',
      'Trong đó nữ',
      'Trong đó DTTS',
      'Trạng thái',
    ]);
    expect(rows).toHaveLength(1 + summary.sessions);
    expect(rows[3]).toEqual([
      day('2026-02-14'),
      day('2026-02-14'),
      'Công đoàn Bệnh viện Đa khoa huyện Tương Dương',
      'Hội thảo',
      'Hội thảo phòng, chống bạo lực gia đình',
      'Phòng, chống bạo lực gia đình',
      'Danh sách',
      5,
      2,
      3,
      'Đã duyệt',
    ]);
    expect(rows.slice(1).reduce((sum, row) => sum + (row[7] as number), 0)).toBe(summary.participantTurns);
    // Every session row starts with two dates: sorting and filtering by date work in a spreadsheet.
    expect(rows.slice(1).every((row) => typeof row[0] === 'object' && typeof row[1] === 'object')).toBe(true);
  });

  it('neutralises formula-like text in every sheet', async () => {
    const { sheets } = await download(YEAR);
    expect(sheets.get('Buổi')!.map((r) => r[4])).toContain(`'=HYPERLINK("x")`);
    const named = sheets.get('Danh sách')!.find((r) => r[3] === "'+84 Hà Thị Mai");
    expect(named).toEqual([
      `'=HYPERLINK("x")`,
      day('2026-05-01'),
      day('2026-05-01'),
      "'+84 Hà Thị Mai",
      'Nữ',
      1999,
      'Ơ Đu',
      'Công đoàn Trường THPT Con Cuông',
      'Đoàn viên',
    ]);
  });

  it('sums up the same figures as the summary endpoint, with plan progress and named buckets', async () => {
    const rows = (await download(YEAR)).sheets.get('Tổng hợp')!;
    expect(rows[0]).toEqual(['Báo cáo tập huấn']);
    expect(rowStarting(rows, 'Từ ngày')).toEqual(['Từ ngày', day('2026-01-01')]);
    expect(rowStarting(rows, 'Đến ngày')).toEqual(['Đến ngày', day('2026-12-31')]);
    expect(rowStarting(rows, 'Đơn vị')).toEqual(['Đơn vị', 'Liên đoàn Lao động tỉnh Nghệ An']);
    expect(rowStarting(rows, 'Trạng thái')).toEqual(['Trạng thái', 'Chờ duyệt, Đã duyệt']);
    expect(rowStarting(rows, 'Số buổi')).toEqual(['Số buổi', summary.sessions]);
    expect(rowStarting(rows, 'Lượt người')).toEqual(['Lượt người', summary.participantTurns]);
    expect(rowStarting(rows, 'Số người (theo danh sách)')).toEqual([
      'Số người (theo danh sách)',
      summary.uniqueParticipants,
    ]);
    expect(rowStarting(rows, 'Trong đó nữ')).toEqual(['Trong đó nữ', summary.women.turns, summary.women.pct]);
    expect(rowStarting(rows, 'Trong đó DTTS')).toEqual([
      'Trong đó DTTS',
      summary.ethnicMinority.turns,
      summary.ethnicMinority.pct,
    ]);
    expect(rowStarting(rows, 'Kế hoạch: số buổi')).toEqual(['Kế hoạch: số buổi', 120, summary.plan!.sessionsPct]);
    expect(rowStarting(rows, 'Kế hoạch: lượt người')).toEqual([
      'Kế hoạch: lượt người',
      3000,
      summary.plan!.participantTurnsPct,
    ]);
    expect(rowStarting(rows, 'Theo tháng')).toEqual([
      'Theo tháng',
      'Số buổi',
      'Lượt người',
      'Trong đó nữ',
      'Trong đó DTTS',
    ]);
    expect(rows.find((row) => (row[0] as { date?: string } | null)?.date === '2026-01-01')).toEqual([
      month('2026-01'),
      2,
      54,
      33,
      22,
    ]);
    expect(rowStarting(rows, 'Hội thảo')).toEqual(['Hội thảo', 1, 5, 2, 3]);
    expect(rowStarting(rows, 'Phòng, chống bạo lực gia đình')).toEqual([
      'Phòng, chống bạo lực gia đình',
      2,
      25,
      14,
      10,
    ]);
    expect(rowStarting(rows, 'Công đoàn Bệnh viện Đa khoa huyện Tương Dương')).toEqual([
      'Công đoàn Bệnh viện Đa khoa huyện Tương Dương',
      2,
      25,
      14,
      10,
    ]);
  });

  it('lists every attendance of the matching roster sessions, names in Vietnamese order, for an organiser', async () => {
    const rows = (await download(YEAR)).sheets.get('Danh sách')!;
    expect(rows[0]).toEqual([
      'Buổi',
      'Ngày bắt đầu',
      'Ngày kết thúc',
      'Họ và tên',
      'Giới tính',
      'Năm sinh',
      'Dân tộc',
      'Đơn vị',
      'Vai trò',
    ]);
    // s1 (4 people), s3 (5, its deleted row left out), s8 (2), the new session (1); headcounts name nobody.
    expect(rows).toHaveLength(1 + 12);
    const workshop = rows.filter((r) => r[0] === 'Hội thảo phòng, chống bạo lực gia đình');
    expect(workshop.map((r) => r[3])).toEqual([
      'Lầu Y Sênh',
      'Lò Thị Xuân',
      'Phạm Thị Ánh',
      'Trần Văn Đức',
      'Vừ Bá Dế',
    ]);
    expect(workshop.map((r) => [r[4], r[5], r[6]])).toEqual([
      ['Khác', 2000, 'Khơ Mú'],
      ['Nữ', 1985, 'Thái'],
      ['Nữ', 1995, 'Không ghi'],
      ['Nam', 1988, 'Không muốn trả lời'],
      ['Nam', 1979, 'Mông'],
    ]);
    const foreign = rows.find((r) => r[3] === 'Anna Schmidt');
    expect(foreign).toEqual([
      'Tập huấn kiến thức cơ bản về giới',
      day('2026-01-10'),
      day('2026-01-10'),
      'Anna Schmidt',
      'Nữ',
      1992,
      'Người nước ngoài',
      'Công đoàn Bệnh viện Đa khoa huyện Tương Dương',
      'Đoàn viên',
    ]);
  });

  it('leaves the named list out with names=0, and the audit log says so', async () => {
    const { sheets } = await download(`${YEAR}&names=0`);
    expect([...sheets.keys()]).toEqual(['Tổng hợp', 'Buổi']);
    const [organiser] = await t.db.select().from(users).where(eq(users.username, 'organiser.na'));
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.export'), eq(auditLog.userId, organiser!.id)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry!.detail).toMatchObject({
      format: 'xlsx',
      sessionRows: summary.sessions,
      namedData: false,
      attendanceRows: 0,
    });
  });

  it('audit-logs a named export with its attendance row count', async () => {
    await download(YEAR);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'report.export'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry!.detail).toMatchObject({
      format: 'xlsx',
      sessionRows: summary.sessions,
      namedData: true,
      attendanceRows: 12,
    });
  });

  it('speaks English with lang=en', async () => {
    const { sheets } = await download(`${YEAR}&lang=en`);
    expect([...sheets.keys()]).toEqual(['Summary', 'Sessions', 'Attendance']);
    expect(sheets.get('Sessions')![3]).toEqual([
      day('2026-02-14'),
      day('2026-02-14'),
      'Công đoàn Bệnh viện Đa khoa huyện Tương Dương',
      'Workshop',
      'Hội thảo phòng, chống bạo lực gia đình',
      'Preventing domestic violence',
      'Named list',
      5,
      2,
      3,
      'Approved',
    ]);
    expect(
      sheets
        .get('Attendance')!
        .find((r) => r[3] === 'Vừ Bá Dế')
        ?.slice(4),
    ).toEqual(['Male', 1979, 'Hmong', 'Công đoàn Trường THPT Con Cuông', 'Union member']);
  });
});
