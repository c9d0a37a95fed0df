import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { currentLocation, rememberUser, renderApp, resetApp, serveApi } from '../shell/app-harness';
import {
  deleteTrainerDb,
  givePhoneSizedBoxes,
  openTrainerDb,
  seedPeople,
  seedRoster,
  seedSession,
  trainer,
} from './seed';

const slow = { timeout: 5000 };

async function open(path: string, heading: string) {
  rememberUser(trainer);
  serveApi({});
  renderApp(path);
  await screen.findByRole('heading', { level: 1, name: heading }, slow);
  await waitFor(() => expect(screen.queryByText('Đang tải…')).toBeNull(), slow);
}

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = givePhoneSizedBoxes();
});
afterAll(() => restoreLayout());

describe('the participant registry', () => {
  beforeEach(async () => {
    await resetApp();
    await deleteTrainerDb();
  });
  afterEach(resetApp);

  it("counts the unit's people and finds them without diacritics", async () => {
    const db = openTrainerDb();
    await seedPeople(db, [
      { fullName: 'Nguyễn Thị Hoà' },
      { fullName: 'Nguyễn Văn Hùng', gender: 'male' },
      { fullName: 'Lô Thị Mai', ethnicity: '03' },
    ]);
    await seedPeople(db, [{ fullName: 'Nguyễn Thị Hoà Bình', unitId: '0190a5b4-8c2e-7f00-8000-0000000000b2' }]);
    await open('/participants', 'Người tham dự');

    expect(screen.getByText('3 người trong đơn vị')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Tìm theo tên hoặc số điện thoại' }), {
      target: { value: 'nguyen thi hoa' },
    });

    expect(await screen.findByText('1 / 3 người khớp với “nguyen thi hoa”')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Người tham dự của đơn vị' });
    expect(
      within(list)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Nguyễn Thị HoàNữ']);
  });

  it('adds a person from an empty form and says it is saved', async () => {
    const db = openTrainerDb();
    await open('/participants/new', 'Thêm người tham dự');

    fireEvent.change(screen.getByLabelText('Họ và tên'), { target: { value: '  Hà Thị   Lan ' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Nữ' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Ký tên' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu người mới' }));

    await screen.findByRole('heading', { level: 1, name: 'Hà Thị Lan' }, slow);
    const [person] = await db.participants.toArray();
    expect(person).toMatchObject({ fullName: 'Hà Thị Lan', unitId: trainer.unitId, gender: 'female', ethnicity: null });
    expect(currentLocation.pathname).toBe(`/participants/${person?.id}`);
    // The new person is saved: the page says so, as it does after an edit.
    expect(await screen.findByText('Đã lưu')).toBeTruthy();
  });

  it('edits a person with the same form and queues a participant.put', async () => {
    const db = openTrainerDb();
    const [hoa] = await seedPeople(db, [{ fullName: 'Nguyễn Thị Hoà', birthYear: 1985, phone: '0912345678' }]);
    await open(`/participants/${hoa?.id}`, 'Nguyễn Thị Hoà');

    expect(screen.getByLabelText('Năm sinh')).toHaveProperty('value', '1985');
    expect(screen.getByRole('radio', { name: 'Ký tên' })).toHaveProperty('checked', true);
    fireEvent.change(screen.getByLabelText('Năm sinh'), { target: { value: '1986' } });
    fireEvent.change(screen.getByLabelText('Số điện thoại'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));

    expect(await screen.findByText('Đã lưu')).toBeTruthy();
    expect(await db.participants.get(hoa!.id)).toMatchObject({ birthYear: 1986, phone: null });
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({
        name: 'participant.put',
        args: expect.objectContaining({ birthYear: 1986, phone: null }),
      }),
    ]);
  });

  it('shows the sessions a person attended and refuses to delete them', async () => {
    const db = openTrainerDb();
    const [hoa] = await seedPeople(db, [{ fullName: 'Nguyễn Thị Hoà' }]);
    const first = await seedSession(db, {
      title: 'Luật Bình đẳng giới',
      startDate: '2026-03-02',
      endDate: '2026-03-02',
    });
    const second = await seedSession(db, {
      title: 'Phòng chống bạo lực gia đình',
      startDate: '2026-04-10',
      endDate: '2026-04-10',
    });
    await seedRoster(db, first.id, [hoa!]);
    await seedRoster(db, second.id, [hoa!]);
    await open(`/participants/${hoa?.id}`, 'Nguyễn Thị Hoà');

    expect(await screen.findByText('Đã tham dự 2 buổi (2 lượt người).')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Phòng chống bạo lực gia đình/ }).getAttribute('href')).toBe(
      `/sessions/${second.id}/roster`,
    );
    expect(screen.getByText(/Không xoá được: Nguyễn Thị Hoà đã tham dự 2 buổi/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Xoá Nguyễn Thị Hoà/ })).toBeNull();
  });

  it('deletes a person who attended nothing, after confirmation', async () => {
    const db = openTrainerDb();
    const [hoa] = await seedPeople(db, [{ fullName: 'Nguyễn Thị Hoà' }]);
    await open(`/participants/${hoa?.id}`, 'Nguyễn Thị Hoà');

    fireEvent.click(
      await screen.findByRole('button', { name: 'Xoá Nguyễn Thị Hoà khỏi danh sách người tham dự của đơn vị' }),
    );
    expect(await db.participants.count()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Xoá hẳn' }));

    await screen.findByRole('heading', { level: 1, name: 'Người tham dự' }, slow);
    expect(await db.participants.count()).toBe(0);
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['participant.delete']);
  });
});
