import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { todayIn } from '#domain/rules/dates';
import { currentLocation, renderApp, resetApp } from '../shell/app-harness';
import { seedDevice, storedSession, type Device } from './fixtures';

configure({ asyncUtilTimeout: 8000 }); // the first render loads the page's code on demand

let device: Device;

beforeEach(async () => {
  await resetApp();
  currentLocation.pathname = '';
  device = await seedDevice();
});
afterEach(resetApp);

function daysFromToday(days: number): string {
  const [year = 0, month = 1, day = 1] = todayIn().split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function section(name: RegExp): HTMLElement {
  return screen.getByRole('heading', { level: 2, name }).closest('section') as HTMLElement;
}

/** The titles of the session cards shown, in order. */
function cardTitles(container: HTMLElement): string[] {
  return within(container)
    .queryAllByRole('link')
    .flatMap((card) => within(card).queryAllByRole('heading', { level: 3 }))
    .map((title) => title.textContent ?? '');
}

async function seedSessions() {
  const today = todayIn();
  const rosterSession = storedSession(device, {
    title: 'Tập huấn Luật Bình đẳng giới',
    startDate: today,
    endDate: today,
    attendanceMode: 'roster',
    headcount: null,
  });
  const sessions = [
    rosterSession,
    storedSession(device, {
      title: '',
      startDate: daysFromToday(3),
      endDate: daysFromToday(4),
      communeName: null,
      communeCode: null,
      placeName: 'Trường tiểu học Môn Sơn',
      pending: true,
      version: undefined,
    }),
    storedSession(device, {
      title: 'Tọa đàm về vai trò của phụ nữ',
      startDate: daysFromToday(-5),
      endDate: daysFromToday(-5),
      status: 'returned',
      reviewComment: 'Số nữ chưa khớp với danh sách ký tên.',
    }),
    storedSession(device, {
      title: 'Nói chuyện chuyên đề ở Châu Khê',
      startDate: daysFromToday(-30),
      endDate: daysFromToday(-30),
      communeName: 'Xã Châu Khê',
      communeCode: '17248',
      status: 'approved',
      headcount: { total: 120, women: 80, ethnicMinority: 95 },
    }),
    storedSession(device, {
      title: 'Truyền thông ở bản Xiềng',
      startDate: daysFromToday(-10),
      endDate: daysFromToday(-10),
      status: 'submitted',
      rejected: true,
    }),
  ];
  await device.db.sessions.bulkPut(sessions);
  await device.db.attendance.bulkPut(
    [1, 2, 3].map(() => ({
      id: uuidv7(),
      sessionId: rosterSession.id,
      participantId: uuidv7(),
      pending: false,
      rejected: false,
    })),
  );
}

describe('the session list', { timeout: 30_000 }, () => {
  it('says what to do when there are no sessions yet, with the new-session button', async () => {
    renderApp('/sessions');
    expect(await screen.findByText('Chưa có buổi tập huấn nào trên máy này.')).toBeTruthy();
    expect(screen.getByText(/Bấm “Buổi mới”/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Buổi mới' }).getAttribute('href')).toBe('/sessions/new');
  });

  it('sorts sessions into what needs the trainer, today, upcoming and past, with date, title, place, people and state in words', async () => {
    await seedSessions();
    renderApp('/sessions');
    await screen.findByRole('heading', { name: /Hôm nay/ });
    const today = section(/Hôm nay \(1\)/);
    expect(cardTitles(today)).toEqual(['Tập huấn Luật Bình đẳng giới']);
    expect(within(today).getByText('3 người')).toBeTruthy(); // three roster rows
    expect(within(today).getByText('Xã Con Cuông · Nhà văn hoá bản Khe Rạn')).toBeTruthy();
    expect(within(today).getByText('Nháp')).toBeTruthy();

    const upcoming = section(/Sắp tới/);
    expect(cardTitles(upcoming)).toEqual(['Chưa có tiêu đề']);
    expect(within(upcoming).getByText('Chưa gửi')).toBeTruthy();

    // Returned by the organiser or refused by the server: first, whatever the dates.
    const attention = section(/Cần xử lý \(2\)/);
    expect(screen.getAllByRole('heading', { level: 2 })[0]).toBe(within(attention).getAllByRole('heading')[0]);
    expect(cardTitles(attention)).toEqual(['Tọa đàm về vai trò của phụ nữ', 'Truyền thông ở bản Xiềng']);
    expect(within(attention).getByText('Bị trả lại')).toBeTruthy();
    expect(within(attention).getByText('Nhận xét: Số nữ chưa khớp với danh sách ký tên.')).toBeTruthy();
    expect(within(attention).getByText('Cần xử lý', { selector: ':not(h2)' })).toBeTruthy();

    const past = section(/Đã qua \(1\)/);
    expect(cardTitles(past)).toEqual(['Nói chuyện chuyên đề ở Châu Khê']);
    expect(within(past).getByText('Đã duyệt')).toBeTruthy();
    expect(within(past).getByText('120 người')).toBeTruthy(); // the headcount's total
  });

  it('finds sessions by title, commune or place typed without diacritics', async () => {
    await seedSessions();
    renderApp('/sessions');
    const search = await screen.findByLabelText('Tìm buổi');
    fireEvent.change(search, { target: { value: 'chau khe' } });
    expect(cardTitles(document.body)).toEqual(['Nói chuyện chuyên đề ở Châu Khê']);
    fireEvent.change(search, { target: { value: 'mon son' } });
    expect(cardTitles(document.body)).toEqual(['Chưa có tiêu đề']);
    fireEvent.change(search, { target: { value: 'luat binh dang' } });
    expect(cardTitles(document.body)).toEqual(['Tập huấn Luật Bình đẳng giới']);
    fireEvent.change(search, { target: { value: 'khong co buoi nao' } });
    expect(screen.getByText('Không có buổi nào khớp với tìm kiếm hoặc trạng thái đã chọn.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Xoá tìm kiếm và bộ lọc' }));
    expect(cardTitles(document.body)).toHaveLength(5);
  });

  it('filters by state', async () => {
    await seedSessions();
    renderApp('/sessions');
    const filter = await screen.findByLabelText('Trạng thái');
    fireEvent.change(filter, { target: { value: 'returned' } });
    expect(cardTitles(document.body)).toEqual(['Tọa đàm về vai trò của phụ nữ']);
    fireEvent.change(filter, { target: { value: 'attention' } });
    expect(cardTitles(document.body)).toEqual(['Truyền thông ở bản Xiềng']);
    fireEvent.change(filter, { target: { value: 'unsent' } });
    expect(cardTitles(document.body)).toEqual(['Chưa có tiêu đề']);
  });

  it('says a session submitted offline waits to be sent for review, and finds it among the unsent', async () => {
    await device.db.sessions.bulkPut([
      storedSession(device, {
        title: 'Sinh hoạt câu lạc bộ ở bản Pủng',
        startDate: daysFromToday(-2),
        endDate: daysFromToday(-2),
        status: 'submitted',
        pending: true,
      }),
      storedSession(device, {
        title: 'Truyền thông ở bản Xiềng',
        startDate: daysFromToday(-3),
        endDate: daysFromToday(-3),
        status: 'submitted',
      }),
    ]);
    renderApp('/sessions');
    const past = await screen.findByRole('heading', { level: 2, name: /Đã qua \(2\)/ });
    const cards = within(past.closest('section') as HTMLElement).getAllByRole('link');
    expect(within(cards[0]!).getByText('Chờ gửi đi duyệt')).toBeTruthy();
    expect(within(cards[0]!).queryByText('Chưa gửi')).toBeNull();
    expect(within(cards[1]!).getByText('Đã gửi')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Trạng thái'), { target: { value: 'unsent' } });
    expect(cardTitles(document.body)).toEqual(['Sinh hoạt câu lạc bộ ở bản Pủng']);
  });

  it('shows the first 50 sessions of a long history, the roster counts of those, and more on request', async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      storedSession(device, {
        title: `Buổi số ${i + 1}`,
        startDate: daysFromToday(-1 - i),
        endDate: daysFromToday(-1 - i),
        attendanceMode: 'roster',
        headcount: null,
      }),
    );
    await device.db.sessions.bulkPut(many);
    // Two people on the most recent session, one on the 55th: counted when shown.
    await device.db.attendance.bulkPut(
      [many[0]!, many[0]!, many[54]!].map((session) => ({
        id: uuidv7(),
        sessionId: session.id,
        participantId: uuidv7(),
        pending: false,
        rejected: false,
      })),
    );
    renderApp('/sessions');
    await screen.findByRole('heading', { level: 2, name: /Đã qua \(60\)/ });
    const shown = cardTitles(document.body);
    expect(shown).toHaveLength(50);
    expect(shown[0]).toBe('Buổi số 1');
    expect(within(section(/Đã qua/)).getByText('2 người')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Xem thêm' }));
    await screen.findByText('Buổi số 60');
    expect(cardTitles(document.body)).toHaveLength(60);
    expect(await within(section(/Đã qua/)).findByText('1 người')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Xem thêm' })).toBeNull();

    // A new search starts again from the first page of what it finds.
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'Buổi số' } });
    await waitFor(() => expect(cardTitles(document.body)).toHaveLength(50));
    expect(screen.getByRole('button', { name: 'Xem thêm' })).toBeTruthy();
  });

  it('redraws a card when a pull changes what it shows: title, state and people', async () => {
    await seedSessions();
    renderApp('/sessions');
    const past = () => section(/Đã qua/);
    await screen.findByText('Nói chuyện chuyên đề ở Châu Khê');
    const approved = (await device.db.sessions.toArray()).find((s) => s.title === 'Nói chuyện chuyên đề ở Châu Khê')!;
    const returned = (await device.db.sessions.toArray()).find((s) => s.status === 'returned')!;
    // A pull page writes new objects for every row, changed or not, as the device's database does.
    await device.db.sessions.bulkPut([
      {
        ...approved,
        title: 'Nói chuyện chuyên đề ở xã Châu Khê',
        headcount: { total: 140, women: 90, ethnicMinority: 100 },
      },
      { ...returned, status: 'approved', reviewComment: null },
    ]);
    expect(await within(past()).findByText('Nói chuyện chuyên đề ở xã Châu Khê')).toBeTruthy();
    expect(await within(past()).findByText('140 người')).toBeTruthy();
    // Approved after all: it leaves what needs the trainer for the past, without the comment.
    await waitFor(() => expect(screen.queryByText('Bị trả lại', { selector: ':not(option)' })).toBeNull());
    expect(within(past()).getAllByText('Đã duyệt')).toHaveLength(2);
    expect(screen.queryByText(/^Nhận xét:/)).toBeNull();
  });
});
