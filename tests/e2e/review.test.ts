// An organiser reviews in real Chromium: a trainer's two submitted sessions arrive by pull, one is
// approved and the other returned with a comment, the sync pushes both decisions, and the server (and
// its summary report) reflects them.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { signIn, useServerAndBrowser } from '../support/browser';

const DESKTOP = { width: 1280, height: 800 };
const csrf = { 'X-Requested-With': 'training-logbook' };

const fixture = useServerAndBrowser({ viewport: DESKTOP });

/** A signed-in API client speaking the sync protocol as a device would. */
async function apiClient(username: string) {
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
  const { user } = (await login.json()) as { user: { id: string; unitId: string } };
  const clientId = randomUUID();
  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${fixture.server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie, 'Content-Type': 'application/json', ...csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status, `${path}: ${response.status}`).toBe(200);
    return (await response.json()) as T;
  };
  type Change = { entity: string; id: string; data: Record<string, unknown> | null };
  return {
    user,
    call,
    async pullAll(): Promise<Change[]> {
      const changes: Change[] = [];
      let cursor: string | null = null;
      for (;;) {
        const page: { cursor: string | null; hasMore: boolean; changes: Change[] } = await call('/api/sync/pull', {
          clientId,
          cursor,
        });
        changes.push(...page.changes);
        cursor = page.cursor;
        if (!page.hasMore) return changes;
      }
    },
    /** `clientAt` when given is the device's clock of the mutation (work done offline earlier). */
    async push(mutations: { name: string; args: Record<string, unknown>; clientAt?: string }[]) {
      const body = {
        clientId,
        mutations: mutations.map((m, i) => ({ id: i + 1, clientAt: new Date().toISOString(), ...m })),
      };
      return call<{ results: { id: number; status: string; error?: unknown }[] }>('/api/sync/push', body);
    },
  };
}

const day = '2026-02-11';
/** The roster session was recorded and submitted offline two days before it synced. */
const offline = {
  created: new Date(Date.now() - 2 * 86_400_000).toISOString(),
  submitted: new Date(Date.now() - 2 * 86_400_000 + 3 * 3_600_000).toISOString(),
};
const titles = {
  roster: 'Bình đẳng giới trong gia đình (e2e duyệt)',
  headcount: 'Phòng chống bạo lực gia đình (e2e trả lại)',
};

async function seedTwoSubmittedSessions() {
  const trainer = await apiClient('trainer.na');
  const topic = (await trainer.pullAll()).find((c) => c.entity === 'topic' && c.data?.key === 'gender-basics');
  expect(topic).toBeDefined();
  const ids = { roster: uuidv7(), headcount: uuidv7(), participant: uuidv7() };
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
  const { results } = await trainer.push([
    {
      name: 'participant.put',
      args: {
        id: ids.participant,
        unitId: trainer.user.unitId,
        fullName: 'Vi Thị Lan',
        gender: 'female',
        birthYear: 1988,
        ethnicity: '03',
        consent: { method: 'signed', at: day },
      },
    },
    {
      name: 'session.put',
      clientAt: offline.created,
      args: { id: ids.roster, ...common, title: titles.roster, attendanceMode: 'roster', plannedParticipants: 12 },
    },
    { name: 'attendance.put', args: { id: uuidv7(), sessionId: ids.roster, participantId: ids.participant } },
    { name: 'session.submit', args: { id: ids.roster }, clientAt: offline.submitted },
    {
      name: 'session.put',
      args: {
        id: ids.headcount,
        ...common,
        title: titles.headcount,
        format: 'communication',
        attendanceMode: 'headcount',
        headcount: { total: 25, women: 15, ethnicMinority: 10 },
      },
    },
    { name: 'session.submit', args: { id: ids.headcount } },
  ]);
  expect(
    results.map((r) => r.status),
    JSON.stringify(results),
  ).toEqual(Array(6).fill('applied'));
  return ids;
}

describe('reviewing sessions', () => {
  it('approves one session and returns another with a comment, and the server keeps both decisions', async () => {
    const ids = await seedTwoSubmittedSessions();
    const { page } = fixture.browser;

    await signIn(page, fixture.server.url, 'organiser.na');
    await page.goto(`${fixture.server.url}/review`);
    const queue = page.getByRole('list', { name: 'Danh sách buổi tập huấn' });
    await queue.getByRole('link').nth(1).waitFor({ timeout: 30_000 });
    // Oldest first: the roster session was submitted before the headcount one.
    const rowTexts = await queue.getByRole('link').allTextContents();
    expect(rowTexts[0]).toContain(titles.roster);
    expect(rowTexts[0]).toContain('Lương Thị Hoa');
    expect(rowTexts[1]).toContain(titles.headcount);
    expect(rowTexts[1]).toContain('25 người');

    await queue.getByRole('link', { name: new RegExp(titles.roster.replace(/[()]/g, '\\$&')) }).click();
    await page.getByRole('heading', { level: 1, name: titles.roster }).waitFor();
    await page.getByRole('cell', { name: 'Thái' }).waitFor();
    // What the trainer did offline is shown at the device's clock, marked, with the server's time beside.
    const history = page.getByRole('region', { name: 'Lịch sử' }).getByRole('listitem');
    expect(await history.count()).toBe(2);
    for (const [index, deviceAt] of [offline.created, offline.submitted].entries()) {
      const item = history.nth(index);
      expect(await item.locator('time').first().getAttribute('datetime')).toBe(deviceAt);
      expect(await item.textContent()).toContain('theo giờ máy của tập huấn viên');
      expect(await item.textContent()).toContain('Máy chủ nhận lúc');
    }
    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByText('Buổi này đã được duyệt.').waitFor();

    await page.goto(`${fixture.server.url}/review/${ids.headcount}`);
    const returnButton = page.getByRole('button', { name: 'Trả lại' });
    expect(await returnButton.isDisabled()).toBe(true);
    await page.getByLabel('Nhận xét').fill('Thiếu ảnh minh chứng, hãy bổ sung.');
    await returnButton.click();
    await page.getByText('Buổi này đã được trả lại cho tập huấn viên.').waitFor();

    // The scheduler pushes a few seconds after a write; the server is the judge.
    const organiser = await apiClient('organiser.na');
    const statusOnServer = async () => {
      const sessions = (await organiser.pullAll()).filter((c) => c.entity === 'session');
      const byId = new Map(sessions.map((c) => [c.id, c.data]));
      return { roster: byId.get(ids.roster), headcount: byId.get(ids.headcount) };
    };
    await expect
      .poll(
        async () => {
          const { roster, headcount } = await statusOnServer();
          return [roster?.status, headcount?.status];
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toEqual(['approved', 'returned']);
    const { roster, headcount } = await statusOnServer();
    expect(roster).toMatchObject({ reviewedBy: organiser.user.id });
    expect(headcount).toMatchObject({
      reviewComment: 'Thiếu ảnh minh chứng, hãy bổ sung.',
      reviewedBy: organiser.user.id,
    });
    await page.getByText('Đã gửi lên máy chủ.').waitFor({ timeout: 30_000 });

    const summary = await organiser.call<{ sessions: number; participantTurns: number }>(
      `/api/reports/summary?from=${day}&to=${day}&status=approved`,
    );
    expect(summary).toMatchObject({ sessions: 1, participantTurns: 1 });
  });
});
