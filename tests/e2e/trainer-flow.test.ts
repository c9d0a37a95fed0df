// A whole training day recorded offline, in real Chromium against the built app: after one online
// sign-in (and the first sync that brings the topics), the network goes away for good. The trainer
// creates a session, builds its roster (two new people through "+ Người mới", one found in the
// registry without diacritics), adds a photo and submits. Everything survives a reload and a closed
// tab, and the outbox holds exactly the mutations made, in order, none of them on the server.
import type { Page } from 'playwright-core';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import {
  drawJpeg,
  readOutbox,
  signIn,
  syncChip,
  useServerAndBrowser,
  waitForServiceWorker,
  type StoredOutboxEntry,
} from '../support/browser';
import { pullResponseSchema, type Change } from '#domain/schemas/sync';

const TITLE = 'Tập huấn Luật Bình đẳng giới ở bản Khe Rạn';
const PLACE = 'Nhà văn hoá bản Khe Rạn';
const TOTALS = '3 người · 2 nữ · 3 DTTS';

const fixture = useServerAndBrowser();

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

async function createSession(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Buổi mới' }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  await page.getByLabel('Tên buổi').fill(TITLE);
  await page.getByLabel('Địa điểm').fill(PLACE);
  const topics = page.getByRole('group', { name: 'Chọn một hoặc nhiều chủ đề.' }).getByRole('checkbox');
  await topics.nth(0).check();
  await topics.nth(1).check();
  await page.getByRole('radio', { name: /^Danh sách/ }).check();
  await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** "Vi Thị Hương" goes into the unit's registry first, from the participants page. */
async function registerHuong(page: Page): Promise<void> {
  await nav(page, 'Người tham dự').click();
  await page.getByRole('link', { name: 'Thêm người' }).click();
  await page.getByLabel('Họ và tên').fill('Vi Thị Hương');
  await page.getByRole('radio', { name: 'Nữ', exact: true }).check();
  await page.getByRole('button', { name: 'Tày', exact: true }).click();
  await page.getByRole('radio', { name: 'Ký tên' }).check();
  await page.getByRole('button', { name: 'Lưu người mới' }).click();
  await page.waitForURL(/\/participants\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: 'Vi Thị Hương' }).waitFor();
}

async function quickAdd(
  page: Page,
  person: { name: string; gender: string; consent: string },
  pickEthnicity: () => Promise<void>,
) {
  await page.getByRole('button', { name: 'Thêm người mới vào danh sách' }).click();
  const sheet = page.getByRole('dialog', { name: 'Người mới' });
  await sheet.getByLabel('Họ và tên').fill(person.name);
  await sheet.getByRole('radio', { name: person.gender, exact: true }).check();
  await pickEthnicity();
  await sheet.getByRole('radio', { name: person.consent }).check();
  await sheet.getByRole('button', { name: 'Lưu và thêm vào danh sách' }).click();
  await sheet.waitFor({ state: 'hidden' });
  await rosterList(page).getByText(person.name, { exact: true }).waitFor();
}

const rosterList = (page: Page) => page.getByRole('list', { name: /^Người tham dự buổi này/ });
/** The roster's footer reads "Tổng số: 3 người · 2 nữ · 3 DTTS"; the editor's summary just the totals. */
const rosterTotals = (page: Page) => page.getByText(TOTALS);

