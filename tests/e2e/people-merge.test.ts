// One person counted once (issue 13), in real Chromium against the real server: a trainer registered the same
// woman twice ("Lò Thị Xuân" and "Lo Thi Xuan"), one at each of two sessions. The trainer's phone, offline,
// adds the second registration to a third session. The organiser finds the pair on "Người trùng lặp", keeps
// the first and merges (a person.merge queued on the organiser's device and sent by its sync): the dashboard's
// "Số người" drops by one and the turns stay. The phone comes back online, syncs without a refusal, and its
// roster shows the person kept. A second pair is merged while the organiser is offline: it waits to be sent,
// and is sent when the link returns.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { todayIn } from '#domain/rules/dates';
import { launchBrowser, signIn, syncChip, useServerAndBrowser, waitForServiceWorker } from '../support/browser';

const DESKTOP = { width: 1280, height: 800 };
const csrf = { 'X-Requested-With': 'training-logbook' };
const day = `${todayIn().slice(0, 4)}-03-14`;
const KEPT = 'Lò Thị Xuân';
const SECOND = 'Lo Thi Xuan';

const fixture = useServerAndBrowser({ viewport: DESKTOP });

/** The trainer's earlier work, sent from another device: both registrations, two sessions, a draft. */
async function recordEarlierWork(
  [keptName, secondName, phone] = [KEPT, SECOND, '0912345678'],
): Promise<{ draft: string; kept: string; second: string }> {
  const login = await fetch(`${fixture.server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...csrf },
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
        headers: { cookie: cookie, 'Content-Type': 'application/json', ...csrf },
        body: JSON.stringify(body),
      })
    ).json() as Promise<Record<string, unknown>>;
  const clientId = uuidv7();
  const { changes } = (await post('/api/sync/pull', { clientId, cursor: null, limit: 5000 })) as {
    changes: Array<{ entity: string; id: string; data: Record<string, unknown> | null }>;
  };
  const topicId = changes.find((c) => c.entity === 'topic' && c.data?.key === 'gender-basics')!.id;
  const [kept, second, first, other, draft] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()];
  const person = (id: string, fullName: string, phone: string) => ({
    name: 'participant.put',
    args: {
      id,
      unitId: user.unitId,
      fullName,
      gender: 'female',
      birthYear: 1985,
      ethnicity: '03',
      phone,
      consent: { method: 'signed', at: day },
    },
  });
  const session = (id: string, title: string) => ({
    name: 'session.put',
    args: {
      id,
      unitId: user.unitId,
      format: 'training',
      title,
      topicIds: [topicId],
      startDate: day,
      endDate: day,
      provinceCode: '40',
      communeName: 'Xã Con Cuông',
      adminSet: '2026-07-25',
      placeName: 'Nhà văn hoá bản Khe Rạn',
      attendanceMode: 'roster',
    },
  });
  const mutations = [
    person(kept, keptName, phone),
    person(second, secondName, `+84 ${phone.slice(1)}`),
    session(first, 'Tập huấn bình đẳng giới (buổi 1)'),
    { name: 'attendance.put', args: { id: uuidv7(), sessionId: first, participantId: kept } },
    session(other, 'Tập huấn bình đẳng giới (buổi 2)'),
    { name: 'attendance.put', args: { id: uuidv7(), sessionId: other, participantId: second } },
    { name: 'session.submit', args: { id: first } },
    { name: 'session.submit', args: { id: other } },
    session(draft, 'Sinh hoạt câu lạc bộ (nháp)'),
  ].map((m, i) => ({ ...m, id: i + 1, clientAt: new Date().toISOString() }));
  const { results } = (await post('/api/sync/push', { clientId, mutations })) as { results: Array<{ status: string }> };
  expect(results.map((r) => r.status)).toEqual(mutations.map(() => 'applied'));
  return { draft, kept, second };
}

const tile = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

describe('merging a duplicate person', () => {
  it('counts the person once on the dashboard, and the offline phone syncs its roster onto the person kept', async () => {
    const { draft } = await recordEarlierWork();
    const phone = await launchBrowser();
    try {
      // The trainer's phone: synced once, then offline, adds the second registration to the draft's roster.
      await signIn(phone.page, fixture.server.url, 'trainer.na');
      await waitForServiceWorker(phone.page);
      await syncChip(phone.page).filter({ hasText: 'Đã đồng bộ' }).waitFor({ timeout: 30_000 });
      await phone.context.setOffline(true);
      await phone.page.goto(`${fixture.server.url}/sessions/${draft}/roster`).catch(() => undefined);
      await phone.page.getByLabel('Tìm người đã có').fill('lo thi xuan');
      const results = phone.page.getByRole('list', { name: 'Kết quả tìm kiếm' });
      await results.getByRole('button', { name: new RegExp(`^${SECOND}`) }).click();
      const roster = phone.page.getByRole('list', { name: /^Người tham dự buổi này/ });
      await roster.getByText(SECOND, { exact: true }).waitFor();
      await syncChip(phone.page).filter({ hasText: 'Ngoại tuyến' }).waitFor();

      // The organiser: two people before, the pair found and merged, one person after; the turns stay.
      const { page } = fixture.browser;
      await signIn(page, fixture.server.url, 'organiser.na');
      await page.goto(`${fixture.server.url}/dashboard`);
      await tile(page, 'Lượt người').getByText('2', { exact: true }).waitFor({ timeout: 30_000 });
      await tile(page, 'Số người').getByText('2', { exact: true }).waitFor();

      await page.getByRole('navigation').getByRole('link', { name: 'Người trùng lặp' }).click();
      const group = page.getByRole('region', { name: KEPT });
      await group.getByText('Khả năng cao · 100 điểm').waitFor({ timeout: 30_000 });
      await group.getByRole('columnheader', { name: new RegExp(SECOND) }).waitFor();
      await group
        .getByRole('columnheader', { name: new RegExp(KEPT) })
        .getByRole('radio', { name: 'Giữ bản ghi này' })
        .check();
      await group.getByRole('button', { name: 'Gộp 2 bản ghi thành một người' }).click();
      await page.getByText(`Đã lưu việc gộp 1 bản ghi vào ${KEPT}. Việc gộp sẽ được gửi đi khi đồng bộ.`).waitFor();
      // Sent by the organiser's sync; once answered, the lists are read again from the server.
      await page.getByText('Không thấy người trùng lặp').waitFor({ timeout: 30_000 });
      expect(await page.getByRole('region', { name: 'Đang chờ gửi đi' }).count()).toBe(0);

      await page.getByRole('navigation').getByRole('link', { name: 'Tổng hợp' }).click();
      await page.reload();
      await tile(page, 'Số người').getByText('1', { exact: true }).waitFor({ timeout: 30_000 });
      await tile(page, 'Lượt người').getByText('2', { exact: true }).waitFor();

      // The phone comes back: its unsent attendance of the merged record is written for the person kept.
      await phone.context.setOffline(false);
      await syncChip(phone.page).filter({ hasText: 'Đã đồng bộ' }).waitFor({ timeout: 30_000 });
      await roster.getByText(KEPT, { exact: true }).waitFor({ timeout: 30_000 });
      expect(await roster.getByText(SECOND, { exact: true }).count()).toBe(0);
      expect(await syncChip(phone.page).filter({ hasText: 'Cần xử lý' }).count()).toBe(0);
    } finally {
      await phone.close();
    }
  });

  it('sends a merge the organiser decided offline when the link returns', async () => {
    await recordEarlierWork(['Hà Thị Mai', 'Ha Thi Mai', '0987654321']);
    const { page, context } = fixture.browser;
    await page.goto(`${fixture.server.url}/people/duplicates`);
    const group = page.getByRole('region', { name: /^(Hà Thị Mai|Ha Thi Mai)$/ });
    await group.getByText('Khả năng cao · 100 điểm').waitFor({ timeout: 30_000 });
    await group
      .getByRole('columnheader', { name: /Hà Thị Mai/ })
      .getByRole('radio', { name: 'Giữ bản ghi này' })
      .check();

    await context.setOffline(true);
    await page.getByText('Cần có mạng để tìm người trùng lặp.', { exact: false }).waitFor();
    await group.getByRole('button', { name: 'Gộp 2 bản ghi thành một người' }).click();
    await page.getByText('Đã lưu việc gộp 1 bản ghi vào Hà Thị Mai. Việc gộp sẽ được gửi đi khi đồng bộ.').waitFor();
    const waiting = page.getByRole('region', { name: 'Đang chờ gửi đi' });
    await waiting.getByText('Gộp Ha Thi Mai → Hà Thị Mai', { exact: false }).waitFor();
    await waiting.getByText('· Chờ gửi đi', { exact: true }).waitFor();
    await group.getByText('Chờ gửi đi', { exact: true }).waitFor();

    await context.setOffline(false);
    await waiting.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByText('Không thấy người trùng lặp').waitFor({ timeout: 30_000 });
    const recent = page.getByRole('region', { name: 'Lần gộp gần đây' });
    await recent.getByText('Ha Thi Mai → Hà Thị Mai').waitFor();
  });
});
