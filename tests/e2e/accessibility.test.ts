// axe-core in real Chromium, at phone size in Vietnamese, over each trainer screen with real content:
// no serious or critical violation anywhere. The server's own API seeds a session with three people
// (as another of the trainer's devices would); the trainer's phone pulls them in its first sync.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema } from '#domain/schemas/sync';
import { drawJpeg, signIn, syncChip, useServerAndBrowser, waitForServiceWorker } from '../support/browser';

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const TITLE = 'Tập huấn bình đẳng giới cho nữ công nhân';

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Serious and critical violations on the page as it is now. axe is evaluated rather than added as a
 * <script>: the app's Content-Security-Policy (script-src 'self') refuses inline scripts.
 */
async function seriousViolations(page: Page): Promise<Finding[]> {
  await page.evaluate(AXE_SOURCE);
  const findings = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };
    const { violations } = await axe.run(document);
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

const fixture = useServerAndBrowser();
let page: Page;
const sessionId = uuidv7();

/** trainer.na's unit gets a roster session with three people, through the sync API. */
async function seedThroughApi(): Promise<void> {
  const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'training-logbook' };
  const login = await fetch(`${fixture.server.url}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ username: 'trainer.na', password: 'demo1234' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { user } = (await login.json()) as { user: { unitId: string } };
  const post = async (path: string, body: unknown) =>
    (
      await fetch(`${fixture.server.url}${path}`, {
        method: 'POST',
        headers: { ...headers, cookie },
        body: JSON.stringify(body),
      })
    ).json();
  const clientId = uuidv7();
  const pulled = pullResponseSchema.parse(await post('/api/sync/pull', { clientId, cursor: null }));
  const topic = pulled.changes.find((c) => c.entity === 'topic');
  expect(topic).toBeDefined();

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const people = [
    { fullName: 'Nguyễn Thị Hoà', gender: 'female', ethnicity: '03', birthYear: 1986 },
    { fullName: 'Lò Văn Sáng', gender: 'male', ethnicity: '08', birthYear: 1979 },
    { fullName: 'Vi Thị Hương', gender: 'female', ethnicity: '02', birthYear: null },
  ].map((person) => ({ id: uuidv7(), unitId: user.unitId, ...person, consent: { method: 'signed', at: today } }));
  const mutations = [
    ...people.map((args) => ({ name: 'participant.put', args })),
    {
      name: 'session.put',
      args: {
        id: sessionId,
        unitId: user.unitId,
        format: 'training',
        title: TITLE,
        topicIds: [topic!.id],
        startDate: today,
        endDate: today,
        provinceCode: '40',
        placeName: 'Nhà văn hoá bản Khe Rạn',
        attendanceMode: 'roster',
      },
    },
    ...people.map((person) => ({
      name: 'attendance.put',
      args: { id: uuidv7(), sessionId, participantId: person.id },
    })),
  ].map((m, index) => ({ ...m, id: index + 1, clientAt: new Date().toISOString() }));
  const pushed = pushResponseSchema.parse(await post('/api/sync/push', { clientId, mutations }));
  expect(pushed.results.map((r) => r.status)).toEqual(mutations.map(() => 'applied'));
}

beforeAll(async () => {
  await seedThroughApi();
  page = fixture.browser.page;
});

describe('accessibility of the trainer screens (axe-core, serious and critical)', () => {
  it('finds none on the sign-in page', async () => {
    await page.goto(`${fixture.server.url}/login`);
    await page.getByLabel('Mật khẩu', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  describe('signed in as a trainer', () => {
    beforeAll(async () => {
      await signIn(page, fixture.server.url, 'trainer.na');
      await waitForServiceWorker(page);
      await syncChip(page).filter({ hasText: 'Đã đồng bộ' }).waitFor({ timeout: 30_000 });
    });

    it('finds none on the session list', async () => {
      await page.goto(`${fixture.server.url}/sessions`);
      await page.getByRole('link').filter({ hasText: TITLE }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('finds none in the session editor', async () => {
      await page.goto(`${fixture.server.url}/sessions/${sessionId}`);
      await expect.poll(() => page.getByLabel('Tên buổi').inputValue()).toBe(TITLE);
      await page.getByText('3 người · 2 nữ · 3 DTTS', { exact: true }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('finds none on the roster with three people', async () => {
      await page.goto(`${fixture.server.url}/sessions/${sessionId}/roster`);
      await page
        .getByRole('list', { name: /^Người tham dự buổi này/ })
        .getByRole('listitem')
        .nth(2)
        .waitFor();
      await page.getByLabel('Tìm người đã có').fill('nguyen');
      await page.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('listitem').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('finds none with the quick-add sheet open', async () => {
      await page.goto(`${fixture.server.url}/sessions/${sessionId}/roster`);
      await page.getByRole('button', { name: 'Thêm người mới vào danh sách' }).click();
      const sheet = page.getByRole('dialog', { name: 'Người mới' });
      await sheet.getByLabel('Tìm dân tộc').fill('hmong');
      await sheet.getByRole('list', { name: 'Dân tộc khớp với tên đã gõ' }).getByRole('button').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('finds none in the participant registry', async () => {
      await page.goto(`${fixture.server.url}/participants`);
      await page.getByRole('list', { name: 'Người tham dự của đơn vị' }).getByRole('listitem').nth(2).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('finds none on the photos page with a photo', async () => {
      const jpeg = await drawJpeg(page);
      await page.goto(`${fixture.server.url}/sessions/${sessionId}/photos`);
      await page.getByLabel('Chọn ảnh').setInputFiles({ name: 'lop-hoc.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      await page.getByText('Đã lưu 1 ảnh.').waitFor();
      await page.getByRole('list', { name: 'Ảnh của buổi tập huấn' }).getByRole('img').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('finds none on the sync page', async () => {
      await page.goto(`${fixture.server.url}/sync`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Đồng bộ ngay' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
});
