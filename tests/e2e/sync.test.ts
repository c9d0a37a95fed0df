// Sync in real Chromium against the real server: a session recorded offline reaches the server with its
// photo; a page killed in the middle of a push leaves one copy; two tabs never sync at once; an
// organiser's return reaches the trainer's phone. The server is checked through its own API.
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, type Change } from '#domain/schemas/sync';
import type { User } from '#domain/schemas/auth';
import { drawJpeg, launchBrowser, signIn, syncChip, useServer, waitForServiceWorker } from '../support/browser';

const fixture = useServer();

/** Another device, through the HTTP API: its own client id and mutation ids. */
async function apiDevice(username: string) {
  const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'training-logbook' };
  const login = await fetch(`${fixture.server.url}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { user } = (await login.json()) as { user: User };
  const clientId = uuidv7();
  let nextId = 1;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${fixture.server.url}${path}`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify(body),
    });
    expect(response.status, `${path} answered ${response.status}`).toBe(200);
    return response.json();
  };
  return {
    user,
    async push(...mutations: { name: string; args: Record<string, unknown> }[]) {
      const sent = mutations.map((m) => ({ ...m, id: nextId++, clientAt: new Date().toISOString() }));
      return pushResponseSchema.parse(await post('/api/sync/push', { clientId, mutations: sent }));
    },
    async pullAll(): Promise<Change[]> {
      const changes: Change[] = [];
      for (let cursor: string | null = null; ;) {
        const page = pullResponseSchema.parse(await post('/api/sync/pull', { clientId, cursor }));
        changes.push(...page.changes);
        if (!page.hasMore) return changes;
        cursor = page.cursor;
      }
    },
    get: (path: string) => fetch(`${fixture.server.url}${path}`, { headers: { cookie } }),
  };
}

const live = (changes: Change[], entity: Change['entity']) => changes.filter((c) => c.entity === entity && !c.deleted);
const titled = (changes: Change[], title: string) => live(changes, 'session').filter((c) => c.data?.title === title);
const uniqueTitle = (what: string) => `${what} ${Date.now().toString(36)}`;

