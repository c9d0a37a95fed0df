import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { todayIn } from '#domain/rules/dates';
import { rememberUser, renderApp, resetApp, serveApi } from '../shell/app-harness';
import {
  deleteTrainerDb,
  givePhoneSizedBoxes,
  openTrainerDb,
  seedPeople,
  seedRoster,
  seedSession,
  trainer,
} from '../participants/seed';

const slow = { timeout: 5000 };

async function openRoster(sessionId: string) {
  rememberUser(trainer);
  serveApi({});
  renderApp(`/sessions/${sessionId}/roster`);
  await screen.findByRole('heading', { level: 1, name: 'Danh sách người tham dự' }, slow);
  await waitFor(() => expect(screen.queryByText('Đang tải…')).toBeNull(), slow);
}

function search(text: string) {
  fireEvent.change(screen.getByRole('searchbox', { name: 'Tìm người đã có' }), { target: { value: text } });
}

function footerText(): string {
  return screen.getByRole('group', { name: 'Tổng số:' }).textContent ?? '';
}

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = givePhoneSizedBoxes();
});
afterAll(() => restoreLayout());

describe('the roster', () => {
  beforeEach(async () => {
    await resetApp();
    await deleteTrainerDb();
  });
  afterEach(resetApp);

  it('finds "Nguyễn Thị Hoà" when the trainer types "nguyen thi hoa"', async () => {
    const db = openTrainerDb();
    const session = await seedSession(db);
    await seedPeople(db, [{ fullName: 'Nguyễn Thị Hoà' }, { fullName: 'Nguyễn Văn Hùng', gender: 'male' }]);
    await openRoster(session.id);

    search('nguyen thi hoa');

    expect(await screen.findByRole('button', { name: /^Nguyễn Thị Hoà.*Thêm$/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Nguyễn Văn Hùng/ })).toBeNull();
  });

  it('finds a person by phone number however the digits are grouped', async () => {
    const db = openTrainerDb();
    const session = await seedSession(db);
    await seedPeople(db, [
      { fullName: 'Vi Thị Lan', phone: '0912 345 678' },
      { fullName: 'Lô Văn Sơn', phone: '0988111222' },
    ]);
    await openRoster(session.id);

    search('0912345');

    expect(await screen.findByRole('button', { name: /^Vi Thị Lan.*Thêm$/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Lô Văn Sơn/ })).toBeNull();
  });

  it('adds a person from the search with one tap and queues an attendance.put', async () => {
    const db = openTrainerDb();
    const session = await seedSession(db);
    const [hoa] = await seedPeople(db, [{ fullName: 'Nguyễn Thị Hoà', ethnicity: '03' }]);
    await openRoster(session.id);

    search('hoa');
    fireEvent.click(await screen.findByRole('button', { name: /^Nguyễn Thị Hoà.*Thêm$/ }));

    const list = await screen.findByRole('list', { name: 'Người tham dự buổi này (1 người)' });
    expect(within(list).getByText('Nguyễn Thị Hoà')).toBeTruthy();
    expect(within(list).getByText('Nữ · Thái')).toBeTruthy();
    const outbox = await db.outbox.toArray();
    expect(outbox).toEqual([
      expect.objectContaining({
        name: 'attendance.put',
        args: expect.objectContaining({ sessionId: session.id, participantId: hoa?.id }),
      }),
    ]);
    expect(footerText()).toContain('1 người · 1 nữ · 1 DTTS');
  });

  it('creates a new person from the quick-add sheet and puts them on the roster', async () => {
    const db = openTrainerDb();
    const session = await seedSession(db);
    await openRoster(session.id);

    fireEvent.click(screen.getByRole('button', { name: 'Thêm người mới vào danh sách' }));
    const sheet = await screen.findByRole('dialog', { name: 'Người mới' });
    fireEvent.change(within(sheet).getByLabelText('Họ và tên'), { target: { value: 'Lò Văn Pọm' } });
    fireEvent.click(within(sheet).getByRole('radio', { name: 'Nam' }));
    fireEvent.change(within(sheet).getByLabelText('Năm sinh'), { target: { value: '1988' } });
    fireEvent.change(within(sheet).getByRole('searchbox', { name: 'Tìm dân tộc' }), { target: { value: 'kho mu' } });
    fireEvent.click(await within(sheet).findByRole('button', { name: 'Khơ Mú' }));
    fireEvent.click(within(sheet).getByRole('radio', { name: 'Đồng ý bằng lời, có người chứng kiến' }));
    fireEvent.click(within(sheet).getByRole('button', { name: 'Lưu và thêm vào danh sách' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [person] = await db.participants.toArray();
    expect(person).toMatchObject({
      unitId: trainer.unitId,
      fullName: 'Lò Văn Pọm',
      gender: 'male',
      birthYear: 1988,
      ethnicity: '23',
      consent: { method: 'oral-witnessed', at: todayIn() },
    });
    expect(await db.attendance.where('sessionId').equals(session.id).toArray()).toEqual([
      expect.objectContaining({ participantId: person?.id }),
    ]);
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['participant.put', 'attendance.put']);
    expect(await screen.findByRole('button', { name: 'Xoá Lò Văn Pọm khỏi danh sách' })).toBeTruthy();
  });

  it('refuses to save a new person until the consent is chosen, writing nothing', async () => {
    const db = openTrainerDb();
    const session = await seedSession(db);
    await openRoster(session.id);

    fireEvent.click(screen.getByRole('button', { name: 'Thêm người mới vào danh sách' }));
    const sheet = await screen.findByRole('dialog', { name: 'Người mới' });
    fireEvent.change(within(sheet).getByLabelText('Họ và tên'), { target: { value: 'Lò Thị Dung' } });
    fireEvent.click(within(sheet).getByRole('radio', { name: 'Nữ' }));
    fireEvent.click(within(sheet).getByRole('button', { name: 'Lưu và thêm vào danh sách' }));

    expect(await within(sheet).findByText('Hãy chọn cách người tham dự đồng ý.')).toBeTruthy();
    expect(within(sheet).getByRole('radio', { name: 'Ký tên' })).toHaveProperty('checked', false);
    expect(await db.participants.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('counts women and ethnic-minority people in the footer', async () => {
    const db = openTrainerDb();
    const session = await seedSession(db);
    const people = await seedPeople(db, [
      { fullName: 'Lương Thị Hoa', gender: 'female', ethnicity: '03' },
      { fullName: 'Nguyễn Thị Mai', gender: 'female', ethnicity: '01' },
      { fullName: 'Vi Thị Sen', gender: 'female', ethnicity: 'undisclosed' },
      { fullName: 'Lầu Bá Chứ', gender: 'male', ethnicity: '08' },
      { fullName: 'John Smith', gender: 'male', ethnicity: 'foreign' },
    ]);
    await seedRoster(db, session.id, people);
    await openRoster(session.id);

    await waitFor(() => expect(footerText()).toContain('5 người · 3 nữ · 2 DTTS'));
  });

  it('removes a person and brings them back with undo', async () => {
    const db = openTrainerDb();
    const session = await seedSession(db);
    const people = await seedPeople(db, [{ fullName: 'Nguyễn Thị Hoà' }, { fullName: 'Lô Thị Mai' }]);
    await seedRoster(db, session.id, people);
    await openRoster(session.id);

    fireEvent.click(await screen.findByRole('button', { name: 'Xoá Nguyễn Thị Hoà khỏi danh sách' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Xoá Nguyễn Thị Hoà khỏi danh sách' })).toBeNull());
    expect(footerText()).toContain('1 người');
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['attendance.delete']);

    fireEvent.click(screen.getByRole('button', { name: 'Hoàn tác' }));
    expect(await screen.findByRole('button', { name: 'Xoá Nguyễn Thị Hoà khỏi danh sách' })).toBeTruthy();
    expect(await db.attendance.where('sessionId').equals(session.id).count()).toBe(2);
  });

  it('records the days each person came to a multi-day course', async () => {
    const db = openTrainerDb();
    const session = await seedSession(db, { startDate: '2026-03-02', endDate: '2026-03-04' });
    const [hoa] = await seedPeople(db, [{ fullName: 'Nguyễn Thị Hoà' }]);
    await seedRoster(db, session.id, [hoa!]);
    await openRoster(session.id);

    const days = await screen.findByRole('group', { name: 'Các ngày Nguyễn Thị Hoà tham dự' });
    expect(
      within(days)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-pressed')),
    ).toEqual(['true', 'true', 'true']);
    fireEvent.click(within(days).getByRole('button', { name: 'Ngày 2, 03/03/2026' }));

    await waitFor(async () => {
      const [row] = await db.attendance.toArray();
      expect(row?.days).toEqual([1, 3]);
    });
    await waitFor(() =>
      expect(within(days).getByRole('button', { name: 'Ngày 2, 03/03/2026' }).getAttribute('aria-pressed')).toBe(
        'false',
      ),
    );
  });

  it("names people on the roster who belong to another unit's registry", async () => {
    const db = openTrainerDb();
    const session = await seedSession(db);
    const guest = await seedPeople(db, [
      { fullName: 'Vừ Thị Mỷ', unitId: '0190a5b4-8c2e-7f00-8000-0000000000b2', ethnicity: '08' },
    ]);
    await seedRoster(db, session.id, guest);
    await openRoster(session.id);

    expect(await screen.findByText('Vừ Thị Mỷ')).toBeTruthy();
    expect(footerText()).toContain('1 người · 1 nữ · 1 DTTS');
  });

  it('shows an approved session read-only', async () => {
    const db = openTrainerDb();
    const session = await seedSession(db, { status: 'approved' });
    const people = await seedPeople(db, [{ fullName: 'Nguyễn Thị Hoà' }]);
    await seedRoster(db, session.id, people);
    await openRoster(session.id);

    expect(await screen.findByText('Buổi này đã được duyệt nên danh sách chỉ xem, không sửa được.')).toBeTruthy();
    expect(screen.getByText('Nguyễn Thị Hoà')).toBeTruthy();
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Xoá/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Thêm người mới vào danh sách' })).toBeNull();
  });
});
