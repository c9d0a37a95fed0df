import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  hospital,
  participantRow,
  province,
  renderAt,
  resetDevice,
  school,
  seedOrganiserDevice,
  seedRoster,
  sessionRow,
  where,
} from './review-fixtures';

function rowTitles(): string[] {
  const list = screen.getByRole('list', { name: 'Danh sách buổi tập huấn' });
  return within(list)
    .getAllByRole('link')
    .map((link) => within(link).getByRole('heading', { level: 2 }).textContent ?? '');
}

describe('the review queue', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('lists the submitted sessions of the unit tree, the one waiting longest first', async () => {
    const db = await seedOrganiserDevice();
    const roster = sessionRow({
      title: 'Gửi sau cùng',
      attendanceMode: 'roster',
      headcount: null,
      submittedAt: '2026-03-20T02:00:00.000Z',
    });
    await db.sessions.bulkPut([
      roster,
      sessionRow({ title: 'Gửi đầu tiên', unitId: hospital.id, submittedAt: '2026-03-01T02:00:00.000Z' }),
      sessionRow({
        title: 'Gửi thứ hai',
        submittedAt: '2026-03-10T02:00:00.000Z',
        startDate: '2026-03-09',
        endDate: '2026-03-09',
      }),
      sessionRow({ title: 'Còn nháp', status: 'draft', submittedAt: null }),
      sessionRow({ title: 'Đã duyệt rồi', status: 'approved', reviewedAt: '2026-03-05T02:00:00.000Z' }),
    ]);
    await seedRoster(db, roster.id, [participantRow(), participantRow({ fullName: 'Lô Văn Minh', gender: 'male' })]);
    await db.photos.put({
      id: crypto.randomUUID(),
      sessionId: roster.id,
      mime: 'image/jpeg',
      bytes: 1000,
      sha256: 'a'.repeat(64),
      width: 800,
      height: 600,
      pending: false,
      rejected: false,
    });

    renderAt('/review');

    await waitFor(() => expect(rowTitles()).toEqual(['Gửi đầu tiên', 'Gửi thứ hai', 'Gửi sau cùng']));
    const last = screen.getByRole('link', { name: /Gửi sau cùng/ });
    expect(last.textContent).toContain('2 người');
    expect(last.textContent).toContain('1 ảnh');
    expect(last.textContent).toContain('Lương Thị Hoa');
    expect(last.textContent).toContain(school.shortName);
    expect(last.getAttribute('href')).toBe(`/review/${roster.id}`);
    expect(screen.getByRole('link', { name: /Gửi đầu tiên/ }).textContent).toContain('30 người');
    expect(screen.getByRole('button', { name: 'Chờ duyệt (3)' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('narrows the list to a unit and everything under it', async () => {
    const db = await seedOrganiserDevice();
    await db.sessions.bulkPut([
      sessionRow({ title: 'Ở trường', unitId: school.id }),
      sessionRow({ title: 'Ở bệnh viện', unitId: hospital.id }),
      sessionRow({ title: 'Ở tỉnh', unitId: province.id }),
    ]);
    renderAt('/review');
    await waitFor(() => expect(rowTitles()).toHaveLength(3));

    fireEvent.change(screen.getByLabelText('Đơn vị'), { target: { value: hospital.id } });
    await waitFor(() => expect(rowTitles()).toEqual(['Ở bệnh viện']));
    expect(where.search).toBe(`?unit=${hospital.id}`);

    fireEvent.change(screen.getByLabelText('Đơn vị'), { target: { value: province.id } });
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
  });

  it('filters by format and period, and says so when nothing matches', async () => {
    const db = await seedOrganiserDevice();
    await db.sessions.bulkPut([
      sessionRow({ title: 'Tháng ba', startDate: '2026-03-02', endDate: '2026-03-02' }),
      sessionRow({ title: 'Tháng năm', format: 'communication', startDate: '2026-05-02', endDate: '2026-05-02' }),
    ]);
    renderAt('/review?from=2026-04-01');
    await waitFor(() => expect(rowTitles()).toEqual(['Tháng năm']));

    fireEvent.change(screen.getByLabelText('Hình thức'), { target: { value: 'training' } });
    expect(await screen.findByText('Không có buổi nào khớp với bộ lọc.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ lọc' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Tháng ba', 'Tháng năm']));
  });

  it('says plainly when nothing is waiting, and keeps the history in its own tabs', async () => {
    const db = await seedOrganiserDevice();
    await db.sessions.bulkPut([
      sessionRow({ title: 'Duyệt trước', status: 'approved', reviewedAt: '2026-03-05T02:00:00.000Z' }),
      sessionRow({ title: 'Duyệt sau', status: 'approved', reviewedAt: '2026-03-08T02:00:00.000Z' }),
      sessionRow({
        title: 'Cần sửa',
        status: 'returned',
        reviewedAt: '2026-03-06T02:00:00.000Z',
        reviewComment: 'Thiếu ảnh',
      }),
    ]);
    renderAt('/review');

    expect(await screen.findByText('Không có buổi nào chờ duyệt.')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Đã duyệt (2)' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Duyệt sau', 'Duyệt trước']));
    fireEvent.click(screen.getByRole('button', { name: 'Đã trả lại (1)' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Cần sửa']));
    expect(screen.getByRole('link', { name: /Cần sửa/ }).textContent).toContain('Thiếu ảnh');
  });
});
