// The reports page as a UI: download links that carry the filters, the "hide counts under 5" switch,
// and the period's sessions from the local database with their attendance-sheet links.
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openUserDb } from '#client/db/database.ts';
import type { LocalSession } from '#client/db/local-rows.ts';
import { todayIn } from '#domain/rules/dates';
import { rememberUser, renderApp, resetApp } from '../shell/app-harness';
import { genderTopic, organiser, schoolUnit, seedReference, stubFetch } from './report-fixtures';

const year = todayIn().slice(0, 4);

function session(overrides: Partial<LocalSession>): LocalSession {
  return {
    id: '0190a5b4-8c2e-7f00-8000-0000000000d1',
    trainerId: '0190a5b4-8c2e-7f00-8000-000000000001',
    unitId: schoolUnit.id,
    format: 'training',
    title: 'Tập huấn Luật Bình đẳng giới',
    topicIds: [genderTopic.id],
    startDate: `${year}-03-12`,
    endDate: `${year}-03-12`,
    provinceCode: '40',
    adminSet: '2026-07-25',
    placeName: 'Hội trường',
    attendanceMode: 'headcount',
    headcount: { total: 40, women: 30, ethnicMinority: 20 },
    status: 'approved',
    pending: false,
    rejected: false,
    ...overrides,
  };
}

function href(name: string): URL {
  return new URL(screen.getByRole('link', { name }).getAttribute('href') ?? '', 'http://localhost');
}

describe('the reports page', () => {
  beforeEach(async () => {
    await resetApp();
    sessionStorage.clear();
    rememberUser(organiser);
    await seedReference();
    stubFetch(() => undefined);
  });
  afterEach(resetApp);

  it('builds the Excel and CSV links from the filters', async () => {
    renderApp('/reports');
    await screen.findByRole('option', { name: /CĐCS THPT Con Cuông/ });
    fireEvent.change(screen.getByLabelText('Thời gian'), { target: { value: 'custom' } });
    fireEvent.change(screen.getByLabelText('Từ ngày'), { target: { value: `${year}-02-01` } });
    fireEvent.change(screen.getByLabelText('Đến ngày'), { target: { value: `${year}-06-30` } });
    fireEvent.change(screen.getByLabelText('Đơn vị'), { target: { value: schoolUnit.id } });
    fireEvent.change(screen.getByLabelText('Chủ đề'), { target: { value: genderTopic.id } });
    fireEvent.change(screen.getByLabelText('Hình thức'), { target: { value: 'communication' } });
    fireEvent.change(screen.getByLabelText('Tính các buổi'), { target: { value: 'approved' } });

    const csv = href('Xuất CSV');
    expect(csv.pathname).toBe('/api/reports/export.csv');
    expect(Object.fromEntries(csv.searchParams)).toEqual({
      from: `${year}-02-01`,
      to: `${year}-06-30`,
      unitId: schoolUnit.id,
      topicId: genderTopic.id,
      format: 'communication',
      status: 'approved',
      lang: 'vi',
    });
    const xlsx = href('Xuất Excel');
    expect(xlsx.pathname).toBe('/api/reports/export.xlsx');
    expect(xlsx.searchParams.get('from')).toBe(`${year}-02-01`);
    expect(xlsx.searchParams.get('names')).toBe('0');
    expect(screen.getByRole('link', { name: 'Xuất CSV' }).hasAttribute('download')).toBe(true);
  });

  it('adds suppressSmall=1 when "hide counts under 5" is on', async () => {
    renderApp('/reports');
    await screen.findByRole('link', { name: 'Xuất CSV' });
    expect(href('Xuất CSV').searchParams.has('suppressSmall')).toBe(false);
    fireEvent.click(screen.getByRole('switch', { name: 'Ẩn số liệu dưới 5' }));
    expect(href('Xuất CSV').searchParams.get('suppressSmall')).toBe('1');
    expect(href('Xuất Excel').searchParams.get('suppressSmall')).toBe('1');
  });

  it("lists the period's submitted and approved sessions with a link to each attendance sheet", async () => {
    const db = openUserDb(organiser.id);
    await db.sessions.bulkPut([
      session({}),
      session({ id: '0190a5b4-8c2e-7f00-8000-0000000000d2', title: 'Buổi nháp', status: 'draft' }),
      session({
        id: '0190a5b4-8c2e-7f00-8000-0000000000d3',
        title: 'Năm trước',
        startDate: `${Number(year) - 1}-05-01`,
      }),
    ]);
    renderApp('/reports');
    const list = (await screen.findByRole('heading', { name: 'Các buổi trong kỳ' })).closest('section');
    if (!list) throw new Error('no session list');
    await within(list).findByText('Tập huấn Luật Bình đẳng giới');
    expect(within(list).queryByText('Buổi nháp')).toBeNull();
    expect(within(list).queryByText('Năm trước')).toBeNull();
    const print = within(list).getByRole('link', { name: /In danh sách ký tên: Tập huấn Luật Bình đẳng giới/ });
    expect(print.getAttribute('href')).toBe('/sessions/0190a5b4-8c2e-7f00-8000-0000000000d1/print');
    expect(within(list).getByText(`12/03/${year} · CĐCS THPT Con Cuông · Đã duyệt`)).toBeTruthy();
  });
});
