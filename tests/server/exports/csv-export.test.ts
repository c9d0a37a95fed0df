// GET /api/reports/export.csv: a file Excel opens with Vietnamese intact (UTF-8 BOM, CRLF, RFC 4180), one row
// per matching session that adds up to the summary, English labels on request, inert formula-like titles,
// a Vietnamese file name, and an audit entry. On every database target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { reportSummarySchema } from '#domain/schemas/report';
import { auditLog, users } from '#server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { databaseTargets } from '../../support/test-db';
import { buildReportYear, insertSession } from '../reports/fixtures';
import { parseCsv } from './read-export';

const YEAR = 'from=2026-01-01&to=2026-12-31';
const INJECTION = '=HYPERLINK("x")';

describe.each(databaseTargets)('CSV export on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    const year = await buildReportYear(t.db, t.clock.now());
    const now = t.clock.now();
    await insertSession(
      t.db,
      year,
      {
        unit: 'g1',
        format: 'other',
        title: INJECTION,
        start: '2026-05-01',
        topics: [],
        status: 'approved',
        headcount: { total: 3, women: 1, ethnicMinority: 1 },
      },
      now,
    );
    await insertSession(
      t.db,
      year,
      {
        unit: 'g2',
        format: 'other',
        title: '@SUM(A1)',
        start: '2026-05-02',
        topics: [],
        status: 'submitted',
        roster: ['p6'],
      },
      now,
    );
    await t.login('organiser.na');
  });
  afterAll(async () => {
    await t.close();
  });

  async function download(query: string) {
    const response = await t.request(`/api/reports/export.csv?${query}`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { response, bytes, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  }

  it('writes UTF-8 with a byte-order mark and CRLF line ends, as text/csv', async () => {
    const { response, bytes, text } = await download(YEAR);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith('\uFEFFNgày,Đơn vị,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('has one row per matching session, in date order, with Vietnamese labels and names intact', async () => {
    const rows = parseCsv((await download(YEAR)).text.slice(1));
    expect(rows[0]).toEqual([
      'Ngày',
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
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      '10/01/2026',
      '25/01/2026',
      '14/02/2026',
      '03/03/2026 – 05/03/2026',
      '10/04/2026',
      '01/05/2026',
      '02/05/2026',
    ]);
    expect(rows[1]).toEqual([
      '10/01/2026',
      'Công đoàn Trường THPT Con Cuông',
      'Tập huấn',
      'Tập huấn kiến thức cơ bản về giới',
      'Kiến thức cơ bản về giới; Luật Bình đẳng giới 2006 và văn bản hướng dẫn',
      'Danh sách',
      '4',
      '3',
      '2',
      'Chờ duyệt',
    ]);
    expect(rows[4]).toEqual([
      '03/03/2026 – 05/03/2026',
      'Công đoàn Bệnh viện Đa khoa huyện Tương Dương',
      'Tập huấn',
      'Lớp tập huấn ba ngày, Tương Dương',
      'Luật Bình đẳng giới 2006 và văn bản hướng dẫn; Phòng, chống bạo lực gia đình',
      'Đếm số lượng',
      '20',
      '12',
      '7',
      'Chờ duyệt',
    ]);
  });

  it('adds up to the summary of the same filters', async () => {
    const rows = parseCsv((await download(`${YEAR}&status=approved`)).text.slice(1)).slice(1);
    const summary = reportSummarySchema.parse(
      await (await t.request(`/api/reports/summary?${YEAR}&status=approved`)).json(),
    );
    expect(rows).toHaveLength(summary.sessions);
    const sum = (column: number) => rows.reduce((total, row) => total + Number(row[column]), 0);
    expect([sum(6), sum(7), sum(8)]).toEqual([
      summary.participantTurns,
      summary.women.turns,
      summary.ethnicMinority.turns,
    ]);
    expect(rows.every((row) => row[9] === 'Đã duyệt')).toBe(true);
  });

  it('neutralises titles a spreadsheet would run as formulas with a leading apostrophe', async () => {
    const { text } = await download(YEAR);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    const titles = parseCsv(text.slice(1)).map((r) => r[3]);
    expect(titles).toContain(`'${INJECTION}`);
    expect(titles).toContain("'@SUM(A1)");
    expect(titles).not.toContain(INJECTION);
  });

  it('speaks English with lang=en', async () => {
    const rows = parseCsv((await download(`${YEAR}&lang=en`)).text.slice(1));
    expect(rows[0]![0]).toBe('Date');
    expect(rows[4]).toEqual([
      '2026-03-03 – 2026-03-05',
      'Công đoàn Bệnh viện Đa khoa huyện Tương Dương',
      'Training',
      'Lớp tập huấn ba ngày, Tương Dương',
      'The Gender Equality Law 2006 and its implementing regulations; Preventing domestic violence',
      'Headcount',
      '20',
      '12',
      '7',
      'Waiting for review',
    ]);
  });

  it('names the file in Vietnamese with an ASCII fallback', async () => {
    const { response } = await download(YEAR);
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="bao-cao-tap-huan_2026-01-01_2026-12-31.csv"; ' +
        "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20t%E1%BA%ADp%20hu%E1%BA%A5n_2026-01-01_2026-12-31.csv",
    );
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });

  it('audit-logs who exported, with which filters and how many rows', async () => {
    await download(`${YEAR}&format=training`);
    const [organiser] = await t.db.select().from(users).where(eq(users.username, 'organiser.na'));
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.export'), eq(auditLog.userId, organiser!.id)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({
      spaceId: organiser!.spaceId,
      detail: {
        format: 'csv',
        sessionRows: 2,
        namedData: false,
        filters: {
          from: '2026-01-01',
          to: '2026-12-31',
          format: 'training',
          unitId: null,
          topicId: null,
          status: ['submitted', 'approved'],
          lang: 'vi',
        },
      },
    });
  });
});
