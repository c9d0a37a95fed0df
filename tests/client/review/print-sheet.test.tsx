import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttendanceSheet } from '#domain/schemas/attendance-sheet';
import { requestUrl } from '../../support/request-url';
import {
  participantRow,
  province,
  renderAt,
  resetDevice,
  school,
  seedOrganiserDevice,
  seedRoster,
  sessionRow,
  topic,
  trainer,
} from './review-fixtures';

function bodyRows(): HTMLElement[] {
  return within(screen.getByRole('table')).getAllByRole('row').slice(1);
}

describe('the printable attendance sheet', () => {
  beforeEach(resetDevice);
  afterEach(async () => {
    vi.unstubAllGlobals();
    await resetDevice();
  });

  it('prints the letterhead, numbered rows and blank rows up to the planned number', async () => {
    const db = await seedOrganiserDevice();
    const session = sessionRow({ attendanceMode: 'roster', headcount: null, plannedParticipants: 10 });
    await db.sessions.put(session);
    await seedRoster(db, session.id, [
      participantRow({ fullName: 'Vi Thị Lan', ethnicity: '03' }),
      participantRow({
        fullName: 'Lầu Bá Chư',
        gender: 'male',
        ethnicity: '08',
        position: 'Bảo vệ',
        workplace: 'Trường THPT',
      }),
    ]);

    renderAt(`/sessions/${session.id}/print`);

    expect(await screen.findByRole('heading', { level: 2, name: 'DANH SÁCH NGƯỜI THAM DỰ' })).toBeTruthy();
    expect(screen.getByText(province.name.toLocaleUpperCase('vi-VN'))).toBeTruthy();
    expect(screen.getByText(school.name.toLocaleUpperCase('vi-VN'))).toBeTruthy();
    expect(screen.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeTruthy();
    expect(screen.getByText('Độc lập - Tự do - Hạnh phúc')).toBeTruthy();
    expect(screen.getByText('Con Cuông, ngày 02 tháng 03 năm 2026')).toBeTruthy();
    expect(screen.getByText(topic.nameVi)).toBeTruthy();
    const headers = within(screen.getByRole('table'))
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['STT', 'Họ và tên', 'Giới tính', 'Năm sinh', 'Dân tộc (*)', 'Đơn vị / Chức vụ', 'Ký tên']);

    const rows = bodyRows();
    expect(rows).toHaveLength(10);
    const cells = (row: HTMLElement | undefined) =>
      [...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent);
    expect(cells(rows[0])).toEqual(['1', 'Lầu Bá Chư', 'Nam', '1988', '', 'Bảo vệ, Trường THPT', '']);
    expect(cells(rows[1])?.slice(0, 2)).toEqual(['2', 'Vi Thị Lan']);
    expect(cells(rows[9])).toEqual(['10', '', '', '', '', '', '']);
    // Ethnicity never goes round the room on paper; only the session's totals count it.
    expect(screen.queryByText('Thái')).toBeNull();
    expect(screen.getByText('Tổng số: 2 người; trong đó nữ: 1; dân tộc thiểu số: 2.')).toBeTruthy();
    expect(screen.getByText(trainer.displayName)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'In' })).toBeTruthy();
  });

  it('leaves five blank rows after the listed names for people who walk in', async () => {
    const db = await seedOrganiserDevice();
    const session = sessionRow({ attendanceMode: 'roster', headcount: null, plannedParticipants: 2 });
    await db.sessions.put(session);
    await seedRoster(db, session.id, [
      participantRow({ fullName: 'Vi Thị Lan', ethnicity: '03' }),
      participantRow({ fullName: 'Lầu Bá Chư', gender: 'male', ethnicity: '08' }),
    ]);

    renderAt(`/sessions/${session.id}/print`);

    await screen.findByText('Vi Thị Lan');
    const rows = bodyRows();
    expect(rows).toHaveLength(2 + 5);
    const cells = (row: HTMLElement | undefined) =>
      [...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent);
    expect(cells(rows[2])).toEqual(['3', '', '', '', '', '', '']);
    expect(cells(rows[6])).toEqual(['7', '', '', '', '', '', '']);
  });

  it('fetches the sheet from the server when the session is not on this device', async () => {
    await seedOrganiserDevice();
    const id = '0190a5b4-8c2e-7f00-8000-00000000beef';
    const sheet: AttendanceSheet = {
      session: {
        id,
        title: 'Buổi ở xa',
        format: 'communication',
        startDate: '2026-04-10',
        endDate: '2026-04-10',
        placeName: 'Hội trường',
        communeName: null,
        provinceCode: '40',
        attendanceMode: 'headcount',
        headcount: { total: 3, women: 2, ethnicMinority: 1 },
        status: 'approved',
        trainerName: 'Lương Thị Hoa',
      },
      unit: { id: school.id, name: school.name, shortName: school.shortName },
      topics: [],
      roster: [],
    };
    const fetchStub = vi.fn(async (_input: RequestInfo | URL) => new Response(JSON.stringify(sheet), { status: 200 }));
    vi.stubGlobal('fetch', fetchStub);

    renderAt(`/sessions/${id}/print`);

    expect(await screen.findByText('Buổi ở xa')).toBeTruthy();
    expect(requestUrl(fetchStub.mock.calls[0]?.[0])).toBe(`/api/reports/sessions/${id}/attendance-sheet`);
    expect(screen.getByText(province.name.toLocaleUpperCase('vi-VN'))).toBeTruthy();
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    expect(screen.getByText('Tổng số: 3 người; trong đó nữ: 2; dân tộc thiểu số: 1.')).toBeTruthy();
  });

  it('says so when neither the device nor the server has the session', async () => {
    await seedOrganiserDevice();
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: { code: 'not_found', message: 'No such session' } }), { status: 404 }),
      ),
    );
    renderAt('/sessions/0190a5b4-8c2e-7f00-8000-00000000f00d/print');
    expect(await screen.findByText('Không tìm thấy buổi này.')).toBeTruthy();
  });
});
