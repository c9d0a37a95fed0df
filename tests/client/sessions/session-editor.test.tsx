import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { todayIn } from '#domain/rules/dates';
import { currentLocation, renderApp, resetApp } from '../shell/app-harness';
import { seedDevice, storedSession, type Device } from './fixtures';

// The first render loads the page's code on demand; on a busy machine that takes a while.
configure({ asyncUtilTimeout: 8000 });

let device: Device;

beforeEach(async () => {
  await resetApp();
  currentLocation.pathname = '';
  device = await seedDevice();
});
afterEach(resetApp);

/** Opens /sessions/new and resolves with the id the new draft got. */
async function openNewSession(): Promise<string> {
  renderApp('/sessions/new');
  await waitFor(() => expect(currentLocation.pathname).toMatch(/^\/sessions\/[0-9a-f-]{36}$/));
  await screen.findByLabelText('Tên buổi');
  return currentLocation.pathname.split('/')[2] ?? '';
}

function submitCard(): HTMLElement {
  const heading = screen.getByRole('heading', { level: 2, name: 'Gửi duyệt' });
  return heading.closest('section') as HTMLElement;
}

describe('the session editor', { timeout: 30_000 }, () => {
  it('creates a draft at once: the row and its session.put outbox entry, then the address of the new session', async () => {
    const id = await openNewSession();
    const row = await device.db.sessions.get(id);
    expect(row).toMatchObject({
      status: 'draft',
      trainerId: device.trainer.id,
      unitId: device.trainer.unitId,
      provinceCode: '40',
      startDate: todayIn(),
      endDate: todayIn(),
      attendanceMode: 'roster',
      pending: true,
    });
    const outbox = await device.db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ name: 'session.put', entityId: id });
    expect(['pending', 'sent']).toContain(outbox[0]?.status); // the sync runner may already be trying
    expect(screen.getByText('Đã lưu')).toBeTruthy();
    expect((await screen.findByLabelText<HTMLSelectElement>('Tỉnh, thành phố')).value).toBe('40');
  });

  it('saves a typed title at once, before the field even loses focus, and says so', async () => {
    const id = await openNewSession();
    const title = screen.getByLabelText('Tên buổi');
    fireEvent.change(title, { target: { value: 'Bình đẳng giới ở bản Khe Rạn' } });
    expect(screen.getByText('Đang lưu…')).toBeTruthy();
    await waitFor(async () => expect((await device.db.sessions.get(id))?.title).toBe('Bình đẳng giới ở bản Khe Rạn'));
    fireEvent.focusOut(title);
    expect(await screen.findByText('Đã lưu')).toBeTruthy();
    const queued = await device.db.outbox.orderBy('id').last();
    expect(queued).toMatchObject({ name: 'session.put', args: { id, title: 'Bình đẳng giới ở bản Khe Rạn' } });
  });

  it('sends only the changed field of a session the server already has', async () => {
    const session = storedSession(device);
    await device.db.sessions.put(session);
    renderApp(`/sessions/${session.id}`);
    fireEvent.change(await screen.findByLabelText('Địa điểm'), { target: { value: 'Hội trường UBND xã Con Cuông' } });
    await waitFor(async () =>
      expect((await device.db.sessions.get(session.id))?.placeName).toBe('Hội trường UBND xã Con Cuông'),
    );
    const queued = await device.db.outbox.toArray();
    expect(queued.map((entry) => entry.args)).toEqual([{ id: session.id, placeName: 'Hội trường UBND xã Con Cuông' }]);
  });

  it('replays what a crash left in the typing journal the next time the session opens, then clears it', async () => {
    const session = storedSession(device);
    await device.db.sessions.put(session);
    const key = `tlb.typing.${device.db.userId}.${session.id}`;
    localStorage.setItem(key, JSON.stringify({ placeName: 'Nhà văn hoá bản Khe Rạn' }));
    renderApp(`/sessions/${session.id}`);
    await waitFor(async () =>
      expect((await device.db.sessions.get(session.id))?.placeName).toBe('Nhà văn hoá bản Khe Rạn'),
    );
    expect((await screen.findByLabelText<HTMLInputElement>('Địa điểm')).value).toBe('Nhà văn hoá bản Khe Rạn');
    await waitFor(() => expect(localStorage.getItem(key)).toBeNull());
  });

  it('keeps typed text in the journal until the database holds it', async () => {
    const id = await openNewSession();
    const key = `tlb.typing.${device.db.userId}.${id}`;
    fireEvent.change(screen.getByLabelText('Tên buổi'), { target: { value: 'Phòng chống bạo lực gia đình' } });
    expect(JSON.parse(localStorage.getItem(key) ?? '{}')).toMatchObject({ title: 'Phòng chống bạo lực gia đình' });
    await waitFor(async () => expect((await device.db.sessions.get(id))?.title).toBe('Phòng chống bạo lực gia đình'));
    await waitFor(() => expect(localStorage.getItem(key)).toBeNull());
  });

  it('finds a commune without diacritics and stores its code, name and code set', async () => {
    const id = await openNewSession();
    fireEvent.change(await screen.findByLabelText('Xã, phường'), { target: { value: 'con cuong' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Xã Con Cuông' }));
    await waitFor(async () =>
      expect(await device.db.sessions.get(id)).toMatchObject({
        communeCode: '17254',
        communeName: 'Xã Con Cuông',
        adminSet: '2026-07-25',
      }),
    );
    expect(screen.getByText('Xã Con Cuông')).toBeTruthy();
  });

  it('shows the headcount rule when women exceed the total, and does not save that headcount', async () => {
    const id = await openNewSession();
    fireEvent.click(screen.getByLabelText(/Đếm số lượng/));
    fireEvent.change(screen.getByLabelText('Tổng số người'), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('Trong đó nữ'), { target: { value: '12' } });
    expect(await screen.findByText('Số nữ không lớn hơn tổng số.')).toBeTruthy();
    fireEvent.focusOut(screen.getByLabelText('Trong đó nữ'));
    expect(await screen.findByText('Chưa lưu ô có lỗi')).toBeTruthy();
    const row = await device.db.sessions.get(id);
    expect(row?.attendanceMode).toBe('headcount');
    expect(row?.headcount ?? null).toBeNull(); // the mode is saved, the impossible numbers are not

    fireEvent.click(screen.getByRole('button', { name: 'Thêm 1: Tổng số người' })); // 11
    fireEvent.change(screen.getByLabelText('Tổng số người'), { target: { value: '20' } });
    await waitFor(async () =>
      expect((await device.db.sessions.get(id))?.headcount).toEqual({ total: 20, women: 12, ethnicMinority: 0 }),
    );
    expect(screen.queryByText('Số nữ không lớn hơn tổng số.')).toBeNull();
  });

  it('lists what is missing before submitting, each line moving focus to its field', async () => {
    await openNewSession();
    const card = submitCard();
    const missing = within(card)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(missing).toEqual([
      'Tên buổi',
      'Ít nhất một chủ đề',
      'Xã, phường hoặc địa điểm',
      'Người tham dự (danh sách hoặc tổng số)',
    ]);
    expect(within(card).getByRole<HTMLButtonElement>('button', { name: 'Gửi duyệt' }).disabled).toBe(true);
    fireEvent.click(within(card).getByRole('link', { name: 'Tên buổi' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Tên buổi'));
  });

  it('does not submit while a field shows an error: what is on screen is not what is stored', async () => {
    const id = await openNewSession();
    fireEvent.change(screen.getByLabelText('Tên buổi'), { target: { value: 'Bình đẳng giới trong gia đình' } });
    fireEvent.click(await screen.findByRole('checkbox', { name: /Phòng, chống bạo lực gia đình/ }));
    fireEvent.change(screen.getByLabelText('Địa điểm'), { target: { value: 'Nhà văn hoá bản Khe Rạn' } });
    fireEvent.click(screen.getByLabelText(/Đếm số lượng/));
    fireEvent.change(screen.getByLabelText('Tổng số người'), { target: { value: '45' } });
    const card = submitCard();
    const button = () => within(card).getByRole<HTMLButtonElement>('button', { name: 'Gửi duyệt' });
    await waitFor(() => expect(button().disabled).toBe(false));

    fireEvent.change(screen.getByLabelText('Trong đó DTTS'), { target: { value: '50' } });
    expect(await within(card).findByText('Có ô đang báo lỗi nên chưa được lưu; chưa gửi duyệt được:')).toBeTruthy();
    expect(button().disabled).toBe(true);
    expect(within(card).queryByText('Đã đủ thông tin để gửi duyệt.')).toBeNull();
    fireEvent.click(within(card).getByRole('link', { name: 'Sửa ô đang báo lỗi' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Trong đó DTTS'));

    fireEvent.change(screen.getByLabelText('Trong đó DTTS'), { target: { value: '40' } });
    await waitFor(() => expect(button().disabled).toBe(false));
    fireEvent.click(button());
    await waitFor(async () => expect((await device.db.sessions.get(id))?.status).toBe('submitted'));
    expect((await device.db.sessions.get(id))?.headcount).toEqual({ total: 45, women: 0, ethnicMinority: 40 });
  });

  it('submits a complete session, and says offline that it will be sent when online', async () => {
    const id = await openNewSession();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    window.dispatchEvent(new Event('offline'));
    fireEvent.change(screen.getByLabelText('Tên buổi'), { target: { value: 'Phòng, chống bạo lực gia đình' } });
    fireEvent.click(await screen.findByRole('checkbox', { name: /Phòng, chống bạo lực gia đình/ }));
    fireEvent.change(screen.getByLabelText('Địa điểm'), { target: { value: 'Nhà văn hoá bản Khe Rạn' } });
    fireEvent.click(screen.getByLabelText(/Đếm số lượng/));
    fireEvent.change(screen.getByLabelText('Tổng số người'), { target: { value: '25' } });
    const card = submitCard();
    await waitFor(() => expect(within(card).queryAllByRole('listitem')).toHaveLength(0));
    fireEvent.click(within(card).getByRole('button', { name: 'Gửi duyệt' }));
    expect(await screen.findByText('Sẽ gửi khi có mạng.')).toBeTruthy();
    const row = await device.db.sessions.get(id);
    expect(row).toMatchObject({
      status: 'submitted',
      title: 'Phòng, chống bạo lực gia đình',
      placeName: 'Nhà văn hoá bản Khe Rạn',
      topicIds: [device.topics[1]?.id],
      headcount: { total: 25, women: 0, ethnicMinority: 0 },
    });
    const queued = await device.db.outbox.orderBy('id').last();
    expect(queued).toMatchObject({ name: 'session.submit', args: { id } });
  });

  it('opens an approved session read-only and says why', async () => {
    const session = storedSession(device, { status: 'approved', reviewedAt: '2026-03-05T02:00:00.000Z' });
    await device.db.sessions.put(session);
    renderApp(`/sessions/${session.id}`);
    expect(await screen.findByText(/đã được duyệt nên không sửa được nữa/)).toBeTruthy();
    const title = screen.getByLabelText<HTMLInputElement>('Tên buổi');
    expect(title.value).toBe('Bình đẳng giới trong gia đình');
    expect(title.closest('fieldset')?.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: /Gửi duyệt/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Xoá/ })).toBeNull();
    expect(screen.queryByText('Đã lưu')).toBeNull();
  });

  it('shows the organiser’s comment on a returned session and resubmits it once fixed', async () => {
    const session = storedSession(device, {
      status: 'returned',
      reviewComment: 'Thiếu ảnh minh chứng và số nữ chưa đúng.',
    });
    await device.db.sessions.put(session);
    renderApp(`/sessions/${session.id}`);
    expect(await screen.findByText('Thiếu ảnh minh chứng và số nữ chưa đúng.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Trong đó nữ'), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi duyệt lại' }));
    await waitFor(async () => expect((await device.db.sessions.get(session.id))?.status).toBe('submitted'));
    expect((await device.db.sessions.get(session.id))?.headcount?.women).toBe(20);
  });

  it('deletes a draft only after the trainer confirms', async () => {
    const id = await openNewSession();
    fireEvent.click(screen.getByRole('button', { name: 'Xoá bản nháp này' }));
    expect(await device.db.sessions.get(id)).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Xoá bản nháp' }));
    await waitFor(() => expect(currentLocation.pathname).toBe('/sessions'));
    expect(await device.db.sessions.get(id)).toBeUndefined();
  });
});
