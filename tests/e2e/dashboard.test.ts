// The organiser's figures in real Chromium against the real server: a trainer's two sessions arrive
// through the sync API, one is approved, and the dashboard's tiles show the totals; the reports page's
// CSV download carries the session's title with its Vietnamese diacritics intact.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { todayIn } from '#domain/rules/dates';
import { signIn, useServerAndBrowser } from '../support/browser';

const DESKTOP = { width: 1280, height: 800 };
const csrf = { 'X-Requested-With': 'training-logbook' };
const day = `${todayIn().slice(0, 4)}-03-14`;
const titles = {
  roster: 'Tập huấn bình đẳng giới ở bản Khe Rạn (e2e tổng hợp)',
  headcount: 'Tuyên truyền phòng, chống bạo lực gia đình – xã Mường Quạ (e2e)',
};

const fixture = useServerAndBrowser({ viewport: DESKTOP });

/** Signs in through the API and speaks the sync protocol as a fresh device would. */
async function device(username: string) {
  const login = await fetch(`${fixture.server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...csrf },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { user } = (await login.json()) as { user: { unitId: string } };
  const clientId = randomUUID();
  let nextId = 1;
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${fixture.server.url}${path}`, {
      method: 'POST',
      headers: { cookie, 'Content-Type': 'application/json', ...csrf },
      body: JSON.stringify(body),
    });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  return {
    user,
    async topics(): Promise<Array<{ id: string; data: Record<string, unknown> | null }>> {
      const page = await post<{ changes: Array<{ entity: string; id: string; data: Record<string, unknown> | null }> }>(
        '/api/sync/pull',
        { clientId, cursor: null, limit: 5000 },
      );
      return page.changes.filter((c) => c.entity === 'topic');
    },
    async push(mutations: Array<{ name: string; args: Record<string, unknown> }>) {
      const { results } = await post<{ results: Array<{ status: string }> }>('/api/sync/push', {
        clientId,
        mutations: mutations.map((m) => ({ id: nextId++, ...m, clientAt: new Date().toISOString() })),
      });
      expect(
        results.map((r) => r.status),
        JSON.stringify(results),
      ).toEqual(mutations.map(() => 'applied'));
    },
  };
}

async function recordTwoSessions(): Promise<{ roster: string; headcount: string }> {
  const trainer = await device('trainer.na');
  const topic = (await trainer.topics()).find((c) => c.data?.key === 'gender-basics');
  const ids = { roster: uuidv7(), headcount: uuidv7() };
  const people = [uuidv7(), uuidv7()];
  const common = {
    unitId: trainer.user.unitId,
    format: 'training',
    topicIds: [topic?.id],
    startDate: day,
    endDate: day,
    provinceCode: '40',
    communeName: 'Xã Con Cuông',
    adminSet: '2026-07-25',
    placeName: 'Nhà văn hoá bản Khe Rạn',
  };
  await trainer.push([
    ...people.map((id, i) => ({
      name: 'participant.put',
      args: {
        id,
        unitId: trainer.user.unitId,
        fullName: i === 0 ? 'Lô Thị Xuân' : 'Nguyễn Văn Đức',
        gender: i === 0 ? 'female' : 'male',
        ethnicity: i === 0 ? '03' : '01',
        consent: { method: 'signed', at: day },
      },
    })),
    { name: 'session.put', args: { id: ids.roster, ...common, title: titles.roster, attendanceMode: 'roster' } },
    ...people.map((participantId) => ({
      name: 'attendance.put',
      args: { id: uuidv7(), sessionId: ids.roster, participantId },
    })),
    { name: 'session.submit', args: { id: ids.roster } },
    {
      name: 'session.put',
      args: {
        id: ids.headcount,
        ...common,
        format: 'communication',
        title: titles.headcount,
        attendanceMode: 'headcount',
        headcount: { total: 30, women: 18, ethnicMinority: 12 },
      },
    },
    { name: 'session.submit', args: { id: ids.headcount } },
  ]);
  const organiser = await device('organiser.na');
  await organiser.push([{ name: 'session.review', args: { id: ids.roster, decision: 'approve' } }]);
  return ids;
}

describe("the organiser's dashboard and reports", () => {
  it("shows the sessions and participant-turns, and downloads a CSV with the title's diacritics", async () => {
    await recordTwoSessions();
    const { page } = fixture.browser;
    await signIn(page, fixture.server.url, 'organiser.na');

    await page.goto(`${fixture.server.url}/dashboard`);
    const tile = (name: string) => page.getByRole('group', { name, exact: true });
    const figure = (name: string, text: string) => tile(name).getByText(text, { exact: true });
    await figure('Lượt người', '32').waitFor({ timeout: 30_000 });
    await figure('Số buổi', '2').waitFor();
    await figure('Số người', '2').waitFor();
    await figure('Nữ', '19').waitFor();
    await figure('Nữ', '59,4% số lượt người').waitFor();
    // The demo plan of the province: 3,000 participant-turns.
    await figure('Kế hoạch', 'đạt 1,1% kế hoạch').waitFor();

    await page.getByLabel('Tính các buổi').selectOption('approved');
    await figure('Lượt người', '2').waitFor({ timeout: 15_000 });
    await figure('Số buổi', '1').waitFor();

    await page.goto(`${fixture.server.url}/reports`);
    await page.getByLabel('Tính các buổi').selectOption('submittedApproved');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất CSV' }).click(),
    ]);
    const path = await download.path();
    const csv = await readFile(path, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(titles.roster);
    expect(csv).toContain(titles.headcount);
  });
});
