// An organiser's device holds a working set in real Chromium: the sessions awaiting review arrive in full
// and can be reviewed offline; a session approved two years ago is not on the device, opens from the server
// when online, and offline its page says plainly that it needs a connection.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { signIn, syncChip, useServerAndBrowser, waitForServiceWorker } from '../support/browser';

const DESKTOP = { width: 1280, height: 800 };
const csrf = { 'X-Requested-With': 'training-logbook' };

const fixture = useServerAndBrowser({ viewport: DESKTOP });

/** A signed-in API client pushing mutations as a device would. */
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
  let nextId = 1;
  const call = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${fixture.server.url}${path}`, {
      method: 'POST',
      headers: { cookie, 'Content-Type': 'application/json', ...csrf },
      body: JSON.stringify(body),
    });
    expect(response.status, `${path}: ${response.status}`).toBe(200);
    return (await response.json()) as T;
  };
  return {
    user,
    async topicId(): Promise<string> {
      const page = await call<{ changes: { entity: string; id: string }[] }>('/api/sync/pull', {
        clientId,
        cursor: null,
        limit: 5000,
      });
      return page.changes.find((c) => c.entity === 'topic')!.id;
    },
    async push(mutations: [name: string, args: Record<string, unknown>][]) {
      const body = {
        clientId,
        mutations: mutations.map(([name, args]) => ({ id: nextId++, name, args, clientAt: new Date().toISOString() })),
      };
      const { results } = await call<{ results: { status: string }[] }>('/api/sync/push', body);
      expect(
        results.map((r) => r.status),
        JSON.stringify(results),
      ).toEqual(mutations.map(() => 'applied'));
    },
  };
}

const titles = { waiting: 'Giới trong gia đình (chờ duyệt, e2e)', old: 'Tập huấn năm 2024 (đã duyệt, e2e)' };
const people = { waiting: 'Lò Thị Xuân', old: 'Hà Văn Khiêm' };

async function seed() {
  const trainer = await apiClient('trainer.na');
  const organiser = await apiClient('organiser.na');
  const topic = await trainer.topicId();
  const ids = { waiting: uuidv7(), old: uuidv7() };
  const session = (
    id: string,
    title: string,
    day: string,
    person: string,
    fullName: string,
  ): [string, Record<string, unknown>][] => [
    [
      'participant.put',
      {
        id: person,
        unitId: trainer.user.unitId,
        fullName,
        gender: 'female',
        birthYear: 1990,
        ethnicity: '03',
        consent: { method: 'signed', at: day },
      },
    ],
    [
      'session.put',
      {
        id,
        unitId: trainer.user.unitId,
        format: 'training',
        title,
        topicIds: [topic],
        startDate: day,
        endDate: day,
        provinceCode: '40',
        communeName: 'Xã Con Cuông',
        adminSet: '2026-07-25',
        placeName: 'Nhà văn hoá bản Khe Rạn',
        attendanceMode: 'roster',
      },
    ],
    ['attendance.put', { id: uuidv7(), sessionId: id, participantId: person }],
    ['session.submit', { id }],
  ];
  await trainer.push([
    ...session(ids.old, titles.old, '2024-10-08', uuidv7(), people.old),
    ...session(ids.waiting, titles.waiting, '2026-11-18', uuidv7(), people.waiting),
  ]);
  await organiser.push([['session.review', { id: ids.old, decision: 'approve' }]]);
  return ids;
}

describe("an organiser's working set", () => {
  it('reviews offline from the working set, opens a session from two years ago online, and says offline that it needs a connection', async () => {
    const ids = await seed();
    const { page, context } = fixture.browser;
    await signIn(page, fixture.server.url, 'organiser.na');
    await waitForServiceWorker(page);
    const queue = page.getByRole('list', { name: 'Danh sách buổi tập huấn' });
    await queue.getByRole('link', { name: /chờ duyệt, e2e/ }).waitFor({ timeout: 30_000 });
    await syncChip(page)
      .getByText(/Đã đồng bộ/)
      .waitFor({ timeout: 30_000 });

    // Offline, the waiting session opens in full from the device and is approved there.
    await context.setOffline(true);
    await queue.getByRole('link', { name: /chờ duyệt, e2e/ }).click();
    await page.getByRole('heading', { level: 1, name: titles.waiting }).waitFor();
    await page.getByRole('rowheader', { name: people.waiting }).waitFor();
    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByText('Buổi này đã được duyệt.').waitFor();
    await expect.poll(() => syncChip(page).textContent()).toContain('Ngoại tuyến');

    // The session of two years ago is not on the device: online, it opens from the server in the same screen.
    await context.setOffline(false);
    await page.goto(`${fixture.server.url}/review/${ids.old}`);
    await page.getByRole('heading', { level: 1, name: titles.old }).waitFor({ timeout: 30_000 });
    await page.getByRole('rowheader', { name: people.old }).waitFor();
    await page.getByText('Buổi này đã được duyệt.').waitFor();

    // Offline, the same address says plainly that it needs a connection.
    await context.setOffline(true);
    await page.goto(`${fixture.server.url}/review/${ids.old}`);
    await page.getByText('Cần có mạng để mở buổi này.').waitFor({ timeout: 30_000 });
    await expect(page.getByRole('rowheader', { name: people.old }).count()).resolves.toBe(0);
    await context.setOffline(false);
  });
});