async function buildRoster(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Mở danh sách người tham dự' }).click();
  await page.getByRole('heading', { level: 1, name: 'Danh sách người tham dự' }).waitFor();

  const sheet = page.getByRole('dialog', { name: 'Người mới' });
  await quickAdd(page, { name: 'Nguyễn Thị Hoà', gender: 'Nữ', consent: 'Đồng ý bằng lời, có người chứng kiến' }, () =>
    sheet.getByRole('button', { name: 'Thái', exact: true }).click(),
  );
  await quickAdd(page, { name: 'Lò Văn Sáng', gender: 'Nam', consent: 'Ký tên' }, async () => {
    await sheet.getByLabel('Tìm dân tộc').fill('hmong');
    const found = sheet.getByRole('list', { name: 'Dân tộc khớp với tên đã gõ' }).getByRole('button').first();
    expect(await found.textContent()).toContain('Mông');
    await found.click();
    await sheet.getByRole('button', { name: /^Đổi dân tộc \(đang chọn: Mông\)$/ }).waitFor();
  });

  await page.getByLabel('Tìm người đã có').fill('vi thi huong');
  await page
    .getByRole('list', { name: 'Kết quả tìm kiếm' })
    .getByRole('button', { name: /^Vi Thị Hương/ })
    .click();
  await rosterList(page).getByText('Vi Thị Hương', { exact: true }).waitFor();
  await rosterTotals(page).waitFor();
}

async function addPhoto(page: Page, jpeg: Buffer): Promise<void> {
  await page.getByRole('link', { name: 'Chụp hoặc chọn ảnh' }).click();
  await page.getByLabel('Chọn ảnh').setInputFiles({ name: 'lop-hoc.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await page.getByText('Đã lưu 1 ảnh.').waitFor();
  await page.getByRole('link', { name: 'Quay lại' }).click();
}

/** What the editor, the roster and the list show of the submitted session, on a page opened at the list. */
async function expectEverythingThere(page: Page, sessionId: string): Promise<void> {
  const card = page.getByRole('link').filter({ hasText: TITLE });
  await card.waitFor({ timeout: 20_000 });
  expect(await card.textContent()).toContain('3 người');
  // Submitted offline: it says it waits to be sent for review, not merely "not sent".
  await card.filter({ hasText: 'Chờ gửi đi duyệt' }).waitFor();
  await card.click();
  await expect.poll(() => page.getByLabel('Tên buổi').inputValue()).toBe(TITLE);
  expect(await page.getByLabel('Địa điểm').inputValue()).toBe(PLACE);
  await page.getByText(TOTALS, { exact: true }).waitFor();
  await page.getByText('1 ảnh', { exact: true }).waitFor();
  await page.getByText('Sẽ gửi khi có mạng.').waitFor();
  await page.getByRole('link', { name: 'Mở danh sách người tham dự' }).click();
  await page.waitForURL(`**/sessions/${sessionId}/roster`);
  const rows = rosterList(page).getByRole('listitem');
  await expect.poll(() => rows.count()).toBe(3);
  const newestFirst = await rows.allTextContents();
  ['Vi Thị Hương', 'Lò Văn Sáng', 'Nguyễn Thị Hoà'].forEach((name, index) =>
    expect(newestFirst[index]).toContain(name),
  );
  await rosterTotals(page).waitFor();
}

/** Consecutive puts of one record may fold into one entry: compare the runs of (name, entityId). */
function runsOf(entries: StoredOutboxEntry[]): string[] {
  const runs: string[] = [];
  for (const entry of entries) {
    const key = `${entry.name} ${entry.entityId}`;
    if (runs.at(-1) !== key) runs.push(key);
  }
  return runs;
}

/** Everything the server holds for trainer.na, pulled through its API as a fresh device. */
async function serverChanges(): Promise<Change[]> {
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
  const clientId = uuidv7();
  const changes: Change[] = [];
  for (let cursor: string | null = null; ;) {
    const response = await fetch(`${fixture.server.url}/api/sync/pull`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ clientId, cursor }),
    });
    const page = pullResponseSchema.parse(await response.json());
    changes.push(...page.changes);
    if (!page.hasMore) return changes;
    cursor = page.cursor;
  }
}

