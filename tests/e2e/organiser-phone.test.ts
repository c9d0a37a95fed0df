// An organiser on a 360 px phone in Vietnamese: every tab in view, the review queue's custom period
// typed key by key, and the plans page and a session's roster without a sideways scroll.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { signIn, useServerAndBrowser } from '../support/browser';

const fixture = useServerAndBrowser();
const csrf = { 'X-Requested-With': 'training-logbook' };
const rosterSessionId = uuidv7();

/** A trainer's submitted roster session of two people, pushed as the trainer's phone would. */
async function seedSubmittedRoster(): Promise<void> {
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
  const clientId = uuidv7();
  const call = async (path: string, body: unknown) => {
    const response = await fetch(`${fixture.server.url}${path}`, {
      method: 'POST',
      headers: { cookie, 'Content-Type': 'application/json', ...csrf },
      body: JSON.stringify(body),
    });
    return response.json();
  };
  const pulled = (await call('/api/sync/pull', { clientId, cursor: null })) as {
    changes: { entity: string; id: string }[];
  };
  const topic = pulled.changes.find((c) => c.entity === 'topic');
  const day = '2026-03-12';
  const people = [
    { id: uuidv7(), fullName: 'Lương Thị Phương Thảo', gender: 'female', birthYear: 1990, ethnicity: '03' },
    { id: uuidv7(), fullName: 'Vi Văn Khăm', gender: 'male', birthYear: 1978, ethnicity: '03' },
  ];
  const mutations = [
    ...people.map((p) => ({
      name: 'participant.put',
      args: { ...p, unitId: user.unitId, unionRole: 'womens-committee', consent: { method: 'signed', at: day } },
    })),
    {
      name: 'session.put',
      args: {
        id: rosterSessionId,
        unitId: user.unitId,
        format: 'training',
        topicIds: [topic?.id],
        startDate: day,
        endDate: day,
        provinceCode: '40',
        communeName: 'Xã Con Cuông',
        adminSet: '2026-07-25',
        placeName: 'Nhà văn hoá bản Khe Rạn',
        title: 'Tập huấn bình đẳng giới ở bản Khe Rạn',
        attendanceMode: 'roster',
      },
    },
    ...people.map((p) => ({
      name: 'attendance.put',
      args: { id: uuidv7(), sessionId: rosterSessionId, participantId: p.id },
    })),
    { name: 'session.submit', args: { id: rosterSessionId } },
  ];
  const { results } = (await call('/api/sync/push', {
    clientId,
    mutations: mutations.map((m, i) => ({ id: i + 1, ...m, clientAt: new Date().toISOString() })),
  })) as { results: { status: string }[] };
  expect(
    results.map((r) => r.status),
    JSON.stringify(results),
  ).toEqual(mutations.map(() => 'applied'));
}

beforeAll(seedSubmittedRoster);

/** True when the page scrolls sideways (content wider than the 360 px window). */
async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

describe('an organiser on a phone', () => {
  it('sees all seven tabs, whole, inside the screen', async () => {
    const { page } = fixture.browser;
    await signIn(page, fixture.server.url, 'organiser.na');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    const links = nav.getByRole('link');
    await links.first().waitFor();
    expect(await links.allInnerTexts()).toEqual([
      'Duyệt',
      'Tổng hợp',
      'Báo cáo',
      'Kế hoạch',
      'Người trùng lặp',
      'Quản trị',
      'Cài đặt',
    ]);
    for (const box of await Promise.all((await links.all()).map((link) => link.boundingBox()))) {
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    }
    // No label is cut: each fits its tab.
    const cut = await nav
      .locator('.nav__label')
      .evaluateAll((labels) =>
        labels.filter((label) => label.scrollWidth > label.clientWidth).map((label) => label.textContent),
      );
    expect(cut).toEqual([]);
  });

  it('keeps a custom "from" date typed key by key in the review queue', async () => {
    const { page } = fixture.browser;
    await page.goto(`${fixture.server.url}/review?period=custom`);
    const from = page.getByLabel('Từ ngày');
    await from.focus();
    // Headless Chromium's date field reads mm/dd/yyyy whatever the page's language: month, day, then
    // the year digit by digit (0002, 0020, 0202, 2026), as a thumb would type it.
    await page.keyboard.type('03052026', { delay: 80 });
    await expect.poll(() => from.inputValue()).toBe('2026-03-05');
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2026-03-05');
    await page.keyboard.press('Tab');
    expect(await from.inputValue()).toBe('2026-03-05');
  });

  it('shows the plans page without a sideways scroll, each target under its label', async () => {
    const { page } = fixture.browser;
    await page.goto(`${fixture.server.url}/plans`);
    await page.getByRole('table').waitFor();
    await page
      .getByRole('button', { name: /Đặt kế hoạch|Sửa/ })
      .first()
      .waitFor({ timeout: 30_000 });
    expect(await scrollsSideways(page)).toBe(false);
    const turns = page.locator('td[data-label="Lượt người"]').first();
    const box = (await turns.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  });

  it("shows a session's roster as cards, without a sideways scroll", async () => {
    const { page } = fixture.browser;
    await page.goto(`${fixture.server.url}/review/${rosterSessionId}`);
    const name = page.getByRole('rowheader', { name: 'Lương Thị Phương Thảo' });
    await name.waitFor({ timeout: 30_000 });
    expect(await scrollsSideways(page)).toBe(false);
    const table = page.locator('.review-table-scroll');
    expect(await table.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const role = page.getByRole('cell', { name: /Ban nữ công/ }).first();
    expect((await role.boundingBox())!.x + (await role.boundingBox())!.width).toBeLessThanOrEqual(360);
  });
});
