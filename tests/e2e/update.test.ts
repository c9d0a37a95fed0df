// An app update in real Chromium (docs/lessons.md: after an update, forms cached earlier would not open offline).
// The server serves a copy of the build; a trainer leaves unsent work in the outbox, then a "new version"
// (the copy's sw.js with different bytes) is deployed. The app asks before updating and never reloads by
// itself; after the update the outbox is intact and the app still opens offline, the session's form included.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  readOutbox,
  signIn,
  startServer,
  syncChip,
  waitForServiceWorker,
  type Browser,
  type RunningServer,
  type StoredOutboxEntry,
} from '../support/browser';

const TITLE = 'Tập huấn an toàn lao động ở bản Nậm Cang';

let staticDir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'tlb-static-'));
  cpSync('dist', staticDir, { recursive: true });
  server = await startServer({ STATIC_DIR: staticDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(staticDir, { recursive: true, force: true });
});

const sessionsNav = (page: Page) =>
  page.getByRole('navigation').getByRole('link', { name: 'Buổi tập huấn', exact: true });
const sessionCard = (page: Page) => page.getByRole('link').filter({ hasText: TITLE });
const withoutStatus = (entries: StoredOutboxEntry[]) => entries.map(({ status: _status, ...entry }) => entry);

async function createSessionOffline(page: Page): Promise<string> {
  await sessionsNav(page).click();
  await page.getByRole('link', { name: 'Buổi mới' }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  await page.getByLabel('Tên buổi').fill(TITLE);
  await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

describe('an app update', () => {
  it('keeps unsent work through an app update and opens offline afterwards', async () => {
    const { page, context } = browser;
    await signIn(page, server.url, 'trainer.na');
    await waitForServiceWorker(page);
    await syncChip(page).filter({ hasText: 'Đã đồng bộ' }).waitFor({ timeout: 30_000 });

    await context.setOffline(true);
    const sessionId = await createSessionOffline(page);
    const pending = await readOutbox(page);
    expect(pending.some((e) => e.name === 'session.put' && e.entityId === sessionId)).toBe(true);

    // Back online, but every sync request fails: the entries stay unsent.
    await context.route('**/api/sync/**', (route) => route.abort());
    await context.setOffline(false);

    // Deploy "a new version": the browser compares sw.js byte for byte.
    appendFileSync(join(staticDir, 'sw.js'), '\n// build 2\n');
    await page.evaluate(() => {
      (window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
    });
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      void registration?.update(); // resolves only once the new worker's script is fetched
    });

    const prompt = page.getByRole('status').filter({ hasText: 'Có phiên bản mới' });
    await prompt.waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBe(true);
    expect(withoutStatus(await readOutbox(page))).toEqual(withoutStatus(pending));

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Cập nhật' }).click()]);
    expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBeUndefined();
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return Boolean(navigator.serviceWorker.controller) && !registration?.waiting && !registration?.installing;
    });
    await expect.poll(() => prompt.count()).toBe(0);
    expect(withoutStatus(await readOutbox(page))).toEqual(withoutStatus(pending));
    await page.goto(`${server.url}/sessions`);
    await sessionCard(page).waitFor();

    // Offline after the update: the app, the list and the session's form all open from the new worker.
    await context.setOffline(true);
    await page.reload();
    await sessionCard(page).waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe('/sessions');
    await sessionCard(page).click();
    await expect.poll(() => page.getByLabel('Tên buổi').inputValue()).toBe(TITLE);
    expect(withoutStatus(await readOutbox(page))).toEqual(withoutStatus(pending));
    await context.setOffline(false);
  }, 60_000);
});