/** "+ Buổi mới" through the app: the draft is written at once and the editor opens; then the title. */
async function newSessionThroughUi(page: Page, title: string): Promise<string> {
  await page.goto(`${fixture.server.url}/sessions/new`);
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  await page.getByLabel('Tên buổi').fill(title);
  await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

describe('sync in the browser', () => {
  it('sends a session recorded offline, with its photo, once the network returns', async () => {
    const browser = await launchBrowser();
    try {
      const { page, context } = browser;
      await signIn(page, fixture.server.url, 'trainer.na');
      await waitForServiceWorker(page);
      await syncChip(page).filter({ hasText: 'Đã đồng bộ' }).waitFor();
      const jpeg = await drawJpeg(page);

      await context.setOffline(true);
      const title = uniqueTitle('Tập huấn ngoại tuyến');
      const sessionId = await newSessionThroughUi(page, title);
      await page.goto(`${fixture.server.url}/sessions/${sessionId}/photos`);
      await page.getByLabel('Chọn ảnh').setInputFiles({ name: 'lop-hoc.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      await page.getByText('Đã lưu 1 ảnh.').waitFor();
      await syncChip(page).filter({ hasText: 'Ngoại tuyến' }).waitFor();

      await context.setOffline(false);
      await syncChip(page).filter({ hasText: 'Đã đồng bộ' }).waitFor({ timeout: 30_000 });

      const organiser = await apiDevice('organiser.na');
      const changes = await organiser.pullAll();
      expect(titled(changes, title)).toHaveLength(1);
      const photos = live(changes, 'photo').filter((c) => c.data?.sessionId === sessionId);
      expect(photos).toHaveLength(1);
      const image = await organiser.get(`/api/photos/${photos[0]!.id}`);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/jpeg');
      const bytes = Buffer.from(await image.arrayBuffer());
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(photos[0]!.data?.sha256);
    } finally {
      await browser.close();
    }
  });

  it('leaves exactly one copy when the page is killed in the middle of a push', async () => {
    const browser = await launchBrowser();
    try {
      const { page, context } = browser;
      await signIn(page, fixture.server.url, 'trainer.na');
      await syncChip(page).filter({ hasText: 'Đã đồng bộ' }).waitFor();
      const trainer = await apiDevice('trainer.na');
      const before = live(await trainer.pullAll(), 'session').length;

      // The push reaches the server and is applied; the page dies before the answer comes back.
      let reachedServer!: () => void;
      const pushed = new Promise<void>((resolve) => (reachedServer = resolve));
      await page.route('**/api/sync/push', async (route) => {
        await route.fetch();
        reachedServer();
      });
      const title = uniqueTitle('Buổi bị ngắt giữa chừng');
      await newSessionThroughUi(page, title);
      await pushed;
      await page.close();

      const reopened = await context.newPage();
      let pushesAfterReopening = 0;
      reopened.on('request', (request) => {
        if (request.url().endsWith('/api/sync/push')) pushesAfterReopening += 1;
      });
      await reopened.goto(`${fixture.server.url}/sync`);
      await reopened.getByText('Mọi thay đổi đã được gửi lên máy chủ.').waitFor({ timeout: 30_000 });
      await syncChip(reopened).filter({ hasText: 'Đã đồng bộ' }).waitFor();

      // The unanswered push was sent again and answered from the server's stored results.
      expect(pushesAfterReopening).toBeGreaterThan(0);
      const after = await trainer.pullAll();
      expect(titled(after, title)).toHaveLength(1);
      expect(live(after, 'session')).toHaveLength(before + 1);
    } finally {
      await browser.close();
    }
  });

  it('never lets two open tabs sync at the same time', async () => {
    const browser = await launchBrowser();
    try {
      const { page: first, context } = browser;
      await signIn(first, fixture.server.url, 'trainer.na');
      const second = await context.newPage();
      const requests: { tab: string; start: number; end: number }[] = [];
      for (const [tab, page] of [
        ['first', first],
        ['second', second],
      ] as const) {
        await page.route(/\/api\/sync\/(push|pull)$/, async (route) => {
          const start = Date.now();
          await new Promise((resolve) => setTimeout(resolve, 250)); // a slow link widens any overlap
          const response = await route.fetch();
          await route.fulfill({ response });
          requests.push({ tab, start, end: Date.now() });
        });
      }
      await second.goto(`${fixture.server.url}/sessions`);
      await Promise.all([
        newSessionThroughUi(first, uniqueTitle('Tab một')),
        newSessionThroughUi(second, uniqueTitle('Tab hai')),
      ]);
      await Promise.all([first.goto(`${fixture.server.url}/sync`), second.goto(`${fixture.server.url}/sync`)]);
      await Promise.all([
        first.getByRole('button', { name: 'Đồng bộ ngay' }).click(),
        second.getByRole('button', { name: 'Đồng bộ ngay' }).click(),
      ]);
      for (const page of [first, second]) {
        await page.getByText('Mọi thay đổi đã được gửi lên máy chủ.').waitFor({ timeout: 30_000 });
      }
      await expect.poll(() => new Set(requests.map((r) => r.tab)).size, { timeout: 20_000 }).toBe(2);

      const fromFirst = requests.filter((r) => r.tab === 'first');
      const fromSecond = requests.filter((r) => r.tab === 'second');
      const overlaps = fromFirst.flatMap((a) => fromSecond.filter((b) => a.start < b.end && b.start < a.end));
      expect(overlaps).toEqual([]);
    } finally {
      // The scheduler may still be mid-request in a slowed route when the browser closes.
      await Promise.all(browser.context.pages().map((page) => page.unrouteAll({ behavior: 'ignoreErrors' })));
      await browser.close();
    }
  });

  it("shows an organiser's return, with the comment, on the trainer's phone after its next pull", async () => {
    const otherDevice = await apiDevice('trainer.na');
    const topic = live(await otherDevice.pullAll(), 'topic')[0];
    expect(topic).toBeDefined();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const id = uuidv7();
    const title = uniqueTitle('Tập huấn Luật Bình đẳng giới');
    const submitted = await otherDevice.push(
      {
        name: 'session.put',
        args: {
          id,
          unitId: otherDevice.user.unitId,
          format: 'training',
          title,
          topicIds: [topic!.id],
          startDate: today,
          endDate: today,
          provinceCode: '40',
          placeName: 'Nhà văn hoá xóm 3',
          attendanceMode: 'headcount',
          headcount: { total: 24, women: 15, ethnicMinority: 9 },
        },
      },
      { name: 'session.submit', args: { id } },
    );
    expect(submitted.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const browser = await launchBrowser();
    try {
      const { page } = browser;
      await signIn(page, fixture.server.url, 'trainer.na');
      const card = page.getByRole('link').filter({ hasText: title });
      await card.filter({ hasText: 'Đã gửi' }).waitFor({ timeout: 20_000 });

      const comment = 'Thiếu ảnh danh sách ký tên, đề nghị bổ sung.';
      const organiser = await apiDevice('organiser.na');
      const reviewed = await organiser.push({ name: 'session.review', args: { id, decision: 'return', comment } });
      expect(reviewed.results[0]?.status).toBe('applied');

      await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
      await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
      const attention = page.getByRole('region', { name: 'Cần xử lý' });
      await attention.getByText(`Nhận xét của cán bộ tổ chức: ${comment}`).waitFor({ timeout: 20_000 });
      await syncChip(page).filter({ hasText: 'Cần xử lý 1' }).waitFor();

      await page.getByRole('link', { name: 'Buổi tập huấn', exact: true }).click();
      await card.filter({ hasText: 'Bị trả lại' }).filter({ hasText: comment }).waitFor();
    } finally {
      await browser.close();
    }
  });
});
