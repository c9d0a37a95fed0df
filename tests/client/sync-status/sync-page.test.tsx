import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putAttendance, putParticipant, putPhoto, putSession, submitSession } from '#client/db/local-writes.ts';
import { setLanguage } from '#client/i18n.ts';
import type { ApiError } from '#domain/schemas/error';
import { newParticipant, newSession, readyToSubmit, serverSession } from '../db/fixtures';
import { renderApp, resetApp } from '../shell/app-harness';
import { signedInTrainer } from './sync-harness';

const sessionFields = { title: 'Tập huấn Luật Bình đẳng giới', startDate: '2026-11-12', endDate: '2026-11-12' };
const attentionList = async () => within(await screen.findByRole('region', { name: 'Cần xử lý' }));
/** The value next to a label in the unsent-by-kind list. */
const countOf = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;

describe('the sync page', () => {
  beforeEach(resetApp);
  afterEach(resetApp);

  it('lists a refused session by its title and date, says why in plain words, and keeps the others going', async () => {
    const { db, network } = signedInTrainer();
    network.server.refuse = (m) =>
      m.name === 'session.put'
        ? {
            code: 'invalid',
            message: 'bad',
            fields: { 'headcount.women': 'women_over_total', endDate: 'invalid_date' },
          }
        : undefined;
    const session = newSession(sessionFields);
    await putSession(db, session);
    await putParticipant(db, newParticipant());
    renderApp('/sync');

    const list = await attentionList();
    expect(await list.findByRole('heading', { name: 'Buổi: Tập huấn Luật Bình đẳng giới – 12/11/2026' })).toBeTruthy();
    expect(list.getByText(/Thông tin chưa hợp lệ ở: Ngày kết thúc\./)).toBeTruthy();
    expect(list.getByText(/Số nữ lớn hơn tổng số người\./)).toBeTruthy();
    expect(
      list.getByText('Các thay đổi khác vẫn được gửi bình thường; chỉ những mục dưới đây đang chờ bạn.'),
    ).toBeTruthy();
    const fix = list.getByRole('link', { name: 'Sửa: Buổi: Tập huấn Luật Bình đẳng giới – 12/11/2026' });
    expect(fix.getAttribute('href')).toBe(`/sessions/${session.id}`);
    // The participant was not held back by the refused session.
    await waitFor(() => expect(screen.getByText('Mọi thay đổi đã được gửi lên máy chủ.')).toBeTruthy());
  });

  it('discards a refused change only after saying what will be lost, and removes it', async () => {
    const { db, network } = signedInTrainer();
    network.server.refuse = (m) => (m.name === 'session.put' ? { code: 'forbidden', message: 'no' } : undefined);
    const session = newSession(sessionFields);
    await putSession(db, session);
    renderApp('/sync');

    const list = await attentionList();
    expect(await list.findByText(/Tài khoản của bạn không được phép lưu thay đổi này/)).toBeTruthy();
    fireEvent.click(list.getByRole('button', { name: 'Bỏ: Buổi: Tập huấn Luật Bình đẳng giới – 12/11/2026' }));
    expect(list.getByText('Mục này chưa có trên máy chủ, nên sẽ bị xoá khỏi máy này.')).toBeTruthy();
    expect(await db.sessions.get(session.id)).toBeDefined();

    fireEvent.click(list.getByRole('button', { name: 'Bỏ thay đổi' }));
    expect(await list.findByText('Không có gì cần xử lý.')).toBeTruthy();
    expect(await db.sessions.get(session.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await screen.findByRole('link', { name: /^Đã đồng bộ/ })).toBeTruthy();
  });

  it('keeps a refused change when the trainer changes their mind', async () => {
    const { db, network } = signedInTrainer();
    network.server.refuse = () => ({ code: 'forbidden', message: 'no' });
    await putParticipant(db, newParticipant({ fullName: 'Lò Văn Páo' }));
    renderApp('/sync');
    const list = await attentionList();
    fireEvent.click(await list.findByRole('button', { name: 'Bỏ: Người tham dự: Lò Văn Páo' }));
    fireEvent.click(list.getByRole('button', { name: 'Giữ lại' }));
    expect(list.getByRole('heading', { name: 'Người tham dự: Lò Văn Páo' })).toBeTruthy();
    expect(await db.outbox.count()).toBe(1);
  });

  it('names the missing items of a refused submit, the duplicate person of a roster, and the wrong fields', async () => {
    const { db, network } = signedInTrainer();
    network.server.refuse = (m): ApiError | undefined => {
      if (m.name === 'session.submit')
        return { code: 'incomplete', message: 'x', fields: { title: 'missing', topics: 'missing' } };
      if (m.name === 'attendance.put') return { code: 'duplicate_attendance', message: 'x' };
      if (m.name === 'participant.put' && (m.args as { fullName?: string }).fullName === 'Hà Thị Sợi') {
        return { code: 'invalid', message: 'x', fields: { phone: 'invalid_format', 'consent.at': 'invalid_format' } };
      }
      return undefined;
    };
    const session = newSession({ ...sessionFields, ...readyToSubmit, attendanceMode: 'roster', headcount: null });
    const hoa = newParticipant();
    await putSession(db, session);
    await putParticipant(db, hoa);
    await putAttendance(db, { id: uuidv7(), sessionId: session.id, participantId: hoa.id });
    await submitSession(db, session.id);
    const soi = newParticipant({ fullName: 'Hà Thị Sợi' });
    await putParticipant(db, soi);
    renderApp('/sync');

    const list = await attentionList();
    expect(await list.findByText('Buổi còn thiếu tên buổi và chủ đề. Hãy bổ sung rồi gửi duyệt lại.')).toBeTruthy();
    expect(list.getByText('Thay đổi: gửi duyệt')).toBeTruthy();

    expect(list.getByRole('heading', { name: 'Điểm danh: Nguyễn Thị Hoà' })).toBeTruthy();
    expect(list.getByText(/Nguyễn Thị Hoà đã có trong danh sách của buổi này/)).toBeTruthy();
    const roster = list.getByRole('link', { name: 'Sửa: Điểm danh: Nguyễn Thị Hoà' });
    expect(roster.getAttribute('href')).toBe(`/sessions/${session.id}/roster`);

    expect(list.getByText(/Thông tin chưa hợp lệ ở: Số điện thoại và Ngày đồng ý\./)).toBeTruthy();
    expect(list.getByRole('link', { name: 'Sửa: Người tham dự: Hà Thị Sợi' }).getAttribute('href')).toBe(
      `/participants/${soi.id}`,
    );
    expect(await screen.findByRole('link', { name: 'Cần xử lý 3' })).toBeTruthy();
  });

  it('says the reason in English for an English-speaking trainer', async () => {
    const { db, network } = signedInTrainer();
    network.server.refuse = () => ({ code: 'session_locked', message: 'locked' });
    await setLanguage('en');
    await putSession(db, newSession(sessionFields));
    renderApp('/sync');
    const region = within(await screen.findByRole('region', { name: 'Needs attention' }));
    expect(
      await region.findByRole('heading', { name: 'Session: Tập huấn Luật Bình đẳng giới – 12/11/2026' }),
    ).toBeTruthy();
    expect(region.getByText(/This session has been approved, so it can no longer be changed/)).toBeTruthy();
  });

  it('counts the unsent changes by kind', async () => {
    const { db, network } = signedInTrainer();
    network.offline = true;
    const session = newSession(sessionFields);
    const person = newParticipant();
    await putSession(db, session);
    await putParticipant(db, person);
    await putParticipant(db, newParticipant({ fullName: 'Vi Văn Thắng' }));
    await putAttendance(db, { id: uuidv7(), sessionId: session.id, participantId: person.id });
    const image = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    await putPhoto(
      db,
      {
        id: uuidv7(),
        sessionId: session.id,
        mime: 'image/jpeg',
        bytes: 4,
        sha256: 'a'.repeat(64),
        width: 1,
        height: 1,
      },
      image.buffer,
    );
    renderApp('/sync');

    // The page's own count (the top bar's chip says it too, before the scheduler has run).
    await screen.findByText('Buổi tập huấn', { selector: 'dt' });
    expect(within(screen.getByRole('main')).getByText('5 thay đổi chưa gửi')).toBeTruthy();
    expect(countOf('Buổi tập huấn')).toBe('1');
    expect(countOf('Người tham dự')).toBe('2');
    expect(countOf('Điểm danh')).toBe('1');
    expect(countOf('Ảnh')).toBe('1');
    expect(await screen.findByText(/Không có mạng\. Những gì bạn ghi vẫn lưu trên máy/)).toBeTruthy();
  });

  it('lists an image the server refused with its reason, and sends it again on demand', async () => {
    const { db, network } = signedInTrainer();
    network.server.refusePhotos = { status: 413, code: 'too_large' };
    const session = newSession(sessionFields);
    await putSession(db, session);
    const id = uuidv7();
    const image = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', image));
    const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    await putPhoto(
      db,
      { id, sessionId: session.id, mime: 'image/jpeg', bytes: 4, sha256, width: 1, height: 1, caption: 'Lớp học' },
      image.slice().buffer,
    );
    renderApp('/sync');

    const list = await attentionList();
    expect(await list.findByRole('heading', { name: 'Ảnh: Lớp học' })).toBeTruthy();
    expect(list.getByText('Buổi: Tập huấn Luật Bình đẳng giới – 12/11/2026')).toBeTruthy();
    expect(list.getByText(/Ảnh quá lớn để gửi lên máy chủ/)).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Cần xử lý 1' })).toBeTruthy();

    network.server.refusePhotos = null;
    fireEvent.click(list.getByRole('button', { name: 'Gửi lại: Ảnh: Lớp học' }));
    expect(await list.findByText('Không có gì cần xử lý.')).toBeTruthy();
    await waitFor(() => expect(network.server.photos.get(id)).toEqual(image));
    await waitFor(async () => expect(await db.photoBlobs.get(id)).toMatchObject({ uploaded: true }));
  });

  it("discards a refused image's photo only after saying so, in the trainer's language", async () => {
    const { db, network } = signedInTrainer();
    await setLanguage('en');
    const session = newSession(sessionFields);
    await putSession(db, session);
    const id = uuidv7();
    await putPhoto(
      db,
      { id, sessionId: session.id, mime: 'image/jpeg', bytes: 2, sha256: 'c'.repeat(64), width: 1, height: 1 },
      new Uint8Array([1, 2]).buffer,
    );
    renderApp('/sync');

    const region = within(await screen.findByRole('region', { name: 'Needs attention' }));
    expect(await region.findByRole('heading', { name: 'An evidence photo' })).toBeTruthy();
    expect(region.getByText(/does not match the photo's details/)).toBeTruthy();
    fireEvent.click(region.getByRole('button', { name: 'Discard: An evidence photo' }));
    expect(region.getByText('The photo will be removed from the session and from this device.')).toBeTruthy();
    expect(await db.photos.get(id)).toBeDefined();

    fireEvent.click(region.getByRole('button', { name: 'Discard photo' }));
    expect(await region.findByText('Nothing needs your attention.')).toBeTruthy();
    expect(await db.photos.get(id)).toBeUndefined();
    expect(await db.photoBlobs.get(id)).toBeUndefined();
    await waitFor(() => expect(network.server.rows.get(`photo:${id}`)?.deleted).toBe(true));
  });

  it('lists a session the organiser returned, with the comment', async () => {
    const { user, network } = signedInTrainer();
    const id = uuidv7();
    network.server.version = 1;
    network.server.rows.set(
      `session:${id}`,
      serverSession(id, 1, {
        ...sessionFields,
        trainerId: user.id,
        status: 'returned',
        reviewComment: 'Thiếu ảnh danh sách ký tên.',
      }),
    );
    renderApp('/sync');

    const list = await attentionList();
    expect(await list.findByRole('heading', { name: 'Buổi: Tập huấn Luật Bình đẳng giới – 12/11/2026' })).toBeTruthy();
    expect(list.getByText('Bị trả lại')).toBeTruthy();
    expect(list.getByText('Nhận xét của cán bộ tổ chức: Thiếu ảnh danh sách ký tên.')).toBeTruthy();
    expect(list.getByRole('link', { name: /^Sửa:/ }).getAttribute('href')).toBe(`/sessions/${id}`);
    expect(await screen.findByRole('link', { name: 'Cần xử lý 1' })).toBeTruthy();
  });

  it('shows the phase of a running sync with a progress bar, and syncs again on demand', async () => {
    const { db, network } = signedInTrainer();
    network.server.failWith = { status: 503, code: 'unavailable' };
    await putSession(db, newSession(sessionFields));
    renderApp('/sync');
    expect(await screen.findByText(/Lần đồng bộ vừa rồi chưa xong\. Máy chủ đang tạm ngừng/)).toBeTruthy();

    network.server.failWith = null;
    network.holdPulls();
    fireEvent.click(screen.getByRole('button', { name: 'Đồng bộ ngay' }));
    expect(await screen.findByText('Đang nhận dữ liệu mới…')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Tiến độ đồng bộ' })).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: /Đang đồng bộ/ }).disabled).toBe(true);

    network.releasePulls();
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(screen.getByText('Mọi thay đổi đã được gửi lên máy chủ.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Đồng bộ ngay' })).toBeTruthy();
  });
});