/** The outbox of the day: the mutations made, in order, each of its record. */
function expectTheDaysMutations(outbox: StoredOutboxEntry[], sessionId: string): void {
  const participants = new Map(
    outbox.filter((e) => e.name === 'participant.put').map((e) => [String(e.args.fullName), e.entityId]),
  );
  const [huong, hoa, sang] = ['Vi Thị Hương', 'Nguyễn Thị Hoà', 'Lò Văn Sáng'].map((name) => participants.get(name));
  const attendance = outbox.filter((e) => e.name === 'attendance.put');
  expect(attendance.map((e) => e.args.participantId)).toEqual([hoa, sang, huong]);
  expect(attendance.every((e) => e.args.sessionId === sessionId)).toBe(true);
  const photos = outbox.filter((e) => e.name === 'photo.put');
  expect(photos).toHaveLength(1);
  expect(photos[0]?.args.sessionId).toBe(sessionId);

  expect(runsOf(outbox)).toEqual([
    `session.put ${sessionId}`,
    `participant.put ${huong}`,
    `participant.put ${hoa}`,
    `attendance.put ${attendance[0]?.entityId}`,
    `participant.put ${sang}`,
    `attendance.put ${attendance[1]?.entityId}`,
    `attendance.put ${attendance[2]?.entityId}`,
    `photo.put ${photos[0]?.entityId}`,
    `session.submit ${sessionId}`,
  ]);
  expect(outbox.map((e) => e.id)).toEqual(outbox.map((_, index) => index + 1));
}

describe('the trainer offline', () => {
  it('records a whole training day offline and keeps it across reloads and a closed page', async () => {
    const { page, context } = fixture.browser;
    await signIn(page, fixture.server.url, 'trainer.na');
    await waitForServiceWorker(page);
    await syncChip(page).filter({ hasText: 'Đã đồng bộ' }).waitFor({ timeout: 30_000 });
    const jpeg = await drawJpeg(page);

    await context.setOffline(true);
    await syncChip(page).filter({ hasText: 'Ngoại tuyến' }).waitFor();
    await nav(page, 'Buổi tập huấn').click();
    const sessionId = await createSession(page);
    await registerHuong(page);
    await nav(page, 'Buổi tập huấn').click();
    await page.getByRole('link').filter({ hasText: TITLE }).click();
    await buildRoster(page);
    await page.getByRole('link', { name: 'Quay lại' }).click();
    await page.getByText(TOTALS, { exact: true }).waitFor();
    await addPhoto(page, jpeg);
    await page.getByText('1 ảnh', { exact: true }).waitFor();
    await page.getByText('Đã đủ thông tin để gửi duyệt.').waitFor();
    await page.getByRole('button', { name: 'Gửi duyệt', exact: true }).click();
    await page.getByText('Sẽ gửi khi có mạng.').waitFor();
    await syncChip(page).filter({ hasText: 'Ngoại tuyến, 9 thay đổi chưa gửi' }).waitFor();

    const recorded = await readOutbox(page);
    expectTheDaysMutations(recorded, sessionId);
    expect(new Set(recorded.map((e) => e.status))).toEqual(new Set(['pending']));

    await page.goto(`${fixture.server.url}/sessions`); // a full load, offline: the service worker answers
    await expectEverythingThere(page, sessionId);

    await page.close();
    const again = await context.newPage();
    await again.goto(`${fixture.server.url}/sessions`);
    await expectEverythingThere(again, sessionId);

    // The sync scheduler's start-up run goes ahead even while the browser reports offline; its push
    // claims the batch as `sent` though no request can leave. Still unacknowledged, the same mutations,
    // and the server has none of them.
    const kept = await readOutbox(again);
    expect(kept.map(({ status: _status, ...entry }) => entry)).toEqual(
      recorded.map(({ status: _status, ...entry }) => entry),
    );
    expect(kept.every((e) => e.status === 'pending' || e.status === 'sent')).toBe(true);
    const onServer = await serverChanges();
    expect(onServer.filter((c) => c.id === sessionId || c.data?.sessionId === sessionId)).toEqual([]);
  });
});
