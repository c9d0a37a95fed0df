import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDateTime } from '#client/ui/format.ts';
import {
  participantRow,
  renderAt,
  resetDevice,
  seedOrganiserDevice,
  seedRoster,
  sessionRow,
  topic,
  trainer,
} from './review-fixtures';

function setOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { value: online, configurable: true });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

describe('the session review page', () => {
  beforeEach(resetDevice);
  afterEach(async () => {
    setOnline(true);
    await resetDevice();
  });

  it('leaves a cell empty when nothing was recorded for it, so a phone shows no label without a value', async () => {
    const db = await seedOrganiserDevice();
    const session = sessionRow({ attendanceMode: 'roster', headcount: null });
    await db.sessions.put(session);
    await seedRoster(db, session.id, [
      participantRow({ fullName: 'Lò Văn Xôm', birthYear: null, unionRole: null, position: null, workplace: null }),
    ]);

    renderAt(`/review/${session.id}`);

    const row = (await screen.findByRole('rowheader', { name: 'Lò Văn Xôm' })).closest('tr')!;
    expect(row.querySelector('td[data-label="Vai trò, nơi làm việc"]')?.childNodes).toHaveLength(0);
    expect(row.querySelector('td[data-label="Năm sinh"]')?.childNodes).toHaveLength(0);
  });

  it('shows what was recorded, with the roster and each person’s ethnicity', async () => {
    const db = await seedOrganiserDevice();
    const session = sessionRow({ attendanceMode: 'roster', headcount: null, plannedParticipants: 40, notes: 'Mưa to' });
    await db.sessions.put(session);
    await seedRoster(db, session.id, [
      participantRow({ fullName: 'Vi Thị Lan', ethnicity: '03' }),
      participantRow({ fullName: 'Lầu Bá Chư', gender: 'male', ethnicity: '08', unionRole: 'grassroots-chair' }),
    ]);

    renderAt(`/review/${session.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: session.title })).toBeTruthy();
    expect(screen.getByText('Tập huấn')).toBeTruthy();
    expect(screen.getByText(topic.nameVi)).toBeTruthy();
    expect(screen.getByText(/Nhà văn hoá bản Khe Rạn, Xã Con Cuông/)).toBeTruthy();
    expect(screen.getByText('Mưa to')).toBeTruthy();
    expect(screen.getByText('2 người · 1 nữ · 2 DTTS')).toBeTruthy();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(['Lầu Bá Chư', 'Vi Thị Lan']);
    expect(rows[0]?.textContent).toContain('Mông');
    expect(rows[0]?.textContent).toContain('Chủ tịch CĐCS');
    expect(rows[1]?.textContent).toContain('Thái');
    expect(screen.getByRole('link', { name: 'In danh sách ký tên' }).getAttribute('href')).toBe(
      `/sessions/${session.id}/print`,
    );
  });

  it('returns a session only with a comment, and queues the decision with it', async () => {
    const db = await seedOrganiserDevice();
    const session = sessionRow();
    await db.sessions.put(session);
    renderAt(`/review/${session.id}`);

    const returnButton = await screen.findByRole('button', { name: 'Trả lại' });
    expect((returnButton as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Nhận xét'), { target: { value: '   ' } });
    expect((returnButton as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Nhận xét'), { target: { value: ' Thiếu ảnh buổi học ' } });
    expect((returnButton as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(returnButton);

    expect(await screen.findByText('Buổi này đã được trả lại cho tập huấn viên.')).toBeTruthy();
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      name: 'session.review',
      status: 'pending',
      args: { id: session.id, decision: 'return', comment: 'Thiếu ảnh buổi học' },
    });
    expect(await db.sessions.get(session.id)).toMatchObject({
      status: 'returned',
      reviewComment: 'Thiếu ảnh buổi học',
    });
    expect(screen.getByText(/Nhận xét: Thiếu ảnh buổi học/)).toBeTruthy();
  });

  it('approves offline into the outbox and says it will send when online', async () => {
    const db = await seedOrganiserDevice();
    const session = sessionRow();
    const next = sessionRow({ title: 'Buổi sau', submittedAt: '2026-03-09T02:00:00.000Z' });
    await db.sessions.bulkPut([session, next]);
    setOnline(false);
    renderAt(`/review/${session.id}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Duyệt' }));

    expect(await screen.findByText('Buổi này đã được duyệt.')).toBeTruthy();
    expect(screen.getByText(/Sẽ gửi khi có mạng/)).toBeTruthy();
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      name: 'session.review',
      entityId: session.id,
      args: { id: session.id, decision: 'approve' },
    });
    expect(entries[0]?.args).not.toHaveProperty('comment');
    expect(await db.sessions.get(session.id)).toMatchObject({
      status: 'approved',
      reviewedBy: db.userId,
      pending: true,
    });
    expect(screen.queryByRole('button', { name: 'Duyệt' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Buổi chờ duyệt tiếp theo' }).getAttribute('href')).toBe(
      `/review/${next.id}`,
    );
  });

  it('shows the history with who reviewed and when', async () => {
    const db = await seedOrganiserDevice();
    const session = sessionRow({
      status: 'submitted',
      reviewedAt: '2026-03-04T03:00:00.000Z',
      reviewedBy: trainer.id,
      reviewComment: 'Bổ sung danh sách',
      submittedAt: '2026-03-06T02:00:00.000Z',
    });
    await db.sessions.put(session);
    renderAt(`/review/${session.id}`);

    const history = await screen.findByRole('region', { name: 'Lịch sử' });
    const items = within(history)
      .getAllByRole('listitem')
      .map((item) => item.textContent ?? '');
    expect(items).toHaveLength(3);
    expect(items[0]).toContain('Tạo bản ghi');
    expect(items[1]).toContain('Trả lại');
    expect(items[1]).toContain('Nhận xét: Bổ sung danh sách');
    expect(items[2]).toContain('Gửi lại sau khi sửa');
  });

  it('shows what the trainer did offline at the device’s clock, marked as such, and when the server got it', async () => {
    const db = await seedOrganiserDevice();
    // Recorded and submitted on the 2nd and 3rd of March without signal; synced on the 6th.
    const session = sessionRow({
      status: 'submitted',
      createdAt: '2026-03-06T09:00:00.000Z',
      submittedAt: '2026-03-06T09:00:00.000Z',
      createdClientAt: '2026-03-02T01:15:00.000Z',
      submittedClientAt: '2026-03-03T10:40:00.000Z',
    });
    await db.sessions.put(session);
    renderAt(`/review/${session.id}`);

    const history = await screen.findByRole('region', { name: 'Lịch sử' });
    const items = within(history).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const [created, submitted] = items as [HTMLElement, HTMLElement];
    expect(created.textContent).toContain('Tạo bản ghi');
    expect(created.textContent).toContain(
      `${formatDateTime('2026-03-02T01:15:00.000Z')} · theo giờ máy của tập huấn viên`,
    );
    expect(created.textContent).toContain(`Máy chủ nhận lúc ${formatDateTime('2026-03-06T09:00:00.000Z')}`);
    expect(submitted.textContent).toContain('Gửi duyệt');
    expect(submitted.textContent).toContain(
      `${formatDateTime('2026-03-03T10:40:00.000Z')} · theo giờ máy của tập huấn viên`,
    );
    expect(created.querySelector('time')?.getAttribute('dateTime')).toBe('2026-03-02T01:15:00.000Z');
  });

  it('shows the server’s time, unmarked, for a session that kept no device time', async () => {
    const db = await seedOrganiserDevice();
    const session = sessionRow({
      status: 'submitted',
      createdAt: '2026-03-06T09:00:00.000Z',
      submittedAt: '2026-03-06T09:00:00.000Z',
    });
    await db.sessions.put(session);
    renderAt(`/review/${session.id}`);

    const history = await screen.findByRole('region', { name: 'Lịch sử' });
    expect(history.textContent).toContain(formatDateTime('2026-03-06T09:00:00.000Z'));
    expect(history.textContent).not.toContain('theo giờ máy');
    expect(history.textContent).not.toContain('Máy chủ nhận lúc');
  });

  it('says the session is not on this device yet, and where to sync', async () => {
    await seedOrganiserDevice();
    renderAt('/review/0190a5b4-8c2e-7f00-8000-00000000dead');
    expect(await screen.findByText('Không có buổi này trên máy.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Mở trang Đồng bộ' }).getAttribute('href')).toBe('/sync');
  });
});
